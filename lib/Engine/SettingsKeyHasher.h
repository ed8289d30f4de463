//===- SettingsKeyHasher.h - Cache keys with the settings pre-hashed -*- C++ -*-===//
//
// Every request of one Engine has the same settings (versions, target,
// features, codegen options); only the module bytes differ, and they are
// the last field of the encoding. Hashing the settings once and resuming
// from a copy of that state makes a cache hit cost little more than hashing
// the module's bytes: the feature list alone is a hundred-odd strings.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_ENGINE_SETTINGSKEYHASHER_H
#define KILN_LIB_ENGINE_SETTINGSKEYHASHER_H

#include "kiln/Engine/CompileRequest.h"

#include "llvm/Support/BLAKE3.h"

#include <span>

namespace kiln::engine {

class SettingsKeyHasher {
public:
  /// Hashes every field of `Settings` except its module bytes.
  explicit SettingsKeyHasher(const CompileRequest &Settings);
  /// Equals `computeCacheKey` of the settings' request with `ModuleBytes`.
  CacheKey keyFor(std::span<const uint8_t> ModuleBytes) const;

private:
  llvm::BLAKE3 Prefix;
};

} // namespace kiln::engine

#endif // KILN_LIB_ENGINE_SETTINGSKEYHASHER_H
