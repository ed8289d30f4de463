//===- EncoderTest.cpp - Module to binary, checked bytes and round trips --===//
#include "kiln/Wasm/Encoder.h"

#include "kiln/Wasm/Decoder.h"

#include "../Text/ModuleCompare.h"

#include <gtest/gtest.h>

using namespace kiln;
using namespace kiln::wasm;

namespace {

using Bytes = std::vector<uint8_t>;
using enum ValType;

Instruction instr(Opcode Op, uint32_t Index = 0, uint32_t Index2 = 0) {
  Instruction I;
  I.Op = Op;
  I.Index = Index;
  I.Index2 = Index2;
  return I;
}

Instruction i32Const(int32_t V) {
  Instruction I = instr(Opcode::I32Const);
  I.setBits64(static_cast<uint32_t>(V));
  return I;
}

ConstExpr constExpr(std::vector<Instruction> Code) {
  Code.push_back(instr(Opcode::End));
  return ConstExpr{std::move(Code), 0};
}

ConstExpr refFunc(uint32_t F) { return constExpr({instr(Opcode::RefFunc, F)}); }

TEST(EncoderTest, EmptyModuleIsJustTheHeader) {
  EXPECT_EQ(encodeModule(Module()), (Bytes{0, 'a', 's', 'm', 1, 0, 0, 0}));
}

TEST(EncoderTest, ExactBytesOfASmallModule) {
  Module M;
  M.Types.push_back(FuncType{{I32}, {I32}});
  M.FunctionTypeIndices.push_back(0);
  M.Exports.push_back(Export{"id", ExternKind::Func, 0, 0});
  FunctionBody Body;
  Body.Locals = {I64, I64, F32};
  Body.Code = {instr(Opcode::LocalGet, 0), i32Const(-129), instr(Opcode::I32Add),
               instr(Opcode::End)};
  M.Bodies.push_back(Body);
  Bytes Expected = {0, 'a', 's', 'm', 1, 0, 0, 0,
                    1, 6, 1, 0x60, 1, 0x7f, 1, 0x7f,            // type
                    3, 2, 1, 0,                                 // function
                    7, 6, 1, 2, 'i', 'd', 0, 0,                 // export
                    10, 14, 1, 12, 2, 2, 0x7e, 1, 0x7d,         // code: locals
                    0x20, 0, 0x41, 0xff, 0x7e, 0x6a, 0x0b};     // local.get, i32.const -129
  EXPECT_EQ(encodeModule(M), Expected);
}

/// A module that uses every section and every segment encoding.
Module everySection() {
  Module M;
  M.Types = {FuncType{}, FuncType{{I32, I64}, {F32, F64}}, FuncType{{V128}, {}}};
  Import F{"m", "f", ExternKind::Func, 1, {}, {}, {}, 0};
  Import T{"m", "t", ExternKind::Table, 0, TableType{ExternRef, Limits{1, 10}}, {}, {}, 0};
  Import Mem{"m", "mem", ExternKind::Memory, 0, {}, MemoryType{Limits{1, std::nullopt}}, {}, 0};
  Import G{"m", "g", ExternKind::Global, 0, {}, {}, GlobalType{F64, true}, 0};
  M.Imports = {F, T, Mem, G};
  M.FunctionTypeIndices = {0, 2};
  M.Tables = {TableType{FuncRef, Limits{4, std::nullopt}}};
  M.Memories = {};
  M.Globals = {Global{GlobalType{I32, false}, constExpr({i32Const(5)}), 0},
               Global{GlobalType{FuncRef, false}, refFunc(1), 0}};
  M.Exports = {Export{"f", ExternKind::Func, 1, 0}, Export{"t", ExternKind::Table, 1, 0}};
  M.Start = 1;
  ElementSegment Flags0{SegmentMode::Active, 0, constExpr({i32Const(0)}), FuncRef,
                        {refFunc(1), refFunc(2)}, 0};
  ElementSegment Flags1{SegmentMode::Passive, 0, {}, FuncRef, {refFunc(0)}, 0};
  ElementSegment Flags2{SegmentMode::Active, 1, constExpr({i32Const(1)}), FuncRef, {refFunc(1)}, 0};
  ElementSegment Flags3{SegmentMode::Declarative, 0, {}, FuncRef, {refFunc(2)}, 0};
  ElementSegment Flags4{SegmentMode::Active, 0, constExpr({i32Const(2)}), FuncRef,
                        {constExpr({instr(Opcode::RefNull, uint32_t(FuncRef))})}, 0};
  ElementSegment Flags5{SegmentMode::Passive, 0, {}, ExternRef,
                        {constExpr({instr(Opcode::RefNull, uint32_t(ExternRef))})}, 0};
  ElementSegment Flags6{SegmentMode::Active, 0, constExpr({i32Const(0)}), ExternRef,
                        {constExpr({instr(Opcode::RefNull, uint32_t(ExternRef))})}, 0};
  M.Elements = {Flags0, Flags1, Flags2, Flags3, Flags4, Flags5, Flags6};
  M.DataCount = 2;
  FunctionBody Main;
  Instruction Block = instr(Opcode::Block);
  Block.setBlockType(BlockType{BlockType::Kind::TypeIndex, I32, 1});
  Instruction Load = instr(Opcode::I64Load);
  Load.AlignLog2 = 3;
  Load.setBits64(0x12345678);
  Instruction Lane = instr(Opcode::V128Load8Lane);
  Lane.Lane = 15;
  Instruction Vec = instr(Opcode::V128Const);
  for (uint8_t I = 0; I < 16; ++I)
    Vec.Bytes[I] = I * 17;
  Instruction F32 = instr(Opcode::F32Const);
  F32.setBits64(0x7fa00001);
  Instruction Select = instr(Opcode::SelectTyped, uint32_t(V128), 1);
  Main.BranchTargets = {0, 1, 0};
  Main.Code = {Block, instr(Opcode::BrTable, 0, 2), instr(Opcode::End), Load, Lane, Vec, F32,
               Select, instr(Opcode::MemoryInit, 1), instr(Opcode::DataDrop, 0),
               instr(Opcode::TableCopy, 0, 1), instr(Opcode::TableInit, 4, 1),
               instr(Opcode::CallIndirect, 2, 1), instr(Opcode::MemoryGrow),
               instr(Opcode::End)};
  Main.Locals = {V128, I32, I32};
  M.Bodies = {FunctionBody{{}, {instr(Opcode::End)}, {}, 0, 0}, Main};
  M.Data = {DataSegment{SegmentMode::Active, 0, constExpr({i32Const(8)}), {1, 2, 3}, 0},
            DataSegment{SegmentMode::Passive, 0, {}, {'x'}, 0}};
  M.Customs = {CustomSection{"first", {1}, 0, 0}, CustomSection{"after-code", {2, 3}, 0, 10}};
  M.Names.ModuleName = "mod";
  M.Names.FunctionNames = {{1, "main"}};
  M.Names.LocalNames = {{2, {{0, "v"}, {2, "k"}}}};
  M.buildIndexSpaces();
  return M;
}

TEST(EncoderTest, EverySectionRoundTripsThroughTheDecoder) {
  Module M = everySection();
  EncoderOptions Options;
  Options.WriteNames = true;
  Bytes Binary = encodeModule(M, Options);
  auto Decoded = decodeModule(Binary);
  ASSERT_TRUE(Decoded) << Decoded.error().format();
  EXPECT_EQ(testutil::describeModuleDifference(M, *Decoded, /*CompareNames=*/true), "");
  // Custom sections come back where they were, then the generated names.
  ASSERT_EQ(Decoded->Customs.size(), 3u);
  EXPECT_EQ(Decoded->Customs[0].Name, "first");
  EXPECT_EQ(Decoded->Customs[0].After, 0);
  EXPECT_EQ(Decoded->Customs[1].Name, "after-code");
  EXPECT_EQ(Decoded->Customs[1].After, 10);
  EXPECT_EQ(Decoded->Customs[1].Bytes, (Bytes{2, 3}));
  EXPECT_EQ(Decoded->Customs[2].Name, "name");
  // Encoding the decoded module again gives the same bytes.
  EXPECT_EQ(encodeModule(*Decoded, Options), Binary);
}

TEST(EncoderTest, OptionsLeaveOutNamesAndCustomSections) {
  Module M = everySection();
  EncoderOptions Bare;
  Bare.WriteCustomSections = false;
  auto Decoded = decodeModule(encodeModule(M, Bare));
  ASSERT_TRUE(Decoded) << Decoded.error().format();
  EXPECT_TRUE(Decoded->Customs.empty());
  EXPECT_FALSE(Decoded->Names.ModuleName);
}

uint32_t readLeb(const Bytes &B, size_t &Pos) {
  uint32_t Value = 0, Shift = 0;
  do {
    Value |= uint32_t(B[Pos] & 0x7f) << Shift;
    Shift += 7;
  } while (B[Pos++] & 0x80);
  return Value;
}

/// The flags byte of the only element segment in `M`'s binary.
uint8_t elementFlags(const Module &M) {
  Bytes Binary = encodeModule(M);
  size_t Pos = 8;
  while (Pos < Binary.size()) {
    uint8_t Id = Binary[Pos++];
    uint32_t Size = readLeb(Binary, Pos);
    if (Id == 9) {
      EXPECT_EQ(readLeb(Binary, Pos), 1u);
      return Binary[Pos];
    }
    Pos += Size;
  }
  ADD_FAILURE() << "no element section";
  return 0xff;
}

TEST(EncoderTest, ElementSegmentsUseTheSmallestEncoding) {
  Module M = everySection();
  const std::vector<ElementSegment> All = M.Elements;
  const uint8_t Expected[] = {0, 1, 2, 3, 4, 5, 6};
  for (size_t I = 0; I < All.size(); ++I) {
    M.Elements = {All[I]};
    EXPECT_EQ(elementFlags(M), Expected[I]) << "segment " << I;
  }
  ElementSegment DeclaredExprs = All[5];
  DeclaredExprs.Mode = SegmentMode::Declarative;
  M.Elements = {DeclaredExprs};
  EXPECT_EQ(elementFlags(M), 7);
}

TEST(EncoderTest, LebEncodingsAtTheLimits) {
  Module M;
  M.Types.push_back(FuncType{});
  M.FunctionTypeIndices.push_back(0);
  Instruction Min = instr(Opcode::I64Const);
  Min.setBits64(uint64_t(1) << 63);
  Instruction Max = instr(Opcode::I32Const);
  Max.setBits64(0x7fffffff);
  M.Bodies.push_back(FunctionBody{{}, {Min, instr(Opcode::Drop), Max, instr(Opcode::Drop),
                                       instr(Opcode::End)}, {}, 0, 0});
  auto Decoded = decodeModule(encodeModule(M));
  ASSERT_TRUE(Decoded) << Decoded.error().format();
  EXPECT_EQ(Decoded->Bodies[0].Code[0].i64(), INT64_MIN);
  EXPECT_EQ(Decoded->Bodies[0].Code[2].i32(), INT32_MAX);
}

} // namespace
