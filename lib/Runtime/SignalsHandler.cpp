//===- SignalsHandler.cpp - Turning guard-page faults into traps ----------===//
//
// One SIGSEGV/SIGBUS handler per process. It claims a fault only when this
// thread is inside an invoke, the faulting PC is in registered compiled code
// and the faulting address is inside a linear-memory reservation; any other
// fault belongs to someone else and goes to the handler installed before
// ours (or to the default action).
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/Invoke.h"
#include "kiln/Runtime/TrapRegistry.h"

#include "InvokeFrame.h"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <mutex>
#include <pthread.h>
#include <ucontext.h>

namespace kiln::runtime {
namespace {

struct sigaction PreviousSegv;
struct sigaction PreviousBus;

uintptr_t faultingPc(const void *UContext) {
  const auto *UC = static_cast<const ucontext_t *>(UContext);
#if defined(__x86_64__)
  return static_cast<uintptr_t>(UC->uc_mcontext.gregs[REG_RIP]);
#elif defined(__aarch64__)
  return static_cast<uintptr_t>(UC->uc_mcontext.pc);
#else
#error "Kiln's fault handler supports x86-64 and arm64 Linux"
#endif
}

/// Hands a fault we do not claim to whoever had it before us.
void chainToPrevious(int Signal, siginfo_t *Info, void *UContext) {
  const struct sigaction &Previous = Signal == SIGBUS ? PreviousBus : PreviousSegv;
  if (Previous.sa_flags & SA_SIGINFO) {
    Previous.sa_sigaction(Signal, Info, UContext);
    return;
  }
  if (Previous.sa_handler == SIG_IGN)
    return;
  if (Previous.sa_handler != SIG_DFL) {
    Previous.sa_handler(Signal);
    return;
  }
  // Default action: restore it and re-raise. For a real fault, returning
  // would also re-execute the instruction under the default action; the
  // raise covers signals sent with kill(). SA_NODEFER keeps it unblocked.
  struct sigaction Default = {};
  Default.sa_handler = SIG_DFL;
  sigemptyset(&Default.sa_mask);
  sigaction(Signal, &Default, nullptr);
  raise(Signal);
}

void handleFault(int Signal, siginfo_t *Info, void *UContext) {
  int SavedErrno = errno;
  if (currentInvokeFrame() && isCompiledCode(faultingPc(UContext)) &&
      isInReservation(reinterpret_cast<uintptr_t>(Info->si_addr))) {
    // Leave with the signal mask the faulting code ran with. SA_NODEFER
    // alone is not enough when something wraps our handler and blocks
    // signals around it (ThreadSanitizer does), and the jump does not
    // restore a mask itself.
    pthread_sigmask(SIG_SETMASK, &static_cast<ucontext_t *>(UContext)->uc_sigmask, nullptr);
    unwindToInvoke(abi::TrapCode::OutOfBoundsMemoryAccess);
  }
  chainToPrevious(Signal, Info, UContext);
  errno = SavedErrno;
}

void installProcessHandlers() {
  // Build the registries now: the handler must never be the first user of
  // a function-local static.
  (void)isCompiledCode(0);
  (void)isInReservation(0);
  struct sigaction Action = {};
  Action.sa_sigaction = handleFault;
  // SA_NODEFER and an empty mask: the handler leaves by siglongjmp without
  // restoring a mask, so it must not change the mask on entry either.
  Action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigemptyset(&Action.sa_mask);
  sigaction(SIGSEGV, &Action, &PreviousSegv);
  sigaction(SIGBUS, &Action, &PreviousBus);
}

} // namespace

void installTrapHandlers() {
  static std::once_flag Installed;
  std::call_once(Installed, installProcessHandlers);
  ensureAltStack();
}

} // namespace kiln::runtime
