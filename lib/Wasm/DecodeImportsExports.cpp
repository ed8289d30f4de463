//===- DecodeImportsExports.cpp - Import, export and start sections -------===//
#include "ModuleDecoder.h"

namespace kiln::wasm {

Expected<void> ModuleDecoder::decodeImportSection(ByteReader &R) {
  auto Count = readCount(R, "imports", 4);
  if (!Count)
    return forwardError(Count);
  M.Imports.reserve(*Count);
  for (uint32_t I = 0; I < *Count; ++I) {
    Import Imp;
    Imp.Offset = R.offset();
    auto ModuleName = R.readName();
    if (!ModuleName)
      return forwardError(ModuleName);
    auto FieldName = R.readName();
    if (!FieldName)
      return forwardError(FieldName);
    Imp.ModuleName = std::move(*ModuleName);
    Imp.FieldName = std::move(*FieldName);
    uint64_t KindOffset = R.offset();
    auto Kind = R.readByte();
    if (!Kind)
      return forwardError(Kind);
    switch (*Kind) {
    case 0: {
      auto TypeIndex = R.readVarU32();
      if (!TypeIndex)
        return forwardError(TypeIndex);
      Imp.Kind = ExternKind::Func;
      Imp.FuncTypeIndex = *TypeIndex;
      break;
    }
    case 1: {
      auto Table = readTableType(R);
      if (!Table)
        return forwardError(Table);
      Imp.Kind = ExternKind::Table;
      Imp.Table = *Table;
      break;
    }
    case 2: {
      auto Memory = readMemoryType(R);
      if (!Memory)
        return forwardError(Memory);
      Imp.Kind = ExternKind::Memory;
      Imp.Memory = *Memory;
      break;
    }
    case 3: {
      auto Global = readGlobalType(R);
      if (!Global)
        return forwardError(Global);
      Imp.Kind = ExternKind::Global;
      Imp.Global = *Global;
      break;
    }
    default:
      return makeError(ErrorKind::Malformed, "malformed import kind " + hexByte(*Kind),
                       KindOffset);
    }
    M.Imports.push_back(std::move(Imp));
  }
  return {};
}

Expected<void> ModuleDecoder::decodeExportSection(ByteReader &R) {
  auto Count = readCount(R, "exports", 3);
  if (!Count)
    return forwardError(Count);
  M.Exports.reserve(*Count);
  for (uint32_t I = 0; I < *Count; ++I) {
    Export Exp;
    Exp.Offset = R.offset();
    auto Name = R.readName();
    if (!Name)
      return forwardError(Name);
    Exp.Name = std::move(*Name);
    uint64_t KindOffset = R.offset();
    auto Kind = R.readByte();
    if (!Kind)
      return forwardError(Kind);
    if (*Kind > 3)
      return makeError(ErrorKind::Malformed, "malformed export kind " + hexByte(*Kind),
                       KindOffset);
    Exp.Kind = static_cast<ExternKind>(*Kind);
    auto Index = R.readVarU32();
    if (!Index)
      return forwardError(Index);
    Exp.Index = *Index;
    M.Exports.push_back(std::move(Exp));
  }
  return {};
}

Expected<void> ModuleDecoder::decodeStartSection(ByteReader &R) {
  auto Index = R.readVarU32();
  if (!Index)
    return forwardError(Index);
  M.Start = *Index;
  return {};
}

} // namespace kiln::wasm
