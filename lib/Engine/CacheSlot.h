//===- CacheSlot.h - One key's compile, shared by its callers ----*- C++ -*-===//
//
// The first caller of a key installs a slot and compiles; every other caller
// of that key holds the same slot and blocks on its future. The future makes
// publication safe: the module is fully constructed before `set_value`, and
// `get` happens-after it, so no thread can see a half-built module.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_ENGINE_CACHESLOT_H
#define KILN_LIB_ENGINE_CACHESLOT_H

#include "kiln/Engine/CacheKey.h"
#include "kiln/Engine/ModuleCache.h"

#include <chrono>
#include <cstdint>
#include <future>
#include <list>
#include <memory>

namespace kiln::engine {

struct CacheSlot {
  explicit CacheSlot(const CacheKey &Key) : Key(Key), Future(Promise.get_future().share()) {}

  /// Whether the compile has finished (with a module or an error).
  bool isReady() const {
    return Future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  }

  const CacheKey Key;
  /// Fulfilled exactly once, by the caller that installed the slot.
  std::promise<CompileResult> Promise;
  std::shared_future<CompileResult> Future;

  // Residency, guarded by the LruList's mutex. A slot is listed from the
  // moment its module is published until it is evicted or erased.
  bool Listed = false;
  uint64_t CodeSizeInBytes = 0;
  std::list<std::shared_ptr<CacheSlot>>::iterator Position;
};

using SlotPtr = std::shared_ptr<CacheSlot>;

} // namespace kiln::engine

#endif // KILN_LIB_ENGINE_CACHESLOT_H
