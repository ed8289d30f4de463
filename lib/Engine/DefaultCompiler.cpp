//===- DefaultCompiler.cpp - The compiler an Engine uses by default -------===//
//
// The single place where an Engine's default compiler is chosen: decode,
// validate and JIT-compile, reading nothing but the request, so that the
// cache key (a digest of the request) names the generated code exactly.
//
//===----------------------------------------------------------------------===//
#include "Compilers.h"

#include "kiln/Engine/Engine.h"
#include "kiln/JIT/JIT.h"
#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Validator.h"

namespace kiln::engine {

Expected<std::shared_ptr<const wasm::Module>> decodeRequestModule(const CompileRequest &Request) {
  auto Decoded = wasm::decodeModule(Request.ModuleBytes, Request.WasmFeatures);
  if (!Decoded)
    return forwardError(Decoded);
  if (auto Valid = wasm::validateModule(*Decoded, Request.WasmFeatures); !Valid)
    return forwardError(Valid);
  return std::make_shared<const wasm::Module>(std::move(*Decoded));
}

CompileResult compileDecodedWithJit(const CompileRequest &Request,
                                    std::shared_ptr<const wasm::Module> Module) {
  jit::JITOptions Options;
  Options.Level = Request.Codegen.OptLevel;
  Options.Target = Request.Target;
  Options.MemoryBoundsChecks = Request.Codegen.BoundsChecks == BoundsCheckStrategy::Explicit
                                   ? translate::BoundsChecks::Explicit
                                   : translate::BoundsChecks::GuardPages;
  Options.FramePointers = Request.Codegen.FramePointers;
  Options.DebugInfo = Request.Codegen.DebugInfo;
  // Debug info is only useful when the debugger can find the code.
  Options.DebuggerSupport = Options.DebuggerSupport || Request.Codegen.DebugInfo;
  return jit::compileModule(std::move(Module), Options);
}

namespace {
CompileResult compileWithJit(const CompileRequest &Request) {
  auto Module = decodeRequestModule(Request);
  if (!Module)
    return forwardError(Module);
  return compileDecodedWithJit(Request, std::move(*Module));
}
} // namespace

CompileFunction defaultCompiler() { return compileWithJit; }

} // namespace kiln::engine
