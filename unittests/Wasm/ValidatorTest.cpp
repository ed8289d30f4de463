//===- ValidatorTest.cpp - Validator tests: function bodies -------------===//
//
// Function bodies: the operand and control stack rules, calls, variables,
// references, memory and SIMD immediates, table and bulk memory instructions.
//
//===----------------------------------------------------------------------===//
#include "ValidatorTestBuilder.h"

using namespace kiln;
using namespace kiln::wasm;
using namespace kiln::wasm::testing_support;

namespace {

//===----------------------------------------------------------------------===//
// Operand stack
//===----------------------------------------------------------------------===//

TEST(ValidatorTest, EmptyModuleAndFunction) {
  ModuleBuilder B;
  EXPECT_TRUE(isValid(validate(B)));
  EXPECT_TRUE(isValid(validateBody({{}, {}, {}})));
}

TEST(ValidatorTest, FixedTypingFromTheOpcodeTable) {
  EXPECT_TRUE(isValid(
      validateBody({{I32, I32},
                    {I32},
                    {op(Opcode::LocalGet, 0), op(Opcode::LocalGet, 1), op(Opcode::I32Add)}})));
  EXPECT_TRUE(isValid(
      validateBody({{F64}, {I64}, {op(Opcode::LocalGet, 0), op(Opcode::I64TruncSatF64S)}})));
}

TEST(ValidatorTest, MismatchNamesInstructionAndStack) {
  auto Result = validateBody(
      {{I32, F32}, {I32}, {op(Opcode::LocalGet, 0), op(Opcode::LocalGet, 1), op(Opcode::I32Add)}});
  ASSERT_TRUE(failsWith(Result, "type mismatch: i32.add expects [i32 i32] but the stack has "
                                "[i32 f32]"));
  // The body is the only function; its code starts after the globals'
  // initialisers (two instructions each).
  EXPECT_EQ(Result.error().functionIndex(), 0u);
  EXPECT_EQ(Result.error().byteOffset(), FirstOffset + 4 + 2);
}

TEST(ValidatorTest, MissingOperand) {
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {i32Const(1), op(Opcode::I32Add), op(Opcode::Drop)}}),
                        "type mismatch: i32.add expects [i32 i32] but the stack has [i32]"));
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {op(Opcode::Drop)}}), "type mismatch"));
}

TEST(ValidatorTest, OperandsOfEnclosingBlockAreInvisible) {
  EXPECT_TRUE(failsWith(validateBody({{},
                                      {I32},
                                      {i32Const(1), block(Opcode::Block, I32), i32Const(2),
                                       op(Opcode::I32Add), end()}}),
                        "type mismatch"));
}

TEST(ValidatorTest, FunctionResults) {
  EXPECT_TRUE(failsWith(validateBody({{}, {I32}, {}}),
                        "type mismatch: end of function expects [i32] but the stack has []"));
  EXPECT_TRUE(failsWith(validateBody({{}, {I32}, {i32Const(1), i32Const(2)}}),
                        "type mismatch: end of function expects [i32] but the stack has "
                        "[i32 i32]"));
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {i32Const(1)}}), "type mismatch"));
  EXPECT_TRUE(isValid(validateBody({{}, {I32, I64}, {i32Const(1), i64Const(2)}})));
}

TEST(ValidatorTest, UnreachableMakesStackPolymorphic) {
  EXPECT_TRUE(isValid(validateBody({{}, {I32}, {op(Opcode::Unreachable)}})));
  EXPECT_TRUE(isValid(validateBody({{}, {I32}, {op(Opcode::Unreachable), op(Opcode::I32Add)}})));
  EXPECT_TRUE(isValid(
      validateBody({{}, {}, {op(Opcode::Unreachable), op(Opcode::Select), op(Opcode::Drop)}})));
  // Known values still have to fit.
  EXPECT_TRUE(failsWith(
      validateBody({{}, {I32}, {op(Opcode::Unreachable), i64Const(0), op(Opcode::I32Add)}}),
      "type mismatch"));
  // Values pushed after unreachable are real: surplus is an error.
  EXPECT_TRUE(
      failsWith(validateBody({{}, {I32}, {op(Opcode::Unreachable), i32Const(0), i32Const(0)}}),
                "type mismatch"));
  // The polymorphic stack ends with its block.
  EXPECT_TRUE(failsWith(
      validateBody(
          {{}, {I32}, {block(Opcode::Block), op(Opcode::Unreachable), end(), op(Opcode::I32Eqz)}}),
      "type mismatch"));
}

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

