//===- ModuleCache.cpp - Compile each module once -------------------------===//
//
// The TBB map's per-key accessor only decides who compiles: it is held for
// the few instructions that find or install a slot, never during a compile.
// TBB's accessors wait by spinning, and a compile can take seconds, so every
// waiter would burn a core; instead waiters block on the slot's future. See
// docs/Cache.md for the whole contract.
//
//===----------------------------------------------------------------------===//
#include "kiln/Engine/ModuleCache.h"

#include "CacheCounters.h"
#include "CacheSlot.h"
#include "CompileInProgress.h"
#include "LruList.h"

#include <oneapi/tbb/concurrent_hash_map.h>

#include <cassert>
#include <exception>
#include <memory>
#include <utility>

namespace kiln::engine {

namespace {

struct KeyHashCompare {
  static size_t hash(const CacheKey &Key) { return Key.hashPrefix(); }
  static bool equal(const CacheKey &A, const CacheKey &B) { return A == B; }
};

// std::allocator rather than TBB's default tbb_allocator: the latter hands
// nodes to libtbbmalloc when it is installed, whose frees and reuses
// ThreadSanitizer cannot see (Debian's oneTBB is not instrumented), so every
// recycled node was reported as a race. Nodes are only allocated on a miss,
// where a compile dwarfs malloc's cost.
using SlotMap = tbb::concurrent_hash_map<CacheKey, SlotPtr, KeyHashCompare,
                                         std::allocator<std::pair<const CacheKey, SlotPtr>>>;

uint64_t codeSizeInBytes(const runtime::CompiledModule &Module) {
  uint64_t Size = 0;
  for (const runtime::CodeRange &Range : Module.codeRanges())
    Size += Range.End - Range.Begin;
  return Size;
}

} // namespace

struct ModuleCache::Impl {
  Impl(CompileFunction Compile, CacheLimits Limits)
      : Compile(std::move(Compile)), Limits(std::move(Limits)) {}

  std::pair<SlotPtr, bool> claim(const CacheKey &Key);
  CompileResult join(CacheSlot &Slot);
  CompileResult compileAndPublish(const SlotPtr &Slot, const CompileRequest &Request,
                                  const void *Cache);
  CompileResult runCompiler(const CompileRequest &Request, const CacheKey &Key, const void *Cache);
  void removeIfCurrent(const SlotPtr &Slot);

