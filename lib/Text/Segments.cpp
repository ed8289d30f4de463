//===- Segments.cpp - Element and data segments ---------------------------===//
#include "ModuleParser.h"

namespace kiln::text {

using namespace wasm;

ConstExpr makeConstExpr(Opcode Op, uint32_t Index, uint32_t Offset) {
  Instruction I;
  I.Op = Op;
  I.Index = Index;
  I.Offset = Offset;
  Instruction End;
  End.Op = Opcode::End;
  End.Offset = Offset;
  ConstExpr E;
  E.Code = {I, End};
  E.Offset = Offset;
  return E;
}

Expected<std::optional<uint32_t>> ModuleParser::parseTargetIndex(const char *Keyword, Space S) {
  if (!C.consumeForm(Keyword))
    return std::nullopt;
  auto Index = parseIndex(S);
  if (!Index)
    return std::unexpected(Index.error());
  if (auto R = C.expectRParen(); !R)
    return std::unexpected(R.error());
  return *Index;
}

Expected<void> ModuleParser::parseElem() {
  ElementSegment Seg;
  Seg.Offset = FieldStart->Offset;
  takeIndex(Space::Elem);
  if (C.at(TokenKind::Id))
    C.next();
  if (C.consumeKeyword("declare")) {
    Seg.Mode = SegmentMode::Declarative;
    if (auto R = parseElemList(Seg, false); !R)
      return R;
  } else if (C.at(TokenKind::LParen)) {
    Seg.Mode = SegmentMode::Active;
    auto Table = parseTargetIndex("table", Space::Table);
    if (!Table)
      return std::unexpected(Table.error());
    bool ExplicitTable = Table->has_value();
    Seg.TableIndex = Table->value_or(0);
    auto Offset = parseOffset();
    if (!Offset)
      return std::unexpected(Offset.error());
    Seg.TableOffset = std::move(*Offset);
    // The MVP form lists bare function indices; it implies table 0.
    if (auto R = parseElemList(Seg, !ExplicitTable); !R)
      return R;
  } else {
    Seg.Mode = SegmentMode::Passive;
    if (auto R = parseElemList(Seg, false); !R)
      return R;
  }
  M.Elements.push_back(std::move(Seg));
  return {};
}

Expected<void> ModuleParser::parseElemList(ElementSegment &Seg, bool AllowBareFuncs) {
  bool FuncIndices = AllowBareFuncs;
  if (C.consumeKeyword("func")) {
    FuncIndices = true;
  } else if (C.at(TokenKind::Keyword)) {
    auto Type = parseRefType();
    if (!Type)
      return std::unexpected(Type.error());
    Seg.ElemType = *Type;
    FuncIndices = false;
  } else if (!AllowBareFuncs) {
    return C.unexpected("'func' or a reference type");
  }
  if (FuncIndices) {
    Seg.ElemType = ValType::FuncRef;
    while (C.at(TokenKind::Integer) || C.at(TokenKind::Id)) {
      const uint32_t At = C.peek().Offset;
      auto Func = parseIndex(Space::Func);
      if (!Func)
        return std::unexpected(Func.error());
      Seg.Items.push_back(makeConstExpr(Opcode::RefFunc, *Func, At));
    }
    return {};
  }
  while (C.at(TokenKind::LParen)) {
    auto Item = parseElemExpr();
    if (!Item)
      return std::unexpected(Item.error());
    Seg.Items.push_back(std::move(*Item));
  }
  return {};
}

Expected<ConstExpr> ModuleParser::parseElemExpr() {
  if (!C.consumeForm("item"))
    return parseConstExpr(true);
  auto Item = parseConstExpr(false);
  if (!Item)
    return Item;
  if (auto R = C.expectRParen(); !R)
    return std::unexpected(R.error());
  return Item;
}

Expected<ConstExpr> ModuleParser::parseOffset() {
  if (!C.consumeForm("offset")) {
    if (!C.at(TokenKind::LParen))
      return C.unexpected("an offset expression");
    return parseConstExpr(true);
  }
  auto Offset = parseConstExpr(false);
  if (!Offset)
    return Offset;
  if (auto R = C.expectRParen(); !R)
    return std::unexpected(R.error());
  return Offset;
}

Expected<void> ModuleParser::parseInlineElem(uint32_t TableIndex, ValType ElemType,
                                             uint64_t &ItemCount) {
  ElementSegment Seg;
  Seg.Offset = C.peek().Offset;
  Seg.Mode = SegmentMode::Active;
  Seg.TableIndex = TableIndex;
  Seg.ElemType = ElemType;
  Seg.TableOffset = makeConstExpr(Opcode::I32Const, 0, static_cast<uint32_t>(Seg.Offset));
  Seg.TableOffset.Code[0].setBits64(0);
  takeIndex(Space::Elem);
  C.next();
  C.next();
  if (C.at(TokenKind::LParen)) {
    while (C.at(TokenKind::LParen)) {
      auto Item = parseElemExpr();
      if (!Item)
        return std::unexpected(Item.error());
      Seg.Items.push_back(std::move(*Item));
    }
  } else {
    while (C.at(TokenKind::Integer) || C.at(TokenKind::Id)) {
      const uint32_t At = C.peek().Offset;
      auto Func = parseIndex(Space::Func);
      if (!Func)
        return std::unexpected(Func.error());
      Seg.Items.push_back(makeConstExpr(Opcode::RefFunc, *Func, At));
    }
  }
  ItemCount = Seg.Items.size();
  M.Elements.push_back(std::move(Seg));
  return C.expectRParen();
}

Expected<void> ModuleParser::parseData() {
  DataSegment Seg;
  Seg.Offset = FieldStart->Offset;
  takeIndex(Space::Data);
  if (C.at(TokenKind::Id))
    C.next();
  if (C.at(TokenKind::LParen)) {
    Seg.Mode = SegmentMode::Active;
    auto Memory = parseTargetIndex("memory", Space::Memory);
    if (!Memory)
      return std::unexpected(Memory.error());
    Seg.MemoryIndex = Memory->value_or(0);
    auto Offset = parseOffset();
    if (!Offset)
      return std::unexpected(Offset.error());
    Seg.MemoryOffset = std::move(*Offset);
  } else {
    Seg.Mode = SegmentMode::Passive;
  }
  if (auto R = parseDataString(Seg.Bytes); !R)
    return R;
  M.Data.push_back(std::move(Seg));
  return {};
}

Expected<void> ModuleParser::parseDataString(std::vector<uint8_t> &Bytes) {
  while (C.at(TokenKind::String)) {
    std::string Part = decodeString(C.next().Text);
    Bytes.insert(Bytes.end(), Part.begin(), Part.end());
  }
  return {};
}

} // namespace kiln::text
