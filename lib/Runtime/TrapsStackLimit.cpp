//===- TrapsStackLimit.cpp - Where this thread's Wasm stack ends ----------===//
#include "kiln/Runtime/Invoke.h"

#include <algorithm>
#include <pthread.h>

namespace kiln::runtime {

/// Asks pthreads for the thread's stack (for the main thread glibc derives
/// it from the stack mapping and RLIMIT_STACK) and keeps the margin free.
static uintptr_t computeStackLimit() {
  pthread_attr_t Attr;
  void *Low = nullptr;
  size_t SizeInBytes = 0;
  bool Known = pthread_getattr_np(pthread_self(), &Attr) == 0;
  if (Known) {
    Known = pthread_attr_getstack(&Attr, &Low, &SizeInBytes) == 0 && SizeInBytes != 0;
    pthread_attr_destroy(&Attr);
  }
  if (!Known) {
    // Without stack bounds assume 1 MiB below the current frame: smaller
    // than any default thread stack on Linux.
    auto Here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    return Here - (1u << 20) + StackSafetyMarginInBytes;
  }
  uint64_t Margin = std::min<uint64_t>(StackSafetyMarginInBytes, SizeInBytes / 2);
  return reinterpret_cast<uintptr_t>(Low) + Margin;
}

uintptr_t threadStackLimit() {
  thread_local uintptr_t Limit = computeStackLimit();
  return Limit;
}

} // namespace kiln::runtime
