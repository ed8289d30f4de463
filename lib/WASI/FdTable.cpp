//===- FdTable.cpp - The guest's file descriptors -------------------------===//
#include "FdTable.h"

#include <unistd.h>

namespace kiln::wasi {

OwnedFd &OwnedFd::operator=(OwnedFd &&Other) noexcept {
  if (this != &Other) {
    if (Fd >= 0)
      ::close(Fd);
    Fd = Other.release();
  }
  return *this;
}

OwnedFd::~OwnedFd() {
  if (Fd >= 0)
    ::close(Fd);
}

uint32_t FdTable::insert(FdEntry Entry) {
  uint32_t Fd = 0;
  for (const auto &[Used, _] : Entries) {
    if (Used != Fd)
      break;
    ++Fd;
  }
  Entries.emplace(Fd, std::move(Entry));
  return Fd;
}

ErrnoOr<FdEntry *> FdTable::get(uint32_t Fd) {
  auto It = Entries.find(Fd);
  if (It == Entries.end())
    return std::unexpected(Errno::BadF);
  return &It->second;
}

ErrnoOr<int> FdTable::host(uint32_t Fd) {
  auto Entry = get(Fd);
  if (!Entry)
    return std::unexpected(Entry.error());
  return (*Entry)->Host.get();
}

Errno FdTable::close(uint32_t Fd) {
  auto It = Entries.find(Fd);
  if (It == Entries.end())
    return Errno::BadF;
  // Closing reports the host's error (a delayed write failure, say).
  int Host = It->second.Host.release();
  Entries.erase(It);
  return ::close(Host) == 0 ? Errno::Success : errnoFromHost(errno);
}

Errno FdTable::renumber(uint32_t From, uint32_t To) {
  auto Source = Entries.find(From);
  auto Target = Entries.find(To);
  if (Source == Entries.end() || Target == Entries.end())
    return Errno::BadF;
  if (From == To)
    return Errno::Success;
  Target->second = std::move(Source->second);
  Entries.erase(Source);
  return Errno::Success;
}

} // namespace kiln::wasi
