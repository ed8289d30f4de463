//===- ScriptTest.cpp - .wast commands, values and result patterns -------===//
#include "kiln/Text/Script.h"
#include "kiln/Text/SourceMap.h"

#include "kiln/Wasm/Decoder.h"

#include <gtest/gtest.h>

using namespace kiln;
using namespace kiln::text;
using wasm::ValType;

namespace {

Script parse(std::string_view Source) {
  auto S = parseScript(Source, "t.wast");
  EXPECT_TRUE(S.has_value()) << (S ? "" : S.error().message());
  return S ? std::move(*S) : Script();
}

ScriptValue f32Value(uint32_t Bits) {
  ScriptValue V;
  V.Type = ValType::F32;
  for (unsigned I = 0; I < 4; ++I)
    V.Bits[I] = static_cast<uint8_t>(Bits >> (8 * I));
  return V;
}

TEST(ScriptTest, CommandsAndLines) {
  Script S = parse(R"W((module $A (func (export "f") (param i32) (result i32) (local.get 0)))
(register "a" $A)
(module binary "\00asm" "\01\00\00\00")
(invoke "f" (i32.const 1))
(assert_return (invoke $A "f" (i32.const -1)) (i32.const 0xffffffff))
(assert_trap (invoke "f" (i64.const 0)) "unreachable")
(assert_exhaustion (invoke "f") "call stack exhausted")
(assert_malformed (module quote "(func" ")") "unexpected token")
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_unlinkable (module (import "x" "y" (func))) "unknown import")
(assert_trap (module (func $s unreachable) (start $s)) "unreachable")
(get $A "g")
)W");
  using enum CommandKind;
  ASSERT_EQ(S.Commands.size(), 12u);
  std::vector<CommandKind> Kinds;
  for (const ScriptCommand &C : S.Commands)
    Kinds.push_back(C.Kind);
  EXPECT_EQ(Kinds, (std::vector{Module, Register, Module, Action, AssertReturn, AssertTrap,
                                AssertExhaustion, AssertMalformed, AssertInvalid,
                                AssertUnlinkable, AssertUninstantiable, Action}));
  EXPECT_EQ(S.Commands[0].Module.Id, "A");
  EXPECT_EQ(S.Commands[0].Module.Parsed.Bodies.size(), 1u);
  EXPECT_EQ(S.Commands[1].RegisterName, "a");
  EXPECT_EQ(S.Commands[1].ModuleId, "A");
  EXPECT_EQ(S.Commands[2].Module.TheForm, ScriptModule::Form::Binary);
  EXPECT_EQ(S.Commands[2].Module.Bytes.size(), 8u);
  EXPECT_EQ(S.Commands[3].Line, 4u);
  EXPECT_EQ(S.Commands[4].Action.ModuleId, "A");
  EXPECT_EQ(S.Commands[4].Action.Args[0].bits32(), 0xffffffffu);
  EXPECT_EQ(S.Commands[4].Results[0].Value.bits32(), 0xffffffffu);
  EXPECT_EQ(S.Commands[5].Message, "unreachable");
  EXPECT_EQ(S.Commands[7].Module.TheForm, ScriptModule::Form::Quote);
  EXPECT_EQ(S.Commands[7].Module.Quote, "(func)");
  EXPECT_EQ(S.Commands[11].Action.TheKind, ScriptAction::Kind::Get);
  EXPECT_EQ(commandKindName(S.Commands[10].Kind), "assert_trap");
}

TEST(ScriptTest, ModulesLoadAndEncode) {
  Script S = parse(R"W((module $m (func $f (export "f")))
(module quote "(memory 1)")
(assert_malformed (module quote "(func (i32.const))") "unexpected token"))W");
  auto Text = S.Commands[0].Module.toBinary();
  ASSERT_TRUE(Text);
  auto Decoded = wasm::decodeModule(*Text);
  ASSERT_TRUE(Decoded);
  EXPECT_EQ(Decoded->Exports[0].Name, "f");
  EXPECT_EQ(Decoded->Names.FunctionNames.at(0), "f");
  auto Quoted = S.Commands[1].Module.load();
  ASSERT_TRUE(Quoted);
  EXPECT_EQ(Quoted->Memories.size(), 1u);
  auto Bad = S.Commands[2].Module.load();
  ASSERT_FALSE(Bad);
  EXPECT_NE(Bad.error().message().find("unexpected token"), std::string::npos);
}

TEST(ScriptTest, TextModulesThatMustFailMayFailToParse) {
  Script S = parse("(assert_invalid (module (func (br $x))) \"unknown label\")\n(module)");
  ASSERT_EQ(S.Commands.size(), 2u);
  ASSERT_TRUE(S.Commands[0].Module.TextError);
  EXPECT_EQ(S.formatError(*S.Commands[0].Module.TextError), "t.wast:1:35: unknown label $x");
  EXPECT_FALSE(S.Commands[0].Module.load());
}

TEST(ScriptTest, ParseErrorsCarryLineAndColumn) {
  auto S = parseScript("(module)\n(module (func (i32.const 1) (drop) (nope)))", "t.wast");
  ASSERT_FALSE(S);
  EXPECT_EQ(S.error().kind(), ErrorKind::Malformed);
  EXPECT_EQ(formatTextError(S.error(), "t.wast", "(module)\n(module (func (i32.const 1) (drop) (nope)))"),
            "t.wast:2:37: unknown operator 'nope'");
  EXPECT_FALSE(parseScript("(assert_return (invoke \"f\") (i32.const 1.5))"));
  EXPECT_FALSE(parseScript("(frobnicate)"));
}

