//===- ModuleParser.h - Text module fields to a wasm::Module ----*- C++ -*-===//
//
// The recursive-descent reader of one module's fields. It works in two
// passes over the tokens: the first declares every identifier (and reads
// explicit type definitions), so the second can resolve any reference on the
// spot, forward ones included, and append implicit types in the order the
// spec prescribes. The class's methods are spread over files by concern:
// ModuleParser.cpp (driver, names), ModuleFields.cpp, Segments.cpp,
// TypeUse.cpp, Instructions.cpp, Immediates.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_TEXT_MODULEPARSER_H
#define KILN_LIB_TEXT_MODULEPARSER_H

#include "TokenCursor.h"

#include "kiln/Wasm/Module.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kiln::text {

/// The index spaces a module-level identifier can name.
enum class Space : uint8_t { Type, Func, Table, Memory, Global, Elem, Data, Count };

/// Identifiers declared in one index space, and how many entries it has.
struct NameTable {
  std::unordered_map<std::string, uint32_t> Indices;
  uint32_t Count = 0;
};

/// A parsed `typeuse`: an optional `(type x)` and inline params and results.
struct TypeUse {
  std::optional<uint32_t> Index;
  wasm::FuncType Inline;
  bool HasInline = false;
  /// One entry per inline parameter: its identifier, or empty.
  std::vector<std::string> ParamNames;
  const Token *At = nullptr;
};

/// `(Op Index) end` as a constant expression, every instruction at
/// `Offset`: the offsets and element items the text format implies
/// (Segments.cpp). For i32.const the immediate is 0.
wasm::ConstExpr makeConstExpr(wasm::Opcode Op, uint32_t Index, uint32_t Offset);

class ModuleParser {
public:
  explicit ModuleParser(TokenCursor &Cursor) : C(Cursor) {}

  /// Parses `field*` up to (not including) the `)` that closes the module,
  /// or up to the end of input when `Bare` (a .wat file without `(module`).
  Expected<wasm::Module> parse(bool Bare);

private:
  // ModuleParser.cpp: the two passes and identifier resolution.
  Expected<void> declareFields(bool Bare);
  Expected<void> declareField();
  Expected<void> declareImportDesc();
  Expected<void> declareName(Space S, size_t Ahead);
  Expected<void> noteImport(const Token &At);
  void noteDefinition(Space S);
  Expected<void> parseField();
  Expected<void> finish();
  Expected<uint32_t> parseIndex(Space S);
  Expected<uint32_t> parseNumericIndex(std::string_view What);
  Expected<std::optional<uint32_t>> parseOptionalIndex(Space S);
  Expected<uint32_t> resolveName(Space S, const Token &Id);

  // ModuleFields.cpp: imports, exports, functions, tables, memories, globals.
  Expected<void> parseImport();
  Expected<void> parseExportField();
  Expected<void> parseStart();
  Expected<void> parseFunc();
  Expected<void> parseFuncBody(wasm::FunctionBody &Body, uint32_t FuncIndex,
                               const TypeUse &Use, uint32_t TypeIndex);
  Expected<void> parseTable();
  Expected<void> parseMemory();
  Expected<void> parseGlobal();
  Expected<void> parseInlineExports(wasm::ExternKind Kind, uint32_t Index);
  Expected<std::optional<std::pair<std::string, std::string>>> parseInlineImport();
  uint32_t takeIndex(Space S) { return NextIndex[size_t(S)]++; }
  /// What every definition field (func, table, memory, global) starts
  /// with: its index, an optional id, inline exports, an inline import.
  struct FieldHead {
    uint32_t Index;
    std::optional<std::pair<std::string, std::string>> ImportNames;
  };
  Expected<FieldHead> parseFieldHead(Space S, wasm::ExternKind Kind);
  /// Records an import written inline in a definition field.
  void addInlineImport(std::pair<std::string, std::string> Names, wasm::Import Imp);

  // Segments.cpp: element and data segments, inline or not.
  /// An active segment's `(table x)` / `(memory x)`: the index if written.
  Expected<std::optional<uint32_t>> parseTargetIndex(const char *Keyword, Space S);
  Expected<void> parseElem();
  Expected<void> parseData();
  Expected<void> parseElemList(wasm::ElementSegment &Seg, bool AllowBareFuncs);
  Expected<wasm::ConstExpr> parseElemExpr();
  Expected<wasm::ConstExpr> parseOffset();
  Expected<void> parseInlineElem(uint32_t TableIndex, wasm::ValType ElemType,
                                 uint64_t &ItemCount);
  Expected<void> parseDataString(std::vector<uint8_t> &Bytes);

  // TypeUse.cpp: value types, function types, type uses, limits.
  Expected<wasm::ValType> parseValType();
  Expected<wasm::ValType> parseRefType();
  Expected<wasm::ValType> parseHeapType();
  Expected<void> parseParams(wasm::FuncType &Type, std::vector<std::string> &Names,
                             bool AllowNames);
  Expected<void> parseResults(wasm::FuncType &Type);
  Expected<wasm::FuncType> parseFuncTypeDef();
  Expected<TypeUse> parseTypeUse(bool AllowParamNames);
  Expected<uint32_t> resolveTypeUse(const TypeUse &Use);
  uint32_t internType(const wasm::FuncType &Type);
  Expected<wasm::Limits> parseLimits();
  Expected<wasm::TableType> parseTableType();
  Expected<wasm::GlobalType> parseGlobalType();
  Expected<uint64_t> parseU32(std::string_view What);
  /// A u32 literal (indices, limits, alignments...): `What` names what was
  /// expected, `OutOfRange` starts the message for a too-large one.
  Expected<uint32_t> parseU32Literal(std::string_view What, std::string_view OutOfRange);

