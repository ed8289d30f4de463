//===- LruList.h - Residency order and bounds of published entries -*- C++ -*-===//
//
// Least-recently-used order is kept here, beside the TBB map rather than in
// it, under one mutex: the map is never iterated while other threads use it
// (its iterators are not safe against concurrent insertion and erasure), so
// eviction and clear find their victims in this list instead.
//
// Lock order: a caller may hold a map accessor while it calls in here, never
// the reverse; nothing in here touches the map. Victims are returned, not
// destroyed: the caller removes them from the map after this mutex is
// released, and the last reference to a module is never dropped under it.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_ENGINE_LRULIST_H
#define KILN_LIB_ENGINE_LRULIST_H

#include "CacheCounters.h"
#include "CacheSlot.h"

#include <list>
#include <mutex>

namespace kiln::engine {

class LruList {
public:
  LruList(const CacheLimits &Limits, CacheCounters &Counters)
      : Limits(Limits), Counters(Counters) {}

  /// Lists a just-published slot as the most recently used, then unlists
  /// least recently used slots (possibly this one, if it alone exceeds a
  /// bound) until the bounds hold; returns those, counted as evictions.
  std::list<SlotPtr> insert(const SlotPtr &Slot, uint64_t CodeSizeInBytes);
  /// Marks a listed slot as the most recently used.
  void touch(CacheSlot &Slot);
  /// Unlists a slot for erase; false when it is not listed (its compile is
  /// still running, or it was already evicted or erased).
  bool remove(CacheSlot &Slot);
  /// Unlists every slot for clear and returns them.
  std::list<SlotPtr> removeAll();

private:
  bool overLimits() const;
  /// Unlinking's accounting; the caller moves the list node.
  void account(CacheSlot &Slot);

  const CacheLimits &Limits;
  CacheCounters &Counters;
  std::mutex Lock;
  /// Most recently used first.
  std::list<SlotPtr> Order;
};

} // namespace kiln::engine

#endif // KILN_LIB_ENGINE_LRULIST_H
