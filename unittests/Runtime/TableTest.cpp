//===- TableTest.cpp - Table growth and bulk operations -------------------===//
#include "kiln/Runtime/Table.h"

#include <gtest/gtest.h>

using namespace kiln;
using namespace kiln::runtime;
using kiln::abi::TrapCode;

namespace {

std::unique_ptr<Table> makeTable(uint64_t Min, std::optional<uint64_t> Max = std::nullopt,
                                 void *Init = nullptr, uint64_t Cap = 1000) {
  wasm::TableType Type;
  Type.ElemType = wasm::ValType::ExternRef;
  Type.Size = {Min, Max};
  auto T = Table::create(Type, Init, Cap);
  EXPECT_TRUE(T.has_value());
  return T ? std::move(*T) : nullptr;
}

void *ref(uintptr_t N) { return reinterpret_cast<void *>(N); }

TEST(TableTest, CreateGrowAndTheVMView) {
  auto T = makeTable(2, 4, ref(7));
  EXPECT_EQ(T->size(), 2u);
  EXPECT_EQ(T->get(1), ref(7));
  EXPECT_FALSE(T->get(2).has_value());
  EXPECT_EQ(T->grow(1, ref(9)), 2);
  EXPECT_EQ(T->grow(2, nullptr), -1);
  EXPECT_EQ(T->grow(1, nullptr), 3);
  EXPECT_EQ(T->grow(0, nullptr), 4);
  EXPECT_EQ(T->vmTable()->Size, 4u);
  EXPECT_EQ(T->vmTable()->Elements[2], ref(9));
  EXPECT_EQ(T->vmTable()->Elements[3], nullptr);
  EXPECT_EQ(T->currentType().Size.Min, 4u);
}

TEST(TableTest, CapLimitsGrowthAndCreation) {
  auto T = makeTable(0, std::nullopt, nullptr, /*Cap=*/3);
  EXPECT_EQ(T->grow(3, nullptr), 0);
  EXPECT_EQ(T->grow(1, nullptr), -1);
  EXPECT_EQ(T->grow(UINT64_MAX, nullptr), -1);
  wasm::TableType Big;
  Big.Size.Min = 4;
  EXPECT_FALSE(Table::create(Big, nullptr, 3).has_value());
}

TEST(TableTest, FillChecksBoundsBeforeWriting) {
  auto T = makeTable(4);
  EXPECT_EQ(T->fill(1, ref(5), 3), TrapCode::None);
  EXPECT_EQ(T->get(3), ref(5));
  EXPECT_EQ(T->fill(2, ref(6), 3), TrapCode::OutOfBoundsTableAccess);
  EXPECT_EQ(T->get(2), ref(5));
  EXPECT_EQ(T->fill(4, ref(6), 0), TrapCode::None);
  EXPECT_EQ(T->fill(5, ref(6), 0), TrapCode::OutOfBoundsTableAccess);
}

TEST(TableTest, CopyHandlesOverlapBothWays) {
  auto T = makeTable(5);
  for (uintptr_t I = 0; I < 5; ++I)
    T->set(I, ref(I + 1));
  EXPECT_EQ(Table::copy(*T, 1, *T, 0, 3), TrapCode::None); // 1 1 2 3 5
  EXPECT_EQ(T->get(3), ref(3));
  EXPECT_EQ(T->get(4), ref(5));
  EXPECT_EQ(Table::copy(*T, 0, *T, 2, 3), TrapCode::None); // 2 3 5 3 5
  EXPECT_EQ(T->get(0), ref(2));
  EXPECT_EQ(T->get(2), ref(5));
  auto Other = makeTable(2);
  EXPECT_EQ(Table::copy(*Other, 0, *T, 3, 2), TrapCode::None);
  EXPECT_EQ(Other->get(1), ref(5));
  EXPECT_EQ(Table::copy(*Other, 1, *T, 0, 2), TrapCode::OutOfBoundsTableAccess);
  EXPECT_EQ(Table::copy(*T, 5, *T, 0, 0), TrapCode::None);
  EXPECT_EQ(Table::copy(*T, 0, *T, 6, 0), TrapCode::OutOfBoundsTableAccess);
}

TEST(TableTest, InitFromSegmentItems) {
  auto T = makeTable(3);
  std::vector<void *> Items = {ref(1), ref(2), ref(3)};
  EXPECT_EQ(T->init(1, Items, 1, 2), TrapCode::None);
  EXPECT_EQ(T->get(1), ref(2));
  EXPECT_EQ(T->get(2), ref(3));
  EXPECT_EQ(T->init(0, Items, 2, 2), TrapCode::OutOfBoundsTableAccess);
  EXPECT_EQ(T->init(2, Items, 0, 2), TrapCode::OutOfBoundsTableAccess);
  EXPECT_EQ(T->init(3, {}, 0, 0), TrapCode::None);
}

TEST(TableTest, TypedAccess) {
  auto T = makeTable(1);
  int Host = 0;
  ASSERT_TRUE(T->setValue(0, Value::externRef(&Host)).has_value());
  EXPECT_EQ(T->getValue(0)->externRef(), &Host);
  EXPECT_FALSE(T->setValue(0, Value::null(wasm::ValType::FuncRef)).has_value());
  EXPECT_FALSE(T->setValue(1, Value::null(wasm::ValType::ExternRef)).has_value());
}

} // namespace