TEST(ValidatorTest, BlocksAndLoops) {
  EXPECT_TRUE(isValid(validateBody({{}, {I32}, {block(Opcode::Block, I32), i32Const(1), end()}})));
  EXPECT_TRUE(failsWith(validateBody({{}, {I32}, {block(Opcode::Block, I32), end()}}),
                        "type mismatch: end of block expects [i32] but the stack has []"));
  EXPECT_TRUE(failsWith(
      validateBody({{}, {}, {block(Opcode::Loop, I32), f32Const(), end(), op(Opcode::Drop)}}),
      "end of loop expects [i32]"));
}

TEST(ValidatorTest, MultiValueBlockTypes) {
  ModuleBuilder B;
  B.memory(1);
  uint32_t Binary = B.type({I32, I32}, {I32});
  uint32_t Pass = B.type({I32}, {I32});
  B.func(B.type({}, {I32}),
         {i32Const(1), i32Const(2), blockOfType(Opcode::Block, Binary), op(Opcode::I32Add), end(),
          blockOfType(Opcode::Loop, Pass), i32Const(0), op(Opcode::BrIf, 0), end()});
  EXPECT_TRUE(isValid(validate(B)));

  // A block's parameters are popped from the enclosing stack.
  ModuleBuilder Missing;
  uint32_t T = Missing.type({I32, I32}, {I32});
  Missing.func(Missing.type({}, {}), {i32Const(1), blockOfType(Opcode::Block, T),
                                      op(Opcode::I32Add), end(), op(Opcode::Drop)});
  EXPECT_TRUE(failsWith(validate(Missing), "type mismatch: block expects [i32 i32]"));

  ModuleBuilder Unknown;
  Unknown.func(Unknown.type({}, {}), {blockOfType(Opcode::Block, 7), end()});
  EXPECT_TRUE(failsWith(validate(Unknown), "unknown type 7"));
}

TEST(ValidatorTest, IfElse) {
  EXPECT_TRUE(isValid(validateBody({{I32},
                                    {I32},
                                    {op(Opcode::LocalGet, 0), block(Opcode::If, I32), i32Const(1),
                                     op(Opcode::Else), i32Const(2), end()}})));
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {block(Opcode::If), end()}}),
                        "type mismatch: if condition expects [i32] but the stack has []"));
  EXPECT_TRUE(failsWith(validateBody({{I32},
                                      {I32},
                                      {op(Opcode::LocalGet, 0), block(Opcode::If, I32), i32Const(1),
                                       op(Opcode::Else), f32Const(), end()}}),
                        "end of else expects [i32]"));
  // Without an else branch the results must equal the parameters.
  EXPECT_TRUE(failsWith(
      validateBody(
          {{I32}, {I32}, {op(Opcode::LocalGet, 0), block(Opcode::If, I32), i32Const(1), end()}}),
      "type mismatch: an if without else"));
  ModuleBuilder B;
  uint32_t Pass = B.type({I32}, {I32});
  B.func(B.type({I32}, {I32}),
         {op(Opcode::LocalGet, 0), op(Opcode::LocalGet, 0), blockOfType(Opcode::If, Pass), end()});
  EXPECT_TRUE(isValid(validate(B)));
}

