//===- PathOps.cpp - Operations on names beneath a directory --------------===//
//
// Operations that act on a path's last component name it relative to its
// resolved parent (PathResolution.h); those that act on what a path refers
// to open it beneath the directory with O_PATH and work on the descriptor,
// so neither can be steered outside by a symlink.
//
//===----------------------------------------------------------------------===//
#include "Functions.h"

#include "PathResolution.h"
#include "StatConversion.h"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln::wasi::fn {
namespace {

Errno hostResult(int Result) { return Result == 0 ? Errno::Success : errnoFromHost(errno); }

/// The directory fd and guest path of a path argument.
struct PathArg {
  int Dir;
  std::string Path;
};

ErrnoOr<PathArg> pathArg(State &S, Mem M, u32 Fd, u32 Path, u32 PathLen) {
  auto Dir = S.Fds.host(Fd);
  if (!Dir)
    return std::unexpected(Dir.error());
  auto Name = M.string(Path, PathLen);
  if (!Name)
    return std::unexpected(Name.error());
  return PathArg{*Dir, std::move(*Name)};
}

ErrnoOr<ParentAndLeaf> parentOf(State &S, Mem M, u32 Fd, u32 Path, u32 PathLen) {
  auto Arg = pathArg(S, M, Fd, Path, PathLen);
  if (!Arg)
    return std::unexpected(Arg.error());
  return resolveParent(Arg->Dir, Arg->Path);
}

/// An O_PATH descriptor of what the path names (the symlink itself unless
/// `Flags` asks to follow it).
ErrnoOr<OwnedFd> openTarget(State &S, Mem M, u32 Fd, u32 Flags, u32 Path, u32 PathLen) {
  auto Arg = pathArg(S, M, Fd, Path, PathLen);
  if (!Arg)
    return std::unexpected(Arg.error());
  int OpenFlags = O_PATH | ((Flags & abi::LookupSymlinkFollow) ? 0 : O_NOFOLLOW);
  return openBeneath(Arg->Dir, Arg->Path, OpenFlags);
}

} // namespace

Errno pathCreateDirectory(State &S, Mem M, u32 Fd, u32 Path, u32 PathLen) {
  auto Target = parentOf(S, M, Fd, Path, PathLen);
  if (!Target)
    return Target.error();
  return hostResult(mkdirat(Target->Parent.get(), Target->Leaf.c_str(), 0777));
}

Errno pathRemoveDirectory(State &S, Mem M, u32 Fd, u32 Path, u32 PathLen) {
  auto Target = parentOf(S, M, Fd, Path, PathLen);
  if (!Target)
    return Target.error();
  return hostResult(unlinkat(Target->Parent.get(), Target->Leaf.c_str(), AT_REMOVEDIR));
}

Errno pathUnlinkFile(State &S, Mem M, u32 Fd, u32 Path, u32 PathLen) {
  auto Target = parentOf(S, M, Fd, Path, PathLen);
  if (!Target)
    return Target.error();
  if (Target->HadTrailingSlash) {
    // "name/" names a directory, which unlink never removes.
    struct stat St;
    if (fstatat(Target->Parent.get(), Target->Leaf.c_str(), &St, AT_SYMLINK_NOFOLLOW) != 0)
      return errnoFromHost(errno);
    return S_ISDIR(St.st_mode) ? Errno::IsDir : Errno::NotDir;
  }
  return hostResult(unlinkat(Target->Parent.get(), Target->Leaf.c_str(), 0));
}

Errno pathRename(State &S, Mem M, u32 Fd, u32 Old, u32 OldLen, u32 NewFd, u32 New, u32 NewLen) {
  auto From = parentOf(S, M, Fd, Old, OldLen);
  if (!From)
    return From.error();
  auto To = parentOf(S, M, NewFd, New, NewLen);
  if (!To)
    return To.error();
  return hostResult(renameat(From->Parent.get(), From->Leaf.c_str(), To->Parent.get(),
                             To->Leaf.c_str()));
}

