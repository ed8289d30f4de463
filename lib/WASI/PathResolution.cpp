//===- PathResolution.cpp - Guest paths resolved beneath a directory ------===//
#include "PathResolution.h"

#include <cerrno>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace kiln::wasi {

ErrnoOr<OwnedFd> openBeneath(int DirFd, const std::string &Path, int Flags, mode_t Mode) {
  if (Path.empty())
    return std::unexpected(Errno::NoEnt);
  // RESOLVE_BENEATH refuses these too; saying so here keeps the errno
  // independent of the kernel's choice.
  if (Path.front() == '/')
    return std::unexpected(Errno::NotCapable);
  open_how How{};
  How.flags = static_cast<uint64_t>(Flags | O_CLOEXEC);
  How.mode = (Flags & O_CREAT) ? Mode : 0;
  How.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  for (int Attempt = 0;; ++Attempt) {
    long Fd = syscall(SYS_openat2, DirFd, Path.c_str(), &How, sizeof(How));
    if (Fd >= 0)
      return OwnedFd(static_cast<int>(Fd));
    // EAGAIN: a concurrent rename raced the lookup; the kernel asks to retry.
    if ((errno == EAGAIN || errno == EINTR) && Attempt < 8)
      continue;
    // EXDEV is how RESOLVE_BENEATH reports an escape.
    if (errno == EXDEV)
      return std::unexpected(Errno::NotCapable);
    if (errno == ENOSYS)
      return std::unexpected(Errno::NotSup);
    return std::unexpected(errnoFromHost(errno));
  }
}

ErrnoOr<ParentAndLeaf> resolveParent(int DirFd, const std::string &Path) {
  if (Path.empty())
    return std::unexpected(Errno::NoEnt);
  if (Path.front() == '/')
    return std::unexpected(Errno::NotCapable);
  std::string Trimmed = Path;
  bool TrailingSlash = false;
  while (Trimmed.size() > 1 && Trimmed.back() == '/') {
    Trimmed.pop_back();
    TrailingSlash = true;
  }
  size_t Slash = Trimmed.rfind('/');
  std::string Leaf = Slash == std::string::npos ? Trimmed : Trimmed.substr(Slash + 1);
  std::string ParentPath = Slash == std::string::npos ? "." : Trimmed.substr(0, Slash);
  if (ParentPath.empty())
    ParentPath = ".";
  if (Leaf == "." || Leaf == "..") {
    ParentPath = Trimmed;
    Leaf = ".";
  }
  auto Parent = openBeneath(DirFd, ParentPath, O_PATH | O_DIRECTORY);
  if (!Parent)
    return std::unexpected(Parent.error());
  return ParentAndLeaf{std::move(*Parent), std::move(Leaf), TrailingSlash};
}

} // namespace kiln::wasi
