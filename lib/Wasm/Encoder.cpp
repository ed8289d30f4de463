//===- Encoder.cpp - Module to WebAssembly binary -------------------------===//
#include "kiln/Wasm/Encoder.h"

#include "EncoderWriter.h"

#include <algorithm>

namespace kiln::wasm {

namespace {

/// Section ids in the order the binary format requires them.
constexpr uint8_t SectionOrder[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11};

void writeValType(ByteWriter &W, ValType T) { W.writeByte(static_cast<uint8_t>(T)); }

void writeLimits(ByteWriter &W, const Limits &L) {
  W.writeByte(L.Max ? 0x01 : 0x00);
  W.writeVarU64(L.Min);
  if (L.Max)
    W.writeVarU64(*L.Max);
}

void writeTableType(ByteWriter &W, const TableType &T) {
  writeValType(W, T.ElemType);
  writeLimits(W, T.Size);
}

void writeGlobalType(ByteWriter &W, const GlobalType &T) {
  writeValType(W, T.Type);
  W.writeByte(T.Mutable ? 0x01 : 0x00);
}

void writeConstExpr(ByteWriter &W, const ConstExpr &E) { encodeInstructions(W, E.Code, {}); }

template <typename T, typename Fn>
void writeVector(ByteWriter &W, const std::vector<T> &Items, Fn WriteItem) {
  W.writeVarU32(static_cast<uint32_t>(Items.size()));
  for (const T &Item : Items)
    WriteItem(W, Item);
}

void writeImport(ByteWriter &W, const Import &Imp) {
  W.writeName(Imp.ModuleName);
  W.writeName(Imp.FieldName);
  W.writeByte(static_cast<uint8_t>(Imp.Kind));
  switch (Imp.Kind) {
  case ExternKind::Func: W.writeVarU32(Imp.FuncTypeIndex); break;
  case ExternKind::Table: writeTableType(W, Imp.Table); break;
  case ExternKind::Memory: writeLimits(W, Imp.Memory.Pages); break;
  case ExternKind::Global: writeGlobalType(W, Imp.Global); break;
  }
}

/// The function index of an item that is exactly `ref.func N; end`.
std::optional<uint32_t> itemFuncIndex(const ConstExpr &Item) {
  if (Item.Code.size() != 2 || Item.Code[0].Op != Opcode::RefFunc ||
      Item.Code[1].Op != Opcode::End)
    return std::nullopt;
  return Item.Code[0].Index;
}

void writeElement(ByteWriter &W, const ElementSegment &Seg) {
  const bool Indices = Seg.ElemType == ValType::FuncRef &&
                       std::all_of(Seg.Items.begin(), Seg.Items.end(),
                                   [](const ConstExpr &E) { return itemFuncIndex(E).has_value(); });
  uint8_t Flags = Indices ? 0 : 4;
  if (Seg.Mode == SegmentMode::Passive)
    Flags |= 1;
  else if (Seg.Mode == SegmentMode::Declarative)
    Flags |= 3;
  else if (Seg.TableIndex != 0 || Seg.ElemType != ValType::FuncRef)
    Flags |= 2;
  W.writeByte(Flags);
  if (Flags & 2 && !(Flags & 1))
    W.writeVarU32(Seg.TableIndex);
  if (!(Flags & 1))
    writeConstExpr(W, Seg.TableOffset);
  if (Flags & 3) {
    if (Indices)
      W.writeByte(0x00); // elemkind funcref
    else
      writeValType(W, Seg.ElemType);
  }
  W.writeVarU32(static_cast<uint32_t>(Seg.Items.size()));
  for (const ConstExpr &Item : Seg.Items) {
    if (Indices)
      W.writeVarU32(*itemFuncIndex(Item));
    else
      writeConstExpr(W, Item);
  }
}

void writeData(ByteWriter &W, const DataSegment &Seg) {
  if (Seg.Mode == SegmentMode::Passive) {
    W.writeByte(0x01);
  } else if (Seg.MemoryIndex == 0) {
    W.writeByte(0x00);
    writeConstExpr(W, Seg.MemoryOffset);
  } else {
    W.writeByte(0x02);
    W.writeVarU32(Seg.MemoryIndex);
    writeConstExpr(W, Seg.MemoryOffset);
  }
  W.writeVarU32(static_cast<uint32_t>(Seg.Bytes.size()));
  W.writeBytes(Seg.Bytes);
}

void writeBody(ByteWriter &W, const FunctionBody &Body) {
  ByteWriter B;
  // Locals are run-length encoded: (count, type) for each run.
  std::vector<std::pair<uint32_t, ValType>> Runs;
  for (ValType T : Body.Locals) {
    if (!Runs.empty() && Runs.back().second == T)
      ++Runs.back().first;
    else
      Runs.emplace_back(1, T);
  }
  B.writeVarU32(static_cast<uint32_t>(Runs.size()));
  for (auto [Count, Type] : Runs) {
    B.writeVarU32(Count);
    writeValType(B, Type);
  }
  encodeInstructions(B, Body.Code, Body.BranchTargets);
  W.writeSized(B);
}

void writeNameMap(ByteWriter &W, const std::map<uint32_t, std::string> &Names) {
  W.writeVarU32(static_cast<uint32_t>(Names.size()));
  for (const auto &[Index, Name] : Names) {
    W.writeVarU32(Index);
    W.writeName(Name);
  }
}

/// The "name" custom section payload (after its name) for `Names`.
ByteWriter nameSectionPayload(const NameSection &Names) {
  ByteWriter P;
  auto Subsection = [&](uint8_t Id, const ByteWriter &Content) {
    P.writeByte(Id);
    P.writeSized(Content);
  };
  if (Names.ModuleName) {
    ByteWriter S;
    S.writeName(*Names.ModuleName);
    Subsection(0, S);
  }
  if (!Names.FunctionNames.empty()) {
    ByteWriter S;
    writeNameMap(S, Names.FunctionNames);
    Subsection(1, S);
  }
  if (!Names.LocalNames.empty()) {
    ByteWriter S;
    S.writeVarU32(static_cast<uint32_t>(Names.LocalNames.size()));
    for (const auto &[Func, Locals] : Names.LocalNames) {
      S.writeVarU32(Func);
      writeNameMap(S, Locals);
    }
    Subsection(2, S);
  }
  return P;
}

class ModuleEncoder {
public:
  ModuleEncoder(const Module &M, const EncoderOptions &Options) : M(M), Options(Options) {}

