//===- CallTest.cpp - Calls, host functions, linking and start ------------===//
#include "FakeCompiledModule.h"

#include "kiln/Runtime/Global.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/Store.h"
#include "kiln/Runtime/Table.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

using namespace kiln;
using namespace kiln::runtime;
using namespace kiln::runtime::test;
using kiln::abi::TrapCode;
using kiln::abi::VMFuncRef;
using wasm::ExternKind;
using wasm::ValType;

namespace {

uint32_t addFn(VMContext *, uint32_t A, uint32_t B) { return A + B; }

/// Calls function 0 (an import) the way compiled code does.
uint32_t callImport0(VMContext *Ctx, uint32_t X) {
  const VMFuncRef &F = Ctx->Functions[0];
  return reinterpret_cast<I32ToI32Fn>(F.Code)(F.Context, X);
}

void startSetsGlobal(VMContext *Ctx) {
  uint32_t V = 1234;
  std::memcpy(Ctx->Globals[0]->Bytes, &V, 4);
}

void startTraps(VMContext *Ctx) { kiln_rt_trap(Ctx, static_cast<uint32_t>(TrapCode::Unreachable)); }

std::shared_ptr<const CompiledModule> adderModule() {
  wasm::Module M;
  M.Types = {i32I32ToI32Type()};
  M.FunctionTypeIndices = {0};
  M.Exports = {exportOf("add", ExternKind::Func, 0)};
  return compileFake(std::move(M), {reinterpret_cast<void *>(&addFn)});
}

/// Imports "env" "f" : [i32] -> [i32]; exports "call" (calls the import)
/// and re-exports the import as "f".
std::shared_ptr<const CompiledModule> callerModule() {
  wasm::Module M;
  M.Types = {i32ToI32Type()};
  M.Imports = {funcImport("env", "f", 0)};
  M.FunctionTypeIndices = {0};
  M.Exports = {exportOf("call", ExternKind::Func, 1), exportOf("f", ExternKind::Func, 0)};
  return compileFake(std::move(M), {reinterpret_cast<void *>(&callImport0)});
}

Instance *instantiateOk(Store &S, std::shared_ptr<const CompiledModule> M,
                        std::vector<Extern> Imports = {}) {
  auto Result = S.instantiate(std::move(M), Imports);
  EXPECT_TRUE(Result.has_value()) << (Result ? "" : Result.error().message());
  if (!Result || !*Result)
    return nullptr;
  return **Result;
}

/// The results of a call that must succeed.
std::vector<Value> callOk(Instance &I, std::string_view Name, std::vector<Value> Args) {
  auto Result = I.call(Name, Args);
  EXPECT_TRUE(Result.has_value()) << (Result ? "" : Result.error().message());
  if (!Result)
    return {};
  EXPECT_TRUE(Result->has_value()) << (*Result ? "" : Result->error().Message);
  return *Result ? **Result : std::vector<Value>{};
}

/// The trap of a call that must trap.
Trap callTraps(Instance &I, std::string_view Name, std::vector<Value> Args) {
  auto Result = I.call(Name, Args);
  EXPECT_TRUE(Result.has_value()) << (Result ? "" : Result.error().message());
  if (!Result)
    return {};
  EXPECT_FALSE(Result->has_value());
  return *Result ? Trap{} : Result->error();
}

std::shared_ptr<HostFunction> plus100() {
  return HostFunction::create(i32ToI32Type(), [](auto Args, auto Results) -> TrapOr<void> {
    uint32_t X = Args[0].i32();
    if (X == 13)
      return std::unexpected(Trap::host("unlucky"));
    if (X == 14)
      throw std::runtime_error("very unlucky");
    Results[0] = Value::i32(X + 100);
    return {};
  });
}

TEST(CallTest, CallsAnExportWithTypedValues) {
  Store S;
  Instance *I = instantiateOk(S, adderModule());
  ASSERT_TRUE(I);
  EXPECT_EQ(callOk(*I, "add", {Value::i32(2), Value::i32(40)}), std::vector{Value::i32(42)});
  EXPECT_EQ(I->exportNamed("add")->function()->type(), i32I32ToI32Type());
}

TEST(CallTest, MisuseIsAnErrorNotATrap) {
  Store S;
  Instance *I = instantiateOk(S, adderModule());
  ASSERT_TRUE(I);
  auto WrongCount = I->call("add", std::vector{Value::i32(1)});
  ASSERT_FALSE(WrongCount.has_value());
  EXPECT_EQ(WrongCount.error().message(), "expected 2 arguments, got 1");
  auto WrongType = I->call("add", std::vector{Value::i32(1), Value::i64(2)});
  ASSERT_FALSE(WrongType.has_value());
  EXPECT_EQ(WrongType.error().message(), "argument 1: expected i32, got i64");
  EXPECT_FALSE(I->call("nope", {}).has_value());
}

TEST(CallTest, HostFunctionsThroughTheAdapter) {
  Store S;
  Instance *I = instantiateOk(S, callerModule(), {Function::host(plus100())});
  ASSERT_TRUE(I);
  EXPECT_EQ(callOk(*I, "call", {Value::i32(1)}), std::vector{Value::i32(101)});
  Trap T = callTraps(*I, "call", {Value::i32(13)});
  EXPECT_EQ(T.Code, TrapCode::HostTrap);
  EXPECT_EQ(T.Message, "unlucky");
  T = callTraps(*I, "call", {Value::i32(14)});
  EXPECT_EQ(T.Message, "host function threw: very unlucky");
  // Still working after host traps.
  EXPECT_EQ(callOk(*I, "call", {Value::i32(2)}), std::vector{Value::i32(102)});
  // The re-exported import is called directly.
  EXPECT_NE(I->exportNamed("f")->function()->hostFunction(), nullptr);
  EXPECT_EQ(callOk(*I, "f", {Value::i32(3)}), std::vector{Value::i32(103)});
}

TEST(CallTest, HostFunctionCallsBackIntoWasm) {
  Store S;
  Instance *Adder = instantiateOk(S, adderModule());
  ASSERT_TRUE(Adder);
  auto Reentrant = HostFunction::create(i32ToI32Type(), [&](auto Args, auto Results) -> TrapOr<void> {
    auto Inner = Adder->call("add", std::vector{Args[0], Value::i32(1000)});
    if (!Inner)
      return std::unexpected(Trap::host(Inner.error().message()));
    if (!*Inner)
      return std::unexpected(Inner->error());
    Results[0] = (**Inner)[0];
    return {};
  });
  Instance *I = instantiateOk(S, callerModule(), {Function::host(Reentrant)});
  ASSERT_TRUE(I);
  EXPECT_EQ(callOk(*I, "call", {Value::i32(5)}), std::vector{Value::i32(1005)});
}

TEST(CallTest, ImportingAWasmFunctionFromAnotherInstance) {
  Store S;
  Instance *Adder = instantiateOk(S, adderModule());
  ASSERT_TRUE(Adder);
  wasm::Module M;
  M.Types = {i32I32ToI32Type()};
  M.Imports = {funcImport("a", "add", 0)};
  M.Exports = {exportOf("plus", ExternKind::Func, 0)};
  Imports Resolver;
  Resolver.defineInstance("a", *Adder);
  auto Result = S.instantiate(compileFake(std::move(M)), Resolver);
  ASSERT_TRUE(Result && *Result);
  Instance *I = **Result;
  EXPECT_EQ(callOk(*I, "plus", {Value::i32(3), Value::i32(4)}), std::vector{Value::i32(7)});
  EXPECT_EQ(I->vmContext()->Functions[0].Context, Adder->vmContext());
}

TEST(CallTest, StartFunctionRunsAndCanTrap) {
  Store S;
  wasm::Module M;
  M.Types = {voidType()};
  M.FunctionTypeIndices = {0};
  M.Globals.push_back({{ValType::I32, true}, i32Expr(0), 0});
  M.Exports = {exportOf("g", ExternKind::Global, 0)};
  M.Start = 0;
  Instance *I = instantiateOk(S, compileFake(M, {reinterpret_cast<void *>(&startSetsGlobal)}));
  ASSERT_TRUE(I);
  EXPECT_EQ(I->exportNamed("g")->global()->get(), Value::i32(1234));

  auto Result = S.instantiate(compileFake(M, {reinterpret_cast<void *>(&startTraps)}),
                              std::vector<Extern>{});
  ASSERT_TRUE(Result.has_value());
  ASSERT_FALSE(Result->has_value());
  EXPECT_EQ(Result->error().Code, TrapCode::Unreachable);
  EXPECT_EQ(Result->error().Message, "unreachable");
}

TEST(CallTest, UnknownImport) {
  Store S;
  Imports Resolver;
  auto Result = S.instantiate(callerModule(), Resolver);
  ASSERT_FALSE(Result.has_value());
  EXPECT_EQ(Result.error().kind(), ErrorKind::Unlinkable);
  EXPECT_EQ(Result.error().message(), "unknown import \"env\" \"f\"");
}

/// Instantiating `M` with `Item` as its only import fails as incompatible.
void expectIncompatible(Store &S, wasm::Module M, Extern Item) {
  auto Result = S.instantiate(compileFake(std::move(M)), std::vector<Extern>{Item});
  ASSERT_FALSE(Result.has_value());
  EXPECT_EQ(Result.error().kind(), ErrorKind::Unlinkable);
  EXPECT_TRUE(Result.error().message().starts_with("incompatible import type"))
      << Result.error().message();
}

wasm::Module importing(ExternKind Kind) {
  wasm::Module M;
  M.Types = {i32ToI32Type()};
  M.Imports = {funcImport("env", "x", 0)};
  M.Imports[0].Kind = Kind;
  return M;
}

TEST(CallTest, IncompatibleImports) {
  Store S;
  auto WrongSig = HostFunction::create(i32I32ToI32Type(), [](auto, auto) -> TrapOr<void> { return {}; });
  expectIncompatible(S, importing(ExternKind::Func), Function::host(WrongSig));
  Global *G = *S.createGlobal({ValType::I32, false}, Value::i32(0));
  expectIncompatible(S, importing(ExternKind::Func), G);

  wasm::Module MutGlobal = importing(ExternKind::Global);
  MutGlobal.Imports[0].Global = {ValType::I32, true};
  expectIncompatible(S, MutGlobal, G);

  Table *T = *S.createTable({ValType::FuncRef, {2, std::nullopt}}, Value::null(ValType::FuncRef));
  wasm::Module BigTable = importing(ExternKind::Table);
  BigTable.Imports[0].Table = {ValType::FuncRef, {3, std::nullopt}};
  expectIncompatible(S, BigTable, T);
  wasm::Module BoundedTable = importing(ExternKind::Table);
  BoundedTable.Imports[0].Table = {ValType::FuncRef, {1, 10}};
  expectIncompatible(S, BoundedTable, T);
  wasm::Module ExternTable = importing(ExternKind::Table);
  ExternTable.Imports[0].Table = {ValType::ExternRef, {1, std::nullopt}};
  expectIncompatible(S, ExternTable, T);

  LinearMemory *Mem = *S.createMemory({{1, 4}});
  wasm::Module TightMemory = importing(ExternKind::Memory);
  TightMemory.Imports[0].Memory = {{1, 3}};
  expectIncompatible(S, TightMemory, Mem);
  // A larger current size and a smaller maximum match.
  ASSERT_EQ(Mem->grow(1), 1);
  wasm::Module LooseMemory = importing(ExternKind::Memory);
  LooseMemory.Imports[0].Memory = {{2, 5}};
  EXPECT_TRUE(instantiateOk(S, compileFake(LooseMemory), {Mem}));
}

TEST(CallTest, FunctionsFromAnotherStoreAreRefused) {
  Store A, B;
  Instance *Adder = instantiateOk(A, adderModule());
  ASSERT_TRUE(Adder);
  wasm::Module M;
  M.Types = {i32I32ToI32Type()};
  M.Imports = {funcImport("a", "add", 0)};
  auto Result = B.instantiate(compileFake(std::move(M)), std::vector<Extern>{*Adder->exportNamed("add")});
  ASSERT_FALSE(Result.has_value());
  EXPECT_EQ(Result.error().kind(), ErrorKind::Unlinkable);
}

TEST(CallTest, AStoreMovesToAnotherThread) {
  Store S;
  Instance *I = instantiateOk(S, adderModule());
  ASSERT_TRUE(I);
  uintptr_t MainLimit = I->vmContext()->StackLimit;
  uintptr_t OtherLimit = 0;
  std::thread([&] {
    EXPECT_EQ(callOk(*I, "add", {Value::i32(1), Value::i32(1)}), std::vector{Value::i32(2)});
    OtherLimit = I->vmContext()->StackLimit;
  }).join();
  EXPECT_NE(OtherLimit, MainLimit);
  EXPECT_EQ(callOk(*I, "add", {Value::i32(2), Value::i32(2)}), std::vector{Value::i32(4)});
  EXPECT_EQ(I->vmContext()->StackLimit, MainLimit);
}

} // namespace
