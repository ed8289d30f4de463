//===- LinearMemory.cpp - A sandboxed linear memory -----------------------===//
#include "kiln/Runtime/LinearMemory.h"

#include "kiln/Runtime/TrapRegistry.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/mman.h>

namespace kiln::runtime {

Expected<std::unique_ptr<LinearMemory>> LinearMemory::create(const wasm::MemoryType &Type,
                                                             uint64_t MaxPagesCap) {
  uint64_t MaxPages = std::min<uint64_t>(MaxPagesCap, wasm::MaxMemoryPages);
  if (Type.Pages.Max)
    MaxPages = std::min(MaxPages, *Type.Pages.Max);
  if (Type.Pages.Min > std::min<uint64_t>(MaxPagesCap, wasm::MaxMemoryPages))
    return makeError(ErrorKind::Unsupported,
                     "memory of " + std::to_string(Type.Pages.Min) +
                         " pages exceeds the limit of " + std::to_string(MaxPagesCap) + " pages");
  // MAP_NORESERVE: the 8 GiB are address space only; pages get backing when
  // committed and touched.
  void *Mapping = mmap(nullptr, ReservationSizeInBytes, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (Mapping == MAP_FAILED)
    return makeError(ErrorKind::Internal,
                     std::string("cannot reserve memory: ") + std::strerror(errno));
  std::unique_ptr<LinearMemory> Memory(
      new LinearMemory(static_cast<uint8_t *>(Mapping), Type, MaxPages));
  if (Memory->grow(Type.Pages.Min) < 0)
    return makeError(ErrorKind::Internal, "cannot commit the initial memory pages");
  return Memory;
}

LinearMemory::LinearMemory(uint8_t *Base, const wasm::MemoryType &Type, uint64_t MaxPages)
    : DeclaredMax(Type.Pages.Max), MaxPages(MaxPages) {
  VM.Base = Base;
  VM.SizeInBytes = 0;
  ReservationHandle = registerReservation(
      {reinterpret_cast<uintptr_t>(Base), reinterpret_cast<uintptr_t>(Base) + ReservationSizeInBytes});
}

LinearMemory::~LinearMemory() {
  unregisterReservation(ReservationHandle);
  munmap(VM.Base, ReservationSizeInBytes);
}

int64_t LinearMemory::grow(uint64_t DeltaPages) {
  uint64_t OldPages = pageCount();
  if (DeltaPages == 0)
    return static_cast<int64_t>(OldPages);
  if (DeltaPages > MaxPages || OldPages + DeltaPages > MaxPages)
    return -1;
  uint64_t NewSize = (OldPages + DeltaPages) * wasm::PageSizeInBytes;
  if (mprotect(VM.Base + VM.SizeInBytes, NewSize - VM.SizeInBytes, PROT_READ | PROT_WRITE) != 0)
    return -1;
  VM.SizeInBytes = NewSize;
  return static_cast<int64_t>(OldPages);
}

/// True when [Start, Start + Length) lies within [0, Size), written so that
/// no sum can wrap.
static bool inBounds(uint64_t Start, uint64_t Length, uint64_t Size) {
  return Start <= Size && Length <= Size - Start;
}

abi::TrapCode LinearMemory::fill(uint64_t Dest, uint8_t Value, uint64_t Length) {
  if (!inBounds(Dest, Length, sizeInBytes()))
    return abi::TrapCode::OutOfBoundsMemoryAccess;
  std::memset(base() + Dest, Value, Length);
  return abi::TrapCode::None;
}

abi::TrapCode LinearMemory::copy(LinearMemory &Dest, uint64_t DestOffset,
                                 const LinearMemory &Source, uint64_t SourceOffset,
                                 uint64_t Length) {
  if (!inBounds(DestOffset, Length, Dest.sizeInBytes()) ||
      !inBounds(SourceOffset, Length, Source.sizeInBytes()))
    return abi::TrapCode::OutOfBoundsMemoryAccess;
  std::memmove(Dest.base() + DestOffset, Source.base() + SourceOffset, Length);
  return abi::TrapCode::None;
}

abi::TrapCode LinearMemory::init(uint64_t Dest, std::span<const uint8_t> Bytes,
                                 uint64_t SourceOffset, uint64_t Length) {
  if (!inBounds(Dest, Length, sizeInBytes()) || !inBounds(SourceOffset, Length, Bytes.size()))
    return abi::TrapCode::OutOfBoundsMemoryAccess;
  if (Length)
    std::memcpy(base() + Dest, Bytes.data() + SourceOffset, Length);
  return abi::TrapCode::None;
}

wasm::MemoryType LinearMemory::currentType() const {
  wasm::MemoryType Type;
  Type.Pages.Min = pageCount();
  Type.Pages.Max = DeclaredMax;
  return Type;
}

} // namespace kiln::runtime
