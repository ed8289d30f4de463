//===- DiskCacheFile.cpp - Encoding and verifying disk cache files --------===//
//
// Verification trusts nothing in the file: every length is checked against
// the bytes actually present before it is used, and the checksum is
// compared last, over exactly the bytes a loader will receive, so a file
// that passes is byte for byte what a writer with this identity wrote for
// this key (barring a BLAKE3 collision, or someone forging it on purpose:
// the checksum detects damage, it is not a signature).
//
//===----------------------------------------------------------------------===//
#include "DiskCacheFile.h"

#include "kiln/Support/ByteWriter.h"

#include "llvm/Support/BLAKE3.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>

namespace kiln::engine {

namespace {

constexpr char Magic[8] = {'K', 'I', 'L', 'N', 'C', 'A', 'C', 'H'};
constexpr size_t ChecksumSize = 32;
/// A sanity bound for the header's strings (the feature list is the longest,
/// a few KiB); beyond it a length is corruption, not a long CPU name.
constexpr uint32_t MaxFieldSize = 1 << 20;

/// The identity's strings in file order, with the names used in messages.
std::vector<std::pair<const char *, std::string>> identityFields(const DiskCacheIdentity &Id) {
  return {{"Kiln version", Id.KilnVersion},     {"LLVM version", Id.LLVMVersion},
          {"build identity", Id.BuildIdentity}, {"target triple", Id.Target.Triple},
          {"CPU", Id.Target.CPU},               {"CPU features", joinWithCommas(Id.Target.Features)}};
}

std::array<uint8_t, ChecksumSize> checksum(std::span<const uint8_t> HeaderWithoutChecksum,
                                           std::span<const uint8_t> Payload) {
  llvm::BLAKE3 Hasher;
  Hasher.update(llvm::ArrayRef<uint8_t>(HeaderWithoutChecksum.data(), HeaderWithoutChecksum.size()));
  Hasher.update(llvm::ArrayRef<uint8_t>(Payload.data(), Payload.size()));
  std::array<uint8_t, ChecksumSize> Digest;
  Hasher.final(Digest);
  return Digest;
}

/// Reads fields front to back; every read is bounds-checked.
class Reader {
public:
  explicit Reader(std::span<const uint8_t> Bytes) : Bytes(Bytes) {}

  bool take(size_t Size, std::span<const uint8_t> &Out) {
    if (Bytes.size() - Offset < Size)
      return false;
    Out = Bytes.subspan(Offset, Size);
    Offset += Size;
    return true;
  }
  bool integer(unsigned SizeInBytes, uint64_t &Value) {
    std::span<const uint8_t> Raw;
    if (!take(SizeInBytes, Raw))
      return false;
    Value = 0;
    for (unsigned I = 0; I < SizeInBytes; ++I)
      Value |= uint64_t(Raw[I]) << (8 * I);
    return true;
  }
  bool string(std::string_view &Text) {
    uint64_t Size = 0;
    std::span<const uint8_t> Raw;
    if (!integer(4, Size) || Size > MaxFieldSize || !take(Size, Raw))
      return false;
    Text = std::string_view(reinterpret_cast<const char *>(Raw.data()), Raw.size());
    return true;
  }
  size_t offset() const { return Offset; }

private:
  std::span<const uint8_t> Bytes;
  size_t Offset = 0;
};

std::unexpected<Error> corrupt(const std::string &Why) {
  return makeError(ErrorKind::Malformed, Why);
}

} // namespace

std::vector<uint8_t> encodeDiskEntryHeader(const CacheKey &Key, const DiskCacheIdentity &Identity,
                                           std::span<const uint8_t> Payload) {
  std::vector<uint8_t> Header(std::begin(Magic), std::end(Magic));
  appendLittleEndian(Header, CurrentDiskFormatVersion, 4);
  size_t HeaderSizeAt = Header.size();
  appendLittleEndian(Header, 0, 4); // Patched below, once known.
  Header.insert(Header.end(), Key.Bytes.begin(), Key.Bytes.end());
  for (const auto &[Name, Value] : identityFields(Identity))
    appendLengthPrefixed(Header, Value);
  appendLittleEndian(Header, Payload.size(), 8);
  uint64_t HeaderSize = Header.size() + ChecksumSize;
  for (unsigned I = 0; I < 4; ++I)
    Header[HeaderSizeAt + I] = static_cast<uint8_t>(HeaderSize >> (8 * I));
  auto Digest = checksum(Header, Payload);
  Header.insert(Header.end(), Digest.begin(), Digest.end());
  return Header;
}

Expected<std::span<const uint8_t>> verifyDiskEntry(std::span<const uint8_t> File,
                                                   const CacheKey &Key,
                                                   const DiskCacheIdentity &Identity) {
  Reader In(File);
  std::span<const uint8_t> Raw;
  if (!In.take(sizeof(Magic), Raw) || std::memcmp(Raw.data(), Magic, sizeof(Magic)) != 0)
    return corrupt("not a Kiln cache file (bad magic)");
  uint64_t Version = 0, HeaderSize = 0;
  if (!In.integer(4, Version))
    return corrupt("truncated header");
  if (Version != CurrentDiskFormatVersion)
    return corrupt("cache format version " + std::to_string(Version) + ", expected " +
                   std::to_string(CurrentDiskFormatVersion));
  if (!In.integer(4, HeaderSize) || HeaderSize > File.size() || HeaderSize < ChecksumSize)
    return corrupt("truncated header");
  // From here on, fields must lie inside the header, not the payload.
  Reader Fields(File.first(HeaderSize - ChecksumSize));
  Fields.take(In.offset(), Raw);
  if (!Fields.take(CacheKey::SizeInBytes, Raw))
    return corrupt("truncated header (in the key)");
  if (!std::equal(Raw.begin(), Raw.end(), Key.Bytes.begin()))
    return corrupt("the file holds another key");
  for (const auto &[Name, Expected] : identityFields(Identity)) {
    std::string_view Found;
    if (!Fields.string(Found))
      return corrupt(std::string("truncated header (in the ") + Name + ")");
    if (Found != Expected)
      return corrupt(std::string(Name) + " '" + std::string(Found) + "', expected '" + Expected +
                     "'");
  }
  uint64_t PayloadSize = 0;
  if (!Fields.integer(8, PayloadSize) || Fields.offset() != HeaderSize - ChecksumSize)
    return corrupt("malformed header (payload size)");
  if (PayloadSize != File.size() - HeaderSize)
    return corrupt("payload of " + std::to_string(File.size() - HeaderSize) +
                   " bytes, header says " + std::to_string(PayloadSize) + " (truncated?)");
  std::span<const uint8_t> Payload = File.subspan(HeaderSize);
  auto Digest = checksum(File.first(HeaderSize - ChecksumSize), Payload);
  if (!std::equal(Digest.begin(), Digest.end(), File.begin() + (HeaderSize - ChecksumSize)))
    return corrupt("checksum mismatch");
  return Payload;
}

} // namespace kiln::engine
