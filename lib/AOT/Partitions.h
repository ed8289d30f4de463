//===- Partitions.h - Compiling partitions in parallel, merging objects -*- C++ -*-===//
#ifndef KILN_LIB_AOT_PARTITIONS_H
#define KILN_LIB_AOT_PARTITIONS_H

#include "kiln/Support/Error.h"

#include <cstddef>
#include <functional>
#include <span>
#include <string>

namespace kiln::aot {

/// Calls `Work(I)` for every I in [0, Count), at most `Jobs` at once (0: one
/// per CPU). Which thread runs which I, and in what order, is left to TBB:
/// `Work` must write only to its own I's results.
Expected<void> forEachPartition(size_t Count, unsigned Jobs,
                                const std::function<void(size_t)> &Work);

/// Links relocatable `Objects` into one with `ld.lld -r`, in the given order
/// (so the result depends only on the objects). `Jobs` as above, for lld's
/// own threads.
Expected<std::string> mergeObjects(std::span<const std::string> Objects, unsigned Jobs);

} // namespace kiln::aot

#endif // KILN_LIB_AOT_PARTITIONS_H
