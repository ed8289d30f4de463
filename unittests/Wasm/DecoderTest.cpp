//===- DecoderTest.cpp - Each section decoder, and its errors -------------===//
#include "kiln/Wasm/Decoder.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

using namespace kiln;
using namespace kiln::wasm;

namespace {
using Bytes = std::vector<uint8_t>;

void appendU32(Bytes &Out, uint32_t V) {
  do {
    uint8_t B = V & 0x7f;
    V >>= 7;
    Out.push_back(V ? (B | 0x80) : B);
  } while (V);
}

void appendName(Bytes &Out, std::string_view Name) {
  appendU32(Out, static_cast<uint32_t>(Name.size()));
  Out.insert(Out.end(), Name.begin(), Name.end());
}

/// Builds a module from sections given as raw payloads.
struct ModuleBytes {
  Bytes Data = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  ModuleBytes &section(uint8_t Id, const Bytes &Payload) {
    Data.push_back(Id);
    appendU32(Data, static_cast<uint32_t>(Payload.size()));
    Data.insert(Data.end(), Payload.begin(), Payload.end());
    return *this;
  }
  /// One function of type [] -> [] with the given body (locals + code).
  ModuleBytes &singleFunction(const Bytes &Body) {
    section(1, {1, 0x60, 0, 0});
    section(3, {1, 0});
    Bytes Code = {1};
    appendU32(Code, static_cast<uint32_t>(Body.size()));
    Code.insert(Code.end(), Body.begin(), Body.end());
    return section(10, Code);
  }
};

Expected<Module> decode(const Bytes &B, Features F = Features::wasm20()) {
  return decodeModule(B, F);
}

std::string errorOf(const Bytes &B, Features F = Features::wasm20()) {
  auto M = decode(B, F);
  return M ? std::string("(decoded)") : M.error().format();
}

TEST(DecoderTest, EmptyModule) {
  auto M = decode(ModuleBytes().Data);
  ASSERT_TRUE(M) << M.error().format();
  EXPECT_TRUE(M->Types.empty());
}

TEST(DecoderTest, HeaderErrors) {
  EXPECT_EQ(errorOf({0x00, 0x61, 0x73}), "0x0: magic header not detected: expected \\0asm (00 61 73 6d)");
  EXPECT_EQ(errorOf({0x00, 0x61, 0x73, 0x6d, 0x02, 0, 0, 0}),
            "0x4: unknown binary version: expected 01 00 00 00");
}

TEST(DecoderTest, SectionIdAndSizeErrors) {
  ModuleBytes Bad;
  Bad.Data.push_back(13);
  Bad.Data.push_back(0);
  EXPECT_EQ(errorOf(Bad.Data), "0x8: malformed section id 0x0d");
  ModuleBytes Long;
  Long.Data.insert(Long.Data.end(), {1, 5, 0});
  EXPECT_NE(errorOf(Long.Data).find("length out of bounds"), std::string::npos);
  // A type section claiming 2 bytes but holding a complete vector in 1.
  EXPECT_NE(errorOf(ModuleBytes().section(1, {0, 0}).Data).find("section size mismatch"),
            std::string::npos);
}

TEST(DecoderTest, SectionOrder) {
  auto Dup = ModuleBytes().section(1, {0}).section(1, {0});
  EXPECT_NE(errorOf(Dup.Data).find("unexpected content after last section"), std::string::npos);
  auto Wrong = ModuleBytes().section(3, {0}).section(1, {0});
  EXPECT_NE(errorOf(Wrong.Data).find("out of order"), std::string::npos);
  // Data count sits between element and code.
  auto DataCount = ModuleBytes().section(9, {0}).section(12, {0}).section(10, {0}).section(11, {0});
  EXPECT_TRUE(decode(DataCount.Data));
  // Custom sections may go anywhere.
  Bytes Custom;
  appendName(Custom, "x");
  auto Customs = ModuleBytes().section(0, Custom).section(1, {0}).section(0, Custom);
  auto M = decode(Customs.Data);
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Customs.size(), 2u);
  EXPECT_EQ(M->Customs[1].After, 1);
}

