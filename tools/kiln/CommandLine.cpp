//===- CommandLine.cpp - Option parsing shared by kiln's subcommands -------===//
#include "CommandLine.h"

#include <iostream>

namespace kiln::cli {

namespace po = boost::program_options;

Expected<po::variables_map> parseCommandLine(const std::vector<std::string> &Args,
                                             const po::options_description &Options,
                                             const char *PositionalName) {
  po::positional_options_description Positional;
  Positional.add(PositionalName, -1);
  po::variables_map Values;
  // No guessing of abbreviated option names: --help lists the only spellings.
  const int Style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
  try {
    po::store(
        po::command_line_parser(Args).options(Options).positional(Positional).style(Style).run(),
        Values);
    po::notify(Values);
  } catch (const po::error &E) {
    return makeError(ErrorKind::Usage, E.what());
  }
  return Values;
}

Expected<wasm::Features> featuresOption(const po::variables_map &Values) {
  if (!Values.count("features"))
    return wasm::Features::wasm20();
  return wasm::Features::wasm20().withChanges(Values["features"].as<std::string>());
}

std::string featuresHelp() {
  std::string Names;
  for (size_t I = 0; I < static_cast<size_t>(wasm::Feature::Count); ++I)
    Names += (I ? ", " : "") + std::string(wasm::featureName(static_cast<wasm::Feature>(I)));
  return "Change the enabled WebAssembly features, starting from 2.0: a comma-separated list of "
         "+NAME, -NAME, all, none. Names: " +
         Names;
}

int reportUsageError(std::string_view Subcommand, std::string_view Message) {
  std::cerr << "kiln " << Subcommand << ": " << Message << " (see 'kiln " << Subcommand
            << " --help')" << std::endl;
  return ExitUsage;
}

} // namespace kiln::cli
