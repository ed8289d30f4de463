//===- Files.cpp - Reading whole files ------------------------------------===//
#include "kiln/Support/Files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiln {

namespace {

std::unexpected<Error> cannotRead(const std::string &Path, int Errno) {
  return makeError(ErrorKind::Io, "cannot read '" + Path + "': " + std::strerror(Errno));
}

} // namespace

Expected<std::vector<uint8_t>> readFileBytes(const std::string &Path) {
  int Fd = open(Path.c_str(), O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return cannotRead(Path, errno);
  // open() succeeds on a folder and read() then fails with EISDIR; a named
  // pipe or device is read like a file (the size is only a hint).
  struct stat Info {};
  std::vector<uint8_t> Bytes;
  if (fstat(Fd, &Info) == 0 && S_ISREG(Info.st_mode))
    Bytes.reserve(static_cast<size_t>(Info.st_size));
  uint8_t Buffer[65536];
  for (;;) {
    ssize_t Count = read(Fd, Buffer, sizeof Buffer);
    if (Count < 0 && errno == EINTR)
      continue;
    if (Count < 0) {
      int Problem = errno;
      close(Fd);
      return cannotRead(Path, Problem);
    }
    if (Count == 0)
      break;
    Bytes.insert(Bytes.end(), Buffer, Buffer + Count);
  }
  close(Fd);
  return Bytes;
}

} // namespace kiln
