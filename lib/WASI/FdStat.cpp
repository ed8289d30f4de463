//===- FdStat.cpp - Descriptor and file attributes, preopens --------------===//
#include "Functions.h"

#include "StatConversion.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln::wasi::fn {

Errno fdFdstatGet(State &S, Mem M, u32 Fd, u32 StatOut) {
  auto Entry = S.Fds.get(Fd);
  if (!Entry)
    return Entry.error();
  auto Bytes = M.bytes(StatOut, abi::FdstatSize);
  if (!Bytes)
    return Bytes.error();
  int Host = (*Entry)->Host.get();
  struct stat St;
  int Flags = fcntl(Host, F_GETFL);
  if (fstat(Host, &St) != 0 || Flags < 0)
    return errnoFromHost(errno);
  uint16_t WasiFlags = 0;
  if (Flags & O_APPEND)
    WasiFlags |= abi::FdFlagAppend;
  if (Flags & O_NONBLOCK)
    WasiFlags |= abi::FdFlagNonblock;
  // O_SYNC includes O_DSYNC's bit on Linux; O_RSYNC equals O_SYNC.
  if ((Flags & O_SYNC) == O_SYNC)
    WasiFlags |= abi::FdFlagSync | abi::FdFlagRsync;
  if (Flags & O_DSYNC)
    WasiFlags |= abi::FdFlagDsync;
  uint8_t *P = Bytes->data();
  std::memset(P, 0, abi::FdstatSize);
  P[0] = static_cast<uint8_t>(fileTypeOf(St.st_mode));
  std::memcpy(P + 2, &WasiFlags, 2);
  std::memcpy(P + 8, &(*Entry)->RightsBase, 8);
  std::memcpy(P + 16, &(*Entry)->RightsInheriting, 8);
  return Errno::Success;
}

Errno fdFdstatSetFlags(State &S, Mem, u32 Fd, u32 Flags) {
  auto Host = S.Fds.host(Fd);
  if (!Host)
    return Host.error();
  // Linux cannot change the sync flags of an open file.
  if (Flags & (abi::FdFlagDsync | abi::FdFlagRsync | abi::FdFlagSync))
    return Errno::NotSup;
  if (Flags & ~u32(abi::FdFlagAppend | abi::FdFlagNonblock))
    return Errno::Inval;
  int Current = fcntl(*Host, F_GETFL);
  if (Current < 0)
    return errnoFromHost(errno);
  int Wanted = Current & ~(O_APPEND | O_NONBLOCK);
  if (Flags & abi::FdFlagAppend)
    Wanted |= O_APPEND;
  if (Flags & abi::FdFlagNonblock)
    Wanted |= O_NONBLOCK;
  return fcntl(*Host, F_SETFL, Wanted) == 0 ? Errno::Success : errnoFromHost(errno);
}

Errno fdFdstatSetRights(State &S, Mem, u32 Fd, u64 Base, u64 Inheriting) {
  auto Entry = S.Fds.get(Fd);
  if (!Entry)
    return Entry.error();
  // Rights only ever shrink.
  if ((Base & ~(*Entry)->RightsBase) || (Inheriting & ~(*Entry)->RightsInheriting))
    return Errno::NotCapable;
  (*Entry)->RightsBase = Base;
  (*Entry)->RightsInheriting = Inheriting;
  return Errno::Success;
}

Errno fdFilestatGet(State &S, Mem M, u32 Fd, u32 StatOut) {
  auto Host = S.Fds.host(Fd);
  if (!Host)
    return Host.error();
  struct stat St;
  if (fstat(*Host, &St) != 0)
    return errnoFromHost(errno);
  return storeFilestat(M, StatOut, St);
}

Errno fdFilestatSetSize(State &S, Mem, u32 Fd, u64 Size) {
  auto Host = S.Fds.host(Fd);
  if (!Host)
    return Host.error();
  if (Size > INT64_MAX)
    return Errno::FBig;
  return ftruncate(*Host, static_cast<off_t>(Size)) == 0 ? Errno::Success : errnoFromHost(errno);
}

Errno fdFilestatSetTimes(State &S, Mem, u32 Fd, u64 Atim, u64 Mtim, u32 FstFlags) {
  auto Host = S.Fds.host(Fd);
  if (!Host)
    return Host.error();
  auto Times = timesFromFlags(Atim, Mtim, FstFlags);
  if (!Times)
    return Times.error();
  return futimens(*Host, Times->data()) == 0 ? Errno::Success : errnoFromHost(errno);
}

Errno fdPrestatGet(State &S, Mem M, u32 Fd, u32 PrestatOut) {
  auto Entry = S.Fds.get(Fd);
  if (!Entry)
    return Entry.error();
  // wasi-libc walks fds 3, 4, ... until BadF and gives up on any other
  // error, so a descriptor that is not a preopen answers BadF too.
  if (!(*Entry)->PreopenPath)
    return Errno::BadF;
  auto Bytes = M.bytes(PrestatOut, abi::PrestatSize);
  if (!Bytes)
    return Bytes.error();
  uint32_t NameLength = static_cast<uint32_t>((*Entry)->PreopenPath->size());
  std::memset(Bytes->data(), 0, abi::PrestatSize);
  std::memcpy(Bytes->data() + 4, &NameLength, 4);
  return Errno::Success;
}

Errno fdPrestatDirName(State &S, Mem M, u32 Fd, u32 Path, u32 PathLen) {
  auto Entry = S.Fds.get(Fd);
  if (!Entry)
    return Entry.error();
  if (!(*Entry)->PreopenPath)
    return Errno::BadF;
  const std::string &Name = *(*Entry)->PreopenPath;
  if (PathLen < Name.size())
    return Errno::NameTooLong;
  auto Bytes = M.bytes(Path, static_cast<u32>(Name.size()));
  if (!Bytes)
    return Bytes.error();
  std::memcpy(Bytes->data(), Name.data(), Name.size());
  return Errno::Success;
}

} // namespace kiln::wasi::fn
