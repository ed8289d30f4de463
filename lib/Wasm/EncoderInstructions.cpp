//===- EncoderInstructions.cpp - Instructions to bytes --------------------===//
//
// The inverse of DecodeInstructions.cpp: the opcode from Opcodes.def, then
// the immediates its ImmKind calls for, read from the Instruction fields the
// decoder fills.
//
//===----------------------------------------------------------------------===//
#include "EncoderWriter.h"

namespace kiln::wasm {

namespace {

void encodeMemArg(ByteWriter &W, const Instruction &I) {
  // A non-zero memory index uses the multi-memory form: bit 6 of the
  // alignment field says a memory index follows it.
  if (I.Index2 == 0) {
    W.writeVarU32(I.AlignLog2);
  } else {
    W.writeVarU32(I.AlignLog2 | 0x40u);
    W.writeVarU32(I.Index2);
  }
  W.writeVarU64(I.memOffset());
}

void encodeBranchTable(ByteWriter &W, const Instruction &I,
                       std::span<const uint32_t> BranchTargets) {
  const uint64_t First = I.Index, Count = uint64_t(I.Index2) + 1;
  if (First + Count > BranchTargets.size()) {
    // No targets to point at (a br_table in a constant expression): keep the
    // instruction decodable with a lone default label.
    W.writeVarU32(0);
    W.writeVarU32(0);
    return;
  }
  W.writeVarU32(I.Index2);
  for (uint64_t K = 0; K < Count; ++K)
    W.writeVarU32(BranchTargets[First + K]);
}

void encodeImmediates(ByteWriter &W, const Instruction &I, ImmKind Imm,
                      std::span<const uint32_t> BranchTargets) {
  switch (Imm) {
  case ImmKind::None: return;
  case ImmKind::BlockType: {
    BlockType BT = I.blockType();
    if (BT.TheKind == BlockType::Kind::Empty)
      W.writeByte(0x40);
    else if (BT.TheKind == BlockType::Kind::Value)
      W.writeByte(static_cast<uint8_t>(BT.Value));
    else
      W.writeVarS64(BT.TypeIndex);
    return;
  }
  case ImmKind::Label:
  case ImmKind::Func:
  case ImmKind::Local:
  case ImmKind::Global:
  case ImmKind::Table:
  case ImmKind::Memory:
  case ImmKind::Elem:
  case ImmKind::Data: W.writeVarU32(I.Index); return;
  case ImmKind::LabelTable: encodeBranchTable(W, I, BranchTargets); return;
  case ImmKind::CallIndirect:
  case ImmKind::TableCopy:
  case ImmKind::TableInit:
  case ImmKind::MemoryInit:
  case ImmKind::MemoryCopy:
    W.writeVarU32(I.Index);
    W.writeVarU32(I.Index2);
    return;
  case ImmKind::MemArg: encodeMemArg(W, I); return;
  case ImmKind::MemArgLane:
    encodeMemArg(W, I);
    W.writeByte(I.Lane);
    return;
  case ImmKind::Lane: W.writeByte(I.Lane); return;
  case ImmKind::Shuffle:
  case ImmKind::V128: W.writeBytes(I.Bytes); return;
  case ImmKind::I32: W.writeVarS64(I.i32()); return;
  case ImmKind::I64: W.writeVarS64(I.i64()); return;
  case ImmKind::F32: W.writeFixed(I.f32Bits(), 4); return;
  case ImmKind::F64: W.writeFixed(I.f64Bits(), 8); return;
  case ImmKind::SelectTypes:
    // Only the first listed type is kept; more than one is invalid anyway.
    W.writeVarU32(I.Index2);
    for (uint32_t K = 0; K < I.Index2; ++K)
      W.writeByte(static_cast<uint8_t>(I.Index));
    return;
  case ImmKind::HeapType: W.writeByte(static_cast<uint8_t>(I.Index)); return;
  }
}

} // namespace

void encodeInstructions(ByteWriter &W, std::span<const Instruction> Code,
                        std::span<const uint32_t> BranchTargets) {
  for (const Instruction &I : Code) {
    const OpcodeInfo &Info = opcodeInfo(I.Op);
    if (Info.Prefix == 0) {
      W.writeByte(static_cast<uint8_t>(Info.Code));
    } else {
      W.writeByte(Info.Prefix);
      W.writeVarU32(Info.Code);
    }
    encodeImmediates(W, I, Info.Imm, BranchTargets);
  }
}

} // namespace kiln::wasm
