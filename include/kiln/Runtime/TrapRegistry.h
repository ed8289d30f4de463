//===- kiln/Runtime/TrapRegistry.h - What the fault handler may claim -*- C++ -*-===//
//
// The signal handler turns a fault into a trap only when the faulting PC is
// in compiled code and the faulting address is in a linear-memory
// reservation. Both sets live in process-wide registries that many threads
// update while the handler (on any thread) reads them without locking.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_TRAPREGISTRY_H
#define KILN_RUNTIME_TRAPREGISTRY_H

#include "kiln/Runtime/CompiledModule.h"

#include <cstdint>
#include <span>

namespace kiln::runtime {

/// Registers executable code; returns a handle for `unregisterCode`.
uint64_t registerCode(std::span<const CodeRange> Ranges);
void unregisterCode(uint64_t Handle);
/// Registers a memory reservation (including its guard region).
uint64_t registerReservation(CodeRange Range);
void unregisterReservation(uint64_t Handle);

/// Async-signal-safe lookups.
bool isCompiledCode(uintptr_t Pc);
bool isInReservation(uintptr_t Address);

} // namespace kiln::runtime

#endif // KILN_RUNTIME_TRAPREGISTRY_H