TEST(ValidatorTest, StructureErrorsAreMalformed) {
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {op(Opcode::Else)}}), "else without a matching if",
                        ErrorKind::Malformed));
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {end(), op(Opcode::Nop)}}),
                        "after the function's final 'end'", ErrorKind::Malformed));
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {block(Opcode::Block)}}),
                        "function body must end with 'end'", ErrorKind::Malformed));
}

TEST(ValidatorTest, Branches) {
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {op(Opcode::Br, 1)}}), "unknown label 1"));
  EXPECT_TRUE(isValid(validateBody({{}, {I32}, {i32Const(1), op(Opcode::Br, 0)}})));
  EXPECT_TRUE(isValid(validateBody(
      {{},
       {I32},
       {block(Opcode::Block, I32), i32Const(1), op(Opcode::Br, 0), op(Opcode::I32Eqz), end()}})));
  EXPECT_TRUE(failsWith(
      validateBody({{}, {I32}, {block(Opcode::Block, I32), f32Const(), op(Opcode::Br, 0), end()}}),
      "type mismatch: br expects [i32] but the stack has [f32]"));
  // A branch to a loop carries the loop's parameters, not its results.
  EXPECT_TRUE(
      isValid(validateBody({{}, {I32}, {block(Opcode::Loop, I32), op(Opcode::Br, 0), end()}})));
  EXPECT_TRUE(isValid(validateBody({{I32},
                                    {I32},
                                    {block(Opcode::Block, I32), i32Const(1),
                                     op(Opcode::LocalGet, 0), op(Opcode::BrIf, 0), end()}})));
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {block(Opcode::Block), op(Opcode::BrIf, 0), end()}}),
                        "br_if condition expects [i32]"));
  EXPECT_TRUE(
      isValid(validateBody({{}, {I64}, {i64Const(1), op(Opcode::Return), op(Opcode::I64Add)}})));
  // Values pushed after a branch are real.
  EXPECT_TRUE(failsWith(validateBody({{},
                                      {I32},
                                      {block(Opcode::Block, I32), i32Const(1), op(Opcode::Br, 0),
                                       f32Const(), end()}}),
                        "end of block expects [i32] but the stack has [f32]"));
  EXPECT_TRUE(failsWith(validateBody({{}, {I64}, {i32Const(1), op(Opcode::Return)}}),
                        "type mismatch: return expects [i64] but the stack has [i32]"));
}

