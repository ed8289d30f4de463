//===- Literals.cpp - Numbers of the text format --------------------------===//
#include "kiln/Text/Literals.h"

#include <bit>
#include <charconv>
#include <string>

namespace kiln::text {

namespace {

bool isDigit(char C) { return C >= '0' && C <= '9'; }
bool isHexDigit(char C) {
  return isDigit(C) || (C >= 'a' && C <= 'f') || (C >= 'A' && C <= 'F');
}
unsigned digitValue(char C) {
  return isDigit(C) ? unsigned(C - '0') : unsigned((C | 0x20) - 'a' + 10);
}

/// Consumes `digit ('_'? digit)*` (hex digits if `Hex`) from `S` at `I`.
/// Fails unless at least one digit was read and no `_` dangles.
bool eatDigits(std::string_view S, size_t &I, bool Hex) {
  auto IsD = Hex ? isHexDigit : isDigit;
  if (I >= S.size() || !IsD(S[I]))
    return false;
  ++I;
  while (I < S.size()) {
    if (S[I] == '_') {
      if (I + 1 >= S.size() || !IsD(S[I + 1]))
        return false;
      I += 2;
    } else if (IsD(S[I])) {
      ++I;
    } else {
      break;
    }
  }
  return true;
}

std::string withoutUnderscores(std::string_view S) {
  std::string Out;
  Out.reserve(S.size());
  for (char C : S)
    if (C != '_')
      Out += C;
  return Out;
}

/// The magnitude of `sign? (num | 0x hexnum)`; Overflow when above 2^64-1.
struct Magnitude {
  bool Negative = false;
  bool Overflow = false;
  uint64_t Value = 0;
};

std::optional<Magnitude> readInteger(std::string_view Text, bool AllowSign) {
  if (classifyNumber(Text) != NumberShape::Integer)
    return std::nullopt;
  Magnitude M;
  size_t I = 0;
  if (Text[0] == '+' || Text[0] == '-') {
    if (!AllowSign)
      return std::nullopt;
    M.Negative = Text[0] == '-';
    ++I;
  }
  unsigned Base = 10;
  if (Text.substr(I).starts_with("0x")) {
    Base = 16;
    I += 2;
  }
  for (; I < Text.size(); ++I) {
    if (Text[I] == '_')
      continue;
    unsigned D = digitValue(Text[I]);
    if (M.Value > (UINT64_MAX - D) / Base)
      M.Overflow = true;
    M.Value = M.Value * Base + D;
  }
  return M;
}

/// IEEE-754 layout of a binary float type.
template <typename UInt> struct Layout;
template <> struct Layout<uint32_t> {
  using Float = float;
  static constexpr unsigned MantissaBits = 23;
};
template <> struct Layout<uint64_t> {
  using Float = double;
  static constexpr unsigned MantissaBits = 52;
};

/// Decides whether a literal that `from_chars` found out of range was too
/// small (it rounds to zero) or too large. `Body` has no sign, no `_`, and no
/// `0x`; `Hex` selects base 16 digits with a binary exponent.
bool isTinyMagnitude(std::string_view Body, bool Hex) {
  const char ExpChar = Hex ? 'p' : 'e';
  int64_t DigitPos = 0;      // position of the current digit relative to the point
  int64_t FirstNonZero = 1;  // 1 means "none yet"
  bool SeenPoint = false;
  int64_t IntDigits = 0;
  size_t I = 0;
  for (; I < Body.size() && (Body[I] | 0x20) != ExpChar; ++I) {
    if (Body[I] == '.') {
      SeenPoint = true;
      continue;
    }
    if (!SeenPoint)
      ++IntDigits;
    if (FirstNonZero == 1 && Body[I] != '0')
      FirstNonZero = DigitPos;
    ++DigitPos;
  }
  int64_t Exp = 0;
  if (I < Body.size()) {
    ++I;
    bool Neg = Body[I] == '-';
    if (Body[I] == '-' || Body[I] == '+')
      ++I;
    for (; I < Body.size(); ++I)
      Exp = std::min<int64_t>(Exp * 10 + (Body[I] - '0'), int64_t(1) << 40);
    if (Neg)
      Exp = -Exp;
  }
  // Exponent of the leading non-zero digit, in the literal's base.
  int64_t Leading = IntDigits - 1 - FirstNonZero;
  return (Hex ? Leading * 4 : Leading) + Exp < 0;
}

template <typename UInt> LiteralResult<UInt> parseFloat(std::string_view Text) {
  using L = Layout<UInt>;
  using Result = LiteralResult<UInt>;
  constexpr unsigned Width = sizeof(UInt) * 8;
  constexpr UInt SignBit = UInt(1) << (Width - 1);
  constexpr UInt ExpMask = ~SignBit & ~((UInt(1) << L::MantissaBits) - 1);
  constexpr UInt MantMask = (UInt(1) << L::MantissaBits) - 1;
  if (!classifyNumber(Text))
    return Result::fail(LiteralError::Syntax);
  UInt Sign = 0;
  if (Text[0] == '+' || Text[0] == '-') {
    Sign = Text[0] == '-' ? SignBit : 0;
    Text.remove_prefix(1);
  }
  if (Text == "inf")
    return {Sign | ExpMask};
  if (Text == "nan")
    return {Sign | ExpMask | (UInt(1) << (L::MantissaBits - 1))};
  if (Text.starts_with("nan:0x")) {
    auto Payload = readInteger(Text.substr(4), false);
    if (!Payload || Payload->Overflow || Payload->Value == 0 || Payload->Value > MantMask)
      return Result::fail(LiteralError::OutOfRange);
    return {Sign | ExpMask | UInt(Payload->Value)};
  }
  bool Hex = Text.starts_with("0x");
  std::string Body = withoutUnderscores(Hex ? Text.substr(2) : Text);
  typename L::Float Value{};
  auto Format = Hex ? std::chars_format::hex : std::chars_format::general;
  auto [Ptr, Ec] = std::from_chars(Body.data(), Body.data() + Body.size(), Value, Format);
  if (Ec == std::errc::result_out_of_range) {
    if (!isTinyMagnitude(Body, Hex))
      return Result::fail(LiteralError::OutOfRange);
    return {Sign}; // Rounds to zero, keeping the sign.
  }
  if (Ec != std::errc() || Ptr != Body.data() + Body.size())
    return Result::fail(LiteralError::Syntax);
  UInt Bits = std::bit_cast<UInt>(Value);
  if ((Bits & ExpMask) == ExpMask)
    return Result::fail(LiteralError::OutOfRange);
  return {Sign | Bits};
}

} // namespace

std::optional<NumberShape> classifyNumber(std::string_view S) {
  size_t I = 0;
  if (I < S.size() && (S[I] == '+' || S[I] == '-'))
    ++I;
  std::string_view Rest = S.substr(I);
  if (Rest == "inf" || Rest == "nan")
    return NumberShape::Float;
  if (Rest.starts_with("nan:0x")) {
    size_t J = I + 6;
    return eatDigits(S, J, true) && J == S.size() ? std::optional(NumberShape::Float)
                                                  : std::nullopt;
  }
  bool Hex = Rest.starts_with("0x");
  if (Hex)
    I += 2;
  if (!eatDigits(S, I, Hex))
    return std::nullopt;
  if (I == S.size())
    return NumberShape::Integer;
  if (S[I] == '.') {
    ++I;
    if (I < S.size() && (Hex ? isHexDigit(S[I]) : isDigit(S[I])) && !eatDigits(S, I, Hex))
      return std::nullopt;
  }
  if (I < S.size() && (Hex ? (S[I] == 'p' || S[I] == 'P') : (S[I] == 'e' || S[I] == 'E'))) {
    ++I;
    if (I < S.size() && (S[I] == '+' || S[I] == '-'))
      ++I;
    if (!eatDigits(S, I, false))
      return std::nullopt;
  }
  return I == S.size() ? std::optional(NumberShape::Float) : std::nullopt;
}

LiteralResult<uint64_t> parseUnsignedLiteral(std::string_view Text, unsigned Bits) {
  auto M = readInteger(Text, false);
  if (!M)
    return LiteralResult<uint64_t>::fail(LiteralError::Syntax);
  if (M->Overflow || (Bits < 64 && M->Value >> Bits))
    return LiteralResult<uint64_t>::fail(LiteralError::OutOfRange);
  return {M->Value};
}

LiteralResult<uint64_t> parseIntLiteral(std::string_view Text, unsigned Bits) {
  auto M = readInteger(Text, true);
  if (!M)
    return LiteralResult<uint64_t>::fail(LiteralError::Syntax);
  const uint64_t Mask = Bits == 64 ? ~uint64_t(0) : (uint64_t(1) << Bits) - 1;
  if (M->Overflow)
    return LiteralResult<uint64_t>::fail(LiteralError::OutOfRange);
  if (!M->Negative) {
    if (M->Value > Mask)
      return LiteralResult<uint64_t>::fail(LiteralError::OutOfRange);
    return {M->Value};
  }
  if (M->Value > (uint64_t(1) << (Bits - 1)))
    return LiteralResult<uint64_t>::fail(LiteralError::OutOfRange);
  return {(0 - M->Value) & Mask};
}

LiteralResult<uint32_t> parseF32Literal(std::string_view Text) {
  return parseFloat<uint32_t>(Text);
}

LiteralResult<uint64_t> parseF64Literal(std::string_view Text) {
  return parseFloat<uint64_t>(Text);
}

std::optional<LaneShape> laneShapeFromName(std::string_view Name) {
  if (Name == "i8x16") return LaneShape::I8x16;
  if (Name == "i16x8") return LaneShape::I16x8;
  if (Name == "i32x4") return LaneShape::I32x4;
  if (Name == "i64x2") return LaneShape::I64x2;
  if (Name == "f32x4") return LaneShape::F32x4;
  if (Name == "f64x2") return LaneShape::F64x2;
  return std::nullopt;
}

unsigned laneBits(LaneShape Shape) {
  switch (Shape) {
  case LaneShape::I8x16: return 8;
  case LaneShape::I16x8: return 16;
  case LaneShape::I32x4:
  case LaneShape::F32x4: return 32;
  case LaneShape::I64x2:
  case LaneShape::F64x2: return 64;
  }
  return 8;
}

unsigned laneCount(LaneShape Shape) { return 128 / laneBits(Shape); }

bool isFloatShape(LaneShape Shape) {
  return Shape == LaneShape::F32x4 || Shape == LaneShape::F64x2;
}

LiteralResult<uint64_t> parseLaneLiteral(std::string_view Text, LaneShape Shape) {
  if (Shape == LaneShape::F32x4) {
    auto V = parseF32Literal(Text);
    return V ? LiteralResult<uint64_t>{*V} : LiteralResult<uint64_t>::fail(V.Error);
  }
  if (Shape == LaneShape::F64x2)
    return parseF64Literal(Text);
  return parseIntLiteral(Text, laneBits(Shape));
}

void storeLane(uint8_t *Vector, LaneShape Shape, unsigned Lane, uint64_t Bits) {
  const unsigned Bytes = laneBits(Shape) / 8;
  for (unsigned I = 0; I < Bytes; ++I)
    Vector[Lane * Bytes + I] = static_cast<uint8_t>(Bits >> (8 * I));
}

} // namespace kiln::text
