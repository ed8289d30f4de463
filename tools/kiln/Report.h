//===- Report.h - Counting and printing spec script results -----*- C++ -*-===//
//
// The text report is one line per script, the commands that went wrong
// indented below it, and a closing `N passed, N failed, N skipped` line. A
// script that could not be read counts as one failed command of the pseudo
// kind "script", so the closing line always shows why a run failed.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TOOLS_KILN_REPORT_H
#define KILN_TOOLS_KILN_REPORT_H

#include "ScriptRunner.h"

#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::cli {

struct Tally {
  uint64_t Passed = 0;           ///< Includes unexpected passes.
  uint64_t Failed = 0;           ///< Failures nobody expected.
  uint64_t Skipped = 0;          ///< Commands the engine cannot check.
  uint64_t ExpectedFailures = 0; ///< Listed failures; neither passed nor failed.
  uint64_t UnexpectedPasses = 0; ///< Listed failures that passed.

  void add(Verdict V);
  void add(const Tally &Other);
  /// Commands that were checked: the denominator of "passed/total".
  uint64_t checked() const { return Passed + Failed + ExpectedFailures; }
};

/// The counts of one script.
struct ScriptSummary {
  std::filesystem::path Path;
  std::string_view Status; ///< "PASS", "FAIL" or "XFAIL".
  std::string ReadDetail;
  Tally Totals;
  Tally Reads; ///< The pseudo kind "script": reading it.
  std::array<Tally, CommandKindCount> ByKind{};
};

ScriptSummary summarize(const ScriptReport &Report);

/// Everything a run counted, for the closing line and --summary-json.
struct RunSummary {
  std::vector<ScriptSummary> Scripts;
  Tally Totals;
  Tally Reads;
  std::array<Tally, CommandKindCount> ByKind{};

  void add(ScriptSummary Script);
};

/// "PASS  binary.wast  175/175", then one indented line per failure,
/// expected failure, unexpected pass and unused expectation; with `Verbose`
/// also per passed and skipped command.
void printScriptReport(std::ostream &OS, const ScriptReport &Report, const ScriptSummary &Summary,
                       bool Verbose);

/// "N expected failures, N unexpected passes" when either is non-zero, then
/// "N passed, N failed, N skipped".
void printClosingLines(std::ostream &OS, const Tally &Totals);

/// Writes `Summary` as JSON: totals, per-kind counts, and per-script counts.
Expected<void> writeSummaryJson(const std::filesystem::path &File, const RunSummary &Summary,
                                std::string_view EngineName, std::string_view FeatureList);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_REPORT_H
