//===- LinkerProcess.cpp - Temporary files and ld.lld as a child process --===//
#include "LinkerProcess.h"

#include "ChildProcess.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace kiln::aot {

Expected<TemporaryFile> TemporaryFile::create(const std::string &Prefix, const char *Suffix) {
  std::string Template = Prefix + ".tmp-XXXXXX" + Suffix;
  int Fd = mkstemps(Template.data(), static_cast<int>(std::strlen(Suffix)));
  if (Fd < 0)
    return makeError(ErrorKind::Io, "cannot create '" + Template + "': " + std::strerror(errno));
  return TemporaryFile(std::move(Template), Fd);
}

TemporaryFile::TemporaryFile(TemporaryFile &&Other) noexcept
    : Path(std::move(Other.Path)), Fd(std::exchange(Other.Fd, -1)) {
  Other.Path.clear();
}

TemporaryFile::~TemporaryFile() {
  closeFd();
  if (!Path.empty())
    unlink(Path.c_str());
}

void TemporaryFile::closeFd() {
  if (Fd >= 0)
    close(std::exchange(Fd, -1));
}

Expected<void> TemporaryFile::write(const std::string &Data) {
  size_t Written = 0;
  while (Written < Data.size()) {
    ssize_t Count = ::write(Fd, Data.data() + Written, Data.size() - Written);
    if (Count < 0 && errno == EINTR)
      continue;
    if (Count <= 0)
      return makeError(ErrorKind::Io, "cannot write '" + Path + "': " + std::strerror(errno));
    Written += static_cast<size_t>(Count);
  }
  return {};
}

Expected<void> TemporaryFile::renameTo(const std::string &Target) {
  closeFd();
  if (rename(Path.c_str(), Target.c_str()) != 0)
    return makeError(ErrorKind::Io, "cannot write '" + Target + "': " + std::strerror(errno));
  Path.clear();
  return {};
}

std::string temporaryPrefix(const std::string &Stem) {
  const char *Base = std::getenv("TMPDIR");
  return std::string(Base && *Base ? Base : "/tmp") + "/" + Stem;
}

namespace {

/// The linkers to try, in order.
std::vector<std::string> linkerCandidates() {
  if (const char *Chosen = std::getenv("KILN_LLD"); Chosen && *Chosen)
    return {Chosen};
  return {"ld.lld-19", "ld.lld"};
}

/// The first line of the linker's diagnostics, for a one-line error.
std::string firstLine(const std::string &Text) {
  std::string Line = Text.substr(0, Text.find('\n'));
  return Line.empty() ? "no diagnostics" : Line;
}

} // namespace

Expected<void> runLinker(const std::vector<std::string> &Arguments) {
  for (const std::string &Linker : linkerCandidates()) {
    std::vector<std::string> Args{Linker};
    Args.insert(Args.end(), Arguments.begin(), Arguments.end());
    auto Ran = runChild(std::move(Args));
    if (!Ran)
      return forwardError(Ran);
    // ENOENT: this linker is not installed; try the next one.
    if (Ran->SpawnError == ENOENT)
      continue;
    if (Ran->SpawnError != 0)
      return makeError(ErrorKind::Internal,
                       "cannot run " + Linker + ": " + std::strerror(Ran->SpawnError));
    if (Ran->Status != 0)
      return makeError(ErrorKind::Internal, Linker + " failed: " + firstLine(Ran->Output));
    return {};
  }
  return makeError(ErrorKind::Internal,
                   "no linker found: install lld-19 (ld.lld-19) or set KILN_LLD");
}

} // namespace kiln::aot
