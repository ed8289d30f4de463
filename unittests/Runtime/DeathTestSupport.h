//===- DeathTestSupport.h - Observing faults Kiln does not claim -*- C++ -*-===//
#ifndef KILN_UNITTESTS_RUNTIME_DEATHTESTSUPPORT_H
#define KILN_UNITTESTS_RUNTIME_DEATHTESTSUPPORT_H

// Also says which sanitizer the tests were built with.

#include <csignal>
#include <sys/wait.h>

namespace kiln::runtime::test {

// AddressSanitizer and ThreadSanitizer install SIGSEGV handlers of their own,
// which Kiln's handler chains to.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define KILN_TEST_SANITIZER_SEGV_HANDLER 1
#endif
#if __has_feature(thread_sanitizer)
#define KILN_TEST_TSAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define KILN_TEST_SANITIZER_SEGV_HANDLER 1
#endif
#if defined(__SANITIZE_THREAD__)
#define KILN_TEST_TSAN 1
#endif

/// The exit status of a process that died of an unclaimed SIGSEGV: killed
/// by the signal, or, under a sanitizer, the sanitizer's report and exit.
inline bool diedOfSegv(int Status) {
#ifdef KILN_TEST_SANITIZER_SEGV_HANDLER
  if (WIFEXITED(Status) && WEXITSTATUS(Status) != 0)
    return true;
#endif
  return WIFSIGNALED(Status) && WTERMSIG(Status) == SIGSEGV;
}

} // namespace kiln::runtime::test

#endif // KILN_UNITTESTS_RUNTIME_DEATHTESTSUPPORT_H
