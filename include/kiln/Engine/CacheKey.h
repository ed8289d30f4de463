//===- kiln/Engine/CacheKey.h - The name of one compile -----------*- C++ -*-===//
//
// A cache key is a 256-bit BLAKE3 digest of the canonical encoding of a
// `CompileRequest` (see CompileRequest.h). Equal requests give equal keys;
// any change to an input that can change generated code gives a different
// key. The hex form is a valid file name; the disk cache names its files
// with it.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_ENGINE_CACHEKEY_H
#define KILN_ENGINE_CACHEKEY_H

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>

namespace kiln::engine {

struct CacheKey {
  static constexpr size_t SizeInBytes = 32;
  std::array<uint8_t, SizeInBytes> Bytes{};

  /// 64 lowercase hex digits.
  std::string hex() const;
  /// The first eight bytes as an integer. The digest is uniformly
  /// distributed, so this is a good hash for in-memory tables as it is.
  uint64_t hashPrefix() const;

  auto operator<=>(const CacheKey &) const = default;
};

} // namespace kiln::engine

#endif // KILN_ENGINE_CACHEKEY_H
