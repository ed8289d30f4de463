//===- ByteReaderTest.cpp - LEB128, bounds and UTF-8 ----------------------===//
#include "kiln/Support/ByteReader.h"

#include <gtest/gtest.h>

#include <vector>

using namespace kiln;

namespace {
ByteReader readerOf(const std::vector<uint8_t> &Bytes) { return ByteReader(Bytes); }

TEST(ByteReaderTest, UnsignedLEBAcceptsMinimalAndPaddedEncodings) {
  std::vector<uint8_t> Bytes = {0x00, 0x7f, 0x80, 0x01, 0xe5, 0x8e, 0x26, 0x80, 0x80, 0x00};
  ByteReader R = readerOf(Bytes);
  EXPECT_EQ(*R.readVarU32(), 0u);
  EXPECT_EQ(*R.readVarU32(), 127u);
  EXPECT_EQ(*R.readVarU32(), 128u);
  EXPECT_EQ(*R.readVarU32(), 624485u);
  // Padding with 0x80 continuation bytes is allowed up to the size limit.
  EXPECT_EQ(*R.readVarU32(), 0u);
  EXPECT_TRUE(R.atEnd());
}

TEST(ByteReaderTest, UnsignedLEB32Limits) {
  std::vector<uint8_t> Max = {0xff, 0xff, 0xff, 0xff, 0x0f};
  EXPECT_EQ(*readerOf(Max).readVarU32(), 0xffffffffu);
  // Unused bits in the fifth byte must be zero.
  std::vector<uint8_t> TooLarge = {0xff, 0xff, 0xff, 0xff, 0x1f};
  auto E1 = readerOf(TooLarge).readVarU32();
  ASSERT_FALSE(E1);
  EXPECT_NE(E1.error().message().find("integer too large"), std::string::npos);
  // Six bytes is always too long for 32 bits.
  std::vector<uint8_t> TooLong = {0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
  auto E2 = readerOf(TooLong).readVarU32();
  ASSERT_FALSE(E2);
  EXPECT_NE(E2.error().message().find("integer representation too long"), std::string::npos);
  EXPECT_EQ(E2.error().kind(), ErrorKind::Malformed);
}

TEST(ByteReaderTest, SignedLEB32) {
  std::vector<uint8_t> Bytes = {0x7f, 0x80, 0x7f, 0xff, 0xff, 0xff, 0xff, 0x07,
                                0x80, 0x80, 0x80, 0x80, 0x78};
  ByteReader R = readerOf(Bytes);
  EXPECT_EQ(*R.readVarS32(), -1);
  EXPECT_EQ(*R.readVarS32(), -128);
  EXPECT_EQ(*R.readVarS32(), INT32_MAX);
  EXPECT_EQ(*R.readVarS32(), INT32_MIN);
}

TEST(ByteReaderTest, SignedLEBUnusedBitsMustExtendTheSign) {
  // 0x70 in the fifth byte: sign bit (bit 3) is 0 but unused bits are set.
  std::vector<uint8_t> Bad = {0xff, 0xff, 0xff, 0xff, 0x70};
  EXPECT_FALSE(readerOf(Bad).readVarS32());
  // 0x0f: sign bit set, unused bits clear.
  std::vector<uint8_t> Bad2 = {0x80, 0x80, 0x80, 0x80, 0x0f};
  EXPECT_FALSE(readerOf(Bad2).readVarS32());
}

TEST(ByteReaderTest, SignedLEB64) {
  std::vector<uint8_t> Min = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f};
  EXPECT_EQ(*readerOf(Min).readVarS64(), INT64_MIN);
  std::vector<uint8_t> Bad = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01};
  EXPECT_FALSE(readerOf(Bad).readVarS64());
}

TEST(ByteReaderTest, UnsignedLEB64) {
  std::vector<uint8_t> Max = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01};
  EXPECT_EQ(*readerOf(Max).readVarU64(), UINT64_MAX);
  std::vector<uint8_t> Bad = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02};
  EXPECT_FALSE(readerOf(Bad).readVarU64());
}

