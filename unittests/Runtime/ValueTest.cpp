//===- ValueTest.cpp - Typed values and their slot representation ---------===//
#include "kiln/Runtime/Value.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace kiln;
using namespace kiln::runtime;
using wasm::ValType;

namespace {

TEST(ValueTest, ScalarsRoundTripThroughSlots) {
  for (const Value &V : {Value::i32(0xdeadbeef), Value::i64(0x0123456789abcdefULL),
                         Value::f32Bits(0x7fc00001), Value::f64Bits(0xfff0000000000001ULL)}) {
    kiln::abi::ValueSlot Slot = V.toSlot();
    EXPECT_EQ(Value::fromSlot(V.type(), Slot), V) << V.toString();
  }
}

TEST(ValueTest, SlotsAreLittleEndianInTheLowBytes) {
  kiln::abi::ValueSlot Slot = Value::i32(0x11223344).toSlot();
  uint32_t Low;
  std::memcpy(&Low, Slot.Bytes, 4);
  EXPECT_EQ(Low, 0x11223344u);
  for (int I = 4; I < 16; ++I)
    EXPECT_EQ(Slot.Bytes[I], 0);
}

TEST(ValueTest, FromSlotIgnoresBytesBeyondTheType) {
  kiln::abi::ValueSlot Slot;
  std::memset(Slot.Bytes, 0xab, 16);
  Value V = Value::fromSlot(ValType::I32, Slot);
  EXPECT_EQ(V.i32(), 0xababababu);
  EXPECT_EQ(V, Value::i32(0xabababab));
}

TEST(ValueTest, ReferencesAndNulls) {
  kiln::abi::VMFuncRef Ref{};
  Value F = Value::funcRef(&Ref);
  EXPECT_EQ(F.funcRef(), &Ref);
  EXPECT_FALSE(F.isNullRef());
  EXPECT_TRUE(Value::null(ValType::ExternRef).isNullRef());
  EXPECT_EQ(Value::null(ValType::FuncRef).toString(), "funcref:null");
  int Host = 0;
  EXPECT_EQ(Value::fromSlot(ValType::ExternRef, Value::externRef(&Host).toSlot()).externRef(), &Host);
}

TEST(ValueTest, V128AndGlobals) {
  V128 Bytes;
  for (int I = 0; I < 16; ++I)
    Bytes[I] = static_cast<uint8_t>(I * 3);
  Value V = Value::v128(Bytes);
  EXPECT_EQ(Value::fromGlobal(ValType::V128, V.toGlobal()).v128(), Bytes);
  EXPECT_EQ(Value::f64(1.5).f64(), 1.5);
  EXPECT_EQ(Value::zero(ValType::F32), Value::f32Bits(0));
}

} // namespace
