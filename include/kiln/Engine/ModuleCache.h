//===- kiln/Engine/ModuleCache.h - Compile each module once -------*- C++ -*-===//
//
// The in-memory compiled-module cache (docs/Cache.md has the whole
// contract). Any number of threads may ask for the same module at once: one
// of them compiles it, outside every lock, and the others block until it is
// done, then all receive the same handle or the same error. A successful
// compile stays cached until it is erased, cleared or evicted by the
// optional bounds; a failed one is forgotten, so the next call compiles
// again. The compiler is injected, which is how tests drive the cache and
// how the Engine plugs in the JIT.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_ENGINE_MODULECACHE_H
#define KILN_ENGINE_MODULECACHE_H

#include "kiln/Engine/CacheKey.h"
#include "kiln/Engine/CompileRequest.h"
#include "kiln/Runtime/CompiledModule.h"
#include "kiln/Support/Error.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace kiln::engine {

using CompileResult = Expected<std::shared_ptr<const runtime::CompiledModule>>;

/// Compiles one request. It must read its inputs only from the request, may
/// run on any thread, concurrently with other compiles of other keys, and
/// must return a fully constructed module (never null) or an error. An
/// exception it throws is turned into an `Internal` error.
using CompileFunction = std::function<CompileResult(const CompileRequest &)>;

/// Optional bounds; beyond them the least recently used entries are evicted.
struct CacheLimits {
  std::optional<uint64_t> MaxEntries;
  /// Sum of the entries' code sizes (their `CodeRange`s).
  std::optional<uint64_t> MaxCodeSizeInBytes;

  bool bounded() const { return MaxEntries || MaxCodeSizeInBytes; }
};

/// Counters since the cache was created. Each is exact; a snapshot taken
/// while calls are in progress may catch one counter updated and a related
/// one not yet. When no call is in progress the relations checked by
/// `checkQuiescentInvariants` hold.
struct CacheStatistics {
  uint64_t Calls = 0;                   ///< getOrCompile calls.
  uint64_t Hits = 0;                    ///< Served by an already published entry.
  uint64_t Waits = 0;                   ///< Joined another caller's compile.
  uint64_t CompilesStarted = 0;         ///< Calls that ran the compiler.
  uint64_t CompilesSucceeded = 0;       ///< ... and got a module (it was published).
  uint64_t CompilesFailed = 0;          ///< ... and got an error (it was forgotten).
  uint64_t ReentrancyErrors = 0;        ///< A compile asked for its own key.
  uint64_t Evictions = 0;               ///< Entries dropped to honour the bounds.
  uint64_t Erased = 0;                  ///< Entries dropped by erase or clear.
  uint64_t Entries = 0;                 ///< Published entries held now.
  uint64_t ResidentCodeSizeInBytes = 0; ///< Code size of those entries.

  /// With no call in progress:
  ///   Calls == Hits + Waits + CompilesStarted + ReentrancyErrors
  ///   CompilesStarted == CompilesSucceeded + CompilesFailed
  ///   Entries == CompilesSucceeded - Evictions - Erased
  ///   Entries <= MaxEntries, ResidentCodeSizeInBytes <= MaxCodeSizeInBytes
  ///   Entries == 0 implies ResidentCodeSizeInBytes == 0
  /// Returns a description of the first relation that fails.
  std::optional<std::string> checkQuiescentInvariants(const CacheLimits &Limits) const;
};

class ModuleCache {
public:
  explicit ModuleCache(CompileFunction Compile, CacheLimits Limits = {});
  /// Must not run while another thread is inside a member function.
  /// Handles already given out stay valid: they own their modules.
  ~ModuleCache();
  ModuleCache(const ModuleCache &) = delete;
  ModuleCache &operator=(const ModuleCache &) = delete;

  /// Returns the module for `Request`, compiling it if no entry exists;
  /// thread-safe. Concurrent callers with one key share one compile. A
  /// compile that asks for its own key (directly or through other keys, on
  /// its own thread) gets an `Internal` error instead of a deadlock.
  CompileResult getOrCompile(const CompileRequest &Request);
  /// The same, for a caller that already has the key; `Key` must equal
  /// `computeCacheKey(Request)` (the Engine computes it faster).
  CompileResult getOrCompile(const CompileRequest &Request, const CacheKey &Key);

  /// The published module for `Key`, counted as a call and a hit; null (and
  /// nothing counted) when there is none yet, in which case the caller goes
  /// on to `getOrCompile`. Lets a hit skip building the request.
  std::shared_ptr<const runtime::CompiledModule> findPublished(const CacheKey &Key);

  /// Drops the cache's reference to a published entry; returns whether one
  /// was dropped. A compile still in progress is not affected: it publishes
  /// when it finishes (the erase is ordered before it).
  bool erase(const CacheKey &Key);
  /// Erases every published entry.
  void clear();

  /// Whether a published entry for `Key` is held; not counted as a call.
  bool contains(const CacheKey &Key) const;
  /// Entries plus compiles in progress. Approximate while other threads
  /// use the cache; with none, equals `statistics().Entries`.
  uint64_t size() const;

  CacheStatistics statistics() const;
  const CacheLimits &limits() const;

private:
  struct Impl;
  std::unique_ptr<Impl> State;
};

} // namespace kiln::engine

#endif // KILN_ENGINE_MODULECACHE_H
