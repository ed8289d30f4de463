//===- kiln/Runtime/RuntimeConfig.h - Resource limits of a Store -*- C++ -*-===//
#ifndef KILN_RUNTIME_RUNTIMECONFIG_H
#define KILN_RUNTIME_RUNTIMECONFIG_H

#include "kiln/Wasm/Types.h"

#include <cstdint>

namespace kiln::runtime {

/// Limits a Store applies to everything it creates, on top of the module's
/// own maximums. Exceeding one makes `grow` return -1 and instantiation fail.
struct RuntimeConfig {
  /// Largest memory, in 64 KiB pages (at most 65536 for a 32-bit memory).
  uint64_t MaxMemoryPages = wasm::MaxMemoryPages;
  /// Largest table, in elements.
  uint64_t MaxTableElements = 10'000'000;
};

} // namespace kiln::runtime

#endif // KILN_RUNTIME_RUNTIMECONFIG_H
