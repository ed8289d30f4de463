//===- SummaryJson.cpp - Writing a spec run's counts as JSON ---------------===//
//
// For scripts and dashboards: {"engine", "features", "totals", "kinds",
// "scripts": [{"path", "name", "status", "totals", "kinds", "read_detail"?}]}.
// Every count object has passed, failed, skipped, expected_failures and
// unexpected_passes. Run-wide "kinds" lists every command kind plus "script"
// (reading the file); per-script "kinds" only those that occurred.
//
//===----------------------------------------------------------------------===//
#include "Report.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace kiln::cli {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {
ordered_json tallyJson(const Tally &T) {
  return ordered_json{{"passed", T.Passed},
                      {"failed", T.Failed},
                      {"skipped", T.Skipped},
                      {"expected_failures", T.ExpectedFailures},
                      {"unexpected_passes", T.UnexpectedPasses}};
}

bool isEmpty(const Tally &T) { return T.checked() == 0 && T.Skipped == 0; }

ordered_json kindsJson(const std::array<Tally, CommandKindCount> &ByKind, const Tally &Reads,
                       bool SkipEmpty) {
  ordered_json Kinds = ordered_json::object();
  for (size_t I = 0; I < CommandKindCount; ++I)
    if (!SkipEmpty || !isEmpty(ByKind[I]))
      Kinds[std::string(commandKindName(static_cast<CommandKind>(I)))] = tallyJson(ByKind[I]);
  if (!SkipEmpty || !isEmpty(Reads))
    Kinds["script"] = tallyJson(Reads);
  return Kinds;
}

ordered_json scriptJson(const ScriptSummary &S) {
  ordered_json Json{{"path", S.Path.string()},
                    {"name", S.Path.filename().string()},
                    {"status", S.Status},
                    {"totals", tallyJson(S.Totals)},
                    {"kinds", kindsJson(S.ByKind, S.Reads, /*SkipEmpty=*/true)}};
  if (!S.ReadDetail.empty())
    Json["read_detail"] = S.ReadDetail;
  return Json;
}
} // namespace

Expected<void> writeSummaryJson(const fs::path &File, const RunSummary &Summary,
                                std::string_view EngineName, std::string_view FeatureList) {
  ordered_json Root{{"engine", EngineName},
                    {"features", FeatureList},
                    {"totals", tallyJson(Summary.Totals)},
                    {"kinds", kindsJson(Summary.ByKind, Summary.Reads, /*SkipEmpty=*/false)}};
  ordered_json Scripts = ordered_json::array();
  for (const ScriptSummary &S : Summary.Scripts)
    Scripts.push_back(scriptJson(S));
  Root["scripts"] = std::move(Scripts);

  errno = 0;
  std::ofstream Out(File);
  if (Out)
    Out << Root.dump(2, ' ', /*ensure_ascii=*/false, ordered_json::error_handler_t::replace)
        << '\n'; // Messages quote input bytes; never let bad UTF-8 throw.
  Out.close();
  if (!Out)
    return makeError(ErrorKind::Io,
                     "cannot write '" + File.string() + "': " + std::strerror(errno ? errno : EIO));
  return {};
}

} // namespace kiln::cli
