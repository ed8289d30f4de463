//===- Report.cpp - Counting and printing spec script results --------------===//
#include "Report.h"

namespace kiln::cli {

void Tally::add(Verdict V) {
  switch (V) {
  case Verdict::Passed: ++Passed; return;
  case Verdict::Failed: ++Failed; return;
  case Verdict::Skipped: ++Skipped; return;
  case Verdict::ExpectedFailure: ++ExpectedFailures; return;
  case Verdict::UnexpectedPass:
    ++Passed;
    ++UnexpectedPasses;
    return;
  }
}

void Tally::add(const Tally &Other) {
  Passed += Other.Passed;
  Failed += Other.Failed;
  Skipped += Other.Skipped;
  ExpectedFailures += Other.ExpectedFailures;
  UnexpectedPasses += Other.UnexpectedPasses;
}

ScriptSummary summarize(const ScriptReport &Report) {
  ScriptSummary Summary;
  Summary.Path = Report.Path;
  Summary.ReadDetail = Report.ReadDetail;
  // A script that read as usual is not counted as a "script" command; only
  // failed reads and listed reads are, so they show in the closing line.
  if (Report.ReadResult != Verdict::Passed)
    Summary.Reads.add(Report.ReadResult);
  Summary.Totals.add(Summary.Reads);
  for (const CommandReport &C : Report.Commands) {
    Summary.ByKind[static_cast<size_t>(C.Kind)].add(C.Result);
    Summary.Totals.add(C.Result);
  }
  if (Report.failed())
    Summary.Status = "FAIL";
  else if (Report.ReadResult == Verdict::ExpectedFailure)
    Summary.Status = "XFAIL";
  else
    Summary.Status = "PASS";
  return Summary;
}

void RunSummary::add(ScriptSummary Script) {
  Totals.add(Script.Totals);
  Reads.add(Script.Reads);
  for (size_t I = 0; I < CommandKindCount; ++I)
    ByKind[I].add(Script.ByKind[I]);
  Scripts.push_back(std::move(Script));
}

namespace {
std::string plural(uint64_t Count, std::string_view Singular, std::string_view Plural) {
  return std::to_string(Count) + " " + std::string(Count == 1 ? Singular : Plural);
}

/// What an indented line says before the detail; empty: not shown.
std::string_view verdictLabel(Verdict V, bool Verbose) {
  switch (V) {
  case Verdict::Failed: return "failed";
  case Verdict::ExpectedFailure: return "expected failure";
  case Verdict::UnexpectedPass: return "unexpected pass";
  case Verdict::Passed: return Verbose ? "passed" : "";
  case Verdict::Skipped: return Verbose ? "skipped" : "";
  }
  return "";
}
} // namespace

void printScriptReport(std::ostream &OS, const ScriptReport &Report, const ScriptSummary &Summary,
                       bool Verbose) {
  // Pad to the longest status word so names line up in a column.
  OS << Summary.Status << std::string(6 - Summary.Status.size(), ' ')
     << Report.Path.filename().string() << "  ";
  if (!Report.wasRead()) {
    OS << Report.ReadDetail << '\n' << std::flush;
    return;
  }
  const Tally &T = Summary.Totals;
  OS << T.Passed << '/' << T.checked();
  if (T.ExpectedFailures)
    OS << "  (" << plural(T.ExpectedFailures, "expected failure", "expected failures") << ")";
  if (T.UnexpectedPasses)
    OS << "  (" << plural(T.UnexpectedPasses, "unexpected pass", "unexpected passes") << ")";
  OS << '\n';
  if (Report.ReadResult == Verdict::UnexpectedPass)
    OS << "  unexpected pass: " << Report.ReadDetail << '\n';
  for (const CommandReport &C : Report.Commands) {
    std::string_view Label = verdictLabel(C.Result, Verbose);
    if (!Label.empty())
      OS << "  line " << C.Line << ": " << commandKindName(C.Kind) << ": " << Label << ": "
         << C.Detail << '\n';
  }
  for (const std::string &Entry : Report.UnusedExpectations)
    OS << "  expected-failures entry " << Entry << " matches no checked command\n";
  OS << std::flush;
}

void printClosingLines(std::ostream &OS, const Tally &Totals) {
  if (Totals.ExpectedFailures || Totals.UnexpectedPasses)
    OS << plural(Totals.ExpectedFailures, "expected failure", "expected failures") << ", "
       << plural(Totals.UnexpectedPasses, "unexpected pass", "unexpected passes") << '\n';
  OS << Totals.Passed << " passed, " << Totals.Failed << " failed, " << Totals.Skipped << " skipped"
     << std::endl;
}

} // namespace kiln::cli
