//===- GuestMemory.cpp - Bounds-checked access to a guest's memory --------===//
#include "GuestMemory.h"

#include "WasiAbi.h"

#include "kiln/Runtime/LinearMemory.h"

#include <climits>

namespace kiln::wasi {

GuestMemory::GuestMemory(const runtime::LinearMemory *Memory)
    : Base(Memory ? Memory->base() : nullptr), SizeInBytes(Memory ? Memory->sizeInBytes() : 0) {}

ErrnoOr<std::span<uint8_t>> GuestMemory::bytes(uint32_t Ptr, uint32_t Length) const {
  // Both operands are below 2^32, so the 64-bit sum cannot wrap.
  if (uint64_t(Ptr) + uint64_t(Length) > SizeInBytes)
    return std::unexpected(Errno::Fault);
  if (Length == 0)
    return std::span<uint8_t>();
  return std::span<uint8_t>(Base + Ptr, Length);
}

ErrnoOr<std::span<uint8_t>> GuestMemory::array(uint32_t Ptr, uint32_t Count,
                                               uint32_t ElementSize) const {
  uint64_t Total = uint64_t(Count) * ElementSize; // < 2^64: both factors < 2^32.
  if (Total > UINT32_MAX)
    return std::unexpected(Errno::Fault);
  return bytes(Ptr, static_cast<uint32_t>(Total));
}

ErrnoOr<std::string> GuestMemory::string(uint32_t Ptr, uint32_t Length) const {
  auto Bytes = bytes(Ptr, Length);
  if (!Bytes)
    return std::unexpected(Bytes.error());
  std::string S(Bytes->begin(), Bytes->end());
  if (S.find('\0') != std::string::npos)
    return std::unexpected(Errno::Inval);
  return S;
}

ErrnoOr<std::vector<iovec>> GuestMemory::iovecs(uint32_t Ptr, uint32_t Count) const {
  auto Array = array(Ptr, Count, abi::IovecSize);
  if (!Array)
    return std::unexpected(Array.error());
  std::vector<iovec> Result;
  uint32_t Used = Count < IOV_MAX ? Count : IOV_MAX;
  Result.reserve(Used);
  for (uint32_t I = 0; I < Used; ++I) {
    uint32_t BufPtr, BufLength;
    std::memcpy(&BufPtr, Array->data() + I * abi::IovecSize, 4);
    std::memcpy(&BufLength, Array->data() + I * abi::IovecSize + 4, 4);
    auto Buffer = bytes(BufPtr, BufLength);
    if (!Buffer)
      return std::unexpected(Buffer.error());
    Result.push_back({Buffer->data(), Buffer->size()});
  }
  return Result;
}

} // namespace kiln::wasi
