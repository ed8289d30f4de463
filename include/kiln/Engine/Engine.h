//===- kiln/Engine/Engine.h - The embedding facade ----------------*- C++ -*-===//
//
// An Engine turns WebAssembly bytes into compiled modules that any number of
// Stores, on any threads, instantiate. It owns a `Config` and a
// `ModuleCache`: compiling the same bytes twice returns the same module.
// One Engine is meant to be shared by every runtime in a process; all its
// member functions are thread-safe.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_ENGINE_ENGINE_H
#define KILN_ENGINE_ENGINE_H

#include "kiln/Engine/CompileRequest.h"
#include "kiln/Engine/Config.h"
#include "kiln/Engine/DiskCache.h"
#include "kiln/Engine/ModuleCache.h"
#include "kiln/Runtime/CompiledModule.h"
#include "kiln/Support/Error.h"

#include <cstdint>
#include <memory>
#include <span>

namespace kiln::engine {

class SettingsKeyHasher;

class Engine {
public:
  /// An Engine with the default compiler (see `defaultCompiler`), behind
  /// the disk cache when `Settings.DiskCacheDirectory` is set. Fails when
  /// `Settings.Target` names a target, CPU or feature LLVM lacks.
  static Expected<Engine> create(Config Settings = {});
  /// An Engine that compiles with `Compile` (tests, alternative backends).
  /// Refuses a disk cache directory: what it would store is the default
  /// compiler's artifacts, not `Compile`'s code.
  static Expected<Engine> create(Config Settings, CompileFunction Compile);

  Engine(Engine &&) noexcept;
  Engine &operator=(Engine &&) noexcept;
  ~Engine();

  /// Decodes, validates and compiles `Bytes` with this Engine's settings,
  /// or returns the cached module compiled from the same bytes and settings.
  Expected<std::shared_ptr<const runtime::CompiledModule>> compile(std::span<const uint8_t> Bytes);

  /// The request `compile(Bytes)` hands to the cache; `Bytes` must outlive it.
  CompileRequest makeRequest(std::span<const uint8_t> Bytes) const;

  /// `computeCacheKey(makeRequest(Bytes))`, computed from a hash of the
  /// settings made once: a hit then costs hashing `Bytes` and a lookup.
  CacheKey keyOf(std::span<const uint8_t> Bytes) const;

  const Config &config() const { return Settings; }
  /// The target every compile uses, resolved from `config().Target`.
  const codegen::TargetSpec &target() const { return ResolvedTarget; }
  ModuleCache &cache() { return *Cache; }
  const ModuleCache &cache() const { return *Cache; }
  /// The disk cache, or null when `config().DiskCacheDirectory` is unset.
  DiskCache *diskCache() { return Disk.get(); }
  const DiskCache *diskCache() const { return Disk.get(); }

private:
  Engine(Config Settings, codegen::TargetSpec ResolvedTarget, CompileFunction Compile,
         std::shared_ptr<DiskCache> Disk);

  Config Settings;
  codegen::TargetSpec ResolvedTarget;
  /// Shared with the cache's compile function, which looks entries up in it.
  std::shared_ptr<DiskCache> Disk;
  std::unique_ptr<ModuleCache> Cache;
  std::unique_ptr<SettingsKeyHasher> KeyHasher;
};

/// The compiler an Engine uses when the embedder names none. This is the
/// one place that choice is made.
CompileFunction defaultCompiler();

} // namespace kiln::engine

#endif // KILN_ENGINE_ENGINE_H
