//===- ModuleParserTest.cpp - Module fields and their abbreviations -------===//
#include "kiln/Text/Parser.h"
#include "kiln/Text/SourceMap.h"

#include <gtest/gtest.h>

using namespace kiln;
using namespace kiln::text;
using namespace kiln::wasm;

namespace {

wasm::Module parse(std::string_view Source) {
  auto M = parseModule(Source);
  EXPECT_TRUE(M.has_value()) << (M ? "" : formatTextError(M.error(), "t.wat", Source));
  return M ? std::move(*M) : wasm::Module();
}

/// The formatted error for a module that must not parse.
std::string errorOf(std::string_view Source) {
  auto M = parseModule(Source);
  EXPECT_FALSE(M.has_value()) << Source;
  if (M)
    return "";
  EXPECT_EQ(M.error().kind(), ErrorKind::Malformed);
  return formatTextError(M.error(), "t.wat", Source);
}

std::vector<Opcode> opcodes(const std::vector<Instruction> &Code) {
  std::vector<Opcode> Out;
  for (const Instruction &I : Code)
    Out.push_back(I.Op);
  return Out;
}

FuncType sig(std::vector<ValType> Params, std::vector<ValType> Results) {
  return FuncType{std::move(Params), std::move(Results)};
}

using enum ValType;

TEST(ModuleParserTest, BareFieldsAndModuleName) {
  wasm::Module A = parse("(func) (memory 1)");
  EXPECT_EQ(A.Bodies.size(), 1u);
  EXPECT_EQ(A.Memories.size(), 1u);
  wasm::Module B = parse("(module $m (func $f (param $x i32) (local $y i64)))");
  EXPECT_EQ(B.Names.ModuleName, "m");
  EXPECT_EQ(B.Names.FunctionNames.at(0), "f");
  EXPECT_EQ(B.Names.LocalNames.at(0).at(0), "x");
  EXPECT_EQ(B.Names.LocalNames.at(0).at(1), "y");
  EXPECT_EQ(B.Bodies[0].Locals, std::vector<ValType>{I64});
}

TEST(ModuleParserTest, InlineImportsAndExports) {
  wasm::Module M = parse(R"((module
    (func $i (export "a") (export "b") (import "m" "f") (param i32))
    (table $t (import "m" "t") 1 funcref)
    (memory (import "m" "mem") 1 2)
    (global (export "g") (import "m" "g") (mut i64))
    (func (export "c") (result i32) (i32.const 0))
    (global (export "h") f32 (f32.const 1)))
  )");
  ASSERT_EQ(M.Imports.size(), 4u);
  EXPECT_EQ(M.Imports[0].FieldName, "f");
  EXPECT_EQ(M.Imports[1].Table.Size.Min, 1u);
  EXPECT_EQ(M.Imports[2].Memory.Pages.Max, 2u);
  EXPECT_TRUE(M.Imports[3].Global.Mutable);
  ASSERT_EQ(M.Exports.size(), 5u);
  EXPECT_EQ(M.Exports[1].Name, "b");
  EXPECT_EQ(M.Exports[1].Index, 0u);
  EXPECT_EQ(M.Exports[3].Name, "c");
  EXPECT_EQ(M.Exports[3].Index, 1u); // after the imported function
  EXPECT_EQ(M.Exports[4].Kind, ExternKind::Global);
  EXPECT_EQ(M.Exports[4].Index, 1u);
  EXPECT_EQ(M.FuncSpace.size(), 2u);
}

TEST(ModuleParserTest, ImplicitTypesFollowTheSpecOrder) {
  wasm::Module M = parse(R"((module
    (type $a (func (param i32)))
    (func (param i32))
    (func (result f64))
    (func (type $a) (param $p i32))
    (func (param i64) (result i64)
      (block (param i64) (result i64 i64) (i64.const 1))
      drop)
    (func (call_indirect (param f32) (i32.const 0)))
    (type $b (func (result f64)))
    (table 1 funcref))
  )");
  ASSERT_EQ(M.Types.size(), 6u);
  EXPECT_EQ(M.Types[1], sig({}, {F64}));           // explicit $b, though written later
  EXPECT_EQ(M.Types[2], sig({I64}, {I64}));        // implicit, in order of use
  EXPECT_EQ(M.Types[3], sig({I64}, {I64, I64}));
  EXPECT_EQ(M.Types[4], sig({}, {}));              // the last function's own type
  EXPECT_EQ(M.Types[5], sig({F32}, {}));           // then its call_indirect's
  EXPECT_EQ(M.FunctionTypeIndices, (std::vector<uint32_t>{0, 1, 0, 2, 4}));
  EXPECT_EQ(M.Bodies[3].Code[0].blockType().TypeIndex, 3u);
  EXPECT_EQ(M.Bodies[4].Code[1].Index, 5u); // call_indirect's type
}

