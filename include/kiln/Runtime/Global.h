//===- kiln/Runtime/Global.h - Storage of one global -----------*- C++ -*-===//
#ifndef KILN_RUNTIME_GLOBAL_H
#define KILN_RUNTIME_GLOBAL_H

#include "kiln/ABI/VMContext.h"
#include "kiln/Runtime/Value.h"
#include "kiln/Support/Error.h"
#include "kiln/Wasm/Types.h"

namespace kiln::runtime {

/// A global's type and its 16-byte `abi::VMGlobal` storage. Compiled code
/// reads and writes the storage directly; importers point at the exporter's.
class Global {
public:
  /// `Init` must have the global's value type (asserted).
  Global(const wasm::GlobalType &Type, const Value &Init);
  Global(const Global &) = delete;
  Global &operator=(const Global &) = delete;

  const wasm::GlobalType &type() const { return Type; }
  Value get() const { return Value::fromGlobal(Type.Type, Storage); }
  /// Embedder writes: fails for an immutable global or a mistyped value.
  Expected<void> set(const Value &V);
  /// Stable address for `VMContext::Globals`.
  abi::VMGlobal *vmGlobal() { return &Storage; }

private:
  wasm::GlobalType Type;
  abi::VMGlobal Storage;
};

} // namespace kiln::runtime

#endif // KILN_RUNTIME_GLOBAL_H
