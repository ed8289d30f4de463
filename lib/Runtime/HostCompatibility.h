//===- HostCompatibility.h - Can this machine run an artifact? --*- C++ -*-===//
#ifndef KILN_LIB_RUNTIME_HOSTCOMPATIBILITY_H
#define KILN_LIB_RUNTIME_HOSTCOMPATIBILITY_H

#include "kiln/Support/Error.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::runtime {

/// Refuses an artifact built for another architecture or OS. `ElfMachine`
/// is the file's e_machine, checked as well as the recorded triple.
Expected<void> checkTargetTriple(std::string_view Triple, uint16_t ElfMachine);

/// Refuses an artifact whose code may use a CPU feature this machine lacks:
/// "artifact needs avx512f; this CPU lacks it". Features are LLVM names;
/// those this check cannot map to the OS's report are documented in
/// docs/AOTFormat.md and not checked.
Expected<void> checkCPUFeatures(const std::vector<std::string> &Features);

} // namespace kiln::runtime

#endif // KILN_LIB_RUNTIME_HOSTCOMPATIBILITY_H