TEST(ValidatorTest, BranchTables) {
  // br_table 0 1 (default 1) inside block (result i32) inside a function -> i32.
  auto Body = [](std::vector<Instruction> Code, std::vector<ValType> Inner) {
    std::vector<Instruction> Full = {block(Opcode::Block, I32)};
    Instruction InnerBlock = Inner.empty() ? block(Opcode::Block) : block(Opcode::Block, Inner[0]);
    Full.push_back(InnerBlock);
    Full.insert(Full.end(), Code.begin(), Code.end());
    Full.push_back(end());
    Full.push_back(end());
    return Full;
  };
  Instruction Table = op(Opcode::BrTable, 0, 2); // targets 0 1, default 2
  EXPECT_TRUE(isValid(
      validateBody({{}, {I32}, Body({i32Const(7), i32Const(0), Table}, {I32}), {}, {0, 1, 2}})));
  EXPECT_TRUE(failsWith(
      validateBody({{}, {I32}, Body({i32Const(7), i32Const(0), Table}, {}), {}, {0, 1, 2}}),
      "type mismatch: br_table target 0 takes [] but the default target takes [i32]"));
  EXPECT_TRUE(failsWith(
      validateBody({{}, {I32}, Body({f32Const(), i32Const(0), Table}, {I32}), {}, {0, 1, 2}}),
      "type mismatch"));
  EXPECT_TRUE(failsWith(
      validateBody({{}, {I32}, Body({i32Const(0), op(Opcode::BrTable, 0, 0)}, {I32}), {}, {9}}),
      "unknown label 9"));
  // On a polymorphic stack, targets of equal arity but different types are
  // fine (WebAssembly 2.0).
  std::vector<Instruction> Mixed = {block(Opcode::Block, F32),
                                    block(Opcode::Block, I64),
                                    op(Opcode::Unreachable),
                                    op(Opcode::BrTable, 0, 1),
                                    end(),
                                    op(Opcode::Drop),
                                    f32Const(),
                                    end(),
                                    op(Opcode::Drop)};
  EXPECT_TRUE(isValid(validateBody({{}, {}, Mixed, {}, {0, 1}})));
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

TEST(ValidatorTest, Calls) {
  ModuleBuilder B;
  uint32_t Sig = B.type({I32, I64}, {F32});
  B.importFunc(Sig);
  B.func(B.type({}, {F32}), {i32Const(1), i64Const(2), op(Opcode::Call, 0)});
  EXPECT_TRUE(isValid(validate(B)));

  ModuleBuilder Bad;
  Bad.importFunc(Bad.type({I32}, {}));
  Bad.func(Bad.type({}, {}), {op(Opcode::Call, 0)});
  Bad.func(0, {op(Opcode::Call, 5)});
  auto Result = validate(Bad);
  ASSERT_TRUE(failsWith(Result, "type mismatch: call expects [i32] but the stack has []"));
  // Function indices in errors count the imports.
  EXPECT_EQ(Result.error().functionIndex(), 1u);

  ModuleBuilder Unknown;
  Unknown.func(Unknown.type({}, {}), {op(Opcode::Call, 5)});
  EXPECT_TRUE(failsWith(validate(Unknown), "unknown function 5"));
}

TEST(ValidatorTest, CallIndirect) {
  ModuleBuilder B;
  uint32_t Sig = B.type({I32}, {I32});
  B.table();
  B.func(Sig, {op(Opcode::LocalGet, 0), i32Const(0), op(Opcode::CallIndirect, Sig, 0)});
  EXPECT_TRUE(isValid(validate(B)));

  ModuleBuilder NoTable;
  NoTable.func(NoTable.type({}, {}), {i32Const(0), op(Opcode::CallIndirect, 0, 0)});
  EXPECT_TRUE(failsWith(validate(NoTable), "unknown table 0"));

  ModuleBuilder Extern;
  Extern.table(ExternRef);
  Extern.func(Extern.type({}, {}), {i32Const(0), op(Opcode::CallIndirect, 0, 0)});
  EXPECT_TRUE(failsWith(validate(Extern), "type mismatch"));

  ModuleBuilder BadType;
  BadType.table();
  BadType.func(BadType.type({}, {}), {i32Const(0), op(Opcode::CallIndirect, 3, 0)});
  EXPECT_TRUE(failsWith(validate(BadType), "unknown type 3"));
}

//===----------------------------------------------------------------------===//
// Parametric, variable, reference
//===----------------------------------------------------------------------===//

TEST(ValidatorTest, Select) {
  EXPECT_TRUE(isValid(validateBody(
      {{}, {F64}, {op(Opcode::F64Const), op(Opcode::F64Const), i32Const(1), op(Opcode::Select)}})));
  EXPECT_TRUE(isValid(
      validateBody({{}, {V128}, {v128Const(), v128Const(), i32Const(1), op(Opcode::Select)}})));
  EXPECT_TRUE(failsWith(validateBody({{},
                                      {},
                                      {refNull(FuncRef), refNull(FuncRef), i32Const(1),
                                       op(Opcode::Select), op(Opcode::Drop)}}),
                        "type mismatch"));
  EXPECT_TRUE(failsWith(
      validateBody(
          {{}, {}, {i32Const(1), i64Const(1), i32Const(1), op(Opcode::Select), op(Opcode::Drop)}}),
      "type mismatch: select operands must have one type"));
  EXPECT_TRUE(isValid(validateBody(
      {{}, {FuncRef}, {refNull(FuncRef), refNull(FuncRef), i32Const(1), typedSelect(FuncRef)}})));
  EXPECT_TRUE(failsWith(
      validateBody(
          {{}, {}, {i32Const(1), i32Const(1), i32Const(1), typedSelect(I32, 2), op(Opcode::Drop)}}),
      "invalid result arity"));
  EXPECT_TRUE(failsWith(
      validateBody(
          {{}, {}, {i32Const(1), i32Const(1), i32Const(1), typedSelect(I32, 0), op(Opcode::Drop)}}),
      "invalid result arity"));
  // The unknown operand takes the type of the known one.
  EXPECT_TRUE(failsWith(validateBody({{},
                                      {},
                                      {op(Opcode::Unreachable), i64Const(0), i32Const(1),
                                       op(Opcode::Select), op(Opcode::I32Eqz), op(Opcode::Drop)}}),
                        "type mismatch: i32.eqz expects [i32] but the stack has [i64]"));
}

TEST(ValidatorTest, Locals) {
  EXPECT_TRUE(isValid(validateBody({{I32},
                                    {I64},
                                    {op(Opcode::LocalGet, 1), op(Opcode::LocalTee, 1),
                                     op(Opcode::LocalSet, 1), op(Opcode::LocalGet, 1)},
                                    {I64}})));
  EXPECT_TRUE(
      failsWith(validateBody({{I32}, {}, {op(Opcode::LocalGet, 2), op(Opcode::Drop)}, {F32}}),
                "unknown local 2"));
  EXPECT_TRUE(failsWith(validateBody({{I32}, {}, {f32Const(), op(Opcode::LocalSet, 0)}}),
                        "type mismatch: local.set expects [i32] but the stack has [f32]"));
}

TEST(ValidatorTest, Globals) {
  // validateBody's module has global 0 mutable and global 1 immutable.
  EXPECT_TRUE(isValid(validateBody(
      {{},
       {I32},
       {op(Opcode::GlobalGet, 1), op(Opcode::GlobalSet, 0), op(Opcode::GlobalGet, 0)}})));
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {op(Opcode::GlobalGet, 2), op(Opcode::Drop)}}),
                        "unknown global 2"));
  EXPECT_TRUE(failsWith(validateBody({{}, {}, {i32Const(1), op(Opcode::GlobalSet, 1)}}),
                        "global is immutable"));
  EXPECT_TRUE(
      failsWith(validateBody({{}, {}, {i64Const(1), op(Opcode::GlobalSet, 0)}}), "type mismatch"));
}

