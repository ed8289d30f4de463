//===- kiln/Support/Files.h - Reading whole files ------------------*- C++ -*-===//
//
// One way to read an input file whole, used by the tools (modules, scripts),
// the artifact loader (its header section) and the AOT linker steps (what
// ld.lld wrote). Errors name the file and the system's reason.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_SUPPORT_FILES_H
#define KILN_SUPPORT_FILES_H

#include "kiln/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiln {

/// The whole content of the file at `Path`. A folder, a missing or
/// unreadable file is an `Io` error: "cannot read 'PATH': REASON".
Expected<std::vector<uint8_t>> readFileBytes(const std::string &Path);

} // namespace kiln

#endif // KILN_SUPPORT_FILES_H
