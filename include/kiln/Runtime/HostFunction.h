//===- kiln/Runtime/HostFunction.h - A C++ callable as a Wasm function -*- C++ -*-===//
//
// Host functions report traps by return value: compiled frames may lie
// between the call and the invoke trampoline, and no exception or C++
// unwinding may cross them. Exceptions a callback throws are caught at the
// boundary and become traps.
//
// Compiled code reaches a host function through the importing module's host
// adapter for its type, with `VMFuncRef::Context` pointing at the host
// function's context: an `abi::VMContext` whose `Instance` is null, which is
// how the runtime tells a host callee from a Wasm one.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_HOSTFUNCTION_H
#define KILN_RUNTIME_HOSTFUNCTION_H

#include "kiln/ABI/VMContext.h"
#include "kiln/Runtime/Trap.h"
#include "kiln/Runtime/Value.h"
#include "kiln/Wasm/Types.h"

#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace kiln::runtime {

/// The callback: `Args` match the type's parameters; `Results` arrive
/// holding zero values of the result types and are to be overwritten (with
/// values of the same types). Return a `Trap` to trap.
using HostCallback = std::function<TrapOr<void>(std::span<const Value> Args, std::span<Value> Results)>;

class HostFunction : public std::enable_shared_from_this<HostFunction> {
  struct PrivateTag {};

public:
  static std::shared_ptr<HostFunction> create(wasm::FuncType Type, HostCallback Callback);
  HostFunction(PrivateTag, wasm::FuncType Type, HostCallback Callback);
  HostFunction(const HostFunction &) = delete;
  HostFunction &operator=(const HostFunction &) = delete;

  const wasm::FuncType &type() const { return Type; }
  uint32_t signatureId() const { return SignatureId; }
  /// The stable address to use as `VMFuncRef::Context`.
  abi::VMContext *context() { return &Context.Header; }
  /// The host function behind a context, or null when `Context` belongs to
  /// a Wasm instance.
  static HostFunction *fromContext(const abi::VMContext *Context);

  /// Calls the callback; an argument of the wrong type is a bug (asserted),
  /// checked by callers. Results come back typed.
  TrapOr<std::vector<Value>> call(std::span<const Value> Args);
  /// The `kiln_rt_call_host` path: arguments in `Slots`, results written
  /// back to `Slots`.
  TrapOr<void> callWithSlots(abi::ValueSlot *Slots);

private:
  /// Standard layout with the VMContext first, so a `VMContext *` from
  /// compiled code converts back to this.
  struct HostContext {
    abi::VMContext Header{};
    HostFunction *Owner = nullptr;
  };

  HostContext Context;
  wasm::FuncType Type;
  uint32_t SignatureId;
  HostCallback Callback;
};

} // namespace kiln::runtime

#endif // KILN_RUNTIME_HOSTFUNCTION_H