  // Instructions.cpp: instruction sequences, folded and flat, and blocks.
  Expected<void> parseInstrs(std::vector<wasm::Instruction> &Code);
  /// An instruction form that has been opened but not yet closed.
  struct OpenForm {
    enum class Kind : uint8_t {
      Flat,   ///< `block`/`loop`/`if` ... `end`; `Pending` is its header.
      Plain,  ///< `(op imm* folded*)`: `Pending` is emitted at the `)`.
      Block,  ///< `(block ...)` or `(loop ...)`.
      IfHead, ///< `(if label bt folded*` before `(then`; `Pending` is the if.
      Arm,    ///< Inside `(then ...)` or `(else ...)`.
      IfTail, ///< After the arms of a folded if, before its `)`.
    };
    Kind TheKind;
    wasm::Instruction Pending;
    std::string Label;
    size_t ElsePos; ///< Where its `else` is in the code, or NoElse.
  };
  static constexpr size_t NoElse = ~size_t(0);

  Expected<void> parseInstrSeq(std::vector<wasm::Instruction> &Code, bool SingleFolded);
  /// Reads one token's worth of structure; false when the sequence ends.
  Expected<bool> step(std::vector<wasm::Instruction> &Code, std::vector<OpenForm> &Open);
  Expected<bool> parseFlatInstr(std::vector<wasm::Instruction> &Code,
                                std::vector<OpenForm> &Open);
  Expected<bool> openFlatElse(std::vector<wasm::Instruction> &Code, OpenForm &Block);
  Expected<bool> closeFlat(std::vector<wasm::Instruction> &Code, std::vector<OpenForm> &Open);
  Expected<bool> openFolded(std::vector<wasm::Instruction> &Code, std::vector<OpenForm> &Open);
  Expected<bool> closeFolded(std::vector<wasm::Instruction> &Code, std::vector<OpenForm> &Open);
  Expected<bool> stepIfHead(std::vector<wasm::Instruction> &Code, std::vector<OpenForm> &Open);
  Expected<bool> stepIfTail(std::vector<wasm::Instruction> &Code, std::vector<OpenForm> &Open);
  Expected<wasm::Instruction> parseBlockHeader(const Token &OpTok, std::string &Label);
  Expected<void> checkEndLabel(std::string_view Label);
  Expected<wasm::ConstExpr> parseConstExpr(bool Folded);
  Expected<std::optional<wasm::Opcode>> lookupOp(const Token &Tok);

  // Immediates.cpp: the operands written after an opcode.
  Expected<wasm::Instruction> parsePlainInstr(const Token &OpTok, wasm::Opcode Op);
  Expected<void> parseImmediates(wasm::Instruction &I);
  Expected<uint32_t> parseLabel();
  Expected<void> parseBrTable(wasm::Instruction &I);
  Expected<void> parseCallIndirect(wasm::Instruction &I);
  Expected<void> parseCopyOperands(wasm::Instruction &I);
  Expected<void> parseInitOperands(wasm::Instruction &I);
  Expected<void> parseSelect(wasm::Instruction &I);
  Expected<void> parseMemArg(wasm::Instruction &I);
  Expected<uint8_t> parseLaneIndex();
  Expected<void> parseShuffle(wasm::Instruction &I);
  Expected<void> parseV128Const(wasm::Instruction &I);
  Expected<void> parseConst(wasm::Instruction &I);
  Expected<uint32_t> parseLocal();

  TokenCursor &C;
  wasm::Module M;
  std::array<NameTable, size_t(Space::Count)> Names;
  /// Signature key to the first type index with that signature.
  std::map<std::string, uint32_t> TypeBySignature;
  /// Where the first definition of a function, table, memory or global was,
  /// for "import after function" and its kin.
  std::optional<Space> FirstDefinition;
  std::optional<uint32_t> StartFunc;
  /// Why the declaration pass stopped early, if it did. Pass two still runs
  /// so that an earlier error in reading order is the one reported.
  std::optional<Error> DeclareError;
  /// Pass two: the index the next entity of each space gets.
  std::array<uint32_t, size_t(Space::Count)> NextIndex{};
  /// The `(` of the field being parsed.
  const Token *FieldStart = nullptr;
  bool UsesDataCount = false;

  // The function (or constant expression) being parsed.
  std::unordered_map<std::string, uint32_t> LocalNames;
  uint32_t LocalCount = 0;
  std::vector<std::string> Labels;
  std::vector<uint32_t> *BranchTargets = nullptr;
  std::vector<uint32_t> ScratchTargets;
};

/// A key that is equal for equal function types, for finding an existing
/// type with a given signature.
std::string signatureKey(const wasm::FuncType &Type);

/// "type", "func", ... as used in "duplicate func" messages.
std::string_view spaceName(Space S);

} // namespace kiln::text

#endif // KILN_LIB_TEXT_MODULEPARSER_H
