//===- ScriptRunner.cpp - Running one spec script through an engine --------===//
#include "ScriptRunner.h"

#include <algorithm>

namespace kiln::cli {

namespace fs = std::filesystem;

bool ScriptReport::failed() const {
  if (ReadResult == Verdict::Failed)
    return true;
  return std::ranges::any_of(Commands,
                             [](const CommandReport &R) { return R.Result == Verdict::Failed; });
}

namespace {
/// Lets the list turn a failure into an expected one, or flag a listed pass.
CommandReport judge(const Command &C, CommandOutcome Outcome, const fs::path &Path,
                    ExpectedFailures &Expectations) {
  CommandReport Report{C.Kind, C.Line, Verdict::Skipped, std::move(Outcome.Detail)};
  if (Outcome.Result == Outcome::Skipped)
    return Report;
  std::optional<std::string> Reason = Expectations.find(Path, C.Line);
  if (Outcome.Result == Outcome::Failed) {
    Report.Result = Reason ? Verdict::ExpectedFailure : Verdict::Failed;
    if (Reason)
      Report.Detail = *Reason + "; " + Report.Detail;
    return Report;
  }
  Report.Result = Reason ? Verdict::UnexpectedPass : Verdict::Passed;
  if (Reason)
    Report.Detail = "listed as expected failure (" + *Reason + ") but passed: " + Report.Detail;
  return Report;
}
} // namespace

ScriptReport runScriptFile(const fs::path &Path, ScriptReader &Reader,
                           const EngineFactory &MakeEngine, ExpectedFailures &Expectations) {
  ScriptReport Report;
  Report.Path = Path;
  std::optional<std::string> ReadReason = Expectations.find(Path, std::nullopt);
  Expected<Script> S = Reader.read(Path);
  if (!S) {
    Report.ReadResult = ReadReason ? Verdict::ExpectedFailure : Verdict::Failed;
    Report.ReadDetail = S.error().message();
    if (ReadReason)
      Report.ReadDetail += " (expected failure: " + *ReadReason + ")";
    return Report;
  }
  if (ReadReason) {
    Report.ReadResult = Verdict::UnexpectedPass;
    Report.ReadDetail = "listed as expected failure (" + *ReadReason + ") but the script was read";
  }
  std::unique_ptr<Engine> E = MakeEngine();
  Report.Commands.reserve(S->Commands.size());
  for (const Command &C : S->Commands)
    Report.Commands.push_back(judge(C, E->run(C), Path, Expectations));
  Report.UnusedExpectations = Expectations.unusedEntries(Path);
  return Report;
}

} // namespace kiln::cli
