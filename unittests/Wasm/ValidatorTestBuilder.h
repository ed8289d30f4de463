//===- ValidatorTestBuilder.h - Building modules for validator tests -*- C++ -*-===//
//
// The validator tests build small Modules in memory (no decoder involved);
// this header holds the builder and the result checks they share.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_UNITTESTS_WASM_VALIDATORTESTBUILDER_H
#define KILN_UNITTESTS_WASM_VALIDATORTESTBUILDER_H

#include "kiln/Wasm/Validator.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace kiln::wasm::testing_support {

using enum ValType;

//===----------------------------------------------------------------------===//
// Building modules
//===----------------------------------------------------------------------===//

inline Instruction op(Opcode Op, uint32_t Index = 0, uint32_t Index2 = 0) {
  Instruction I;
  I.Op = Op;
  I.Index = Index;
  I.Index2 = Index2;
  return I;
}

inline Instruction i32Const(int32_t Value) {
  Instruction I = op(Opcode::I32Const);
  I.setBits64(static_cast<uint32_t>(Value));
  return I;
}
inline Instruction i64Const(int64_t Value) {
  Instruction I = op(Opcode::I64Const);
  I.setBits64(static_cast<uint64_t>(Value));
  return I;
}
inline Instruction f32Const() { return op(Opcode::F32Const); }
inline Instruction v128Const() { return op(Opcode::V128Const); }

inline Instruction block(Opcode Op) { return op(Op); }
inline Instruction block(Opcode Op, ValType Result) {
  Instruction I = op(Op);
  I.setBlockType({BlockType::Kind::Value, Result, 0});
  return I;
}
inline Instruction blockOfType(Opcode Op, uint32_t TypeIndex) {
  Instruction I = op(Op);
  I.setBlockType({BlockType::Kind::TypeIndex, I32, TypeIndex});
  return I;
}
inline Instruction end() { return op(Opcode::End); }

inline Instruction memOp(Opcode Op, uint8_t AlignLog2, uint32_t Memory = 0) {
  Instruction I = op(Op, 0, Memory);
  I.AlignLog2 = AlignLog2;
  return I;
}
inline Instruction laneOp(Opcode Op, uint8_t Lane, uint8_t AlignLog2 = 0) {
  Instruction I = op(Op);
  I.Lane = Lane;
  I.AlignLog2 = AlignLog2;
  return I;
}
inline Instruction typedSelect(ValType Type, uint32_t Count = 1) {
  return op(Opcode::SelectTyped, static_cast<uint32_t>(Type), Count);
}
inline Instruction refNull(ValType Type) {
  return op(Opcode::RefNull, static_cast<uint32_t>(Type));
}

/// Assigns increasing byte offsets so tests can check where errors point.
inline constexpr uint32_t FirstOffset = 0x100;

