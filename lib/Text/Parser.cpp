//===- Parser.cpp - Entry points for reading text modules -----------------===//
#include "kiln/Text/Parser.h"

#include "ModuleForm.h"
#include "ModuleParser.h"

namespace kiln::text {

Expected<wasm::Module> parseModuleBody(TokenCursor &C, const Token *Id) {
  ModuleParser Parser(C);
  auto M = Parser.parse(/*Bare=*/false);
  if (!M)
    return M;
  if (Id)
    M->Names.ModuleName = identifierName(*Id);
  if (auto R = C.expectRParen(); !R)
    return std::unexpected(R.error());
  return M;
}

Expected<wasm::Module> parseModule(std::string_view Source) {
  auto Tokens = tokenize(Source);
  if (!Tokens)
    return std::unexpected(Tokens.error());
  TokenCursor C(*Tokens);
  if (!C.atForm("module")) {
    ModuleParser Parser(C);
    return Parser.parse(/*Bare=*/true);
  }
  C.next();
  C.next();
  const Token *Id = C.at(TokenKind::Id) ? &C.next() : nullptr;
  auto M = parseModuleBody(C, Id);
  if (!M)
    return M;
  if (!C.at(TokenKind::Eof))
    return C.unexpected("end of input");
  return M;
}

bool looksLikeText(std::string_view Source) {
  // Text never contains NUL bytes and every binary starts with one, so a
  // binary with a damaged magic stays a (malformed) binary instead of
  // becoming a text file full of syntax errors.
  std::string_view Window = Source.substr(0, 4096);
  return !Source.starts_with(std::string_view("\0asm", 4)) &&
         Window.find('\0') == std::string_view::npos;
}

} // namespace kiln::text