TEST(DecoderTest, TypeSection) {
  auto M = decode(ModuleBytes().section(1, {2, 0x60, 2, 0x7f, 0x7e, 1, 0x7d, 0x60, 0, 2, 0x7c, 0x6f}).Data);
  ASSERT_TRUE(M) << M.error().format();
  ASSERT_EQ(M->Types.size(), 2u);
  EXPECT_EQ(M->Types[0], (FuncType{{ValType::I32, ValType::I64}, {ValType::F32}}));
  EXPECT_EQ(M->Types[1], (FuncType{{}, {ValType::F64, ValType::ExternRef}}));
  EXPECT_NE(errorOf(ModuleBytes().section(1, {1, 0x61, 0, 0}).Data).find("malformed function type"),
            std::string::npos);
  EXPECT_NE(errorOf(ModuleBytes().section(1, {1, 0x60, 1, 0x7a, 0}).Data).find("malformed value type 0x7a"),
            std::string::npos);
}

TEST(DecoderTest, DisabledFeaturesAreRefused) {
  auto Multi = ModuleBytes().section(1, {1, 0x60, 0, 2, 0x7f, 0x7f});
  EXPECT_TRUE(decode(Multi.Data));
  auto M = decode(Multi.Data, Features::mvpOnly());
  ASSERT_FALSE(M);
  EXPECT_EQ(M.error().kind(), ErrorKind::Unsupported);
  EXPECT_NE(M.error().message().find("multi-value"), std::string::npos);
  // An opcode from a disabled proposal: i32.extend8_s (0xc0).
  auto Ext = ModuleBytes().singleFunction({0, 0x41, 0, 0xc0, 0x1a, 0x0b});
  EXPECT_TRUE(decode(Ext.Data));
  auto E = decode(Ext.Data, Features::mvpOnly());
  ASSERT_FALSE(E);
  EXPECT_NE(E.error().message().find("i32.extend8_s requires the sign-extension feature"),
            std::string::npos);
}

TEST(DecoderTest, ImportSection) {
  Bytes P = {4};
  for (auto [Kind, Rest] : std::initializer_list<std::pair<uint8_t, Bytes>>{
           {0, {0}}, {1, {0x70, 1, 1, 2}}, {2, {0, 1}}, {3, {0x7e, 1}}}) {
    appendName(P, "env");
    appendName(P, "f" + std::to_string(Kind));
    P.push_back(Kind);
    P.insert(P.end(), Rest.begin(), Rest.end());
  }
  auto M = decode(ModuleBytes().section(1, {1, 0x60, 0, 0}).section(2, P).Data);
  ASSERT_TRUE(M) << M.error().format();
  ASSERT_EQ(M->Imports.size(), 4u);
  EXPECT_EQ(M->Imports[0].FieldName, "f0");
  EXPECT_EQ(M->Imports[1].Table.Size, (Limits{1, 2}));
  EXPECT_EQ(M->Imports[2].Memory.Pages, (Limits{1, std::nullopt}));
  EXPECT_EQ(M->Imports[3].Global, (GlobalType{ValType::I64, true}));
  EXPECT_EQ(M->ImportedFuncCount, 1u);
  EXPECT_EQ(M->GlobalSpace.size(), 1u);

  Bytes Bad = {1};
  appendName(Bad, "m");
  appendName(Bad, "n");
  Bad.push_back(4);
  EXPECT_NE(errorOf(ModuleBytes().section(2, Bad).Data).find("malformed import kind 0x04"),
            std::string::npos);
}

TEST(DecoderTest, TableMemoryGlobalSections) {
  auto M = decode(ModuleBytes()
                      .section(4, {1, 0x6f, 0, 3})
                      .section(5, {1, 1, 1, 2})
                      .section(6, {1, 0x7f, 0, 0x41, 0x2a, 0x0b})
                      .Data);
  ASSERT_TRUE(M) << M.error().format();
  EXPECT_EQ(M->Tables[0].ElemType, ValType::ExternRef);
  EXPECT_EQ(M->Memories[0].Pages, (Limits{1, 2}));
  ASSERT_EQ(M->Globals[0].Init.Code.size(), 2u);
  EXPECT_EQ(M->Globals[0].Init.Code[0].Op, Opcode::I32Const);
  EXPECT_EQ(M->Globals[0].Init.Code[0].i32(), 42);
  EXPECT_NE(errorOf(ModuleBytes().section(5, {1, 2, 0}).Data).find("integer too large"),
            std::string::npos);
  EXPECT_NE(errorOf(ModuleBytes().section(6, {1, 0x7f, 2, 0x41, 0, 0x0b}).Data).find("malformed mutability"),
            std::string::npos);
}

