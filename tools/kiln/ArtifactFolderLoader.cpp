//===- ArtifactFolderLoader.cpp - Modules' code from a folder of artifacts -===//
//
// The running side of ArtifactFolder.h: no compiler, only the runtime's
// loader. A name is a hash, so before trusting a file the loader compares
// the module bytes embedded in it with the script's: a stale folder or a
// hash collision is an error, never the wrong code.
//
//===----------------------------------------------------------------------===//
#include "ArtifactFolder.h"

#include "kiln/Runtime/ArtifactLoader.h"

#include <algorithm>
#include <filesystem>

namespace kiln::cli {

namespace fs = std::filesystem;

namespace {

Expected<std::shared_ptr<const runtime::CompiledModule>>
loadFromFolder(std::span<const uint8_t> Bytes, const CompilerChoice &Choice) {
  std::string Path = (fs::path(Choice.ArtifactDir) / artifactFileName(Bytes, Choice)).string();
  std::error_code EC;
  if (!fs::exists(Path, EC))
    return makeError(ErrorKind::Io, "no artifact '" + Path +
                                        "' for this module (compile the script into the folder "
                                        "first: kiln wast --engine=aot --target=TRIPLE "
                                        "--artifact-dir=DIR, with the same -O and --features)");
  auto Header = runtime::readArtifactHeader(Path);
  if (!Header)
    return forwardError(Header);
  if (!std::ranges::equal(Header->ModuleBytes, Bytes) ||
      Header->WasmFeatures != Choice.Enabled.describe())
    return makeError(ErrorKind::Io, "'" + Path +
                                        "' holds the code of another module or feature set (a "
                                        "stale folder?)");
  return runtime::loadArtifact(Path);
}

} // namespace

Expected<ModuleCompiler> createArtifactFolderLoader(const CompilerChoice &Choice) {
  std::error_code EC;
  if (!fs::is_directory(Choice.ArtifactDir, EC))
    return makeError(ErrorKind::Usage, "no artifact folder '" + Choice.ArtifactDir + "'");
  return ModuleCompiler(
      [Choice](std::span<const uint8_t> Bytes) { return loadFromFolder(Bytes, Choice); });
}

} // namespace kiln::cli
