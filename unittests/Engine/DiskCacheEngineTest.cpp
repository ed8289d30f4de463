//===- DiskCacheEngineTest.cpp - The Engine compiling through its disk cache -===//
//
// Real compiles: misses go through the AOT pipeline, are stored, and later
// Engines (standing in for later processes) load them instead of compiling.
// Code loaded from the disk must run and trap exactly like JIT code.
//
//===----------------------------------------------------------------------===//
#include "DiskCacheHelpers.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <thread>

using namespace kiln;
using namespace kiln::engine;
using namespace kiln::engine::test;

namespace {

/// The statistics of both halves agree: every in-memory compile is one disk
/// lookup, and each half's own relations hold.
void expectConsistent(const Engine &E) {
  CacheStatistics Memory = E.cache().statistics();
  DiskCacheStatistics Disk = E.diskCache()->statistics();
  EXPECT_EQ(Memory.checkQuiescentInvariants(E.cache().limits()), std::nullopt);
  EXPECT_EQ(Disk.checkQuiescentInvariants(), std::nullopt);
  EXPECT_EQ(Memory.CompilesStarted, Disk.Lookups);
}

class DiskCacheEngineTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_FALSE(Folder.path().empty()); }
  TemporaryFolder Folder;
};

TEST_F(DiskCacheEngineTest, ASecondEngineLoadsWhatTheFirstStoredAndRunsIt) {
  std::vector<uint8_t> Bytes = answerModule(42);
  {
    Expected<Engine> First = diskEngine(Folder.path());
    ASSERT_TRUE(First) << First.error().format();
    auto Module = First->compile(Bytes);
    ASSERT_TRUE(Module) << Module.error().format();
    EXPECT_EQ(callI32(*Module, "answer"), 42u);
    DiskCacheStatistics S = First->diskCache()->statistics();
    EXPECT_EQ(S.Absent, 1u);
    EXPECT_EQ(S.Stores, 1u);
    EXPECT_EQ(S.Fallbacks, 0u) << "the AOT pipeline failed; the JIT stood in";
    EXPECT_TRUE(std::filesystem::exists(
        First->diskCache()->entryPath(computeCacheKey(First->makeRequest(Bytes)))));
    expectConsistent(*First);
  }
  Expected<Engine> Second = diskEngine(Folder.path());
  ASSERT_TRUE(Second);
  auto Module = Second->compile(Bytes);
  ASSERT_TRUE(Module) << Module.error().format();
  EXPECT_EQ(callI32(*Module, "answer"), 42u);
  DiskCacheStatistics S = Second->diskCache()->statistics();
  EXPECT_EQ(S.Hits, 1u);
  EXPECT_EQ(S.Misses, 0u);
  EXPECT_EQ(S.Stores, 0u);
  expectConsistent(*Second);
  // In memory it is an ordinary entry: the next call is a memory hit.
  auto Again = Second->compile(Bytes);
  ASSERT_TRUE(Again);
  EXPECT_EQ(Again->get(), Module->get());
  EXPECT_EQ(Second->diskCache()->statistics().Lookups, 1u);
}

TEST_F(DiskCacheEngineTest, LoadedCodeUsesMemoryAndReportsTraps) {
  std::vector<uint8_t> Bytes = memoryModule();
  ASSERT_TRUE(diskEngine(Folder.path())->compile(Bytes)); // stores it
  Expected<Engine> E = diskEngine(Folder.path());
  ASSERT_TRUE(E);
  auto Module = E->compile(Bytes);
  ASSERT_TRUE(Module) << Module.error().format();
  ASSERT_EQ(E->diskCache()->statistics().Hits, 1u);
  EXPECT_EQ(callI32(*Module, "load", {runtime::Value::i32(0)}), 42u);

  runtime::Store Store;
  auto Instance = Store.instantiate(*Module, runtime::Imports());
  ASSERT_TRUE(Instance && *Instance);
  // Out of bounds faults on the guard region; the signal handler must know
  // the code loaded from the in-memory file as compiled code.
  std::vector<runtime::Value> Beyond = {runtime::Value::i32(65536)}, Zero = {runtime::Value::i32(0)};
  auto OutOfBounds = (**Instance)->call("load", Beyond);
  ASSERT_TRUE(OutOfBounds);
  ASSERT_FALSE(*OutOfBounds);
  EXPECT_EQ(OutOfBounds->error().Code, kiln::abi::TrapCode::OutOfBoundsMemoryAccess);
  auto Unreachable = (**Instance)->call("trap", {});
  ASSERT_TRUE(Unreachable);
  ASSERT_FALSE(*Unreachable);
  EXPECT_EQ(Unreachable->error().Code, kiln::abi::TrapCode::Unreachable);
  // The instance still works after its traps.
  auto Fine = (**Instance)->call("load", Zero);
  ASSERT_TRUE(Fine && *Fine);
  EXPECT_EQ((**Fine)[0].i32(), 42u);
}

TEST_F(DiskCacheEngineTest, ManyModulesLoadedAtOnceStayDistinct) {
  // Each loaded artifact keeps its own in-memory file (and path) while it
  // lives; were a path reused, the loader would hand back an older module.
  constexpr uint8_t Count = 12;
  {
    Expected<Engine> Writer = diskEngine(Folder.path());
    for (uint8_t V = 0; V < Count; ++V)
      ASSERT_TRUE(Writer->compile(answerModule(V)));
  }
  Expected<Engine> Reader = diskEngine(Folder.path());
  std::vector<std::shared_ptr<const runtime::CompiledModule>> Held;
  for (uint8_t V = 0; V < Count; ++V) {
    auto Module = Reader->compile(answerModule(V));
    ASSERT_TRUE(Module);
    Held.push_back(*Module);
    // Dropping every other one frees its fd number for the next load.
    if (V % 2)
      Reader->cache().clear();
  }
  for (uint8_t V = 0; V < Count; ++V)
    EXPECT_EQ(callI32(Held[V], "answer"), uint32_t(V)) << "module " << int(V);
  EXPECT_EQ(Reader->diskCache()->statistics().Hits, uint64_t(Count));
}

