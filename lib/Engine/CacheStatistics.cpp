//===- CacheStatistics.cpp - Snapshots and the invariants between them ----===//
#include "CacheCounters.h"

#include <string>

namespace kiln::engine {

CacheStatistics CacheCounters::snapshot() const {
  auto Load = [](const std::atomic<uint64_t> &Counter) {
    return Counter.load(std::memory_order_relaxed);
  };
  CacheStatistics Stats;
  Stats.Calls = Load(Calls);
  Stats.Hits = Load(Hits);
  Stats.Waits = Load(Waits);
  Stats.CompilesStarted = Load(CompilesStarted);
  Stats.CompilesSucceeded = Load(CompilesSucceeded);
  Stats.CompilesFailed = Load(CompilesFailed);
  Stats.ReentrancyErrors = Load(ReentrancyErrors);
  Stats.Evictions = Load(Evictions);
  Stats.Erased = Load(Erased);
  Stats.Entries = Load(Entries);
  Stats.ResidentCodeSizeInBytes = Load(ResidentCodeSizeInBytes);
  return Stats;
}

static std::string show(const char *Name, uint64_t Value) {
  return std::string(Name) + " " + std::to_string(Value);
}

std::optional<std::string>
CacheStatistics::checkQuiescentInvariants(const CacheLimits &Limits) const {
  // Every call ends in exactly one of four ways.
  if (Calls != Hits + Waits + CompilesStarted + ReentrancyErrors)
    return show("calls", Calls) + " != " + show("hits", Hits) + " + " + show("waits", Waits) +
           " + " + show("compiles started", CompilesStarted) + " + " +
           show("re-entrancy errors", ReentrancyErrors);
  // Every compile finishes, one way or the other.
  if (CompilesStarted != CompilesSucceeded + CompilesFailed)
    return show("compiles started", CompilesStarted) +
           " != " + show("succeeded", CompilesSucceeded) + " + " + show("failed", CompilesFailed);
  // Every success is published once and leaves at most once.
  if (Entries + Evictions + Erased != CompilesSucceeded)
    return show("entries", Entries) + " + " + show("evictions", Evictions) + " + " +
           show("erased", Erased) + " != " + show("compiles succeeded", CompilesSucceeded);
  if (Limits.MaxEntries && Entries > *Limits.MaxEntries)
    return show("entries", Entries) + " > " + show("the bound", *Limits.MaxEntries);
  if (Limits.MaxCodeSizeInBytes && ResidentCodeSizeInBytes > *Limits.MaxCodeSizeInBytes)
    return show("resident code bytes", ResidentCodeSizeInBytes) + " > " +
           show("the bound", *Limits.MaxCodeSizeInBytes);
  if (Entries == 0 && ResidentCodeSizeInBytes != 0)
    return show("no entries but resident code bytes", ResidentCodeSizeInBytes);
  return std::nullopt;
}

} // namespace kiln::engine
