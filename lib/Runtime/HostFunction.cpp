//===- HostFunction.cpp - A C++ callable as a Wasm function ---------------===//
#include "kiln/Runtime/HostFunction.h"

#include "kiln/Runtime/SignatureRegistry.h"

#include <cassert>
#include <exception>
#include <type_traits>

namespace kiln::runtime {

std::shared_ptr<HostFunction> HostFunction::create(wasm::FuncType Type, HostCallback Callback) {
  return std::make_shared<HostFunction>(PrivateTag{}, std::move(Type), std::move(Callback));
}

HostFunction::HostFunction(PrivateTag, wasm::FuncType Type, HostCallback Callback)
    : Type(std::move(Type)), SignatureId(canonicalSignatureId(this->Type)),
      Callback(std::move(Callback)) {
  // Header.Instance stays null: that marks the context as a host's.
  Context.Owner = this;
}

HostFunction *HostFunction::fromContext(const abi::VMContext *Ctx) {
  static_assert(std::is_standard_layout_v<HostContext>,
                "a VMContext pointer must convert back to its HostContext");
  if (!Ctx || Ctx->Instance)
    return nullptr;
  return reinterpret_cast<const HostContext *>(Ctx)->Owner;
}

TrapOr<std::vector<Value>> HostFunction::call(std::span<const Value> Args) {
  assert(Args.size() == Type.Params.size() && "host function called with the wrong arity");
  std::vector<Value> Results;
  Results.reserve(Type.Results.size());
  for (wasm::ValType T : Type.Results)
    Results.push_back(Value::zero(T));
  TrapOr<void> Outcome = [&]() -> TrapOr<void> {
    try {
      return Callback(Args, Results);
    } catch (const std::exception &E) {
      return std::unexpected(Trap::host(std::string("host function threw: ") + E.what()));
    } catch (...) {
      return std::unexpected(Trap::host("host function threw an exception"));
    }
  }();
  if (!Outcome)
    return std::unexpected(std::move(Outcome.error()));
  for (size_t I = 0; I < Results.size(); ++I)
    if (Results[I].type() != Type.Results[I])
      return std::unexpected(Trap::host("host function returned a value of the wrong type"));
  return Results;
}

TrapOr<void> HostFunction::callWithSlots(abi::ValueSlot *Slots) {
  std::vector<Value> Args;
  Args.reserve(Type.Params.size());
  for (size_t I = 0; I < Type.Params.size(); ++I)
    Args.push_back(Value::fromSlot(Type.Params[I], Slots[I]));
  TrapOr<std::vector<Value>> Results = call(Args);
  if (!Results)
    return std::unexpected(std::move(Results.error()));
  for (size_t I = 0; I < Results->size(); ++I)
    Slots[I] = (*Results)[I].toSlot();
  return {};
}

} // namespace kiln::runtime
