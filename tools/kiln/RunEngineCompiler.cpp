//===- RunEngineCompiler.cpp - kiln run compiles through an Engine --------===//
//
// With LLVM, `kiln run` compiles through a kiln::engine::Engine: the JIT
// behind the in-memory cache, and with --cache-dir the disk cache, which
// keeps AOT artifacts across runs (docs/Cache.md).
//
//===----------------------------------------------------------------------===//
#include "RunCompiler.h"

#include "kiln/Engine/Engine.h"

#include <cstdio>

namespace kiln::cli {

namespace {

class EngineRunCompiler final : public RunCompiler {
public:
  explicit EngineRunCompiler(engine::Engine E) : E(std::move(E)) {}

  Expected<std::shared_ptr<const runtime::CompiledModule>>
  compile(std::span<const uint8_t> Bytes) override {
    return E.compile(Bytes);
  }

  /// "modules compiled" counts the code generations this process ran:
  /// disk misses with a disk cache, in-memory compiles without one.
  void printStatistics() const override {
    engine::CacheStatistics M = E.cache().statistics();
    std::fprintf(stderr,
                 "kiln run: cache statistics\n"
                 "  memory: calls %llu, hits %llu, waits %llu, compiles %llu (succeeded %llu, "
                 "failed %llu), entries %llu, code bytes %llu\n",
                 (unsigned long long)M.Calls, (unsigned long long)M.Hits,
                 (unsigned long long)M.Waits, (unsigned long long)M.CompilesStarted,
                 (unsigned long long)M.CompilesSucceeded, (unsigned long long)M.CompilesFailed,
                 (unsigned long long)M.Entries, (unsigned long long)M.ResidentCodeSizeInBytes);
    uint64_t Compiled = M.CompilesStarted;
    if (const engine::DiskCache *Disk = E.diskCache()) {
      engine::DiskCacheStatistics D = Disk->statistics();
      std::fprintf(stderr,
                   "  disk: lookups %llu, hits %llu, misses %llu (absent %llu, rejected %llu, "
                   "read errors %llu), stores %llu, store errors %llu, fallbacks %llu\n"
                   "  disk folder: %s\n",
                   (unsigned long long)D.Lookups, (unsigned long long)D.Hits,
                   (unsigned long long)D.Misses, (unsigned long long)D.Absent,
                   (unsigned long long)D.Rejected, (unsigned long long)D.ReadErrors,
                   (unsigned long long)D.Stores, (unsigned long long)D.StoreErrors,
                   (unsigned long long)D.Fallbacks, Disk->folder().c_str());
      Compiled = D.Misses;
    } else {
      std::fprintf(stderr, "  disk: off\n");
    }
    std::fprintf(stderr, "  modules compiled: %llu\n", (unsigned long long)Compiled);
  }

private:
  engine::Engine E;
};

} // namespace

Expected<std::unique_ptr<RunCompiler>>
createRunCompiler(const CompilerChoice &Choice, const std::optional<std::string> &CacheDir) {
  engine::Config Settings;
  Settings.Codegen.OptLevel = static_cast<codegen::OptLevel>(Choice.OptLevel);
  Settings.WasmFeatures = Choice.Enabled;
  Settings.DiskCacheDirectory = CacheDir;
  auto Created = engine::Engine::create(Settings);
  if (!Created)
    return forwardError(Created);
  return std::make_unique<EngineRunCompiler>(std::move(*Created));
}

} // namespace kiln::cli
