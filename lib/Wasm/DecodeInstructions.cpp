//===- DecodeInstructions.cpp - Instruction sequences and immediates ------===//
//
// Opcodes are looked up in the table generated from Opcodes.def; the
// immediates that follow are read according to the opcode's ImmKind. The
// decoder tracks block nesting only to find the sequence's final `end` and
// to reject an `else` that belongs to no `if`; typing is the validator's job.
//
//===----------------------------------------------------------------------===//
#include "ModuleDecoder.h"

#include <algorithm>

namespace kiln::wasm {

namespace {
/// Reads an index immediate into `Slot`.
Expected<void> readIndex(ByteReader &R, uint32_t &Slot) {
  auto Value = R.readVarU32();
  if (!Value)
    return forwardError(Value);
  Slot = *Value;
  return {};
}

/// A reserved memory-index byte: 2.0 has one memory, encoded as a single 0x00.
Expected<void> readZeroByte(ByteReader &R) {
  uint64_t Offset = R.offset();
  auto Byte = R.readByte();
  if (!Byte)
    return forwardError(Byte);
  if (*Byte != 0)
    return makeError(ErrorKind::Malformed,
                     "zero byte expected: memory index must be 0x00, found " + hexByte(*Byte),
                     Offset);
  return {};
}

Expected<void> readBytes16(ByteReader &R, std::array<uint8_t, 16> &Out) {
  auto Raw = R.readBytes(16);
  if (!Raw)
    return forwardError(Raw);
  std::copy(Raw->begin(), Raw->end(), Out.begin());
  return {};
}

bool opensBlock(Opcode Op) { return Op == Opcode::Block || Op == Opcode::Loop || Op == Opcode::If; }
} // namespace

Expected<BlockType> ModuleDecoder::readBlockType(ByteReader &R) {
  uint64_t Offset = R.offset();
  auto First = R.peekByte();
  if (!First)
    return forwardError(First);
  BlockType BT;
  if (*First == 0x40) {
    (void)R.readByte();
    return BT;
  }
  if (valTypeFromByte(*First)) {
    auto Type = readValType(R);
    if (!Type)
      return forwardError(Type);
    BT.TheKind = BlockType::Kind::Value;
    BT.Value = *Type;
    return BT;
  }
  auto Index = R.readVarS33();
  if (!Index)
    return forwardError(Index);
  if (*Index < 0)
    return makeError(ErrorKind::Malformed, "malformed block type " + hexByte(*First), Offset);
  if (auto Ok = requireFeature(Feature::MultiValue, Offset, "a block type given by type index");
      !Ok)
    return forwardError(Ok);
  BT.TheKind = BlockType::Kind::TypeIndex;
  BT.TypeIndex = static_cast<uint32_t>(*Index);
  return BT;
}

Expected<void> ModuleDecoder::decodeImmediates(ByteReader &R, const OpcodeInfo &Info,
                                               Instruction &Inst,
                                               std::vector<uint32_t> *BranchTargets) {
  switch (Info.Imm) {
  case ImmKind::None:
    return {};
  case ImmKind::BlockType: {
    auto BT = readBlockType(R);
    if (!BT)
      return forwardError(BT);
    Inst.setBlockType(*BT);
    return {};
  }
  case ImmKind::Label:
  case ImmKind::Func:
  case ImmKind::Local:
  case ImmKind::Global:
  case ImmKind::Table:
  case ImmKind::Elem:
  case ImmKind::Data:
    return readIndex(R, Inst.Index);
  case ImmKind::LabelTable: {
    uint64_t Offset = R.offset();
    auto Count = R.readVarU32();
    if (!Count)
      return forwardError(Count);
    if (*Count > ImplLimits.MaxBranchTableSize || *Count > R.remaining())
      return makeError(ErrorKind::Malformed,
                       "br_table with " + std::to_string(*Count) + " targets is too large",
                       Offset);
    if (!BranchTargets)
      return makeError(ErrorKind::Invalid, "constant expression required: found br_table",
                       Inst.Offset);
    Inst.Index = static_cast<uint32_t>(BranchTargets->size());
    Inst.Index2 = *Count;
    for (uint32_t I = 0; I <= *Count; ++I) {
      auto Target = R.readVarU32();
      if (!Target)
        return forwardError(Target);
      BranchTargets->push_back(*Target);
    }
    return {};
  }
  case ImmKind::CallIndirect: {
    if (auto Ok = readIndex(R, Inst.Index); !Ok)
      return Ok;
    if (Enabled.has(Feature::ReferenceTypes))
      return readIndex(R, Inst.Index2);
    return readZeroByte(R);
  }
  case ImmKind::Memory:
    if (Enabled.has(Feature::MultiMemory))
      return readIndex(R, Inst.Index);
    return readZeroByte(R);
  case ImmKind::MemArg:
  case ImmKind::MemArgLane: {
    auto Align = R.readVarU32();
    if (!Align)
      return forwardError(Align);
    // Anything above 255 is far beyond any natural alignment; the validator
    // rejects it either way.
    Inst.AlignLog2 = static_cast<uint8_t>(std::min<uint32_t>(*Align, 255));
    auto Offset = R.readVarU32();
    if (!Offset)
      return forwardError(Offset);
    Inst.setBits64(*Offset);
    if (Info.Imm == ImmKind::MemArg)
      return {};
    auto LaneByte = R.readByte();
    if (!LaneByte)
      return forwardError(LaneByte);
    Inst.Lane = *LaneByte;
    return {};
  }
  case ImmKind::Lane: {
    auto LaneByte = R.readByte();
    if (!LaneByte)
      return forwardError(LaneByte);
    Inst.Lane = *LaneByte;
    return {};
  }
  case ImmKind::Shuffle:
  case ImmKind::V128:
    return readBytes16(R, Inst.Bytes);
  case ImmKind::I32: {
    auto Value = R.readVarS32();
    if (!Value)
      return forwardError(Value);
    Inst.setBits64(static_cast<uint64_t>(static_cast<uint32_t>(*Value)));
    return {};
  }
  case ImmKind::I64: {
    auto Value = R.readVarS64();
    if (!Value)
      return forwardError(Value);
    Inst.setBits64(static_cast<uint64_t>(*Value));
    return {};
  }
  case ImmKind::F32: {
    auto Bits = R.readFixedU32();
    if (!Bits)
      return forwardError(Bits);
    Inst.setBits64(*Bits);
    return {};
  }
  case ImmKind::F64: {
    auto Bits = R.readFixedU64();
    if (!Bits)
      return forwardError(Bits);
    Inst.setBits64(*Bits);
    return {};
  }
  case ImmKind::SelectTypes: {
    auto Count = readCount(R, "select types");
    if (!Count)
      return forwardError(Count);
    Inst.Index2 = *Count;
    for (uint32_t I = 0; I < *Count; ++I) {
      auto Type = readValType(R);
      if (!Type)
        return forwardError(Type);
      if (I == 0)
        Inst.Index = static_cast<uint32_t>(*Type);
    }
    return {};
  }
  case ImmKind::HeapType: {
    auto Type = readRefType(R);
    if (!Type)
      return forwardError(Type);
    Inst.Index = static_cast<uint32_t>(*Type);
    return {};
  }
  case ImmKind::TableCopy:
  case ImmKind::TableInit:
    if (auto Ok = readIndex(R, Inst.Index); !Ok)
      return Ok;
    return readIndex(R, Inst.Index2);
  case ImmKind::MemoryInit:
    if (auto Ok = readIndex(R, Inst.Index); !Ok)
      return Ok;
    return Enabled.has(Feature::MultiMemory) ? readIndex(R, Inst.Index2) : readZeroByte(R);
  case ImmKind::MemoryCopy:
    if (Enabled.has(Feature::MultiMemory)) {
      if (auto Ok = readIndex(R, Inst.Index); !Ok)
        return Ok;
      return readIndex(R, Inst.Index2);
    }
    if (auto Ok = readZeroByte(R); !Ok)
      return Ok;
    return readZeroByte(R);
  }
  return {};
}

Expected<void> ModuleDecoder::decodeInstructions(ByteReader &R, std::vector<Instruction> &Code,
                                                 std::vector<uint32_t> *BranchTargets) {
  // One entry per open block: true for an `if` that has not seen `else`.
  std::vector<bool> OpenBlocks;
  while (true) {
    uint64_t Offset = R.offset();
    if (R.atEnd())
      return makeError(ErrorKind::Malformed,
                       "unexpected end of section or function: missing 'end' (0x0b)", Offset);
    auto Byte = R.readByte();
    if (!Byte)
      return forwardError(Byte);
    uint8_t Prefix = 0;
    uint32_t Code32 = *Byte;
    if (*Byte == 0xfc || *Byte == 0xfd) {
      Prefix = *Byte;
      auto Sub = R.readVarU32();
      if (!Sub)
        return forwardError(Sub);
      Code32 = *Sub;
    }
    auto Op = lookupOpcode(Prefix, Code32);
    if (!Op) {
      std::string Spelled = Prefix ? hexByte(Prefix) + " " + std::to_string(Code32) : hexByte(*Byte);
      return makeError(ErrorKind::Malformed, "illegal opcode " + Spelled, Offset);
    }
    const OpcodeInfo &Info = opcodeInfo(*Op);
    if (auto Ok = requireFeature(Info.RequiredFeature, Offset, Info.Name); !Ok)
      return Ok;
    Instruction Inst;
    Inst.Op = *Op;
    Inst.Offset = static_cast<uint32_t>(Offset);
    if (auto Ok = decodeImmediates(R, Info, Inst, BranchTargets); !Ok)
      return Ok;
    if ((*Op == Opcode::MemoryInit || *Op == Opcode::DataDrop) && !M.DataCount)
      return makeError(ErrorKind::Malformed,
                       "data count section required: " + std::string(Info.Name) +
                           " needs a data count section before the code section",
                       Offset);
    Code.push_back(Inst);

    if (opensBlock(*Op)) {
      OpenBlocks.push_back(*Op == Opcode::If);
    } else if (*Op == Opcode::Else) {
      if (OpenBlocks.empty() || !OpenBlocks.back())
        return makeError(ErrorKind::Malformed, "'else' without a matching 'if'", Offset);
      OpenBlocks.back() = false;
    } else if (*Op == Opcode::End) {
      if (OpenBlocks.empty())
        return {};
      OpenBlocks.pop_back();
    }
  }
}

Expected<ConstExpr> ModuleDecoder::readConstExpr(ByteReader &R) {
  ConstExpr E;
  E.Offset = R.offset();
  if (auto Ok = decodeInstructions(R, E.Code, nullptr); !Ok)
    return forwardError(Ok);
  return E;
}

} // namespace kiln::wasm
