//===- RunCommand.cpp - kiln run: run a program or call an export ---------===//
#include "ArgumentParsing.h"
#include "CommandLine.h"
#include "ModuleInput.h"
#include "ModuleCompilers.h"
#include "RunArguments.h"
#include "RunCompiler.h"
#include "Subcommands.h"

#include "kiln/Runtime/ArtifactLoader.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/Store.h"
#include "kiln/WASI/WasiContext.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

namespace kiln::cli {

namespace po = boost::program_options;

namespace {

constexpr const char *Usage =
    "usage: kiln run [options] FILE [options] [--] [ARGS...]\n"
    "\n"
    "Compiles FILE (.wasm or .wat) with the JIT, or loads it when it is an AOT\n"
    "artifact from wasm2native, and instantiates it. Without\n"
    "--invoke it runs the program: it calls the export '_start' and exits with\n"
    "the code the program passed to proc_exit (0 when _start returns). With\n"
    "--invoke NAME it calls that export with ARGS (one per parameter, parsed by\n"
    "the parameter's type) and prints each result on a line of its own.\n"
    "\n"
    "A module importing wasi_snapshot_preview1 gets WASI preview1 with argv =\n"
    "FILE's base name followed by ARGS, the environment given with --env only,\n"
    "this process's stdin/stdout/stderr, and no file system except the\n"
    "directories given with --dir (HOST seen by the guest as GUEST, default\n"
    "HOST); paths that would leave them are refused.\n"
    "\n"
    "--preload NAME=FILE instantiates FILE first and offers its exports to\n"
    "FILE's imports under the module name NAME (repeatable, in order; a\n"
    "preloaded module may import from the ones before it, not from WASI).\n"
    "\n"
    "--cache-dir DIR keeps compiled code on the disk under DIR (as AOT\n"
    "artifacts, one file per module and settings) and reuses it in later runs;\n"
    "a damaged or stale file is deleted and the module compiled again.\n"
    "--stats prints the compiled-module cache's statistics to stderr at exit.\n"
    "\n"
    "kiln's options may follow FILE up to '--' or the first other word; the\n"
    "rest are ARGS, passed on verbatim (put '--' before ARGS that look like\n"
    "kiln's options, or negative numbers).\n"
    "Errors and traps print one line on stderr and exit 1; bad usage exits 2.\n";

po::options_description visibleOptions() {
  po::options_description Options("Options");
  auto Add = Options.add_options();
  Add("help,h", "Show this help and exit");
  Add("invoke", po::value<std::string>()->value_name("NAME"), "The export to call (default: _start)");
  Add("opt-level,O", po::value<std::string>()->value_name("N")->default_value("2"),
      "Optimisation level 0..3");
  Add("features", po::value<std::string>()->value_name("LIST"), featuresHelp().c_str());
  Add("dir", po::value<std::vector<std::string>>()->value_name("HOST[::GUEST]")->composing(),
      "Give a WASI program the host directory HOST, named GUEST (repeatable)");
  Add("env", po::value<std::vector<std::string>>()->value_name("KEY=VALUE")->composing(),
      "Set a WASI program's environment variable (repeatable)");
  Add("preload", po::value<std::vector<std::string>>()->value_name("NAME=FILE")->composing(),
      "Instantiate FILE and link its exports under import module NAME (repeatable)");
  Add("cache-dir", po::value<std::string>()->value_name("DIR"),
      "Keep compiled modules on the disk under DIR and reuse them across runs");
  Add("stats", "Print the module cache's statistics (memory and disk) to stderr at the end");
  Add("time", "Print 'kiln run: time compile_ms=C instantiate_ms=I run_ms=R' to stderr at the "
              "end (compile includes reading and validating; preloads count as compile)");
  return Options;
}

int fail(const std::string &Message) {
  std::cerr << "kiln run: " << Message << std::endl;
  return ExitFailure;
}

/// Runs `Export` of a freshly instantiated module; returns the exit status.
int callExport(runtime::Instance &I, const std::string &Export,
               const std::vector<std::string> &Words, const wasi::WasiContext *Wasi) {
  auto Item = I.exportNamed(Export);
  if (!Item || !Item->function())
    return fail("the module exports no function '" + Export + "'");
  const wasm::FuncType &Type = Item->function()->type();
  if (Words.size() != Type.Params.size())
    return fail("'" + Export + "' takes " + std::to_string(Type.Params.size()) +
                " arguments, " + std::to_string(Words.size()) + " given");
  std::vector<runtime::Value> Args;
  for (size_t K = 0; K < Words.size(); ++K) {
    auto V = parseValue(Words[K], Type.Params[K]);
    if (!V)
      return fail("argument " + std::to_string(K + 1) + ": " + V.error().message());
    Args.push_back(*V);
  }
  auto Result = I.call(Export, Args);
  if (!Result)
    return fail(Result.error().format());
  // proc_exit unwinds with a trap; the code it recorded is the status.
  if (Wasi && Wasi->exitCode())
    return static_cast<int>(*Wasi->exitCode() & 0xff);
  if (!*Result)
    return fail("trap in '" + Export + "': " + Result->error().Message);
  for (const runtime::Value &V : **Result)
    std::cout << formatValue(V) << '\n';
  return ExitSuccess;
}

/// Wall-clock spans of a run, for `--time` (benchmarks).
struct RunTimes {
  using Clock = std::chrono::steady_clock;
  Clock::time_point Start = Clock::now();
  double CompileMs = 0, InstantiateMs = 0, RunMs = 0;

