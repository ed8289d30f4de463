//===- kiln/Runtime/Extern.h - What modules import and export ---*- C++ -*-===//
//
// An `Extern` is a function, table, memory or global that an instance
// exports or an embedder provides as an import. Tables, memories and globals
// are referred to by pointer: their owner (an Instance or the Store) keeps
// them alive for the Store's lifetime.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_EXTERN_H
#define KILN_RUNTIME_EXTERN_H

#include "kiln/ABI/VMContext.h"
#include "kiln/Runtime/HostFunction.h"
#include "kiln/Wasm/Types.h"

#include <memory>
#include <string>
#include <variant>

namespace kiln::runtime {

class Global;
class LinearMemory;
class Table;

/// A callable function: a Wasm function (or a host function an instance
/// imported) as a `VMFuncRef`, or a host function not yet seen by any
/// instance, which has no `VMFuncRef` because host adapters come from the
/// importing module's code.
class Function {
public:
  Function() = default;
  static Function host(std::shared_ptr<HostFunction> Host);
  /// From a non-null funcref; recognises host functions by their context.
  static Function fromFuncRef(const abi::VMFuncRef *Ref);

  explicit operator bool() const { return Ref || Host; }
  /// Null for a host function that no instance has imported.
  const abi::VMFuncRef *funcRef() const { return Ref; }
  /// Non-null for host functions.
  HostFunction *hostFunction() const { return Host.get(); }
  const std::shared_ptr<HostFunction> &sharedHostFunction() const { return Host; }
  uint32_t signatureId() const;
  const wasm::FuncType &type() const;

private:
  const abi::VMFuncRef *Ref = nullptr;
  std::shared_ptr<HostFunction> Host;
};

class Extern {
public:
  Extern(Function F) : Item(std::move(F)) {}
  Extern(Table *T) : Item(T) {}
  Extern(LinearMemory *M) : Item(M) {}
  Extern(Global *G) : Item(G) {}

  wasm::ExternKind kind() const { return static_cast<wasm::ExternKind>(Item.index()); }
  /// Null when the extern is of another kind.
  const Function *function() const { return std::get_if<Function>(&Item); }
  Table *table() const { return getOr<Table *>(); }
  LinearMemory *memory() const { return getOr<LinearMemory *>(); }
  Global *global() const { return getOr<Global *>(); }

  /// "func [i32] -> [i32]", "table 1 10 funcref", ... for link errors.
  std::string describe() const;

private:
  template <typename T> T getOr() const {
    const T *P = std::get_if<T>(&Item);
    return P ? *P : nullptr;
  }

  // The order matches wasm::ExternKind's values.
  std::variant<Function, Table *, LinearMemory *, Global *> Item;
};

} // namespace kiln::runtime

#endif // KILN_RUNTIME_EXTERN_H
