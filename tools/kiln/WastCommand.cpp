//===- WastCommand.cpp - kiln wast: run spec test scripts ------------------===//
#include "ArtifactFolder.h"
#include "CommandLine.h"
#include "Engine.h"
#include "ExpectedFailures.h"
#include "ModuleCompilers.h"
#include "Report.h"
#include "ScriptRunner.h"
#include "Subcommands.h"
#include "TextScriptReader.h"
#include "Wast2JsonReader.h"

#include <algorithm>
#include <cassert>
#include <iostream>

namespace kiln::cli {

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

constexpr const char *Usage =
    "usage: kiln wast [options] PATH...\n"
    "\n"
    "Runs WebAssembly spec test scripts. A PATH is a .wast file or a folder, whose\n"
    "*.wast files (not its subfolders) run in name order. Scripts are read with\n"
    "Kiln's own text parser (or, with --reader=wast2json, converted by wabt).\n"
    "\n"
    "Prints one line per script, 'PASS  name.wast  passed/total' or 'FAIL ...',\n"
    "where total counts the commands the engine checked (a script with none is\n"
    "'PASS  name.wast  0/0'); failing commands are listed below it with their\n"
    "line. A script that cannot be read is a FAIL line with the reason and\n"
    "counts as one failed command. The last line is 'N passed, N failed, N skipped'.\n"
    "Exits 1 if anything failed that was not expected to, 2 on bad usage.\n"
    "\n"
    "Engines:\n"
    "  validate  modules must decode and validate; binary modules in\n"
    "            assert_malformed and assert_invalid must be rejected. Every\n"
    "            other command is skipped.\n"
    "  jit       compiles every module with the JIT (at --opt-level) and runs\n"
    "            every command kind against one store per script, with the\n"
    "            'spectest' host module.\n"
    "  aot       the same, with every module compiled to an AOT artifact and\n"
    "            loaded by the runtime's loader. With --artifact-dir the code\n"
    "            comes from artifacts in that folder, compiled there earlier\n"
    "            with --target (which runs nothing): how a kiln built without\n"
    "            LLVM, or one on another machine, runs the scripts.\n";

struct WastOptions {
  std::vector<std::string> Paths;
  std::string EngineName;
  std::string ReaderName;
  CompilerChoice Compiler; ///< Features and optimisation level.
  std::string SummaryJsonFile;
  std::string ExpectedFailuresFile;
  bool Verbose = false;
};

Expected<std::unique_ptr<ScriptReader>> createReader(const std::string &Name) {
  if (Name == "wast2json") {
    auto Reader = Wast2JsonReader::create();
    if (!Reader)
      return forwardError(Reader);
    return std::unique_ptr<ScriptReader>(std::move(*Reader));
  }
  return std::unique_ptr<ScriptReader>(std::make_unique<TextScriptReader>());
}

std::string engineHelp() {
  std::string Names;
  for (std::string_view Name : engineNames())
    Names += (Names.empty() ? "" : ", ") + std::string(Name);
  return "Engine that runs the commands (available: " + Names + ")";
}

po::options_description visibleOptions() {
  po::options_description Options("Options");
  // One statement per option: Boost's chained form is unreadable at this size.
  auto Add = Options.add_options();
  Add("help,h", "Show this help and exit");
  Add("engine", po::value<std::string>()->value_name("NAME")->default_value("validate"),
      engineHelp().c_str());
  Add("features", po::value<std::string>()->value_name("LIST"), featuresHelp().c_str());
  Add("reader", po::value<std::string>()->value_name("NAME")->default_value("native"),
      "How scripts are read: 'native' (Kiln's text parser) or 'wast2json' (wabt's "
      "converter, which must be on PATH; for cross-checking the native reader)");
  Add("opt-level,O", po::value<std::string>()->value_name("N")->default_value("2"),
      "Optimisation level 0..3 of the jit and aot engines");
  Add("expected-failures", po::value<std::string>()->value_name("FILE"),
      "Failures to tolerate, one 'file.wast:LINE  reason' per line ('file.wast  reason' for a "
      "script that cannot be converted; '#' comments). They are reported as expected failures "
      "and do not fail the run; a listed command that passes is reported as an unexpected pass");
  Add("summary-json", po::value<std::string>()->value_name("FILE"),
      "Also write per-script and per-command-kind counts (passed, failed, skipped, ...) as JSON "
      "to FILE");
  Add("verbose,v", "Also list passed and skipped commands, with details");
  addArtifactFolderOptions(Options);
  return Options;
}

/// Fills `Out` from the command line; returns an exit status when the
/// command is already done (help, bad usage).
std::optional<int> parseWastOptions(const std::vector<std::string> &Args, WastOptions &Out) {
  po::options_description Visible = visibleOptions();
  po::options_description All;
  // Hidden: a test aid (docs/AOTFormat.md), not something a user tunes.
  All.add(Visible).add_options()("path", po::value<std::vector<std::string>>())(
      "aot-partition-size", po::value<uint64_t>());
  auto Values = parseCommandLine(Args, All, "path");
  if (!Values)
    return reportUsageError("wast", Values.error().message());
  if (Values->count("help")) {
    std::cout << Usage << '\n' << Visible;
    return ExitSuccess;
  }
  auto Features = featuresOption(*Values);
  if (!Features)
    return reportUsageError("wast", Features.error().message());
  Out.Compiler.Enabled = *Features;
  if (!Values->count("path"))
    return reportUsageError("wast", "no .wast files or folders given");
  Out.Paths = (*Values)["path"].as<std::vector<std::string>>();
  auto Level = parseOptLevel((*Values)["opt-level"].as<std::string>());
  if (!Level)
    return reportUsageError("wast", Level.error().message());
  Out.Compiler.OptLevel = *Level;
  Out.EngineName = (*Values)["engine"].as<std::string>();
  if (Values->count("aot-partition-size"))
    Out.Compiler.AotPartitionSizeInBytes = (*Values)["aot-partition-size"].as<uint64_t>();
  if (auto Misfit = readArtifactFolderOptions(*Values, Out.EngineName, Out.Compiler))
    return reportUsageError("wast", *Misfit);
  Out.ReaderName = (*Values)["reader"].as<std::string>();
  if (Out.ReaderName != "native" && Out.ReaderName != "wast2json")
    return reportUsageError("wast", "unknown reader '" + Out.ReaderName + "' (native, wast2json)");
  if (auto Probe = createEngine(Out.EngineName, Out.Compiler); !Probe)
    return reportUsageError("wast", Probe.error().message());
  if (Values->count("summary-json"))
    Out.SummaryJsonFile = (*Values)["summary-json"].as<std::string>();
  if (Values->count("expected-failures"))
    Out.ExpectedFailuresFile = (*Values)["expected-failures"].as<std::string>();
  Out.Verbose = Values->count("verbose") != 0;
  return std::nullopt;
}

/// The scripts the paths name, folders expanded; an error names a path that
/// is missing or a folder without scripts.
Expected<std::vector<fs::path>> collectScripts(const std::vector<std::string> &Paths) {
  std::vector<fs::path> Scripts;
  for (const std::string &Path : Paths) {
    std::error_code EC;
    if (!fs::is_directory(Path, EC)) {
      if (!fs::exists(Path, EC))
        return makeError(ErrorKind::Io, "no such file or folder: '" + Path + "'");
      Scripts.emplace_back(Path);
      continue;
    }
    std::vector<fs::path> InFolder;
    // Iterated by hand: the range-for form throws on a read error.
    for (fs::directory_iterator It(Path, EC), End; !EC && It != End; It.increment(EC))
      if (It->path().extension() == ".wast" && It->is_regular_file(EC))
        InFolder.push_back(It->path());
    if (EC)
      return makeError(ErrorKind::Io, "cannot list '" + Path + "': " + EC.message());
    if (InFolder.empty())
      return makeError(ErrorKind::Io, "no .wast files in '" + Path + "'");
    std::ranges::sort(InFolder);
    Scripts.insert(Scripts.end(), InFolder.begin(), InFolder.end());
  }
  return Scripts;
}

/// Runs every script, printing as it goes; returns the counts.
RunSummary runScripts(const std::vector<fs::path> &Scripts, const WastOptions &Options,
                      ScriptReader &Reader, ExpectedFailures &Expectations) {
  EngineFactory MakeEngine = [&Options] {
    auto E = createEngine(Options.EngineName, Options.Compiler);
    assert(E && "the engine name was checked while parsing options");
    return std::move(*E);
  };
  RunSummary Summary;
  for (const fs::path &Path : Scripts) {
    ScriptReport Report = runScriptFile(Path, Reader, MakeEngine, Expectations);
    ScriptSummary Counts = summarize(Report);
    printScriptReport(std::cout, Report, Counts, Options.Verbose);
    Summary.add(std::move(Counts));
  }
  printClosingLines(std::cout, Summary.Totals);
  return Summary;
}

} // namespace

