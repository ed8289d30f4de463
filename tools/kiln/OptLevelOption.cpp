//===- OptLevelOption.cpp - The -O option of kiln's subcommands -----------===//
//
// Parsed here rather than by kiln::codegen, so that a kiln built without
// LLVM (which has no CodeGen library) still accepts the same command lines.
//
//===----------------------------------------------------------------------===//
#include "ModuleCompilers.h"

namespace kiln::cli {

Expected<unsigned> parseOptLevel(const std::string &Text) {
  if (Text.size() != 1 || Text[0] < '0' || Text[0] > '3')
    return makeError(ErrorKind::Usage, "optimisation level must be 0, 1, 2 or 3, not '" + Text + "'");
  return static_cast<unsigned>(Text[0] - '0');
}

} // namespace kiln::cli
