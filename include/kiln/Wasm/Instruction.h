//===- kiln/Wasm/Instruction.h - One decoded instruction ---------*- C++ -*-===//
//
// Function bodies and constant expressions are decoded once into flat arrays
// of `Instruction`. Which fields are meaningful depends on the opcode's
// `ImmKind` (see Opcode.h); the accessors below name them.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_WASM_INSTRUCTION_H
#define KILN_WASM_INSTRUCTION_H

#include "kiln/Wasm/Opcode.h"
#include "kiln/Wasm/Types.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace kiln::wasm {

/// A block type: no value, one value type, or an index into the type section.
struct BlockType {
  enum class Kind : uint8_t { Empty, Value, TypeIndex };
  Kind TheKind = Kind::Empty;
  ValType Value = ValType::I32;
  uint32_t TypeIndex = 0;
};

struct Instruction {
  Opcode Op = Opcode::Nop;
  uint8_t AlignLog2 = 0; ///< MemArg, MemArgLane: the alignment exponent as encoded.
  uint8_t Lane = 0;      ///< Lane, MemArgLane: the lane index as encoded.
  /// Absolute byte offset of the opcode in the module (or source position
  /// cookie for modules built from text).
  uint32_t Offset = 0;
  /// Label, Func, Local, Global, Table, Elem, Data, Memory: the index.
  /// CallIndirect: type index. BlockType: type index or value type byte.
  /// LabelTable: first entry in FunctionBody::BranchTargets. TableCopy: dest
  /// table. TableInit, MemoryInit: segment index. SelectTypes: the type byte.
  /// HeapType: the reference type byte. MemoryCopy: dest memory.
  uint32_t Index = 0;
  /// CallIndirect, TableInit: table index. TableCopy: source table.
  /// MemoryInit: memory. MemoryCopy: source memory. LabelTable: number of
  /// targets before the default. SelectTypes: how many types were listed.
  /// BlockType: the BlockType::Kind. MemArg/MemArgLane: memory index.
  uint32_t Index2 = 0;
  /// I32/I64/F32/F64: the constant's bits. MemArg: the offset. V128, Shuffle:
  /// all 16 bytes, little-endian lane order.
  std::array<uint8_t, 16> Bytes{};

  uint64_t bits64() const {
    uint64_t V;
    std::memcpy(&V, Bytes.data(), 8);
    return V;
  }
  void setBits64(uint64_t V) { std::memcpy(Bytes.data(), &V, 8); }

  int32_t i32() const { return static_cast<int32_t>(bits64()); }
  int64_t i64() const { return static_cast<int64_t>(bits64()); }
  uint32_t f32Bits() const { return static_cast<uint32_t>(bits64()); }
  uint64_t f64Bits() const { return bits64(); }
  uint64_t memOffset() const { return bits64(); }

  BlockType blockType() const {
    BlockType BT;
    BT.TheKind = static_cast<BlockType::Kind>(Index2);
    if (BT.TheKind == BlockType::Kind::Value)
      BT.Value = static_cast<ValType>(Index);
    else if (BT.TheKind == BlockType::Kind::TypeIndex)
      BT.TypeIndex = Index;
    return BT;
  }
  void setBlockType(const BlockType &BT) {
    Index2 = static_cast<uint32_t>(BT.TheKind);
    Index = BT.TheKind == BlockType::Kind::Value ? static_cast<uint32_t>(BT.Value) : BT.TypeIndex;
  }
};

} // namespace kiln::wasm

#endif // KILN_WASM_INSTRUCTION_H
