//===- kiln/Wasm/Module.h - The in-memory WebAssembly module ----*- C++ -*-===//
//
// What the decoder (and the text parser) produce and the validator,
// translator and runtime consume. Plain data: no LLVM, no runtime state.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_WASM_MODULE_H
#define KILN_WASM_MODULE_H

#include "kiln/Wasm/Instruction.h"
#include "kiln/Wasm/Types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiln::wasm {

/// A constant expression (global initialiser, segment offset, element item),
/// including its final `end`.
struct ConstExpr {
  std::vector<Instruction> Code;
  uint64_t Offset = 0; ///< Where the expression starts in the module.
};

struct Import {
  std::string ModuleName;
  std::string FieldName;
  ExternKind Kind = ExternKind::Func;
  uint32_t FuncTypeIndex = 0; ///< Kind == Func
  TableType Table;            ///< Kind == Table
  MemoryType Memory;          ///< Kind == Memory
  GlobalType Global;          ///< Kind == Global
  uint64_t Offset = 0;
};

struct Export {
  std::string Name;
  ExternKind Kind = ExternKind::Func;
  uint32_t Index = 0;
  uint64_t Offset = 0;
};

struct Global {
  GlobalType Type;
  ConstExpr Init;
  uint64_t Offset = 0;
};

enum class SegmentMode : uint8_t { Active, Passive, Declarative };

struct ElementSegment {
  SegmentMode Mode = SegmentMode::Active;
  uint32_t TableIndex = 0; ///< Active only.
  ConstExpr TableOffset;   ///< Active only.
  ValType ElemType = ValType::FuncRef;
  /// Each item is a constant expression; the function-index encodings are
  /// decoded into `ref.func N; end` so consumers see one form.
  std::vector<ConstExpr> Items;
  uint64_t Offset = 0;
};

struct DataSegment {
  SegmentMode Mode = SegmentMode::Active; ///< Active or Passive.
  uint32_t MemoryIndex = 0;
  ConstExpr MemoryOffset; ///< Active only.
  std::vector<uint8_t> Bytes;
  uint64_t Offset = 0;
};

struct FunctionBody {
  /// Declared locals, expanded (parameters are not included).
  std::vector<ValType> Locals;
  std::vector<Instruction> Code; ///< Ends with the function's final `end`.
  /// br_table targets: an instruction's range is
  /// [Index, Index + Index2] where the last entry is the default.
  std::vector<uint32_t> BranchTargets;
  uint64_t Offset = 0; ///< Start of the body (its size field).
  uint64_t Size = 0;   ///< Size in bytes, as encoded.
};

struct CustomSection {
  std::string Name;
  std::vector<uint8_t> Bytes; ///< Payload after the name.
  uint64_t Offset = 0;
  /// Id of the last non-custom section before it (0 if none), to re-emit
  /// custom sections where they were.
  uint8_t After = 0;
};

/// The parts of the "name" custom section that Kiln uses.
struct NameSection {
  std::optional<std::string> ModuleName;
  std::map<uint32_t, std::string> FunctionNames;
  std::map<uint32_t, std::map<uint32_t, std::string>> LocalNames;
};

struct Module {
  std::vector<FuncType> Types;
  std::vector<Import> Imports;
  /// Type index of each function defined here (the function section).
  std::vector<uint32_t> FunctionTypeIndices;
  std::vector<TableType> Tables;     ///< Defined here, not imported.
  std::vector<MemoryType> Memories;  ///< Defined here, not imported.
  std::vector<Global> Globals;       ///< Defined here, not imported.
  std::vector<Export> Exports;
  std::optional<uint32_t> Start;
  std::vector<ElementSegment> Elements;
  std::optional<uint32_t> DataCount;
  std::vector<FunctionBody> Bodies;
  std::vector<DataSegment> Data;
  std::vector<CustomSection> Customs;
  NameSection Names;

  // Index spaces: imports first, then definitions. Filled by
  // `buildIndexSpaces()`, which the decoder and the text parser call.
  std::vector<uint32_t> FuncSpace; ///< Type index per function.
  std::vector<TableType> TableSpace;
  std::vector<MemoryType> MemorySpace;
  std::vector<GlobalType> GlobalSpace;
  uint32_t ImportedFuncCount = 0;
  uint32_t ImportedTableCount = 0;
  uint32_t ImportedMemoryCount = 0;
  uint32_t ImportedGlobalCount = 0;

  void buildIndexSpaces();

  /// The signature of function `FuncIndex` (import or definition); the index
  /// must be valid.
  const FuncType &funcType(uint32_t FuncIndex) const { return Types[FuncSpace[FuncIndex]]; }
  /// A display name: the name section's, else "func[N]".
  std::string functionDisplayName(uint32_t FuncIndex) const;
};

} // namespace kiln::wasm

#endif // KILN_WASM_MODULE_H
