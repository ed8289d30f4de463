//===- Options.cpp - wasm2native's command line ---------------------------===//
#include "Options.h"

#include <boost/program_options.hpp>

#include <iostream>

namespace kiln::wasm2native {

namespace po = boost::program_options;

static po::options_description describeOptions() {
  po::options_description Options("Options");
  Options.add_options()
      ("help,h", "Show this help and exit")
      ("version", "Show the version and exit")
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "Write the output to FILE ('-' for standard output, except artifacts). Default: the "
       "input's name with .so, .ll, .s or .o")
      ("emit", po::value<std::string>()->value_name("KIND")->default_value("artifact"),
       "What to produce: artifact (a shared object the Kiln runtime loads and runs; linked "
       "with ld.lld-19, or $KILN_LLD), llvm (LLVM IR as text), asm (target assembly) or obj "
       "(an object file)")
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
                       "its byte offset in the module");
  return Options;
}

static void printHelp(const po::options_description &Options) {
  std::cout << "usage: wasm2native FILE [options]\n"
               "\n"
               "Compiles a WebAssembly module, binary (.wasm) or text (.wat), told apart by\n"
               "content ('-' reads standard input), to an artifact the runtime loads, LLVM IR,\n"
               "assembly or an object file. The module is decoded, validated and translated;\n"
               "An error prints one line and exits 1.\n\n"
            << Options;
}

static Expected<codegen::OutputKind> parseOutputKind(const std::string &Kind) {
  if (Kind == "llvm")
    return codegen::OutputKind::LLVMAssembly;
  if (Kind == "asm")
    return codegen::OutputKind::Assembly;
  if (Kind == "obj")
    return codegen::OutputKind::Object;
  return makeError(ErrorKind::Usage, "unknown --emit kind '" + Kind + "' (artifact, llvm, asm or obj)");
}

/// Sets `Emit` (and `EmitArtifact`) from the --emit kind.
static Expected<void> parseEmit(const std::string &Kind, Options &Result) {
  Result.EmitArtifact = Kind == "artifact";
  if (Result.EmitArtifact)
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
  switch (Opts.Emit) {
  case codegen::OutputKind::LLVMAssembly: return Stem + ".ll";
  case codegen::OutputKind::Assembly: return Stem + ".s";
  case codegen::OutputKind::Object: return Stem + ".o";
  }
  return Stem + ".o";
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
