//===- ModuleCacheTest.cpp - The cache's contract, one thread at a time ---===//
#include "FakeCompiler.h"

#include "kiln/Engine/ModuleCache.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <vector>

using namespace kiln;
using namespace kiln::engine;
using namespace kiln::engine::test;

namespace {

/// Module bytes for ids 0..Count-1, kept alive for the requests that view them.
std::vector<std::vector<uint8_t>> modules(uint32_t Count) {
  std::vector<std::vector<uint8_t>> Result;
  for (uint32_t Id = 0; Id < Count; ++Id)
    Result.push_back(moduleBytes(Id));
  return Result;
}

CacheLimits maxEntries(uint64_t Count) {
  CacheLimits Limits;
  Limits.MaxEntries = Count;
  return Limits;
}

CacheLimits maxCodeSize(uint64_t SizeInBytes) {
  CacheLimits Limits;
  Limits.MaxCodeSizeInBytes = SizeInBytes;
  return Limits;
}

void expectInvariants(const ModuleCache &Cache) {
  std::optional<std::string> Broken = Cache.statistics().checkQuiescentInvariants(Cache.limits());
  EXPECT_FALSE(Broken) << *Broken;
}

TEST(ModuleCacheTest, SecondCallIsAHitWithTheSameHandle) {
  FakeCompiler Compiler;
  ModuleCache Cache(Compiler.function());
  auto Bytes = modules(1);
  CompileResult First = Cache.getOrCompile(requestFor(Bytes[0]));
  CompileResult Second = Cache.getOrCompile(requestFor(Bytes[0]));
  ASSERT_TRUE(First && Second);
  EXPECT_EQ(First->get(), Second->get());
  EXPECT_EQ(asFake(*First).moduleId(), 0u);
  EXPECT_EQ(Compiler.Invocations, 1u);
  EXPECT_TRUE(Cache.contains(computeCacheKey(requestFor(Bytes[0]))));

  CacheStatistics Stats = Cache.statistics();
  EXPECT_EQ(Stats.Calls, 2u);
  EXPECT_EQ(Stats.Hits, 1u);
  EXPECT_EQ(Stats.Waits, 0u);
  EXPECT_EQ(Stats.CompilesStarted, 1u);
  EXPECT_EQ(Stats.CompilesSucceeded, 1u);
  EXPECT_EQ(Stats.Entries, 1u);
  EXPECT_EQ(Stats.ResidentCodeSizeInBytes, 64u);
  EXPECT_EQ(Cache.size(), 1u);
  expectInvariants(Cache);
}

TEST(ModuleCacheTest, DifferentRequestsCompileSeparately) {
  FakeCompiler Compiler;
  ModuleCache Cache(Compiler.function());
  auto Bytes = modules(2);
  CompileRequest O0 = requestFor(Bytes[0]);
  O0.Codegen.OptLevel = codegen::OptLevel::O0;
  CompileResult A = Cache.getOrCompile(requestFor(Bytes[0]));
  CompileResult B = Cache.getOrCompile(requestFor(Bytes[1]));
  CompileResult C = Cache.getOrCompile(O0);
  ASSERT_TRUE(A && B && C);
  EXPECT_NE(A->get(), B->get());
  EXPECT_NE(A->get(), C->get());
  EXPECT_EQ(Compiler.Invocations, 3u);
  EXPECT_EQ(Cache.statistics().Entries, 3u);
  expectInvariants(Cache);
}

TEST(ModuleCacheTest, FailuresAreNotCached) {
  FakeCompiler Compiler;
  Compiler.ShouldFail = [](const CompileRequest &, uint64_t Attempt) { return Attempt == 1; };
  ModuleCache Cache(Compiler.function());
  auto Bytes = modules(1);
  CompileRequest Request = requestFor(Bytes[0]);

  CompileResult First = Cache.getOrCompile(Request);
  ASSERT_FALSE(First);
  EXPECT_EQ(First.error().kind(), ErrorKind::Invalid) << "the compiler's error passes through";
  EXPECT_EQ(First.error().message(), "fake failure of module 0 attempt 1");
  EXPECT_FALSE(Cache.contains(computeCacheKey(Request)));
  EXPECT_EQ(Cache.size(), 0u);

  CompileResult Second = Cache.getOrCompile(Request);
  ASSERT_TRUE(Second);
  EXPECT_EQ(Compiler.Invocations, 2u);
  CacheStatistics Stats = Cache.statistics();
  EXPECT_EQ(Stats.CompilesFailed, 1u);
  EXPECT_EQ(Stats.CompilesSucceeded, 1u);
  EXPECT_EQ(Stats.Entries, 1u);
  expectInvariants(Cache);
}

TEST(ModuleCacheTest, ACompileAskingForItsOwnKeyGetsAnError) {
  FakeCompiler Compiler;
  auto Bytes = modules(1);
  std::unique_ptr<ModuleCache> Cache;
  std::optional<CompileResult> Inner;
  Compiler.Hook = [&](const CompileRequest &Request, uint64_t) {
    Inner = Cache->getOrCompile(Request);
  };
  Cache = std::make_unique<ModuleCache>(Compiler.function());

  CompileResult Outer = Cache->getOrCompile(requestFor(Bytes[0]));
  ASSERT_TRUE(Outer) << "the outer compile still succeeds";
  ASSERT_TRUE(Inner.has_value());
  ASSERT_FALSE(*Inner);
  EXPECT_EQ(Inner->error().kind(), ErrorKind::Internal);
  EXPECT_NE(Inner->error().message().find("re-entrant compile"), std::string::npos);
  EXPECT_EQ(Compiler.Invocations, 1u);
  EXPECT_EQ(Cache->statistics().ReentrancyErrors, 1u);
  expectInvariants(*Cache);
}

TEST(ModuleCacheTest, ACycleThroughAnotherKeyGetsAnError) {
  // Compiling 0 asks for 1, whose compile asks for 0 again.
  FakeCompiler Compiler;
  auto Bytes = modules(2);
  std::unique_ptr<ModuleCache> Cache;
  std::optional<CompileResult> Nested, Cycle;
  Compiler.Hook = [&](const CompileRequest &Request, uint64_t) {
    if (moduleIdOf(Request) == 0)
      Nested = Cache->getOrCompile(requestFor(Bytes[1]));
    else
      Cycle = Cache->getOrCompile(requestFor(Bytes[0]));
  };
  Cache = std::make_unique<ModuleCache>(Compiler.function());

  ASSERT_TRUE(Cache->getOrCompile(requestFor(Bytes[0])));
  ASSERT_TRUE(Nested && *Nested) << "a nested compile of another key is fine";
  ASSERT_TRUE(Cycle && !*Cycle);
  EXPECT_EQ(Compiler.Invocations, 2u);
  expectInvariants(*Cache);
}

TEST(ModuleCacheTest, CompilerExceptionsBecomeErrors) {
  FakeCompiler Compiler;
  Compiler.Hook = [](const CompileRequest &, uint64_t Attempt) {
    if (Attempt == 1)
      throw std::runtime_error("out of fuel");
    if (Attempt == 2)
      throw 42;
  };
  ModuleCache Cache(Compiler.function());
  auto Bytes = modules(1);
  CompileResult First = Cache.getOrCompile(requestFor(Bytes[0]));
  ASSERT_FALSE(First);
  EXPECT_EQ(First.error().kind(), ErrorKind::Internal);
  EXPECT_EQ(First.error().message(), "the compiler threw: out of fuel");
  CompileResult Second = Cache.getOrCompile(requestFor(Bytes[0]));
  ASSERT_FALSE(Second);
  EXPECT_EQ(Second.error().message(), "the compiler threw an unknown exception");
  EXPECT_TRUE(Cache.getOrCompile(requestFor(Bytes[0])));
  EXPECT_EQ(Cache.statistics().CompilesFailed, 2u);
  expectInvariants(Cache);
}

TEST(ModuleCacheTest, ANullModuleIsAnError) {
  ModuleCache Cache([](const CompileRequest &) -> CompileResult {
    return std::shared_ptr<const runtime::CompiledModule>();
  });
  auto Bytes = modules(1);
  CompileResult Result = Cache.getOrCompile(requestFor(Bytes[0]));
  ASSERT_FALSE(Result);
  EXPECT_EQ(Result.error().kind(), ErrorKind::Internal);
  EXPECT_EQ(Cache.size(), 0u);
  expectInvariants(Cache);
}

TEST(ModuleCacheTest, EraseDropsOnlyTheCachesReference) {
  FakeCompiler Compiler;
  ModuleCache Cache(Compiler.function());
  auto Bytes = modules(1);
  CompileRequest Request = requestFor(Bytes[0]);
  CompileResult Held = Cache.getOrCompile(Request);
  ASSERT_TRUE(Held);

  EXPECT_TRUE(Cache.erase(computeCacheKey(Request)));
  EXPECT_FALSE(Cache.erase(computeCacheKey(Request))) << "nothing left to erase";
  EXPECT_FALSE(Cache.contains(computeCacheKey(Request)));
  EXPECT_TRUE(asFake(*Held).intact());
  EXPECT_EQ(*Compiler.LiveModules, 1);

  CompileResult Again = Cache.getOrCompile(Request);
  ASSERT_TRUE(Again);
  EXPECT_NE(Again->get(), Held->get()) << "an erased key compiles again";
  EXPECT_EQ(*Compiler.LiveModules, 2);
  Held = CompileResult();
  EXPECT_EQ(*Compiler.LiveModules, 1) << "the code goes with the last handle";

  CacheStatistics Stats = Cache.statistics();
  EXPECT_EQ(Stats.Erased, 1u);
  EXPECT_EQ(Stats.Entries, 1u);
  expectInvariants(Cache);
}

TEST(ModuleCacheTest, ClearDropsEveryEntry) {
  FakeCompiler Compiler;
  ModuleCache Cache(Compiler.function());
  auto Bytes = modules(3);
  std::vector<CompileResult> Handles;
  for (const auto &B : Bytes)
    Handles.push_back(Cache.getOrCompile(requestFor(B)));
  Cache.clear();
  EXPECT_EQ(Cache.size(), 0u);
  CacheStatistics Stats = Cache.statistics();
  EXPECT_EQ(Stats.Entries, 0u);
  EXPECT_EQ(Stats.Erased, 3u);
  EXPECT_EQ(Stats.ResidentCodeSizeInBytes, 0u);
  EXPECT_EQ(*Compiler.LiveModules, 3);
  for (const CompileResult &Handle : Handles)
    EXPECT_TRUE(asFake(*Handle).intact());
  Handles.clear();
  EXPECT_EQ(*Compiler.LiveModules, 0);
  expectInvariants(Cache);
}

TEST(ModuleCacheTest, EvictsTheLeastRecentlyUsedBeyondMaxEntries) {
  FakeCompiler Compiler;
  ModuleCache Cache(Compiler.function(), maxEntries(2));
  auto Bytes = modules(3);
  auto KeyOf = [&](uint32_t Id) { return computeCacheKey(requestFor(Bytes[Id])); };
  ASSERT_TRUE(Cache.getOrCompile(requestFor(Bytes[0])));
  ASSERT_TRUE(Cache.getOrCompile(requestFor(Bytes[1])));
  ASSERT_TRUE(Cache.getOrCompile(requestFor(Bytes[0]))) << "a hit makes 0 the most recent";
  ASSERT_TRUE(Cache.getOrCompile(requestFor(Bytes[2])));

  EXPECT_TRUE(Cache.contains(KeyOf(0)));
  EXPECT_FALSE(Cache.contains(KeyOf(1)));
  EXPECT_TRUE(Cache.contains(KeyOf(2)));
  EXPECT_EQ(Cache.size(), 2u);
  CacheStatistics Stats = Cache.statistics();
  EXPECT_EQ(Stats.Evictions, 1u);
  EXPECT_EQ(Stats.Entries, 2u);
  EXPECT_EQ(*Compiler.LiveModules, 2) << "nobody held module 1";
  expectInvariants(Cache);
}

TEST(ModuleCacheTest, EvictsByResidentCodeSize) {
  FakeCompiler Compiler;
  Compiler.CodeSizeInBytes = [](const CompileRequest &R) -> uint64_t {
    return moduleIdOf(R) == 3 ? 250 : moduleIdOf(R) == 4 ? 400 : 100;
  };
  ModuleCache Cache(Compiler.function(), maxCodeSize(300));
  auto Bytes = modules(5);
  auto KeyOf = [&](uint32_t Id) { return computeCacheKey(requestFor(Bytes[Id])); };
  for (uint32_t Id = 0; Id < 3; ++Id)
    ASSERT_TRUE(Cache.getOrCompile(requestFor(Bytes[Id])));
  EXPECT_EQ(Cache.statistics().ResidentCodeSizeInBytes, 300u) << "exactly at the bound";
  EXPECT_EQ(Cache.statistics().Evictions, 0u);

  // 250 more bytes push out all three, least recent first (0, then 1,
  // then 2, since 100 + 250 is still over 300).
  ASSERT_TRUE(Cache.getOrCompile(requestFor(Bytes[3])));
  EXPECT_FALSE(Cache.contains(KeyOf(0)));
  EXPECT_FALSE(Cache.contains(KeyOf(1)));
  EXPECT_FALSE(Cache.contains(KeyOf(2)));
  EXPECT_TRUE(Cache.contains(KeyOf(3)));
  EXPECT_EQ(Cache.statistics().ResidentCodeSizeInBytes, 250u);
  EXPECT_EQ(Cache.statistics().Evictions, 3u);

  // A module larger than the whole bound is returned but not kept.
  CompileResult Huge = Cache.getOrCompile(requestFor(Bytes[4]));
  ASSERT_TRUE(Huge);
  EXPECT_TRUE(asFake(*Huge).intact());
  EXPECT_FALSE(Cache.contains(KeyOf(4)));
  CacheStatistics Stats = Cache.statistics();
  EXPECT_EQ(Stats.Evictions, 5u);
  EXPECT_EQ(Stats.Entries, 0u);
  EXPECT_EQ(Stats.ResidentCodeSizeInBytes, 0u);
  expectInvariants(Cache);
}

TEST(ModuleCacheTest, HandlesOutliveTheCache) {
  FakeCompiler Compiler;
  auto Bytes = modules(2);
  std::vector<CompileResult> Handles;
  {
    ModuleCache Cache(Compiler.function());
    for (const auto &B : Bytes)
      Handles.push_back(Cache.getOrCompile(requestFor(B)));
  }
  EXPECT_EQ(*Compiler.LiveModules, 2);
  for (const CompileResult &Handle : Handles) {
    ASSERT_TRUE(Handle);
    EXPECT_TRUE(asFake(*Handle).intact());
    EXPECT_EQ((*Handle)->codeRanges().size(), 1u);
  }
  Handles.clear();
  EXPECT_EQ(*Compiler.LiveModules, 0);
}

TEST(ModuleCacheTest, TheCacheFreesWhatNobodyHolds) {
  FakeCompiler Compiler;
  auto Bytes = modules(2);
  {
    ModuleCache Cache(Compiler.function());
    for (const auto &B : Bytes)
      ASSERT_TRUE(Cache.getOrCompile(requestFor(B)));
    EXPECT_EQ(*Compiler.LiveModules, 2);
  }
  EXPECT_EQ(*Compiler.LiveModules, 0);
}

TEST(ModuleCacheTest, InvariantCheckerReportsABrokenRelation) {
  CacheStatistics Stats;
  Stats.Calls = 3;
  Stats.Hits = 1;
  Stats.CompilesStarted = 1;
  Stats.CompilesSucceeded = 1;
  Stats.Entries = 1;
  std::optional<std::string> Broken = Stats.checkQuiescentInvariants({});
  ASSERT_TRUE(Broken);
  EXPECT_EQ(*Broken, "calls 3 != hits 1 + waits 0 + compiles started 1 + re-entrancy errors 0");
  Stats.Hits = 2;
  EXPECT_FALSE(Stats.checkQuiescentInvariants({}));
  EXPECT_TRUE(Stats.checkQuiescentInvariants(maxEntries(0)));
}

} // namespace
