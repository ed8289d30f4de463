//===- TrapRegistry.cpp - Compiled code and reservations, process-wide ----===//
#include "kiln/Runtime/TrapRegistry.h"

#include "AddressRangeRegistry.h"

namespace kiln::runtime {
namespace {

// Function-local statics would be safe to construct but are destroyed at
// exit while other threads (or a late signal) may still look them up; these
// are built on first use and deliberately never destroyed.
AddressRangeRegistry &codeRegistry() {
  static auto *Registry = new AddressRangeRegistry;
  return *Registry;
}

AddressRangeRegistry &reservationRegistry() {
  static auto *Registry = new AddressRangeRegistry;
  return *Registry;
}

} // namespace

uint64_t registerCode(std::span<const CodeRange> Ranges) { return codeRegistry().add(Ranges); }
void unregisterCode(uint64_t Handle) { codeRegistry().remove(Handle); }

uint64_t registerReservation(CodeRange Range) {
  return reservationRegistry().add(std::span<const CodeRange>(&Range, 1));
}
void unregisterReservation(uint64_t Handle) { reservationRegistry().remove(Handle); }

bool isCompiledCode(uintptr_t Pc) { return codeRegistry().contains(Pc); }
bool isInReservation(uintptr_t Address) { return reservationRegistry().contains(Address); }

} // namespace kiln::runtime
