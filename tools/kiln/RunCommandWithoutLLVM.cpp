//===- RunCommandWithoutLLVM.cpp - kiln run in a kiln built without LLVM --===//
//
// `kiln run` (RunCommand.cpp) compiles through kiln::engine::Engine, even
// for artifacts (its in-memory and disk caches sit in front of every
// compile), and the Engine library needs LLVM. A kiln built with
// KILN_WITH_LLVM=OFF therefore has no `run` yet; it says so instead of
// failing to link. Spec scripts run through `kiln wast --artifact-dir`.
//
//===----------------------------------------------------------------------===//
#include "CommandLine.h"
#include "Subcommands.h"

#include <iostream>

namespace kiln::cli {

int runRunCommand(const std::vector<std::string> &) {
  std::cerr << "kiln run: this kiln was built without LLVM (KILN_WITH_LLVM=OFF) and cannot run "
               "modules yet; use 'kiln wast --engine=aot --artifact-dir=DIR'"
            << std::endl;
  return ExitFailure;
}

} // namespace kiln::cli
