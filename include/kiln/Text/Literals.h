//===- kiln/Text/Literals.h - Numbers of the text format ---------*- C++ -*-===//
//
// Integer and float literals as the text format spells them (sign, hex,
// `_` separators, hex floats, inf, nan, nan:0x...). Floats are rounded to
// nearest-even directly in the target width: an f32 literal never passes
// through double, which would round twice.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TEXT_LITERALS_H
#define KILN_TEXT_LITERALS_H

#include <cstdint>
#include <optional>
#include <string_view>

namespace kiln::text {

/// Why a literal was rejected.
enum class LiteralError : uint8_t {
  Syntax,     ///< Not a number of the required shape.
  OutOfRange, ///< Well-formed but too large for the type ("constant out of range").
};

/// Either a value or a `LiteralError`.
template <typename T> struct LiteralResult {
  std::optional<T> Value;
  LiteralError Error = LiteralError::Syntax;

  static LiteralResult fail(LiteralError E) { return {std::nullopt, E}; }
  explicit operator bool() const { return Value.has_value(); }
  const T &operator*() const { return *Value; }
};

/// The lexical shape of a number token.
enum class NumberShape : uint8_t { Integer, Float };

/// Classifies `Text` by the spec's number productions (`_` only between
/// digits, `0x` lowercase, at least one digit before a `.`), or nullopt when it
/// is no number at all.
std::optional<NumberShape> classifyNumber(std::string_view Text);

/// An unsigned `Bits`-wide literal (`uN`): digits or 0x hexdigits, no sign.
LiteralResult<uint64_t> parseUnsignedLiteral(std::string_view Text, unsigned Bits);

/// An `iN` literal as its two's-complement bit pattern: unsigned values up to
/// 2^Bits-1, or with a `-` sign down to -2^(Bits-1).
LiteralResult<uint64_t> parseIntLiteral(std::string_view Text, unsigned Bits);

/// An f32 literal (integer syntax is accepted too) as IEEE bits.
LiteralResult<uint32_t> parseF32Literal(std::string_view Text);

/// An f64 literal (integer syntax is accepted too) as IEEE bits.
LiteralResult<uint64_t> parseF64Literal(std::string_view Text);

/// The lane interpretations `v128.const` can be written in.
enum class LaneShape : uint8_t { I8x16, I16x8, I32x4, I64x2, F32x4, F64x2 };

/// The shape named `i8x16`, ..., `f64x2`.
std::optional<LaneShape> laneShapeFromName(std::string_view Name);
unsigned laneCount(LaneShape Shape);
/// Width of one lane in bits.
unsigned laneBits(LaneShape Shape);
bool isFloatShape(LaneShape Shape);

/// One lane literal of `Shape`: an `iN` integer for integer shapes, a float
/// (or integer) for float shapes. Returns the lane's bits.
LiteralResult<uint64_t> parseLaneLiteral(std::string_view Text, LaneShape Shape);

/// Stores the low `laneBits(Shape)` bits of `Bits` as lane `Lane` of a
/// little-endian 16-byte vector.
void storeLane(uint8_t *Vector, LaneShape Shape, unsigned Lane, uint64_t Bits);

} // namespace kiln::text

#endif // KILN_TEXT_LITERALS_H
