//===- ValidateModule.cpp - Module-level validation rules -----------------===//
//
// `validateModule`: the rules of the spec's "Modules" validation section
// (types, imports, tables, memories, globals, exports, start, element and
// data segments), then every function body, which is the costly part and so
// comes last.
//
//===----------------------------------------------------------------------===//
#include "ValidateContext.h"

#include "kiln/Wasm/Validator.h"

#include <string>
#include <unordered_set>

namespace kiln::wasm {

namespace validate {
namespace {

/// Table sizes are u32 in WebAssembly 2.0.
constexpr uint64_t MaxTableSize = 0xffffffffu;

std::string quoted(std::string_view Text) { return "\"" + std::string(Text) + "\""; }

/// Catches modules whose parts disagree in ways no decoder output can, such
/// as index spaces built before the last edit.
Expected<void> checkStructure(const Module &M) {
  if (M.Bodies.size() != M.FunctionTypeIndices.size())
    return malformedAt(std::nullopt, "function and code section have inconsistent lengths: " +
                                         std::to_string(M.FunctionTypeIndices.size()) +
                                         " functions but " + std::to_string(M.Bodies.size()) +
                                         " bodies");
  if (M.DataCount && *M.DataCount != M.Data.size())
    return malformedAt(std::nullopt, "data count and data section have inconsistent lengths");
  size_t Imported[4] = {};
  for (const Import &Imp : M.Imports)
    ++Imported[static_cast<size_t>(Imp.Kind)];
  bool Consistent = M.ImportedFuncCount == Imported[0] && M.ImportedTableCount == Imported[1] &&
                    M.ImportedMemoryCount == Imported[2] && M.ImportedGlobalCount == Imported[3] &&
                    M.FuncSpace.size() == Imported[0] + M.FunctionTypeIndices.size() &&
                    M.TableSpace.size() == Imported[1] + M.Tables.size() &&
                    M.MemorySpace.size() == Imported[2] + M.Memories.size() &&
                    M.GlobalSpace.size() == Imported[3] + M.Globals.size();
  if (!Consistent)
    return std::unexpected(Error(ErrorKind::Internal,
                                 "the module's index spaces are out of date: call "
                                 "Module::buildIndexSpaces() after building it"));
  return {};
}

Expected<void> validateFuncTypes(const ModuleContext &Ctx) {
  for (const FuncType &Type : Ctx.M.Types) {
    for (ValType Param : Type.Params)
      if (auto Ok = requireValTypeEnabled(Ctx.Enabled, Param, std::nullopt); !Ok)
        return Ok;
    for (ValType Result : Type.Results)
      if (auto Ok = requireValTypeEnabled(Ctx.Enabled, Result, std::nullopt); !Ok)
        return Ok;
    if (Type.Results.size() > 1)
      if (auto Ok = requireFeature(Ctx.Enabled, Feature::MultiValue,
                                   "a function type with several results", std::nullopt);
          !Ok)
        return Ok;
  }
  return {};
}

Expected<void> validateTableType(const ModuleContext &Ctx, const TableType &Table,
                                 ErrorOffset Offset) {
  if (!isRefType(Table.ElemType))
    return malformedAt(Offset,
                       "malformed table element type " + std::string(valTypeName(Table.ElemType)));
  if (Table.ElemType != ValType::FuncRef)
    if (auto Ok = requireValTypeEnabled(Ctx.Enabled, Table.ElemType, Offset); !Ok)
      return Ok;
  const Limits &Size = Table.Size;
  if (Size.Min > MaxTableSize || (Size.Max && *Size.Max > MaxTableSize))
    return invalidAt(Offset, "table size must be at most 2^32-1");
  if (Size.Max && Size.Min > *Size.Max)
    return invalidAt(Offset, "size minimum must not be greater than maximum: " +
                                 std::to_string(Size.Min) + " > " + std::to_string(*Size.Max));
  return {};
}

Expected<void> validateMemoryType(const MemoryType &Memory, ErrorOffset Offset) {
  const Limits &Pages = Memory.Pages;
  if (Pages.Min > MaxMemoryPages)
    return invalidAt(Offset, "memory size must be at most 65536 pages (4GiB): the minimum is " +
                                 std::to_string(Pages.Min));
  if (Pages.Max && *Pages.Max > MaxMemoryPages)
    return invalidAt(Offset, "memory size must be at most 65536 pages (4GiB): the maximum is " +
                                 std::to_string(*Pages.Max));
  if (Pages.Max && Pages.Min > *Pages.Max)
    return invalidAt(Offset, "size minimum must not be greater than maximum: " +
                                 std::to_string(Pages.Min) + " > " + std::to_string(*Pages.Max));
  return {};
}

Expected<void> validateGlobalType(const ModuleContext &Ctx, const GlobalType &Type,
                                  bool CrossesModule, ErrorOffset Offset) {
  if (auto Ok = requireValTypeEnabled(Ctx.Enabled, Type.Type, Offset); !Ok)
    return Ok;
  if (CrossesModule && Type.Mutable)
    return requireFeature(Ctx.Enabled, Feature::MutableGlobals,
                          "importing or exporting a mutable global", Offset);
  return {};
}

Expected<void> validateImports(const ModuleContext &Ctx) {
  const Module &M = Ctx.M;
  for (const Import &Imp : M.Imports) {
    switch (Imp.Kind) {
    case ExternKind::Func:
      if (Imp.FuncTypeIndex >= M.Types.size())
        return invalidAt(Imp.Offset, "unknown type " + std::to_string(Imp.FuncTypeIndex) +
                                         ": imported function " + quoted(Imp.ModuleName) + " " +
                                         quoted(Imp.FieldName) + " uses it but the module has " +
                                         std::to_string(M.Types.size()) + " types");
      break;
    case ExternKind::Table:
      if (auto Ok = validateTableType(Ctx, Imp.Table, Imp.Offset); !Ok)
        return Ok;
      break;
    case ExternKind::Memory:
      if (auto Ok = validateMemoryType(Imp.Memory, Imp.Offset); !Ok)
        return Ok;
      break;
    case ExternKind::Global:
      if (auto Ok = validateGlobalType(Ctx, Imp.Global, /*CrossesModule=*/true, Imp.Offset); !Ok)
        return Ok;
      break;
    }
  }
  return {};
}

Expected<void> validateFunctionTypeIndices(const ModuleContext &Ctx) {
  const Module &M = Ctx.M;
  for (size_t K = 0; K < M.FunctionTypeIndices.size(); ++K) {
    uint32_t TypeIndex = M.FunctionTypeIndices[K];
    if (TypeIndex < M.Types.size())
      continue;
    uint32_t FuncIndex = M.ImportedFuncCount + static_cast<uint32_t>(K);
    auto Err = invalidAt(M.Bodies[K].Offset, "unknown type " + std::to_string(TypeIndex) +
                                                 ": the module has " +
                                                 std::to_string(M.Types.size()) + " types");
    Err.error().inFunction(FuncIndex);
    return Err;
  }
  return {};
}

Expected<void> validateTablesAndMemories(const ModuleContext &Ctx) {
  const Module &M = Ctx.M;
  for (const TableType &Table : M.Tables)
    if (auto Ok = validateTableType(Ctx, Table, std::nullopt); !Ok)
      return Ok;
  for (const MemoryType &Memory : M.Memories)
    if (auto Ok = validateMemoryType(Memory, std::nullopt); !Ok)
      return Ok;
  if (M.TableSpace.size() > 1)
    if (auto Ok =
            requireFeature(Ctx.Enabled, Feature::ReferenceTypes, "multiple tables", std::nullopt);
        !Ok)
      return Ok;
  if (M.MemorySpace.size() > 1 && !Ctx.Enabled.has(Feature::MultiMemory))
    return invalidAt(std::nullopt, "multiple memories: the module has " +
                                       std::to_string(M.MemorySpace.size()) +
                                       " but WebAssembly 2.0 allows one");
  return {};
}

void markFuncRefs(std::vector<uint8_t> &Declared, const ConstExpr &Expr) {
  for (const Instruction &I : Expr.Code)
    if (I.Op == Opcode::RefFunc && I.Index < Declared.size())
      Declared[I.Index] = 1;
}

/// C.refs: every function index that occurs outside function bodies and the
/// start section.
void collectDeclaredFuncRefs(ModuleContext &Ctx) {
  const Module &M = Ctx.M;
  std::vector<uint8_t> &Declared = Ctx.DeclaredFuncRefs;
  Declared.assign(M.FuncSpace.size(), 0);
  for (const Global &G : M.Globals)
    markFuncRefs(Declared, G.Init);
  for (const ElementSegment &Segment : M.Elements) {
    markFuncRefs(Declared, Segment.TableOffset);
    for (const ConstExpr &Item : Segment.Items)
      markFuncRefs(Declared, Item);
  }
  for (const DataSegment &Segment : M.Data)
    markFuncRefs(Declared, Segment.MemoryOffset);
  for (const Export &Exp : M.Exports)
    if (Exp.Kind == ExternKind::Func && Exp.Index < Declared.size())
      Declared[Exp.Index] = 1;
}

Expected<void> validateGlobals(ModuleContext &Ctx) {
  for (const Global &G : Ctx.M.Globals) {
    if (auto Ok = validateGlobalType(Ctx, G.Type, /*CrossesModule=*/false, G.Offset); !Ok)
      return Ok;
    if (auto Ok = validateConstExpr(Ctx, G.Init, G.Type.Type, ConstExprRole::GlobalInitializer);
        !Ok)
      return Ok;
  }
  return {};
}

Expected<void> checkExportIndex(const Module &M, const Export &Exp) {
  size_t Count = 0;
  switch (Exp.Kind) {
  case ExternKind::Func: Count = M.FuncSpace.size(); break;
  case ExternKind::Table: Count = M.TableSpace.size(); break;
  case ExternKind::Memory: Count = M.MemorySpace.size(); break;
  case ExternKind::Global: Count = M.GlobalSpace.size(); break;
  }
  if (Exp.Index < Count)
    return {};
  std::string Kind(externKindName(Exp.Kind));
  return invalidAt(Exp.Offset, "unknown " + (Kind == "func" ? std::string("function") : Kind) +
                                   " " + std::to_string(Exp.Index) + ": export " +
                                   quoted(Exp.Name) + " refers to it");
}

Expected<void> validateExports(const ModuleContext &Ctx) {
  const Module &M = Ctx.M;
  std::unordered_set<std::string_view> Names;
  Names.reserve(M.Exports.size());
  for (const Export &Exp : M.Exports) {
    if (auto Ok = checkExportIndex(M, Exp); !Ok)
      return Ok;
    if (Exp.Kind == ExternKind::Global)
      if (auto Ok =
              validateGlobalType(Ctx, M.GlobalSpace[Exp.Index], /*CrossesModule=*/true, Exp.Offset);
          !Ok)
        return Ok;
    if (!Names.insert(Exp.Name).second)
      return invalidAt(Exp.Offset, "duplicate export name " + quoted(Exp.Name));
  }
  return {};
}

Expected<void> validateStart(const ModuleContext &Ctx) {
  const Module &M = Ctx.M;
  if (!M.Start)
    return {};
  uint32_t FuncIndex = *M.Start;
  if (FuncIndex >= M.FuncSpace.size())
    return invalidAt(std::nullopt, "unknown function " + std::to_string(FuncIndex) +
                                       ": the start section names it but the module has " +
                                       std::to_string(M.FuncSpace.size()) + " functions");
  const FuncType &Type = M.funcType(FuncIndex);
  if (!Type.Params.empty() || !Type.Results.empty())
    return invalidAt(std::nullopt, "start function must have type [] -> [], but function " +
                                       std::to_string(FuncIndex) + " has type " +
                                       typeListText(Type.Params) + " -> " +
                                       typeListText(Type.Results));
  return {};
}

Expected<void> validateElementMode(ModuleContext &Ctx, const ElementSegment &Segment) {
  const Module &M = Ctx.M;
  if (Segment.Mode != SegmentMode::Active)
    return requireFeature(Ctx.Enabled, Feature::BulkMemory,
                          "a passive or declarative element segment", Segment.Offset);
  if (Segment.TableIndex >= M.TableSpace.size())
    return invalidAt(Segment.Offset, "unknown table " + std::to_string(Segment.TableIndex) +
                                         ": an element segment initializes it but the module has " +
                                         std::to_string(M.TableSpace.size()));
  ValType TableElem = M.TableSpace[Segment.TableIndex].ElemType;
  if (TableElem != Segment.ElemType)
    return invalidAt(Segment.Offset, "type mismatch: element segment of " +
                                         std::string(valTypeName(Segment.ElemType)) +
                                         " initializes table " +
                                         std::to_string(Segment.TableIndex) + " of " +
                                         std::string(valTypeName(TableElem)));
  return validateConstExpr(Ctx, Segment.TableOffset, ValType::I32, ConstExprRole::ElementOffset);
}

Expected<void> validateElements(ModuleContext &Ctx) {
  for (const ElementSegment &Segment : Ctx.M.Elements) {
    if (!isRefType(Segment.ElemType))
      return malformedAt(Segment.Offset,
                         "malformed element type " + std::string(valTypeName(Segment.ElemType)));
    if (Segment.ElemType != ValType::FuncRef)
      if (auto Ok = requireValTypeEnabled(Ctx.Enabled, Segment.ElemType, Segment.Offset); !Ok)
        return Ok;
    for (const ConstExpr &Item : Segment.Items)
      if (auto Ok = validateConstExpr(Ctx, Item, Segment.ElemType, ConstExprRole::ElementItem); !Ok)
        return Ok;
    if (auto Ok = validateElementMode(Ctx, Segment); !Ok)
      return Ok;
  }
  return {};
}

Expected<void> validateDataSegments(ModuleContext &Ctx) {
  const Module &M = Ctx.M;
  for (const DataSegment &Segment : M.Data) {
    if (Segment.Mode != SegmentMode::Active) {
      if (auto Ok = requireFeature(Ctx.Enabled, Feature::BulkMemory, "a passive data segment",
                                   Segment.Offset);
          !Ok)
        return Ok;
      continue;
    }
    if (Segment.MemoryIndex >= M.MemorySpace.size())
      return invalidAt(Segment.Offset, "unknown memory " + std::to_string(Segment.MemoryIndex) +
                                           ": a data segment initializes it but the module has " +
                                           std::to_string(M.MemorySpace.size()));
    if (auto Ok =
            validateConstExpr(Ctx, Segment.MemoryOffset, ValType::I32, ConstExprRole::DataOffset);
        !Ok)
      return Ok;
  }
  return {};
}

} // namespace
} // namespace validate

Expected<void> validateModule(const Module &M, const Features &Enabled) {
  using namespace validate;
  if (auto Ok = checkStructure(M); !Ok)
    return Ok;
  ModuleContext Ctx(M, Enabled);
  collectDeclaredFuncRefs(Ctx);
  // Grouped by signature: the constant-expression steps need the context's
  // scratch stack, the others only read it.
  for (auto Step :
       {validateFuncTypes, validateImports, validateFunctionTypeIndices, validateTablesAndMemories})
    if (auto Ok = Step(Ctx); !Ok)
      return Ok;
  for (auto Step : {validateGlobals, validateElements, validateDataSegments})
    if (auto Ok = Step(Ctx); !Ok)
      return Ok;
  for (auto Step : {validateStart, validateExports})
    if (auto Ok = Step(Ctx); !Ok)
      return Ok;
  return validateFunctionBodies(Ctx);
}

} // namespace kiln::wasm