TEST(DecoderTest, ExportAndStartSections) {
  Bytes Exports = {1};
  appendName(Exports, "f");
  Exports.insert(Exports.end(), {0, 0});
  auto M = decode(ModuleBytes()
                      .section(1, {1, 0x60, 0, 0})
                      .section(3, {1, 0})
                      .section(7, Exports)
                      .section(8, {0})
                      .section(10, {1, 2, 0, 0x0b})
                      .Data);
  ASSERT_TRUE(M) << M.error().format();
  EXPECT_EQ(M->Exports[0].Name, "f");
  EXPECT_EQ(M->Start, 0u);
  Bytes BadKind = {1};
  appendName(BadKind, "f");
  BadKind.insert(BadKind.end(), {4, 0});
  EXPECT_NE(errorOf(ModuleBytes().section(7, BadKind).Data).find("malformed export kind"),
            std::string::npos);
}

TEST(DecoderTest, ElementSegmentForms) {
  // Forms 0..7, each with one item referring to function 0.
  Bytes P = {8,
             0, 0x41, 0, 0x0b, 1, 0,                 // active, table 0, func indices
             1, 0x00, 1, 0,                          // passive, elemkind
             2, 0, 0x41, 1, 0x0b, 0x00, 1, 0,        // active, explicit table
             3, 0x00, 1, 0,                          // declarative
             4, 0x41, 2, 0x0b, 1, 0xd2, 0, 0x0b,     // active, expressions
             5, 0x70, 1, 0xd0, 0x70, 0x0b,           // passive, expressions
             6, 0, 0x41, 3, 0x0b, 0x70, 1, 0xd2, 0, 0x0b,
             7, 0x70, 1, 0xd2, 0, 0x0b};
  auto M = decode(ModuleBytes()
                      .section(1, {1, 0x60, 0, 0})
                      .section(3, {1, 0})
                      .section(4, {1, 0x70, 0, 10})
                      .section(9, P)
                      .section(10, {1, 2, 0, 0x0b})
                      .Data);
  ASSERT_TRUE(M) << M.error().format();
  ASSERT_EQ(M->Elements.size(), 8u);
  const SegmentMode Expected[] = {SegmentMode::Active,  SegmentMode::Passive,
                                  SegmentMode::Active,  SegmentMode::Declarative,
                                  SegmentMode::Active,  SegmentMode::Passive,
                                  SegmentMode::Active,  SegmentMode::Declarative};
  for (size_t I = 0; I < 8; ++I) {
    EXPECT_EQ(M->Elements[I].Mode, Expected[I]) << "form " << I;
    ASSERT_EQ(M->Elements[I].Items.size(), 1u);
  }
  EXPECT_EQ(M->Elements[0].Items[0].Code[0].Op, Opcode::RefFunc);
  EXPECT_EQ(M->Elements[5].Items[0].Code[0].Op, Opcode::RefNull);
  EXPECT_EQ(M->Elements[2].TableOffset.Code[0].i32(), 1);
  EXPECT_NE(errorOf(ModuleBytes().section(9, {1, 8}).Data).find("malformed elements segment kind"),
            std::string::npos);
  EXPECT_NE(errorOf(ModuleBytes().section(9, {1, 1, 0x01, 0}).Data).find("malformed element kind"),
            std::string::npos);
}

