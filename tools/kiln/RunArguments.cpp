//===- RunArguments.cpp - kiln run's options, the program's arguments -----===//
#include "RunArguments.h"

#include "kiln/WASI/WasiContext.h"

#include <array>
#include <string_view>

namespace kiln::cli {
namespace {

/// kiln run's options that take a value, in their long and short spellings.
constexpr std::array<std::string_view, 8> ValueOptions = {
    "--invoke", "--opt-level", "-O",        "--features",
    "--dir",    "--env",       "--preload", "--cache-dir"};
constexpr std::array<std::string_view, 4> FlagOptions = {"--help", "-h", "--time", "--stats"};

/// How many words a kiln option at `Word` spans (0: not one of kiln's).
size_t optionWords(std::string_view Word) {
  for (std::string_view Flag : FlagOptions)
    if (Word == Flag)
      return 1;
  for (std::string_view Option : ValueOptions) {
    if (Word == Option)
      return 2;
    if (Word.starts_with(Option) && Word.size() > Option.size() &&
        (Option == "-O" || Word[Option.size()] == '='))
      return 1;
  }
  return 0;
}

} // namespace

RunArguments splitRunArguments(const std::vector<std::string> &Args) {
  RunArguments Result;
  bool SeenFile = false;
  for (size_t I = 0; I < Args.size(); ++I) {
    const std::string &Word = Args[I];
    if (Word == "--") {
      size_t Rest = I + 1;
      if (!SeenFile && Rest < Args.size())
        Result.ToolArgs.push_back(Args[Rest++]); // "--" FILE: a file named like an option.
      Result.ProgramArgs.assign(Args.begin() + std::min(Rest, Args.size()), Args.end());
      return Result;
    }
    size_t Words = optionWords(Word);
    // Before FILE every word is kiln's (Boost reports unknown options).
    if (!SeenFile && Words == 0 && Word.starts_with("-"))
      Words = 1;
    if (Words == 0 && SeenFile) {
      Result.ProgramArgs.assign(Args.begin() + I, Args.end());
      return Result;
    }
    if (Words == 0) {
      SeenFile = true;
      Words = 1;
    }
    for (size_t K = 0; K < Words && I + K < Args.size(); ++K)
      Result.ToolArgs.push_back(Args[I + K]);
    I += Words - 1;
  }
  return Result;
}

Expected<wasi::WasiConfig> makeWasiConfig(const std::string &File,
                                          const std::vector<std::string> &ProgramArgs,
                                          const std::vector<std::string> &Dirs,
                                          const std::vector<std::string> &Env) {
  wasi::WasiConfig Config;
  size_t Slash = File.find_last_of('/');
  Config.Args.push_back(Slash == std::string::npos ? File : File.substr(Slash + 1));
  Config.Args.insert(Config.Args.end(), ProgramArgs.begin(), ProgramArgs.end());
  for (const std::string &Pair : Env) {
    if (Pair.find('=') == std::string::npos || Pair.front() == '=')
      return makeError(ErrorKind::Usage, "--env wants KEY=VALUE, not '" + Pair + "'");
    Config.Env.push_back(Pair);
  }
  for (const std::string &Dir : Dirs) {
    size_t Separator = Dir.find("::");
    std::string Host = Dir.substr(0, Separator);
    std::string Guest = Separator == std::string::npos ? Host : Dir.substr(Separator + 2);
    if (Host.empty() || Guest.empty())
      return makeError(ErrorKind::Usage, "--dir wants HOST[::GUEST], not '" + Dir + "'");
    Config.Preopens.push_back({Host, Guest});
  }
  return Config;
}

} // namespace kiln::cli
