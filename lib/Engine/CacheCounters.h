//===- CacheCounters.h - The statistics, as atomics ---------------*- C++ -*-===//
#ifndef KILN_LIB_ENGINE_CACHECOUNTERS_H
#define KILN_LIB_ENGINE_CACHECOUNTERS_H

#include "kiln/Engine/ModuleCache.h"

#include <atomic>
#include <cstdint>

namespace kiln::engine {

/// Relaxed atomics: each counter is exact on its own, and the invariants
/// between them are only claimed when no call is in progress, where joining
/// the threads (or any other synchronisation) orders every update.
struct CacheCounters {
  std::atomic<uint64_t> Calls{0};
  std::atomic<uint64_t> Hits{0};
  std::atomic<uint64_t> Waits{0};
  std::atomic<uint64_t> CompilesStarted{0};
  std::atomic<uint64_t> CompilesSucceeded{0};
  std::atomic<uint64_t> CompilesFailed{0};
  std::atomic<uint64_t> ReentrancyErrors{0};
  // Changed only with the LruList's mutex held, so they agree with the list.
  std::atomic<uint64_t> Evictions{0};
  std::atomic<uint64_t> Erased{0};
  std::atomic<uint64_t> Entries{0};
  std::atomic<uint64_t> ResidentCodeSizeInBytes{0};

  static void add(std::atomic<uint64_t> &Counter, uint64_t Amount = 1) {
    Counter.fetch_add(Amount, std::memory_order_relaxed);
  }
  static void subtract(std::atomic<uint64_t> &Counter, uint64_t Amount = 1) {
    Counter.fetch_sub(Amount, std::memory_order_relaxed);
  }

  CacheStatistics snapshot() const;
};

} // namespace kiln::engine

#endif // KILN_LIB_ENGINE_CACHECOUNTERS_H
