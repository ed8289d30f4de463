//===- CompileInProgress.cpp - Which keys this thread is compiling --------===//
#include "CompileInProgress.h"

#include <algorithm>
#include <cassert>
#include <utility>
#include <vector>

namespace kiln::engine {

namespace {
using Entry = std::pair<const void *, CacheKey>;
/// Nested compiles on one thread are few, so a vector beats a set.
thread_local std::vector<Entry> CompilingOnThisThread;
} // namespace

CompileInProgress::CompileInProgress(const void *Cache, const CacheKey &Key) {
  CompilingOnThisThread.emplace_back(Cache, Key);
}

CompileInProgress::~CompileInProgress() {
  assert(!CompilingOnThisThread.empty() && "compiles end in the order they started");
  CompilingOnThisThread.pop_back();
}

bool CompileInProgress::onThisThread(const void *Cache, const CacheKey &Key) {
  return std::find(CompilingOnThisThread.begin(), CompilingOnThisThread.end(), Entry(Cache, Key)) !=
         CompilingOnThisThread.end();
}

} // namespace kiln::engine
