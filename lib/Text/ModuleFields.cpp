//===- ModuleFields.cpp - Imports, exports, functions, tables, memories ---===//
#include "ModuleParser.h"

namespace kiln::text {

using namespace wasm;

namespace {

std::optional<ExternKind> externKindOfKeyword(std::string_view Word) {
  if (Word == "func") return ExternKind::Func;
  if (Word == "table") return ExternKind::Table;
  if (Word == "memory") return ExternKind::Memory;
  if (Word == "global") return ExternKind::Global;
  return std::nullopt;
}

Space spaceOfKind(ExternKind Kind) {
  switch (Kind) {
  case ExternKind::Func: return Space::Func;
  case ExternKind::Table: return Space::Table;
  case ExternKind::Memory: return Space::Memory;
  case ExternKind::Global: return Space::Global;
  }
  return Space::Func;
}

} // namespace

Expected<void> ModuleParser::parseImport() {
  Import Imp;
  Imp.Offset = FieldStart->Offset;
  auto ModuleName = C.expectName();
  if (!ModuleName)
    return std::unexpected(ModuleName.error());
  auto FieldName = C.expectName();
  if (!FieldName)
    return std::unexpected(FieldName.error());
  Imp.ModuleName = std::move(*ModuleName);
  Imp.FieldName = std::move(*FieldName);
  if (auto R = C.expectLParen(); !R)
    return R;
  auto Kind = externKindOfKeyword(C.peek().Text);
  if (!C.at(TokenKind::Keyword) || !Kind)
    return C.unexpected("an import description");
  C.next();
  Imp.Kind = *Kind;
  takeIndex(spaceOfKind(*Kind));
  if (C.at(TokenKind::Id))
    C.next();
  switch (*Kind) {
  case ExternKind::Func: {
    auto Use = parseTypeUse(true);
    if (!Use)
      return std::unexpected(Use.error());
    auto Index = resolveTypeUse(*Use);
    if (!Index)
      return std::unexpected(Index.error());
    Imp.FuncTypeIndex = *Index;
    break;
  }
  case ExternKind::Table: {
    auto Type = parseTableType();
    if (!Type)
      return std::unexpected(Type.error());
    Imp.Table = *Type;
    break;
  }
  case ExternKind::Memory: {
    auto Pages = parseLimits();
    if (!Pages)
      return std::unexpected(Pages.error());
    Imp.Memory.Pages = *Pages;
    break;
  }
  case ExternKind::Global: {
    auto Type = parseGlobalType();
    if (!Type)
      return std::unexpected(Type.error());
    Imp.Global = *Type;
    break;
  }
  }
  M.Imports.push_back(std::move(Imp));
  return C.expectRParen();
}

Expected<void> ModuleParser::parseExportField() {
  Export Exp;
  Exp.Offset = FieldStart->Offset;
  auto Name = C.expectName();
  if (!Name)
    return std::unexpected(Name.error());
  Exp.Name = std::move(*Name);
  if (auto R = C.expectLParen(); !R)
    return R;
  auto Kind = externKindOfKeyword(C.peek().Text);
  if (!C.at(TokenKind::Keyword) || !Kind)
    return C.unexpected("an export description");
  C.next();
  Exp.Kind = *Kind;
  auto Index = parseIndex(spaceOfKind(*Kind));
  if (!Index)
    return std::unexpected(Index.error());
  Exp.Index = *Index;
  M.Exports.push_back(std::move(Exp));
  return C.expectRParen();
}

Expected<void> ModuleParser::parseStart() {
  if (StartFunc)
    return C.failAt(*FieldStart, "multiple start sections");
  auto Index = parseIndex(Space::Func);
  if (!Index)
    return std::unexpected(Index.error());
  StartFunc = *Index;
  return {};
}

Expected<void> ModuleParser::parseInlineExports(ExternKind Kind, uint32_t Index) {
  while (C.atForm("export")) {
    Export Exp{"", Kind, Index, C.peek().Offset};
    C.next();
    C.next();
    auto Name = C.expectName();
    if (!Name)
      return std::unexpected(Name.error());
    Exp.Name = std::move(*Name);
    M.Exports.push_back(std::move(Exp));
    if (auto R = C.expectRParen(); !R)
      return R;
  }
  return {};
}

Expected<std::optional<std::pair<std::string, std::string>>> ModuleParser::parseInlineImport() {
  if (!C.consumeForm("import"))
    return std::nullopt;
  auto ModuleName = C.expectName();
  if (!ModuleName)
    return std::unexpected(ModuleName.error());
  auto FieldName = C.expectName();
  if (!FieldName)
    return std::unexpected(FieldName.error());
  if (auto R = C.expectRParen(); !R)
    return std::unexpected(R.error());
  return std::pair(std::move(*ModuleName), std::move(*FieldName));
}

Expected<ModuleParser::FieldHead> ModuleParser::parseFieldHead(Space S, ExternKind Kind) {
  FieldHead Head{takeIndex(S), std::nullopt};
  if (C.at(TokenKind::Id))
    C.next();
  if (auto R = parseInlineExports(Kind, Head.Index); !R)
    return std::unexpected(R.error());
  auto ImportNames = parseInlineImport();
  if (!ImportNames)
    return std::unexpected(ImportNames.error());
  Head.ImportNames = std::move(*ImportNames);
  return Head;
}

void ModuleParser::addInlineImport(std::pair<std::string, std::string> Names, Import Imp) {
  Imp.ModuleName = std::move(Names.first);
  Imp.FieldName = std::move(Names.second);
  Imp.Offset = FieldStart->Offset;
  M.Imports.push_back(std::move(Imp));
}

Expected<void> ModuleParser::parseFunc() {
  auto Head = parseFieldHead(Space::Func, ExternKind::Func);
  if (!Head)
    return std::unexpected(Head.error());
  const uint32_t Index = Head->Index;
  auto &ImportNames = Head->ImportNames;
  auto Use = parseTypeUse(true);
  if (!Use)
    return std::unexpected(Use.error());
  auto TypeIndex = resolveTypeUse(*Use);
  if (!TypeIndex)
    return std::unexpected(TypeIndex.error());
  if (ImportNames) {
    Import Imp;
    Imp.Kind = ExternKind::Func;
    Imp.FuncTypeIndex = *TypeIndex;
    addInlineImport(std::move(*ImportNames), std::move(Imp));
    return {};
  }
  M.FunctionTypeIndices.push_back(*TypeIndex);
  FunctionBody Body;
  Body.Offset = FieldStart->Offset;
  if (auto R = parseFuncBody(Body, Index, *Use, *TypeIndex); !R)
    return R;
  M.Bodies.push_back(std::move(Body));
  return {};
}

Expected<void> ModuleParser::parseFuncBody(FunctionBody &Body, uint32_t FuncIndex,
                                           const TypeUse &Use, uint32_t TypeIndex) {
  LocalNames.clear();
  Labels.clear();
  BranchTargets = &Body.BranchTargets;
  std::map<uint32_t, std::string> Named;
  auto Declare = [&](const std::string &Name, const Token &At) -> Expected<void> {
    const uint32_t Local = LocalCount++;
    if (Name.empty())
      return {};
    if (!LocalNames.emplace(Name, Local).second)
      return C.failAt(At, "duplicate local $" + Name);
    Named[Local] = Name;
    return {};
  };
  LocalCount = 0;
  if (Use.HasInline || !Use.Index) {
    for (const std::string &Name : Use.ParamNames)
      if (auto R = Declare(Name, *Use.At); !R)
        return R;
  } else if (TypeIndex < M.Types.size()) {
    LocalCount = static_cast<uint32_t>(M.Types[TypeIndex].Params.size());
  }
  while (C.atForm("local")) {
    C.next();
    C.next();
    const Token &At = C.peek();
    std::string Name = At.is(TokenKind::Id) ? identifierName(C.next()) : std::string();
    // A named local declares exactly one type; an unnamed list any number.
    for (bool First = true; Name.empty() ? !C.at(TokenKind::RParen) : First; First = false) {
      auto T = parseValType();
      if (!T)
        return std::unexpected(T.error());
      Body.Locals.push_back(*T);
      if (auto R = Declare(Name, At); !R)
        return R;
    }
    if (auto R = C.expectRParen(); !R)
      return R;
  }
  if (!Named.empty())
    M.Names.LocalNames[FuncIndex] = std::move(Named);
  if (auto R = parseInstrs(Body.Code); !R)
    return R;
  Instruction End;
  End.Op = Opcode::End;
  End.Offset = C.peek().Offset;
  Body.Code.push_back(End);
  return {};
}

Expected<void> ModuleParser::parseTable() {
  auto Head = parseFieldHead(Space::Table, ExternKind::Table);
  if (!Head)
    return std::unexpected(Head.error());
  const uint32_t Index = Head->Index;
  auto &ImportNames = Head->ImportNames;
  if (!ImportNames && C.at(TokenKind::Keyword) && C.atForm("elem", 1)) {
    auto ElemType = parseRefType();
    if (!ElemType)
      return std::unexpected(ElemType.error());
    uint64_t Count = 0;
    if (auto R = parseInlineElem(Index, *ElemType, Count); !R)
      return R;
    M.Tables.push_back(TableType{*ElemType, Limits{Count, Count}});
    return {};
  }
  auto Type = parseTableType();
  if (!Type)
    return std::unexpected(Type.error());
  if (!ImportNames) {
    M.Tables.push_back(*Type);
    return {};
  }
  Import Imp;
  Imp.Kind = ExternKind::Table;
  Imp.Table = *Type;
  addInlineImport(std::move(*ImportNames), std::move(Imp));
  return {};
}

Expected<void> ModuleParser::parseMemory() {
  auto Head = parseFieldHead(Space::Memory, ExternKind::Memory);
  if (!Head)
    return std::unexpected(Head.error());
  const uint32_t Index = Head->Index;
  auto &ImportNames = Head->ImportNames;
  if (!ImportNames && C.atForm("data")) {
    const Token &At = C.peek();
    C.next();
    C.next();
    DataSegment Seg;
    Seg.MemoryIndex = Index;
    Seg.Offset = At.Offset;
    if (auto R = parseDataString(Seg.Bytes); !R)
      return R;
    if (auto R = C.expectRParen(); !R)
      return R;
    // The inline segment starts at offset 0: (i32.const 0).
    Seg.MemoryOffset = makeConstExpr(Opcode::I32Const, 0, At.Offset);
    const uint64_t Pages = (Seg.Bytes.size() + PageSizeInBytes - 1) / PageSizeInBytes;
    M.Memories.push_back(MemoryType{Limits{Pages, Pages}});
    takeIndex(Space::Data);
    M.Data.push_back(std::move(Seg));
    return {};
  }
  auto Pages = parseLimits();
  if (!Pages)
    return std::unexpected(Pages.error());
  if (!ImportNames) {
    M.Memories.push_back(MemoryType{*Pages});
    return {};
  }
  Import Imp;
  Imp.Kind = ExternKind::Memory;
  Imp.Memory.Pages = *Pages;
  addInlineImport(std::move(*ImportNames), std::move(Imp));
  return {};
}

Expected<void> ModuleParser::parseGlobal() {
  auto Head = parseFieldHead(Space::Global, ExternKind::Global);
  if (!Head)
    return std::unexpected(Head.error());
  auto &ImportNames = Head->ImportNames;
  auto Type = parseGlobalType();
  if (!Type)
    return std::unexpected(Type.error());
  if (ImportNames) {
    Import Imp;
    Imp.Kind = ExternKind::Global;
    Imp.Global = *Type;
    addInlineImport(std::move(*ImportNames), std::move(Imp));
    return {};
  }
  Global G;
  G.Type = *Type;
  G.Offset = FieldStart->Offset;
  auto Init = parseConstExpr(false);
  if (!Init)
    return std::unexpected(Init.error());
  G.Init = std::move(*Init);
  M.Globals.push_back(std::move(G));
  return {};
}

} // namespace kiln::text
