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
#include "kiln/Engine/ModuleCache.h"
#include "kiln/Runtime/CompiledModule.h"
#include "kiln/Support/Error.h"

#include <cstdint>
#include <memory>
#include <span>

namespace kiln::engine {

class Engine {
public:
  /// An Engine with the default compiler (see `defaultCompiler`). Fails
  /// when `Settings.Target` names a target, CPU or feature LLVM lacks.
  static Expected<Engine> create(Config Settings = {});
  /// An Engine that compiles with `Compile` (tests, alternative backends).
  static Expected<Engine> create(Config Settings, CompileFunction Compile);

  Engine(Engine &&) noexcept;
  Engine &operator=(Engine &&) noexcept;
  ~Engine();

  /// Decodes, validates and compiles `Bytes` with this Engine's settings,
  /// or returns the cached module compiled from the same bytes and settings.
  Expected<std::shared_ptr<const runtime::CompiledModule>> compile(std::span<const uint8_t> Bytes);

  /// The request `compile(Bytes)` hands to the cache; `Bytes` must outlive it.
  CompileRequest makeRequest(std::span<const uint8_t> Bytes) const;

  const Config &config() const { return Settings; }
  /// The target every compile uses, resolved from `config().Target`.
  const codegen::TargetSpec &target() const { return ResolvedTarget; }
  ModuleCache &cache() { return *Cache; }
  const ModuleCache &cache() const { return *Cache; }

private:
  Engine(Config Settings, codegen::TargetSpec ResolvedTarget, CompileFunction Compile);

  Config Settings;
  codegen::TargetSpec ResolvedTarget;
  std::unique_ptr<ModuleCache> Cache;
};

/// The compiler an Engine uses when the embedder names none. This is the
/// one place that choice is made.
CompileFunction defaultCompiler();

} // namespace kiln::engine

#endif // KILN_ENGINE_ENGINE_H
