//===- LruList.cpp - Residency order and bounds of published entries -----===//
#include "LruList.h"

namespace kiln::engine {

bool LruList::overLimits() const {
  // Both counters change only under `Lock`, which the caller holds.
  uint64_t Entries = Counters.Entries.load(std::memory_order_relaxed);
  uint64_t Bytes = Counters.ResidentCodeSizeInBytes.load(std::memory_order_relaxed);
  return (Limits.MaxEntries && Entries > *Limits.MaxEntries) ||
         (Limits.MaxCodeSizeInBytes && Bytes > *Limits.MaxCodeSizeInBytes);
}

void LruList::account(CacheSlot &Slot) {
  Slot.Listed = false;
  CacheCounters::subtract(Counters.Entries);
  CacheCounters::subtract(Counters.ResidentCodeSizeInBytes, Slot.CodeSizeInBytes);
}

std::list<SlotPtr> LruList::insert(const SlotPtr &Slot, uint64_t CodeSizeInBytes) {
  std::list<SlotPtr> Victims;
  std::lock_guard<std::mutex> Guard(Lock);
  Order.push_front(Slot);
  Slot->Position = Order.begin();
  Slot->Listed = true;
  Slot->CodeSizeInBytes = CodeSizeInBytes;
  CacheCounters::add(Counters.Entries);
  CacheCounters::add(Counters.ResidentCodeSizeInBytes, CodeSizeInBytes);
  while (!Order.empty() && overLimits()) {
    auto Last = std::prev(Order.end());
    account(**Last);
    CacheCounters::add(Counters.Evictions);
    Victims.splice(Victims.end(), Order, Last);
  }
  return Victims;
}

void LruList::touch(CacheSlot &Slot) {
  std::lock_guard<std::mutex> Guard(Lock);
  if (Slot.Listed && Slot.Position != Order.begin())
    Order.splice(Order.begin(), Order, Slot.Position);
}

bool LruList::remove(CacheSlot &Slot) {
  std::lock_guard<std::mutex> Guard(Lock);
  if (!Slot.Listed)
    return false;
  account(Slot);
  CacheCounters::add(Counters.Erased);
  // The caller holds a reference to the slot, so this node's is not the
  // last one and nothing is destroyed under the lock.
  Order.erase(Slot.Position);
  return true;
}

std::list<SlotPtr> LruList::removeAll() {
  std::list<SlotPtr> Removed;
  std::lock_guard<std::mutex> Guard(Lock);
  for (const SlotPtr &Slot : Order) {
    account(*Slot);
    CacheCounters::add(Counters.Erased);
  }
  Removed.swap(Order);
  return Removed;
}

} // namespace kiln::engine
