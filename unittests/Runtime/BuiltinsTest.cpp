//===- BuiltinsTest.cpp - The builtins on an instance's VMContext ---------===//
#include "FakeCompiledModule.h"

#include "kiln/Runtime/Builtins.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/Store.h"
#include "kiln/Runtime/Table.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

using namespace kiln;
using namespace kiln::runtime;
using namespace kiln::runtime::test;
using kiln::abi::TrapCode;
using wasm::ValType;

namespace {

constexpr uint32_t Ok = 0;
constexpr uint32_t MemoryOOB = static_cast<uint32_t>(TrapCode::OutOfBoundsMemoryAccess);
constexpr uint32_t TableOOB = static_cast<uint32_t>(TrapCode::OutOfBoundsTableAccess);

TEST(BuiltinsTest, SymbolTableMatchesBuiltinsDef) {
  std::vector<std::string_view> Expected = {
#define KILN_BUILTIN(Name, Symbol, Ret, Params) Symbol,
#include "kiln/ABI/Builtins.def"
  };
  std::span<const BuiltinSymbol> Symbols = builtinSymbols();
  ASSERT_EQ(Symbols.size(), Expected.size());
  for (size_t I = 0; I < Symbols.size(); ++I) {
    EXPECT_EQ(Symbols[I].Name, Expected[I]);
    EXPECT_NE(Symbols[I].Address, nullptr);
  }
  EXPECT_EQ(Symbols[0].Address, reinterpret_cast<void *>(&kiln_rt_trap));
}

/// A module with two memories' worth of state: memory 0 (1 page, max 2),
/// two funcref tables, a passive data and a passive element segment.
class BuiltinsOnInstance : public testing::Test {
protected:
  void SetUp() override {
    wasm::Module M;
    M.Types = {voidType()};
    M.FunctionTypeIndices = {0, 0};
    M.Memories.push_back({{1, 2}});
    M.Tables.push_back({ValType::FuncRef, {3, 5}});
    M.Tables.push_back({ValType::FuncRef, {2, std::nullopt}});
    wasm::DataSegment Data;
    Data.Mode = wasm::SegmentMode::Passive;
    Data.Bytes = {'h', 'e', 'l', 'l', 'o'};
    M.Data.push_back(Data);
    wasm::ElementSegment Elem;
    Elem.Mode = wasm::SegmentMode::Passive;
    Elem.Items = {refFuncExpr(1), refFuncExpr(0)};
    M.Elements.push_back(Elem);
    auto Nop = reinterpret_cast<void *>(+[](VMContext *) {});
    auto Result = S.instantiate(compileFake(std::move(M), {Nop, Nop}), std::vector<Extern>{});
    ASSERT_TRUE(Result && *Result);
    I = **Result;
    Ctx = I->vmContext();
  }

  uint8_t byteAt(uint64_t Offset) { return I->memory(0)->bytes()[Offset]; }
  const void *fn(uint32_t Index) { return &Ctx->Functions[Index]; }

