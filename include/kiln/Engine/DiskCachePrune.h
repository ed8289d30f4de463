//===- kiln/Engine/DiskCachePrune.h - Collecting a disk cache's garbage -*- C++ -*-===//
//
// Removes what the disk cache (kiln/Engine/DiskCache.h) never removes by
// itself: temporary files of writers that died, folders of other builds and
// of older file formats, and, with a size bound, the least recently used
// entries of this build's folder (docs/Cache.md, "Pruning"). Safe to run
// while other processes use the cache: it removes only names it recognises,
// never follows a symbolic link, and a reader never needs a file after it
// has read it into memory.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_ENGINE_DISKCACHEPRUNE_H
#define KILN_ENGINE_DISKCACHEPRUNE_H

#include "kiln/Support/Error.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiln::engine {

struct DiskCachePruneOptions {
  /// Remove this build's least recently used entries (oldest modification
  /// time first; a disk hit refreshes it) until the entries and the kept
  /// temporary files of this build's folder total at most this many bytes.
  std::optional<uint64_t> MaxSizeInBytes;
  /// Report what would be removed, remove nothing.
  bool DryRun = false;
  /// A temporary file younger than this is kept even when no process has
  /// its writer's pid: pids are per namespace, so a writer in another
  /// container is invisible here, and a writer that lives this long is
  /// writing a file no real artifact needs.
  std::chrono::seconds TemporaryGracePeriod = std::chrono::hours(1);
};

/// A number of files and their total size.
struct PruneTally {
  uint64_t Files = 0;
  uint64_t Bytes = 0;
  void add(uint64_t Size) {
    ++Files;
    Bytes += Size;
  }
};

struct DiskCachePruneReport {
  /// `<root>/kiln-cache-v<N>/<this build>`, whether or not it exists.
  std::string CurrentFolder;
  /// Temporary files whose writer is gone (any build, any older format).
  PruneTally DeadTemporaries;
  /// Entries in folders of other builds, and the folders emptied.
  PruneTally OtherBuildFiles;
  uint64_t OtherBuildFolders = 0;
  /// Files and folders of older file formats (`kiln-cache-v<M>`, M < N).
  PruneTally OlderFormatFiles;
  uint64_t OlderFormatFolders = 0;
  /// This build's entries removed to meet the size bound.
  PruneTally Evicted;
  /// What stays in this build's folder: entries, and temporary files of
  /// live or recent writers (also counted in `KeptTemporaries`).
  PruneTally Kept;
  PruneTally KeptTemporaries;
  /// Paths left alone because they are not the cache's: unknown names,
  /// symbolic links, folders of newer formats, folders with such things
  /// inside. Sorted.
  std::vector<std::string> Unknown;
  /// Files that matched and should have gone but could not be removed.
  uint64_t RemoveErrors = 0;

  PruneTally removed() const {
    PruneTally Total;
    for (const PruneTally *T : {&DeadTemporaries, &OtherBuildFiles, &OlderFormatFiles, &Evicted}) {
      Total.Files += T->Files;
      Total.Bytes += T->Bytes;
    }
    return Total;
  }
};

/// Prunes the disk cache rooted at `Root` (the folder given as
/// `Config::DiskCacheDirectory`). A root without a `kiln-cache-v*` folder is
/// an empty cache, not an error; a root that cannot be opened is an `Io`
/// error. Individual files that cannot be removed are counted, not errors.
Expected<DiskCachePruneReport> pruneDiskCache(const std::string &Root,
                                              const DiskCachePruneOptions &Options);

} // namespace kiln::engine

#endif // KILN_ENGINE_DISKCACHEPRUNE_H
