//===- ModuleCacheConcurrencyTest.cpp - The cache under many threads ------===//
//
// These tests also run in the ThreadSanitizer build (`make tsan`). Worker
// threads only record what they saw; the main thread checks it after
// joining them.
//
//===----------------------------------------------------------------------===//
#include "ConcurrencyHelpers.h"
#include "FakeCompiler.h"

#include "kiln/Engine/ModuleCache.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <latch>
#include <memory>
#include <random>
#include <thread>
#include <vector>

using namespace kiln;
using namespace kiln::engine;
using namespace kiln::engine::test;
using namespace std::chrono_literals;

namespace {

using Handle = std::shared_ptr<const runtime::CompiledModule>;

std::vector<std::vector<uint8_t>> modules(uint32_t Count) {
  std::vector<std::vector<uint8_t>> Result;
  for (uint32_t Id = 0; Id < Count; ++Id)
    Result.push_back(moduleBytes(Id));
  return Result;
}

void expectInvariants(const ModuleCache &Cache) {
  std::optional<std::string> Broken = Cache.statistics().checkQuiescentInvariants(Cache.limits());
  EXPECT_FALSE(Broken) << *Broken;
}

void joinAll(std::vector<std::thread> &Threads) {
  for (std::thread &T : Threads)
    T.join();
}

TEST(ModuleCacheConcurrencyTest, SixteenCallersOfOneKeyShareOneCompile) {
  constexpr int Threads = 16;
  FakeCompiler Compiler;
  Compiler.Delay = 50ms;
  ModuleCache Cache(Compiler.function());
  std::vector<uint8_t> Bytes = moduleBytes(0);
  std::latch Start(Threads);
  std::vector<CompileResult> Results(Threads);
  std::vector<std::thread> Workers;
  for (int I = 0; I < Threads; ++I)
    Workers.emplace_back([&, I] {
      Start.arrive_and_wait();
      Results[I] = Cache.getOrCompile(requestFor(Bytes));
    });
  joinAll(Workers);

  EXPECT_EQ(Compiler.Invocations, 1u);
  for (const CompileResult &Result : Results) {
    ASSERT_TRUE(Result);
    EXPECT_EQ(Result->get(), Results[0]->get());
  }
  CacheStatistics Stats = Cache.statistics();
  EXPECT_EQ(Stats.Calls, 16u);
  EXPECT_EQ(Stats.CompilesStarted, 1u);
  EXPECT_EQ(Stats.Hits + Stats.Waits, 15u);
  expectInvariants(Cache);
}

// Issue 6, test 1: 64 threads x 16 modules x 100 rounds behind a start
// barrier, with a slow compiler.
TEST(ModuleCacheConcurrencyTest, ManyThreadsManyModulesCompileEachOnce) {
  constexpr int Threads = 64, Modules = 16, Rounds = 100;
  FakeCompiler Compiler;
  Compiler.Delay = 20ms;
  ModuleCache Cache(Compiler.function());
  auto Bytes = modules(Modules);
  std::latch Start(Threads);
  // What each thread saw per module; empty if it ever saw two handles.
  std::vector<std::vector<Handle>> Seen(Threads, std::vector<Handle>(Modules));
  std::vector<int> Problems(Threads, 0);
  std::vector<std::thread> Workers;
  for (int T = 0; T < Threads; ++T)
    Workers.emplace_back([&, T] {
      Start.arrive_and_wait();
      for (int Round = 0; Round < Rounds; ++Round)
        for (int Step = 0; Step < Modules; ++Step) {
          int M = (Step + T) % Modules; // threads start on different modules
          CompileResult Result = Cache.getOrCompile(requestFor(Bytes[M]));
          if (!Result || asFake(*Result).moduleId() != uint32_t(M) ||
              (Seen[T][M] && Seen[T][M] != *Result)) {
            ++Problems[T];
            continue;
          }
          Seen[T][M] = *Result;
        }
    });
  joinAll(Workers);

  EXPECT_EQ(Compiler.Invocations, uint64_t(Modules));
  for (int T = 0; T < Threads; ++T) {
    EXPECT_EQ(Problems[T], 0) << "thread " << T;
    for (int M = 0; M < Modules; ++M)
      EXPECT_EQ(Seen[T][M], Seen[0][M]) << "thread " << T << " module " << M;
  }
  CacheStatistics Stats = Cache.statistics();
  EXPECT_EQ(Stats.Calls, uint64_t(Threads) * Modules * Rounds);
  EXPECT_EQ(Stats.CompilesSucceeded, uint64_t(Modules));
  EXPECT_EQ(Stats.Entries, uint64_t(Modules));
  EXPECT_EQ(Cache.size(), uint64_t(Modules));
  expectInvariants(Cache);
}

TEST(ModuleCacheConcurrencyTest, DifferentKeysCompileInParallel) {
  // Each compile waits inside the compiler until all of them are inside:
  // the meeting only succeeds if no compile blocks another.
  constexpr int Keys = 4;
  FakeCompiler Compiler;
  Rendezvous Meeting(Keys);
  std::atomic<int> Met{0};
  Compiler.Hook = [&](const CompileRequest &, uint64_t) {
    if (Meeting.arriveAndWait())
      ++Met;
  };
  ModuleCache Cache(Compiler.function());
  auto Bytes = modules(Keys);
  std::vector<CompileResult> Results(Keys);
  std::vector<std::thread> Workers;
  for (int K = 0; K < Keys; ++K)
    Workers.emplace_back([&, K] { Results[K] = Cache.getOrCompile(requestFor(Bytes[K])); });
  joinAll(Workers);

  EXPECT_EQ(Met, Keys) << "the compiles did not all run at once";
  EXPECT_EQ(Compiler.MaxInFlight, Keys);
  for (const CompileResult &Result : Results)
    EXPECT_TRUE(Result);
  expectInvariants(Cache);
}

// Issue 6, test 3: the first compile fails after W waiters have joined it.
TEST(ModuleCacheConcurrencyTest, AFailureReachesEveryWaiterAndIsForgotten) {
  constexpr int Waiters = 8;
  FakeCompiler Compiler;
  std::unique_ptr<ModuleCache> Cache;
  std::atomic<bool> WaitersJoined{false};
  Compiler.ShouldFail = [](const CompileRequest &, uint64_t Attempt) { return Attempt == 1; };
  Compiler.Hook = [&](const CompileRequest &, uint64_t Attempt) {
    if (Attempt == 1)
      WaitersJoined = waitUntil([&] { return Cache->statistics().Waits >= Waiters; });
  };
  Cache = std::make_unique<ModuleCache>(Compiler.function());
  std::vector<uint8_t> Bytes = moduleBytes(0);

  std::vector<CompileResult> Results(Waiters + 1);
  std::vector<std::thread> Workers;
  Workers.emplace_back([&] { Results[0] = Cache->getOrCompile(requestFor(Bytes)); });
  ASSERT_TRUE(waitUntil([&] { return Compiler.Invocations == 1; }));
  for (int W = 1; W <= Waiters; ++W)
    Workers.emplace_back([&, W] { Results[W] = Cache->getOrCompile(requestFor(Bytes)); });
  joinAll(Workers);

  EXPECT_TRUE(WaitersJoined);
  for (const CompileResult &Result : Results) {
    ASSERT_FALSE(Result);
    EXPECT_EQ(Result.error().kind(), ErrorKind::Invalid);
    EXPECT_EQ(Result.error().message(), "fake failure of module 0 attempt 1");
  }
  EXPECT_FALSE(Cache->contains(computeCacheKey(requestFor(Bytes))));
  EXPECT_EQ(Cache->size(), 0u);

  CompileResult Next = Cache->getOrCompile(requestFor(Bytes));
  EXPECT_TRUE(Next) << "the next call compiles again";
  EXPECT_EQ(Compiler.Invocations, 2u);
  CacheStatistics Stats = Cache->statistics();
  EXPECT_EQ(Stats.Waits, uint64_t(Waiters));
  EXPECT_EQ(Stats.CompilesFailed, 1u);
  expectInvariants(*Cache);
}

// Issue 6, test 4: erase and clear racing getOrCompile never hang, and
// handles taken before an erase stay usable.
TEST(ModuleCacheConcurrencyTest, EraseAndClearRacingGetOrCompileNeverHang) {
  constexpr int Getters = 8, Erasers = 2, Keys = 8, Iterations = 300;
  FakeCompiler Compiler;
  Compiler.Delay = 1ms;
  ModuleCache Cache(Compiler.function());
  auto Bytes = modules(Keys);
  std::vector<int> Problems(Getters, 0);
  std::vector<std::vector<Handle>> Kept(Getters, std::vector<Handle>(Keys));

  runWithWatchdog("erase/clear race", [&] {
    std::atomic<bool> GettersDone{false};
    std::vector<std::thread> Workers;
    for (int G = 0; G < Getters; ++G)
      Workers.emplace_back([&, G] {
        for (int I = 0; I < Iterations; ++I) {
          int K = (I * 7 + G) % Keys;
          CompileResult Result = Cache.getOrCompile(requestFor(Bytes[K]));
          if (!Result || asFake(*Result).moduleId() != uint32_t(K))
            ++Problems[G];
          else
            Kept[G][K] = *Result; // may be erased from the cache meanwhile
        }
      });
    for (int E = 0; E < Erasers; ++E)
      Workers.emplace_back([&, E] {
        for (int I = 0; !GettersDone; ++I) {
          Cache.erase(computeCacheKey(requestFor(Bytes[(I + E) % Keys])));
          std::this_thread::yield();
        }
      });
    Workers.emplace_back([&] {
      while (!GettersDone) {
        Cache.clear();
        std::this_thread::sleep_for(2ms);
      }
    });
    for (int G = 0; G < Getters; ++G)
      Workers[G].join();
    GettersDone = true;
    for (size_t W = Getters; W < Workers.size(); ++W)
      Workers[W].join();
  });

  for (int G = 0; G < Getters; ++G) {
    EXPECT_EQ(Problems[G], 0) << "getter " << G;
    for (int K = 0; K < Keys; ++K)
      EXPECT_TRUE(Kept[G][K] && asFake(Kept[G][K]).intact() &&
                  asFake(Kept[G][K]).moduleId() == uint32_t(K));
  }
  CacheStatistics Stats = Cache.statistics();
  EXPECT_EQ(Stats.Calls, uint64_t(Getters) * Iterations);
  EXPECT_EQ(Cache.size(), Stats.Entries);
  expectInvariants(Cache);
}

/// One worker of the randomized workload; returns the number of problems.
int randomWorkload(ModuleCache &Cache, const std::vector<std::vector<uint8_t>> &Bytes,
                   unsigned Seed, int Operations, uint64_t &Calls) {
  std::mt19937 Random(Seed);
  int Problems = 0;
  for (int I = 0; I < Operations; ++I) {
    const std::vector<uint8_t> &Module = Bytes[Random() % Bytes.size()];
    unsigned Choice = Random() % 100;
    if (Choice < 88) {
      ++Calls;
      CompileResult Result = Cache.getOrCompile(requestFor(Module));
      if (Result ? asFake(*Result).moduleId() != moduleIdOf(requestFor(Module))
                 : Result.error().kind() != ErrorKind::Invalid)
        ++Problems;
    } else if (Choice < 99) {
      Cache.erase(computeCacheKey(requestFor(Module)));
    } else {
      Cache.clear();
    }
  }
  return Problems;
}

TEST(ModuleCacheConcurrencyTest, StatisticsStayConsistentUnderARandomWorkload) {
  constexpr int Threads = 16, Operations = 2000, Keys = 24;
  FakeCompiler Compiler;
  Compiler.ShouldFail = [](const CompileRequest &, uint64_t Attempt) { return Attempt % 7 == 0; };
  Compiler.CodeSizeInBytes = [](const CompileRequest &R) -> uint64_t {
    return 50 + 50 * (moduleIdOf(R) % 8);
  };
  CacheLimits Limits{.MaxEntries = 6, .MaxCodeSizeInBytes = 1000};
  ModuleCache Cache(Compiler.function(), Limits);
  auto Bytes = modules(Keys);
  std::vector<int> Problems(Threads, 0);
  std::vector<uint64_t> Calls(Threads, 0);
  std::latch Start(Threads);

  runWithWatchdog("randomized workload", [&] {
    std::vector<std::thread> Workers;
    for (int T = 0; T < Threads; ++T)
      Workers.emplace_back([&, T] {
        Start.arrive_and_wait();
        Problems[T] = randomWorkload(Cache, Bytes, 1000 + T, Operations, Calls[T]);
      });
    joinAll(Workers);
  });

  CacheStatistics Stats = Cache.statistics();
  uint64_t TotalCalls = 0;
  for (int T = 0; T < Threads; ++T) {
    EXPECT_EQ(Problems[T], 0) << "thread " << T;
    TotalCalls += Calls[T];
  }
  EXPECT_EQ(Stats.Calls, TotalCalls);
  EXPECT_EQ(Stats.CompilesStarted, Compiler.Invocations.load());
  EXPECT_GT(Stats.CompilesFailed, 0u);
  EXPECT_GT(Stats.Evictions, 0u);
  EXPECT_EQ(Cache.size(), Stats.Entries);
  expectInvariants(Cache);
}

TEST(ModuleCacheConcurrencyTest, HandlesOutliveTheCacheOnOtherThreads) {
  constexpr int Threads = 8;
  FakeCompiler Compiler;
  auto Cache = std::make_unique<ModuleCache>(Compiler.function());
  auto Bytes = modules(Threads / 2);
  std::latch HaveHandles(Threads + 1), CacheGone(1);
  std::vector<int> Intact(Threads, 0);
  std::vector<std::thread> Workers;
  for (int T = 0; T < Threads; ++T)
    Workers.emplace_back([&, T] {
      CompileResult Result = Cache->getOrCompile(requestFor(Bytes[T % Bytes.size()]));
      HaveHandles.arrive_and_wait();
      CacheGone.wait();
      Intact[T] = Result && asFake(*Result).intact();
    });
  HaveHandles.arrive_and_wait();
  Cache.reset();
  CacheGone.count_down();
  joinAll(Workers);

  for (int T = 0; T < Threads; ++T)
    EXPECT_TRUE(Intact[T]) << "thread " << T;
  EXPECT_EQ(*Compiler.LiveModules, 0);
}

} // namespace
