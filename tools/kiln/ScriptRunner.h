//===- ScriptRunner.h - Running one spec script through an engine -*- C++ -*-===//
#ifndef KILN_TOOLS_KILN_SCRIPTRUNNER_H
#define KILN_TOOLS_KILN_SCRIPTRUNNER_H

#include "Engine.h"
#include "ExpectedFailures.h"
#include "Script.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kiln::cli {

/// An engine outcome after the expected-failures list has had its say.
enum class Verdict : uint8_t { Passed, Failed, Skipped, ExpectedFailure, UnexpectedPass };

struct CommandReport {
  CommandKind Kind = CommandKind::Module;
  uint32_t Line = 0;
  Verdict Result = Verdict::Skipped;
  /// The engine's detail; for expected failures and unexpected passes also
  /// the listed reason.
  std::string Detail;
};

struct ScriptReport {
  std::filesystem::path Path;
  /// Failed or ExpectedFailure: the script could not be read and no command
  /// ran. UnexpectedPass: it was listed as unreadable but was read.
  Verdict ReadResult = Verdict::Passed;
  /// Why reading failed, or the note for an unexpected pass.
  std::string ReadDetail;
  std::vector<CommandReport> Commands;
  /// Expected-failure entries for this script that matched nothing.
  std::vector<std::string> UnusedExpectations;

  bool wasRead() const {
    return ReadResult == Verdict::Passed || ReadResult == Verdict::UnexpectedPass;
  }
  /// True if something failed that was not expected to.
  bool failed() const;
};

/// Makes a fresh engine for each script, so no state leaks between scripts.
using EngineFactory = std::function<std::unique_ptr<Engine>()>;

/// Reads `Path` and runs every command through a new engine.
ScriptReport runScriptFile(const std::filesystem::path &Path, ScriptReader &Reader,
                           const EngineFactory &MakeEngine, ExpectedFailures &Expectations);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_SCRIPTRUNNER_H
