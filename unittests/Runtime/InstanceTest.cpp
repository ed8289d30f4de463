//===- InstanceTest.cpp - Instantiation without a compiler ----------------===//
//
// Modules are built in code; functions, where a test needs them, are C++
// stand-ins (FakeCompiledModule.h).
//
//===----------------------------------------------------------------------===//
#include "FakeCompiledModule.h"

#include "kiln/Runtime/Global.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/Store.h"
#include "kiln/Runtime/Table.h"

#include <gtest/gtest.h>

using namespace kiln;
using namespace kiln::runtime;
using namespace kiln::runtime::test;
using kiln::abi::TrapCode;
using wasm::ExternKind;
using wasm::ValType;

namespace {

wasm::DataSegment activeData(uint32_t Offset, std::vector<uint8_t> Bytes) {
  wasm::DataSegment D;
  D.MemoryOffset = i32Expr(static_cast<int32_t>(Offset));
  D.Bytes = std::move(Bytes);
  return D;
}

/// Instantiates and expects success.
Instance *instantiateOk(Store &S, std::shared_ptr<const CompiledModule> M,
                        std::vector<Extern> Imports = {}) {
  auto Result = S.instantiate(std::move(M), Imports);
  EXPECT_TRUE(Result.has_value()) << (Result ? "" : Result.error().message());
  if (!Result)
    return nullptr;
  EXPECT_TRUE(Result->has_value()) << (*Result ? "" : Result->error().Message);
  return *Result ? **Result : nullptr;
}

Value globalValue(const Instance &I, std::string_view Name) {
  return I.exportNamed(Name)->global()->get();
}

TEST(InstanceTest, GlobalsFromConstantExpressions) {
  Store S;
  Global *Imported = *S.createGlobal({ValType::I64, false}, Value::i64(77));
  wasm::Module M;
  M.Imports.push_back(importOf("env", "g", ExternKind::Global));
  M.Imports.back().Global = {ValType::I64, false};
  M.Globals.push_back({{ValType::I32, true}, i32Expr(-5), 0});
  M.Globals.push_back({{ValType::I64, false}, globalGetExpr(0), 0});
  M.Globals.push_back({{ValType::ExternRef, false}, refNullExpr(ValType::ExternRef), 0});
  M.Exports = {exportOf("a", ExternKind::Global, 1), exportOf("b", ExternKind::Global, 2),
               exportOf("c", ExternKind::Global, 3), exportOf("g", ExternKind::Global, 0)};
  Instance *I = instantiateOk(S, compileFake(std::move(M)), {Extern(Imported)});
  ASSERT_TRUE(I);
  EXPECT_EQ(globalValue(*I, "a"), Value::i32(static_cast<uint32_t>(-5)));
  EXPECT_EQ(globalValue(*I, "b"), Value::i64(77));
  EXPECT_TRUE(globalValue(*I, "c").isNullRef());
  EXPECT_EQ(I->exportNamed("g")->global(), Imported) << "imports are shared, not copied";
  // The VMContext sees the same storage.
  EXPECT_EQ(I->vmContext()->Globals[0], Imported->vmGlobal());
  ASSERT_TRUE(I->exportNamed("a")->global()->set(Value::i32(9)).has_value());
  EXPECT_EQ(Value::fromGlobal(ValType::I32, *I->vmContext()->Globals[1]), Value::i32(9));
  EXPECT_FALSE(I->exportNamed("b")->global()->set(Value::i64(1)).has_value()) << "immutable";
}

TEST(InstanceTest, MemoriesTablesAndActiveSegments) {
  Store S;
  wasm::Module M;
  M.Types = {voidType()};
  M.FunctionTypeIndices = {0, 0};
  M.Memories.push_back({{1, 2}});
  M.Tables.push_back({ValType::FuncRef, {4, std::nullopt}});
  M.Data.push_back(activeData(10, {1, 2, 3}));
  M.Data.push_back(activeData(12, {9}));
  wasm::DataSegment Passive;
  Passive.Mode = wasm::SegmentMode::Passive;
  Passive.Bytes = {5, 6};
  M.Data.push_back(Passive);
  wasm::ElementSegment Elem;
  Elem.TableOffset = i32Expr(1);
  Elem.Items = {refFuncExpr(1), refNullExpr(ValType::FuncRef), refFuncExpr(0)};
  M.Elements.push_back(Elem);
  M.Exports = {exportOf("mem", ExternKind::Memory, 0), exportOf("tab", ExternKind::Table, 0)};
  auto Nop = reinterpret_cast<void *>(+[](VMContext *) {});
  Instance *I = instantiateOk(S, compileFake(std::move(M), {Nop, Nop}));
  ASSERT_TRUE(I);
  LinearMemory *Mem = I->exportNamed("mem")->memory();
  EXPECT_EQ(Mem->sizeInBytes(), wasm::PageSizeInBytes);
  EXPECT_EQ(Mem->bytes()[10], 1);
  EXPECT_EQ(Mem->bytes()[11], 2);
  EXPECT_EQ(Mem->bytes()[12], 9) << "segments apply in order";
  EXPECT_EQ(I->vmContext()->Memory0Base, Mem->base());
  EXPECT_EQ(I->vmContext()->Memories[0], Mem->vmMemory());
  Table *Tab = I->exportNamed("tab")->table();
  EXPECT_EQ(Tab->get(0), nullptr);
  EXPECT_EQ(Tab->get(1), &I->vmContext()->Functions[1]);
  EXPECT_EQ(Tab->get(2), nullptr);
  EXPECT_EQ(Tab->get(3), &I->vmContext()->Functions[0]);
  EXPECT_EQ(I->vmContext()->Functions[0].Context, I->vmContext());
  EXPECT_EQ(I->vmContext()->Functions[0].Code, Nop);
  // Active segments are dropped after use, passive ones are kept.
  EXPECT_TRUE(I->dataSegment(0).empty());
  EXPECT_EQ(I->dataSegment(2).size(), 2u);
  EXPECT_TRUE(I->elementSegment(0).empty());
}

TEST(InstanceTest, DeclarativeAndPassiveElementSegments) {
  Store S;
  wasm::Module M;
  M.Types = {voidType()};
  M.FunctionTypeIndices = {0};
  wasm::ElementSegment Passive;
  Passive.Mode = wasm::SegmentMode::Passive;
  Passive.Items = {refFuncExpr(0), refNullExpr(ValType::FuncRef)};
  wasm::ElementSegment Declarative = Passive;
  Declarative.Mode = wasm::SegmentMode::Declarative;
  M.Elements = {Passive, Declarative};
  auto Nop = reinterpret_cast<void *>(+[](VMContext *) {});
  Instance *I = instantiateOk(S, compileFake(std::move(M), {Nop}));
  ASSERT_TRUE(I);
  ASSERT_EQ(I->elementSegment(0).size(), 2u);
  EXPECT_EQ(I->elementSegment(0)[0], &I->vmContext()->Functions[0]);
  EXPECT_TRUE(I->elementSegment(1).empty());
}

// WebAssembly 2.0: segments are bounds-checked one by one when applied;
// the writes of earlier segments stay, even in an imported memory, and the
// instantiation traps.
TEST(InstanceTest, FailingDataSegmentKeepsEarlierWrites) {
  Store S;
  LinearMemory *Shared = *S.createMemory({{1, std::nullopt}});
  wasm::Module M;
  M.Imports.push_back(importOf("env", "mem", ExternKind::Memory));
  M.Imports.back().Memory = {{1, std::nullopt}};
  M.Data.push_back(activeData(0, {42}));
  M.Data.push_back(activeData(65535, {1, 2}));
  M.Data.push_back(activeData(1, {43}));
  auto Result = S.instantiate(compileFake(std::move(M)), std::vector<Extern>{Shared});
  ASSERT_TRUE(Result.has_value());
  ASSERT_FALSE(Result->has_value());
  EXPECT_EQ(Result->error().Code, TrapCode::OutOfBoundsMemoryAccess);
  EXPECT_EQ(Result->error().Message, "out of bounds memory access");
  EXPECT_EQ(Shared->bytes()[0], 42);
  EXPECT_EQ(Shared->bytes()[65535], 0) << "no partial segment";
  EXPECT_EQ(Shared->bytes()[1], 0) << "later segments are not applied";
}

TEST(InstanceTest, FailingElementSegmentTrapsBeforeData) {
  Store S;
  wasm::TableType TabType{ValType::FuncRef, {2, std::nullopt}};
  Table *Shared = *S.createTable(TabType, Value::null(ValType::FuncRef));
  LinearMemory *Mem = *S.createMemory({{1, std::nullopt}});
  wasm::Module M;
  M.Types = {voidType()};
  M.Imports.push_back(importOf("env", "tab", ExternKind::Table));
  M.Imports.back().Table = TabType;
  M.Imports.push_back(importOf("env", "mem", ExternKind::Memory));
  M.Imports.back().Memory = {{1, std::nullopt}};
  M.FunctionTypeIndices = {0};
  wasm::ElementSegment Good;
  Good.TableOffset = i32Expr(1);
  Good.Items = {refFuncExpr(0)};
  wasm::ElementSegment Bad = Good;
  Bad.TableOffset = i32Expr(2);
  M.Elements = {Good, Bad};
  M.Data.push_back(activeData(0, {7}));
  auto Nop = reinterpret_cast<void *>(+[](VMContext *) {});
  auto Result = S.instantiate(compileFake(std::move(M), {Nop}), std::vector<Extern>{Shared, Mem});
  ASSERT_TRUE(Result.has_value());
  ASSERT_FALSE(Result->has_value());
  EXPECT_EQ(Result->error().Code, TrapCode::OutOfBoundsTableAccess);
  EXPECT_EQ(Mem->bytes()[0], 0);
  // The failed instance's function stays in the table and stays valid: the
  // Store keeps the instance.
  auto *Ref = static_cast<const kiln::abi::VMFuncRef *>(*Shared->get(1));
  ASSERT_NE(Ref, nullptr);
  EXPECT_EQ(Ref->Code, Nop);
  EXPECT_NE(Instance::fromContext(Ref->Context), nullptr);
}

TEST(InstanceTest, EmptySegmentAtTheEndIsInBoundsOnePastIsNot) {
  Store S;
  wasm::Module M;
  M.Memories.push_back({{1, std::nullopt}});
  M.Data.push_back(activeData(65536, {}));
  EXPECT_TRUE(instantiateOk(S, compileFake(M)));
  M.Data[0] = activeData(65537, {});
  auto Result = S.instantiate(compileFake(std::move(M)), std::vector<Extern>{});
  ASSERT_TRUE(Result.has_value());
  ASSERT_FALSE(Result->has_value());
  EXPECT_EQ(Result->error().Code, TrapCode::OutOfBoundsMemoryAccess);
}

TEST(InstanceTest, MemoryLimitsOfTheStore) {
  RuntimeConfig Config;
  Config.MaxMemoryPages = 2;
  Store S(Config);
  wasm::Module M;
  M.Memories.push_back({{3, std::nullopt}});
  auto Result = S.instantiate(compileFake(M), std::vector<Extern>{});
  EXPECT_FALSE(Result.has_value());
  M.Memories[0] = {{1, std::nullopt}};
  M.Exports = {exportOf("mem", ExternKind::Memory, 0)};
  Instance *I = instantiateOk(S, compileFake(std::move(M)));
  ASSERT_TRUE(I);
  EXPECT_EQ(I->memory(0)->grow(1), 1);
  EXPECT_EQ(I->memory(0)->grow(1), -1);
}

} // namespace
