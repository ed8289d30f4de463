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

namespace kiln::cli {

namespace {
std::unexpected<Error> noCompiler(std::string_view What) {
  return makeError(ErrorKind::Unsupported,
                   "this kiln was built without LLVM (KILN_WITH_LLVM=OFF): " + std::string(What));
}
} // namespace

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
