//===- ScriptParser.h - Commands of a .wast script --------------*- C++ -*-===//
#ifndef KILN_LIB_TEXT_SCRIPTPARSER_H
#define KILN_LIB_TEXT_SCRIPTPARSER_H

#include "TokenCursor.h"

#include "kiln/Text/Script.h"
#include "kiln/Text/SourceMap.h"

namespace kiln::text {

/// Reads the commands of a script from a token stream. Command and module
/// forms live in ScriptParser.cpp; constants and result patterns in
/// ScriptValues.cpp.
class ScriptParser {
public:
  ScriptParser(TokenCursor &Cursor, const SourceMap &Lines) : C(Cursor), Lines(Lines) {}

  Expected<std::vector<ScriptCommand>> parseCommands();

private:
  Expected<ScriptCommand> parseCommand();
  Expected<void> parseModuleForm(ScriptCommand &Cmd, bool TolerateTextErrors);
  Expected<void> parseModuleInstance(ScriptCommand &Cmd);
  Expected<std::string> parseStrings(bool MustBeUtf8);
  Expected<ScriptAction> parseAction();
  Expected<void> parseActionAssertion(ScriptCommand &Cmd, bool WithMessage);
  Expected<void> parseModuleAssertion(ScriptCommand &Cmd, bool TolerateTextErrors);
  Expected<std::string> parseMessage();

  // ScriptValues.cpp
  Expected<ScriptValue> parseConst();
  Expected<ResultPattern> parseResult();
  Expected<void> parseNumber(ScriptValue &V, const Token &Op);
  Expected<void> parseReference(ScriptValue &V, std::string_view Op, bool IsPattern);
  Expected<void> parseV128(ResultPattern &P, bool IsPattern);

  TokenCursor &C;
  const SourceMap &Lines;
  /// `(either ...)` patterns nest; this bounds the recursion.
  unsigned EitherDepth = 0;
};

} // namespace kiln::text

#endif // KILN_LIB_TEXT_SCRIPTPARSER_H
