//===- CacheCommandWithoutLLVM.cpp - kiln cache in a kiln built without LLVM -===//
//
// The disk cache belongs to the Engine library, which needs LLVM (its
// folder names the LLVM version and its keys are BLAKE3 from LLVM), so a
// kiln built with KILN_WITH_LLVM=OFF has no cache to look after.
//
//===----------------------------------------------------------------------===//
#include "CommandLine.h"
#include "Subcommands.h"

#include <iostream>

namespace kiln::cli {

int runCacheCommand(const std::vector<std::string> &) {
  std::cerr << "kiln cache: this kiln was built without LLVM (KILN_WITH_LLVM=OFF) and has no "
               "disk cache"
            << std::endl;
  return ExitFailure;
}

} // namespace kiln::cli
