//===- FdTable.h - The guest's file descriptors ----------------*- C++ -*-===//
//
// Guest fds are indices into this table, never host descriptors: a guest can
// only name what it was given or opened through a preopen.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_WASI_FDTABLE_H
#define KILN_LIB_WASI_FDTABLE_H

#include "GuestMemory.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiln::wasi {

/// A host descriptor that closes itself.
class OwnedFd {
public:
  OwnedFd() = default;
  explicit OwnedFd(int Fd) : Fd(Fd) {}
  OwnedFd(OwnedFd &&Other) noexcept : Fd(Other.release()) {}
  OwnedFd &operator=(OwnedFd &&Other) noexcept;
  OwnedFd(const OwnedFd &) = delete;
  OwnedFd &operator=(const OwnedFd &) = delete;
  ~OwnedFd();

  int get() const { return Fd; }
  int release() {
    int Result = Fd;
    Fd = -1;
    return Result;
  }
  explicit operator bool() const { return Fd >= 0; }

private:
  int Fd = -1;
};

/// One directory entry as fd_readdir reports it.
struct DirEntry {
  uint64_t Inode;
  uint8_t Type; ///< abi::FileType
  std::string Name;
};

struct FdEntry {
  OwnedFd Host;
  /// Set for preopened directories: the name the guest knows them by.
  std::optional<std::string> PreopenPath;
  uint64_t RightsBase = 0;
  uint64_t RightsInheriting = 0;
  /// fd_readdir's snapshot, taken when a listing starts at cookie 0, so
  /// cookies stay stable indices while the guest pages through it.
  std::vector<DirEntry> Listing;
};

class FdTable {
public:
  /// Takes `Entry` under the lowest free number.
  uint32_t insert(FdEntry Entry);
  /// The entry of `Fd`, or `BadF`.
  ErrnoOr<FdEntry *> get(uint32_t Fd);
  /// The host descriptor of `Fd`, or `BadF`.
  ErrnoOr<int> host(uint32_t Fd);
  Errno close(uint32_t Fd);
  /// Moves `From` onto `To` (closing what `To` was); both must be open.
  Errno renumber(uint32_t From, uint32_t To);

private:
  std::map<uint32_t, FdEntry> Entries;
};

} // namespace kiln::wasi

#endif // KILN_LIB_WASI_FDTABLE_H
