//===- kiln/Wasm/Decoder.h - WebAssembly binary format decoder ---*- C++ -*-===//
//
// Turns untrusted bytes into a `Module`, or a `Malformed` error with the byte
// offset where the input stopped making sense. Decoding checks the binary
// format only; `validateModule` checks the typing rules.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_WASM_DECODER_H
#define KILN_WASM_DECODER_H

#include "kiln/Support/Error.h"
#include "kiln/Wasm/Features.h"
#include "kiln/Wasm/Module.h"

#include <cstdint>
#include <span>

namespace kiln::wasm {

/// Implementation limits that keep hostile input from exhausting memory.
/// They follow the limits browsers share (the JS API's), which every real
/// module fits.
struct DecoderLimits {
  uint32_t MaxLocalsPerFunction = 50000;
  uint32_t MaxFunctionBodySizeInBytes = 7654321;
  uint32_t MaxBranchTableSize = 65520;
};

Expected<Module> decodeModule(std::span<const uint8_t> Bytes,
                              const Features &Enabled = Features::wasm20(),
                              const DecoderLimits &Limits = DecoderLimits());

} // namespace kiln::wasm

#endif // KILN_WASM_DECODER_H