TEST(ValidatorTest, References) {
  EXPECT_TRUE(isValid(validateBody({{}, {I32}, {refNull(ExternRef), op(Opcode::RefIsNull)}})));
  EXPECT_TRUE(failsWith(validateBody({{}, {I32}, {i32Const(0), op(Opcode::RefIsNull)}}),
                        "type mismatch: ref.is_null expects a reference"));
  EXPECT_TRUE(isValid(validateBody({{}, {I32}, {op(Opcode::Unreachable), op(Opcode::RefIsNull)}})));
}

TEST(ValidatorTest, RefFuncMustBeDeclared) {
  auto WithDeclaration = [](int How) {
    ModuleBuilder B;
    uint32_t T = B.type({}, {FuncRef});
    B.table();
    B.func(T, {op(Opcode::RefFunc, 1)});
    B.func(T, {op(Opcode::RefFunc, 1)}); // Referencing oneself does not declare.
    if (How == 1)
      B.exportAs("f", ExternKind::Func, 1);
    if (How == 2)
      B.passiveElem(SegmentMode::Declarative, FuncRef, {{op(Opcode::RefFunc, 1)}});
    if (How == 3)
      B.global(FuncRef, false, {op(Opcode::RefFunc, 1)});
    if (How == 4)
      B.activeElem(0, {i32Const(0)}, FuncRef, {{op(Opcode::RefFunc, 1)}});
    return validate(B);
  };
  EXPECT_TRUE(failsWith(WithDeclaration(0), "undeclared function reference"));
  for (int How = 1; How <= 4; ++How)
    EXPECT_TRUE(isValid(WithDeclaration(How))) << "declaration " << How;
  EXPECT_TRUE(
      failsWith(validateBody({{}, {FuncRef}, {op(Opcode::RefFunc, 9)}}), "unknown function 9"));
}

