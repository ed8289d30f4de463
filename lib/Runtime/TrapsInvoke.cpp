//===- TrapsInvoke.cpp - The invoke trampoline ----------------------------===//
#include "kiln/Runtime/Invoke.h"

#include "InvokeFrame.h"

#include <cstdio>
#include <cstdlib>

namespace kiln::runtime {
namespace {

// Initial-exec TLS in practice (Kiln is linked statically), so the fault
// handler can read it without allocating.
thread_local InvokeFrame *CurrentFrame = nullptr;

using EntryTrampolineFn = void (*)(abi::VMContext *, void *, abi::ValueSlot *);

} // namespace

InvokeFrame *currentInvokeFrame() { return CurrentFrame; }

bool isInsideInvoke() { return CurrentFrame != nullptr; }

void unwindToInvoke(abi::TrapCode Code) {
  InvokeFrame *Frame = CurrentFrame;
  if (!Frame) {
    // Not reachable from correct compiled code; say what happened rather
    // than jumping through garbage.
    std::fprintf(stderr, "kiln: trap '%s' outside of any invoke\n",
                 abi::trapMessage(Code).data());
    std::abort();
  }
  Frame->Code = Code;
  // The frames between here and the invoke are compiled code, builtins with
  // trivially destructible locals, or the fault handler; they are abandoned.
  siglongjmp(Frame->Jump, 1);
}

// UBSan's -fsanitize=function would read a type signature in front of the
// entry trampoline, which compiled code does not have (and the bytes before
// it may not be mapped).
#if defined(__clang__)
__attribute__((no_sanitize("function")))
#endif
abi::TrapCode invoke(abi::VMContext *Callee, void *EntryTrampoline, void *Code,
                     abi::ValueSlot *Slots, std::string *HostMessage) {
  installTrapHandlers();
  Callee->StackLimit = threadStackLimit();
  InvokeFrame Frame;
  Frame.Previous = CurrentFrame;
  // No signal mask is saved, which keeps a sigprocmask call off every
  // invoke: the fault handler restores the faulting code's mask itself
  // before it jumps here.
  if (sigsetjmp(Frame.Jump, 0) == 0) {
    CurrentFrame = &Frame;
    reinterpret_cast<EntryTrampolineFn>(EntryTrampoline)(Callee, Code, Slots);
    CurrentFrame = Frame.Previous;
    if (HostMessage)
      HostMessage->clear();
    return abi::TrapCode::None;
  }
  CurrentFrame = Frame.Previous;
  if (HostMessage) {
    if (Frame.PendingHostCode == Frame.Code && Frame.Code != abi::TrapCode::None)
      *HostMessage = std::move(Frame.PendingHostMessage);
    else
      HostMessage->clear();
  }
  return Frame.Code;
}

} // namespace kiln::runtime
