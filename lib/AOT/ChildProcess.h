//===- ChildProcess.h - Running a tool with its output captured -*- C++ -*-===//
//
// For the linkers Kiln runs: ld.lld (runLinker in LinkerProcess.h) and the
// compiler driver that links executables. The caller sees how it ended.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_AOT_CHILDPROCESS_H
#define KILN_LIB_AOT_CHILDPROCESS_H

#include "kiln/Support/Error.h"

#include <string>
#include <vector>

namespace kiln::aot {

/// How a child process ended.
struct ChildResult {
  /// errno of a failed spawn (ENOENT: no such program), else 0.
  int SpawnError = 0;
  /// The exit status, or 128 + signal.
  int Status = 0;
  /// Its stdout and stderr together.
  std::string Output;
};

/// Runs `Args` (Args[0] looked up on PATH) and waits for it.
Expected<ChildResult> runChild(std::vector<std::string> Args);

} // namespace kiln::aot

#endif // KILN_LIB_AOT_CHILDPROCESS_H
