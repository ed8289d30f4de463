//===- RunArguments.h - Splitting kiln run's own options from the program's -*- C++ -*-===//
//
// `kiln run [OPTIONS] FILE [OPTIONS] [--] [ARGS...]`: a program's arguments
// are passed on verbatim, even when they look like options, so they cannot
// go through Boost's parser. Everything up to FILE is kiln's; after it,
// kiln's own options are recognised until "--" or the first other word.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TOOLS_KILN_RUNARGUMENTS_H
#define KILN_TOOLS_KILN_RUNARGUMENTS_H

#include "kiln/Support/Error.h"

#include <string>
#include <vector>

namespace kiln::wasi {
struct WasiConfig;
}

namespace kiln::cli {

struct RunArguments {
  /// For parseCommandLine: options and FILE.
  std::vector<std::string> ToolArgs;
  /// The program's (or --invoke's) arguments.
  std::vector<std::string> ProgramArgs;
};

RunArguments splitRunArguments(const std::vector<std::string> &Args);

/// The WASI configuration for `kiln run`: argv is FILE's base name and
/// `ProgramArgs`; `Dirs` are "HOST[::GUEST]", `Env` "KEY=VALUE".
Expected<wasi::WasiConfig> makeWasiConfig(const std::string &File,
                                          const std::vector<std::string> &ProgramArgs,
                                          const std::vector<std::string> &Dirs,
                                          const std::vector<std::string> &Env);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_RUNARGUMENTS_H
