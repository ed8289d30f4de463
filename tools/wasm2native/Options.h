//===- Options.h - wasm2native's command line -------------------*- C++ -*-===//
#ifndef KILN_TOOLS_WASM2NATIVE_OPTIONS_H
#define KILN_TOOLS_WASM2NATIVE_OPTIONS_H

#include "kiln/CodeGen/CodeGen.h"
#include "kiln/Support/Error.h"
#include "kiln/Translate/Partition.h"
#include "kiln/Translate/Translate.h"

#include <optional>
#include <string>
#include <vector>

namespace kiln::wasm2native {

struct Options {
  std::string Input;
  std::string Output; ///< "-" is standard output.
  /// A loadable artifact (docs/AOTFormat.md); otherwise `Emit`.
  bool EmitArtifact = true;
  codegen::OutputKind Emit = codegen::OutputKind::Object;
  /// --emit=exe: the module, the runtime archive and a main() that runs
  /// `_start`, linked into one program.
  bool EmitExecutable = false;
  /// --header FILE (with --emit=obj): the object is made for linking into a
  /// C program, and FILE declares its entry points.
  std::string HeaderPath;
  /// --name: the C name of the module in the header and the object's
  /// symbols. Default: the output file's stem.
  std::string ModuleName;
  /// Unset: no optimisation for --emit=llvm (the translation as is), -O2
  /// for native output.
  std::optional<codegen::OptLevel> Level;
  codegen::TargetSpec Target;
  translate::TranslateOptions Translation;
  /// -j: partitions compiled at once (0: one per CPU). Output never depends on it.
  unsigned Jobs = 0;
  /// --partition-size: function-body bytes per partition (0: one partition).
  uint64_t PartitionSizeInBytes = translate::DefaultPartitionSizeInBytes;
};

/// What the command line asks for: options to run with, or an exit status
/// when --help/--version was handled.
struct ParsedCommandLine {
  std::optional<Options> Run;
  int ExitStatus = 0;
};

Expected<ParsedCommandLine> parseCommandLine(int Argc, char **Argv);

} // namespace kiln::wasm2native

#endif // KILN_TOOLS_WASM2NATIVE_OPTIONS_H
