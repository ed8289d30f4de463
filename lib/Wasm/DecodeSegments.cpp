//===- DecodeSegments.cpp - Element, data count and data sections ---------===//
//
// Element segments have eight encodings selected by a flags field (bit 0:
// passive or declarative, bit 1: explicit table index or declarative, bit 2:
// items are expressions rather than function indices). All of them decode
// to one `ElementSegment` shape whose items are constant expressions.
//
//===----------------------------------------------------------------------===//
#include "ModuleDecoder.h"

namespace kiln::wasm {

namespace {
/// `ref.func Index; end`, the expression form of a function-index item.
ConstExpr refFuncExpr(uint32_t FuncIndex, uint64_t Offset) {
  ConstExpr E;
  E.Offset = Offset;
  Instruction RefFunc;
  RefFunc.Op = Opcode::RefFunc;
  RefFunc.Index = FuncIndex;
  RefFunc.Offset = static_cast<uint32_t>(Offset);
  Instruction End;
  End.Op = Opcode::End;
  End.Offset = static_cast<uint32_t>(Offset);
  E.Code = {RefFunc, End};
  return E;
}
} // namespace

Expected<void> ModuleDecoder::decodeElementSection(ByteReader &R) {
  auto Count = readCount(R, "element segments");
  if (!Count)
    return forwardError(Count);
  M.Elements.reserve(*Count);
  for (uint32_t I = 0; I < *Count; ++I) {
    ElementSegment Seg;
    Seg.Offset = R.offset();
    auto Flags = R.readVarU32();
    if (!Flags)
      return forwardError(Flags);
    if (*Flags > 7)
      return makeError(ErrorKind::Malformed,
                       "malformed elements segment kind: flags " + std::to_string(*Flags) +
                           " (expected 0 to 7)",
                       Seg.Offset);
    if (*Flags != 0) {
      if (auto Ok = requireFeature(Feature::BulkMemory, Seg.Offset, "this element segment form");
          !Ok)
        return forwardError(Ok);
    }
    const bool IsPassiveOrDeclarative = *Flags & 1;
    const bool HasTableIndexOrDeclarative = *Flags & 2;
    const bool UsesExpressions = *Flags & 4;
    if (IsPassiveOrDeclarative) {
      Seg.Mode = HasTableIndexOrDeclarative ? SegmentMode::Declarative : SegmentMode::Passive;
    } else {
      Seg.Mode = SegmentMode::Active;
      if (HasTableIndexOrDeclarative) {
        auto Table = R.readVarU32();
        if (!Table)
          return forwardError(Table);
        Seg.TableIndex = *Table;
      }
      auto Offset = readConstExpr(R);
      if (!Offset)
        return forwardError(Offset);
      Seg.TableOffset = std::move(*Offset);
    }
    // Forms 0 and 4 imply funcref; the others name the kind or type.
    if (IsPassiveOrDeclarative || HasTableIndexOrDeclarative) {
      if (UsesExpressions) {
        auto Type = readRefType(R);
        if (!Type)
          return forwardError(Type);
        Seg.ElemType = *Type;
      } else {
        uint64_t KindOffset = R.offset();
        auto Kind = R.readByte();
        if (!Kind)
          return forwardError(Kind);
        if (*Kind != 0x00)
          return makeError(ErrorKind::Malformed,
                           "malformed element kind: expected 0x00 (funcref), found " +
                               hexByte(*Kind),
                           KindOffset);
        Seg.ElemType = ValType::FuncRef;
      }
    }
    auto ItemCount = readCount(R, "element items");
    if (!ItemCount)
      return forwardError(ItemCount);
    Seg.Items.reserve(*ItemCount);
    for (uint32_t K = 0; K < *ItemCount; ++K) {
      if (UsesExpressions) {
        auto Item = readConstExpr(R);
        if (!Item)
          return forwardError(Item);
        Seg.Items.push_back(std::move(*Item));
        continue;
      }
      uint64_t ItemOffset = R.offset();
      auto FuncIndex = R.readVarU32();
      if (!FuncIndex)
        return forwardError(FuncIndex);
      Seg.Items.push_back(refFuncExpr(*FuncIndex, ItemOffset));
    }
    M.Elements.push_back(std::move(Seg));
  }
  return {};
}

Expected<void> ModuleDecoder::decodeDataCountSection(ByteReader &R) {
  uint64_t Offset = R.offset();
  if (auto Ok = requireFeature(Feature::BulkMemory, Offset, "the data count section"); !Ok)
    return forwardError(Ok);
  auto Count = R.readVarU32();
  if (!Count)
    return forwardError(Count);
  M.DataCount = *Count;
  return {};
}

Expected<void> ModuleDecoder::decodeDataSection(ByteReader &R) {
  auto Count = readCount(R, "data segments");
  if (!Count)
    return forwardError(Count);
  M.Data.reserve(*Count);
  for (uint32_t I = 0; I < *Count; ++I) {
    DataSegment Seg;
    Seg.Offset = R.offset();
    auto Flags = R.readVarU32();
    if (!Flags)
      return forwardError(Flags);
    if (*Flags > 2)
      return makeError(ErrorKind::Malformed,
                       "malformed data segment kind: flags " + std::to_string(*Flags) +
                           " (expected 0, 1 or 2)",
                       Seg.Offset);
    if (*Flags != 0) {
      if (auto Ok = requireFeature(Feature::BulkMemory, Seg.Offset, "this data segment form");
          !Ok)
        return forwardError(Ok);
    }
    Seg.Mode = *Flags == 1 ? SegmentMode::Passive : SegmentMode::Active;
    if (*Flags == 2) {
      auto Memory = R.readVarU32();
      if (!Memory)
        return forwardError(Memory);
      Seg.MemoryIndex = *Memory;
    }
    if (Seg.Mode == SegmentMode::Active) {
      auto Offset = readConstExpr(R);
      if (!Offset)
        return forwardError(Offset);
      Seg.MemoryOffset = std::move(*Offset);
    }
    auto Length = R.readVarU32();
    if (!Length)
      return forwardError(Length);
    if (*Length > R.remaining())
      return R.fail(ErrorKind::Malformed, "unexpected end of section or function: data segment of " +
                                              std::to_string(*Length) + " bytes, " +
                                              std::to_string(R.remaining()) + " left");
    auto Payload = R.readBytes(*Length);
    if (!Payload)
      return forwardError(Payload);
    Seg.Bytes.assign(Payload->begin(), Payload->end());
    M.Data.push_back(std::move(Seg));
  }
  SawDataSection = true;
  return {};
}

} // namespace kiln::wasm
