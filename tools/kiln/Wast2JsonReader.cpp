//===- Wast2JsonReader.cpp - Reading .wast through wabt's wast2json --------===//
#include "Wast2JsonReader.h"

#include "Files.h"
#include "Subprocess.h"

namespace kiln::cli {

namespace fs = std::filesystem;

Expected<std::unique_ptr<Wast2JsonReader>> Wast2JsonReader::create() {
  std::optional<fs::path> Program = findProgramOnPath("wast2json");
  if (!Program)
    return makeError(ErrorKind::Internal,
                     "wast2json (from wabt) is not on PATH; kiln needs it to read .wast "
                     "scripts (Debian: apt install wabt)");
  return std::unique_ptr<Wast2JsonReader>(new Wast2JsonReader(std::move(*Program)));
}

Expected<Script> Wast2JsonReader::read(const fs::path &Path) {
  auto Scratch = TempDir::create("kiln-wast");
  if (!Scratch)
    return std::unexpected(Scratch.error());
  // Named after the script so module files read "binary.4.wasm", as wast2json
  // users know them.
  fs::path JsonFile = Scratch->path() / (Path.stem().string() + ".json");
  fs::path StderrFile = Scratch->path() / "wast2json.stderr";
  // Every feature on and wabt's validation off: which modules are valid is
  // for Kiln to decide, not wabt.
  std::vector<std::string> Args = {"--enable-all", "--no-check", Path.string(), "-o",
                                   JsonFile.string()};
  auto Status = runProgram(Program, Args, "/dev/null", StderrFile);
  if (!Status || *Status != 0) {
    // Its first line of stderr names the place in the script it choked on.
    std::string Why = readFirstLine(StderrFile);
    if (!Status)
      Why = Status.error().message() + (Why.empty() ? "" : ": " + Why);
    else if (Why.empty())
      Why = "exit status " + std::to_string(*Status);
    return makeError(ErrorKind::Malformed, "wast2json could not convert: " + Why);
  }
  auto Json = readFileBytes(JsonFile);
  if (!Json)
    return std::unexpected(Json.error());
  std::string_view JsonText(reinterpret_cast<const char *>(Json->data()), Json->size());
  auto Result = parseWast2Json(JsonText, Scratch->path());
  if (!Result)
    return std::unexpected(Result.error());
  Result->Path = Path;
  return Result;
}

} // namespace kiln::cli
