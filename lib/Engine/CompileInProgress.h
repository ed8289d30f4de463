//===- CompileInProgress.h - Which keys this thread is compiling -*- C++ -*-===//
//
// A compile that asks the cache for its own key would wait on its own slot
// forever. Each thread records the (cache, key) pairs it is compiling, so
// such a call is recognised and answered with an error instead. Cycles that
// cross threads (a compile blocking on another thread that asks for the
// first key) are not detected; see docs/Cache.md.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_ENGINE_COMPILEINPROGRESS_H
#define KILN_LIB_ENGINE_COMPILEINPROGRESS_H

#include "kiln/Engine/CacheKey.h"

namespace kiln::engine {

/// Marks `Key` of `Cache` as being compiled on this thread for its lifetime.
class CompileInProgress {
public:
  CompileInProgress(const void *Cache, const CacheKey &Key);
  ~CompileInProgress();
  CompileInProgress(const CompileInProgress &) = delete;
  CompileInProgress &operator=(const CompileInProgress &) = delete;

  static bool onThisThread(const void *Cache, const CacheKey &Key);
};

} // namespace kiln::engine

#endif // KILN_LIB_ENGINE_COMPILEINPROGRESS_H