TEST(DecoderTest, DataSegmentsAndDataCount) {
  auto M = decode(ModuleBytes()
                      .section(5, {1, 0, 1})
                      .section(12, {3})
                      .section(11, {3, 0, 0x41, 0, 0x0b, 2, 'h', 'i', 1, 1, 'x', 2, 0, 0x41, 8, 0x0b, 0})
                      .Data);
  ASSERT_TRUE(M) << M.error().format();
  ASSERT_EQ(M->Data.size(), 3u);
  EXPECT_EQ(M->Data[0].Bytes, (Bytes{'h', 'i'}));
  EXPECT_EQ(M->Data[1].Mode, SegmentMode::Passive);
  EXPECT_EQ(M->Data[2].MemoryOffset.Code[0].i32(), 8);
  auto Mismatch = ModuleBytes().section(12, {2}).section(11, {1, 1, 0});
  EXPECT_NE(errorOf(Mismatch.Data).find("data count and data section have inconsistent lengths"),
            std::string::npos);
  EXPECT_NE(errorOf(ModuleBytes().section(11, {1, 3}).Data).find("malformed data segment kind"),
            std::string::npos);
}

TEST(DecoderTest, CodeSectionLocalsAndBodies) {
  auto M = decode(ModuleBytes().singleFunction({2, 2, 0x7f, 1, 0x7e, 0x20, 2, 0x1a, 0x0b}).Data);
  ASSERT_TRUE(M) << M.error().format();
  const FunctionBody &Body = M->Bodies[0];
  EXPECT_EQ(Body.Locals, (std::vector<ValType>{ValType::I32, ValType::I32, ValType::I64}));
  ASSERT_EQ(Body.Code.size(), 3u);
  EXPECT_EQ(Body.Code[0].Op, Opcode::LocalGet);
  EXPECT_EQ(Body.Code[0].Index, 2u);
  EXPECT_EQ(Body.Code[2].Op, Opcode::End);

  // 2^32-1 locals in one group is refused before any allocation.
  EXPECT_NE(errorOf(ModuleBytes().singleFunction({1, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x7f, 0x0b}).Data)
                .find("too many locals"),
            std::string::npos);
  // Bytes after the final end.
  EXPECT_NE(errorOf(ModuleBytes().singleFunction({0, 0x0b, 0x01}).Data).find("after the function's final 'end'"),
            std::string::npos);
  // Missing end.
  EXPECT_NE(errorOf(ModuleBytes().singleFunction({0, 0x01}).Data).find("missing 'end'"),
            std::string::npos);
  // Functions without bodies.
  EXPECT_NE(errorOf(ModuleBytes().section(1, {1, 0x60, 0, 0}).section(3, {1, 0}).Data)
                .find("function and code section have inconsistent lengths"),
            std::string::npos);
}

TEST(DecoderTest, ErrorsInBodiesNameTheFunction) {
  auto M = decode(ModuleBytes().singleFunction({0, 0xff, 0x0b}).Data);
  ASSERT_FALSE(M);
  EXPECT_EQ(M.error().functionIndex(), 0u);
  EXPECT_NE(M.error().format().find("in function 0: illegal opcode 0xff"), std::string::npos);
  EXPECT_EQ(M.error().byteOffset(), 23u);
}

TEST(DecoderTest, Immediates) {
  auto M = decode(ModuleBytes()
                      .singleFunction({0,
                                       0x02, 0x40,                         // block
                                       0x41, 0x00,                         // i32.const 0
                                       0x0e, 2, 0, 0, 0,                   // br_table 0 0 0
                                       0x0b,                               // end
                                       0x41, 0x00, 0x28, 0x02, 0x10, 0x1a, // i32.load align=4 offset=16
                                       0x42, 0x7f, 0x1a,                   // i64.const -1
                                       0x43, 0, 0, 0x80, 0x3f, 0x1a,       // f32.const 1.0
                                       0xfc, 0x00,                         // i32.trunc_sat_f32_s
                                       0x0b})
                      .Data);
  // (The last opcode lacks an operand; decoding does not type-check.)
  ASSERT_TRUE(M) << M.error().format();
  const auto &Code = M->Bodies[0].Code;
  EXPECT_EQ(Code[2].Op, Opcode::BrTable);
  EXPECT_EQ(Code[2].Index2, 2u);
  EXPECT_EQ(M->Bodies[0].BranchTargets.size(), 3u);
  EXPECT_EQ(Code[5].Op, Opcode::I32Load);
  EXPECT_EQ(Code[5].AlignLog2, 2);
  EXPECT_EQ(Code[5].memOffset(), 16u);
  EXPECT_EQ(Code[7].i64(), -1);
  EXPECT_EQ(Code[9].f32Bits(), 0x3f800000u);
  EXPECT_EQ(Code[11].Op, Opcode::I32TruncSatF32S);
}

