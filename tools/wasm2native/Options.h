//===- Options.h - wasm2native's command line -------------------*- C++ -*-===//
#ifndef KILN_TOOLS_WASM2NATIVE_OPTIONS_H
#define KILN_TOOLS_WASM2NATIVE_OPTIONS_H

#include "kiln/CodeGen/CodeGen.h"
#include "kiln/Support/Error.h"
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
  /// Unset: no optimisation for --emit=llvm (the translation as is), -O2
  /// for native output.
  std::optional<codegen::OptLevel> Level;
  codegen::TargetSpec Target;
  translate::TranslateOptions Translation;
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
