//===- Files.cpp - Reading input files and scratch folders -----------------===//
#include "Files.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <system_error>

namespace kiln::cli {

namespace fs = std::filesystem;

std::string readFirstLine(const fs::path &Path) {
  std::ifstream In(Path);
  std::string Line;
  std::getline(In, Line);
  return Line;
}

Expected<TempDir> TempDir::create(std::string_view Prefix) {
  std::error_code EC;
  fs::path Base = fs::temp_directory_path(EC);
  if (EC)
    return makeError(ErrorKind::Io, "no temporary folder: " + EC.message());
  // mkdtemp picks an unused name and creates it mode 0700 in one step, so two
  // concurrent runs never share a folder.
  std::string Template = (Base / (std::string(Prefix) + "-XXXXXX")).string();
  if (!::mkdtemp(Template.data()))
    return makeError(ErrorKind::Io, "cannot create a temporary folder in '" + Base.string() +
                                        "': " + std::strerror(errno));
  return TempDir(fs::path(Template));
}

TempDir &TempDir::operator=(TempDir &&Other) noexcept {
  if (this != &Other) {
    removeAll();
    Path = std::move(Other.Path);
    Other.Path.clear();
  }
  return *this;
}

void TempDir::removeAll() {
  if (Path.empty())
    return;
  std::error_code EC; // Best effort: a leftover scratch folder is not worth failing a run.
  fs::remove_all(Path, EC);
  Path.clear();
}

} // namespace kiln::cli
