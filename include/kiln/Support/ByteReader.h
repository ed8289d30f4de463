//===- kiln/Support/ByteReader.h - Bounded reads of binary input -*- C++ -*-===//
//
// A cursor over untrusted bytes. Every read is bounds-checked and returns an
// error carrying the absolute byte offset, so the decoder never indexes out of
// range and every message can say where the input went wrong.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_SUPPORT_BYTEREADER_H
#define KILN_SUPPORT_BYTEREADER_H

#include "kiln/Support/Error.h"

#include <cstdint>
#include <span>
#include <string>

namespace kiln {

class ByteReader {
public:
  /// `BaseOffset` is the absolute offset of `Bytes[0]` in the whole input, so
  /// a reader over one section still reports module-relative offsets.
  explicit ByteReader(std::span<const uint8_t> Bytes, uint64_t BaseOffset = 0)
      : Bytes(Bytes), BaseOffset(BaseOffset) {}

  /// Absolute offset of the next byte to be read.
  uint64_t offset() const { return BaseOffset + Pos; }
  size_t remaining() const { return Bytes.size() - Pos; }
  bool atEnd() const { return Pos == Bytes.size(); }

  Expected<uint8_t> readByte();
  /// The next byte without consuming it.
  Expected<uint8_t> peekByte() const;
  /// Reads `Count` raw bytes.
  Expected<std::span<const uint8_t>> readBytes(size_t Count);
  Expected<uint32_t> readFixedU32(); ///< Little-endian, 4 bytes.
  Expected<uint64_t> readFixedU64(); ///< Little-endian, 8 bytes.

  /// LEB128 as the WebAssembly binary format defines it: at most
  /// ceil(N/7) bytes, and the unused bits of the last byte must be zero
  /// (unsigned) or a sign extension (signed).
  Expected<uint32_t> readVarU32();
  Expected<uint64_t> readVarU64();
  Expected<int32_t> readVarS32();
  Expected<int64_t> readVarS64();
  /// A signed 33-bit LEB128, used for block types that are type indices.
  Expected<int64_t> readVarS33();

  /// A length-prefixed name that must be valid UTF-8.
  Expected<std::string> readName();

  /// A sub-reader over the next `Count` bytes; advances this reader past them.
  Expected<ByteReader> split(size_t Count);

  /// An error at the current position.
  std::unexpected<Error> fail(ErrorKind Kind, std::string Message) const {
    return makeError(Kind, std::move(Message), offset());
  }

private:
  Expected<uint64_t> readUnsignedLEB(unsigned Bits);
  Expected<int64_t> readSignedLEB(unsigned Bits);

  std::span<const uint8_t> Bytes;
  uint64_t BaseOffset;
  size_t Pos = 0;
};

/// True when `Bytes` is well-formed UTF-8 (no overlongs, surrogates, or code
/// points above U+10FFFF).
bool isValidUtf8(std::span<const uint8_t> Bytes);

} // namespace kiln

#endif // KILN_SUPPORT_BYTEREADER_H
