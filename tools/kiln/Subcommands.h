//===- Subcommands.h - Entry points of kiln's subcommands -------*- C++ -*-===//
#ifndef KILN_TOOLS_KILN_SUBCOMMANDS_H
#define KILN_TOOLS_KILN_SUBCOMMANDS_H

#include <string>
#include <vector>

namespace kiln::cli {

/// `kiln validate`: decode and validate .wasm files. `Args` are the
/// arguments after the subcommand name; returns the exit status.
int runValidateCommand(const std::vector<std::string> &Args);

/// `kiln run`: compile a module and call one of its exports.
int runRunCommand(const std::vector<std::string> &Args);

/// `kiln wast`: run spec test scripts.
int runWastCommand(const std::vector<std::string> &Args);

/// `kiln cache`: look after a disk cache (`kiln cache prune`).
int runCacheCommand(const std::vector<std::string> &Args);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_SUBCOMMANDS_H
