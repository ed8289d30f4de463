//===- kiln/Engine/DiskCache.h - Compiled code kept across processes -*- C++ -*-===//
//
// The opt-in disk half of the Engine's cache (docs/Cache.md, "The disk
// cache"). One file per key, `<root>/kiln-cache-v1/<build>/<key hex>.kcache`,
// holding a header (magic, format version, the full key, the versions, the
// build identity, the target, a BLAKE3 checksum) and an opaque payload (the
// Engine stores AOT artifacts). Lookups verify every field and the checksum
// on bytes read into memory before anyone uses them; anything wrong is a
// miss and the file is deleted. Stores write a temporary file, fsync it,
// rename it over the final name and fsync the folder, so a reader sees a
// whole file or none. Several processes may share one root. No operation
// ever fails loudly: I/O errors are counted and reported as misses.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_ENGINE_DISKCACHE_H
#define KILN_ENGINE_DISKCACHE_H

#include "kiln/CodeGen/TargetSpec.h"
#include "kiln/Engine/CacheKey.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>

namespace kiln::engine {

/// Bump when the file layout changes; it names the versioned folder too, so
/// files of another format are never even opened.
inline constexpr uint32_t CurrentDiskFormatVersion = 1;

/// What a cache file must have been written by, and for.
struct DiskCacheIdentity {
  std::string KilnVersion;
  std::string LLVMVersion;
  /// Changes whenever the compiler binary changes (see `buildIdentity`).
  std::string BuildIdentity;
  /// Resolved triple, CPU and feature list.
  codegen::TargetSpec Target;

  /// This process's versions and build identity, for `Target`.
  static DiskCacheIdentity ofThisBuild(codegen::TargetSpec Target);
};

/// "build-id-<hex>": the GNU build ID of the executable or shared object
/// holding Kiln's compiler (a digest the linker computes over the output),
/// or, when it has none, "blake3-<hex>": BLAKE3 of that file. Computed once.
const std::string &buildIdentity();

/// Counters since the cache was created; exact each, related as stated by
/// `checkQuiescentInvariants` when no call is in progress.
struct DiskCacheStatistics {
  uint64_t Lookups = 0;     ///< lookup calls.
  uint64_t Hits = 0;        ///< A verified file whose payload was used.
  uint64_t Misses = 0;      ///< Everything else; the Engine then compiles.
  uint64_t Absent = 0;      ///< ... no file for the key.
  uint64_t Rejected = 0;    ///< ... stale, truncated, corrupt or unusable: deleted.
  uint64_t ReadErrors = 0;  ///< ... the file could not be read (I/O error).
  uint64_t Stores = 0;      ///< Files written and renamed into place.
  uint64_t StoreErrors = 0; ///< Stores that failed (nothing left under the final name).
  /// The Engine compiled a miss with the JIT because no artifact could be
  /// built or loaded (no linker, no temporary folder, a loader refusal).
  uint64_t Fallbacks = 0;

  /// With no call in progress:
  ///   Lookups == Hits + Misses
  ///   Misses == Absent + Rejected + ReadErrors
  /// and, for a cache used by an Engine (which stores only after a miss):
  ///   Stores + StoreErrors <= Misses, Fallbacks <= Misses
  /// Returns a description of the first relation that fails.
  std::optional<std::string> checkQuiescentInvariants(bool UsedByEngine = true) const;
};

enum class DiskLookupOutcome { Hit, Absent, Rejected, ReadError };

/// The points of a store, in order, at which the store observer is called.
enum class DiskStoreStep {
  Written,  ///< The temporary file holds every byte; not yet fsynced.
  Synced,   ///< fsynced and closed; not yet renamed.
  Renamed,  ///< Under its final name; the folder not yet fsynced.
};

class DiskCache {
public:
  /// A cache under `RootDirectory` (created on the first store) for files
  /// written by `Identity`. Nothing is touched on the disk here.
  DiskCache(std::string RootDirectory, DiskCacheIdentity Identity);
  DiskCache(const DiskCache &) = delete;
  DiskCache &operator=(const DiskCache &) = delete;

  /// `<root>/kiln-cache-v<N>/<kiln>_<llvm>_<build identity>`.
  const std::string &folder() const { return Folder; }
  /// The file that holds `Key`'s entry.
  std::string entryPath(const CacheKey &Key) const;
  const DiskCacheIdentity &identity() const { return Identity; }

  /// Reads `Key`'s file into memory and verifies it; a verified payload is
  /// handed to `Use`, and the lookup is a hit when `Use` returns true. A
  /// file that fails verification, or whose payload `Use` refuses, is
  /// deleted (unless another process has replaced it meanwhile). A hit
  /// sets the file's modification time to now, the "last used" time that
  /// `pruneDiskCache`'s size bound goes by. Thread-safe.
  DiskLookupOutcome lookup(const CacheKey &Key,
                           const std::function<bool(std::span<const uint8_t>)> &Use);

  /// Writes `Payload` as `Key`'s entry (atomically: see the file comment);
  /// returns whether it is in place. Thread-safe.
  bool store(const CacheKey &Key, std::span<const uint8_t> Payload);

  /// Counts a fallback compile (see `DiskCacheStatistics::Fallbacks`).
  void noteFallback();

  DiskCacheStatistics statistics() const;

  /// Test hook: called at each step of every store on the storing thread,
  /// so a test can `_exit` a writer there (a crash at that point). Set it
  /// before the cache is shared.
  using StoreObserver = std::function<void(DiskStoreStep)>;
  void setStoreObserver(StoreObserver Observer) { OnStoreStep = std::move(Observer); }

private:
  struct Counters {
    std::atomic<uint64_t> Lookups{0}, Hits{0}, Misses{0}, Absent{0}, Rejected{0},
        ReadErrors{0}, Stores{0}, StoreErrors{0}, Fallbacks{0};
  };
  DiskLookupOutcome miss(std::atomic<uint64_t> &Reason, DiskLookupOutcome Outcome);
  bool writeEntry(const CacheKey &Key, std::span<const uint8_t> Payload);

  std::string Root;
  DiskCacheIdentity Identity;
  std::string Folder;
  StoreObserver OnStoreStep;
  Counters Count;
};

} // namespace kiln::engine

#endif // KILN_ENGINE_DISKCACHE_H
