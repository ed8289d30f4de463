//===- Wast2JsonReader.h - Reading .wast through wabt's wast2json -*- C++ -*-===//
//
// Until Kiln parses the text format itself, a script is converted by wabt's
// `wast2json` into a JSON command list plus one file per module, in a scratch
// folder that is removed afterwards. Kiln, not wabt, judges the modules:
// wast2json runs with every feature on and its own checks off.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TOOLS_KILN_WAST2JSONREADER_H
#define KILN_TOOLS_KILN_WAST2JSONREADER_H

#include "Script.h"

#include <filesystem>
#include <memory>

namespace kiln::cli {

class Wast2JsonReader final : public ScriptReader {
public:
  /// Finds `wast2json` on $PATH; the error says how to install it.
  static Expected<std::unique_ptr<Wast2JsonReader>> create();

  /// Converts and loads `Path`. If wast2json rejects the script, the error
  /// reads "wast2json could not convert: <its first line of stderr>".
  Expected<Script> read(const std::filesystem::path &Path) override;

private:
  explicit Wast2JsonReader(std::filesystem::path Program) : Program(std::move(Program)) {}

  std::filesystem::path Program;
};

/// Builds a `Script` from wast2json's JSON text; module files named in it are
/// read from `ModuleFolder`. Exposed so the format handling stands alone.
Expected<Script> parseWast2Json(std::string_view JsonText,
                                const std::filesystem::path &ModuleFolder);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_WAST2JSONREADER_H
