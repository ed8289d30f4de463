//===- ModuleDecoder.h - Decoder state shared by the section files -*- C++ -*-===//
//
// Private to lib/Wasm. Each section has its own .cpp file implementing one
// `decode*Section` member; the section loop in Decoder.cpp drives them.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_WASM_MODULEDECODER_H
#define KILN_LIB_WASM_MODULEDECODER_H

#include "kiln/Support/ByteReader.h"
#include "kiln/Wasm/Decoder.h"

namespace kiln::wasm {

/// Binary section ids.
enum class SectionId : uint8_t {
  Custom = 0,
  Type = 1,
  Import = 2,
  Function = 3,
  Table = 4,
  Memory = 5,
  Global = 6,
  Export = 7,
  Start = 8,
  Element = 9,
  Code = 10,
  Data = 11,
  DataCount = 12,
};

class ModuleDecoder {
public:
  ModuleDecoder(std::span<const uint8_t> Bytes, const Features &Enabled,
                const DecoderLimits &ImplLimits)
      : Bytes(Bytes), Enabled(Enabled), ImplLimits(ImplLimits) {}

  Expected<Module> decode();

private:
  // Decoder.cpp: the module header and the section loop.
  Expected<void> decodeSection(SectionId Id, ByteReader &R);
  Expected<void> checkSectionOrder(SectionId Id, uint64_t Offset);

  // DecodeTypes.cpp: type section and the type encodings used everywhere.
  Expected<void> decodeTypeSection(ByteReader &R);
  Expected<ValType> readValType(ByteReader &R);
  Expected<ValType> readRefType(ByteReader &R);
  Expected<Limits> readLimits(ByteReader &R, uint64_t MaxAllowed, std::string_view What);
  Expected<TableType> readTableType(ByteReader &R);
  Expected<MemoryType> readMemoryType(ByteReader &R);
  Expected<GlobalType> readGlobalType(ByteReader &R);

  // DecodeImportsExports.cpp
  Expected<void> decodeImportSection(ByteReader &R);
  Expected<void> decodeExportSection(ByteReader &R);
  Expected<void> decodeStartSection(ByteReader &R);

  // DecodeDefinitions.cpp: function, table, memory, global sections.
  Expected<void> decodeFunctionSection(ByteReader &R);
  Expected<void> decodeTableSection(ByteReader &R);
  Expected<void> decodeMemorySection(ByteReader &R);
  Expected<void> decodeGlobalSection(ByteReader &R);

  // DecodeSegments.cpp: element, data count and data sections.
  Expected<void> decodeElementSection(ByteReader &R);
  Expected<void> decodeDataCountSection(ByteReader &R);
  Expected<void> decodeDataSection(ByteReader &R);

  // DecodeCode.cpp: function bodies.
  Expected<void> decodeCodeSection(ByteReader &R);
  Expected<FunctionBody> decodeFunctionBody(ByteReader &R);

  // DecodeInstructions.cpp: instruction sequences up to their final `end`.
  /// Decodes instructions into `Code` until the `end` that closes the
  /// sequence. `BranchTargets` receives br_table entries (null for constant
  /// expressions, where br_table is malformed anyway in practice).
  Expected<void> decodeInstructions(ByteReader &R, std::vector<Instruction> &Code,
                                    std::vector<uint32_t> *BranchTargets);
  Expected<void> decodeImmediates(ByteReader &R, const OpcodeInfo &Info, Instruction &Inst,
                                  std::vector<uint32_t> *BranchTargets);
  Expected<BlockType> readBlockType(ByteReader &R);
  Expected<ConstExpr> readConstExpr(ByteReader &R);

  // DecodeCustom.cpp: custom sections and the name section.
  Expected<void> decodeCustomSection(ByteReader &R, uint64_t SectionOffset);
  void decodeNameSection(ByteReader R);

  /// Reads a vector length and checks that at least `MinBytesPerItem` bytes
  /// per item remain, so a hostile count cannot make us reserve gigabytes.
  Expected<uint32_t> readCount(ByteReader &R, std::string_view What, size_t MinBytesPerItem = 1);
  Expected<void> requireFeature(Feature F, uint64_t Offset, std::string_view What) const;

  std::span<const uint8_t> Bytes;
  const Features &Enabled;
  const DecoderLimits &ImplLimits;
  Module M;
  uint8_t LastSectionOrder = 0;
  uint8_t LastNonCustomId = 0;
  bool SawFunctionSection = false;
  bool SawCodeSection = false;
  bool SawDataSection = false;
  /// Set when a body uses memory.init or data.drop, which need a data count.
  bool UsesDataCount = false;
  uint64_t FirstDataCountUseOffset = 0;
};

} // namespace kiln::wasm

#endif // KILN_LIB_WASM_MODULEDECODER_H
