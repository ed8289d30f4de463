//===- kiln/Runtime/LinearMemory.h - A sandboxed linear memory --*- C++ -*-===//
//
// A 32-bit memory reserves its whole 4 GiB range plus a 4 GiB guard region
// (8 GiB of PROT_NONE address space) up front, so compiled code can compute
// `Base + zext(addr) + offset` without a check: any access past the current
// size hits an inaccessible page and faults. Growing only changes
// protections; `Base` never moves. The reservation is registered with the
// trap handler so such faults become "out of bounds memory access".
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_LINEARMEMORY_H
#define KILN_RUNTIME_LINEARMEMORY_H

#include "kiln/ABI/TrapCode.h"
#include "kiln/ABI/VMContext.h"
#include "kiln/Support/Error.h"
#include "kiln/Wasm/Types.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>

namespace kiln::runtime {

class LinearMemory {
public:
  /// Bytes reserved per memory: 4 GiB addressable + 4 GiB guard.
  static constexpr uint64_t ReservationSizeInBytes = 8ULL << 30;

  /// Reserves and commits `Type.Pages.Min` pages. `MaxPagesCap` is the
  /// embedder's limit (RuntimeConfig::MaxMemoryPages); a minimum above it
  /// or above 65536 pages is an error, as is a failed reservation.
  static Expected<std::unique_ptr<LinearMemory>> create(const wasm::MemoryType &Type,
                                                        uint64_t MaxPagesCap);
  LinearMemory(const LinearMemory &) = delete;
  LinearMemory &operator=(const LinearMemory &) = delete;
  ~LinearMemory();

  /// Grows by `DeltaPages`; returns the old size in pages, or -1 when the
  /// result would exceed the module's maximum, the cap, or 65536 pages, or
  /// when committing fails. Growing by 0 returns the size.
  int64_t grow(uint64_t DeltaPages);

  /// memory.fill: all-or-nothing bounds check, then writes.
  abi::TrapCode fill(uint64_t Dest, uint8_t Value, uint64_t Length);
  /// memory.copy between (possibly the same) memories; overlap is handled.
  static abi::TrapCode copy(LinearMemory &Dest, uint64_t DestOffset, const LinearMemory &Source,
                            uint64_t SourceOffset, uint64_t Length);
  /// memory.init from a data segment's (remaining) bytes.
  abi::TrapCode init(uint64_t Dest, std::span<const uint8_t> Bytes, uint64_t SourceOffset,
                     uint64_t Length);

  uint8_t *base() const { return VM.Base; }
  uint64_t sizeInBytes() const { return VM.SizeInBytes; }
  uint64_t pageCount() const { return VM.SizeInBytes / wasm::PageSizeInBytes; }
  std::span<uint8_t> bytes() const { return {VM.Base, VM.SizeInBytes}; }
  /// The type with the current size as its minimum (for import matching).
  wasm::MemoryType currentType() const;
  /// What compiled code reads through `VMContext::Memories`; stable address.
  abi::VMMemory *vmMemory() { return &VM; }

private:
  LinearMemory(uint8_t *Base, const wasm::MemoryType &Type, uint64_t MaxPages);

  abi::VMMemory VM{};
  std::optional<uint64_t> DeclaredMax;
  uint64_t MaxPages; ///< min(declared max, cap, 65536).
  uint64_t ReservationHandle = 0;
};

} // namespace kiln::runtime

#endif // KILN_RUNTIME_LINEARMEMORY_H
