//===- ByteReader.cpp - Bounded reads and LEB128 --------------------------===//
#include "kiln/Support/ByteReader.h"

namespace kiln {

Expected<uint8_t> ByteReader::readByte() {
  if (Pos >= Bytes.size())
    return fail(ErrorKind::Malformed, "unexpected end");
  return Bytes[Pos++];
}

Expected<uint8_t> ByteReader::peekByte() const {
  if (Pos >= Bytes.size())
    return fail(ErrorKind::Malformed, "unexpected end");
  return Bytes[Pos];
}

Expected<std::span<const uint8_t>> ByteReader::readBytes(size_t Count) {
  if (Count > remaining())
    return fail(ErrorKind::Malformed, "unexpected end: need " + std::to_string(Count) +
                                          " bytes, " + std::to_string(remaining()) + " left");
  auto Result = Bytes.subspan(Pos, Count);
  Pos += Count;
  return Result;
}

Expected<uint32_t> ByteReader::readFixedU32() {
  auto Raw = readBytes(4);
  if (!Raw)
    return std::unexpected(Raw.error());
  uint32_t Value = 0;
  for (unsigned I = 0; I < 4; ++I)
    Value |= uint32_t((*Raw)[I]) << (8 * I);
  return Value;
}

Expected<uint64_t> ByteReader::readFixedU64() {
  auto Raw = readBytes(8);
  if (!Raw)
    return std::unexpected(Raw.error());
  uint64_t Value = 0;
  for (unsigned I = 0; I < 8; ++I)
    Value |= uint64_t((*Raw)[I]) << (8 * I);
  return Value;
}

Expected<uint64_t> ByteReader::readUnsignedLEB(unsigned Bits) {
  const uint64_t Start = offset();
  const unsigned MaxBytes = (Bits + 6) / 7;
  uint64_t Result = 0;
  for (unsigned I = 0; I < MaxBytes; ++I) {
    if (Pos >= Bytes.size())
      return makeError(ErrorKind::Malformed, "unexpected end while reading an integer", Start);
    uint8_t Byte = Bytes[Pos++];
    unsigned Shift = 7 * I;
    Result |= uint64_t(Byte & 0x7f) << Shift;
    bool Last = (Byte & 0x80) == 0;
    if (I == MaxBytes - 1) {
      if (!Last)
        return makeError(ErrorKind::Malformed, "integer representation too long", Start);
      // Bits of the final byte beyond the integer's width must be zero.
      unsigned UsedBits = Bits - Shift;
      if (UsedBits < 7 && (Byte >> UsedBits) != 0)
        return makeError(ErrorKind::Malformed, "integer too large", Start);
    }
    if (Last)
      return Result;
  }
  return makeError(ErrorKind::Malformed, "integer representation too long", Start);
}

Expected<int64_t> ByteReader::readSignedLEB(unsigned Bits) {
  const uint64_t Start = offset();
  const unsigned MaxBytes = (Bits + 6) / 7;
  uint64_t Result = 0;
  for (unsigned I = 0; I < MaxBytes; ++I) {
    if (Pos >= Bytes.size())
      return makeError(ErrorKind::Malformed, "unexpected end while reading an integer", Start);
    uint8_t Byte = Bytes[Pos++];
    unsigned Shift = 7 * I;
    Result |= uint64_t(Byte & 0x7f) << Shift;
    bool Last = (Byte & 0x80) == 0;
    if (I == MaxBytes - 1) {
      if (!Last)
        return makeError(ErrorKind::Malformed, "integer representation too long", Start);
      // The unused high bits of the final byte must all equal the sign bit.
      unsigned UsedBits = Bits - Shift; // 1..7 value bits in this byte
      if (UsedBits < 7) {
        uint8_t SignAndUnused = (Byte & 0x7f) >> (UsedBits - 1);
        uint8_t AllOnes = uint8_t(0x7f >> (UsedBits - 1));
        if (SignAndUnused != 0 && SignAndUnused != AllOnes)
          return makeError(ErrorKind::Malformed, "integer too large", Start);
      }
    }
    if (Last) {
      unsigned Total = Shift + 7;
      if (Total < 64 && (Byte & 0x40))
        Result |= ~uint64_t(0) << Total;
      return static_cast<int64_t>(Result);
    }
  }
  return makeError(ErrorKind::Malformed, "integer representation too long", Start);
}

Expected<uint32_t> ByteReader::readVarU32() {
  auto V = readUnsignedLEB(32);
  if (!V)
    return std::unexpected(V.error());
  return static_cast<uint32_t>(*V);
}
Expected<uint64_t> ByteReader::readVarU64() { return readUnsignedLEB(64); }
Expected<int32_t> ByteReader::readVarS32() {
  auto V = readSignedLEB(32);
  if (!V)
    return std::unexpected(V.error());
  return static_cast<int32_t>(*V);
}
Expected<int64_t> ByteReader::readVarS64() { return readSignedLEB(64); }
Expected<int64_t> ByteReader::readVarS33() { return readSignedLEB(33); }

Expected<std::string> ByteReader::readName() {
  auto Length = readVarU32();
  if (!Length)
    return std::unexpected(Length.error());
  const uint64_t Start = offset();
  if (*Length > remaining())
    return makeError(ErrorKind::Malformed,
                     "length out of bounds: name of " + std::to_string(*Length) +
                         " bytes, " + std::to_string(remaining()) + " left",
                     Start);
  auto Raw = readBytes(*Length);
  if (!Raw)
    return std::unexpected(Raw.error());
  if (!isValidUtf8(*Raw))
    return makeError(ErrorKind::Malformed, "malformed UTF-8 encoding", Start);
  return std::string(Raw->begin(), Raw->end());
}

Expected<ByteReader> ByteReader::split(size_t Count) {
  uint64_t Start = offset();
  auto Raw = readBytes(Count);
  if (!Raw)
    return std::unexpected(Raw.error());
  return ByteReader(*Raw, Start);
}

bool isValidUtf8(std::span<const uint8_t> Bytes) {
  size_t I = 0;
  while (I < Bytes.size()) {
    uint8_t B0 = Bytes[I];
    if (B0 < 0x80) {
      ++I;
      continue;
    }
    unsigned Length;
    uint32_t CodePoint;
    if ((B0 & 0xe0) == 0xc0) {
      Length = 2;
      CodePoint = B0 & 0x1f;
    } else if ((B0 & 0xf0) == 0xe0) {
      Length = 3;
      CodePoint = B0 & 0x0f;
    } else if ((B0 & 0xf8) == 0xf0) {
      Length = 4;
      CodePoint = B0 & 0x07;
    } else {
      return false;
    }
    if (I + Length > Bytes.size())
      return false;
    for (unsigned K = 1; K < Length; ++K) {
      uint8_t B = Bytes[I + K];
      if ((B & 0xc0) != 0x80)
        return false;
      CodePoint = (CodePoint << 6) | (B & 0x3f);
    }
    static constexpr uint32_t MinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (CodePoint < MinForLength[Length])
      return false; // overlong
    if (CodePoint > 0x10ffff || (CodePoint >= 0xd800 && CodePoint <= 0xdfff))
      return false;
    I += Length;
  }
  return true;
}

} // namespace kiln