//===----------------------------------------------------------------------===//
// Memory and SIMD immediates
//===----------------------------------------------------------------------===//

TEST(ValidatorTest, MemoryInstructionsNeedMemory) {
  ModuleBuilder B;
  B.func(B.type({}, {I32}), {i32Const(0), memOp(Opcode::I32Load, 2)});
  EXPECT_TRUE(failsWith(validate(B), "unknown memory 0"));
  ModuleBuilder Size;
  Size.func(Size.type({}, {I32}), {op(Opcode::MemorySize)});
  EXPECT_TRUE(failsWith(validate(Size), "unknown memory 0"));
  ModuleBuilder Fill;
  Fill.func(Fill.type({}, {}), {i32Const(0), i32Const(0), i32Const(0), op(Opcode::MemoryFill)});
  EXPECT_TRUE(failsWith(validate(Fill), "unknown memory 0"));
  EXPECT_TRUE(isValid(validateBody({{}, {I32}, {i32Const(1), op(Opcode::MemoryGrow)}})));
}

TEST(ValidatorTest, Alignment) {
  EXPECT_TRUE(isValid(validateBody({{}, {I64}, {i32Const(0), memOp(Opcode::I64Load, 3)}})));
  EXPECT_TRUE(isValid(validateBody({{}, {I32}, {i32Const(0), memOp(Opcode::I32Load8U, 0)}})));
  EXPECT_TRUE(failsWith(validateBody({{}, {I32}, {i32Const(0), memOp(Opcode::I32Load8U, 1)}}),
                        "alignment must not be larger than natural"));
  EXPECT_TRUE(
      failsWith(validateBody({{}, {}, {i32Const(0), v128Const(), memOp(Opcode::V128Store, 5)}}),
                "alignment must not be larger than natural"));
  EXPECT_TRUE(
      isValid(validateBody({{}, {}, {i32Const(0), v128Const(), memOp(Opcode::V128Store, 4)}})));
}

TEST(ValidatorTest, LaneIndices) {
  EXPECT_TRUE(
      isValid(validateBody({{}, {I32}, {v128Const(), laneOp(Opcode::I8x16ExtractLaneS, 15)}})));
  EXPECT_TRUE(
      failsWith(validateBody({{}, {I32}, {v128Const(), laneOp(Opcode::I8x16ExtractLaneS, 16)}}),
                "invalid lane index"));
  EXPECT_TRUE(failsWith(
      validateBody({{}, {V128}, {v128Const(), i64Const(0), laneOp(Opcode::I64x2ReplaceLane, 2)}}),
      "invalid lane index"));
  EXPECT_TRUE(failsWith(
      validateBody({{}, {V128}, {i32Const(0), v128Const(), laneOp(Opcode::V128Load32Lane, 4)}}),
      "invalid lane index"));
  EXPECT_TRUE(isValid(validateBody(
      {{}, {V128}, {i32Const(0), v128Const(), laneOp(Opcode::V128Load32Lane, 3, 2)}})));
  Instruction Shuffle = op(Opcode::I8x16Shuffle);
  for (uint8_t K = 0; K < 16; ++K)
    Shuffle.Bytes[K] = static_cast<uint8_t>(K * 2 + 1);
  EXPECT_TRUE(isValid(validateBody({{}, {V128}, {v128Const(), v128Const(), Shuffle}})));
  Shuffle.Bytes[3] = 32;
  EXPECT_TRUE(failsWith(validateBody({{}, {V128}, {v128Const(), v128Const(), Shuffle}}),
                        "invalid lane index"));
}