Errno pathFilestatGet(State &S, Mem M, u32 Fd, u32 Flags, u32 Path, u32 PathLen, u32 StatOut) {
  auto Target = openTarget(S, M, Fd, Flags, Path, PathLen);
  if (!Target)
    return Target.error();
  struct stat St;
  if (fstat(Target->get(), &St) != 0)
    return errnoFromHost(errno);
  return storeFilestat(M, StatOut, St);
}

Errno pathFilestatSetTimes(State &S, Mem M, u32 Fd, u32 Flags, u32 Path, u32 PathLen, u64 Atim,
                           u64 Mtim, u32 FstFlags) {
  auto Times = timesFromFlags(Atim, Mtim, FstFlags);
  if (!Times)
    return Times.error();
  auto Target = openTarget(S, M, Fd, Flags, Path, PathLen);
  if (!Target)
    return Target.error();
  // With an empty path the call acts on the O_PATH descriptor itself (a
  // symlink's own times when it was not followed).
  return hostResult(
      utimensat(Target->get(), "", Times->data(), AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW));
}

Errno pathReadlink(State &S, Mem M, u32 Fd, u32 Path, u32 PathLen, u32 Buf, u32 BufLen,
                   u32 BufUsedOut) {
  auto Out = M.bytes(Buf, BufLen);
  if (!Out)
    return Out.error();
  if (auto Used = M.bytes(BufUsedOut, 4); !Used)
    return Used.error();
  auto Target = openTarget(S, M, Fd, 0, Path, PathLen);
  if (!Target)
    return Target.error();
  std::string Contents(4096, '\0');
  ssize_t N = readlinkat(Target->get(), "", Contents.data(), Contents.size());
  if (N < 0)
    return errnoFromHost(errno);
  // Truncation is silent, as with POSIX readlink.
  u32 Used = static_cast<u64>(N) < BufLen ? static_cast<u32>(N) : BufLen;
  if (Used)
    std::memcpy(Out->data(), Contents.data(), Used);
  return M.store<u32>(BufUsedOut, Used);
}

Errno pathSymlink(State &S, Mem M, u32 Old, u32 OldLen, u32 Fd, u32 New, u32 NewLen) {
  // The link's text is only data: following it later is confined like any
  // other path, so it may say anything.
  auto Contents = M.string(Old, OldLen);
  if (!Contents)
    return Contents.error();
  auto Target = parentOf(S, M, Fd, New, NewLen);
  if (!Target)
    return Target.error();
  return hostResult(symlinkat(Contents->c_str(), Target->Parent.get(), Target->Leaf.c_str()));
}

Errno pathLink(State &S, Mem M, u32 OldFd, u32 OldFlags, u32 Old, u32 OldLen, u32 NewFd, u32 New,
               u32 NewLen) {
  auto To = parentOf(S, M, NewFd, New, NewLen);
  if (!To)
    return To.error();
  if (OldFlags & abi::LookupSymlinkFollow) {
    // Resolve the source beneath its directory first; linking the resolved
    // descriptor through /proc needs no privilege (AT_EMPTY_PATH would).
    auto Source = openTarget(S, M, OldFd, OldFlags, Old, OldLen);
    if (!Source)
      return Source.error();
    std::string Proc = "/proc/self/fd/" + std::to_string(Source->get());
    return hostResult(linkat(AT_FDCWD, Proc.c_str(), To->Parent.get(), To->Leaf.c_str(),
                             AT_SYMLINK_FOLLOW));
  }
  auto From = parentOf(S, M, OldFd, Old, OldLen);
  if (!From)
    return From.error();
  return hostResult(
      linkat(From->Parent.get(), From->Leaf.c_str(), To->Parent.get(), To->Leaf.c_str(), 0));
}

} // namespace kiln::wasi::fn
