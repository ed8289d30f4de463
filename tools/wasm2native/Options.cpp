//===- Options.cpp - wasm2native's command line ---------------------------===//
#include "Options.h"

#include <boost/program_options.hpp>

#include <charconv>
#include <iostream>

namespace kiln::wasm2native {

namespace po = boost::program_options;

static po::options_description describeOptions() {
  po::options_description Options("Options");
  Options.add_options()
      ("help,h", "Show this help and exit")
      ("version", "Show the version and exit")
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "Write the output to FILE ('-' for standard output, except artifacts and "
       "executables). Default: the input's name with .so, .ll, .s or .o, or without "
       "extension for exe")
      ("emit", po::value<std::string>()->value_name("KIND")->default_value("artifact"),
       "What to produce: artifact (a shared object the Kiln runtime loads and runs; linked "
       "with ld.lld-19, or $KILN_LLD), exe (a standalone program running the module's _start "
       "with WASI; linked by a C++ compiler, or $KILN_CXX, with libkiln-runtime.a), llvm (LLVM "
       "IR as text), asm (target assembly) or obj (an object file to link into a C or C++ "
       "program with libkiln-runtime.a; its symbols carry the module's C name, see --name)")
      ("header", po::value<std::string>()->value_name("FILE"),
       "With --emit=obj: also write a C header declaring NAME_instantiate, NAME_free and a "
       "typed NAME_export_X per exported function (see kiln/linked.h)")
      ("name", po::value<std::string>()->value_name("NAME"),
       "With --emit=obj: the module's C name (default: the output's file name without "
       "extension, made a C identifier; the input's when writing to standard output)")
      ("opt-level,O", po::value<std::string>()->value_name("N"),
       "Optimisation level 0-3 (-O0 ... -O3). Default: 2 for asm and obj; for llvm, the IR "
       "is printed as translated unless a level is given")
      ("target", po::value<std::string>()->value_name("TRIPLE"),
       "Target triple, e.g. x86_64-linux-gnu or aarch64-linux-gnu. Default: the host")
      ("cpu", po::value<std::string>()->value_name("NAME"),
       "Target CPU, e.g. skylake or neoverse-n1. Default: the host CPU without --target, "
       "else generic")
      ("features", po::value<std::string>()->value_name("LIST"),
       "Target features to add or remove, e.g. +avx2,-sse4.1")
      ("bounds-checks", po::value<std::string>()->value_name("KIND")->default_value("guard-pages"),
       "How memory accesses stay in bounds: guard-pages (no check; the runtime's 8 GiB "
       "reservation makes them fault) or explicit (compare and branch before each access)")
      ("frame-pointers", "Keep frame pointers, so profilers can walk the stack")
      ("debug-info,g", "Emit DWARF: one subprogram per function; each instruction's line is "
                       "its byte offset in the module")
      ("jobs,j", po::value<std::string>()->value_name("N")->default_value("0"),
       "Compile N partitions at once, each on its own thread (0: one per CPU). The output is "
       "the same for every N. Applies to artifact, exe and obj; llvm and asm are one module, "
       "compiled on one thread")
      ("partition-size", po::value<std::string>()->value_name("BYTES")->default_value(
                             std::to_string(translate::DefaultPartitionSizeInBytes)),
       "Split artifact, exe and obj compiles into partitions of about BYTES of function "
       "bodies, compiled separately (and in parallel with -j); 0: one partition. Unlike -j, "
       "this changes the code (no inlining across partitions), never what it does");
  return Options;
}

static void printHelp(const po::options_description &Options) {
  std::cout << "usage: wasm2native FILE [options]\n"
               "\n"
               "Compiles a WebAssembly module, binary (.wasm) or text (.wat), told apart by\n"
               "content ('-' reads standard input), to an artifact the Kiln runtime loads, a\n"
               "standalone executable, an object file to link into a C or C++ program, LLVM IR\n"
               "or assembly. An error prints one line and exits 1, and never leaves a partial\n"
               "output file.\n\n"
            << Options;
}

static Expected<codegen::OutputKind> parseOutputKind(const std::string &Kind) {
  if (Kind == "llvm")
    return codegen::OutputKind::LLVMAssembly;
  if (Kind == "asm")
    return codegen::OutputKind::Assembly;
  if (Kind == "obj")
    return codegen::OutputKind::Object;
  return makeError(ErrorKind::Usage, "unknown --emit kind '" + Kind + "' (artifact, exe, llvm, asm or obj)");
}

/// Sets `Emit` (and `EmitArtifact`) from the --emit kind.
static Expected<void> parseEmit(const std::string &Kind, Options &Result) {
  Result.EmitArtifact = Kind == "artifact";
  Result.EmitExecutable = Kind == "exe";
  if (Result.EmitArtifact || Result.EmitExecutable)
    return {};
  auto Parsed = parseOutputKind(Kind);
  if (!Parsed)
    return forwardError(Parsed);
  Result.Emit = *Parsed;
  return {};
}

