//===- RunCommand.cpp - kiln run: compile a module and call an export -----===//
#include "ArgumentParsing.h"
#include "CommandLine.h"
#include "ModuleInput.h"
#include "ModuleCompilers.h"
#include "Subcommands.h"

#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/Store.h"

#include <iostream>

namespace kiln::cli {

namespace po = boost::program_options;

namespace {

constexpr const char *Usage =
    "usage: kiln run [options] FILE [--invoke NAME] [--] [ARGS...]\n"
    "\n"
    "Compiles FILE (.wasm or .wat) with the JIT, instantiates it and calls the exported\n"
    "function NAME with ARGS (one per parameter, parsed by the parameter's\n"
    "type; put '--' before negative numbers). Without --invoke it calls the\n"
    "export '_start'. Prints each result on a line of its own.\n"
    "Errors and traps print one line on stderr and exit 1; bad usage exits 2.\n";

po::options_description visibleOptions() {
  po::options_description Options("Options");
  auto Add = Options.add_options();
  Add("help,h", "Show this help and exit");
  Add("invoke", po::value<std::string>()->value_name("NAME"), "The export to call (default: _start)");
  Add("opt-level,O", po::value<std::string>()->value_name("N")->default_value("2"),
      "Optimisation level 0..3");
  Add("features", po::value<std::string>()->value_name("LIST"), featuresHelp().c_str());
  return Options;
}

int fail(const std::string &Message) {
  std::cerr << "kiln run: " << Message << std::endl;
  return ExitFailure;
}

/// Runs `Export` of a freshly instantiated module; returns the exit status.
int callExport(runtime::Instance &I, const std::string &Export,
               const std::vector<std::string> &Words) {
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
  if (!*Result)
    return fail("trap in '" + Export + "': " + Result->error().Message);
  for (const runtime::Value &V : **Result)
    std::cout << formatValue(V) << '\n';
  return ExitSuccess;
}

} // namespace

int runRunCommand(const std::vector<std::string> &Args) {
  po::options_description Visible = visibleOptions();
  po::options_description All;
  All.add(Visible).add_options()("words", po::value<std::vector<std::string>>());
  auto Values = parseCommandLine(Args, All, "words");
  if (!Values)
    return reportUsageError("run", Values.error().message());
  if (Values->count("help")) {
    std::cout << Usage << '\n' << Visible;
    return ExitSuccess;
  }
  CompilerChoice Choice;
  auto Level = parseOptLevel((*Values)["opt-level"].as<std::string>());
  if (!Level)
    return reportUsageError("run", Level.error().message());
  Choice.OptLevel = *Level;
  if (Values->count("features")) {
    auto Parsed = parseFeatures((*Values)["features"].as<std::string>());
    if (!Parsed)
      return reportUsageError("run", Parsed.error().message());
    Choice.Enabled = *Parsed;
  }
  if (!Values->count("words"))
    return reportUsageError("run", "no input file");
  std::vector<std::string> Words = (*Values)["words"].as<std::vector<std::string>>();
  std::string File = Words.front();
  Words.erase(Words.begin());
  std::string Export = Values->count("invoke") ? (*Values)["invoke"].as<std::string>() : "_start";

  auto Bytes = readModuleAsBinary(File, Choice.Enabled);
  if (!Bytes) {
    // Read errors lack the file's position; parse errors carry it.
    std::cerr << (Bytes.error().starts_with("cannot read") ? "kiln run: " : "") << Bytes.error()
              << std::endl;
    return ExitFailure;
  }
  auto Compile = createJitCompiler(Choice);
  if (!Compile)
    return fail(Compile.error().format());
  auto Compiled = (*Compile)(*Bytes);
  if (!Compiled)
    return fail(Compiled.error().format(File));
  runtime::Store Store;
  auto Instantiated = Store.instantiate(*Compiled, runtime::Imports());
  if (!Instantiated)
    return fail(Instantiated.error().format(File));
  if (!*Instantiated)
    return fail("trap during instantiation: " + Instantiated->error().Message);
  return callExport(***Instantiated, Export, Words);
}

} // namespace kiln::cli
