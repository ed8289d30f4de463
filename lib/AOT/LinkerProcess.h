//===- LinkerProcess.h - Temporary files and ld.lld as a child process -*- C++ -*-===//
//
// Shared by the artifact link (`linkArtifact`) and the merge of partition
// objects (`mergeObjects`): lld runs as a child process, because the Debian
// package ships the linker, not a library with a stable API, and a child
// cannot corrupt this process.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_AOT_LINKERPROCESS_H
#define KILN_LIB_AOT_LINKERPROCESS_H

#include "kiln/Support/Error.h"

#include <string>
#include <vector>

namespace kiln::aot {

/// A file created as `Prefix` + random + `Suffix`; removed unless released
/// by `renameTo`.
class TemporaryFile {
public:
  static Expected<TemporaryFile> create(const std::string &Prefix, const char *Suffix);
  TemporaryFile(TemporaryFile &&Other) noexcept;
  TemporaryFile &operator=(TemporaryFile &&) = delete;
  ~TemporaryFile();
  const std::string &path() const { return Path; }
  int fd() const { return Fd; }
  void closeFd();
  /// Writes all of `Data` at the current position.
  Expected<void> write(const std::string &Data);
  /// Renames the file to `Target`; it is no longer removed.
  Expected<void> renameTo(const std::string &Target);

private:
  TemporaryFile(std::string Path, int Fd) : Path(std::move(Path)), Fd(Fd) {}
  std::string Path;
  int Fd = -1;
};

/// "$TMPDIR/<Stem>-" ("/tmp" without TMPDIR): a prefix for temporary files
/// that have no output to sit beside.
std::string temporaryPrefix(const std::string &Stem);


/// Runs ld.lld ($KILN_LLD, else ld.lld-19, else ld.lld, the first that is
/// installed) with `Arguments`; a failure is one line with the linker's
/// first line of diagnostics.
Expected<void> runLinker(const std::vector<std::string> &Arguments);

} // namespace kiln::aot

#endif // KILN_LIB_AOT_LINKERPROCESS_H
