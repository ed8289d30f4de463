//===- Engine.cpp - The embedding facade ----------------------------------===//
#include "kiln/Engine/Engine.h"

#include "Compilers.h"
#include "SettingsKeyHasher.h"

#include <cassert>
#include <utility>

namespace kiln::engine {

Expected<Engine> Engine::create(Config Settings) {
  if (!Settings.DiskCacheDirectory)
    return create(std::move(Settings), defaultCompiler());
  Expected<codegen::TargetSpec> Target = codegen::resolveTargetSpec(Settings.Target);
  if (!Target)
    return forwardError(Target);
  auto Disk = std::make_shared<DiskCache>(*Settings.DiskCacheDirectory,
                                          DiskCacheIdentity::ofThisBuild(*Target));
  CompileFunction Compile = diskCachingCompiler(Disk);
  return Engine(std::move(Settings), std::move(*Target), std::move(Compile), std::move(Disk));
}

Expected<Engine> Engine::create(Config Settings, CompileFunction Compile) {
  assert(Compile && "an Engine needs a compiler");
  if (Settings.DiskCacheDirectory)
    return makeError(ErrorKind::Usage,
                     "a disk cache stores the default compiler's artifacts; it cannot be "
                     "combined with another compiler");
  // Resolved once: every request then carries the concrete triple, CPU and
  // feature list, so keys never depend on what "host" meant at the time.
  Expected<codegen::TargetSpec> Target = codegen::resolveTargetSpec(Settings.Target);
  if (!Target)
    return forwardError(Target);
  return Engine(std::move(Settings), std::move(*Target), std::move(Compile), nullptr);
}

Engine::Engine(Config Settings, codegen::TargetSpec ResolvedTarget, CompileFunction Compile,
               std::shared_ptr<DiskCache> Disk)
    : Settings(std::move(Settings)), ResolvedTarget(std::move(ResolvedTarget)),
      Disk(std::move(Disk)),
      Cache(std::make_unique<ModuleCache>(std::move(Compile), this->Settings.Cache)),
      KeyHasher(std::make_unique<SettingsKeyHasher>(makeRequest({}))) {}

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

CacheKey Engine::keyOf(std::span<const uint8_t> Bytes) const { return KeyHasher->keyFor(Bytes); }

Expected<std::shared_ptr<const runtime::CompiledModule>>
Engine::compile(std::span<const uint8_t> Bytes) {
  CacheKey Key = keyOf(Bytes);
  // A hit needs no request: building one copies the target's feature list.
  if (std::shared_ptr<const runtime::CompiledModule> Module = Cache->findPublished(Key))
    return Module;
  return Cache->getOrCompile(makeRequest(Bytes), Key);
}

} // namespace kiln::engine