TEST(ModuleParserTest, BlockTypes) {
  wasm::Module M = parse(R"((module
    (type $v (func (result i32)))
    (func (block (nop)) (block (result f32) (f32.const 0) drop)
          (block (type $v) (i32.const 1)) drop))
  )");
  const auto &Code = M.Bodies[0].Code;
  EXPECT_EQ(Code[0].blockType().TheKind, BlockType::Kind::Empty);
  EXPECT_EQ(Code[3].blockType().TheKind, BlockType::Kind::Value);
  EXPECT_EQ(Code[3].blockType().Value, F32);
  // A named type without parameters and with one result is a value type.
  EXPECT_EQ(Code[7].blockType().TheKind, BlockType::Kind::Value);
  EXPECT_EQ(Code[7].blockType().Value, I32);
  EXPECT_EQ(M.Types.size(), 2u); // $v and the function's own [] -> []
}

TEST(ModuleParserTest, FoldedAndFlatInstructions) {
  wasm::Module M = parse(R"((module
    (func (param $n i32) (result i32)
      (if (result i32) (i32.eqz (local.get $n))
        (then (i32.const 1))
        (else (i32.mul (local.get 0) (i32.const 2))))
      if $l (result i32) i32.const 3 else $l i32.const 4 end $l
      i32.add
      (if (local.get 0) (then) (else))))
  )");
  using enum Opcode;
  EXPECT_EQ(opcodes(M.Bodies[0].Code),
            (std::vector{LocalGet, I32Eqz, If, I32Const, Else, LocalGet, I32Const, I32Mul, End,
                         If, I32Const, Else, I32Const, End, I32Add, LocalGet, If, End, End}));
}

TEST(ModuleParserTest, LabelsResolveToDepths) {
  wasm::Module M = parse(R"((module
    (func
      (block $outer
        (loop $l
          (block $l              ;; shadows the loop's label
            (br $l) (br $outer) (br 2)
            (br_table $l $outer 0 (i32.const 0))))))
  ))");
  const auto &Body = M.Bodies[0];
  EXPECT_EQ(Body.Code[3].Index, 0u);
  EXPECT_EQ(Body.Code[4].Index, 2u);
  EXPECT_EQ(Body.Code[5].Index, 2u);
  const Instruction &Table = Body.Code[7];
  ASSERT_EQ(Table.Op, Opcode::BrTable);
  EXPECT_EQ(Table.Index2, 2u);
  EXPECT_EQ(std::vector<uint32_t>(Body.BranchTargets.begin() + Table.Index,
                                  Body.BranchTargets.begin() + Table.Index + 3),
            (std::vector<uint32_t>{0, 2, 0}));
}

TEST(ModuleParserTest, ForwardReferences) {
  wasm::Module M = parse(R"((module
    (func (call $later) (global.get $g) drop)
    (elem declare func $later)
    (func $later)
    (global $g i32 (i32.const 7)))
  )");
  EXPECT_EQ(M.Bodies[0].Code[0].Index, 1u);
  EXPECT_EQ(M.Bodies[0].Code[1].Index, 0u);
}

TEST(ModuleParserTest, TableAndMemoryAbbreviations) {
  wasm::Module M = parse(R"((module
    (func $f) (func $g)
    (table $t funcref (elem $f $g $f))
    (table externref (elem (ref.null extern)))
    (memory (data "abc" "\01"))
    (data (i32.const 1) "x"))
  )");
  EXPECT_EQ(M.Tables[0].Size, (Limits{3, 3}));
  EXPECT_EQ(M.Tables[1].ElemType, ExternRef);
  ASSERT_EQ(M.Elements.size(), 2u);
  EXPECT_EQ(M.Elements[0].Items[2].Code[0].Index, 0u);
  EXPECT_EQ(M.Elements[1].TableIndex, 1u);
  EXPECT_EQ(M.Elements[1].Items[0].Code[0].Op, Opcode::RefNull);
  EXPECT_EQ(M.Memories[0].Pages, (Limits{1, 1}));
  ASSERT_EQ(M.Data.size(), 2u);
  EXPECT_EQ(M.Data[0].Bytes, (std::vector<uint8_t>{'a', 'b', 'c', 1}));
  EXPECT_EQ(M.Data[0].MemoryOffset.Code[0].Op, Opcode::I32Const);
}

