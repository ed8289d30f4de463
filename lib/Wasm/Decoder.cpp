//===- Decoder.cpp - Module header and the section loop -------------------===//
//
// The binary format is a header followed by sections, each `id size payload`.
// Non-custom sections appear at most once and in a fixed order (data count
// sits between element and code). Every section payload must be consumed
// exactly: a mismatch is malformed.
//
//===----------------------------------------------------------------------===//
#include "ModuleDecoder.h"

#include <cassert>
#include <limits>

namespace kiln::wasm {

namespace {
constexpr uint8_t Magic[] = {0x00, 0x61, 0x73, 0x6d};
constexpr uint8_t Version[] = {0x01, 0x00, 0x00, 0x00};

/// Position of a section in the required order; 0 for custom sections.
uint8_t sectionOrder(SectionId Id) {
  switch (Id) {
  case SectionId::Custom: return 0;
  case SectionId::Type: return 1;
  case SectionId::Import: return 2;
  case SectionId::Function: return 3;
  case SectionId::Table: return 4;
  case SectionId::Memory: return 5;
  case SectionId::Global: return 6;
  case SectionId::Export: return 7;
  case SectionId::Start: return 8;
  case SectionId::Element: return 9;
  case SectionId::DataCount: return 10;
  case SectionId::Code: return 11;
  case SectionId::Data: return 12;
  }
  return 0;
}

std::string_view sectionName(SectionId Id) {
  static constexpr std::string_view Names[] = {"custom", "type",   "import", "function", "table",
                                               "memory", "global", "export", "start",    "element",
                                               "code",   "data",   "data count"};
  return Names[static_cast<uint8_t>(Id)];
}
} // namespace

Expected<Module> decodeModule(std::span<const uint8_t> Bytes, const Features &Enabled,
                              const DecoderLimits &Limits) {
  return ModuleDecoder(Bytes, Enabled, Limits).decode();
}

Expected<Module> ModuleDecoder::decode() {
  // Instruction offsets are 32-bit; no real module comes near 4 GiB.
  if (Bytes.size() > std::numeric_limits<uint32_t>::max())
    return makeError(ErrorKind::Malformed, "module is larger than 4 GiB", 0);
  ByteReader R(Bytes);
  auto Header = R.readBytes(4);
  if (!Header || !std::equal(Header->begin(), Header->end(), Magic))
    return makeError(ErrorKind::Malformed,
                     "magic header not detected: expected \\0asm (00 61 73 6d)", 0);
  auto Ver = R.readBytes(4);
  if (!Ver)
    return makeError(ErrorKind::Malformed, "unexpected end: missing binary version", 4);
  if (!std::equal(Ver->begin(), Ver->end(), Version))
    return makeError(ErrorKind::Malformed, "unknown binary version: expected 01 00 00 00", 4);

  while (!R.atEnd()) {
    uint64_t SectionOffset = R.offset();
    auto IdByte = R.readByte();
    if (!IdByte)
      return forwardError(IdByte);
    if (*IdByte > static_cast<uint8_t>(SectionId::DataCount))
      return makeError(ErrorKind::Malformed, "malformed section id " + hexByte(*IdByte),
                       SectionOffset);
    auto Size = R.readVarU32();
    if (!Size)
      return forwardError(Size);
    if (*Size > R.remaining())
      return makeError(ErrorKind::Malformed,
                       "length out of bounds: section size " + std::to_string(*Size) +
                           " exceeds the " + std::to_string(R.remaining()) + " bytes left",
                       SectionOffset);
    auto Payload = R.split(*Size);
    if (!Payload)
      return forwardError(Payload);
    auto Id = static_cast<SectionId>(*IdByte);
    if (auto Ordered = checkSectionOrder(Id, SectionOffset); !Ordered)
      return forwardError(Ordered);
    if (Id == SectionId::Custom) {
      if (auto Done = decodeCustomSection(*Payload, SectionOffset); !Done)
        return forwardError(Done);
      continue;
    }
    if (auto Done = decodeSection(Id, *Payload); !Done)
      return forwardError(Done);
    if (!Payload->atEnd())
      return makeError(ErrorKind::Malformed,
                       "section size mismatch: " + std::string(sectionName(Id)) + " section has " +
                           std::to_string(Payload->remaining()) + " unread bytes",
                       Payload->offset());
    LastNonCustomId = *IdByte;
  }

  if (M.FunctionTypeIndices.size() != M.Bodies.size())
    return makeError(ErrorKind::Malformed,
                     "function and code section have inconsistent lengths: " +
                         std::to_string(M.FunctionTypeIndices.size()) + " functions, " +
                         std::to_string(M.Bodies.size()) + " bodies",
                     Bytes.size());
  if (M.DataCount && *M.DataCount != M.Data.size())
    return makeError(ErrorKind::Malformed,
                     "data count and data section have inconsistent lengths: count " +
                         std::to_string(*M.DataCount) + ", " + std::to_string(M.Data.size()) +
                         " segments",
                     Bytes.size());
  M.buildIndexSpaces();
  return std::move(M);
}

Expected<void> ModuleDecoder::checkSectionOrder(SectionId Id, uint64_t Offset) {
  uint8_t Order = sectionOrder(Id);
  if (Order == 0)
    return {};
  if (Order <= LastSectionOrder)
    return makeError(ErrorKind::Malformed,
                     "unexpected content after last section: " + std::string(sectionName(Id)) +
                         " section is duplicated or out of order",
                     Offset);
  LastSectionOrder = Order;
  return {};
}

Expected<void> ModuleDecoder::decodeSection(SectionId Id, ByteReader &R) {
  switch (Id) {
  case SectionId::Type: return decodeTypeSection(R);
  case SectionId::Import: return decodeImportSection(R);
  case SectionId::Function: return decodeFunctionSection(R);
  case SectionId::Table: return decodeTableSection(R);
  case SectionId::Memory: return decodeMemorySection(R);
  case SectionId::Global: return decodeGlobalSection(R);
  case SectionId::Export: return decodeExportSection(R);
  case SectionId::Start: return decodeStartSection(R);
  case SectionId::Element: return decodeElementSection(R);
  case SectionId::Code: return decodeCodeSection(R);
  case SectionId::Data: return decodeDataSection(R);
  case SectionId::DataCount: return decodeDataCountSection(R);
  case SectionId::Custom: break;
  }
  assert(false && "custom sections are handled by the caller");
  return {};
}

Expected<uint32_t> ModuleDecoder::readCount(ByteReader &R, std::string_view What,
                                            size_t MinBytesPerItem) {
  uint64_t Offset = R.offset();
  auto Count = R.readVarU32();
  if (!Count)
    return forwardError(Count);
  if (uint64_t(*Count) * MinBytesPerItem > R.remaining())
    return makeError(ErrorKind::Malformed,
                     "unexpected end: " + std::to_string(*Count) + " " + std::string(What) +
                         " cannot fit in the " + std::to_string(R.remaining()) + " bytes left",
                     Offset);
  return *Count;
}

Expected<void> ModuleDecoder::requireFeature(Feature F, uint64_t Offset,
                                             std::string_view What) const {
  if (Enabled.has(F))
    return {};
  return makeError(ErrorKind::Unsupported,
                   std::string(What) + " requires the " + std::string(featureName(F)) +
                       " feature, which is disabled",
                   Offset);
}

} // namespace kiln::wasm
