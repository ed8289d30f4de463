//===- ConcurrencyTest.cpp - Many Stores on many threads, one module ------===//
#include "FakeCompiledModule.h"

#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/Store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace kiln;
using namespace kiln::runtime;
using namespace kiln::runtime::test;
using kiln::abi::TrapCode;
using wasm::ExternKind;

namespace {

/// Reads the i32 at address `X` of memory 0 and adds the host import's
/// result for `X`; traps for X == 0.
uint32_t readAndCall(VMContext *Ctx, uint32_t X) {
  if (X == 0)
    kiln_rt_trap(Ctx, static_cast<uint32_t>(TrapCode::IntegerDivideByZero));
  uint32_t Stored;
  std::memcpy(&Stored, Ctx->Memory0Base + X, 4);
  const kiln::abi::VMFuncRef &F = Ctx->Functions[0];
  return Stored + reinterpret_cast<I32ToI32Fn>(F.Code)(F.Context, X);
}

TEST(ConcurrencyTest, EightThreadsShareOneCompiledModule) {
  wasm::Module M;
  M.Types = {i32ToI32Type()};
  wasm::Import Imp;
  Imp.ModuleName = "env";
  Imp.FieldName = "twice";
  M.Imports = {Imp};
  M.FunctionTypeIndices = {0};
  M.Memories.push_back({{1, std::nullopt}});
  wasm::DataSegment Data;
  Data.MemoryOffset = i32Expr(8);
  Data.Bytes = {1, 0, 0, 0};
  M.Data.push_back(Data);
  M.Exports.push_back({"run", ExternKind::Func, 1, 0});
  std::shared_ptr<const CompiledModule> Compiled =
      compileFake(std::move(M), {reinterpret_cast<void *>(&readAndCall)});

  std::atomic<int> Failures = 0;
  std::vector<std::thread> Threads;
  for (int T = 0; T < 8; ++T)
    Threads.emplace_back([&, T] {
      Store S;
      auto Twice = HostFunction::create(i32ToI32Type(), [T](auto Args, auto Results) -> TrapOr<void> {
        Results[0] = Value::i32(2 * Args[0].i32() + static_cast<uint32_t>(T));
        return {};
      });
      Imports Resolver;
      Resolver.define("env", "twice", Function::host(Twice));
      for (int Round = 0; Round < 50; ++Round) {
        auto Result = S.instantiate(Compiled, Resolver);
        if (!Result || !*Result) {
          ++Failures;
          continue;
        }
        Instance &I = ***Result;
        auto Sum = I.call("run", std::vector{Value::i32(8)});
        if (!Sum || !*Sum || (**Sum)[0] != Value::i32(1 + 16 + static_cast<uint32_t>(T)))
          ++Failures;
        auto Trapped = I.call("run", std::vector{Value::i32(0)});
        if (!Trapped || *Trapped || Trapped->error().Code != TrapCode::IntegerDivideByZero)
          ++Failures;
      }
    });
  for (std::thread &Thread : Threads)
    Thread.join();
  EXPECT_EQ(Failures.load(), 0);
  EXPECT_EQ(Compiled.use_count(), 1) << "Stores release the module when they go";
}

} // namespace
