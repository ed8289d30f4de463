//===- Engine.cpp - The embedding facade ----------------------------------===//
#include "kiln/Engine/Engine.h"

#include <cassert>
#include <utility>

namespace kiln::engine {

Expected<Engine> Engine::create(Config Settings) {
  return create(std::move(Settings), defaultCompiler());
}

Expected<Engine> Engine::create(Config Settings, CompileFunction Compile) {
  assert(Compile && "an Engine needs a compiler");
  // Resolved once: every request then carries the concrete triple, CPU and
  // feature list, so keys never depend on what "host" meant at the time.
  Expected<codegen::TargetSpec> Target = codegen::resolveTargetSpec(Settings.Target);
  if (!Target)
    return forwardError(Target);
  return Engine(std::move(Settings), std::move(*Target), std::move(Compile));
}

Engine::Engine(Config Settings, codegen::TargetSpec ResolvedTarget, CompileFunction Compile)
    : Settings(std::move(Settings)), ResolvedTarget(std::move(ResolvedTarget)),
      Cache(std::make_unique<ModuleCache>(std::move(Compile), this->Settings.Cache)) {}

Engine::Engine(Engine &&) noexcept = default;
Engine &Engine::operator=(Engine &&) noexcept = default;
Engine::~Engine() = default;

CompileRequest Engine::makeRequest(std::span<const uint8_t> Bytes) const {
  CompileRequest Request;
  Request.KeyFormatVersion = CurrentKeyFormatVersion;
  Request.KilnVersion = kilnVersion();
  Request.LLVMVersion = llvmVersion();
  Request.Target = ResolvedTarget;
  Request.WasmFeatures = Settings.WasmFeatures;
  Request.Codegen = Settings.Codegen;
  Request.ModuleBytes = Bytes;
  return Request;
}

Expected<std::shared_ptr<const runtime::CompiledModule>>
Engine::compile(std::span<const uint8_t> Bytes) {
  return Cache->getOrCompile(makeRequest(Bytes));
}

} // namespace kiln::engine
