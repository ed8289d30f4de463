//===- DecodeCustom.cpp - Custom sections and the name section ------------===//
//
// Custom sections are kept verbatim. The "name" section is also parsed for
// module, function and local names; since custom sections never affect a
// module's meaning, a damaged name section is ignored rather than rejected.
//
//===----------------------------------------------------------------------===//
#include "ModuleDecoder.h"

namespace kiln::wasm {

Expected<void> ModuleDecoder::decodeCustomSection(ByteReader &R, uint64_t SectionOffset) {
  CustomSection Custom;
  Custom.Offset = SectionOffset;
  Custom.After = LastNonCustomId;
  auto Name = R.readName();
  if (!Name)
    return forwardError(Name);
  Custom.Name = std::move(*Name);
  auto Payload = R.readBytes(R.remaining());
  if (!Payload)
    return forwardError(Payload);
  Custom.Bytes.assign(Payload->begin(), Payload->end());
  if (Custom.Name == "name")
    decodeNameSection(ByteReader(*Payload, SectionOffset));
  M.Customs.push_back(std::move(Custom));
  return {};
}

namespace {
enum class NameSubsection : uint8_t { Module = 0, Function = 1, Local = 2 };

/// Reads `vec(idx name)` into `Out`; false if the bytes are damaged.
bool readNameMap(ByteReader &R, std::map<uint32_t, std::string> &Out) {
  auto Count = R.readVarU32();
  if (!Count)
    return false;
  for (uint32_t I = 0; I < *Count; ++I) {
    auto Index = R.readVarU32();
    auto Name = Index ? R.readName() : Expected<std::string>(forwardError(Index));
    if (!Name)
      return false;
    Out[*Index] = std::move(*Name);
  }
  return true;
}
} // namespace

void ModuleDecoder::decodeNameSection(ByteReader R) {
  NameSection Names;
  while (!R.atEnd()) {
    auto Id = R.readByte();
    auto Size = Id ? R.readVarU32() : Expected<uint32_t>(forwardError(Id));
    if (!Size)
      return;
    auto Sub = R.split(*Size);
    if (!Sub)
      return;
    switch (static_cast<NameSubsection>(*Id)) {
    case NameSubsection::Module: {
      auto Name = Sub->readName();
      if (!Name)
        return;
      Names.ModuleName = std::move(*Name);
      break;
    }
    case NameSubsection::Function:
      if (!readNameMap(*Sub, Names.FunctionNames))
        return;
      break;
    case NameSubsection::Local: {
      auto Count = Sub->readVarU32();
      if (!Count)
        return;
      for (uint32_t I = 0; I < *Count; ++I) {
        auto FuncIndex = Sub->readVarU32();
        if (!FuncIndex || !readNameMap(*Sub, Names.LocalNames[*FuncIndex]))
          return;
      }
      break;
    }
    default:
      break; // Other subsections (labels, types, ...) are not used yet.
    }
  }
  M.Names = std::move(Names);
}

} // namespace kiln::wasm