//===----------------------------------------------------------------------===//
// Tables and bulk memory
//===----------------------------------------------------------------------===//

TEST(ValidatorTest, TableAccess) {
  ModuleBuilder B;
  B.table(FuncRef);
  B.table(ExternRef);
  B.func(B.type({ExternRef}, {I32}),
         {i32Const(0), op(Opcode::TableGet, 0), op(Opcode::Drop), i32Const(0),
          op(Opcode::LocalGet, 0), op(Opcode::TableSet, 1), op(Opcode::LocalGet, 0), i32Const(1),
          op(Opcode::TableGrow, 1), op(Opcode::Drop), i32Const(0), refNull(FuncRef), i32Const(1),
          op(Opcode::TableFill, 0), op(Opcode::TableSize, 1)});
  EXPECT_TRUE(isValid(validate(B)));

  EXPECT_TRUE(
      failsWith(validateBody({{}, {}, {i32Const(0), op(Opcode::TableGet, 3), op(Opcode::Drop)}}),
                "unknown table 3"));
  ModuleBuilder Wrong;
  Wrong.table(ExternRef);
  Wrong.func(Wrong.type({}, {}), {i32Const(0), refNull(FuncRef), op(Opcode::TableSet, 0)});
  EXPECT_TRUE(failsWith(validate(Wrong),
                        "type mismatch: table.set expects [i32 externref] but the stack has "
                        "[i32 funcref]"));
}

TEST(ValidatorTest, TableCopyAndInit) {
  auto Module = [](Instruction I) {
    ModuleBuilder B;
    B.table(FuncRef);
    B.table(ExternRef);
    B.passiveElem(SegmentMode::Passive, FuncRef, {});
    B.func(B.type({}, {}), {i32Const(0), i32Const(0), i32Const(0), I});
    return validate(B);
  };
  EXPECT_TRUE(isValid(Module(op(Opcode::TableCopy, 0, 0))));
  EXPECT_TRUE(failsWith(Module(op(Opcode::TableCopy, 0, 1)), "type mismatch"));
  EXPECT_TRUE(failsWith(Module(op(Opcode::TableCopy, 2, 0)), "unknown table 2"));
  EXPECT_TRUE(isValid(Module(op(Opcode::TableInit, 0, 0))));
  EXPECT_TRUE(failsWith(Module(op(Opcode::TableInit, 0, 1)), "type mismatch"));
  EXPECT_TRUE(failsWith(Module(op(Opcode::TableInit, 1, 0)), "unknown elem segment 1"));
  EXPECT_TRUE(
      failsWith(validateBody({{}, {}, {op(Opcode::ElemDrop, 0)}}), "unknown elem segment 0"));
}

TEST(ValidatorTest, DataSegmentInstructions) {
  auto Module = [](bool WithCount, Instruction I) {
    ModuleBuilder B;
    B.memory(1);
    B.data(SegmentMode::Passive);
    if (WithCount)
      B.M.DataCount = 1;
    B.func(B.type({}, {}), {I});
    return validate(B);
  };
  EXPECT_TRUE(isValid(Module(true, op(Opcode::DataDrop, 0))));
  EXPECT_TRUE(failsWith(Module(true, op(Opcode::DataDrop, 1)), "unknown data segment 1"));
  EXPECT_TRUE(failsWith(Module(false, op(Opcode::DataDrop, 0)), "data count section required",
                        ErrorKind::Malformed));
  EXPECT_TRUE(
      failsWith(validateBody({{}, {}, {op(Opcode::DataDrop, 0)}}), "unknown data segment 0"));
  Instruction Init = op(Opcode::MemoryInit, 0, 0);
  ModuleBuilder B;
  B.memory(1);
  B.data(SegmentMode::Passive);
  B.M.DataCount = 1;
  B.func(B.type({}, {}), {i32Const(0), i32Const(0), i32Const(0), Init});
  EXPECT_TRUE(isValid(validate(B)));
}

} // namespace
