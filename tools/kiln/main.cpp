//===- main.cpp - kiln: the Kiln command-line tool, subcommand dispatch ---===//
#include "CommandLine.h"
#include "Subcommands.h"

#include <array>
#include <iostream>
#include <string_view>

namespace {

struct Subcommand {
  std::string_view Name;
  std::string_view Summary;
  int (*Run)(const std::vector<std::string> &Args);
};

constexpr std::array<Subcommand, 4> Subcommands = {{
    {"run", "Compile a module with the JIT and call an export", kiln::cli::runRunCommand},
    {"validate", "Decode and validate WebAssembly modules (binary or text)", kiln::cli::runValidateCommand},
    {"wast", "Run WebAssembly spec test scripts (.wast)", kiln::cli::runWastCommand},
    {"cache", "Look after a disk cache of compiled modules (prune)", kiln::cli::runCacheCommand},
}};

void printHelp() {
  std::cout << "usage: kiln <command> [options] [args...]\n"
               "       kiln <command> --help\n"
               "\n"
               "Kiln, a WebAssembly compiler toolkit.\n"
               "\n"
               "Commands:\n";
  for (const Subcommand &S : Subcommands)
    std::cout << "  " << S.Name << std::string(10 - S.Name.size(), ' ') << S.Summary << '\n';
  std::cout << "\nOptions:\n"
               "  -h [ --help ]      Show this help and exit\n"
               "  --version          Show the version and exit\n";
}

int runKiln(const std::vector<std::string> &Args) {
  using namespace kiln::cli;
  if (Args.empty()) {
    std::cerr << "kiln: no command given (see 'kiln --help')" << std::endl;
    return ExitUsage;
  }
  const std::string &First = Args.front();
  if (First == "--help" || First == "-h") {
    printHelp();
    return ExitSuccess;
  }
  if (First == "--version") {
    std::cout << "kiln " << KILN_VERSION << '\n';
    return ExitSuccess;
  }
  for (const Subcommand &S : Subcommands)
    if (S.Name == First)
      return S.Run(std::vector<std::string>(Args.begin() + 1, Args.end()));
  std::cerr << "kiln: unknown command '" << First << "' (see 'kiln --help')" << std::endl;
  return ExitUsage;
}

} // namespace

int main(int Argc, char **Argv) { return runKiln(std::vector<std::string>(Argv + 1, Argv + Argc)); }
