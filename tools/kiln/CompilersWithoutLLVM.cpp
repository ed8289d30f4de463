//===- CompilersWithoutLLVM.cpp - The compilers of a kiln built without LLVM -===//
//
// With KILN_WITH_LLVM=OFF (the runtime alone, e.g. cross-built for arm64)
// kiln keeps every subcommand, but modules can only come from AOT
// artifacts: `kiln run ARTIFACT` and `kiln wast --engine=aot
// --artifact-dir=DIR`. Whatever would compile says so in one line.
//
//===----------------------------------------------------------------------===//
#include "ArtifactFolder.h"
#include "ModuleCompilers.h"
#include "RunCompiler.h"

#include <cstdio>

namespace kiln::cli {

namespace {
std::unexpected<Error> noCompiler(std::string_view What) {
  return makeError(ErrorKind::Unsupported,
                   "this kiln was built without LLVM (KILN_WITH_LLVM=OFF): " + std::string(What));
}
/// `kiln run` without a compiler: artifacts load (RunCommand.cpp tells
/// them by the ELF magic and never asks for a compile); anything else is
/// refused here.
class NoRunCompiler final : public RunCompiler {
public:
  Expected<std::shared_ptr<const runtime::CompiledModule>>
  compile(std::span<const uint8_t>) override {
    return noCompiler("it runs AOT artifacts from wasm2native only");
  }
  void printStatistics() const override {
    std::fprintf(stderr, "kiln run: cache statistics\n  none: this kiln compiles nothing\n");
  }
};

} // namespace

Expected<std::unique_ptr<RunCompiler>>
createRunCompiler(const CompilerChoice &, const std::optional<std::string> &CacheDir) {
  if (CacheDir)
    return noCompiler("--cache-dir needs the compiler");
  return std::make_unique<NoRunCompiler>();
}

Expected<ModuleCompiler> createJitCompiler(const CompilerChoice &) {
  return noCompiler("it cannot compile modules, only load AOT artifacts");
}

Expected<ModuleCompiler> createAotCompiler(const CompilerChoice &) {
  return noCompiler("--engine=aot needs --artifact-dir with artifacts from a kiln that has it");
}

Expected<std::unique_ptr<Engine>> createPrecompileEngine(const CompilerChoice &) {
  return noCompiler("--target needs the compiler");
}

} // namespace kiln::cli
