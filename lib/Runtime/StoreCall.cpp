//===- StoreCall.cpp - Calling a function with typed values ---------------===//
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/Invoke.h"
#include "kiln/Runtime/Store.h"

#include <algorithm>

namespace kiln::runtime {

/// The spec runner relies on these checks to report misuse as errors, not
/// as crashes inside compiled code.
static Expected<void> checkArguments(const wasm::FuncType &Type, std::span<const Value> Args) {
  if (Args.size() != Type.Params.size())
    return makeError(ErrorKind::Usage, "expected " + std::to_string(Type.Params.size()) +
                                           " arguments, got " + std::to_string(Args.size()));
  for (size_t I = 0; I < Args.size(); ++I)
    if (Args[I].type() != Type.Params[I])
      return makeError(ErrorKind::Usage,
                       "argument " + std::to_string(I) + ": expected " +
                           std::string(wasm::valTypeName(Type.Params[I])) + ", got " +
                           std::string(wasm::valTypeName(Args[I].type())));
  return {};
}

/// Runs a Wasm function through its module's entry trampoline.
static Expected<TrapOr<std::vector<Value>>> callCompiled(const abi::VMFuncRef &Ref,
                                                         const wasm::FuncType &Type,
                                                         std::span<const Value> Args) {
  Instance *Callee = Instance::fromContext(Ref.Context);
  void *Entry = Callee->entryTrampolineFor(Ref.SignatureId);
  if (!Entry)
    return makeError(ErrorKind::Internal, "no entry trampoline for the function's type");
  std::vector<abi::ValueSlot> Slots(std::max<size_t>({Args.size(), Type.Results.size(), 1}));
  for (size_t I = 0; I < Args.size(); ++I)
    Slots[I] = Args[I].toSlot();
  std::string HostMessage;
  abi::TrapCode Code = invoke(Ref.Context, Entry, Ref.Code, Slots.data(), &HostMessage);
  if (Code != abi::TrapCode::None) {
    Trap T = Trap::fromCode(Code);
    if (!HostMessage.empty())
      T.Message = std::move(HostMessage);
    return TrapOr<std::vector<Value>>(std::unexpected(std::move(T)));
  }
  std::vector<Value> Results;
  Results.reserve(Type.Results.size());
  for (size_t I = 0; I < Type.Results.size(); ++I)
    Results.push_back(Value::fromSlot(Type.Results[I], Slots[I]));
  return TrapOr<std::vector<Value>>(std::move(Results));
}

Expected<TrapOr<std::vector<Value>>> Store::call(const Function &F, std::span<const Value> Args) {
  if (!F)
    return makeError(ErrorKind::Usage, "call of a null function");
  const wasm::FuncType &Type = F.type();
  if (Expected<void> Checked = checkArguments(Type, Args); !Checked)
    return forwardError(Checked);
  if (HostFunction *Host = F.hostFunction())
    return Host->call(Args);
  // Only the outermost call can find the Store on a new thread.
  if (!isInsideInvoke())
    adoptThread();
  return callCompiled(*F.funcRef(), Type, Args);
}

} // namespace kiln::runtime
