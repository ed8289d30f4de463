//===- TextScriptReader.h - .wast scripts through Kiln's own parser -*- C++ -*-===//
#ifndef KILN_TOOLS_KILN_TEXTSCRIPTREADER_H
#define KILN_TOOLS_KILN_TEXTSCRIPTREADER_H

#include "Script.h"

namespace kiln::cli {

/// Reads scripts with lib/Text. Text modules are encoded to binary so every
/// engine sees bytes; a module the parser rejects (quoted or text modules of
/// assert_malformed and assert_invalid) carries the parser's error instead.
class TextScriptReader final : public ScriptReader {
public:
  Expected<Script> read(const std::filesystem::path &Path) override;
};

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_TEXTSCRIPTREADER_H
