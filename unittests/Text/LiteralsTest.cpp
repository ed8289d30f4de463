//===- LiteralsTest.cpp - Integer and float literals ----------------------===//
#include "kiln/Text/Literals.h"

#include <gtest/gtest.h>

using namespace kiln::text;

namespace {

uint32_t f32(std::string_view Text) {
  auto R = parseF32Literal(Text);
  EXPECT_TRUE(R) << Text;
  return R ? *R : 0xdeadbeef;
}

uint64_t f64(std::string_view Text) {
  auto R = parseF64Literal(Text);
  EXPECT_TRUE(R) << Text;
  return R ? *R : 0xdeadbeef;
}

TEST(LiteralsTest, Integers) {
  EXPECT_EQ(*parseIntLiteral("0", 32), 0u);
  EXPECT_EQ(*parseIntLiteral("4294967295", 32), 0xffffffffu);
  EXPECT_EQ(*parseIntLiteral("-1", 32), 0xffffffffu);
  EXPECT_EQ(*parseIntLiteral("-2147483648", 32), 0x80000000u);
  EXPECT_EQ(*parseIntLiteral("0x0_9acf_fBDF", 32), 0x09acffbdu * 16 + 0xf);
  EXPECT_EQ(*parseIntLiteral("+0x7fffffff", 32), 0x7fffffffu);
  EXPECT_EQ(*parseIntLiteral("18446744073709551615", 64), ~uint64_t(0));
  EXPECT_EQ(*parseIntLiteral("-9223372036854775808", 64), uint64_t(1) << 63);
  EXPECT_EQ(*parseIntLiteral("1_000_000", 64), 1000000u);
  for (const char *Bad : {"4294967296", "-2147483649", "0x100000000"})
    EXPECT_EQ(parseIntLiteral(Bad, 32).Error, LiteralError::OutOfRange) << Bad;
  EXPECT_EQ(parseIntLiteral("18446744073709551616", 64).Error, LiteralError::OutOfRange);
  EXPECT_EQ(parseIntLiteral("-9223372036854775809", 64).Error, LiteralError::OutOfRange);
  EXPECT_EQ(parseIntLiteral("1.0", 32).Error, LiteralError::Syntax);
  EXPECT_EQ(parseUnsignedLiteral("-1", 32).Error, LiteralError::Syntax);
  EXPECT_EQ(*parseUnsignedLiteral("0xff", 8), 255u);
  EXPECT_EQ(parseUnsignedLiteral("256", 8).Error, LiteralError::OutOfRange);
}

TEST(LiteralsTest, FloatSpecials) {
  EXPECT_EQ(f32("inf"), 0x7f800000u);
  EXPECT_EQ(f32("-inf"), 0xff800000u);
  EXPECT_EQ(f32("nan"), 0x7fc00000u);
  EXPECT_EQ(f32("-nan"), 0xffc00000u);
  EXPECT_EQ(f32("nan:0x1"), 0x7f800001u);
  EXPECT_EQ(f32("-nan:0x7f_ffff"), 0xffffffffu);
  EXPECT_EQ(f64("nan:0x8000000000000"), 0x7ff8000000000000u);
  EXPECT_EQ(f64("+nan:0xfffffffffffff"), 0x7fffffffffffffffu);
  EXPECT_EQ(f32("-0"), 0x80000000u);
  EXPECT_EQ(f64("-0.0"), uint64_t(1) << 63);
  EXPECT_EQ(parseF32Literal("nan:0x0").Error, LiteralError::OutOfRange);
  EXPECT_EQ(parseF32Literal("nan:0x800000").Error, LiteralError::OutOfRange);
  EXPECT_EQ(parseF64Literal("nan:0x10000000000000").Error, LiteralError::OutOfRange);
}

TEST(LiteralsTest, DecimalAndHexFloats) {
  EXPECT_EQ(f32("1"), 0x3f800000u);
  EXPECT_EQ(f32("1."), 0x3f800000u);
  EXPECT_EQ(f32("1.e1"), 0x41200000u);
  EXPECT_EQ(f32("0x1p-1"), 0x3f000000u);
  EXPECT_EQ(f32("0x1.8p1"), 0x40400000u);
  EXPECT_EQ(parseF32Literal("0x.8p1").Error, LiteralError::Syntax); // needs a leading digit
  EXPECT_EQ(f32("0x1."), 0x3f800000u);
  EXPECT_EQ(f32("0x1_0.0_8p-0_4"), 0x3f804000u);
  EXPECT_EQ(f32("1_000.000_1"), 0x447a0002u);
  EXPECT_EQ(f64("0x1.fffffffffffffp1023"), 0x7fefffffffffffffu);
  EXPECT_EQ(f64("1e-323"), 2u);
  EXPECT_EQ(f32("0x1p-149"), 1u);
}

TEST(LiteralsTest, RoundsToNearestEvenInTheTargetWidth) {
  // Just above the halfway point between 1 and the next f32. Through double
  // this would round to the halfway point first and then to even (1.0).
  EXPECT_EQ(f32("1.0000000596046447753906250001"), 0x3f800001u);
  EXPECT_EQ(f32("0x1.000001000000000001p0"), 0x3f800001u);
  EXPECT_EQ(f32("0x1.000001p0"), 0x3f800000u); // exactly halfway: to even
  EXPECT_EQ(f32("0x1.000003p0"), 0x3f800002u); // halfway, odd below: up
  EXPECT_EQ(f64("0x1.00000000000008p0"), 0x3ff0000000000000u);
  EXPECT_EQ(f64("0x1.00000000000008000000001p0"), 0x3ff0000000000001u);
  // Underflow rounds to (signed) zero or the smallest subnormal.
  EXPECT_EQ(f32("0x1p-150"), 0u);
  EXPECT_EQ(f32("-0x1p-150"), 0x80000000u);
  EXPECT_EQ(f32("0x1.000001p-150"), 1u);
  // Halfway between the largest subnormal and the smallest normal: to even.
  EXPECT_EQ(f64("-0x1.fffffffffffffp-1023"), 0x8010000000000000u);
  EXPECT_EQ(f32("0x1.fffffep-127"), 0x00800000u);
  EXPECT_EQ(f32("1e-50"), 0u);
  EXPECT_EQ(f64("-1e-400"), uint64_t(1) << 63);
  // The largest finite values, and what rounds past them.
  EXPECT_EQ(f32("0x1.fffffefffffffffp127"), 0x7f7fffffu);
  EXPECT_EQ(f32("340282356779733661637539395458142568447"), 0x7f7fffffu);
  for (const char *Big : {"0x1p128", "0x1.ffffffp127", "1e39", "340282356779733661637539395458142568448"})
    EXPECT_EQ(parseF32Literal(Big).Error, LiteralError::OutOfRange) << Big;
  EXPECT_EQ(parseF64Literal("0x1.fffffffffffff8p1023").Error, LiteralError::OutOfRange);
  EXPECT_EQ(parseF64Literal("1e309").Error, LiteralError::OutOfRange);
  EXPECT_EQ(parseF64Literal("1e99999999999999999999").Error, LiteralError::OutOfRange);
  EXPECT_EQ(f64("1e-99999999999999999999"), 0u);
}

TEST(LiteralsTest, Lanes) {
  EXPECT_EQ(laneShapeFromName("i16x8"), LaneShape::I16x8);
  EXPECT_FALSE(laneShapeFromName("i8x8"));
  EXPECT_EQ(laneCount(LaneShape::F64x2), 2u);
  EXPECT_EQ(*parseLaneLiteral("-128", LaneShape::I8x16), 0x80u);
  EXPECT_EQ(*parseLaneLiteral("255", LaneShape::I8x16), 0xffu);
  EXPECT_EQ(parseLaneLiteral("256", LaneShape::I8x16).Error, LiteralError::OutOfRange);
  EXPECT_EQ(*parseLaneLiteral("1.5", LaneShape::F32x4), 0x3fc00000u);
  uint8_t V[16] = {};
  storeLane(V, LaneShape::I16x8, 1, 0xabcd);
  EXPECT_EQ(V[2], 0xcd);
  EXPECT_EQ(V[3], 0xab);
}

} // namespace
