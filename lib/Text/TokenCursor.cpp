//===- TokenCursor.cpp - Walking a token vector ---------------------------===//
#include "TokenCursor.h"

#include "kiln/Support/ByteReader.h"

namespace kiln::text {

std::string describeToken(const Token &T) {
  if (T.Kind == TokenKind::Eof)
    return "end of input";
  std::string_view Text = T.Text.substr(0, 40);
  return "'" + std::string(Text) + (Text.size() < T.Text.size() ? "...'" : "'");
}

std::string identifierName(const Token &T) {
  if (T.Text.size() > 1 && T.Text[1] == '"')
    return decodeString(T.Text.substr(1));
  return std::string(T.Text.substr(1));
}

std::unexpected<Error> TokenCursor::unexpected(std::string_view Wanted) const {
  std::string Message = "unexpected token " + describeToken(peek());
  if (!Wanted.empty())
    Message += ", expected " + std::string(Wanted);
  return failAt(peek(), std::move(Message));
}

Expected<void> TokenCursor::expect(TokenKind Kind, std::string_view Wanted) {
  if (!at(Kind))
    return unexpected(Wanted);
  next();
  return {};
}

Expected<void> TokenCursor::expectKeyword(std::string_view Word) {
  if (!atKeyword(Word))
    return unexpected("'" + std::string(Word) + "'");
  next();
  return {};
}

Expected<std::string> TokenCursor::expectString() {
  if (!at(TokenKind::String))
    return unexpected("a string");
  return decodeString(next().Text);
}

Expected<std::string> TokenCursor::expectName() {
  const Token &At = peek();
  auto Name = expectString();
  if (!Name)
    return Name;
  std::span<const uint8_t> Bytes(reinterpret_cast<const uint8_t *>(Name->data()), Name->size());
  if (!isValidUtf8(Bytes))
    return failAt(At, "malformed UTF-8 encoding");
  return Name;
}

Expected<void> TokenCursor::skipForm() {
  if (!at(TokenKind::LParen)) {
    if (at(TokenKind::Eof) || at(TokenKind::RParen))
      return unexpected("");
    next();
    return {};
  }
  const Token &Open = next();
  unsigned Depth = 1;
  while (Depth > 0) {
    const Token &T = next();
    if (T.Kind == TokenKind::Eof)
      return failAt(Open, "unexpected end of input: unbalanced '('");
    if (T.Kind == TokenKind::LParen)
      ++Depth;
    else if (T.Kind == TokenKind::RParen)
      --Depth;
  }
  return {};
}

} // namespace kiln::text
