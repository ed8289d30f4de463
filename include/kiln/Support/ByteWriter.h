//===- kiln/Support/ByteWriter.h - Appending fixed-layout binary -*- C++ -*-===//
//
// The writing side of the little-endian, length-prefixed records Kiln keeps
// in files (the AOT artifact header, the disk cache's file header). Their
// readers check every field with ByteReader; both sides spell integers the
// same way, so the helpers live together here rather than once per format.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_SUPPORT_BYTEWRITER_H
#define KILN_SUPPORT_BYTEWRITER_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiln {

/// Appends the low `SizeInBytes` bytes of `Value`, least significant first.
inline void appendLittleEndian(std::vector<uint8_t> &Out, uint64_t Value, unsigned SizeInBytes) {
  for (unsigned Byte = 0; Byte < SizeInBytes; ++Byte)
    Out.push_back(static_cast<uint8_t>(Value >> (8 * Byte)));
}

/// A 32-bit little-endian length, then the bytes of `Text`.
inline void appendLengthPrefixed(std::vector<uint8_t> &Out, std::string_view Text) {
  appendLittleEndian(Out, Text.size(), 4);
  Out.insert(Out.end(), Text.begin(), Text.end());
}

/// "a,b,c": how feature lists are spelled inside those records.
inline std::string joinWithCommas(const std::vector<std::string> &Items) {
  std::string Joined;
  for (const std::string &Item : Items)
    Joined += (Joined.empty() ? "" : ",") + Item;
  return Joined;
}

} // namespace kiln

#endif // KILN_SUPPORT_BYTEWRITER_H