TEST(ByteReaderTest, S33CoversBlockTypeIndices) {
  std::vector<uint8_t> Bytes = {0xff, 0xff, 0xff, 0xff, 0x0f, 0x40};
  ByteReader R = readerOf(Bytes);
  EXPECT_EQ(*R.readVarS33(), 0xffffffffLL);
  EXPECT_EQ(*R.readVarS33(), -64);
}

TEST(ByteReaderTest, TruncatedIntegerReportsItsStartOffset) {
  std::vector<uint8_t> Bytes = {0x00, 0x80, 0x80};
  ByteReader R(Bytes, 100);
  EXPECT_EQ(*R.readByte(), 0);
  auto V = R.readVarU32();
  ASSERT_FALSE(V);
  EXPECT_EQ(V.error().byteOffset(), 101u);
}

TEST(ByteReaderTest, SplitKeepsAbsoluteOffsets) {
  std::vector<uint8_t> Bytes = {1, 2, 3, 4, 5};
  ByteReader R(Bytes, 10);
  (void)R.readByte();
  auto Sub = R.split(2);
  ASSERT_TRUE(Sub);
  EXPECT_EQ(Sub->offset(), 11u);
  EXPECT_EQ(R.offset(), 13u);
  EXPECT_FALSE(R.split(3));
}

TEST(ByteReaderTest, FixedWidthIsLittleEndian) {
  std::vector<uint8_t> Bytes = {0x78, 0x56, 0x34, 0x12, 1, 0, 0, 0, 0, 0, 0, 0x80};
  ByteReader R = readerOf(Bytes);
  EXPECT_EQ(*R.readFixedU32(), 0x12345678u);
  EXPECT_EQ(*R.readFixedU64(), 0x8000000000000001ull);
  EXPECT_FALSE(R.readFixedU32());
}

TEST(ByteReaderTest, NamesMustBeUtf8AndFit) {
  std::vector<uint8_t> Good = {3, 'a', 0xc3, 0xa9};
  EXPECT_EQ(*readerOf(Good).readName(), "a\xc3\xa9");
  std::vector<uint8_t> Overlong = {2, 0xc0, 0x80};
  auto E = readerOf(Overlong).readName();
  ASSERT_FALSE(E);
  EXPECT_NE(E.error().message().find("malformed UTF-8 encoding"), std::string::npos);
  std::vector<uint8_t> Short = {5, 'a'};
  auto E2 = readerOf(Short).readName();
  ASSERT_FALSE(E2);
  EXPECT_NE(E2.error().message().find("length out of bounds"), std::string::npos);
}

TEST(Utf8Test, RejectsSurrogatesAndOutOfRange) {
  auto Check = [](std::vector<uint8_t> Bytes) { return isValidUtf8(Bytes); };
  EXPECT_TRUE(Check({0xf0, 0x9f, 0x98, 0x80}));  // U+1F600
  EXPECT_FALSE(Check({0xed, 0xa0, 0x80}));       // U+D800 surrogate
  EXPECT_FALSE(Check({0xf4, 0x90, 0x80, 0x80})); // U+110000
  EXPECT_FALSE(Check({0xe0, 0x80, 0x80}));       // overlong
  EXPECT_FALSE(Check({0x80}));                   // stray continuation
  EXPECT_FALSE(Check({0xc3}));                   // truncated
  EXPECT_FALSE(Check({0xff}));
}

TEST(ErrorTest, FormatsLikeACompilerDiagnostic) {
  Error E(ErrorKind::Malformed, "expected 'end' (0x0b), found 0x41", 0x1a3);
  E.inFunction(4);
  EXPECT_EQ(E.format("m.wasm"), "m.wasm:0x1a3: in function 4: expected 'end' (0x0b), found 0x41");
  EXPECT_EQ(Error(ErrorKind::Io, "cannot open").format(), "cannot open");
}
} // namespace
