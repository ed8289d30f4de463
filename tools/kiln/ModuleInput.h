//===- ModuleInput.h - Module files in binary or text form --------*- C++ -*-===//
//
// Every tool accepts `.wat` wherever it accepts `.wasm`: the form is told by
// the content (the `\0asm` magic), not the file name. Diagnostics come back
// fully formatted for the form: `m.wasm:0x1a3: ...` or `m.wat:3:14: ...`.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TOOLS_KILN_MODULEINPUT_H
#define KILN_TOOLS_KILN_MODULEINPUT_H

#include "kiln/Wasm/Features.h"

#include <cstdint>
#include <expected>
#include <string>
#include <vector>

namespace kiln::cli {

/// Decodes (or parses) and validates the contents of `File`; the
/// diagnostic on failure.
std::expected<void, std::string> checkModuleBytes(const std::string &File,
                                                  const std::vector<uint8_t> &Bytes,
                                                  const wasm::Features &Enabled);

/// The module in `File` as binary bytes. Text is parsed, validated (so its
/// errors point at lines and columns) and encoded; binary is returned as
/// read, to be decoded by the compiler.
std::expected<std::vector<uint8_t>, std::string> readModuleAsBinary(const std::string &File,
                                                                    const wasm::Features &Enabled);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_MODULEINPUT_H
