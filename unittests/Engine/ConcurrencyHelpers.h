//===- ConcurrencyHelpers.h - Barriers and watchdogs for cache tests -*- C++ -*-===//
//
// Tests prove overlap and absence of hangs with barriers and timeouts that
// only fire on failure, never with wall-clock expectations about speed: the
// machines that run them are shared and slow, and TSan slows them further.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_UNITTESTS_ENGINE_CONCURRENCYHELPERS_H
#define KILN_UNITTESTS_ENGINE_CONCURRENCYHELPERS_H

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace kiln::engine::test {

/// Generous enough for a TSan build on a loaded two-core machine.
inline constexpr std::chrono::seconds HangTimeout{120};

/// A one-shot meeting point that gives up after a timeout, so a test whose
/// parties never all arrive fails instead of hanging.
class Rendezvous {
public:
  explicit Rendezvous(int Parties) : Remaining(Parties) {}

  /// Whether every party arrived before the timeout.
  bool arriveAndWait(std::chrono::seconds Timeout = HangTimeout) {
    std::unique_lock<std::mutex> Lock(Mutex);
    if (--Remaining == 0) {
      Arrived.notify_all();
      return true;
    }
    return Arrived.wait_for(Lock, Timeout, [&] { return Remaining == 0; });
  }

private:
  std::mutex Mutex;
  std::condition_variable Arrived;
  int Remaining;
};

/// Polls `Condition` until it holds (true) or the timeout passes (false).
inline bool waitUntil(const std::function<bool()> &Condition,
                      std::chrono::seconds Timeout = HangTimeout) {
  auto Deadline = std::chrono::steady_clock::now() + Timeout;
  while (!Condition()) {
    if (std::chrono::steady_clock::now() > Deadline)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

/// Runs `Body` and aborts the whole test program with a message if it has
/// not finished within the timeout: a hang is the failure being tested for,
/// and a hung test would otherwise only be noticed by a CI timeout.
inline void runWithWatchdog(const char *What, const std::function<void()> &Body,
                            std::chrono::seconds Timeout = HangTimeout) {
  std::promise<void> Done;
  std::future<void> Finished = Done.get_future();
  std::thread Worker([&] {
    Body();
    Done.set_value();
  });
  if (Finished.wait_for(Timeout) != std::future_status::ready) {
    std::fprintf(stderr, "watchdog: '%s' did not finish within %lld s\n", What,
                 static_cast<long long>(Timeout.count()));
    std::abort();
  }
  Worker.join();
}

} // namespace kiln::engine::test

#endif // KILN_UNITTESTS_ENGINE_CONCURRENCYHELPERS_H
