//===- CommandLine.h - Option parsing shared by kiln's subcommands -*- C++ -*-===//
//
// Boost.Program_options reports bad usage by throwing; `parseCommandLine` is
// the one place that catches it and turns it into an error value, so each
// subcommand prints one line and exits with `ExitUsage`.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TOOLS_KILN_COMMANDLINE_H
#define KILN_TOOLS_KILN_COMMANDLINE_H

#include "kiln/Support/Error.h"
#include "kiln/Wasm/Features.h"

#include <boost/program_options.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kiln::cli {

inline constexpr int ExitSuccess = 0;
inline constexpr int ExitFailure = 1; ///< Some input failed a check.
inline constexpr int ExitUsage = 2;   ///< The command line was wrong.

/// Parses `Args` (everything after the subcommand's name) against `Options`;
/// the positional arguments go to `PositionalName`.
Expected<boost::program_options::variables_map>
parseCommandLine(const std::vector<std::string> &Args,
                 const boost::program_options::options_description &Options,
                 const char *PositionalName);

/// The features a command line asks for: WebAssembly 2.0, changed by its
/// --features list ("+tail-call,-simd") when there is one.
Expected<wasm::Features> featuresOption(const boost::program_options::variables_map &Values);

/// The --features option's help text.
std::string featuresHelp();

/// Prints "kiln SUBCOMMAND: MESSAGE (see 'kiln SUBCOMMAND --help')" to stderr
/// and returns `ExitUsage`.
int reportUsageError(std::string_view Subcommand, std::string_view Message);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_COMMANDLINE_H
