//===- EngineTest.cpp - The embedding facade ------------------------------===//
#include "FakeCompiler.h"

#include "kiln/Engine/Engine.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/Store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <utility>

using namespace kiln;
using namespace kiln::engine;
using namespace kiln::engine::test;

namespace {

/// (module (func (export "answer") (result i32) (i32.const 42)))
const std::vector<uint8_t> AnswerModule = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
    0x03, 0x02, 0x01, 0x00, 0x07, 0x0a, 0x01, 0x06, 'a',  'n',  's',  'w',  'e',  'r',  0x00,
    0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b};

TEST(EngineTest, TheDefaultCompilerIsTheJITAndConcurrentCallersShareOneModule) {
  Expected<Engine> E = Engine::create();
  ASSERT_TRUE(E) << E.error().format();
  constexpr int Threads = 8;
  std::vector<std::shared_ptr<const runtime::CompiledModule>> Results(Threads);
  std::vector<std::thread> Workers;
  for (int T = 0; T < Threads; ++T)
    Workers.emplace_back([&, T] {
      auto Module = E->compile(AnswerModule);
      if (Module)
        Results[T] = *Module;
    });
  for (std::thread &W : Workers)
    W.join();
  for (int T = 0; T < Threads; ++T) {
    ASSERT_NE(Results[T], nullptr) << "thread " << T;
    EXPECT_EQ(Results[T].get(), Results[0].get()) << "thread " << T;
  }
  CacheStatistics Stats = E->cache().statistics();
  EXPECT_EQ(Stats.CompilesSucceeded, 1u);
  EXPECT_EQ(Stats.Calls, uint64_t(Threads));

  runtime::Store Store;
  auto Instance = Store.instantiate(Results[0], runtime::Imports());
  ASSERT_TRUE(Instance && *Instance);
  auto Answer = (**Instance)->call("answer", {});
  ASSERT_TRUE(Answer && *Answer);
  EXPECT_EQ((**Answer)[0].i32(), 42u);
}

/// `AnswerModule` returning `Value` (0..63, a one-byte LEB128) instead of 42.
std::vector<uint8_t> answerModule(uint8_t Value) {
  std::vector<uint8_t> Bytes = AnswerModule;
  Bytes[Bytes.size() - 2] = Value;
  return Bytes;
}

/// Instantiates `Module` in a fresh Store and calls "answer".
uint32_t callAnswer(const std::shared_ptr<const runtime::CompiledModule> &Module) {
  runtime::Store Store;
  auto Instance = Store.instantiate(Module, runtime::Imports());
  if (!Instance || !*Instance)
    return ~0u;
  auto Answer = (**Instance)->call("answer", {});
  return Answer && *Answer ? (**Answer)[0].i32() : ~0u;
}

// Issue 6, test 1 with real LLVM compiles: many threads, few distinct
// modules, exactly one compile per module.
TEST(EngineTest, RealCompilesHappenOncePerModuleUnderContention) {
  Expected<Engine> E = Engine::create();
  ASSERT_TRUE(E) << E.error().format();
  constexpr int Threads = 16, Modules = 4, Rounds = 5;
  std::atomic<int> Wrong{0};
  std::vector<std::thread> Workers;
  for (int T = 0; T < Threads; ++T)
    Workers.emplace_back([&, T] {
      for (int R = 0; R < Rounds; ++R) {
        uint8_t Value = static_cast<uint8_t>((T + R) % Modules);
        auto Module = E->compile(answerModule(Value));
        if (!Module || callAnswer(*Module) != Value)
          ++Wrong;
      }
    });
  for (std::thread &W : Workers)
    W.join();
  EXPECT_EQ(Wrong.load(), 0);
  CacheStatistics Stats = E->cache().statistics();
  EXPECT_EQ(Stats.CompilesSucceeded, uint64_t(Modules));
  EXPECT_EQ(Stats.Calls, uint64_t(Threads * Rounds));
  EXPECT_EQ(Stats.Entries, uint64_t(Modules));
}

// Issue 6, test 2: Stores on separate threads share one Engine and
// concurrently compile, instantiate and execute.
TEST(EngineTest, StoresOnManyThreadsShareOneEngine) {
  Expected<Engine> E = Engine::create();
  ASSERT_TRUE(E) << E.error().format();
  constexpr int Threads = 16, Rounds = 50;
  std::atomic<int> Wrong{0};
  std::vector<std::thread> Workers;
  for (int T = 0; T < Threads; ++T)
    Workers.emplace_back([&] {
      for (int R = 0; R < Rounds; ++R) {
        auto Module = E->compile(AnswerModule);
        if (!Module || callAnswer(*Module) != 42)
          ++Wrong;
      }
    });
  for (std::thread &W : Workers)
    W.join();
  EXPECT_EQ(Wrong.load(), 0);
  EXPECT_EQ(E->cache().statistics().CompilesSucceeded, 1u);
}

