//===- kiln/AOT/AOT.h - Compile a module into an artifact ---------*- C++ -*-===//
//
// Ahead-of-time compilation: a validated module becomes a shared object
// that the LLVM-free runtime loads (`runtime::loadArtifact`). The layout
// and the checks made on loading are in docs/AOTFormat.md. Used by
// `wasm2native --emit=artifact` and by `kiln wast --engine=aot`, so the
// spec suite tests exactly what the compiler ships. No LLVM header here.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_AOT_AOT_H
#define KILN_AOT_AOT_H

#include "kiln/CodeGen/TargetSpec.h"
#include "kiln/Support/Error.h"
#include "kiln/Translate/Translate.h"
#include "kiln/Wasm/Features.h"
#include "kiln/Wasm/Module.h"

#include <cstdint>
#include <span>
#include <string>

namespace kiln::aot {

struct ArtifactOptions {
  codegen::OptLevel Level = codegen::OptLevel::O2;
  /// Empty: the host with its CPU and features (resolved, then recorded).
  codegen::TargetSpec Target;
  translate::TranslateOptions Translation;
  /// The features `Module` was decoded and validated with; the loader
  /// decodes the embedded bytes with the same set.
  wasm::Features WasmFeatures = wasm::Features::wasm20();
};

/// A relocatable object holding the compiled code, the three tables of
/// docs/ABI.md and the artifact header (with `ModuleBytes`) in its
/// `.kiln.artifact` section. `Module` must be `ModuleBytes` decoded and
/// validated.
Expected<std::string> compileArtifactObject(std::span<const uint8_t> ModuleBytes,
                                            const wasm::Module &Module,
                                            const ArtifactOptions &Options);

/// Links `Object` into a shared object at `OutputPath` with ld.lld (run as a
/// child process: $KILN_LLD, else ld.lld-19, else ld.lld). Writes a
/// temporary file beside the output and renames it, so a failure never
/// leaves a partial output.
Expected<void> linkArtifact(const std::string &Object, const std::string &OutputPath);

/// `compileArtifactObject` then `linkArtifact`.
Expected<void> writeArtifact(std::span<const uint8_t> ModuleBytes, const wasm::Module &Module,
                             const ArtifactOptions &Options, const std::string &OutputPath);

} // namespace kiln::aot

#endif // KILN_AOT_AOT_H
