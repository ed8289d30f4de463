//===- DecodeValidateFuzzer.cpp - libFuzzer: decode + validate ------------===//
//
// Any byte string must either decode and validate or yield an Error; never a
// crash, hang, leak or sanitizer report. All features are enabled so the
// proposal paths are exercised too.
//
//===----------------------------------------------------------------------===//
#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Validator.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  using namespace kiln::wasm;
  static const Features Wasm20 = Features::wasm20();
  auto M = decodeModule(std::span<const uint8_t>(Data, Size), Wasm20);
  if (!M)
    return 0;
  (void)validateModule(*M, Wasm20);
  // Formatting must also be safe for whatever the decoder produced.
  for (uint32_t I = 0; I < M->FuncSpace.size() && I < 4; ++I)
    (void)M->functionDisplayName(I);
  return 0;
}
