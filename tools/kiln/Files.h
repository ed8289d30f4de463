//===- Files.h - Reading input files and scratch folders --------*- C++ -*-===//
#ifndef KILN_TOOLS_KILN_FILES_H
#define KILN_TOOLS_KILN_FILES_H

#include "kiln/Support/Error.h"
#include "kiln/Support/Files.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::cli {

/// The first line of a text file without its newline; empty if the file is
/// empty or unreadable (used for a child process's diagnostics).
std::string readFirstLine(const std::filesystem::path &Path);

/// A fresh, private folder under the system's temporary folder, removed with
/// everything in it when the object dies.
class TempDir {
public:
  /// Creates `<tmp>/<Prefix>-XXXXXX`.
  static Expected<TempDir> create(std::string_view Prefix);

  TempDir(TempDir &&Other) noexcept : Path(std::move(Other.Path)) { Other.Path.clear(); }
  TempDir &operator=(TempDir &&Other) noexcept;
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  ~TempDir() { removeAll(); }

  const std::filesystem::path &path() const { return Path; }

private:
  explicit TempDir(std::filesystem::path Path) : Path(std::move(Path)) {}
  void removeAll();

  std::filesystem::path Path;
};

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_FILES_H
