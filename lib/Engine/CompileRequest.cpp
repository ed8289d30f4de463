//===- CompileRequest.cpp - Names and versions recorded in requests -------===//
#include "kiln/Engine/CompileRequest.h"

#include "llvm-c/Core.h"

#include <string>

namespace kiln::engine {

std::string_view boundsCheckStrategyName(BoundsCheckStrategy Strategy) {
  switch (Strategy) {
  case BoundsCheckStrategy::GuardPages:
    return "guard-pages";
  case BoundsCheckStrategy::Explicit:
    return "explicit";
  }
  return "unknown";
}

std::string_view kilnVersion() { return KILN_VERSION; }

// Asked of the loaded libLLVM rather than taken from the headers: a patch
// update of the shared library (same soname, so Kiln is not rebuilt) can
// change generated code, and a disk cache must notice.
std::string_view llvmVersion() {
  static const std::string Version = [] {
    unsigned Major = 0, Minor = 0, Patch = 0;
    LLVMGetVersion(&Major, &Minor, &Patch);
    return std::to_string(Major) + "." + std::to_string(Minor) + "." + std::to_string(Patch);
  }();
  return Version;
}

} // namespace kiln::engine
