//===- ArtifactFolder.h - AOT artifacts handed from one kiln to another -*- C++ -*-===//
//
// Spec scripts for a machine that cannot compile (arm64 under qemu, a kiln
// built without LLVM) run in two steps through a folder of artifacts:
//
//   kiln wast --engine=aot --target=T --artifact-dir=DIR s.wast   (compiles, runs nothing)
//   kiln wast --engine=aot --artifact-dir=DIR s.wast               (on T: loads, runs)
//
// Both sides name a module's artifact after what both of them know: the
// module's bytes, the Wasm features and the optimisation level. The target
// and CPU belong to the folder (the compiling side records them in
// DIR/target and refuses to mix), and the loader checks each artifact
// against the machine it runs on anyway. docs/AOTFormat.md has the details.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TOOLS_KILN_ARTIFACTFOLDER_H
#define KILN_TOOLS_KILN_ARTIFACTFOLDER_H

#include "Engine.h"
#include "ModuleCompilers.h"

#include <boost/program_options.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kiln::cli {

/// "0123456789abcdef.so": a 64-bit FNV-1a hash of the module bytes, the Wasm
/// features and the optimisation level of `Choice`, in hexadecimal.
std::string artifactFileName(std::span<const uint8_t> Bytes, const CompilerChoice &Choice);

/// A compiler that takes every module's code from `Choice.ArtifactDir`
/// instead of compiling it. A module without an artifact there, or whose
/// artifact embeds other bytes, is an error naming the file.
Expected<ModuleCompiler> createArtifactFolderLoader(const CompilerChoice &Choice);

/// An engine that compiles every module a script instantiates (module,
/// assert_trap/assert_unlinkable/assert_uninstantiable modules) for
/// `Choice.Target` into `Choice.ArtifactDir`, skipping those already there,
/// and runs nothing. Needs a kiln built with LLVM.
Expected<std::unique_ptr<Engine>> createPrecompileEngine(const CompilerChoice &Choice);

/// Adds --artifact-dir, --target and --cpu to `Options`.
void addArtifactFolderOptions(boost::program_options::options_description &Options);

/// Copies those options into `Choice`; a message when they do not fit
/// together (--target without --artifact-dir, --cpu without --target, any
/// of them with an engine other than aot).
std::optional<std::string>
readArtifactFolderOptions(const boost::program_options::variables_map &Values,
                          std::string_view EngineName, CompilerChoice &Choice);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_ARTIFACTFOLDER_H
