//===- LexerTest.cpp - Tokens, comments, annotations, strings -------------===//
#include "kiln/Text/Lexer.h"

#include <gtest/gtest.h>

using namespace kiln;
using namespace kiln::text;

namespace {

std::vector<TokenKind> kinds(std::string_view Source) {
  auto Tokens = tokenize(Source);
  EXPECT_TRUE(Tokens.has_value()) << (Tokens ? "" : Tokens.error().message());
  std::vector<TokenKind> Out;
  if (Tokens)
    for (const Token &T : *Tokens)
      Out.push_back(T.Kind);
  return Out;
}

std::string lexError(std::string_view Source) {
  auto Tokens = tokenize(Source);
  EXPECT_FALSE(Tokens.has_value()) << Source;
  return Tokens ? std::string() : Tokens.error().message();
}

using enum TokenKind;

TEST(LexerTest, ClassifiesAtoms) {
  EXPECT_EQ(kinds("(module $m i32.add 42 -0x1F 1.5e3 inf -nan nan:0x7f \"s\")"),
            (std::vector{LParen, Keyword, Id, Keyword, Integer, Integer, Float, Float, Float,
                         Float, String, RParen, Eof}));
  EXPECT_EQ(kinds("offset=4 align=8 nan:canonical"), (std::vector{Keyword, Keyword, Keyword, Eof}));
}

TEST(LexerTest, KeepsOffsetsAndText) {
  auto Tokens = tokenize("  (nop)\n $x");
  ASSERT_TRUE(Tokens);
  ASSERT_EQ(Tokens->size(), 5u);
  EXPECT_EQ((*Tokens)[1].Offset, 3u);
  EXPECT_EQ((*Tokens)[1].Text, "nop");
  EXPECT_EQ((*Tokens)[3].Text, "$x");
  EXPECT_EQ((*Tokens)[3].Offset, 9u);
}

TEST(LexerTest, SkipsCommentsAndAnnotations) {
  EXPECT_EQ(kinds(";; line\n(; block (; nested ;) still ;) nop;;tail"), (std::vector{Keyword, Eof}));
  EXPECT_EQ(kinds("(@custom \"x\" (a (b \")\")) c) nop (@a)"), (std::vector{Keyword, Eof}));
  // A token ends where a comment starts.
  EXPECT_EQ(kinds("nop;;x\nnop(;c;)nop"), (std::vector{Keyword, Keyword, Keyword, Eof}));
}

TEST(LexerTest, RejectsReservedTokens) {
  // Strings glued to atoms, lone `$`, and malformed numbers are reserved.
  EXPECT_NE(lexError("data\"a\"").find("unknown operator"), std::string::npos);
  EXPECT_NE(lexError("$l\"a\"").find("unknown operator"), std::string::npos);
  EXPECT_NE(lexError("$").find("unknown operator"), std::string::npos);
  for (const char *Bad : {"0x", "1x", "0xg", "_1", "1_", "1__0", "+_1", ".5", "0e", "0x.p1", "1.0_"})
    EXPECT_NE(lexError(Bad).find("unknown operator"), std::string::npos) << Bad;
  EXPECT_NE(lexError("a,b").find("unknown operator"), std::string::npos);
}

TEST(LexerTest, RejectsBrokenInput) {
  EXPECT_NE(lexError("\"abc").find("unclosed string"), std::string::npos);
  EXPECT_NE(lexError("(; open").find("unclosed block comment"), std::string::npos);
  EXPECT_NE(lexError("\"\\q\"").find("illegal escape"), std::string::npos);
  EXPECT_NE(lexError("\"\\u{110000}\"").find("illegal escape"), std::string::npos);
  EXPECT_NE(lexError("\"\\u{d800}\"").find("illegal escape"), std::string::npos);
  EXPECT_NE(lexError("\"a\tb\"").find("illegal character"), std::string::npos);
  EXPECT_NE(lexError("\"\xff\"").find("malformed UTF-8"), std::string::npos);
  EXPECT_NE(lexError("\x01").find("unexpected character"), std::string::npos);
}

TEST(LexerTest, DecodesEveryEscape) {
  EXPECT_EQ(decodeString(R"("a\t\n\r\"\'\\")"), "a\t\n\r\"'\\");
  EXPECT_EQ(decodeString(R"("\00\ff\7F")"), std::string("\x00\xff\x7f", 3));
  EXPECT_EQ(decodeString(R"("\u{41}\u{e9}\u{20AC}\u{1F600}")"),
            "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
  EXPECT_EQ(decodeString("\"\xe2\x82\xac\""), "\xe2\x82\xac"); // raw UTF-8 passes through
  EXPECT_EQ(decodeString(R"($"quoted id")"), "quoted id");
}

} // namespace
