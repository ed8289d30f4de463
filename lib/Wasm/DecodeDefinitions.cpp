//===- DecodeDefinitions.cpp - Function, table, memory, global sections ---===//
#include "ModuleDecoder.h"

namespace kiln::wasm {

Expected<void> ModuleDecoder::decodeFunctionSection(ByteReader &R) {
  auto Count = readCount(R, "functions");
  if (!Count)
    return forwardError(Count);
  M.FunctionTypeIndices.reserve(*Count);
  for (uint32_t I = 0; I < *Count; ++I) {
    auto TypeIndex = R.readVarU32();
    if (!TypeIndex)
      return forwardError(TypeIndex);
    M.FunctionTypeIndices.push_back(*TypeIndex);
  }
  SawFunctionSection = true;
  return {};
}

Expected<void> ModuleDecoder::decodeTableSection(ByteReader &R) {
  auto Count = readCount(R, "tables", 3);
  if (!Count)
    return forwardError(Count);
  M.Tables.reserve(*Count);
  for (uint32_t I = 0; I < *Count; ++I) {
    auto Table = readTableType(R);
    if (!Table)
      return forwardError(Table);
    M.Tables.push_back(*Table);
  }
  return {};
}

Expected<void> ModuleDecoder::decodeMemorySection(ByteReader &R) {
  auto Count = readCount(R, "memories", 2);
  if (!Count)
    return forwardError(Count);
  M.Memories.reserve(*Count);
  for (uint32_t I = 0; I < *Count; ++I) {
    auto Memory = readMemoryType(R);
    if (!Memory)
      return forwardError(Memory);
    M.Memories.push_back(*Memory);
  }
  return {};
}

Expected<void> ModuleDecoder::decodeGlobalSection(ByteReader &R) {
  auto Count = readCount(R, "globals", 3);
  if (!Count)
    return forwardError(Count);
  M.Globals.reserve(*Count);
  for (uint32_t I = 0; I < *Count; ++I) {
    Global G;
    G.Offset = R.offset();
    auto Type = readGlobalType(R);
    if (!Type)
      return forwardError(Type);
    G.Type = *Type;
    auto Init = readConstExpr(R);
    if (!Init)
      return forwardError(Init);
    G.Init = std::move(*Init);
    M.Globals.push_back(std::move(G));
  }
  return {};
}

} // namespace kiln::wasm
