//===- kiln/Runtime/Store.h - Owner of instances and host objects -*- C++ -*-===//
//
// A Store owns instances and the tables, memories and globals an embedder
// creates; they all live until the Store is destroyed. A Store is used by
// one thread at a time and is not itself thread-safe; many Stores on many
// threads can instantiate the same CompiledModule concurrently. Imports must
// come from the same Store (or be host functions).
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_STORE_H
#define KILN_RUNTIME_STORE_H

#include "kiln/Runtime/CompiledModule.h"
#include "kiln/Runtime/Extern.h"
#include "kiln/Runtime/Imports.h"
#include "kiln/Runtime/RuntimeConfig.h"
#include "kiln/Runtime/Trap.h"
#include "kiln/Runtime/Value.h"
#include "kiln/Support/Error.h"

#include <memory>
#include <span>
#include <vector>

namespace kiln::runtime {

class Global;
class Instance;
class LinearMemory;
class Table;

class Store {
public:
  explicit Store(RuntimeConfig Config = {});
  Store(const Store &) = delete;
  Store &operator=(const Store &) = delete;
  ~Store();

  const RuntimeConfig &config() const { return Config; }

  /// Instantiates `Module` with `Imports` given in the module's import
  /// order. Unknown or mistyped imports and resource limits are Errors
  /// (nothing happened); a trap while initialising segments or in the start
  /// function is a Trap, and the effects up to it stay (the spec's rule).
  Expected<TrapOr<Instance *>> instantiate(std::shared_ptr<const CompiledModule> Module,
                                           std::span<const Extern> Imports);
  /// The same with imports looked up by name.
  Expected<TrapOr<Instance *>> instantiate(std::shared_ptr<const CompiledModule> Module,
                                           const Imports &Resolver);

  /// Host-created objects, owned by the Store.
  Expected<Table *> createTable(const wasm::TableType &Type, const Value &Init);
  Expected<LinearMemory *> createMemory(const wasm::MemoryType &Type);
  Expected<Global *> createGlobal(const wasm::GlobalType &Type, const Value &Init);

  /// Calls `F` with `Args`: a count or type mismatch is an Error, a trap a
  /// Trap.
  Expected<TrapOr<std::vector<Value>>> call(const Function &F, std::span<const Value> Args);

  /// Whether `I` belongs to this store.
  bool owns(const Instance &I) const;

private:
  /// Points every instance's stack limit at the calling thread's stack, for
  /// the first call after the Store moved to another thread.
  void adoptThread();

  RuntimeConfig Config;
  uintptr_t StackLimit = 0;
  std::vector<std::unique_ptr<Instance>> Instances;
  std::vector<std::unique_ptr<Table>> Tables;
  std::vector<std::unique_ptr<LinearMemory>> Memories;
  std::vector<std::unique_ptr<Global>> Globals;
};

} // namespace kiln::runtime

#endif // KILN_RUNTIME_STORE_H