TEST(ModuleParserTest, ElementSegmentForms) {
  wasm::Module M = parse(R"((module
    (table $t 10 funcref) (table $u 10 externref)
    (func $f)
    (elem (i32.const 0) $f 0)
    (elem (table $t) (offset (i32.const 1)) func $f)
    (elem $p funcref (ref.func $f) (item ref.null func))
    (elem declare func $f)
    (elem (table $u) (i32.const 0) externref (ref.null extern))
    (func (table.init $t $p (i32.const 0) (i32.const 0) (i32.const 1)) (elem.drop $p)))
  )");
  ASSERT_EQ(M.Elements.size(), 5u);
  EXPECT_EQ(M.Elements[0].Mode, SegmentMode::Active);
  EXPECT_EQ(M.Elements[0].Items.size(), 2u);
  EXPECT_EQ(M.Elements[2].Mode, SegmentMode::Passive);
  EXPECT_EQ(M.Elements[2].Items[1].Code[0].Op, Opcode::RefNull);
  EXPECT_EQ(M.Elements[3].Mode, SegmentMode::Declarative);
  EXPECT_EQ(M.Elements[4].TableIndex, 1u);
  EXPECT_EQ(M.Elements[4].ElemType, ExternRef);
  const Instruction &Init = M.Bodies[1].Code[3];
  EXPECT_EQ(Init.Op, Opcode::TableInit);
  EXPECT_EQ(Init.Index, 2u);  // segment
  EXPECT_EQ(Init.Index2, 0u); // table
}

TEST(ModuleParserTest, MemoryImmediatesAndDataCount) {
  wasm::Module M = parse(R"((module
    (memory 1)
    (data $d "x")
    (func (drop (i32.load offset=16 align=2 (i32.const 0)))
          (drop (i64.load8_u (i32.const 0)))
          (drop (v128.load16_lane offset=2 3 (i32.const 0) (v128.const i32x4 0 0 0 0)))
          (memory.init $d (i32.const 0) (i32.const 0) (i32.const 1))))
  )");
  const auto &Code = M.Bodies[0].Code;
  EXPECT_EQ(Code[1].memOffset(), 16u);
  EXPECT_EQ(Code[1].AlignLog2, 1u);
  EXPECT_EQ(Code[4].AlignLog2, 0u); // natural alignment by default
  EXPECT_EQ(Code[8].Lane, 3u);
  EXPECT_EQ(Code[8].AlignLog2, 1u);
  EXPECT_EQ(Code[8].memOffset(), 2u);
  EXPECT_EQ(M.DataCount, 1u);
  EXPECT_FALSE(parse("(memory 1) (data \"x\")").DataCount);
}

TEST(ModuleParserTest, ConstantsAndVectors) {
  wasm::Module M = parse(R"((module
    (func (i32.const -1) (i64.const 0xffff_ffff_ffff_ffff) (f32.const -0x1p-149)
          (f64.const nan:0x1) (v128.const i16x8 1 2 3 4 5 6 7 -1)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (v128.const i64x2 0 0) (v128.const f64x2 0 -0))
          (select (result i32) (i32.const 0) (i32.const 1) (i32.const 2))
          (ref.null extern) (ref.is_null) (drop) (drop) (drop) (drop) (drop) (drop) (drop) (drop)))
  )");
  const auto &Code = M.Bodies[0].Code;
  EXPECT_EQ(Code[0].i32(), -1);
  EXPECT_EQ(Code[1].i64(), -1);
  EXPECT_EQ(Code[2].f32Bits(), 0x80000001u);
  EXPECT_EQ(Code[3].f64Bits(), 0x7ff0000000000001u);
  EXPECT_EQ(Code[4].Bytes[14], 0xff);
  EXPECT_EQ(Code[4].Bytes[2], 2);
  EXPECT_EQ(Code[7].Bytes[15], 31);
  EXPECT_EQ(Code[6].Bytes[15], 0x80); // -0.0 in the high lane
  EXPECT_EQ(Code[11].Op, Opcode::SelectTyped);
  EXPECT_EQ(Code[11].Index, static_cast<uint32_t>(I32));
  EXPECT_EQ(Code[12].Index, static_cast<uint32_t>(ExternRef));
}