TEST(DecoderTest, MemoryIndexBytesMustBeZero) {
  EXPECT_NE(errorOf(ModuleBytes().singleFunction({0, 0x3f, 0x01, 0x1a, 0x0b}).Data).find("zero byte expected"),
            std::string::npos);
  // An overlong zero is still malformed in 2.0: the index is a byte.
  EXPECT_NE(errorOf(ModuleBytes().singleFunction({0, 0x3f, 0x80, 0x00, 0x1a, 0x0b}).Data).find("zero byte expected"),
            std::string::npos);
}

TEST(DecoderTest, DataCountRequiredForMemoryInit) {
  auto Body = Bytes{0, 0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 0x08, 0, 0, 0x0b};
  EXPECT_NE(errorOf(ModuleBytes().singleFunction(Body).Data).find("data count section required"),
            std::string::npos);
}

TEST(DecoderTest, SimdImmediates) {
  Bytes Body = {0, 0xfd, 0x0c};
  for (uint8_t I = 0; I < 16; ++I)
    Body.push_back(I);
  Body.insert(Body.end(), {0xfd, 0x15, 3, 0x1a, 0x0b});
  auto M = decode(ModuleBytes().singleFunction(Body).Data);
  ASSERT_TRUE(M) << M.error().format();
  EXPECT_EQ(M->Bodies[0].Code[0].Op, Opcode::V128Const);
  EXPECT_EQ(M->Bodies[0].Code[0].Bytes[15], 15);
  EXPECT_EQ(M->Bodies[0].Code[1].Op, Opcode::I8x16ExtractLaneS);
  EXPECT_EQ(M->Bodies[0].Code[1].Lane, 3);
}

TEST(DecoderTest, NameSection) {
  Bytes Payload;
  appendName(Payload, "name");
  Bytes FuncNames = {1, 0};
  appendName(FuncNames, "main");
  Payload.push_back(1);
  appendU32(Payload, static_cast<uint32_t>(FuncNames.size()));
  Payload.insert(Payload.end(), FuncNames.begin(), FuncNames.end());
  Bytes LocalNames = {1, 0, 1, 0};
  appendName(LocalNames, "x");
  Payload.push_back(2);
  appendU32(Payload, static_cast<uint32_t>(LocalNames.size()));
  Payload.insert(Payload.end(), LocalNames.begin(), LocalNames.end());
  auto M = decode(ModuleBytes().singleFunction({0, 0x0b}).section(0, Payload).Data);
  ASSERT_TRUE(M) << M.error().format();
  EXPECT_EQ(M->Names.FunctionNames.at(0), "main");
  EXPECT_EQ(M->Names.LocalNames.at(0).at(0), "x");
  EXPECT_EQ(M->functionDisplayName(0), "main");
  EXPECT_EQ(M->functionDisplayName(7), "func[7]");

  // A damaged name section is ignored, not fatal: custom sections carry no meaning.
  Bytes Damaged;
  appendName(Damaged, "name");
  Damaged.insert(Damaged.end(), {1, 9, 1});
  auto D = decode(ModuleBytes().section(0, Damaged).Data);
  ASSERT_TRUE(D);
  EXPECT_TRUE(D->Names.FunctionNames.empty());
  EXPECT_EQ(D->Customs.size(), 1u);
}

TEST(DecoderTest, HostileCountsDoNotAllocate) {
  // A type section claiming 2^32-1 entries in 5 bytes.
  EXPECT_NE(errorOf(ModuleBytes().section(1, {0xff, 0xff, 0xff, 0xff, 0x0f}).Data).find("unexpected end"),
            std::string::npos);
}
} // namespace