  CompileFunction Compile;
  const CacheLimits Limits;
  CacheCounters Counters;
  SlotMap Slots;
  LruList Lru{Limits, Counters};
};

/// Finds the key's slot, or installs a fresh one; returns it and whether
/// this caller installed it (and so must compile and fulfil it).
std::pair<SlotPtr, bool> ModuleCache::Impl::claim(const CacheKey &Key) {
  {
    // The common case, a hit, takes only a shared lock on the element.
    SlotMap::const_accessor Reader;
    if (Slots.find(Reader, Key))
      return {Reader->second, false};
  }
  // Allocated before the accessor is taken, so nothing that can fail runs
  // while the map holds a half-installed entry.
  auto Fresh = std::make_shared<CacheSlot>(Key);
  SlotMap::accessor Writer;
  if (Slots.insert(Writer, SlotMap::value_type(Key, Fresh)))
    return {std::move(Fresh), true};
  return {Writer->second, false};
}

CompileResult ModuleCache::Impl::join(CacheSlot &Slot) {
  // A ready slot found in the map holds a module: a failed compile leaves
  // the map before its error is set. The error case here is a caller that
  // found the slot just before that removal; it joined the failed compile.
  if (Slot.isReady() && Slot.Future.get().has_value()) {
    CacheCounters::add(Counters.Hits);
    if (Limits.bounded())
      Lru.touch(Slot);
    return Slot.Future.get();
  }
  CacheCounters::add(Counters.Waits);
  return Slot.Future.get();
}

CompileResult ModuleCache::Impl::runCompiler(const CompileRequest &Request, const CacheKey &Key,
                                             const void *Cache) {
  CompileInProgress Marker(Cache, Key);
  // An exception must not escape: the slot would never be fulfilled and
  // every waiter would block forever.
  try {
    CompileResult Result = Compile(Request);
    if (Result && !*Result)
      return makeError(ErrorKind::Internal, "the compiler returned neither a module nor an error");
    return Result;
  } catch (const std::exception &E) {
    return makeError(ErrorKind::Internal, std::string("the compiler threw: ") + E.what());
  } catch (...) {
    return makeError(ErrorKind::Internal, "the compiler threw an unknown exception");
  }
}

CompileResult ModuleCache::Impl::compileAndPublish(const SlotPtr &Slot,
                                                   const CompileRequest &Request,
                                                   const void *Cache) {
  CacheCounters::add(Counters.CompilesStarted);
  CompileResult Result = runCompiler(Request, Slot->Key, Cache);
  if (!Result) {
    // Out of the map first, so that a caller arriving after the error is
    // visible starts a new compile instead of receiving a cached failure.
    removeIfCurrent(Slot);
    Slot->Promise.set_value(Result);
    CacheCounters::add(Counters.CompilesFailed);
    return Result;
  }
  // Listed before the waiters wake, so that anyone holding the handle can
  // erase the entry it came from.
  std::list<SlotPtr> Victims = Lru.insert(Slot, codeSizeInBytes(**Result));
  Slot->Promise.set_value(Result);
  CacheCounters::add(Counters.CompilesSucceeded);
  for (const SlotPtr &Victim : Victims)
    removeIfCurrent(Victim);
  return Result;
}

/// Removes `Slot` from the map unless its key now names another slot. The
/// caller keeps a reference, so no module is destroyed under the accessor.
void ModuleCache::Impl::removeIfCurrent(const SlotPtr &Slot) {
  SlotMap::accessor Writer;
  if (Slots.find(Writer, Slot->Key) && Writer->second == Slot)
    Slots.erase(Writer);
}

ModuleCache::ModuleCache(CompileFunction Compile, CacheLimits Limits)
    : State(std::make_unique<Impl>(std::move(Compile), std::move(Limits))) {
  assert(State->Compile && "a module cache needs a compiler");
}

ModuleCache::~ModuleCache() = default;

CompileResult ModuleCache::getOrCompile(const CompileRequest &Request) {
  return getOrCompile(Request, computeCacheKey(Request));
}

std::shared_ptr<const runtime::CompiledModule> ModuleCache::findPublished(const CacheKey &Key) {
  SlotPtr Slot;
  {
    SlotMap::const_accessor Reader;
    if (!State->Slots.find(Reader, Key))
      return nullptr;
    Slot = Reader->second;
  }
  // As in join: a ready slot in the map holds a module, unless its compile
  // failed a moment ago; either way, not ready or failed is "not here".
  if (!Slot->isReady() || !Slot->Future.get().has_value())
    return nullptr;
  CacheCounters::add(State->Counters.Calls);
  CacheCounters::add(State->Counters.Hits);
  if (State->Limits.bounded())
    State->Lru.touch(*Slot);
  return *Slot->Future.get();
}

CompileResult ModuleCache::getOrCompile(const CompileRequest &Request, const CacheKey &Key) {
  assert(Key == computeCacheKey(Request) && "the key must name the request");
  CacheCounters::add(State->Counters.Calls);
  if (CompileInProgress::onThisThread(this, Key)) {
    CacheCounters::add(State->Counters.ReentrancyErrors);
    return makeError(ErrorKind::Internal, "re-entrant compile: compiling module " + Key.hex() +
                                              " asked the cache for that same module");
  }
  auto [Slot, Installed] = State->claim(Key);
  if (!Installed)
    return State->join(*Slot);
  return State->compileAndPublish(Slot, Request, this);
}

bool ModuleCache::erase(const CacheKey &Key) {
  // Declared before the accessor so that it is released after it: the
  // module, if this was its last reference, is freed outside the lock.
  SlotPtr Held;
  SlotMap::accessor Writer;
  if (!State->Slots.find(Writer, Key))
    return false;
  Held = Writer->second;
  if (!State->Lru.remove(*Held))
    return false;
  State->Slots.erase(Writer);
  return true;
}

void ModuleCache::clear() {
  // Only published entries are listed; compiles in progress publish later.
  std::list<SlotPtr> Removed = State->Lru.removeAll();
  for (const SlotPtr &Slot : Removed)
    State->removeIfCurrent(Slot);
}

bool ModuleCache::contains(const CacheKey &Key) const {
  SlotMap::const_accessor Reader;
  if (!State->Slots.find(Reader, Key))
    return false;
  const CacheSlot &Slot = *Reader->second;
  return Slot.isReady() && Slot.Future.get().has_value();
}

uint64_t ModuleCache::size() const { return State->Slots.size(); }

CacheStatistics ModuleCache::statistics() const { return State->Counters.snapshot(); }

const CacheLimits &ModuleCache::limits() const { return State->Limits; }

} // namespace kiln::engine
