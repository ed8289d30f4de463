//===- Lexer.cpp - Tokens of the WebAssembly text format ------------------===//
#include "kiln/Text/Lexer.h"

#include "kiln/Support/ByteReader.h"
#include "kiln/Text/Literals.h"

#include <limits>

namespace kiln::text {

namespace {

bool isIdChar(char C) {
  if ((C >= '0' && C <= '9') || (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z'))
    return true;
  switch (C) {
  case '!': case '#': case '$': case '%': case '&': case '\'': case '*':
  case '+': case '-': case '.': case '/': case ':': case '<': case '=':
  case '>': case '?': case '@': case '\\': case '^': case '_': case '`':
  case '|': case '~':
    return true;
  default:
    return false;
  }
}

bool isDigit(char C) { return C >= '0' && C <= '9'; }
bool isHexDigit(char C) {
  return isDigit(C) || (C >= 'a' && C <= 'f') || (C >= 'A' && C <= 'F');
}

class Lexer {
public:
  explicit Lexer(std::string_view Source) : Src(Source) {}

  Expected<std::vector<Token>> run() {
    if (Src.size() >= std::numeric_limits<uint32_t>::max())
      return makeError(ErrorKind::Malformed, "source text too large", 0);
    std::vector<Token> Tokens;
    while (true) {
      if (auto Skipped = skipTrivia(); !Skipped)
        return std::unexpected(Skipped.error());
      if (Pos >= Src.size())
        break;
      auto Tok = lexToken();
      if (!Tok)
        return std::unexpected(Tok.error());
      Tokens.push_back(*Tok);
    }
    Tokens.push_back(Token{TokenKind::Eof, static_cast<uint32_t>(Src.size()), {}});
    return Tokens;
  }

private:
  std::unexpected<Error> fail(size_t At, std::string Message) const {
    return makeError(ErrorKind::Malformed, std::move(Message), At);
  }

  bool startsWith(std::string_view Prefix) const { return Src.substr(Pos).starts_with(Prefix); }

  /// Skips whitespace, comments and annotations.
  Expected<void> skipTrivia() {
    while (Pos < Src.size()) {
      char C = Src[Pos];
      if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
        ++Pos;
      } else if (startsWith(";;")) {
        size_t End = Src.find('\n', Pos);
        Pos = End == std::string_view::npos ? Src.size() : End + 1;
      } else if (startsWith("(;")) {
        if (auto R = skipBlockComment(); !R)
          return R;
      } else if (startsWith("(@") && Pos + 2 < Src.size() &&
                 (isIdChar(Src[Pos + 2]) || Src[Pos + 2] == '"')) {
        if (auto R = skipAnnotation(); !R)
          return R;
      } else {
        break;
      }
    }
    return {};
  }

  Expected<void> skipBlockComment() {
    size_t Start = Pos;
    unsigned Depth = 0;
    while (Pos < Src.size()) {
      if (startsWith("(;")) {
        ++Depth;
        Pos += 2;
      } else if (startsWith(";)")) {
        Pos += 2;
        if (--Depth == 0)
          return {};
      } else {
        ++Pos;
      }
    }
    return fail(Start, "unclosed block comment");
  }

  /// Skips `(@name ...)` with balanced parentheses; strings and comments
  /// inside may contain parentheses.
  Expected<void> skipAnnotation() {
    size_t Start = Pos;
    Pos += 2;
    unsigned Depth = 1;
    while (Depth > 0) {
      if (auto R = skipTrivia(); !R)
        return R;
      if (Pos >= Src.size())
        return fail(Start, "unclosed annotation");
      char C = Src[Pos];
      if (C == '(') {
        ++Depth;
        ++Pos;
      } else if (C == ')') {
        --Depth;
        ++Pos;
      } else if (C == '"') {
        if (auto R = skipString(); !R)
          return std::unexpected(R.error());
      } else {
        ++Pos;
      }
    }
    return {};
  }

  /// Moves past one string starting at `Pos`, checking its characters and
  /// escapes. Returns true if the string held non-ASCII source characters.
  Expected<bool> skipString() {
    size_t Start = Pos++;
    bool NonAscii = false;
    while (true) {
      if (Pos >= Src.size())
        return fail(Start, "unclosed string");
      unsigned char C = Src[Pos];
      if (C == '"') {
        ++Pos;
        return NonAscii;
      }
      if (C < 0x20 || C == 0x7f)
        return fail(Pos, "illegal character in string");
      if (C >= 0x80)
        NonAscii = true;
      if (C != '\\') {
        ++Pos;
        continue;
      }
      if (auto R = skipEscape(); !R)
        return std::unexpected(R.error());
    }
  }

  Expected<void> skipEscape() {
    size_t Start = Pos++;
    if (Pos >= Src.size())
      return fail(Start, "unclosed string");
    char C = Src[Pos];
    switch (C) {
    case 't': case 'n': case 'r': case '"': case '\'': case '\\':
      ++Pos;
      return {};
    case 'u': return skipUnicodeEscape(Start);
    default:
      break;
    }
    if (Pos + 1 < Src.size() && isHexDigit(C) && isHexDigit(Src[Pos + 1])) {
      Pos += 2;
      return {};
    }
    return fail(Start, "illegal escape");
  }

  Expected<void> skipUnicodeEscape(size_t Start) {
    ++Pos;
    if (Pos >= Src.size() || Src[Pos] != '{')
      return fail(Start, "illegal escape");
    size_t DigitsStart = ++Pos;
    while (Pos < Src.size() && (isHexDigit(Src[Pos]) || Src[Pos] == '_'))
      ++Pos;
    if (Pos == DigitsStart || Pos >= Src.size() || Src[Pos] != '}')
      return fail(Start, "illegal escape");
    uint64_t CodePoint = 0;
    for (size_t I = DigitsStart; I < Pos; ++I) {
      if (Src[I] == '_')
        continue;
      char D = Src[I];
      CodePoint = CodePoint * 16 + (isDigit(D) ? D - '0' : (D | 0x20) - 'a' + 10);
      if (CodePoint > 0x10ffff)
        return fail(Start, "illegal escape: code point out of range");
    }
    if (CodePoint >= 0xd800 && CodePoint < 0xe000)
      return fail(Start, "illegal escape: surrogate code point");
    ++Pos;
    return {};
  }

  Expected<Token> lexToken() {
    size_t Start = Pos;
    char C = Src[Pos];
    if (C == '(' || C == ')') {
      ++Pos;
      return Token{C == '(' ? TokenKind::LParen : TokenKind::RParen,
                   static_cast<uint32_t>(Start), Src.substr(Start, 1)};
    }
    // A token is a maximal run of idchars and strings; a run mixing the two
    // (or holding other printable characters) is reserved and rejected.
    bool SawIdChar = false, SawOther = false;
    unsigned Strings = 0;
    while (Pos < Src.size()) {
      char D = Src[Pos];
      if (isIdChar(D)) {
        SawIdChar = true;
        ++Pos;
      } else if (D == '"') {
        auto NonAscii = skipString();
        if (!NonAscii)
          return std::unexpected(NonAscii.error());
        if (*NonAscii && !isValidUtf8(asBytes(Src.substr(Start, Pos - Start))))
          return fail(Start, "malformed UTF-8 encoding");
        ++Strings;
      } else if (D == ',' || D == '[' || D == ']' || D == '{' || D == '}' ||
                 (D == ';' && !startsWith(";;"))) {
        SawOther = true;
        ++Pos;
      } else {
        break;
      }
    }
    if (Pos == Start)
      return fail(Start, "unexpected character '" + printable(C) + "'");
    std::string_view Text = Src.substr(Start, Pos - Start);
    auto Kind = classify(Text, SawIdChar, SawOther, Strings);
    if (!Kind)
      return fail(Start, "unknown operator '" + std::string(Text.substr(0, 40)) + "'");
    return Token{*Kind, static_cast<uint32_t>(Start), Text};
  }

  static std::optional<TokenKind> classify(std::string_view Text, bool SawIdChar,
                                           bool SawOther, unsigned Strings) {
    if (SawOther)
      return std::nullopt;
    if (Strings == 1 && !SawIdChar)
      return TokenKind::String;
    // `$"..."` is an identifier written as a string (3.0).
    if (Strings == 1 && Text.size() > 2 && Text[0] == '$' && Text[1] == '"')
      return TokenKind::Id;
    if (Strings != 0)
      return std::nullopt;
    if (Text[0] == '$')
      return Text.size() > 1 ? std::optional(TokenKind::Id) : std::nullopt;
    if (auto Num = classifyNumber(Text))
      return *Num == NumberShape::Integer ? TokenKind::Integer : TokenKind::Float;
    if (Text[0] >= 'a' && Text[0] <= 'z')
      return TokenKind::Keyword;
    return std::nullopt;
  }

  static std::span<const uint8_t> asBytes(std::string_view S) {
    return {reinterpret_cast<const uint8_t *>(S.data()), S.size()};
  }

  static std::string printable(char C) {
    unsigned char U = C;
    if (U >= 0x20 && U < 0x7f)
      return std::string(1, C);
    return "\\" + hexByte(U).substr(2);
  }

  std::string_view Src;
  size_t Pos = 0;
};

unsigned hexValue(char C) {
  return isDigit(C) ? unsigned(C - '0') : unsigned((C | 0x20) - 'a' + 10);
}

void appendUtf8(std::string &Out, uint32_t CodePoint) {
  if (CodePoint < 0x80) {
    Out += char(CodePoint);
  } else if (CodePoint < 0x800) {
    Out += char(0xc0 | (CodePoint >> 6));
    Out += char(0x80 | (CodePoint & 0x3f));
  } else if (CodePoint < 0x10000) {
    Out += char(0xe0 | (CodePoint >> 12));
    Out += char(0x80 | ((CodePoint >> 6) & 0x3f));
    Out += char(0x80 | (CodePoint & 0x3f));
  } else {
    Out += char(0xf0 | (CodePoint >> 18));
    Out += char(0x80 | ((CodePoint >> 12) & 0x3f));
    Out += char(0x80 | ((CodePoint >> 6) & 0x3f));
    Out += char(0x80 | (CodePoint & 0x3f));
  }
}

} // namespace

Expected<std::vector<Token>> tokenize(std::string_view Source) { return Lexer(Source).run(); }

std::string decodeString(std::string_view Quoted) {
  std::string Out;
  size_t I = Quoted.find('"') + 1;
  const size_t End = Quoted.size() - 1;
  while (I < End) {
    char C = Quoted[I];
    if (C != '\\') {
      Out += C;
      ++I;
      continue;
    }
    char E = Quoted[I + 1];
    I += 2;
    switch (E) {
    case 't': Out += '\t'; continue;
    case 'n': Out += '\n'; continue;
    case 'r': Out += '\r'; continue;
    case '"': Out += '"'; continue;
    case '\'': Out += '\''; continue;
    case '\\': Out += '\\'; continue;
    case 'u': {
      uint32_t CodePoint = 0;
      for (++I; Quoted[I] != '}'; ++I)
        if (Quoted[I] != '_')
          CodePoint = CodePoint * 16 + hexValue(Quoted[I]);
      ++I;
      appendUtf8(Out, CodePoint);
      continue;
    }
    default:
      Out += char(hexValue(E) * 16 + hexValue(Quoted[I]));
      ++I;
    }
  }
  return Out;
}

} // namespace kiln::text
