//===- kiln/Text/Lexer.h - Tokens of the WebAssembly text format -*- C++ -*-===//
//
// Splits .wat and .wast source into tokens. Whitespace, line and block
// comments and annotations `(@...)` are dropped here, so the parsers only see
// parentheses, atoms and strings. Every token remembers its byte offset; a
// `SourceMap` turns offsets into line:column for messages.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TEXT_LEXER_H
#define KILN_TEXT_LEXER_H

#include "kiln/Support/Error.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace kiln::text {

enum class TokenKind : uint8_t {
  LParen,
  RParen,
  Keyword, ///< An atom starting with a lowercase letter: `i32.add`, `offset=4`.
  Id,      ///< `$name`; `Text` keeps the `$`.
  Integer, ///< Syntactically an integer: sign? (digits | 0x hexdigits) with `_`.
  Float,   ///< Any other number: decimal or hex float, `inf`, `nan`, `nan:0x..`.
  String,  ///< `"..."`; `Text` keeps the quotes, `decodeString` expands escapes.
  Eof,
};

struct Token {
  TokenKind Kind = TokenKind::Eof;
  uint32_t Offset = 0; ///< Byte offset of the first character in the source.
  std::string_view Text;

  bool is(TokenKind K) const { return Kind == K; }
  bool isKeyword(std::string_view Word) const {
    return Kind == TokenKind::Keyword && Text == Word;
  }
};

/// Tokenizes `Source`. The result always ends with an `Eof` token. Errors are
/// `Malformed` with the byte offset of the offending character: a run of
/// characters that is no valid token (the spec's "reserved" tokens, reported
/// as "unknown operator"), an unterminated string or block comment, or a
/// character that cannot appear outside strings and comments.
Expected<std::vector<Token>> tokenize(std::string_view Source);

/// Expands the escapes of a `String` token's text (quotes included) into
/// raw bytes. The lexer has already checked the escapes, so this cannot fail.
std::string decodeString(std::string_view QuotedText);

} // namespace kiln::text

#endif // KILN_TEXT_LEXER_H
