//===- WriteFiles.cpp - Outputs that appear whole or not at all -----------===//
//
// --emit=obj --header writes two files that belong together: each goes to a
// temporary file beside it first, and only when both are written are they
// renamed into place.
//
//===----------------------------------------------------------------------===//
#include "kiln/AOT/AOT.h"

#include "LinkerProcess.h"

#include <sys/stat.h>

#include <deque>
#include <fstream>
#include <string>

namespace kiln::aot {

namespace {

/// The process's umask, read without changing it: umask(2) can only be
/// read by setting it, which races with other threads creating files.
mode_t currentUmask() {
  std::ifstream Status("/proc/self/status");
  for (std::string Line; std::getline(Status, Line);)
    if (Line.rfind("Umask:", 0) == 0)
      return static_cast<mode_t>(std::stoul(Line.substr(6), nullptr, 8));
  return 022;
}

} // namespace

Expected<void> writeFiles(const std::vector<std::pair<std::string, std::string>> &Files) {
  mode_t Mask = currentUmask();
  std::deque<TemporaryFile> Written;
  for (const auto &[Path, Data] : Files) {
    auto File = TemporaryFile::create(Path, "");
    if (!File)
      return makeError(ErrorKind::Io, "cannot write '" + Path + "': " + File.error().message());
    if (auto Done = File->write(Data); !Done)
      return Done;
    // mkstemp creates files 0600; an output gets the mode a plain create
    // would have given it.
    fchmod(File->fd(), 0666 & ~Mask);
    File->closeFd();
    Written.push_back(std::move(*File));
  }
  for (size_t Index = 0; Index < Files.size(); ++Index)
    if (auto Renamed = Written[Index].renameTo(Files[Index].first); !Renamed)
      return Renamed;
  return {};
}

} // namespace kiln::aot
