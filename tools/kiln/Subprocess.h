//===- Subprocess.h - Finding and running helper programs -------*- C++ -*-===//
#ifndef KILN_TOOLS_KILN_SUBPROCESS_H
#define KILN_TOOLS_KILN_SUBPROCESS_H

#include "kiln/Support/Error.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::cli {

/// The first executable file called `Name` in the folders of $PATH.
std::optional<std::filesystem::path> findProgramOnPath(std::string_view Name);

/// Runs `Program` with `Args` (argv[1...]) and waits for it. Its stdin is
/// /dev/null and its stdout and stderr go to the given files. Returns the
/// exit status, or an `Internal` error if it could not be started or was
/// killed by a signal.
Expected<int> runProgram(const std::filesystem::path &Program, const std::vector<std::string> &Args,
                         const std::filesystem::path &StdoutFile,
                         const std::filesystem::path &StderrFile);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_SUBPROCESS_H
