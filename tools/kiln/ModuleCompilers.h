//===- ModuleCompilers.h - How the tool turns bytes into code ----*- C++ -*-===//
#ifndef KILN_TOOLS_KILN_MODULECOMPILERS_H
#define KILN_TOOLS_KILN_MODULECOMPILERS_H

#include "Engine.h"

#include "kiln/Wasm/Features.h"

#include <cstdint>
#include <optional>
#include <string>

namespace kiln::cli {

struct CompilerChoice {
  unsigned OptLevel = 2; ///< 0..3
  wasm::Features Enabled = wasm::Features::wasm20();
  /// aot engine: the folder of artifacts to run from, or with `Target` to
  /// compile into (ArtifactFolder.h).
  std::string ArtifactDir;
  /// aot engine: compile for this triple into `ArtifactDir`, run nothing.
  std::string Target;
  std::string CPU; ///< With `Target`; empty means generic.
  /// aot engine: `ArtifactOptions::PartitionSizeInBytes` (hidden option
  /// --aot-partition-size, for testing cross-partition calls).
  std::optional<uint64_t> AotPartitionSizeInBytes;
};

/// A compiler that decodes, validates and JIT-compiles module bytes in this
/// process (through a kiln::Engine and its cache).
Expected<ModuleCompiler> createJitCompiler(const CompilerChoice &Choice);

/// A compiler that writes each module as an AOT artifact (as wasm2native
/// does) to a temporary folder and loads it with the runtime's loader.
Expected<ModuleCompiler> createAotCompiler(const CompilerChoice &Choice);

/// Parses "-O2"-style levels given as a number 0..3.
Expected<unsigned> parseOptLevel(const std::string &Text);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_MODULECOMPILERS_H