static std::string defaultOutput(const std::string &Input, const Options &Opts) {
  std::string Stem = Input;
  if (size_t Dot = Stem.rfind('.'); Dot != std::string::npos && Stem.find('/', Dot) == Stem.npos)
    Stem.resize(Dot);
  if (Opts.EmitArtifact)
    return Stem + ".so";
  if (Opts.EmitExecutable) // Never the input itself.
    return Stem == Input ? Stem + ".out" : Stem;
  switch (Opts.Emit) {
  case codegen::OutputKind::LLVMAssembly: return Stem + ".ll";
  case codegen::OutputKind::Assembly: return Stem + ".s";
  case codegen::OutputKind::Object: return Stem + ".o";
  }
  return Stem + ".o";
}

/// --header and --name, which only --emit=obj takes.
static Expected<void> parseLinkedOptions(const po::variables_map &Values, Options &Result) {
  if (Values.count("header")) {
    if (Result.EmitArtifact || Result.EmitExecutable || Result.Emit != codegen::OutputKind::Object)
      return makeError(ErrorKind::Usage, "--header needs --emit=obj");
    Result.HeaderPath = Values["header"].as<std::string>();
    if (Result.Output == "-" || Result.HeaderPath == "-")
      return makeError(ErrorKind::Usage, "--header cannot write to standard output");
  }
  if (Values.count("name")) {
    if (Result.EmitArtifact || Result.EmitExecutable || Result.Emit != codegen::OutputKind::Object)
      return makeError(ErrorKind::Usage, "--name needs --emit=obj");
    Result.ModuleName = Values["name"].as<std::string>();
  }
  return {};
}

/// A non-negative decimal option value; Boost's own conversion would
/// accept "-1" as a huge unsigned number.
template <typename T>
static Expected<T> parseCount(const po::variables_map &Values, const char *Name) {
  const std::string &Text = Values[Name].as<std::string>();
  T Value = 0;
  auto [End, Problem] = std::from_chars(Text.data(), Text.data() + Text.size(), Value);
  if (Text.empty() || Problem != std::errc() || End != Text.data() + Text.size())
    return makeError(ErrorKind::Usage, "--" + std::string(Name) + " needs a number, not '" +
                                           Text + "'");
  return Value;
}

static Expected<Options> toOptions(const po::variables_map &Values) {
  if (!Values.count("input"))
    return makeError(ErrorKind::Usage, "no input file");
  Options Result;
  Result.Input = Values["input"].as<std::string>();
  if (auto Emit = parseEmit(Values["emit"].as<std::string>(), Result); !Emit)
    return forwardError(Emit);
  Result.Output = Values.count("output") ? Values["output"].as<std::string>()
                                         : defaultOutput(Result.Input, Result);
  if (auto Linked = parseLinkedOptions(Values, Result); !Linked)
    return forwardError(Linked);
  if (Values.count("opt-level")) {
    const std::string &Text = Values["opt-level"].as<std::string>();
    Result.Level = codegen::parseOptLevel(Text);
    if (!Result.Level)
      return makeError(ErrorKind::Usage, "unknown optimisation level '" + Text + "' (0-3)");
  }
  if (Values.count("target"))
    Result.Target.Triple = Values["target"].as<std::string>();
  if (Values.count("cpu"))
    Result.Target.CPU = Values["cpu"].as<std::string>();
  const std::string &Checks = Values["bounds-checks"].as<std::string>();
  if (Checks == "explicit")
    Result.Translation.MemoryBoundsChecks = translate::BoundsChecks::Explicit;
  else if (Checks != "guard-pages")
    return makeError(ErrorKind::Usage,
                     "unknown --bounds-checks kind '" + Checks + "' (guard-pages or explicit)");
  auto Jobs = parseCount<unsigned>(Values, "jobs");
  if (!Jobs)
    return forwardError(Jobs);
  Result.Jobs = *Jobs;
  auto PartitionSize = parseCount<uint64_t>(Values, "partition-size");
  if (!PartitionSize)
    return forwardError(PartitionSize);
  Result.PartitionSizeInBytes = *PartitionSize;
  Result.Translation.FramePointers = Values.count("frame-pointers") != 0;
  Result.Translation.DebugInfo = Values.count("debug-info") != 0;
  if (Values.count("features")) {
    auto Features = codegen::parseFeatureList(Values["features"].as<std::string>());
    if (!Features)
      return forwardError(Features);
    Result.Target.Features = std::move(*Features);
  }
  return Result;
}

Expected<ParsedCommandLine> parseCommandLine(int Argc, char **Argv) {
  po::options_description Visible = describeOptions();
  po::options_description All;
  All.add(Visible).add_options()("input", po::value<std::string>());
  po::positional_options_description Positional;
  Positional.add("input", 1);
  po::variables_map Values;
  // No guessing of abbreviated option names: --help lists the only spellings.
  const int Style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
  try {
    po::store(po::command_line_parser(Argc, Argv)
                  .options(All)
                  .positional(Positional)
                  .style(Style)
                  .run(),
              Values);
    po::notify(Values);
  } catch (const po::error &E) {
    return makeError(ErrorKind::Usage, E.what());
  }
  ParsedCommandLine Parsed;
  if (Values.count("help")) {
    printHelp(Visible);
    return Parsed;
  }
  if (Values.count("version")) {
    std::cout << "wasm2native (Kiln) " << KILN_VERSION << '\n';
    return Parsed;
  }
  Expected<Options> Run = toOptions(Values);
  if (!Run)
    return forwardError(Run);
  Parsed.Run = std::move(*Run);
  return Parsed;
}

} // namespace kiln::wasm2native
