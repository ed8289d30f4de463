//===- AddressRangeRegistry.cpp - Ranges a signal handler can read --------===//
#include "AddressRangeRegistry.h"

#include <thread>

namespace kiln::runtime {

AddressRangeRegistry::~AddressRangeRegistry() { delete Current.load(); }

uint64_t AddressRangeRegistry::add(std::span<const CodeRange> Ranges) {
  std::lock_guard<std::mutex> Lock(WriterLock);
  uint64_t Handle = NextHandle++;
  auto *Next = new Snapshot;
  if (const Snapshot *Old = Current.load())
    Next->Entries = Old->Entries;
  for (const CodeRange &Range : Ranges)
    Next->Entries.push_back({Handle, Range});
  publish(Next);
  return Handle;
}

void AddressRangeRegistry::remove(uint64_t Handle) {
  std::lock_guard<std::mutex> Lock(WriterLock);
  auto *Next = new Snapshot;
  if (const Snapshot *Old = Current.load())
    for (const Entry &E : Old->Entries)
      if (E.Handle != Handle)
        Next->Entries.push_back(E);
  publish(Next);
}

void AddressRangeRegistry::publish(Snapshot *Next) {
  Snapshot *Old = Current.exchange(Next);
  // A reader that incremented `Readers` before the exchange may still hold
  // `Old`; one that increments after it loads `Next`. Both orders are
  // sequentially consistent, so zero readers means `Old` is unreachable.
  while (Readers.load() != 0)
    std::this_thread::yield();
  delete Old;
}

bool AddressRangeRegistry::contains(uintptr_t Address) const {
  Readers.fetch_add(1);
  bool Found = false;
  if (const Snapshot *Snap = Current.load())
    for (const Entry &E : Snap->Entries)
      if (E.Range.contains(Address)) {
        Found = true;
        break;
      }
  Readers.fetch_sub(1);
  return Found;
}

} // namespace kiln::runtime
