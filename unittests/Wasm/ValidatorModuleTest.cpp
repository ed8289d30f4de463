//===- ValidatorModuleTest.cpp - Validator tests: module-level rules ---===//
//
// Module-level rules: constant expressions, limits, exports, start, segments,
// inconsistent modules, and feature gating.
//
//===----------------------------------------------------------------------===//
#include "ValidatorTestBuilder.h"

using namespace kiln;
using namespace kiln::wasm;
using namespace kiln::wasm::testing_support;

namespace {

//===----------------------------------------------------------------------===//
// Constant expressions
//===----------------------------------------------------------------------===//

TEST(ValidatorTest, ConstantExpressions) {
  auto Global = [](ValType Type, std::vector<Instruction> Init, bool ImportMutable = false) {
    ModuleBuilder B;
    B.importGlobal(I32, ImportMutable);
    B.func(B.type({}, {}), {});
    B.global(Type, false, std::move(Init));
    return validate(B);
  };
  EXPECT_TRUE(isValid(Global(I32, {i32Const(1)})));
  EXPECT_TRUE(isValid(Global(I32, {op(Opcode::GlobalGet, 0)})));
  EXPECT_TRUE(isValid(Global(FuncRef, {op(Opcode::RefFunc, 0)})));
  EXPECT_TRUE(isValid(Global(ExternRef, {refNull(ExternRef)})));
  EXPECT_TRUE(isValid(Global(V128, {v128Const()})));
  EXPECT_TRUE(failsWith(Global(I32, {i64Const(1)}),
                        "type mismatch: global initializer must produce [i32] but produces [i64]"));
  EXPECT_TRUE(failsWith(Global(I32, {}), "type mismatch"));
  EXPECT_TRUE(failsWith(Global(I32, {i32Const(1), i32Const(1)}), "type mismatch"));
  EXPECT_TRUE(
      failsWith(Global(I32, {i32Const(1), op(Opcode::I32Eqz)}), "constant expression required"));
  EXPECT_TRUE(
      failsWith(Global(I32, {op(Opcode::Nop), i32Const(1)}), "constant expression required"));
  EXPECT_TRUE(
      failsWith(Global(I32, {op(Opcode::GlobalGet, 0)}, true), "constant expression required"));
  // Only imported globals: global 1 is the module's own.
  EXPECT_TRUE(failsWith(Global(I32, {op(Opcode::GlobalGet, 1)}), "unknown global 1"));
  EXPECT_TRUE(failsWith(Global(FuncRef, {op(Opcode::RefFunc, 4)}), "unknown function 4"));
}

TEST(ValidatorTest, ExtendedConstOnlyWhenEnabled) {
  ModuleBuilder B;
  B.global(I32, false, {i32Const(1), i32Const(2), op(Opcode::I32Add)});
  EXPECT_TRUE(failsWith(validate(B), "constant expression required"));
  ModuleBuilder C;
  C.global(I32, false, {i32Const(1), i32Const(2), op(Opcode::I32Add)});
  EXPECT_TRUE(isValid(validate(C, Features::wasm20().set(Feature::ExtendedConst))));
  ModuleBuilder D;
  D.global(I32, false, {i32Const(1), i64Const(2), op(Opcode::I32Add)});
  EXPECT_TRUE(
      failsWith(validate(D, Features::wasm20().set(Feature::ExtendedConst)), "type mismatch"));
}

//===----------------------------------------------------------------------===//
// Module-level rules
//===----------------------------------------------------------------------===//

TEST(ValidatorTest, Limits) {
  ModuleBuilder MinMax;
  MinMax.memory(2, 1);
  EXPECT_TRUE(failsWith(validate(MinMax), "size minimum must not be greater than maximum"));
  ModuleBuilder Big;
  Big.memory(65537);
  EXPECT_TRUE(failsWith(validate(Big), "memory size must be at most 65536 pages (4GiB)"));
  ModuleBuilder BigMax;
  BigMax.memory(0, 65537);
  EXPECT_TRUE(failsWith(validate(BigMax), "memory size must be at most 65536 pages (4GiB)"));
  ModuleBuilder Largest;
  Largest.memory(65536, 65536);
  EXPECT_TRUE(isValid(validate(Largest)));
  ModuleBuilder Table;
  Table.table(FuncRef, 10, 5);
  EXPECT_TRUE(failsWith(validate(Table), "size minimum must not be greater than maximum"));
}

TEST(ValidatorTest, MemoryAndTableCounts) {
  ModuleBuilder Two;
  Two.memory(1);
  Two.memory(1);
  EXPECT_TRUE(failsWith(validate(Two), "multiple memories"));
  ModuleBuilder Tables;
  Tables.table();
  Tables.table(ExternRef);
  EXPECT_TRUE(isValid(validate(Tables)));
  ModuleBuilder MvpTables;
  MvpTables.table();
  MvpTables.table();
  EXPECT_TRUE(failsWith(validate(MvpTables, Features::mvpOnly()), "reference-types",
                        ErrorKind::Unsupported));
}

TEST(ValidatorTest, StartFunction) {
  ModuleBuilder B;
  B.func(B.type({}, {}), {});
  B.M.Start = 0;
  EXPECT_TRUE(isValid(validate(B)));
  ModuleBuilder Typed;
  Typed.func(Typed.type({I32}, {}), {});
  Typed.M.Start = 0;
  EXPECT_TRUE(failsWith(validate(Typed), "start function"));
  ModuleBuilder Unknown;
  Unknown.M.Start = 2;
  EXPECT_TRUE(failsWith(validate(Unknown), "unknown function 2"));
}

TEST(ValidatorTest, Exports) {
  ModuleBuilder B;
  B.func(B.type({}, {}), {});
  B.memory(1);
  B.exportAs("a", ExternKind::Func, 0);
  B.exportAs("b", ExternKind::Memory, 0);
  EXPECT_TRUE(isValid(validate(B)));
  B.exportAs("a", ExternKind::Memory, 0);
  EXPECT_TRUE(failsWith(validate(B), "duplicate export name \"a\""));

  for (ExternKind Kind :
       {ExternKind::Func, ExternKind::Table, ExternKind::Memory, ExternKind::Global}) {
    ModuleBuilder Missing;
    Missing.exportAs("x", Kind, 0);
    std::string Noun = Kind == ExternKind::Func ? "function" : std::string(externKindName(Kind));
    EXPECT_TRUE(failsWith(validate(Missing), "unknown " + Noun + " 0"));
  }
}

TEST(ValidatorTest, ElementSegments) {
  ModuleBuilder B;
  B.func(B.type({}, {}), {});
  B.table();
  B.activeElem(0, {i32Const(0)}, FuncRef, {{op(Opcode::RefFunc, 0)}, {refNull(FuncRef)}});
  EXPECT_TRUE(isValid(validate(B)));

  ModuleBuilder NoTable;
  NoTable.activeElem(0, {i32Const(0)}, FuncRef, {});
  EXPECT_TRUE(failsWith(validate(NoTable), "unknown table 0"));

  ModuleBuilder Mismatch;
  Mismatch.table(ExternRef);
  Mismatch.activeElem(0, {i32Const(0)}, FuncRef, {});
  EXPECT_TRUE(failsWith(validate(Mismatch), "type mismatch"));

  ModuleBuilder Offset;
  Offset.table();
  Offset.activeElem(0, {i64Const(0)}, FuncRef, {});
  EXPECT_TRUE(failsWith(validate(Offset), "type mismatch"));

  ModuleBuilder Item;
  Item.passiveElem(SegmentMode::Passive, FuncRef, {{refNull(ExternRef)}});
  EXPECT_TRUE(failsWith(validate(Item), "type mismatch: element segment item must produce "
                                        "[funcref] but produces [externref]"));
}

TEST(ValidatorTest, DataSegments) {
  ModuleBuilder B;
  B.data(SegmentMode::Active);
  EXPECT_TRUE(failsWith(validate(B), "unknown memory 0"));
  ModuleBuilder Offset;
  Offset.memory(1);
  Offset.data(SegmentMode::Active);
  Offset.M.Data[0].MemoryOffset = Offset.expr({f32Const()});
  EXPECT_TRUE(failsWith(validate(Offset), "type mismatch"));
}

TEST(ValidatorTest, ImportsAndFunctionTypes) {
  ModuleBuilder B;
  B.importFunc(3);
  EXPECT_TRUE(failsWith(validate(B), "unknown type 3"));
  ModuleBuilder F;
  F.M.FunctionTypeIndices.push_back(0);
  F.M.Bodies.push_back({{}, {end()}, {}, 0, 0});
  EXPECT_TRUE(failsWith(validate(F), "unknown type 0"));
}

TEST(ValidatorTest, InconsistentModules) {
  ModuleBuilder B;
  B.M.FunctionTypeIndices.push_back(B.type({}, {}));
  EXPECT_TRUE(failsWith(validate(B), "function and code section have inconsistent lengths",
                        ErrorKind::Malformed));
  ModuleBuilder Stale;
  Stale.func(Stale.type({}, {}), {});
  Module M = Stale.M; // index spaces never built
  EXPECT_TRUE(failsWith(validateModule(M), "buildIndexSpaces", ErrorKind::Internal));
}

//===----------------------------------------------------------------------===//
// Features
//===----------------------------------------------------------------------===//

TEST(ValidatorTest, DisabledFeaturesAreUnsupported) {
  Features NoSimd = Features::wasm20().set(Feature::SIMD, false);
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {v128Const(), op(Opcode::Drop)}}, NoSimd),
                        "v128.const requires the 'simd' feature", ErrorKind::Unsupported));
  EXPECT_TRUE(
      failsWith(validateBody({{}, {}, {}, {V128}}, NoSimd), "simd", ErrorKind::Unsupported));
  EXPECT_TRUE(failsWith(validateBody({{V128}, {}, {}}, NoSimd), "simd", ErrorKind::Unsupported));

  Features Mvp = Features::mvpOnly();
  EXPECT_TRUE(failsWith(validateBody({{}, {I32, I32}, {i32Const(0), i32Const(0)}}, Mvp),
                        "multi-value", ErrorKind::Unsupported));
  EXPECT_TRUE(failsWith(
      validateBody({{}, {}, {i32Const(0), op(Opcode::I32Extend8S), op(Opcode::Drop)}}, Mvp),
      "sign-extension", ErrorKind::Unsupported));
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {op(Opcode::DataDrop, 0)}}, Mvp), "bulk-memory",
                        ErrorKind::Unsupported));

  ModuleBuilder B;
  B.importGlobal(I32, true);
  EXPECT_TRUE(failsWith(validate(B, Mvp), "mutable-globals", ErrorKind::Unsupported));

  // An MVP element segment reaches the validator as `ref.func` items.
  ModuleBuilder Elems;
  Elems.table();
  Elems.func(Elems.type({}, {}), {});
  Elems.activeElem(0, {i32Const(0)}, FuncRef, {{op(Opcode::RefFunc, 0)}});
  EXPECT_TRUE(isValid(validate(Elems, Mvp)));
  Elems.activeElem(0, {i32Const(0)}, FuncRef, {{refNull(FuncRef)}});
  EXPECT_TRUE(failsWith(validate(Elems, Mvp), "reference-types", ErrorKind::Unsupported));
  EXPECT_TRUE(isValid(validateBody({{}, {I32}, {i32Const(1)}}, Mvp)));
}

} // namespace
