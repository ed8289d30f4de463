//===- StatConversion.h - Host stat results in WASI's terms -----*- C++ -*-===//
#ifndef KILN_LIB_WASI_STATCONVERSION_H
#define KILN_LIB_WASI_STATCONVERSION_H

#include "GuestMemory.h"
#include "WasiAbi.h"

#include <array>
#include <sys/stat.h>
#include <time.h>

namespace kiln::wasi {

abi::FileType fileTypeOf(mode_t Mode);
/// Writes a 64-byte `filestat` at `Ptr`.
Errno storeFilestat(const GuestMemory &M, uint32_t Ptr, const struct stat &St);
/// utimensat's pair from set_times arguments; `Inval` for contradictory
/// flags (a time both given and "now").
ErrnoOr<std::array<timespec, 2>> timesFromFlags(uint64_t Atim, uint64_t Mtim, uint32_t FstFlags);

} // namespace kiln::wasi

#endif // KILN_LIB_WASI_STATCONVERSION_H