TEST(ModuleParserTest, DeepNesting) {
  // Flat blocks nest without recursion, as deep as compilers emit them.
  std::string Flat = "(func";
  for (int I = 0; I < 100000; ++I)
    Flat += " block";
  for (int I = 0; I < 100000; ++I)
    Flat += " end";
  Flat += ")";
  EXPECT_EQ(parse(Flat).Bodies[0].Code.size(), 200001u);
  // So do folded forms, including the parts of a folded if.
  std::string Folded = "(func (result i32)";
  for (int I = 0; I < 50000; ++I)
    Folded += " (i32.add (i32.const 1) (block (result i32) (if (result i32) (i32.const 0) (then";
  Folded += " (i32.const 2)";
  for (int I = 0; I < 50000; ++I)
    Folded += ") (else (i32.const 3)))))";
  EXPECT_EQ(parse(Folded + ")").Bodies[0].Code.size(), 50000u * 9 + 2);
}

TEST(ModuleParserTest, OffsetsMapToSourcePositions) {
  std::string Source = "(module\n  (func\n    nop\n    (i32.add (i32.const 1) (i32.const 2))\n    drop))";
  wasm::Module M = parse(Source);
  SourceMap Lines(Source);
  LineColumn Nop = Lines.locate(M.Bodies[0].Code[0].Offset);
  EXPECT_EQ(Nop.Line, 3u);
  EXPECT_EQ(Nop.Column, 5u);
  LineColumn Add = Lines.locate(M.Bodies[0].Code[3].Offset);
  EXPECT_EQ(Add.Line, 4u);
  EXPECT_EQ(Add.Column, 6u);
}

TEST(ModuleParserTest, ErrorsCarryLineAndColumn) {
  EXPECT_EQ(errorOf("(module\n  (func (i32.add1)))"), "t.wat:2:10: unknown operator 'i32.add1'");
  EXPECT_EQ(errorOf("(func (i32.const))"), "t.wat:1:17: unexpected token ')', expected an integer");
  EXPECT_EQ(errorOf("(func (i32.const 0x1_0000_0000) drop)"),
            "t.wat:1:18: constant out of range: 0x1_0000_0000");
  EXPECT_EQ(errorOf("(func $f) (func $f)"), "t.wat:1:17: duplicate func $f");
}

TEST(ModuleParserTest, RejectsWhatTheSpecRejects) {
  auto Has = [](std::string_view Source, std::string_view Text) {
    std::string E = errorOf(Source);
    EXPECT_NE(E.find(Text), std::string::npos) << Source << " gave " << E;
  };
  Has("(func) (import \"\" \"\" (func))", "import after function");
  Has("(memory 0) (func (import \"\" \"\"))", "import after memory");
  Has("(func (local $x i32) (local $x i64))", "duplicate local");
  Has("(global $g i32 (i32.const 0)) (global $g i32 (i32.const 0))", "duplicate global");
  Has("(func block $a end $b)", "mismatching label");
  Has("(func (br $nowhere))", "unknown label");
  Has("(func (call $nowhere))", "unknown function");
  Has("(type $t (func)) (func (type $t) (param i32))", "inline function type");
  Has("(func (result i32) (param i32) (i32.const 0))", "unexpected token");
  Has("(func (nop) (local i32))", "unexpected token");
  Has("(func (block (param $x i32)))", "unexpected token");
  Has("(start 0) (start 0) (func)", "multiple start sections");
  Has("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))", "alignment");
  Has("(memory 1) (func (drop (i32.load offset=4294967296 (i32.const 0))))", "i32 constant");
  Has("(memory 0x1_0000_0000)", "i32 constant out of range");
  Has("(func (export \"\\80\"))", "malformed UTF-8 encoding");
  Has("(func (f32.const nan:canonical) drop)", "unexpected token");
  Has("(func (v128.const i32x4 1 2 3) drop)", "wrong number of lane literals");
  Has("(func (i8x16.extract_lane_s 256 (v128.const i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)) drop)",
      "malformed lane index");
  Has("(func (i8x16.shuffle 0 1 2 (v128.const i64x2 0 0) (v128.const i64x2 0 0)) drop)",
      "invalid lane length");
  Has("(func (nop)", "unexpected token");
  Has("(module (func) (module))", "unexpected token");
}

} // namespace
