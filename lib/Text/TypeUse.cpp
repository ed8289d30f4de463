//===- TypeUse.cpp - Value types, function types, type uses, limits -------===//
#include "ModuleParser.h"

#include "kiln/Text/Literals.h"

namespace kiln::text {

using namespace wasm;

std::string signatureKey(const FuncType &Type) {
  std::string Key;
  for (ValType T : Type.Params)
    Key += char(T);
  Key += '\0';
  for (ValType T : Type.Results)
    Key += char(T);
  return Key;
}

namespace {

std::optional<ValType> valTypeOfKeyword(std::string_view Word) {
  if (Word == "i32") return ValType::I32;
  if (Word == "i64") return ValType::I64;
  if (Word == "f32") return ValType::F32;
  if (Word == "f64") return ValType::F64;
  if (Word == "v128") return ValType::V128;
  if (Word == "funcref") return ValType::FuncRef;
  if (Word == "externref") return ValType::ExternRef;
  return std::nullopt;
}

} // namespace

Expected<ValType> ModuleParser::parseValType() {
  const Token &Tok = C.peek();
  if (Tok.is(TokenKind::Keyword))
    if (auto T = valTypeOfKeyword(Tok.Text)) {
      C.next();
      return *T;
    }
  return C.unexpected("a value type");
}

Expected<ValType> ModuleParser::parseRefType() {
  const Token &Tok = C.peek();
  if (Tok.isKeyword("funcref") || Tok.isKeyword("externref")) {
    C.next();
    return Tok.Text == "funcref" ? ValType::FuncRef : ValType::ExternRef;
  }
  return C.unexpected("a reference type");
}

Expected<ValType> ModuleParser::parseHeapType() {
  const Token &Tok = C.peek();
  if (Tok.isKeyword("func") || Tok.isKeyword("extern")) {
    C.next();
    return Tok.Text == "func" ? ValType::FuncRef : ValType::ExternRef;
  }
  return C.unexpected("a heap type");
}

Expected<void> ModuleParser::parseParams(FuncType &Type, std::vector<std::string> &ParamNames,
                                         bool AllowNames) {
  while (C.atForm("param")) {
    C.next();
    C.next();
    if (C.at(TokenKind::Id)) {
      if (!AllowNames)
        return C.unexpected("a value type");
      ParamNames.push_back(identifierName(C.next()));
      auto T = parseValType();
      if (!T)
        return std::unexpected(T.error());
      Type.Params.push_back(*T);
    } else {
      while (!C.at(TokenKind::RParen)) {
        auto T = parseValType();
        if (!T)
          return std::unexpected(T.error());
        Type.Params.push_back(*T);
        ParamNames.emplace_back();
      }
    }
    if (auto R = C.expectRParen(); !R)
      return R;
  }
  return {};
}

Expected<void> ModuleParser::parseResults(FuncType &Type) {
  while (C.consumeForm("result")) {
    while (!C.at(TokenKind::RParen)) {
      auto T = parseValType();
      if (!T)
        return std::unexpected(T.error());
      Type.Results.push_back(*T);
    }
    C.next();
  }
  return {};
}

Expected<FuncType> ModuleParser::parseFuncTypeDef() {
  if (!C.consumeForm("func"))
    return C.unexpected("'(func'");
  FuncType Type;
  std::vector<std::string> Ignored;
  if (auto R = parseParams(Type, Ignored, true); !R)
    return std::unexpected(R.error());
  if (auto R = parseResults(Type); !R)
    return std::unexpected(R.error());
  if (auto R = C.expectRParen(); !R)
    return std::unexpected(R.error());
  return Type;
}

Expected<TypeUse> ModuleParser::parseTypeUse(bool AllowParamNames) {
  TypeUse Use;
  Use.At = &C.peek();
  if (C.consumeForm("type")) {
    auto Index = parseIndex(Space::Type);
    if (!Index)
      return std::unexpected(Index.error());
    Use.Index = *Index;
    if (auto R = C.expectRParen(); !R)
      return std::unexpected(R.error());
  }
  Use.HasInline = C.atForm("param") || C.atForm("result");
  if (auto R = parseParams(Use.Inline, Use.ParamNames, AllowParamNames); !R)
    return std::unexpected(R.error());
  if (auto R = parseResults(Use.Inline); !R)
    return std::unexpected(R.error());
  if (C.atForm("param"))
    return C.unexpected("a result or an instruction");
  return Use;
}

Expected<uint32_t> ModuleParser::resolveTypeUse(const TypeUse &Use) {
  if (!Use.Index)
    return internType(Use.Inline);
  if (!Use.HasInline)
    return *Use.Index;
  if (*Use.Index >= M.Types.size())
    return C.failAt(*Use.At, "unknown type " + std::to_string(*Use.Index));
  if (M.Types[*Use.Index] != Use.Inline)
    return C.failAt(*Use.At, "inline function type does not match type " +
                                 std::to_string(*Use.Index));
  return *Use.Index;
}

uint32_t ModuleParser::internType(const FuncType &Type) {
  auto [It, Inserted] =
      TypeBySignature.emplace(signatureKey(Type), static_cast<uint32_t>(M.Types.size()));
  if (Inserted)
    M.Types.push_back(Type);
  return It->second;
}

Expected<uint64_t> ModuleParser::parseU32(std::string_view What) {
  return parseU32Literal(What, "i32 constant out of range: ");
}

Expected<uint32_t> ModuleParser::parseU32Literal(std::string_view What,
                                                 std::string_view OutOfRange) {
  const Token &Tok = C.peek();
  if (!Tok.is(TokenKind::Integer))
    return C.unexpected(What);
  auto Value = parseUnsignedLiteral(Tok.Text, 32);
  if (!Value)
    return C.failAt(Tok, Value.Error == LiteralError::OutOfRange
                             ? std::string(OutOfRange) + std::string(Tok.Text)
                             : "unexpected token " + describeToken(Tok) + ", expected " +
                                   std::string(What));
  C.next();
  return static_cast<uint32_t>(*Value);
}

Expected<Limits> ModuleParser::parseLimits() {
  Limits L;
  auto Min = parseU32("a limit");
  if (!Min)
    return std::unexpected(Min.error());
  L.Min = *Min;
  if (C.at(TokenKind::Integer)) {
    auto Max = parseU32("a limit");
    if (!Max)
      return std::unexpected(Max.error());
    L.Max = *Max;
  }
  return L;
}

Expected<TableType> ModuleParser::parseTableType() {
  TableType Type;
  auto L = parseLimits();
  if (!L)
    return std::unexpected(L.error());
  Type.Size = *L;
  auto Elem = parseRefType();
  if (!Elem)
    return std::unexpected(Elem.error());
  Type.ElemType = *Elem;
  return Type;
}

Expected<GlobalType> ModuleParser::parseGlobalType() {
  GlobalType Type;
  bool Mut = C.consumeForm("mut");
  auto T = parseValType();
  if (!T)
    return std::unexpected(T.error());
  Type.Type = *T;
  Type.Mutable = Mut;
  if (Mut)
    if (auto R = C.expectRParen(); !R)
      return std::unexpected(R.error());
  return Type;
}

} // namespace kiln::text