class ModuleBuilder {
public:
  uint32_t type(std::vector<ValType> Params, std::vector<ValType> Results) {
    M.Types.push_back({std::move(Params), std::move(Results)});
    return static_cast<uint32_t>(M.Types.size() - 1);
  }
  void importFunc(uint32_t TypeIndex) {
    Import Imp;
    Imp.ModuleName = "env";
    Imp.FieldName = "f" + std::to_string(M.Imports.size());
    Imp.Kind = ExternKind::Func;
    Imp.FuncTypeIndex = TypeIndex;
    M.Imports.push_back(Imp);
  }
  void importGlobal(ValType Type, bool Mutable) {
    Import Imp;
    Imp.ModuleName = "env";
    Imp.FieldName = "g" + std::to_string(M.Imports.size());
    Imp.Kind = ExternKind::Global;
    Imp.Global = {Type, Mutable};
    M.Imports.push_back(Imp);
  }
  /// Adds a function; the final `end` is appended.
  void func(uint32_t TypeIndex, std::vector<Instruction> Code, std::vector<ValType> Locals = {},
            std::vector<uint32_t> BranchTargets = {}) {
    M.FunctionTypeIndices.push_back(TypeIndex);
    FunctionBody Body;
    Body.Locals = std::move(Locals);
    Body.Code = std::move(Code);
    Body.Code.push_back(end());
    for (Instruction &I : Body.Code)
      I.Offset = NextOffset++;
    Body.BranchTargets = std::move(BranchTargets);
    M.Bodies.push_back(std::move(Body));
  }
  void memory(uint64_t Min, std::optional<uint64_t> Max = std::nullopt) {
    M.Memories.push_back({{Min, Max}});
  }
  void table(ValType Elem = FuncRef, uint64_t Min = 1, std::optional<uint64_t> Max = std::nullopt) {
    M.Tables.push_back({Elem, {Min, Max}});
  }
  void global(ValType Type, bool Mutable, std::vector<Instruction> Init) {
    M.Globals.push_back({{Type, Mutable}, expr(std::move(Init)), 0});
  }
  void exportAs(std::string Name, ExternKind Kind, uint32_t Index) {
    M.Exports.push_back({std::move(Name), Kind, Index, 0});
  }
  void activeElem(uint32_t Table, std::vector<Instruction> Offset, ValType Type,
                  std::vector<std::vector<Instruction>> Items) {
    ElementSegment Segment;
    Segment.TableIndex = Table;
    Segment.TableOffset = expr(std::move(Offset));
    Segment.ElemType = Type;
    for (auto &Item : Items)
      Segment.Items.push_back(expr(std::move(Item)));
    M.Elements.push_back(std::move(Segment));
  }
  void passiveElem(SegmentMode Mode, ValType Type, std::vector<std::vector<Instruction>> Items) {
    activeElem(0, {}, Type, std::move(Items));
    M.Elements.back().Mode = Mode;
    M.Elements.back().TableOffset = {};
  }
  void data(SegmentMode Mode, uint32_t Memory = 0) {
    DataSegment Segment;
    Segment.Mode = Mode;
    Segment.MemoryIndex = Memory;
    if (Mode == SegmentMode::Active)
      Segment.MemoryOffset = expr({i32Const(0)});
    M.Data.push_back(std::move(Segment));
  }
  ConstExpr expr(std::vector<Instruction> Code) {
    ConstExpr E;
    E.Code = std::move(Code);
    E.Code.push_back(end());
    for (Instruction &I : E.Code)
      I.Offset = NextOffset++;
    return E;
  }
  Module build() {
    M.buildIndexSpaces();
    return M;
  }

  Module M;

private:
  uint32_t NextOffset = FirstOffset;
};

//===----------------------------------------------------------------------===//
// Checking results
//===----------------------------------------------------------------------===//

inline ::testing::AssertionResult isValid(const Expected<void> &Result) {
  if (Result)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "unexpected error: " << Result.error().format();
}

inline ::testing::AssertionResult failsWith(const Expected<void> &Result, std::string_view Text,
                                            ErrorKind Kind = ErrorKind::Invalid) {
  if (Result)
    return ::testing::AssertionFailure() << "validated, expected \"" << Text << "\"";
  const Error &E = Result.error();
  if (E.kind() != Kind)
    return ::testing::AssertionFailure()
           << "wrong kind " << errorKindName(E.kind()) << ": " << E.format();
  if (E.message().find(Text) == std::string::npos)
    return ::testing::AssertionFailure() << "message lacks \"" << Text << "\": " << E.message();
  return ::testing::AssertionSuccess();
}

inline Expected<void> validate(ModuleBuilder &B, const Features &Enabled = Features::wasm20()) {
  Module M = B.build();
  return validateModule(M, Enabled);
}

/// One function of type Params -> Results, in a module with one memory, a
/// funcref table and a mutable and an immutable i32 global.
struct BodyTest {
  std::vector<ValType> Params;
  std::vector<ValType> Results;
  std::vector<Instruction> Code;
  std::vector<ValType> Locals = {};
  std::vector<uint32_t> BranchTargets = {};
};

inline Expected<void> validateBody(BodyTest Test, const Features &Enabled = Features::wasm20()) {
  ModuleBuilder B;
  B.memory(1);
  B.table();
  B.global(I32, true, {i32Const(0)});
  B.global(I32, false, {i32Const(0)});
  B.func(B.type(Test.Params, Test.Results), Test.Code, Test.Locals, Test.BranchTargets);
  return validate(B, Enabled);
}

} // namespace kiln::wasm::testing_support

#endif // KILN_UNITTESTS_WASM_VALIDATORTESTBUILDER_H
