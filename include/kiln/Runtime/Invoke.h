//===- kiln/Runtime/Invoke.h - Calling into compiled code -------*- C++ -*-===//
//
// The invoke trampoline is the one place where the runtime enters compiled
// code. It records a jump target for this thread, sets the callee's stack
// limit, and calls the module's entry trampoline. A trap (from
// `kiln_rt_trap` or from the fault handler) jumps straight back here, so the
// frames in between are abandoned without unwinding: none of them may own a
// C++ object with a destructor. Invokes nest (a host function may call back
// into Wasm); a trap returns to the innermost one.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_INVOKE_H
#define KILN_RUNTIME_INVOKE_H

#include "kiln/ABI/TrapCode.h"
#include "kiln/ABI/VMContext.h"

#include <cstdint>
#include <string>

namespace kiln::runtime {

/// Calls `EntryTrampoline(Callee, Code, Slots)` (see docs/ABI.md). Returns
/// `TrapCode::None` with the results in `Slots`, or the trap's code. When
/// the trap came from a host function with a message of its own and
/// `HostMessage` is given, the message is stored there (else it is cleared).
abi::TrapCode invoke(abi::VMContext *Callee, void *EntryTrampoline, void *Code,
                     abi::ValueSlot *Slots, std::string *HostMessage = nullptr);

/// Installs the SIGSEGV/SIGBUS handler (once per process) and this thread's
/// alternate signal stack; `invoke` does both itself. Faults the handler
/// does not claim go to the handler that was installed before it, or, if
/// there was none, kill the process as they would have without Kiln.
void installTrapHandlers();

/// Stack kept free below the limit compiled code checks, for host functions
/// called from Wasm, the trap path and the fault handler.
inline constexpr uint64_t StackSafetyMarginInBytes = 128 * 1024;

/// The `VMContext::StackLimit` for this thread: the lowest address of its
/// stack plus the safety margin (at most half the stack). Computed once per
/// thread.
uintptr_t threadStackLimit();

/// Whether this thread is currently inside `invoke` (compiled code or a host
/// function called from it).
bool isInsideInvoke();

} // namespace kiln::runtime

#endif // KILN_RUNTIME_INVOKE_H
