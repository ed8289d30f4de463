//===- ScriptValues.cpp - Constants and result patterns of scripts --------===//
#include "ScriptParser.h"

#include "kiln/Text/Literals.h"

namespace kiln::text {

using wasm::ValType;

namespace {

/// The 2.0 type that stands for a reference of heap type `Heap`.
ValType refTypeOfHeap(std::string_view Heap) {
  return Heap == "func" || Heap == "nofunc" ? ValType::FuncRef : ValType::ExternRef;
}

bool isReferenceOp(std::string_view Op) {
  return Op.starts_with("ref.") && Op != "ref.null";
}

std::unexpected<Error> badLiteral(const Token &Tok, LiteralError E) {
  if (E == LiteralError::OutOfRange)
    return TokenCursor::failAt(Tok, "constant out of range: " + std::string(Tok.Text));
  return TokenCursor::failAt(Tok, "unexpected token " + describeToken(Tok) +
                                      ", expected a number");
}

std::optional<NanPattern> nanPatternOf(const Token &Tok) {
  if (Tok.isKeyword("nan:canonical"))
    return NanPattern::Canonical;
  if (Tok.isKeyword("nan:arithmetic"))
    return NanPattern::Arithmetic;
  return std::nullopt;
}

} // namespace

Expected<void> ScriptParser::parseNumber(ScriptValue &V, const Token &Op) {
  const Token &Tok = C.peek();
  const bool IsInt = Op.Text[0] == 'i';
  if (!Tok.is(TokenKind::Integer) && (IsInt || !Tok.is(TokenKind::Float)))
    return C.unexpected(IsInt ? "an integer" : "a number");
  C.next();
  LiteralResult<uint64_t> Bits;
  if (Op.Text == "i32.const") {
    V.Type = ValType::I32;
    Bits = parseIntLiteral(Tok.Text, 32);
  } else if (Op.Text == "i64.const") {
    V.Type = ValType::I64;
    Bits = parseIntLiteral(Tok.Text, 64);
  } else if (Op.Text == "f32.const") {
    V.Type = ValType::F32;
    auto F = parseF32Literal(Tok.Text);
    Bits = F ? LiteralResult<uint64_t>{*F} : LiteralResult<uint64_t>::fail(F.Error);
  } else {
    V.Type = ValType::F64;
    Bits = parseF64Literal(Tok.Text);
  }
  if (!Bits)
    return badLiteral(Tok, Bits.Error);
  for (unsigned I = 0; I < 8; ++I)
    V.Bits[I] = static_cast<uint8_t>(*Bits >> (8 * I));
  return {};
}

Expected<void> ScriptParser::parseReference(ScriptValue &V, std::string_view Op,
                                            bool IsPattern) {
  if (Op == "ref.null") {
    V.IsNull = true;
    if (C.at(TokenKind::Keyword))
      V.HeapType = std::string(C.next().Text);
    else if (!IsPattern)
      return C.unexpected("a heap type");
    V.Type = refTypeOfHeap(V.HeapType);
    return {};
  }
  V.HeapType = std::string(Op.substr(4)); // "extern", "func", "host", ...
  V.Type = refTypeOfHeap(V.HeapType);
  if (!C.at(TokenKind::Integer)) {
    if (!IsPattern)
      return C.unexpected("a reference index");
    return {};
  }
  const Token &Tok = C.next();
  auto Index = parseUnsignedLiteral(Tok.Text, 32);
  if (!Index)
    return badLiteral(Tok, Index.Error);
  V.RefIndex = static_cast<uint32_t>(*Index);
  return {};
}

Expected<void> ScriptParser::parseV128(ResultPattern &P, bool IsPattern) {
  const Token &ShapeTok = C.peek();
  auto Shape = ShapeTok.is(TokenKind::Keyword) ? laneShapeFromName(ShapeTok.Text) : std::nullopt;
  if (!Shape)
    return C.unexpected("a lane shape (i8x16, ..., f64x2)");
  C.next();
  P.Shape = *Shape;
  P.Value.Type = ValType::V128;
  for (unsigned Lane = 0; Lane < laneCount(*Shape); ++Lane) {
    const Token &Tok = C.peek();
    if (auto Nan = nanPatternOf(Tok); Nan && IsPattern && isFloatShape(*Shape)) {
      C.next();
      P.LaneNans[Lane] = *Nan;
      continue;
    }
    if (!Tok.is(TokenKind::Integer) && !Tok.is(TokenKind::Float))
      return C.failAt(Tok, "wrong number of lane literals: " + std::string(ShapeTok.Text) +
                               " needs " + std::to_string(laneCount(*Shape)));
    C.next();
    auto Bits = parseLaneLiteral(Tok.Text, *Shape);
    if (!Bits)
      return badLiteral(Tok, Bits.Error);
    storeLane(P.Value.Bits.data(), *Shape, Lane, *Bits);
  }
  return {};
}

Expected<ScriptValue> ScriptParser::parseConst() {
  if (auto R = C.expectLParen(); !R)
    return std::unexpected(R.error());
  const Token &Op = C.peek();
  if (!Op.is(TokenKind::Keyword))
    return C.unexpected("a constant");
  C.next();
  ScriptValue V;
  Expected<void> R;
  if (Op.Text == "i32.const" || Op.Text == "i64.const" || Op.Text == "f32.const" ||
      Op.Text == "f64.const") {
    R = parseNumber(V, Op);
  } else if (Op.Text == "v128.const") {
    ResultPattern P;
    R = parseV128(P, false);
    V = P.Value;
  } else if (Op.Text.starts_with("ref.")) {
    R = parseReference(V, Op.Text, false);
  } else {
    return C.failAt(Op, "unexpected token " + describeToken(Op) + ", expected a constant");
  }
  if (!R)
    return std::unexpected(R.error());
  if (auto Close = C.expectRParen(); !Close)
    return std::unexpected(Close.error());
  return V;
}

Expected<ResultPattern> ScriptParser::parseResult() {
  if (!C.at(TokenKind::LParen))
    return C.unexpected("a result");
  const Token &Op = C.peek(1);
  ResultPattern P;
  if (Op.isKeyword("either")) {
    if (EitherDepth >= 64)
      return C.failAt(Op, "(either ...) nested too deeply");
    C.next();
    C.next();
    ++EitherDepth;
    while (C.at(TokenKind::LParen)) {
      auto Alt = parseResult();
      if (!Alt) {
        --EitherDepth;
        return Alt;
      }
      P.Either.push_back(std::move(*Alt));
    }
    --EitherDepth;
    if (auto R = C.expectRParen(); !R)
      return std::unexpected(R.error());
    return P;
  }
  const bool IsFloat = Op.isKeyword("f32.const") || Op.isKeyword("f64.const");
  if (IsFloat && nanPatternOf(C.peek(2))) {
    P.Value.Type = Op.Text == "f32.const" ? ValType::F32 : ValType::F64;
    P.Nan = *nanPatternOf(C.peek(2));
    C.seek(C.position() + 3);
  } else if (Op.isKeyword("v128.const")) {
    C.next();
    C.next();
    if (auto R = parseV128(P, true); !R)
      return std::unexpected(R.error());
  } else if (Op.is(TokenKind::Keyword) && (Op.Text == "ref.null" || isReferenceOp(Op.Text))) {
    C.next();
    C.next();
    if (auto R = parseReference(P.Value, Op.Text, true); !R)
      return std::unexpected(R.error());
  } else {
    auto V = parseConst();
    if (!V)
      return std::unexpected(V.error());
    P.Value = std::move(*V);
    return P;
  }
  if (auto R = C.expectRParen(); !R)
    return std::unexpected(R.error());
  return P;
}

} // namespace kiln::text