  /// Milliseconds since the last lap.
  double lap() {
    Clock::time_point Now = Clock::now();
    double Ms = std::chrono::duration<double, std::milli>(Now - Start).count();
    Start = Now;
    return Ms;
  }
  void print() const {
    std::fprintf(stderr, "kiln run: time compile_ms=%.3f instantiate_ms=%.3f run_ms=%.3f\n",
                 CompileMs, InstantiateMs, RunMs);
  }
};

/// What the command line asked for.
struct RunRequest {
  CompilerChoice Choice;
  std::string File;
  std::string Export = "_start";
  std::vector<std::string> Words;
  std::vector<std::string> Dirs;
  std::vector<std::string> Env;
  std::vector<std::string> Preloads; ///< NAME=FILE
  bool Time = false;                 ///< --time
  std::optional<std::string> CacheDir; ///< --cache-dir
  bool Stats = false;                ///< --stats
};

std::vector<std::string> strings(const po::variables_map &Values, const char *Name) {
  return Values.count(Name) ? Values[Name].as<std::vector<std::string>>()
                            : std::vector<std::string>();
}

/// True when `File` starts with the ELF magic: an AOT artifact from
/// `wasm2native`, loaded instead of compiled.
bool isArtifact(const std::string &File) {
  char Magic[4] = {};
  std::ifstream In(File, std::ios::binary);
  return In.read(Magic, 4) && std::memcmp(Magic, "\x7f" "ELF", 4) == 0;
}

/// Compiles (or, for an AOT artifact, loads) `File`; failures are printed
/// and give an exit status.
std::expected<std::shared_ptr<const runtime::CompiledModule>, int>
compileFile(const std::string &File, const CompilerChoice &Choice, const ModuleCompiler &Compile) {
  if (isArtifact(File)) {
    auto Loaded = runtime::loadArtifact(File);
    if (!Loaded)
      return std::unexpected(fail(Loaded.error().format(File)));
    return *Loaded;
  }
  auto Bytes = readModuleAsBinary(File, Choice.Enabled);
  if (!Bytes) {
    // Read errors lack the file's position; parse errors carry it.
    std::cerr << (Bytes.error().starts_with("cannot read") ? "kiln run: " : "") << Bytes.error()
              << std::endl;
    return std::unexpected(ExitFailure);
  }
  auto Compiled = Compile(*Bytes);
  if (!Compiled)
    return std::unexpected(fail(Compiled.error().format(File)));
  return *Compiled;
}

/// Instantiates every `--preload NAME=FILE` in order and defines its
/// exports under NAME; returns an exit status on failure.
std::optional<int> preload(const RunRequest &R, const ModuleCompiler &Compile,
                           runtime::Store &Store, runtime::Imports &Imports) {
  for (const std::string &Entry : R.Preloads) {
    size_t Equals = Entry.find('=');
    if (Equals == std::string::npos || Equals == 0 || Equals + 1 == Entry.size())
      return reportUsageError("run", "--preload wants NAME=FILE, not '" + Entry + "'");
    std::string Name = Entry.substr(0, Equals), File = Entry.substr(Equals + 1);
    auto Compiled = compileFile(File, R.Choice, Compile);
    if (!Compiled)
      return Compiled.error();
    auto Instantiated = Store.instantiate(*Compiled, Imports);
    if (!Instantiated)
      return fail(Instantiated.error().format(File));
    if (!*Instantiated)
      return fail("trap while instantiating " + File + ": " + Instantiated->error().Message);
    Imports.defineInstance(Name, ***Instantiated);
  }
  return std::nullopt;
}

/// Compiles, instantiates (with WASI when the module imports it) and runs;
/// `Times` receives the spans reached.
int runModule(const RunRequest &R, RunCompiler &Compiler, RunTimes &Times) {
  ModuleCompiler Compile = [&Compiler](std::span<const uint8_t> Bytes) {
    return Compiler.compile(Bytes);
  };
  runtime::Store Store;
  runtime::Imports Imports;
  if (std::optional<int> Failed = preload(R, Compile, Store, Imports))
    return *Failed;
  auto Compiled = compileFile(R.File, R.Choice, Compile);
  Times.CompileMs = Times.lap();
  if (!Compiled)
    return Compiled.error();
  std::unique_ptr<wasi::WasiContext> Wasi;
  if (wasi::WasiContext::isImportedBy((*Compiled)->module())) {
    auto Config = makeWasiConfig(R.File, R.Words, R.Dirs, R.Env);
    if (!Config)
      return reportUsageError("run", Config.error().message());
    auto Created = wasi::WasiContext::create(std::move(*Config));
    if (!Created)
      return fail(Created.error().message());
    Wasi = std::move(*Created);
    Wasi->defineImports(Imports);
  }
  auto Instantiated = Store.instantiate(*Compiled, Imports);
  if (!Instantiated)
    return fail(Instantiated.error().format(R.File));
  if (!*Instantiated)
    return fail("trap during instantiation: " + Instantiated->error().Message);
  runtime::Instance &I = ***Instantiated;
  if (Wasi) {
    if (auto Bound = Wasi->bindInstance(I); !Bound)
      return fail(Bound.error().format(R.File));
  }
  Times.InstantiateMs = Times.lap();
  // A program's arguments are its own; only --invoke parses them.
  bool IsProgram = Wasi && R.Export == "_start";
  int Status = callExport(I, R.Export, IsProgram ? std::vector<std::string>() : R.Words, Wasi.get());
  Times.RunMs = Times.lap();
  return Status;
}

} // namespace

int runRunCommand(const std::vector<std::string> &Args) {
  po::options_description Visible = visibleOptions();
  po::options_description All;
  All.add(Visible).add_options()("file", po::value<std::vector<std::string>>());
  RunArguments Split = splitRunArguments(Args);
  auto Values = parseCommandLine(Split.ToolArgs, All, "file");
  if (!Values)
    return reportUsageError("run", Values.error().message());
  if (Values->count("help")) {
    std::cout << Usage << '\n' << Visible;
    return ExitSuccess;
  }
  RunRequest R;
  auto Level = parseOptLevel((*Values)["opt-level"].as<std::string>());
  if (!Level)
    return reportUsageError("run", Level.error().message());
  R.Choice.OptLevel = *Level;
  auto Features = featuresOption(*Values);
  if (!Features)
    return reportUsageError("run", Features.error().message());
  R.Choice.Enabled = *Features;
  std::vector<std::string> Files = strings(*Values, "file");
  if (Files.size() != 1)
    return reportUsageError("run", Files.empty() ? "no input file" : "more than one input file");
  R.File = Files.front();
  R.Words = std::move(Split.ProgramArgs);
  if (Values->count("invoke"))
    R.Export = (*Values)["invoke"].as<std::string>();
  R.Dirs = strings(*Values, "dir");
  R.Env = strings(*Values, "env");
  R.Preloads = strings(*Values, "preload");
  R.Time = Values->count("time") > 0;
  R.Stats = Values->count("stats") > 0;
  if (Values->count("cache-dir"))
    R.CacheDir = (*Values)["cache-dir"].as<std::string>();
  if (R.CacheDir && R.CacheDir->empty())
    return reportUsageError("run", "--cache-dir wants a folder");
  RunTimes Times;
  auto Compiler = createRunCompiler(R.Choice, R.CacheDir);
  if (!Compiler)
    return fail(Compiler.error().format());
  int Status = runModule(R, **Compiler, Times);
  if (R.Time)
    Times.print();
  if (R.Stats)
    (*Compiler)->printStatistics();
  return Status;
}

} // namespace kiln::cli