TEST(EngineTest, TheDefaultCompilerReportsBadModulesAndDoesNotCacheThem) {
  Expected<Engine> E = Engine::create();
  ASSERT_TRUE(E) << E.error().format();
  std::vector<uint8_t> Truncated(AnswerModule.begin(), AnswerModule.end() - 3);
  for (int Attempt = 0; Attempt < 2; ++Attempt) {
    auto Module = E->compile(Truncated);
    ASSERT_FALSE(Module);
    EXPECT_EQ(Module.error().kind(), ErrorKind::Malformed);
  }
  CacheStatistics Stats = E->cache().statistics();
  EXPECT_EQ(Stats.CompilesFailed, 2u) << "failures are not cached";
  EXPECT_EQ(Stats.Entries, 0u);
}

TEST(EngineTest, CompilingTheSameBytesTwiceGivesOneModule) {
  FakeCompiler Compiler;
  Expected<Engine> E = Engine::create({}, Compiler.function());
  ASSERT_TRUE(E);
  std::vector<uint8_t> Bytes = moduleBytes(3), Copy = Bytes;
  auto First = E->compile(Bytes);
  auto Second = E->compile(Copy);
  ASSERT_TRUE(First && Second);
  EXPECT_EQ(First->get(), Second->get());
  EXPECT_EQ(asFake(*First).moduleId(), 3u);
  EXPECT_EQ(Compiler.Invocations, 1u);
}

TEST(EngineTest, TheRequestCarriesTheConfigAndTheResolvedTarget) {
  Config Settings;
  Settings.Codegen.OptLevel = codegen::OptLevel::O3;
  Settings.Codegen.FramePointers = true;
  Settings.WasmFeatures.set(wasm::Feature::TailCall);
  FakeCompiler Compiler;
  Expected<Engine> E = Engine::create(Settings, Compiler.function());
  ASSERT_TRUE(E);
  std::vector<uint8_t> Bytes = moduleBytes(0);
  CompileRequest Request = E->makeRequest(Bytes);

  EXPECT_EQ(Request.KeyFormatVersion, CurrentKeyFormatVersion);
  EXPECT_EQ(Request.KilnVersion, kilnVersion());
  EXPECT_EQ(Request.LLVMVersion.substr(0, 3), "19.");
  EXPECT_FALSE(Request.Target.Triple.empty()) << "the host, made explicit";
  EXPECT_FALSE(Request.Target.CPU.empty());
  EXPECT_EQ(Request.Target, E->target());
  EXPECT_EQ(Request.Codegen, Settings.Codegen);
  EXPECT_EQ(Request.WasmFeatures, Settings.WasmFeatures);
  EXPECT_EQ(Request.ModuleBytes.data(), Bytes.data()) << "viewed, not copied";
  EXPECT_EQ(Request.ModuleBytes.size(), Bytes.size());
}

TEST(EngineTest, SettingsThatChangeCodeChangeTheKey) {
  FakeCompiler Compiler;
  Config O0;
  O0.Codegen.OptLevel = codegen::OptLevel::O0;
  Expected<Engine> A = Engine::create({}, Compiler.function());
  Expected<Engine> B = Engine::create({}, Compiler.function());
  Expected<Engine> C = Engine::create(O0, Compiler.function());
  Config Bounded;
  Bounded.Cache.MaxEntries = 1;
  Expected<Engine> D = Engine::create(Bounded, Compiler.function());
  ASSERT_TRUE(A && B && C && D);
  std::vector<uint8_t> Bytes = moduleBytes(0);
  CacheKey KeyA = computeCacheKey(A->makeRequest(Bytes));
  EXPECT_EQ(KeyA, computeCacheKey(B->makeRequest(Bytes)));
  EXPECT_NE(KeyA, computeCacheKey(C->makeRequest(Bytes)));
  EXPECT_EQ(KeyA, computeCacheKey(D->makeRequest(Bytes))) << "cache bounds change no code";
  EXPECT_EQ(D->cache().limits().MaxEntries, 1u);
}

TEST(EngineTest, AnUnknownTargetIsAnError) {
  Config Settings;
  Settings.Target.Triple = "x86_64-unknown-linux-gnu";
  Settings.Target.CPU = "no-such-cpu";
  Expected<Engine> E = Engine::create(Settings);
  ASSERT_FALSE(E);
  EXPECT_EQ(E.error().kind(), ErrorKind::Unsupported);
}

TEST(EngineTest, AMovedEngineKeepsItsCache) {
  FakeCompiler Compiler;
  Expected<Engine> Created = Engine::create({}, Compiler.function());
  ASSERT_TRUE(Created);
  std::vector<uint8_t> Bytes = moduleBytes(0);
  auto Before = Created->compile(Bytes);
  Engine Moved = std::move(*Created);
  auto After = Moved.compile(Bytes);
  ASSERT_TRUE(Before && After);
  EXPECT_EQ(Before->get(), After->get());
  EXPECT_EQ(Compiler.Invocations, 1u);
}

} // namespace
