//===- DiskCacheProcessTest.cpp - Disk cache writers that crash or race ----===//
//
// Real processes (fork): a writer killed at the store's injected points, and
// several processes filling one folder at once. A child reports through its
// exit status only; it never returns into GoogleTest.
//
// These run in the ThreadSanitizer build too. fork there is safe as long as
// no other thread holds a lock at that moment: the tests fork before they
// start any thread of their own, and children only compile, store and
// `_exit`.
//
//===----------------------------------------------------------------------===//
#include "DiskCacheHelpers.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <functional>

using namespace kiln;
using namespace kiln::engine;
using namespace kiln::engine::test;

namespace {

constexpr int ChildCrashed = 77;

/// Runs `Body` in a child process; returns its exit status (or -1 if it
/// died of a signal).
int runInChild(const std::function<int()> &Body) {
  pid_t Child = fork();
  if (Child == 0)
    _exit(Body());
  int Status = 0;
  if (Child < 0 || waitpid(Child, &Status, 0) != Child)
    return -1;
  return WIFEXITED(Status) ? WEXITSTATUS(Status) : -1;
}

bool noTemporaryIsNamedLikeAnEntry(const std::string &Folder) {
  for (const std::string &Name : filesIn(Folder))
    if (Name.ends_with(".kcache") && Name.front() == '.')
      return false;
  return true;
}

class DiskCacheProcessTest : public ::testing::TestWithParam<DiskStoreStep> {
protected:
  void SetUp() override { ASSERT_FALSE(Folder.path().empty()); }
  TemporaryFolder Folder;
};

// Issue 6, test 6: a writer dies after writing but before fsync, or after
// fsync but before rename. Nothing may appear under the final name; the next
// process misses, compiles and stores a good entry.
TEST_P(DiskCacheProcessTest, AWriterKilledBeforeTheRenameLeavesNoEntry) {
  const DiskStoreStep KillAt = GetParam();
  const std::vector<uint8_t> Bytes = answerModule(5);
  int Status = runInChild([&] {
    Expected<Engine> E = diskEngine(Folder.path());
    if (!E)
      return 1;
    E->diskCache()->setStoreObserver([KillAt](DiskStoreStep Step) {
      if (Step == KillAt)
        _exit(ChildCrashed);
    });
    (void)E->compile(Bytes);
    return 2; // The store finished: the hook never fired.
  });
  ASSERT_EQ(Status, ChildCrashed);

  Expected<Engine> E = diskEngine(Folder.path());
  ASSERT_TRUE(E);
  const std::string Entry = E->diskCache()->entryPath(computeCacheKey(E->makeRequest(Bytes)));
  EXPECT_FALSE(std::filesystem::exists(Entry));
  // The dead writer's temporary file is all that is left.
  std::vector<std::string> Left = filesIn(E->diskCache()->folder());
  ASSERT_EQ(Left.size(), 1u);
  EXPECT_TRUE(Left[0].starts_with(".") && Left[0].find(".tmp-") != std::string::npos) << Left[0];

  auto Module = E->compile(Bytes);
  ASSERT_TRUE(Module) << Module.error().format();
  EXPECT_EQ(callI32(*Module, "answer"), 5u);
  DiskCacheStatistics S = E->diskCache()->statistics();
  EXPECT_EQ(S.Hits, 0u);
  EXPECT_EQ(S.Absent, 1u);
  EXPECT_EQ(S.Stores, 1u);
  EXPECT_TRUE(std::filesystem::exists(Entry));
}

INSTANTIATE_TEST_SUITE_P(DiskCacheKillPoints, DiskCacheProcessTest,
                         ::testing::Values(DiskStoreStep::Written, DiskStoreStep::Synced),
                         [](const auto &Info) {
                           return Info.param == DiskStoreStep::Written ? "BeforeFsync"
                                                                       : "BeforeRename";
                         });

// A writer killed just after the rename has published a whole entry.
TEST(DiskCacheProcessKillTest, AWriterKilledAfterTheRenameLeavesAGoodEntry) {
  TemporaryFolder Folder;
  const std::vector<uint8_t> Bytes = answerModule(6);
  int Status = runInChild([&] {
    Expected<Engine> E = diskEngine(Folder.path());
    if (!E)
      return 1;
    E->diskCache()->setStoreObserver([](DiskStoreStep Step) {
      if (Step == DiskStoreStep::Renamed)
        _exit(ChildCrashed);
    });
    (void)E->compile(Bytes);
    return 2;
  });
  ASSERT_EQ(Status, ChildCrashed);
  Expected<Engine> E = diskEngine(Folder.path());
  auto Module = E->compile(Bytes);
  ASSERT_TRUE(Module);
  EXPECT_EQ(callI32(*Module, "answer"), 6u);
  EXPECT_EQ(E->diskCache()->statistics().Hits, 1u);
}

// Issue 6, test 6: processes filling one folder at once all succeed, and
// the folder ends with exactly one valid file per key.
TEST(DiskCacheSharedFolderTest, SeveralProcessesFillOneFolder) {
  TemporaryFolder Folder;
  constexpr int Processes = 4;
  constexpr uint8_t Modules = 6;
  int StartPipe[2];
  ASSERT_EQ(pipe(StartPipe), 0);
  std::vector<pid_t> Children;
  for (int P = 0; P < Processes; ++P) {
    pid_t Child = fork();
    ASSERT_GE(Child, 0);
    if (Child == 0) {
      close(StartPipe[1]);
      char Byte;
      // Blocks until the parent closes its end: every child starts at once.
      if (read(StartPipe[0], &Byte, 1) != 0)
        _exit(10);
      Expected<Engine> E = diskEngine(Folder.path());
      if (!E)
        _exit(11);
      // Each child walks the modules from a different start, so that
      // stores and lookups of one key interleave across processes.
      for (uint8_t I = 0; I < Modules; ++I) {
        uint8_t V = static_cast<uint8_t>((I + P) % Modules);
        auto Module = E->compile(answerModule(V));
        if (!Module)
          _exit(12);
        if (callI32(*Module, "answer") != V)
          _exit(13);
      }
      DiskCacheStatistics S = E->diskCache()->statistics();
      if (S.checkQuiescentInvariants() || S.StoreErrors != 0 || S.Fallbacks != 0 ||
          S.Lookups != Modules)
        _exit(14);
      _exit(0);
    }
    Children.push_back(Child);
  }
  close(StartPipe[0]);
  close(StartPipe[1]);
  for (pid_t Child : Children) {
    int Status = 0;
    ASSERT_EQ(waitpid(Child, &Status, 0), Child);
    ASSERT_TRUE(WIFEXITED(Status));
    EXPECT_EQ(WEXITSTATUS(Status), 0) << "child " << Child;
  }

  Expected<Engine> E = diskEngine(Folder.path());
  ASSERT_TRUE(E);
  std::vector<std::string> Expected;
  for (uint8_t V = 0; V < Modules; ++V)
    Expected.push_back(computeCacheKey(E->makeRequest(answerModule(V))).hex() + ".kcache");
  std::vector<std::string> Found = filesIn(E->diskCache()->folder());
  std::sort(Expected.begin(), Expected.end());
  std::sort(Found.begin(), Found.end());
  EXPECT_EQ(Found, Expected) << "exactly one file per key, no temporaries";
  EXPECT_TRUE(noTemporaryIsNamedLikeAnEntry(E->diskCache()->folder()));
  for (uint8_t V = 0; V < Modules; ++V) {
    auto Module = E->compile(answerModule(V));
    ASSERT_TRUE(Module);
    EXPECT_EQ(callI32(*Module, "answer"), uint32_t(V));
  }
  DiskCacheStatistics S = E->diskCache()->statistics();
  EXPECT_EQ(S.Hits, uint64_t(Modules)) << "every file valid";
  EXPECT_EQ(S.Misses, 0u);
}

} // namespace
