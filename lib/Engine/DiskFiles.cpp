//===- DiskFiles.cpp - The few POSIX file operations the disk cache needs -===//
#include "DiskFiles.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <random>

namespace kiln::engine::disk {

bool readWholeFile(const std::string &Path, uint64_t MaxSizeInBytes, FileContents &Out,
                   int &Errno) {
  int Fd = open(Path.c_str(), O_RDONLY | O_CLOEXEC);
  if (Fd < 0) {
    Errno = errno;
    return false;
  }
  struct stat Info;
  bool Ok = fstat(Fd, &Info) == 0;
  Errno = Ok ? 0 : errno;
  if (Ok) {
    Out.Device = Info.st_dev;
    Out.Inode = Info.st_ino;
  }
  if (Ok && (!S_ISREG(Info.st_mode) || uint64_t(Info.st_size) > MaxSizeInBytes)) {
    Ok = false;
    Errno = S_ISREG(Info.st_mode) ? EFBIG : EISDIR;
  }
  if (Ok) {
    // Read to the end rather than trusting st_size: the file cannot change
    // under a reader (writers rename new files in), but reading until EOF
    // costs nothing and never returns a short view.
    Out.Bytes.resize(Info.st_size);
    size_t Filled = 0;
    while (Ok) {
      if (Filled == Out.Bytes.size())
        Out.Bytes.resize(Filled + 4096);
      ssize_t Got = read(Fd, Out.Bytes.data() + Filled, Out.Bytes.size() - Filled);
      if (Got < 0 && errno == EINTR)
        continue;
      if (Got < 0) {
        Errno = errno;
        Ok = false;
      } else if (Got == 0) {
        break;
      } else {
        Filled += Got;
      }
    }
    Out.Bytes.resize(Filled);
  }
  close(Fd);
  return Ok;
}

void removeIfUnchanged(const std::string &Path, const FileContents &Read) {
  // Not atomic (there is no unlink-if-inode), but the window is tiny, and
  // losing to it costs one extra compile, never a wrong load.
  struct stat Info;
  if (stat(Path.c_str(), &Info) == 0 && Info.st_dev == Read.Device && Info.st_ino == Read.Inode)
    unlink(Path.c_str());
}

bool writeAll(int Fd, std::span<const uint8_t> Data) {
  while (!Data.empty()) {
    ssize_t Written = write(Fd, Data.data(), Data.size());
    if (Written < 0 && errno == EINTR)
      continue;
    if (Written <= 0)
      return false;
    Data = Data.subspan(Written);
  }
  return true;
}

bool makeDirectories(const std::string &Path) {
  struct stat Info;
  if (stat(Path.c_str(), &Info) == 0)
    return S_ISDIR(Info.st_mode);
  size_t Slash = Path.find_last_of('/');
  if (Slash != std::string::npos && Slash > 0 && !makeDirectories(Path.substr(0, Slash)))
    return false;
  if (mkdir(Path.c_str(), 0777) != 0 && errno != EEXIST)
    return false;
  // The new entry must survive a crash too, or a later fsync of files
  // inside it would vouch for a folder that may vanish.
  if (Slash != std::string::npos)
    syncDirectory(Slash == 0 ? "/" : Path.substr(0, Slash));
  return stat(Path.c_str(), &Info) == 0 && S_ISDIR(Info.st_mode);
}

bool syncDirectory(const std::string &Path) {
  int Fd = open(Path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (Fd < 0)
    return false;
  bool Ok = fsync(Fd) == 0;
  close(Fd);
  return Ok;
}

std::string uniqueTemporaryName(const std::string &Folder, const std::string &Base) {
  // Seeded per thread from the OS; after a fork two processes share a state,
  // which is why the pid is in the name as well.
  thread_local std::mt19937_64 Random{std::random_device{}()};
  static constexpr char Digits[] = "0123456789abcdef";
  uint64_t Bits = Random();
  std::string Suffix;
  for (int I = 0; I < 16; ++I, Bits >>= 4)
    Suffix += Digits[Bits & 0xf];
  return Folder + "/." + Base + ".tmp-" + std::to_string(getpid()) + "-" + Suffix;
}

namespace {
bool isLowerHex(std::string_view Text) {
  for (char C : Text)
    if (!((C >= '0' && C <= '9') || (C >= 'a' && C <= 'f')))
      return false;
  return true;
}
} // namespace

bool isEntryName(std::string_view Name) {
  constexpr std::string_view Suffix = ".kcache";
  return Name.size() == 64 + Suffix.size() && Name.ends_with(Suffix) &&
         isLowerHex(Name.substr(0, 64));
}

std::optional<pid_t> temporaryFileWriter(std::string_view Name) {
  constexpr std::string_view Middle = ".tmp-";
  if (Name.size() < 1 + 64 + Middle.size() || Name[0] != '.' || !isLowerHex(Name.substr(1, 64)) ||
      Name.substr(65, Middle.size()) != Middle)
    return std::nullopt;
  std::string_view Rest = Name.substr(65 + Middle.size()); // "<pid>-<16 hex>"
  size_t Dash = Rest.find('-');
  if (Dash == 0 || Dash == std::string_view::npos || Dash > 10 || Rest.size() != Dash + 1 + 16 ||
      !isLowerHex(Rest.substr(Dash + 1)))
    return std::nullopt;
  long long Pid = 0;
  for (char C : Rest.substr(0, Dash)) {
    if (C < '0' || C > '9')
      return std::nullopt;
    Pid = Pid * 10 + (C - '0');
  }
  if (Pid <= 0 || Pid > INT_MAX)
    return std::nullopt;
  return static_cast<pid_t>(Pid);
}

} // namespace kiln::engine::disk
