//===- WriteFiles.cpp - Outputs that appear whole or not at all -----------===//
//
// --emit=obj --header writes two files that belong together: each goes to a
// temporary file beside it first, and only when both are written are they
// renamed into place.
//
//===----------------------------------------------------------------------===//
#include "kiln/AOT/AOT.h"

#include "LinkerProcess.h"

#include <deque>

namespace kiln::aot {

Expected<void> writeFiles(const std::vector<std::pair<std::string, std::string>> &Files) {
  std::deque<TemporaryFile> Written;
  for (const auto &[Path, Data] : Files) {
    auto File = TemporaryFile::create(Path, "");
    if (!File)
      return makeError(ErrorKind::Io, "cannot write '" + Path + "': " + File.error().message());
    if (auto Done = File->write(Data); !Done)
      return Done;
    File->closeFd();
    Written.push_back(std::move(*File));
  }
  for (size_t Index = 0; Index < Files.size(); ++Index)
    if (auto Renamed = Written[Index].renameTo(Files[Index].first); !Renamed)
      return Renamed;
  return {};
}

} // namespace kiln::aot
