//===- EncoderWriter.h - Appending binary-format values ---------*- C++ -*-===//
//
// Private to lib/Wasm: the growing byte buffer the encoder writes into, with
// the LEB128 and fixed-width encodings of the binary format.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_WASM_ENCODERWRITER_H
#define KILN_LIB_WASM_ENCODERWRITER_H

#include "kiln/Wasm/Instruction.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace kiln::wasm {

class ByteWriter {
public:
  std::vector<uint8_t> &bytes() { return Bytes; }
  size_t size() const { return Bytes.size(); }

  void writeByte(uint8_t B) { Bytes.push_back(B); }
  void writeBytes(std::span<const uint8_t> Data) {
    Bytes.insert(Bytes.end(), Data.begin(), Data.end());
  }
  void writeVarU64(uint64_t Value) {
    do {
      uint8_t B = Value & 0x7f;
      Value >>= 7;
      writeByte(Value ? (B | 0x80) : B);
    } while (Value);
  }
  void writeVarU32(uint32_t Value) { writeVarU64(Value); }
  void writeVarS64(int64_t Value) {
    while (true) {
      uint8_t B = Value & 0x7f;
      Value >>= 7; // arithmetic shift keeps the sign
      bool Done = (Value == 0 && !(B & 0x40)) || (Value == -1 && (B & 0x40));
      writeByte(Done ? B : (B | 0x80));
      if (Done)
        return;
    }
  }
  void writeFixed(uint64_t Value, unsigned ByteCount) {
    for (unsigned I = 0; I < ByteCount; ++I)
      writeByte(static_cast<uint8_t>(Value >> (8 * I)));
  }
  void writeName(std::string_view Name) {
    writeVarU32(static_cast<uint32_t>(Name.size()));
    Bytes.insert(Bytes.end(), Name.begin(), Name.end());
  }
  /// Appends `Payload` preceded by its size.
  void writeSized(const ByteWriter &Payload) {
    writeVarU32(static_cast<uint32_t>(Payload.Bytes.size()));
    writeBytes(Payload.Bytes);
  }

private:
  std::vector<uint8_t> Bytes;
};

/// Encodes an instruction sequence (with its final `end`). `BranchTargets`
/// holds the br_table entries the instructions point into.
void encodeInstructions(ByteWriter &W, std::span<const Instruction> Code,
                        std::span<const uint32_t> BranchTargets);

} // namespace kiln::wasm

#endif // KILN_LIB_WASM_ENCODERWRITER_H
