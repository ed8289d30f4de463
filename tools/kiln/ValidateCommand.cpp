//===- ValidateCommand.cpp - kiln validate: decode and validate files -----===//
#include "CommandLine.h"
#include "Files.h"
#include "ModuleInput.h"
#include "Subcommands.h"

#include <iostream>

namespace kiln::cli {

namespace po = boost::program_options;

namespace {

constexpr const char *Usage =
    "usage: kiln validate [--features=LIST] FILE...\n"
    "\n"
    "Decodes and validates each WebAssembly module, binary (.wasm) or text\n"
    "(.wat; told apart by content). Prints 'FILE: valid' on stdout, or the\n"
    "first error on stderr as 'FILE:OFFSET: message' for binaries and\n"
    "'FILE:LINE:COLUMN: message' for text.\n"
    "Exits 1 if any file is malformed, invalid or unreadable, 2 on bad usage.\n";

po::options_description visibleOptions() {
  po::options_description Options("Options");
  auto Add = Options.add_options();
  Add("help,h", "Show this help and exit");
  Add("features", po::value<std::string>()->value_name("LIST"), featuresHelp().c_str());
  return Options;
}

/// Checks one file and reports the result; true if it is valid.
bool validateFile(const std::string &File, const wasm::Features &Enabled) {
  auto Bytes = readFileBytes(File);
  if (!Bytes) {
    std::cerr << "kiln validate: " << Bytes.error().message() << std::endl;
    return false;
  }
  if (auto Checked = checkModuleBytes(File, *Bytes, Enabled); !Checked) {
    std::cerr << Checked.error() << std::endl;
    return false;
  }
  std::cout << File << ": valid" << std::endl;
  return true;
}

} // namespace

int runValidateCommand(const std::vector<std::string> &Args) {
  po::options_description Visible = visibleOptions();
  po::options_description All;
  All.add(Visible).add_options()("file", po::value<std::vector<std::string>>());
  auto Values = parseCommandLine(Args, All, "file");
  if (!Values)
    return reportUsageError("validate", Values.error().message());
  if (Values->count("help")) {
    std::cout << Usage << '\n' << Visible;
    return ExitSuccess;
  }
  auto Enabled = featuresOption(*Values);
  if (!Enabled)
    return reportUsageError("validate", Enabled.error().message());
  if (!Values->count("file"))
    return reportUsageError("validate", "no input files");

  bool AllValid = true;
  for (const std::string &File : (*Values)["file"].as<std::vector<std::string>>())
    AllValid &= validateFile(File, *Enabled);
  return AllValid ? ExitSuccess : ExitFailure;
}

} // namespace kiln::cli
