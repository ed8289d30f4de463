//===- DiskCachingCompiler.cpp - Look on the disk, else compile and store -===//
//
// Runs inside the in-memory cache's compile slot, so within one process a
// key reaches the disk once however many threads ask for it. The disk never
// turns a compile into a failure: a lookup that goes wrong is a miss, a
// store that fails is counted and forgotten, and if no artifact can be built
// or loaded the module is JIT-compiled instead. Only the module's own
// errors (it does not decode or validate) are returned as errors.
//
//===----------------------------------------------------------------------===//
#include "ArtifactBytes.h"
#include "Compilers.h"

namespace kiln::engine {

namespace {

CompileResult compileThroughDisk(DiskCache &Disk, const CompileRequest &Request) {
  CacheKey Key = computeCacheKey(Request);
  std::shared_ptr<const runtime::CompiledModule> Loaded;
  DiskLookupOutcome Outcome = Disk.lookup(Key, [&](std::span<const uint8_t> Artifact) {
    auto Module = loadArtifactBytes(Artifact);
    if (Module)
      Loaded = std::move(*Module);
    return Module.has_value();
  });
  if (Outcome == DiskLookupOutcome::Hit)
    return Loaded;

  auto Module = decodeRequestModule(Request);
  if (!Module)
    return forwardError(Module);
  auto Artifact = buildArtifactBytes(Request, **Module);
  if (!Artifact) {
    Disk.noteFallback();
    return compileDecodedWithJit(Request, std::move(*Module));
  }
  // Loaded before it is stored: an artifact this process cannot load is
  // not worth keeping.
  auto Built = loadArtifactBytes(*Artifact);
  if (!Built) {
    Disk.noteFallback();
    return compileDecodedWithJit(Request, std::move(*Module));
  }
  Disk.store(Key, *Artifact);
  return Built;
}

} // namespace

CompileFunction diskCachingCompiler(std::shared_ptr<DiskCache> Disk) {
  return [Disk = std::move(Disk)](const CompileRequest &Request) {
    return compileThroughDisk(*Disk, Request);
  };
}

} // namespace kiln::engine