int runWastCommand(const std::vector<std::string> &Args) {
  WastOptions Options;
  if (std::optional<int> Done = parseWastOptions(Args, Options))
    return *Done;
  ExpectedFailures Expectations;
  if (!Options.ExpectedFailuresFile.empty()) {
    auto Loaded = ExpectedFailures::load(Options.ExpectedFailuresFile);
    if (!Loaded)
      return reportUsageError("wast", Loaded.error().message());
    Expectations = std::move(*Loaded);
  }
  auto Scripts = collectScripts(Options.Paths);
  if (!Scripts) {
    std::cerr << "kiln wast: " << Scripts.error().message() << std::endl;
    return ExitFailure;
  }
  auto Reader = createReader(Options.ReaderName);
  if (!Reader) {
    std::cerr << "kiln wast: " << Reader.error().message() << std::endl;
    return ExitFailure;
  }

  RunSummary Summary = runScripts(*Scripts, Options, **Reader, Expectations);
  int Status = Summary.Totals.Failed ? ExitFailure : ExitSuccess;
  if (!Options.SummaryJsonFile.empty()) {
    auto Written = writeSummaryJson(Options.SummaryJsonFile, Summary, Options.EngineName,
                                    Options.Compiler.Enabled.describe());
    if (!Written) {
      std::cerr << "kiln wast: " << Written.error().message() << std::endl;
      Status = ExitFailure;
    }
  }
  return Status;
}

} // namespace kiln::cli
