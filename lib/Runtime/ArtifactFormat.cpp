//===- ArtifactFormat.cpp - Encoding and decoding the artifact header -----===//
//
// Little-endian: the magic, a u32 format version, six u32-length-prefixed
// strings, a u64 hash and the u64-length-prefixed module bytes. The format
// version comes right after the magic so that a later layout can change
// everything behind it and still be refused with a clear message.
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/ArtifactFormat.h"

#include "kiln/Support/ByteWriter.h"
#include "kiln/Wasm/Decoder.h"

#include <cstring>

namespace kiln::runtime {

namespace {

std::vector<std::string> splitFeatures(std::string_view Joined) {
  std::vector<std::string> Features;
  while (!Joined.empty()) {
    size_t Comma = Joined.find(',');
    Features.emplace_back(Joined.substr(0, Comma));
    Joined = Comma == std::string_view::npos ? std::string_view() : Joined.substr(Comma + 1);
  }
  return Features;
}

/// Reads fields in order; the first short read poisons the rest and names
/// the field it failed on.
class HeaderReader {
public:
  explicit HeaderReader(std::span<const uint8_t> Bytes) : Bytes(Bytes) {}

  uint64_t integer(unsigned SizeInBytes, const char *Field) {
    if (!take(SizeInBytes, Field))
      return 0;
    uint64_t Value = 0;
    for (unsigned Byte = 0; Byte < SizeInBytes; ++Byte)
      Value |= uint64_t(Bytes[Offset - SizeInBytes + Byte]) << (8 * Byte);
    return Value;
  }
  std::span<const uint8_t> bytes(uint64_t Size, const char *Field) {
    if (!take(Size, Field))
      return {};
    return Bytes.subspan(Offset - Size, Size);
  }
  std::string string(const char *Field) {
    uint64_t Size = integer(4, Field);
    std::span<const uint8_t> Text = bytes(Size, Field);
    return std::string(Text.begin(), Text.end());
  }
  /// The field that ran past the end, or null.
  const char *truncatedField() const { return Truncated; }

private:
  bool take(uint64_t Size, const char *Field) {
    if (Truncated)
      return false;
    if (Size > Bytes.size() - Offset) {
      Truncated = Field;
      return false;
    }
    Offset += Size;
    return true;
  }
  std::span<const uint8_t> Bytes;
  size_t Offset = 0;
  const char *Truncated = nullptr;
};

} // namespace

uint64_t hashModuleBytes(std::span<const uint8_t> Bytes) {
  uint64_t Hash = 0xcbf29ce484222325ull;
  for (uint8_t Byte : Bytes)
    Hash = (Hash ^ Byte) * 0x100000001b3ull;
  return Hash;
}

std::string_view kilnVersion() { return KILN_VERSION; }

std::vector<uint8_t> encodeArtifactHeader(const ArtifactHeader &Header) {
  std::vector<uint8_t> Out(ArtifactMagic.begin(), ArtifactMagic.end());
  appendLittleEndian(Out, Header.FormatVersion, 4);
  appendLengthPrefixed(Out, Header.KilnVersion);
  appendLengthPrefixed(Out, Header.Triple);
  appendLengthPrefixed(Out, Header.CPU);
  appendLengthPrefixed(Out, joinWithCommas(Header.CPUFeatures));
  appendLengthPrefixed(Out, Header.WasmFeatures);
  appendLengthPrefixed(Out, Header.CompileOptions);
  appendLittleEndian(Out, Header.ModuleHash, 8);
  appendLittleEndian(Out, Header.ModuleBytes.size(), 8);
  Out.insert(Out.end(), Header.ModuleBytes.begin(), Header.ModuleBytes.end());
  return Out;
}

Expected<ArtifactHeader> decodeArtifactHeader(std::span<const uint8_t> Bytes) {
  if (Bytes.size() < ArtifactMagic.size() ||
      std::memcmp(Bytes.data(), ArtifactMagic.data(), ArtifactMagic.size()) != 0)
    return makeError(ErrorKind::Malformed, "not a Kiln artifact header (bad magic)");
  HeaderReader Reader(Bytes.subspan(ArtifactMagic.size()));
  ArtifactHeader Header;
  Header.FormatVersion = static_cast<uint32_t>(Reader.integer(4, "format version"));
  if (!Reader.truncatedField() && Header.FormatVersion != ArtifactFormatVersion)
    return makeError(ErrorKind::Unsupported,
                     "artifact format version " + std::to_string(Header.FormatVersion) +
                         "; this runtime reads version " +
                         std::to_string(ArtifactFormatVersion));
  Header.KilnVersion = Reader.string("Kiln version");
  Header.Triple = Reader.string("target triple");
  Header.CPU = Reader.string("CPU name");
  Header.CPUFeatures = splitFeatures(Reader.string("CPU features"));
  Header.WasmFeatures = Reader.string("Wasm features");
  Header.CompileOptions = Reader.string("compile options");
  Header.ModuleHash = Reader.integer(8, "module hash");
  uint64_t ModuleSize = Reader.integer(8, "module size");
  std::span<const uint8_t> Module = Reader.bytes(ModuleSize, "module bytes");
  if (const char *Field = Reader.truncatedField())
    return makeError(ErrorKind::Malformed,
                     std::string("artifact header is truncated (in the ") + Field + ")");
  Header.ModuleBytes.assign(Module.begin(), Module.end());
  if (hashModuleBytes(Header.ModuleBytes) != Header.ModuleHash)
    return makeError(ErrorKind::Malformed,
                     "artifact is corrupt: its module bytes do not match the recorded hash");
  return Header;
}

Expected<std::shared_ptr<const wasm::Module>> decodeEmbeddedModule(const ArtifactHeader &Header) {
  auto Enabled = wasm::Features::wasm20().withChanges("none," + Header.WasmFeatures);
  if (!Enabled)
    return forwardError(Enabled);
  // The bytes passed validation when compiled and match the recorded hash,
  // so decoding (which builds the index spaces) is all that is needed.
  auto Module = wasm::decodeModule(Header.ModuleBytes, *Enabled);
  if (!Module)
    return makeError(ErrorKind::Malformed,
                     "the embedded module does not decode: " + Module.error().message());
  return std::make_shared<const wasm::Module>(std::move(*Module));
}

} // namespace kiln::runtime
