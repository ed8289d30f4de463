//===- FdReaddir.cpp - fd_readdir ------------------------------------------===//
#include "Functions.h"

#include "StatConversion.h"

#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace kiln::wasi::fn {
namespace {

uint8_t typeOfEntry(int DirFd, const dirent &D) {
  switch (D.d_type) {
  case DT_REG: return uint8_t(abi::FileType::RegularFile);
  case DT_DIR: return uint8_t(abi::FileType::Directory);
  case DT_LNK: return uint8_t(abi::FileType::SymbolicLink);
  case DT_CHR: return uint8_t(abi::FileType::CharacterDevice);
  case DT_BLK: return uint8_t(abi::FileType::BlockDevice);
  case DT_SOCK: return uint8_t(abi::FileType::SocketStream);
  case DT_UNKNOWN: break;
  default: return uint8_t(abi::FileType::Unknown);
  }
  // Some file systems leave the type out of directory entries.
  struct stat St;
  if (fstatat(DirFd, D.d_name, &St, AT_SYMLINK_NOFOLLOW) != 0)
    return uint8_t(abi::FileType::Unknown);
  return uint8_t(fileTypeOf(St.st_mode));
}

/// Reads the whole directory behind `Fd` from its start.
ErrnoOr<std::vector<DirEntry>> listDirectory(int Fd) {
  // The DIR stream owns (and closes) a duplicate, never the guest's fd.
  int Copy = fcntl(Fd, F_DUPFD_CLOEXEC, 0);
  if (Copy < 0)
    return std::unexpected(errnoFromHost(errno));
  DIR *Dir = fdopendir(Copy);
  if (!Dir) {
    Errno E = errnoFromHost(errno);
    close(Copy);
    return std::unexpected(E);
  }
  rewinddir(Dir);
  std::vector<DirEntry> Entries;
  errno = 0;
  while (const dirent *D = readdir(Dir)) {
    Entries.push_back({D->d_ino, typeOfEntry(Fd, *D), D->d_name});
    errno = 0;
  }
  Errno E = errno ? errnoFromHost(errno) : Errno::Success;
  closedir(Dir);
  if (E != Errno::Success)
    return std::unexpected(E);
  return Entries;
}

} // namespace

Errno fdReaddir(State &S, Mem M, u32 Fd, u32 Buf, u32 BufLen, u64 Cookie, u32 BufUsedOut) {
  auto Entry = S.Fds.get(Fd);
  if (!Entry)
    return Entry.error();
  auto Out = M.bytes(Buf, BufLen);
  if (!Out)
    return Out.error();
  if (auto Used = M.bytes(BufUsedOut, 4); !Used)
    return Used.error();
  std::vector<DirEntry> &Listing = (*Entry)->Listing;
  if (Cookie == 0) {
    auto Fresh = listDirectory((*Entry)->Host.get());
    if (!Fresh)
      return Fresh.error();
    Listing = std::move(*Fresh);
  }
  // Entries are serialised back to back; the last may be cut short, which
  // tells the guest to call again with a larger buffer.
  std::vector<uint8_t> Bytes;
  for (u64 I = Cookie; I < Listing.size() && Bytes.size() < BufLen; ++I) {
    const DirEntry &D = Listing[I];
    uint8_t Header[abi::DirentSize] = {};
    u64 Next = I + 1;
    u32 NameLength = static_cast<u32>(D.Name.size());
    std::memcpy(Header, &Next, 8);
    std::memcpy(Header + 8, &D.Inode, 8);
    std::memcpy(Header + 16, &NameLength, 4);
    Header[20] = D.Type;
    Bytes.insert(Bytes.end(), Header, Header + abi::DirentSize);
    Bytes.insert(Bytes.end(), D.Name.begin(), D.Name.end());
  }
  u32 Used = Bytes.size() < BufLen ? static_cast<u32>(Bytes.size()) : BufLen;
  if (Used)
    std::memcpy(Out->data(), Bytes.data(), Used);
  return M.store<u32>(BufUsedOut, Used);
}

} // namespace kiln::wasi::fn
