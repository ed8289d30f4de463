//===- ForEachPartition.cpp - Partitions on a bounded number of threads ---===//
//
// A task_arena caps the concurrency at -j without touching TBB's global
// settings, so an embedder's own TBB work is unaffected.
//
//===----------------------------------------------------------------------===//
#include "Partitions.h"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cstdint>
#include <exception>

namespace kiln::aot {

Expected<void> forEachPartition(size_t Count, unsigned Jobs,
                                const std::function<void(size_t)> &Work) {
  // More threads than partitions or CPUs would only wait (and TBB warns
  // when asked for more workers than the machine has).
  size_t Threads = std::min<size_t>({Jobs == 0 ? SIZE_MAX : Jobs, Count,
                                     static_cast<size_t>(tbb::info::default_concurrency())});
  try {
    if (Threads <= 1) {
      // No thread is started for what one thread does anyway.
      for (size_t Index = 0; Index < Count; ++Index)
        Work(Index);
      return {};
    }
    tbb::task_arena Arena(static_cast<int>(Threads));
    Arena.execute([&] {
      // Grain 1: a partition is already a large unit of work.
      tbb::parallel_for(tbb::blocked_range<size_t>(0, Count, 1),
                        [&](const tbb::blocked_range<size_t> &Range) {
                          for (size_t Index = Range.begin(); Index != Range.end(); ++Index)
                            Work(Index);
                        });
    });
  } catch (const std::exception &E) {
    return makeError(ErrorKind::Internal, std::string("compile failed: ") + E.what());
  }
  return {};
}

} // namespace kiln::aot
