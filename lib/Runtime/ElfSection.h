//===- ElfSection.h - Reading one section of an ELF file --------*- C++ -*-===//
#ifndef KILN_LIB_RUNTIME_ELFSECTION_H
#define KILN_LIB_RUNTIME_ELFSECTION_H

#include "kiln/Support/Error.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::runtime {

/// What an ELF file says about itself before anything is mapped.
struct ElfSectionContents {
  uint16_t Machine = 0; ///< e_machine (EM_X86_64, EM_AARCH64, ...).
  std::vector<uint8_t> Bytes;
};

/// Reads the 64-bit little-endian ELF file at `Path` and returns the
/// contents of its section `Name`. Every offset is bounds-checked, so a
/// truncated or corrupted file gives a `Malformed` error, never a crash.
Expected<ElfSectionContents> readElfSection(const std::string &Path, std::string_view Name);

} // namespace kiln::runtime

#endif // KILN_LIB_RUNTIME_ELFSECTION_H
