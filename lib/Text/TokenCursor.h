//===- TokenCursor.h - Walking a token vector -------------------*- C++ -*-===//
//
// The parsers' shared view of the token stream: lookahead, expectations that
// produce spec-worded errors ("unexpected token", "unknown operator"), and
// skipping of whole parenthesised forms.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_TEXT_TOKENCURSOR_H
#define KILN_LIB_TEXT_TOKENCURSOR_H

#include "kiln/Support/Error.h"
#include "kiln/Text/Lexer.h"

#include <span>
#include <string>

namespace kiln::text {

class TokenCursor {
public:
  /// `Tokens` must end with an `Eof` token.
  explicit TokenCursor(std::span<const Token> Tokens) : Tokens(Tokens) {}

  const Token &peek(size_t Ahead = 0) const {
    size_t I = Pos + Ahead;
    return I < Tokens.size() ? Tokens[I] : Tokens.back();
  }
  const Token &next() {
    const Token &T = peek();
    if (Pos + 1 < Tokens.size())
      ++Pos;
    return T;
  }
  size_t position() const { return Pos; }
  void seek(size_t NewPos) { Pos = NewPos; }

  bool at(TokenKind Kind, size_t Ahead = 0) const { return peek(Ahead).Kind == Kind; }
  bool atKeyword(std::string_view Word, size_t Ahead = 0) const {
    return peek(Ahead).isKeyword(Word);
  }
  /// True at `(` followed by the keyword `Word`.
  bool atForm(std::string_view Word, size_t Ahead = 0) const {
    return at(TokenKind::LParen, Ahead) && atKeyword(Word, Ahead + 1);
  }

  bool consumeKeyword(std::string_view Word) {
    if (!atKeyword(Word))
      return false;
    next();
    return true;
  }
  /// Consumes `(` and `Word` if they come next.
  bool consumeForm(std::string_view Word) {
    if (!atForm(Word))
      return false;
    Pos += 2;
    return true;
  }

  Expected<void> expectLParen() { return expect(TokenKind::LParen, "'('"); }
  Expected<void> expectRParen() { return expect(TokenKind::RParen, "')'"); }
  Expected<void> expectKeyword(std::string_view Word);
  /// Consumes a string token and returns its decoded bytes.
  Expected<std::string> expectString();
  /// Consumes a string that must be valid UTF-8 (an import or export name).
  Expected<std::string> expectName();

  /// Skips one token, or a whole parenthesised form when at `(`.
  Expected<void> skipForm();

  /// "unexpected token" at the next token, naming what was expected.
  std::unexpected<Error> unexpected(std::string_view Wanted) const;
  /// An error at `At` (a token of this stream).
  static std::unexpected<Error> failAt(const Token &At, std::string Message) {
    return makeError(ErrorKind::Malformed, std::move(Message), At.Offset);
  }

private:
  Expected<void> expect(TokenKind Kind, std::string_view Wanted);

  std::span<const Token> Tokens;
  size_t Pos = 0;
};

/// A short rendering of a token for messages: `'i32.add'`, `end of input`.
std::string describeToken(const Token &T);

/// The name an identifier token denotes, without the `$` (quoted identifiers
/// `$"..."` are decoded).
std::string identifierName(const Token &T);

} // namespace kiln::text

#endif // KILN_LIB_TEXT_TOKENCURSOR_H
