//===- StatConversion.cpp - Host stat results in WASI's terms -------------===//
#include "StatConversion.h"

#include <array>

namespace kiln::wasi {
namespace {

uint64_t nanoseconds(const timespec &T) {
  return uint64_t(T.tv_sec) * 1000000000ULL + uint64_t(T.tv_nsec);
}

timespec fromNanoseconds(uint64_t Ns) {
  return {static_cast<time_t>(Ns / 1000000000ULL), static_cast<long>(Ns % 1000000000ULL)};
}

/// One of the two timestamps: given, now, or left alone.
ErrnoOr<timespec> oneTime(uint64_t Ns, bool Given, bool Now) {
  if (Given && Now)
    return std::unexpected(Errno::Inval);
  if (Now)
    return timespec{0, UTIME_NOW};
  if (Given)
    return fromNanoseconds(Ns);
  return timespec{0, UTIME_OMIT};
}

} // namespace

abi::FileType fileTypeOf(mode_t Mode) {
  switch (Mode & S_IFMT) {
  case S_IFREG: return abi::FileType::RegularFile;
  case S_IFDIR: return abi::FileType::Directory;
  case S_IFLNK: return abi::FileType::SymbolicLink;
  case S_IFCHR: return abi::FileType::CharacterDevice;
  case S_IFBLK: return abi::FileType::BlockDevice;
  // preview1 cannot tell stream from datagram sockets without a socket API.
  case S_IFSOCK: return abi::FileType::SocketStream;
  default: return abi::FileType::Unknown; // FIFOs have no WASI type.
  }
}

Errno storeFilestat(const GuestMemory &M, uint32_t Ptr, const struct stat &St) {
  auto Bytes = M.bytes(Ptr, abi::FilestatSize);
  if (!Bytes)
    return Bytes.error();
  uint8_t *P = Bytes->data();
  std::memset(P, 0, abi::FilestatSize);
  auto Put64 = [P](uint32_t Offset, uint64_t V) { std::memcpy(P + Offset, &V, 8); };
  Put64(0, St.st_dev);
  Put64(8, St.st_ino);
  P[16] = static_cast<uint8_t>(fileTypeOf(St.st_mode));
  Put64(24, St.st_nlink);
  Put64(32, static_cast<uint64_t>(St.st_size));
  Put64(40, nanoseconds(St.st_atim));
  Put64(48, nanoseconds(St.st_mtim));
  Put64(56, nanoseconds(St.st_ctim));
  return Errno::Success;
}

ErrnoOr<std::array<timespec, 2>> timesFromFlags(uint64_t Atim, uint64_t Mtim, uint32_t FstFlags) {
  auto Access = oneTime(Atim, FstFlags & abi::FstAtim, FstFlags & abi::FstAtimNow);
  auto Modify = oneTime(Mtim, FstFlags & abi::FstMtim, FstFlags & abi::FstMtimNow);
  if (!Access || !Modify)
    return std::unexpected(Errno::Inval);
  return std::array<timespec, 2>{*Access, *Modify};
}

} // namespace kiln::wasi
