//===- DiskCacheFile.h - The layout of one disk cache file -------*- C++ -*-===//
//
// Pure functions, no I/O: encoding a header for a payload, and verifying the
// bytes of a whole file against the key and identity a lookup expects.
// docs/Cache.md has the table of fields.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_ENGINE_DISKCACHEFILE_H
#define KILN_LIB_ENGINE_DISKCACHEFILE_H

#include "kiln/Engine/DiskCache.h"
#include "kiln/Support/Error.h"

#include <cstdint>
#include <span>
#include <vector>

namespace kiln::engine {

/// The header that precedes `Payload` in `Key`'s file; its checksum covers
/// the header and the payload.
std::vector<uint8_t> encodeDiskEntryHeader(const CacheKey &Key, const DiskCacheIdentity &Identity,
                                           std::span<const uint8_t> Payload);

/// Checks every field of `File` (a whole file's bytes) and its checksum;
/// returns the payload (a view into `File`) or why the file is unusable.
Expected<std::span<const uint8_t>> verifyDiskEntry(std::span<const uint8_t> File,
                                                   const CacheKey &Key,
                                                   const DiskCacheIdentity &Identity);

} // namespace kiln::engine

#endif // KILN_LIB_ENGINE_DISKCACHEFILE_H
