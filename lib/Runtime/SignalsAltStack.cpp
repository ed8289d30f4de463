//===- SignalsAltStack.cpp - A signal stack for every thread that runs Wasm -===//
//
// The fault handler runs with SA_ONSTACK so that it still has a stack when
// the thread's own is in a bad state. Threads get a Kiln-owned alternate
// stack the first time they invoke Wasm; it is freed when the thread exits.
//
//===----------------------------------------------------------------------===//
#include "InvokeFrame.h"

#include <csignal>
#include <sys/mman.h>
#include <unistd.h>

namespace kiln::runtime {
namespace {

constexpr size_t AltStackSizeInBytes = 64 * 1024;

class ThreadAltStack {
public:
  ThreadAltStack() {
    stack_t Current;
    if (sigaltstack(nullptr, &Current) == 0 && !(Current.ss_flags & SS_DISABLE))
      return; // The thread (or a sanitizer) already set one up; keep it.
    size_t PageSize = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    size_t Size = AltStackSizeInBytes;
    if (long Min = sysconf(_SC_SIGSTKSZ); Min > 0 && Size < static_cast<size_t>(Min) * 4)
      Size = static_cast<size_t>(Min) * 4;
    // One inaccessible page below, so an overflowing handler faults loudly.
    void *Mapping = mmap(nullptr, Size + PageSize, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (Mapping == MAP_FAILED)
      return;
    mprotect(Mapping, PageSize, PROT_NONE);
    stack_t Stack = {};
    Stack.ss_sp = static_cast<char *>(Mapping) + PageSize;
    Stack.ss_size = Size;
    if (sigaltstack(&Stack, nullptr) != 0) {
      munmap(Mapping, Size + PageSize);
      return;
    }
    Base = Mapping;
    MappedSize = Size + PageSize;
  }

  ~ThreadAltStack() {
    if (!Base)
      return;
    stack_t Disable = {};
    Disable.ss_flags = SS_DISABLE;
    sigaltstack(&Disable, nullptr);
    munmap(Base, MappedSize);
  }

  ThreadAltStack(const ThreadAltStack &) = delete;
  ThreadAltStack &operator=(const ThreadAltStack &) = delete;

private:
  void *Base = nullptr;
  size_t MappedSize = 0;
};

} // namespace

void ensureAltStack() { thread_local ThreadAltStack Stack; }

} // namespace kiln::runtime
