//===- BuiltinsTrap.cpp - kiln_rt_trap and kiln_rt_call_host --------------===//
#include "kiln/Runtime/Builtins.h"
#include "kiln/Runtime/HostFunction.h"

#include "InvokeFrame.h"

using kiln::abi::TrapCode;
using kiln::abi::ValueSlot;
using kiln::abi::VMContext;
using kiln::runtime::HostFunction;

extern "C" void kiln_rt_trap(VMContext *, uint32_t Code) {
  kiln::runtime::unwindToInvoke(static_cast<TrapCode>(Code));
}

extern "C" uint32_t kiln_rt_call_host(VMContext *HostContext, ValueSlot *Slots) {
  HostFunction *Host = HostFunction::fromContext(HostContext);
  kiln::runtime::TrapOr<void> Outcome = Host->callWithSlots(Slots);
  if (Outcome)
    return 0;
  // The adapter's caller traps with the returned code right away; leave
  // the message where the invoke that catches it will look.
  TrapCode Code = Outcome.error().Code;
  if (Code == TrapCode::None)
    Code = TrapCode::HostTrap;
  if (kiln::runtime::InvokeFrame *Frame = kiln::runtime::currentInvokeFrame()) {
    Frame->PendingHostCode = Code;
    Frame->PendingHostMessage = std::move(Outcome.error().Message);
  }
  return static_cast<uint32_t>(Code);
}