// Issue 6, test 6, through the Engine: damaged files are recompiled, never
// loaded. (Every offset and every bit is covered by DiskCacheFileTest; here
// a spread of them goes the whole way, each a real compile.)
TEST_F(DiskCacheEngineTest, DamagedFilesAreRecompiledAndReplaced) {
  std::vector<uint8_t> Bytes = answerModule(7);
  Expected<Engine> Writer = diskEngine(Folder.path());
  ASSERT_TRUE(Writer->compile(Bytes));
  const std::string Path = Writer->diskCache()->entryPath(computeCacheKey(Writer->makeRequest(Bytes)));
  const std::vector<uint8_t> Whole = readBytes(Path);
  ASSERT_FALSE(Whole.empty());
  std::vector<std::vector<uint8_t>> Damaged;
  for (size_t Length : {size_t(0), size_t(1), size_t(8), size_t(100), Whole.size() / 2,
                        Whole.size() - 1})
    Damaged.emplace_back(Whole.begin(), Whole.begin() + Length);
  for (size_t Byte : {size_t(0), size_t(12), size_t(60), size_t(200), Whole.size() / 2,
                      Whole.size() - 1}) {
    Damaged.push_back(Whole);
    Damaged.back()[Byte] ^= 0x10;
  }
  for (size_t I = 0; I < Damaged.size(); ++I) {
    writeBytes(Path, Damaged[I]);
    Expected<Engine> E = diskEngine(Folder.path());
    auto Module = E->compile(Bytes);
    ASSERT_TRUE(Module) << "case " << I << ": " << Module.error().format();
    EXPECT_EQ(callI32(*Module, "answer"), 7u) << "case " << I;
    DiskCacheStatistics S = E->diskCache()->statistics();
    EXPECT_EQ(S.Hits, 0u) << "case " << I;
    EXPECT_EQ(S.Rejected, 1u) << "case " << I;
    EXPECT_EQ(S.Stores, 1u) << "case " << I;
    expectConsistent(*E);
    // The recompile put a whole file back (the artifact is deterministic).
    EXPECT_EQ(readBytes(Path), Whole) << "case " << I;
  }
}

TEST_F(DiskCacheEngineTest, AnUnwritableFolderNeverMakesACompileFail) {
  std::string File = Folder.path() + "/a-file";
  writeBytes(File, {0});
  for (const std::string &Root : {File, std::string("/proc/kiln-cache-test")}) {
    Expected<Engine> E = diskEngine(Root);
    ASSERT_TRUE(E);
    auto Module = E->compile(answerModule(9));
    ASSERT_TRUE(Module) << Root << ": " << Module.error().format();
    EXPECT_EQ(callI32(*Module, "answer"), 9u) << Root;
    DiskCacheStatistics S = E->diskCache()->statistics();
    EXPECT_EQ(S.Misses, 1u) << Root;
    EXPECT_EQ(S.StoreErrors, 1u) << Root;
    expectConsistent(*E);
  }
}

TEST_F(DiskCacheEngineTest, InvalidModulesAreErrorsAndStoreNothing) {
  Expected<Engine> E = diskEngine(Folder.path());
  std::vector<uint8_t> Broken = answerModule(1);
  Broken.resize(Broken.size() - 3);
  auto Module = E->compile(Broken);
  ASSERT_FALSE(Module);
  EXPECT_EQ(E->diskCache()->statistics().Stores, 0u);
  EXPECT_EQ(E->cache().statistics().CompilesFailed, 1u);
  expectConsistent(*E);
}

TEST_F(DiskCacheEngineTest, ConcurrentCallersShareOneDiskLookup) {
  ASSERT_TRUE(diskEngine(Folder.path())->compile(answerModule(3)));
  Expected<Engine> E = diskEngine(Folder.path());
  std::vector<std::thread> Threads;
  std::vector<const runtime::CompiledModule *> Seen(8);
  for (int T = 0; T < 8; ++T)
    Threads.emplace_back([&, T] {
      auto Module = E->compile(answerModule(3));
      Seen[T] = Module ? Module->get() : nullptr;
    });
  for (std::thread &T : Threads)
    T.join();
  for (int T = 0; T < 8; ++T)
    EXPECT_EQ(Seen[T], Seen[0]);
  EXPECT_NE(Seen[0], nullptr);
  EXPECT_EQ(E->diskCache()->statistics().Lookups, 1u);
  EXPECT_EQ(E->diskCache()->statistics().Hits, 1u);
  expectConsistent(*E);
}

TEST(DiskCacheConfigTest, AnInjectedCompilerCannotHaveADiskCache) {
  Config Settings;
  Settings.DiskCacheDirectory = "/tmp";
  auto E = Engine::create(Settings, [](const CompileRequest &) -> CompileResult {
    return makeError(ErrorKind::Internal, "unused");
  });
  ASSERT_FALSE(E);
  EXPECT_EQ(E.error().kind(), ErrorKind::Usage);
  EXPECT_EQ(Engine::create()->diskCache(), nullptr);
}

} // namespace
