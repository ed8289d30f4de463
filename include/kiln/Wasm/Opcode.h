//===- kiln/Wasm/Opcode.h - The opcode table, as C++ -------------*- C++ -*-===//
//
// Everything Kiln knows about an instruction's encoding and typing comes from
// Opcodes.def; this header turns it into an enum and a lookup table.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_WASM_OPCODE_H
#define KILN_WASM_OPCODE_H

#include "kiln/Wasm/Features.h"
#include "kiln/Wasm/Types.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace kiln::wasm {

enum class Opcode : uint16_t {
#define KILN_OPCODE(Name, ...) Name,
#include "kiln/Wasm/Opcodes.def"
};

/// The immediates that follow an opcode in the binary format.
enum class ImmKind : uint8_t {
  None,
  BlockType,   ///< s33: empty (0x40), a value type, or a type index.
  Label,       ///< labelidx
  LabelTable,  ///< vec(labelidx) labelidx
  Func,        ///< funcidx
  CallIndirect,///< typeidx tableidx
  Local,       ///< localidx
  Global,      ///< globalidx
  Table,       ///< tableidx
  Memory,      ///< memidx (a reserved 0x00 byte in 2.0)
  MemArg,      ///< align offset
  MemArgLane,  ///< align offset laneidx
  Lane,        ///< laneidx (one byte)
  Shuffle,     ///< 16 lane indices
  I32,         ///< s32
  I64,         ///< s64
  F32,         ///< 4 bytes
  F64,         ///< 8 bytes
  V128,        ///< 16 bytes
  SelectTypes, ///< vec(valtype)
  HeapType,    ///< reftype byte
  TableCopy,   ///< tableidx(dest) tableidx(src)
  TableInit,   ///< elemidx tableidx
  Elem,        ///< elemidx
  Data,        ///< dataidx
  MemoryInit,  ///< dataidx memidx
  MemoryCopy,  ///< memidx(dest) memidx(src)
};

/// Which translator file handles the instruction.
enum class OpFamily : uint8_t {
  Control,
  Call,
  Parametric,
  Variable,
  Table,
  Memory,
  Reference,
  IntegerOps,
  FloatOps,
  Conversion,
  SIMDMemory,
  SIMDLane,
  SIMDInteger,
  SIMDFloat,
  SIMDBitwise,
  SIMDConversion,
};

/// Fixed: the operand and result lists are the whole typing rule (beyond
/// immediates). Custom: the validator has a rule of its own.
enum class OpTyping : uint8_t { Fixed, Custom };

struct OpcodeInfo {
  Opcode Op;
  uint8_t Prefix;   ///< 0 for single-byte opcodes, else 0xfc or 0xfd.
  uint32_t Code;    ///< The byte, or the LEB128 sub-opcode after a prefix.
  std::string_view Name;
  ImmKind Imm;
  Feature RequiredFeature;
  OpFamily Family;
  OpTyping Typing;
  uint8_t NaturalAlignLog2; ///< Memory accesses only: log2 of the access size.
  std::span<const ValType> Operands;
  std::span<const ValType> Results;
};

const OpcodeInfo &opcodeInfo(Opcode Op);
inline std::string_view opcodeName(Opcode Op) { return opcodeInfo(Op).Name; }
/// The opcode with this encoding (`Prefix` 0 for single-byte opcodes).
std::optional<Opcode> lookupOpcode(uint8_t Prefix, uint32_t Code);
/// The opcode with this text name ("i32.add").
std::optional<Opcode> lookupOpcodeByName(std::string_view Name);
/// Number of opcodes in the table.
size_t opcodeCount();

} // namespace kiln::wasm

#endif // KILN_WASM_OPCODE_H