  std::vector<uint8_t> run() {
    static constexpr uint8_t Header[] = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    Out.writeBytes(Header);
    writeCustomsAfter(0);
    for (uint8_t Id : SectionOrder) {
      ByteWriter Payload;
      if (writeSection(Id, Payload)) {
        Out.writeByte(Id);
        Out.writeSized(Payload);
      }
      writeCustomsAfter(Id);
    }
    writeNames();
    return std::move(Out.bytes());
  }

private:
  /// Writes section `Id`'s payload; false if the section is left out.
  bool writeSection(uint8_t Id, ByteWriter &W) {
    switch (Id) {
    case 1:
      writeVector(W, M.Types, [](ByteWriter &W, const FuncType &T) {
        W.writeByte(0x60);
        writeVector(W, T.Params, writeValType);
        writeVector(W, T.Results, writeValType);
      });
      return !M.Types.empty();
    case 2: writeVector(W, M.Imports, writeImport); return !M.Imports.empty();
    case 3:
      writeVector(W, M.FunctionTypeIndices,
                  [](ByteWriter &W, uint32_t Index) { W.writeVarU32(Index); });
      return !M.FunctionTypeIndices.empty();
    case 4: writeVector(W, M.Tables, writeTableType); return !M.Tables.empty();
    case 5:
      writeVector(W, M.Memories,
                  [](ByteWriter &W, const MemoryType &T) { writeLimits(W, T.Pages); });
      return !M.Memories.empty();
    case 6:
      writeVector(W, M.Globals, [](ByteWriter &W, const Global &G) {
        writeGlobalType(W, G.Type);
        writeConstExpr(W, G.Init);
      });
      return !M.Globals.empty();
    case 7:
      writeVector(W, M.Exports, [](ByteWriter &W, const Export &E) {
        W.writeName(E.Name);
        W.writeByte(static_cast<uint8_t>(E.Kind));
        W.writeVarU32(E.Index);
      });
      return !M.Exports.empty();
    case 8:
      if (M.Start)
        W.writeVarU32(*M.Start);
      return M.Start.has_value();
    case 9: writeVector(W, M.Elements, writeElement); return !M.Elements.empty();
    case 12:
      if (M.DataCount)
        W.writeVarU32(*M.DataCount);
      return M.DataCount.has_value();
    case 10: writeVector(W, M.Bodies, writeBody); return !M.Bodies.empty();
    case 11: writeVector(W, M.Data, writeData); return !M.Data.empty();
    default: return false;
    }
  }

  void writeCustom(std::string_view Name, std::span<const uint8_t> Payload) {
    ByteWriter Section;
    Section.writeName(Name);
    Section.writeBytes(Payload);
    Out.writeByte(0);
    Out.writeSized(Section);
  }

  void writeCustomsAfter(uint8_t Id) {
    if (!Options.WriteCustomSections)
      return;
    for (const CustomSection &Custom : M.Customs)
      if (Custom.After == Id)
        writeCustom(Custom.Name, Custom.Bytes);
  }

  void writeNames() {
    if (!Options.WriteNames)
      return;
    const bool HasNameSection =
        Options.WriteCustomSections &&
        std::any_of(M.Customs.begin(), M.Customs.end(),
                    [](const CustomSection &C) { return C.Name == "name"; });
    if (HasNameSection)
      return;
    ByteWriter Payload = nameSectionPayload(M.Names);
    if (Payload.size() != 0)
      writeCustom("name", Payload.bytes());
  }

  const Module &M;
  const EncoderOptions &Options;
  ByteWriter Out;
};

} // namespace

std::vector<uint8_t> encodeModule(const Module &M, const EncoderOptions &Options) {
  return ModuleEncoder(M, Options).run();
}

} // namespace kiln::wasm
