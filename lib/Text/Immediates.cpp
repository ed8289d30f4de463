//===- Immediates.cpp - The operands written after an opcode --------------===//
#include "ModuleParser.h"

#include "kiln/Text/Literals.h"

#include <bit>

namespace kiln::text {

using namespace wasm;

namespace {

bool atIndex(const TokenCursor &C, size_t Ahead = 0) {
  return C.at(TokenKind::Integer, Ahead) || C.at(TokenKind::Id, Ahead);
}

/// A keyword where a number belongs: `nan:1` and kin are misspelled
/// numbers ("unknown operator"); anything else is out of place.
std::unexpected<Error> notANumber(const TokenCursor &C, std::string_view What) {
  const Token &Tok = C.peek();
  if (Tok.is(TokenKind::Keyword) && (Tok.Text.starts_with("nan:") || Tok.Text.starts_with("inf")) &&
      Tok.Text != "nan:canonical" && Tok.Text != "nan:arithmetic")
    return TokenCursor::failAt(Tok, "unknown operator " + describeToken(Tok));
  return C.unexpected(What);
}

std::unexpected<Error> literalError(const Token &Tok, LiteralError E, std::string_view What) {
  if (E == LiteralError::OutOfRange)
    return TokenCursor::failAt(Tok, "constant out of range: " + std::string(Tok.Text));
  return TokenCursor::failAt(Tok, "unexpected token " + describeToken(Tok) + ", expected " +
                                      std::string(What));
}

} // namespace

Expected<Instruction> ModuleParser::parsePlainInstr(const Token &OpTok, Opcode Op) {
  Instruction I;
  I.Op = Op;
  I.Offset = OpTok.Offset;
  if (auto R = parseImmediates(I); !R)
    return std::unexpected(R.error());
  return I;
}

Expected<void> ModuleParser::parseImmediates(Instruction &I) {
  const OpcodeInfo &Info = opcodeInfo(I.Op);
  Expected<uint32_t> Index = 0;
  switch (Info.Imm) {
  case ImmKind::None:
    return I.Op == Opcode::Select ? parseSelect(I) : Expected<void>();
  case ImmKind::BlockType:
  case ImmKind::SelectTypes:
    return C.unexpected("an instruction");
  case ImmKind::Label: Index = parseLabel(); break;
  case ImmKind::LabelTable: return parseBrTable(I);
  case ImmKind::Func: Index = parseIndex(Space::Func); break;
  case ImmKind::CallIndirect: return parseCallIndirect(I);
  case ImmKind::Local: Index = parseLocal(); break;
  case ImmKind::Global: Index = parseIndex(Space::Global); break;
  case ImmKind::Elem: Index = parseIndex(Space::Elem); break;
  case ImmKind::Data:
    UsesDataCount = true;
    Index = parseIndex(Space::Data);
    break;
  case ImmKind::Table:
  case ImmKind::Memory: {
    auto Opt = parseOptionalIndex(Info.Imm == ImmKind::Table ? Space::Table : Space::Memory);
    if (!Opt)
      return std::unexpected(Opt.error());
    Index = Opt->value_or(0);
    break;
  }
  case ImmKind::MemArg: return parseMemArg(I);
  case ImmKind::MemArgLane:
    if (auto R = parseMemArg(I); !R)
      return R;
    [[fallthrough]];
  case ImmKind::Lane: {
    auto Lane = parseLaneIndex();
    if (!Lane)
      return std::unexpected(Lane.error());
    I.Lane = *Lane;
    return {};
  }
  case ImmKind::Shuffle: return parseShuffle(I);
  case ImmKind::I32:
  case ImmKind::I64:
  case ImmKind::F32:
  case ImmKind::F64: return parseConst(I);
  case ImmKind::V128: return parseV128Const(I);
  case ImmKind::HeapType: {
    auto Type = parseHeapType();
    if (!Type)
      return std::unexpected(Type.error());
    Index = static_cast<uint32_t>(*Type);
    break;
  }
  case ImmKind::TableCopy:
  case ImmKind::MemoryCopy: return parseCopyOperands(I);
  case ImmKind::TableInit:
  case ImmKind::MemoryInit: return parseInitOperands(I);
  }
  if (!Index)
    return std::unexpected(Index.error());
  I.Index = *Index;
  return {};
}

Expected<void> ModuleParser::parseCopyOperands(Instruction &I) {
  // Both indices or neither; neither means 0 0.
  if (!atIndex(C))
    return {};
  const Space S = opcodeInfo(I.Op).Imm == ImmKind::TableCopy ? Space::Table : Space::Memory;
  auto Dest = parseIndex(S);
  if (!Dest)
    return std::unexpected(Dest.error());
  auto Source = parseIndex(S);
  if (!Source)
    return std::unexpected(Source.error());
  I.Index = *Dest;
  I.Index2 = *Source;
  return {};
}

Expected<void> ModuleParser::parseInitOperands(Instruction &I) {
  // `x y` names the table (memory) and the segment; a lone `y` the segment.
  const bool IsTable = opcodeInfo(I.Op).Imm == ImmKind::TableInit;
  if (!IsTable)
    UsesDataCount = true;
  if (atIndex(C) && atIndex(C, 1)) {
    auto Target = parseIndex(IsTable ? Space::Table : Space::Memory);
    if (!Target)
      return std::unexpected(Target.error());
    I.Index2 = *Target;
  }
  auto Segment = parseIndex(IsTable ? Space::Elem : Space::Data);
  if (!Segment)
    return std::unexpected(Segment.error());
  I.Index = *Segment;
  return {};
}

Expected<uint32_t> ModuleParser::parseLabel() {
  const Token &Tok = C.peek();
  if (!Tok.is(TokenKind::Id))
    return parseNumericIndex("a label");
  C.next();
  std::string Name = identifierName(Tok);
  for (size_t I = Labels.size(); I-- > 0;)
    if (Labels[I] == Name)
      return static_cast<uint32_t>(Labels.size() - 1 - I);
  return C.failAt(Tok, "unknown label $" + Name);
}

Expected<void> ModuleParser::parseBrTable(Instruction &I) {
  I.Index = static_cast<uint32_t>(BranchTargets->size());
  uint32_t Count = 0;
  while (atIndex(C)) {
    auto Depth = parseLabel();
    if (!Depth)
      return std::unexpected(Depth.error());
    BranchTargets->push_back(*Depth);
    ++Count;
  }
  if (Count == 0)
    return C.unexpected("a label");
  I.Index2 = Count - 1;
  return {};
}

Expected<uint32_t> ModuleParser::parseLocal() {
  const Token &Tok = C.peek();
  if (!Tok.is(TokenKind::Id))
    return parseNumericIndex("a local index");
  C.next();
  auto It = LocalNames.find(identifierName(Tok));
  if (It == LocalNames.end())
    return C.failAt(Tok, "unknown local " + describeToken(Tok));
  return It->second;
}

Expected<void> ModuleParser::parseCallIndirect(Instruction &I) {
  auto Table = parseOptionalIndex(Space::Table);
  if (!Table)
    return std::unexpected(Table.error());
  I.Index2 = Table->value_or(0);
  auto Use = parseTypeUse(false);
  if (!Use)
    return std::unexpected(Use.error());
  auto Type = resolveTypeUse(*Use);
  if (!Type)
    return std::unexpected(Type.error());
  I.Index = *Type;
  return {};
}

Expected<void> ModuleParser::parseSelect(Instruction &I) {
  if (!C.atForm("result"))
    return {};
  FuncType Types;
  if (auto R = parseResults(Types); !R)
    return R;
  I.Op = Opcode::SelectTyped;
  I.Index2 = static_cast<uint32_t>(Types.Results.size());
  I.Index = Types.Results.empty() ? 0 : static_cast<uint32_t>(Types.Results[0]);
  return {};
}

Expected<void> ModuleParser::parseMemArg(Instruction &I) {
  // A memory index (multi-memory) comes first; for lane instructions it is
  // only one when another operand follows it.
  const bool HasLane = opcodeInfo(I.Op).Imm == ImmKind::MemArgLane;
  if (atIndex(C) && (!HasLane || C.at(TokenKind::Integer, 1) ||
                     C.peek(1).Text.starts_with("offset=") ||
                     C.peek(1).Text.starts_with("align="))) {
    auto Memory = parseIndex(Space::Memory);
    if (!Memory)
      return std::unexpected(Memory.error());
    I.Index2 = *Memory;
  }
  I.AlignLog2 = opcodeInfo(I.Op).NaturalAlignLog2;
  if (C.at(TokenKind::Keyword) && C.peek().Text.starts_with("offset=")) {
    const Token &Tok = C.next();
    auto Offset = parseUnsignedLiteral(Tok.Text.substr(7), 32);
    if (!Offset)
      return C.failAt(Tok, Offset.Error == LiteralError::OutOfRange
                               ? "i32 constant out of range: " + std::string(Tok.Text)
                               : "unknown operator " + describeToken(Tok));
    I.setBits64(*Offset);
  }
  if (C.at(TokenKind::Keyword) && C.peek().Text.starts_with("align=")) {
    const Token &Tok = C.next();
    auto Align = parseUnsignedLiteral(Tok.Text.substr(6), 32);
    if (!Align)
      return C.failAt(Tok, Align.Error == LiteralError::OutOfRange
                               ? "i32 constant out of range: " + std::string(Tok.Text)
                               : "unknown operator " + describeToken(Tok));
    if (!std::has_single_bit(*Align))
      return C.failAt(Tok, "alignment must be a power of two");
    I.AlignLog2 = static_cast<uint8_t>(std::countr_zero(*Align));
  }
  return {};
}

Expected<uint8_t> ModuleParser::parseLaneIndex() {
  const Token &Tok = C.peek();
  if (!Tok.is(TokenKind::Integer))
    return C.unexpected("a lane index");
  auto Lane = parseUnsignedLiteral(Tok.Text, 8);
  if (!Lane && Lane.Error == LiteralError::Syntax)
    return C.unexpected("a lane index");
  if (!Lane)
    return C.failAt(Tok, "malformed lane index " + describeToken(Tok));
  C.next();
  return static_cast<uint8_t>(*Lane);
}

Expected<void> ModuleParser::parseShuffle(Instruction &I) {
  for (unsigned Lane = 0; Lane < 16; ++Lane) {
    if (C.at(TokenKind::Float))
      return C.failAt(C.peek(), "malformed lane index " + describeToken(C.peek()));
    if (!C.at(TokenKind::Integer))
      return C.failAt(C.peek(), "invalid lane length: i8x16.shuffle needs 16 lane indices");
    const Token &Tok = C.next();
    auto Index = parseUnsignedLiteral(Tok.Text, 8);
    if (!Index)
      return C.failAt(Tok, "malformed lane index " + describeToken(Tok));
    I.Bytes[Lane] = static_cast<uint8_t>(*Index);
  }
  if (C.at(TokenKind::Integer) || C.at(TokenKind::Float))
    return C.failAt(C.peek(), "invalid lane length: i8x16.shuffle needs 16 lane indices");
  return {};
}

Expected<void> ModuleParser::parseConst(Instruction &I) {
  const Token &Tok = C.peek();
  const ImmKind Kind = opcodeInfo(I.Op).Imm;
  const bool IsInt = Kind == ImmKind::I32 || Kind == ImmKind::I64;
  if (!Tok.is(TokenKind::Integer) && (IsInt || !Tok.is(TokenKind::Float)))
    return notANumber(C, IsInt ? "an integer" : "a number");
  C.next();
  switch (Kind) {
  case ImmKind::I32:
  case ImmKind::I64: {
    auto V = parseIntLiteral(Tok.Text, Kind == ImmKind::I32 ? 32 : 64);
    if (!V)
      return literalError(Tok, V.Error, "an integer");
    I.setBits64(*V);
    return {};
  }
  case ImmKind::F32: {
    auto V = parseF32Literal(Tok.Text);
    if (!V)
      return literalError(Tok, V.Error, "a number");
    I.setBits64(*V);
    return {};
  }
  default: {
    auto V = parseF64Literal(Tok.Text);
    if (!V)
      return literalError(Tok, V.Error, "a number");
    I.setBits64(*V);
    return {};
  }
  }
}

Expected<void> ModuleParser::parseV128Const(Instruction &I) {
  const Token &ShapeTok = C.peek();
  auto Shape = ShapeTok.is(TokenKind::Keyword) ? laneShapeFromName(ShapeTok.Text) : std::nullopt;
  if (!Shape)
    return C.unexpected("a lane shape (i8x16, ..., f64x2)");
  C.next();
  const unsigned Count = laneCount(*Shape);
  const bool Float = isFloatShape(*Shape);
  // Count the literals first: a wrong count is reported before a bad value.
  unsigned Given = 0;
  while (C.at(TokenKind::Integer, Given) || C.at(TokenKind::Float, Given))
    ++Given;
  if (Given < Count && !C.at(TokenKind::Keyword, Given))
    return C.failAt(C.peek(Given), "wrong number of lane literals: " +
                                       std::string(ShapeTok.Text) + " needs " +
                                       std::to_string(Count));
  for (unsigned Lane = 0; Lane < Count; ++Lane) {
    if (!C.at(TokenKind::Integer) && !(Float && C.at(TokenKind::Float)))
      return notANumber(C, "a lane literal");
    const Token &Tok = C.next();
    auto Bits = parseLaneLiteral(Tok.Text, *Shape);
    if (!Bits)
      return literalError(Tok, Bits.Error, "a lane literal");
    storeLane(I.Bytes.data(), *Shape, Lane, *Bits);
  }
  if (C.at(TokenKind::Integer) || C.at(TokenKind::Float))
    return C.failAt(C.peek(), "wrong number of lane literals: " + std::string(ShapeTok.Text) +
                                  " needs " + std::to_string(Count));
  return {};
}

} // namespace kiln::text
