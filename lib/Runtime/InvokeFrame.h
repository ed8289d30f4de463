//===- InvokeFrame.h - The jump target of a running invoke -------*- C++ -*-===//
//
// Each `invoke` pushes a frame on a thread-local chain; traps jump to the
// innermost. Shared by the invoke trampoline, the trap builtins and the fault
// handler.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_RUNTIME_INVOKEFRAME_H
#define KILN_LIB_RUNTIME_INVOKEFRAME_H

#include "kiln/ABI/TrapCode.h"

#include <csetjmp>
#include <string>

namespace kiln::runtime {

struct InvokeFrame {
  sigjmp_buf Jump;
  InvokeFrame *Previous = nullptr;
  abi::TrapCode Code = abi::TrapCode::None;
  /// A host function's trap, recorded by `kiln_rt_call_host` just before
  /// compiled code traps with `PendingHostCode`.
  abi::TrapCode PendingHostCode = abi::TrapCode::None;
  std::string PendingHostMessage;
};

/// The innermost frame of this thread, or null outside `invoke`.
/// Async-signal-safe (a plain thread_local read).
InvokeFrame *currentInvokeFrame();

/// Records `Code` in the innermost frame and jumps to it. Callable from the
/// fault handler. Aborts with a message outside `invoke`: compiled code can
/// only run inside one, so that is a bug.
[[noreturn]] void unwindToInvoke(abi::TrapCode Code);

/// Makes sure this thread has an alternate signal stack (one Kiln owns and
/// frees at thread exit, unless the thread already had one).
void ensureAltStack();

} // namespace kiln::runtime

#endif // KILN_LIB_RUNTIME_INVOKEFRAME_H
