//===- JitCompiler.cpp - The tool's compiler: an Engine with the JIT ------===//
//
// The tool compiles through the same public `kiln::engine::Engine` that
// embedders use, so `kiln run` and `kiln wast --engine=jit` exercise the
// cache and the default compiler exactly as an application would.
//
//===----------------------------------------------------------------------===//
#include "ModuleCompilers.h"

#include "kiln/Engine/Engine.h"

namespace kiln::cli {

Expected<ModuleCompiler> createJitCompiler(const CompilerChoice &Choice) {
  engine::Config Settings;
  Settings.Codegen.OptLevel = static_cast<codegen::OptLevel>(Choice.OptLevel);
  Settings.WasmFeatures = Choice.Enabled;
  auto Created = engine::Engine::create(Settings);
  if (!Created)
    return forwardError(Created);
  auto Shared = std::make_shared<engine::Engine>(std::move(*Created));
  return ModuleCompiler([Shared](std::span<const uint8_t> Bytes) { return Shared->compile(Bytes); });
}

} // namespace kiln::cli
