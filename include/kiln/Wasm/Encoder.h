//===- kiln/Wasm/Encoder.h - Module to WebAssembly binary --------*- C++ -*-===//
//
// Writes a `Module` in the binary format: the inverse of `decodeModule`.
// The text reader uses it for `module quote`/text modules that must become
// bytes, and round-trip tests use it to check reader and decoder against
// each other.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_WASM_ENCODER_H
#define KILN_WASM_ENCODER_H

#include "kiln/Wasm/Module.h"

#include <cstdint>
#include <vector>

namespace kiln::wasm {

struct EncoderOptions {
  /// Write a "name" section built from `Module::Names` (when the module does
  /// not already carry one among its custom sections).
  bool WriteNames = false;
  /// Write the module's custom sections, each where it was (`After`).
  bool WriteCustomSections = true;
};

/// Encodes `M`. Sections that would be empty are left out; the data count
/// section is written when `M.DataCount` is set. Element segments use the
/// function-index encodings when every item is `ref.func N`, as wat2wasm
/// does. Encoding does not validate: an invalid module gives a binary that
/// decodes to the same invalid module.
std::vector<uint8_t> encodeModule(const Module &M, const EncoderOptions &Options = {});

} // namespace kiln::wasm

#endif // KILN_WASM_ENCODER_H