TEST(ScriptTest, BareModuleScript) {
  Script S = parse("(func) (memory 0) (func (export \"f\"))");
  ASSERT_EQ(S.Commands.size(), 1u);
  EXPECT_EQ(S.Commands[0].Kind, CommandKind::Module);
  EXPECT_EQ(S.Commands[0].Module.Parsed.Bodies.size(), 2u);
}

TEST(ScriptTest, ResultPatterns) {
  Script S = parse(R"((assert_return (invoke "f")
  (f32.const nan:canonical) (f64.const nan:arithmetic) (f32.const -nan:0x200000)
  (v128.const f32x4 1 nan:canonical -0 nan:arithmetic)
  (v128.const i8x16 -1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 255)
  (ref.null func) (ref.extern 7) (ref.extern) (ref.func)
  (either (i32.const 1) (i32.const 2))))");
  const auto &R = S.Commands[0].Results;
  ASSERT_EQ(R.size(), 10u);
  EXPECT_EQ(R[0].Nan, NanPattern::Canonical);
  EXPECT_EQ(R[1].Value.Type, ValType::F64);
  EXPECT_EQ(R[1].Nan, NanPattern::Arithmetic);
  EXPECT_EQ(R[2].Value.bits32(), 0xffa00000u);
  EXPECT_EQ(R[3].Shape, LaneShape::F32x4);
  EXPECT_EQ(R[3].LaneNans[1], NanPattern::Canonical);
  EXPECT_EQ(R[3].LaneNans[3], NanPattern::Arithmetic);
  EXPECT_EQ(R[4].Value.Bits[0], 0xff);
  EXPECT_EQ(R[4].Value.Bits[15], 0xff);
  EXPECT_TRUE(R[5].Value.IsNull);
  EXPECT_EQ(R[5].Value.Type, ValType::FuncRef);
  EXPECT_EQ(R[6].Value.RefIndex, 7u);
  EXPECT_FALSE(R[7].Value.RefIndex);
  EXPECT_EQ(R[8].Value.Type, ValType::FuncRef);
  EXPECT_EQ(R[9].Either.size(), 2u);
}

TEST(ScriptTest, Matching) {
  Script S = parse(R"((assert_return (invoke "f")
  (f32.const nan:canonical) (f32.const nan:arithmetic) (f32.const -0)
  (v128.const f64x2 nan:canonical 1.5) (ref.extern 7) (ref.extern) (ref.null extern)
  (either (i32.const 1) (i32.const 2))))");
  const auto &R = S.Commands[0].Results;
  EXPECT_TRUE(R[0].matches(f32Value(0x7fc00000)));
  EXPECT_TRUE(R[0].matches(f32Value(0xffc00000)));
  EXPECT_FALSE(R[0].matches(f32Value(0x7fc00001)));
  EXPECT_TRUE(R[1].matches(f32Value(0x7fc00001)));
  EXPECT_FALSE(R[1].matches(f32Value(0x7f800001))); // signalling
  EXPECT_TRUE(R[2].matches(f32Value(0x80000000)));
  EXPECT_FALSE(R[2].matches(f32Value(0)));

  ScriptValue Vec;
  Vec.Type = ValType::V128;
  uint64_t Nan = 0xfff8000000000000u, OnePointFive = 0x3ff8000000000000u;
  for (unsigned I = 0; I < 8; ++I) {
    Vec.Bits[I] = static_cast<uint8_t>(Nan >> (8 * I));
    Vec.Bits[8 + I] = static_cast<uint8_t>(OnePointFive >> (8 * I));
  }
  EXPECT_TRUE(R[3].matches(Vec));
  Vec.Bits[8] ^= 1;
  EXPECT_FALSE(R[3].matches(Vec));

  ScriptValue Ext;
  Ext.Type = ValType::ExternRef;
  Ext.RefIndex = 7;
  EXPECT_TRUE(R[4].matches(Ext));
  EXPECT_TRUE(R[5].matches(Ext));
  EXPECT_FALSE(R[6].matches(Ext));
  Ext.RefIndex = 8;
  EXPECT_FALSE(R[4].matches(Ext));
  Ext.IsNull = true;
  EXPECT_TRUE(R[6].matches(Ext));
  EXPECT_FALSE(R[5].matches(Ext));

  ScriptValue Two;
  Two.Bits[0] = 2;
  EXPECT_TRUE(R[7].matches(Two));
  Two.Bits[0] = 3;
  EXPECT_FALSE(R[7].matches(Two));
}

TEST(ScriptTest, ArgumentsOfEveryType) {
  Script S = parse(R"((invoke "f" (i32.const 1) (i64.const -1) (f32.const 0.5) (f64.const -inf)
  (v128.const i64x2 1 -1) (ref.null extern) (ref.extern 3)))");
  const auto &A = S.Commands[0].Action.Args;
  ASSERT_EQ(A.size(), 7u);
  EXPECT_EQ(A[1].bits64(), ~uint64_t(0));
  EXPECT_EQ(A[2].bits32(), 0x3f000000u);
  EXPECT_EQ(A[3].bits64(), 0xfff0000000000000u);
  EXPECT_EQ(A[4].Bits[8], 0xff);
  EXPECT_TRUE(A[5].IsNull);
  EXPECT_EQ(A[5].Type, ValType::ExternRef);
  EXPECT_EQ(A[6].RefIndex, 3u);
  // Patterns are not arguments.
  EXPECT_FALSE(parseScript("(invoke \"f\" (f32.const nan:canonical))"));
  EXPECT_FALSE(parseScript("(invoke \"f\" (ref.extern))"));
}

} // namespace
