//===- PathOpen.cpp - path_open -------------------------------------------===//
#include "Functions.h"

#include "PathResolution.h"
#include "WasiAbi.h"

#include <fcntl.h>

namespace kiln::wasi::fn {
namespace {

/// Host open flags for path_open's arguments, or `Inval` for unknown bits.
ErrnoOr<int> hostOpenFlags(u32 DirFlags, u32 OFlags, u64 Rights, u32 FdFlags) {
  if (OFlags & ~u32(abi::OFlagCreat | abi::OFlagDirectory | abi::OFlagExcl | abi::OFlagTrunc))
    return std::unexpected(Errno::Inval);
  int Flags = 0;
  if (OFlags & abi::OFlagCreat)
    Flags |= O_CREAT;
  if (OFlags & abi::OFlagDirectory)
    Flags |= O_DIRECTORY;
  if (OFlags & abi::OFlagExcl)
    Flags |= O_EXCL;
  if (OFlags & abi::OFlagTrunc)
    Flags |= O_TRUNC;
  if (!(DirFlags & abi::LookupSymlinkFollow))
    Flags |= O_NOFOLLOW;
  if (FdFlags & abi::FdFlagAppend)
    Flags |= O_APPEND;
  if (FdFlags & abi::FdFlagNonblock)
    Flags |= O_NONBLOCK;
  if (FdFlags & abi::FdFlagDsync)
    Flags |= O_DSYNC;
  if (FdFlags & (abi::FdFlagSync | abi::FdFlagRsync))
    Flags |= O_SYNC;
  // The access mode follows the rights asked for, as wasi-libc derives
  // those from O_RDONLY/O_WRONLY/O_RDWR.
  bool Read = Rights & (abi::RightFdRead | abi::RightFdReaddir);
  bool Write = (Rights & (abi::RightFdWrite | abi::RightFdDatasync | abi::RightFdAllocate |
                          abi::RightFdFilestatSetSize)) ||
               (FdFlags & abi::FdFlagAppend);
  if (OFlags & abi::OFlagDirectory)
    Write = false;
  Flags |= Read && Write ? O_RDWR : Write ? O_WRONLY : O_RDONLY;
  return Flags;
}

} // namespace

Errno pathOpen(State &S, Mem M, u32 Fd, u32 DirFlags, u32 Path, u32 PathLen, u32 OFlags,
               u64 RightsBase, u64 RightsInheriting, u32 FdFlags, u32 FdOut) {
  auto Dir = S.Fds.host(Fd);
  if (!Dir)
    return Dir.error();
  auto Name = M.string(Path, PathLen);
  if (!Name)
    return Name.error();
  if (auto Out = M.bytes(FdOut, 4); !Out)
    return Out.error();
  auto Flags = hostOpenFlags(DirFlags, OFlags, RightsBase, FdFlags);
  if (!Flags)
    return Flags.error();
  auto Opened = openBeneath(*Dir, *Name, *Flags, 0666);
  if (!Opened)
    return Opened.error();
  FdEntry Entry;
  Entry.Host = std::move(*Opened);
  Entry.RightsBase = RightsBase & abi::AllRights;
  Entry.RightsInheriting = RightsInheriting & abi::AllRights;
  return M.store<u32>(FdOut, S.Fds.insert(std::move(Entry)));
}

} // namespace kiln::wasi::fn
