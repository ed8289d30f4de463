//===- kiln/Engine/Config.h - How an Engine compiles --------------*- C++ -*-===//
#ifndef KILN_ENGINE_CONFIG_H
#define KILN_ENGINE_CONFIG_H

#include "kiln/CodeGen/TargetSpec.h"
#include "kiln/Engine/CompileRequest.h"
#include "kiln/Engine/ModuleCache.h"
#include "kiln/Wasm/Features.h"

#include <optional>
#include <string>

namespace kiln::engine {

/// An Engine's settings, fixed when it is created. Everything here except
/// `Cache` and `DiskCacheDirectory` goes into each `CompileRequest` (and so into each cache key).
struct Config {
  /// Optimisation level, bounds checks, instrumentation.
  CodegenOptions Codegen;
  /// Which proposals the decoder and validator accept.
  wasm::Features WasmFeatures = wasm::Features::wasm20();
  /// Empty fields mean the host. Resolved once, by `Engine::create`. The
  /// JIT runs what it compiles, so it only accepts the host's triple.
  codegen::TargetSpec Target;
  /// Bounds of the in-memory cache; they do not change generated code.
  CacheLimits Cache;
  /// Opt-in disk cache (docs/Cache.md): compiled modules are kept as AOT
  /// artifacts under this folder and reused by later processes. Needs the
  /// default compiler; does not change generated code (the same options
  /// give the same code through the AOT pipeline).
  std::optional<std::string> DiskCacheDirectory;
};

} // namespace kiln::engine

#endif // KILN_ENGINE_CONFIG_H