  Store S;
  Instance *I = nullptr;
  VMContext *Ctx = nullptr;
};

TEST_F(BuiltinsOnInstance, MemoryGrow) {
  EXPECT_EQ(kiln_rt_memory_grow(Ctx, 0, 1), 1u);
  EXPECT_EQ(Ctx->Memories[0]->SizeInBytes, 2 * wasm::PageSizeInBytes);
  EXPECT_EQ(kiln_rt_memory_grow(Ctx, 0, 1), UINT32_MAX);
  EXPECT_EQ(kiln_rt_memory_grow(Ctx, 0, 0), 2u);
  EXPECT_EQ(Ctx->Memory0Base, I->memory(0)->base());
}

TEST_F(BuiltinsOnInstance, MemoryFillAndCopy) {
  EXPECT_EQ(kiln_rt_memory_fill(Ctx, 0, 100, 0x1ab, 4), Ok);
  EXPECT_EQ(byteAt(103), 0xab) << "the value is truncated to a byte";
  EXPECT_EQ(kiln_rt_memory_fill(Ctx, 0, 65535, 1, 2), MemoryOOB);
  EXPECT_EQ(kiln_rt_memory_fill(Ctx, 0, 0xffffffff, 1, 2), MemoryOOB) << "no 32-bit wrap";
  EXPECT_EQ(kiln_rt_memory_copy(Ctx, 0, 0, 102, 100, 4), Ok);
  EXPECT_EQ(byteAt(105), 0xab);
  EXPECT_EQ(kiln_rt_memory_copy(Ctx, 0, 0, 0, 65534, 4), MemoryOOB);
}

TEST_F(BuiltinsOnInstance, MemoryInitAndDataDrop) {
  EXPECT_EQ(kiln_rt_memory_init(Ctx, 0, 0, 10, 1, 3), Ok);
  EXPECT_EQ(byteAt(10), 'e');
  EXPECT_EQ(byteAt(12), 'l');
  EXPECT_EQ(kiln_rt_memory_init(Ctx, 0, 0, 10, 3, 3), MemoryOOB);
  EXPECT_EQ(kiln_rt_memory_init(Ctx, 0, 0, 65536, 5, 0), Ok);
  kiln_rt_data_drop(Ctx, 0);
  EXPECT_EQ(kiln_rt_memory_init(Ctx, 0, 0, 10, 0, 1), MemoryOOB);
  EXPECT_EQ(kiln_rt_memory_init(Ctx, 0, 0, 10, 0, 0), Ok);
  EXPECT_EQ(kiln_rt_memory_init(Ctx, 0, 0, 10, 1, 0), MemoryOOB);
}

TEST_F(BuiltinsOnInstance, TableGrowAndFill) {
  auto *F0 = const_cast<kiln::abi::VMFuncRef *>(&Ctx->Functions[0]);
  EXPECT_EQ(kiln_rt_table_grow(Ctx, 0, 2, F0), 3u);
  EXPECT_EQ(Ctx->Tables[0]->Size, 5u);
  EXPECT_EQ(Ctx->Tables[0]->Elements[4], F0);
  EXPECT_EQ(kiln_rt_table_grow(Ctx, 0, 1, nullptr), UINT32_MAX);
  EXPECT_EQ(kiln_rt_table_fill(Ctx, 0, 0, F0, 2), Ok);
  EXPECT_EQ(Ctx->Tables[0]->Elements[1], F0);
  EXPECT_EQ(kiln_rt_table_fill(Ctx, 0, 4, nullptr, 2), TableOOB);
  EXPECT_EQ(Ctx->Tables[0]->Elements[4], F0);
}

TEST_F(BuiltinsOnInstance, TableInitCopyAndElemDrop) {
  EXPECT_EQ(kiln_rt_table_init(Ctx, 0, 0, 1, 0, 2), Ok);
  EXPECT_EQ(Ctx->Tables[0]->Elements[1], fn(1));
  EXPECT_EQ(Ctx->Tables[0]->Elements[2], fn(0));
  EXPECT_EQ(kiln_rt_table_init(Ctx, 0, 0, 2, 0, 2), TableOOB);
  EXPECT_EQ(kiln_rt_table_copy(Ctx, 1, 0, 0, 1, 2), Ok);
  EXPECT_EQ(Ctx->Tables[1]->Elements[0], fn(1));
  EXPECT_EQ(Ctx->Tables[1]->Elements[1], fn(0));
  EXPECT_EQ(kiln_rt_table_copy(Ctx, 1, 0, 1, 0, 2), TableOOB);
  kiln_rt_elem_drop(Ctx, 0);
  EXPECT_EQ(kiln_rt_table_init(Ctx, 0, 0, 0, 0, 1), TableOOB);
  EXPECT_EQ(kiln_rt_table_init(Ctx, 0, 0, 0, 0, 0), Ok);
}

TEST(BuiltinsTest, CallHostUsesTheSlots) {
  auto Host = HostFunction::create(i32I32ToI32Type(), [](auto Args, auto Results) -> TrapOr<void> {
    if (Args[1].i32() == 0)
      return std::unexpected(Trap::fromCode(TrapCode::IntegerDivideByZero));
    Results[0] = Value::i32(Args[0].i32() / Args[1].i32());
    return {};
  });
  kiln::abi::ValueSlot Slots[2];
  setSlotI32(Slots[0], 42);
  setSlotI32(Slots[1], 6);
  EXPECT_EQ(kiln_rt_call_host(Host->context(), Slots), Ok);
  EXPECT_EQ(slotI32(Slots[0]), 7u);
  setSlotI32(Slots[1], 0);
  EXPECT_EQ(kiln_rt_call_host(Host->context(), Slots),
            static_cast<uint32_t>(TrapCode::IntegerDivideByZero));
  EXPECT_EQ(HostFunction::fromContext(Host->context()), Host.get());
}

} // namespace
