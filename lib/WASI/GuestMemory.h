//===- GuestMemory.h - Bounds-checked access to a guest's memory -*- C++ -*-===//
//
// Guest pointers and lengths are untrusted 32-bit values: every access is
// checked against the memory's size at the time of the call (it may have
// grown since the last one) in 64-bit arithmetic, which cannot overflow for
// 32-bit operands. A failed check is `Fault`, never a host access.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_WASI_GUESTMEMORY_H
#define KILN_LIB_WASI_GUESTMEMORY_H

#include "kiln/WASI/Errno.h"

#include <cstdint>
#include <cstring>
#include <expected>
#include <span>
#include <string>
#include <sys/uio.h>
#include <type_traits>
#include <vector>

namespace kiln::runtime {
class LinearMemory;
}

namespace kiln::wasi {

template <typename T> using ErrnoOr = std::expected<T, Errno>;

class GuestMemory {
public:
  /// A null memory has no bytes: every access faults.
  explicit GuestMemory(const runtime::LinearMemory *Memory);
  GuestMemory(uint8_t *Base, uint64_t SizeInBytes) : Base(Base), SizeInBytes(SizeInBytes) {}

  /// The bytes [Ptr, Ptr + Length), or `Fault`.
  ErrnoOr<std::span<uint8_t>> bytes(uint32_t Ptr, uint32_t Length) const;
  /// The same for `Count` elements of `ElementSize` bytes.
  ErrnoOr<std::span<uint8_t>> array(uint32_t Ptr, uint32_t Count, uint32_t ElementSize) const;

  /// Little-endian scalar loads and stores (the host is little-endian, as
  /// the runtime's ABI requires).
  template <typename T> ErrnoOr<T> load(uint32_t Ptr) const {
    static_assert(std::is_trivially_copyable_v<T>);
    auto Bytes = bytes(Ptr, sizeof(T));
    if (!Bytes)
      return std::unexpected(Bytes.error());
    T V;
    std::memcpy(&V, Bytes->data(), sizeof(T));
    return V;
  }
  template <typename T> Errno store(uint32_t Ptr, T V) const {
    static_assert(std::is_trivially_copyable_v<T>);
    auto Bytes = bytes(Ptr, sizeof(T));
    if (!Bytes)
      return Bytes.error();
    std::memcpy(Bytes->data(), &V, sizeof(T));
    return Errno::Success;
  }

  /// A path or name argument; an embedded NUL is `Inval` (the host would
  /// silently cut the string there).
  ErrnoOr<std::string> string(uint32_t Ptr, uint32_t Length) const;

  /// The host view of an iovec array, each buffer checked; at most IOV_MAX
  /// entries (more would make the host call fail; a short transfer is
  /// allowed).
  ErrnoOr<std::vector<iovec>> iovecs(uint32_t Ptr, uint32_t Count) const;

private:
  uint8_t *Base;
  uint64_t SizeInBytes;
};

} // namespace kiln::wasi

#endif // KILN_LIB_WASI_GUESTMEMORY_H
