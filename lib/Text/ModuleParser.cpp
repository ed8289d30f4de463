//===- ModuleParser.cpp - Driver, declarations and name resolution --------===//
#include "ModuleParser.h"

#include "kiln/Text/Literals.h"

namespace kiln::text {

using namespace wasm;

std::string_view spaceName(Space S) {
  switch (S) {
  case Space::Type: return "type";
  case Space::Func: return "func";
  case Space::Table: return "table";
  case Space::Memory: return "memory";
  case Space::Global: return "global";
  case Space::Elem: return "elem";
  case Space::Data: return "data";
  case Space::Count: break;
  }
  return "?";
}

namespace {

/// The noun the spec's messages use for an entity of `S` ("unknown function").
std::string_view spaceNoun(Space S) {
  switch (S) {
  case Space::Func: return "function";
  case Space::Elem: return "elem segment";
  case Space::Data: return "data segment";
  default: return spaceName(S);
  }
}

std::optional<Space> spaceOfKeyword(std::string_view Word) {
  if (Word == "func") return Space::Func;
  if (Word == "table") return Space::Table;
  if (Word == "memory") return Space::Memory;
  if (Word == "global") return Space::Global;
  return std::nullopt;
}

} // namespace

Expected<Module> ModuleParser::parse(bool Bare) {
  const size_t Start = C.position();
  if (auto R = declareFields(Bare); !R)
    DeclareError = R.error();
  C.seek(Start);
  auto Fail = [&](const Error &E) -> std::unexpected<Error> {
    if (DeclareError && E.byteOffset() > DeclareError->byteOffset())
      return std::unexpected(*DeclareError);
    return std::unexpected(E);
  };
  while (C.at(TokenKind::LParen))
    if (auto R = parseField(); !R)
      return Fail(R.error());
  if (!C.at(Bare ? TokenKind::Eof : TokenKind::RParen))
    return Fail(C.unexpected("a module field").error());
  if (DeclareError)
    return std::unexpected(*DeclareError);
  if (auto R = finish(); !R)
    return std::unexpected(R.error());
  return std::move(M);
}

Expected<void> ModuleParser::declareFields(bool Bare) {
  while (C.at(TokenKind::LParen))
    if (auto R = declareField(); !R)
      return R;
  if (!C.at(Bare ? TokenKind::Eof : TokenKind::RParen))
    return C.unexpected("a module field");
  return {};
}

Expected<void> ModuleParser::declareField() {
  const Token &Kw = C.peek(1);
  if (!Kw.is(TokenKind::Keyword))
    return C.failAt(Kw, "unexpected token " + describeToken(Kw) + ", expected a module field");
  C.next();
  C.next();
  std::string_view Word = Kw.Text;
  if (Word == "type") {
    if (auto R = declareName(Space::Type, 0); !R)
      return R;
    auto Type = parseFuncTypeDef();
    if (!Type)
      return std::unexpected(Type.error());
    TypeBySignature.emplace(signatureKey(*Type), static_cast<uint32_t>(M.Types.size()));
    M.Types.push_back(*Type);
    return C.expectRParen();
  } else if (Word == "import") {
    for (int I = 0; I < 2; ++I)
      if (auto Name = C.expectString(); !Name)
        return std::unexpected(Name.error());
    if (auto R = noteImport(Kw); !R)
      return R;
    if (auto R = declareImportDesc(); !R)
      return R;
  } else if (auto S = spaceOfKeyword(Word)) {
    if (auto R = declareName(*S, 0); !R)
      return R;
    // Inline imports, and inline segments that take a segment index.
    while (C.atForm("export"))
      if (auto R = C.skipForm(); !R)
        return R;
    bool Imported = C.atForm("import");
    if (Imported) {
      if (auto R = noteImport(C.peek()); !R)
        return R;
    } else if (*S == Space::Table) {
      while (C.at(TokenKind::Keyword) || C.at(TokenKind::Integer))
        C.next();
      if (C.atForm("elem"))
        ++Names[size_t(Space::Elem)].Count;
    } else if (*S == Space::Memory && C.atForm("data")) {
      ++Names[size_t(Space::Data)].Count;
    }
    if (!Imported)
      noteDefinition(*S);
  } else if (Word == "elem" || Word == "data") {
    if (auto R = declareName(Word == "elem" ? Space::Elem : Space::Data, 0); !R)
      return R;
  } else if (Word != "export" && Word != "start") {
    return C.failAt(Kw, "unexpected token " + describeToken(Kw) + ", expected a module field");
  }
  while (!C.at(TokenKind::RParen))
    if (auto R = C.skipForm(); !R)
      return R;
  C.next();
  return {};
}

Expected<void> ModuleParser::declareImportDesc() {
  if (!C.at(TokenKind::LParen))
    return C.unexpected("an import description");
  auto S = spaceOfKeyword(C.peek(1).Text);
  if (!C.at(TokenKind::Keyword, 1) || !S)
    return C.failAt(C.peek(1), "unexpected token " + describeToken(C.peek(1)) +
                                   ", expected an import description");
  C.next();
  C.next();
  if (auto R = declareName(*S, 0); !R)
    return R;
  while (!C.at(TokenKind::RParen))
    if (auto R = C.skipForm(); !R)
      return R;
  C.next();
  return {};
}

Expected<void> ModuleParser::declareName(Space S, size_t Ahead) {
  NameTable &Table = Names[size_t(S)];
  const uint32_t Index = Table.Count++;
  const Token &Tok = C.peek(Ahead);
  if (!Tok.is(TokenKind::Id))
    return {};
  std::string Name = identifierName(Tok);
  if (!Table.Indices.emplace(Name, Index).second)
    return C.failAt(Tok, "duplicate " + std::string(spaceName(S)) + " $" + Name);
  if (S == Space::Func)
    M.Names.FunctionNames[Index] = Name;
  if (Ahead == 0)
    C.next();
  return {};
}

Expected<void> ModuleParser::noteImport(const Token &At) {
  if (!FirstDefinition)
    return {};
  return C.failAt(At, "import after " + std::string(spaceNoun(*FirstDefinition)));
}

void ModuleParser::noteDefinition(Space S) {
  if (!FirstDefinition)
    FirstDefinition = S;
}

Expected<void> ModuleParser::parseField() {
  const Token &Kw = C.peek(1);
  std::string_view Word = Kw.Text;
  if (Word == "type")
    return C.skipForm();
  FieldStart = &C.peek();
  C.next();
  C.next();
  Expected<void> R;
  if (Word == "import") R = parseImport();
  else if (Word == "func") R = parseFunc();
  else if (Word == "table") R = parseTable();
  else if (Word == "memory") R = parseMemory();
  else if (Word == "global") R = parseGlobal();
  else if (Word == "export") R = parseExportField();
  else if (Word == "start") R = parseStart();
  else if (Word == "elem") R = parseElem();
  else R = parseData();
  if (!R)
    return R;
  return C.expectRParen();
}

Expected<void> ModuleParser::finish() {
  M.Start = StartFunc;
  if (UsesDataCount)
    M.DataCount = static_cast<uint32_t>(M.Data.size());
  M.buildIndexSpaces();
  return {};
}

Expected<uint32_t> ModuleParser::resolveName(Space S, const Token &Id) {
  const NameTable &Table = Names[size_t(S)];
  std::string Name = identifierName(Id);
  auto It = Table.Indices.find(Name);
  if (It == Table.Indices.end() && DeclareError)
    return std::unexpected(*DeclareError); // Perhaps declared past the error.
  if (It == Table.Indices.end())
    return C.failAt(Id, "unknown " + std::string(spaceNoun(S)) + " $" + Name);
  return It->second;
}

Expected<uint32_t> ModuleParser::parseIndex(Space S) {
  const Token &Tok = C.peek();
  if (Tok.is(TokenKind::Id)) {
    C.next();
    return resolveName(S, Tok);
  }
  return parseNumericIndex("a " + std::string(spaceNoun(S)) + " index");
}

Expected<uint32_t> ModuleParser::parseNumericIndex(std::string_view What) {
  return parseU32Literal(What, "constant out of range: ");
}

Expected<std::optional<uint32_t>> ModuleParser::parseOptionalIndex(Space S) {
  if (!C.at(TokenKind::Id) && !C.at(TokenKind::Integer))
    return std::nullopt;
  auto Index = parseIndex(S);
  if (!Index)
    return std::unexpected(Index.error());
  return *Index;
}

} // namespace kiln::text
