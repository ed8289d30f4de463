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
#include "kiln/Translate/Partition.h"
#include "kiln/Translate/Translate.h"
#include "kiln/Wasm/Features.h"
#include "kiln/Wasm/Module.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiln::aot {

struct ArtifactOptions {
  codegen::OptLevel Level = codegen::OptLevel::O2;
  /// Empty: the host with its CPU and features (resolved, then recorded).
  codegen::TargetSpec Target;
  translate::TranslateOptions Translation;
  /// The features `Module` was decoded and validated with; the loader
  /// decodes the embedded bytes with the same set.
  wasm::Features WasmFeatures = wasm::Features::wasm20();
  /// Encoded function-body bytes per partition (`translate::planPartitions`);
  /// 0: the whole module is one partition. The partitions are compiled
  /// separately, so this changes the code (no inlining across partitions),
  /// never its behaviour.
  uint64_t PartitionSizeInBytes = translate::DefaultPartitionSizeInBytes;
  /// Partitions compiled at once, each on its own thread with its own
  /// LLVMContext and TargetMachine; 0: one per CPU. Never changes the output.
  unsigned Jobs = 0;
};

/// A relocatable object holding the compiled code, the three tables of
/// docs/ABI.md and the artifact header (with `ModuleBytes`) in its
/// `.kiln.artifact` section. `Module` must be `ModuleBytes` decoded and
/// validated. A module of several partitions is compiled in parallel and
/// the partitions' objects are merged with `ld.lld -r`, in partition order:
/// the bytes depend on the module and the options, never on `Jobs`.
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

/// --emit=exe and --emit=obj --header (docs/AOTFormat.md): rewrites an
/// object from `compileArtifactObject` for static linking as module `Name`
/// (a C identifier). Its tables become Name_kiln_functions, ..., its header
/// and code sections Name_kiln_header and Name_kiln_code, and every other
/// definition local, so modules of different names link into one program.
Expected<std::string> makeLinkableObject(const std::string &Object, std::string_view Name);

/// Refuses what an executable could not run: no `_start` export of type
/// [] -> [], or an import other than WASI.
Expected<void> checkExecutableModule(const wasm::Module &Module);

/// The runtime archive (libkiln-runtime.a): $KILN_RUNTIME_ARCHIVE, else
/// ../lib/ beside the running program's directory, else the build tree's.
Expected<std::string> findRuntimeArchive();

/// Links `LinkableObject` (from `makeLinkableObject` with the name
/// runtime::ExecutableModuleName) with `Archive` into an executable at
/// `OutputPath` using a C++ driver run as a child process ($KILN_CXX, else
/// clang++-19, c++, g++). Temporary file and rename: never a partial output.
Expected<void> linkExecutable(const std::string &LinkableObject, const std::string &Archive,
                              const std::string &OutputPath);

/// Writes each (path, data) pair through a temporary file beside the path,
/// renaming them into place only once all are written.
Expected<void> writeFiles(const std::vector<std::pair<std::string, std::string>> &Files);

/// `Text` made a C identifier: other characters become '_', and a leading
/// digit (or nothing) gets the prefix "m_".
std::string sanitizeCIdentifier(std::string_view Text);

/// The C header for module `Name` linked from `makeLinkableObject(..., Name)`:
/// Name_instantiate, Name_free, Name_message, Name_exit_code and one typed
/// Name_export_X per exported function with numeric types (kiln/linked.h).
/// `Source` names the input in the header's comment.
std::string generateCHeader(const wasm::Module &Module, std::string_view Name,
                            std::string_view Source);

} // namespace kiln::aot

#endif // KILN_AOT_AOT_H
