//===- DiskCachePruneTest.cpp - Collecting a disk cache's garbage ---------===//
//
// Folders laid out by hand (the pruner judges names, ages and pids, never
// contents), plus one test through real Engines for the hit that refreshes
// an entry's modification time.
//
//===----------------------------------------------------------------------===//
#include "DiskCacheHelpers.h"

#include "kiln/Engine/DiskCachePrune.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>

using namespace kiln;
using namespace kiln::engine;
using namespace kiln::engine::test;
namespace fs = std::filesystem;

namespace {

/// Above Linux's largest possible pid_max (2^22), so no process has it.
constexpr pid_t DeadPid = 999999999;
constexpr int Hour = 3600;

std::string keyHex(unsigned N) {
  char Text[65];
  std::snprintf(Text, sizeof Text, "%064x", N);
  return Text;
}
std::string entryName(unsigned N) { return keyHex(N) + ".kcache"; }
std::string temporaryName(unsigned N, pid_t Pid) {
  return "." + keyHex(N) + ".tmp-" + std::to_string(Pid) + "-0123456789abcdef";
}

/// Writes `Size` bytes at `Path` (creating folders) last modified `Age`
/// seconds ago.
void makeFile(const std::string &Path, size_t Size, int Age = 0) {
  fs::create_directories(fs::path(Path).parent_path());
  writeBytes(Path, std::vector<uint8_t>(Size, 0x5a));
  struct timespec Times[2] = {{time(nullptr) - Age, 0}, {time(nullptr) - Age, 0}};
  ASSERT_EQ(utimensat(AT_FDCWD, Path.c_str(), Times, AT_SYMLINK_NOFOLLOW), 0) << Path;
}

time_t modified(const std::string &Path) {
  struct stat Info;
  return stat(Path.c_str(), &Info) == 0 ? Info.st_mtime : 0;
}

class DiskCachePruneTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(Root.path().empty());
    // The premise of every "dead writer" below.
    ASSERT_NE(kill(DeadPid, 0), 0);
    ASSERT_EQ(errno, ESRCH);
  }
  /// This build's folder, as the cache names it.
  std::string current() const {
    return DiskCache(Root.path(), DiskCacheIdentity::ofThisBuild({})).folder();
  }
  std::string format(unsigned Version) const {
    return Root.path() + "/kiln-cache-v" + std::to_string(Version);
  }
  std::string otherBuild() const { return format(1) + "/kiln-0.0.1_llvm-1.0.0_build-id-00ff"; }

  DiskCachePruneReport prune(DiskCachePruneOptions Options = {}) {
    auto Report = pruneDiskCache(Root.path(), Options);
    EXPECT_TRUE(Report) << Report.error().message();
    return Report ? *Report : DiskCachePruneReport{};
  }

  TemporaryFolder Root;
};

TEST_F(DiskCachePruneTest, OnlyTemporaryFilesOfDeadOldWritersGo) {
  std::string Dead = current() + "/" + temporaryName(1, DeadPid);
  std::string Live = current() + "/" + temporaryName(2, getpid());
  std::string Fresh = current() + "/" + temporaryName(3, DeadPid);
  std::string Entry = current() + "/" + entryName(4);
  makeFile(Dead, 100, 2 * Hour);
  makeFile(Live, 200, 2 * Hour);
  makeFile(Fresh, 300, 60);
  makeFile(Entry, 400, 2 * Hour);

  DiskCachePruneReport R = prune();
  EXPECT_EQ(R.CurrentFolder, current());
  EXPECT_FALSE(fs::exists(Dead));
  EXPECT_TRUE(fs::exists(Live));
  EXPECT_TRUE(fs::exists(Fresh));
  EXPECT_TRUE(fs::exists(Entry));
  EXPECT_EQ(R.DeadTemporaries.Files, 1u);
  EXPECT_EQ(R.DeadTemporaries.Bytes, 100u);
  EXPECT_EQ(R.KeptTemporaries.Files, 2u);
  EXPECT_EQ(R.KeptTemporaries.Bytes, 500u);
  EXPECT_EQ(R.Kept.Files, 3u);
  EXPECT_EQ(R.Kept.Bytes, 900u);
  EXPECT_EQ(R.removed().Files, 1u);
  EXPECT_TRUE(R.Unknown.empty());
  EXPECT_EQ(R.RemoveErrors, 0u);

  // A shorter grace period lets the fresh one go too; the live one stays.
  DiskCachePruneOptions Impatient;
  Impatient.TemporaryGracePeriod = std::chrono::seconds(10);
  R = prune(Impatient);
  EXPECT_FALSE(fs::exists(Fresh));
  EXPECT_TRUE(fs::exists(Live));
  EXPECT_EQ(R.DeadTemporaries.Files, 1u);
}

TEST_F(DiskCachePruneTest, OtherBuildsAndOlderFormatsGoNewerFormatsStay) {
  std::string Mine = current() + "/" + entryName(1);
  makeFile(Mine, 10);
  makeFile(otherBuild() + "/" + entryName(1), 20);
  makeFile(otherBuild() + "/" + entryName(2), 30);
  makeFile(otherBuild() + "/" + temporaryName(3, DeadPid), 40, 2 * Hour);
  std::string Old = format(0) + "/kiln-0.0.1_llvm-18.1.0_build-id-01";
  makeFile(Old + "/" + entryName(1), 50);
  std::string Newer = format(CurrentDiskFormatVersion + 1);
  makeFile(Newer + "/anything/whatever.bin", 60);
  // Not the cache's: the root may hold other things, which are not judged.
  makeFile(Root.path() + "/unrelated.txt", 1);

  DiskCachePruneReport R = prune();
  EXPECT_TRUE(fs::exists(Mine));
  EXPECT_FALSE(fs::exists(otherBuild()));
  EXPECT_FALSE(fs::exists(format(0)));
  EXPECT_TRUE(fs::exists(Newer + "/anything/whatever.bin"));
  EXPECT_TRUE(fs::exists(Root.path() + "/unrelated.txt"));
  EXPECT_EQ(R.OtherBuildFiles.Files, 2u);
  EXPECT_EQ(R.OtherBuildFiles.Bytes, 50u);
  EXPECT_EQ(R.OtherBuildFolders, 1u);
  EXPECT_EQ(R.DeadTemporaries.Files, 1u);
  EXPECT_EQ(R.OlderFormatFiles.Files, 1u);
  EXPECT_EQ(R.OlderFormatFiles.Bytes, 50u);
  EXPECT_EQ(R.OlderFormatFolders, 2u); // the build folder and kiln-cache-v0
  EXPECT_EQ(R.Kept.Files, 1u);
  EXPECT_EQ(R.Unknown, std::vector<std::string>{Newer});
  EXPECT_EQ(R.removed().Files, 4u);
  EXPECT_EQ(R.removed().Bytes, 140u);
}

TEST_F(DiskCachePruneTest, UnknownNamesAndSymbolicLinksAreLeftAloneAndReported) {
  TemporaryFolder Outside;
  std::string Target = Outside.path() + "/" + entryName(9);
  makeFile(Target, 10, 2 * Hour);
  std::string OutsideBuild = Outside.path() + "/kiln-9_llvm-9_x";
  makeFile(OutsideBuild + "/" + entryName(8), 10, 2 * Hour);

  std::string Notes = current() + "/notes.txt";
  std::string Link = current() + "/" + entryName(1);
  std::string BadPid = current() + "/." + keyHex(2) + ".tmp-12ab-0123456789abcdef";
  std::string FolderNamedLikeAnEntry = current() + "/" + entryName(3);
  makeFile(Notes, 5, 2 * Hour);
  makeFile(BadPid, 5, 2 * Hour);
  fs::create_directories(FolderNamedLikeAnEntry);
  ASSERT_EQ(symlink(Target.c_str(), Link.c_str()), 0);
  // A link named like another build's folder, and a link named like a
  // dead writer's temporary file.
  std::string LinkedBuild = format(1) + "/kiln-9_llvm-9_x";
  ASSERT_EQ(symlink(OutsideBuild.c_str(), LinkedBuild.c_str()), 0);
  std::string LinkedTemporary = current() + "/" + temporaryName(4, DeadPid);
  ASSERT_EQ(symlink(Target.c_str(), LinkedTemporary.c_str()), 0);
  // Another build's folder with a stranger inside keeps the stranger, and
  // so itself, but loses its entries.
  makeFile(otherBuild() + "/" + entryName(5), 7);
  makeFile(otherBuild() + "/README", 1);

  DiskCachePruneReport R = prune(DiskCachePruneOptions{.MaxSizeInBytes = 0});
  for (const std::string &Path : {Target, OutsideBuild + "/" + entryName(8), Notes, BadPid,
                                  FolderNamedLikeAnEntry, otherBuild() + "/README"})
    EXPECT_TRUE(fs::exists(Path)) << Path;
  EXPECT_TRUE(fs::is_symlink(Link));
  EXPECT_TRUE(fs::is_symlink(LinkedBuild));
  EXPECT_TRUE(fs::is_symlink(LinkedTemporary));
  EXPECT_FALSE(fs::exists(otherBuild() + "/" + entryName(5)));
  EXPECT_EQ(R.OtherBuildFiles.Files, 1u);
  EXPECT_EQ(R.OtherBuildFolders, 0u);
  EXPECT_EQ(R.removed().Files, 1u);
  std::vector<std::string> Expected = {BadPid, FolderNamedLikeAnEntry, Link,  LinkedTemporary,
                                       Notes,  LinkedBuild,             otherBuild() + "/README"};
  std::sort(Expected.begin(), Expected.end());
  EXPECT_EQ(R.Unknown, Expected);
}

TEST_F(DiskCachePruneTest, SizeBoundRemovesTheOldestEntriesUntilTheFolderFits) {
  // Entry N was last used N*10 minutes ago.
  for (unsigned N = 1; N <= 5; ++N)
    makeFile(current() + "/" + entryName(N), 1000, N * 600);
  // A live writer's file counts towards the size but cannot go.
  makeFile(current() + "/" + temporaryName(6, getpid()), 500);

  DiskCachePruneReport R = prune({.MaxSizeInBytes = 3500});
  // 5500 bytes: the two oldest (5, 4) go, 3500 remain.
  EXPECT_EQ(R.Evicted.Files, 2u);
  EXPECT_EQ(R.Evicted.Bytes, 2000u);
  EXPECT_FALSE(fs::exists(current() + "/" + entryName(5)));
  EXPECT_FALSE(fs::exists(current() + "/" + entryName(4)));
  for (unsigned N = 1; N <= 3; ++N)
    EXPECT_TRUE(fs::exists(current() + "/" + entryName(N))) << N;
  EXPECT_EQ(R.Kept.Files, 4u);
  EXPECT_EQ(R.Kept.Bytes, 3500u);

  // One byte less: the next oldest goes, and no more.
  R = prune({.MaxSizeInBytes = 3499});
  EXPECT_EQ(R.Evicted.Files, 1u);
  EXPECT_FALSE(fs::exists(current() + "/" + entryName(3)));
  EXPECT_TRUE(fs::exists(current() + "/" + entryName(2)));
  EXPECT_EQ(R.Kept.Bytes, 2500u);

  // Without a bound nothing of this build goes.
  R = prune();
  EXPECT_EQ(R.Evicted.Files, 0u);
  EXPECT_EQ(R.Kept.Files, 3u);

  // A bound below what cannot go removes every entry.
  R = prune({.MaxSizeInBytes = 100});
  EXPECT_EQ(R.Evicted.Files, 2u);
  EXPECT_EQ(filesIn(current()), std::vector<std::string>{temporaryName(6, getpid())});
}

TEST_F(DiskCachePruneTest, DryRunReportsEverythingAndRemovesNothing) {
  for (unsigned N = 1; N <= 3; ++N)
    makeFile(current() + "/" + entryName(N), 1000, N * 600);
  makeFile(current() + "/" + temporaryName(7, DeadPid), 11, 2 * Hour);
  makeFile(otherBuild() + "/" + entryName(1), 20);
  makeFile(format(0) + "/kiln-0_llvm-0_x/" + entryName(1), 30);
  auto Snapshot = [&] {
    std::vector<std::string> Paths;
    for (const auto &E : fs::recursive_directory_iterator(Root.path()))
      Paths.push_back(E.path().string());
    std::sort(Paths.begin(), Paths.end());
    return Paths;
  };
  std::vector<std::string> Before = Snapshot();

  DiskCachePruneOptions Options{.MaxSizeInBytes = 1500, .DryRun = true};
  DiskCachePruneReport Dry = prune(Options);
  EXPECT_EQ(Snapshot(), Before);
  Options.DryRun = false;
  DiskCachePruneReport Real = prune(Options);
  EXPECT_NE(Snapshot(), Before);

  // The dry run predicted the real one exactly.
  for (auto Tally : {&DiskCachePruneReport::DeadTemporaries, &DiskCachePruneReport::OtherBuildFiles,
                     &DiskCachePruneReport::OlderFormatFiles, &DiskCachePruneReport::Evicted,
                     &DiskCachePruneReport::Kept}) {
    EXPECT_EQ((Dry.*Tally).Files, (Real.*Tally).Files);
    EXPECT_EQ((Dry.*Tally).Bytes, (Real.*Tally).Bytes);
  }
  EXPECT_EQ(Dry.OtherBuildFolders, Real.OtherBuildFolders);
  EXPECT_EQ(Dry.OlderFormatFolders, Real.OlderFormatFolders);
  EXPECT_EQ(Real.Evicted.Files, 2u);
  EXPECT_EQ(Real.DeadTemporaries.Files, 1u);
  EXPECT_EQ(Real.OtherBuildFolders, 1u);
  EXPECT_EQ(Real.OlderFormatFolders, 2u);
  EXPECT_EQ(Real.removed().Files, 5u);
}

TEST_F(DiskCachePruneTest, AMissingRootIsAnErrorAnEmptyOneIsNot) {
  auto Missing = pruneDiskCache(Root.path() + "/absent", {});
  ASSERT_FALSE(Missing);
  EXPECT_EQ(Missing.error().kind(), ErrorKind::Io);
  DiskCachePruneReport R = prune();
  EXPECT_EQ(R.removed().Files, 0u);
  EXPECT_EQ(R.Kept.Files, 0u);
  EXPECT_TRUE(R.Unknown.empty());
}

TEST_F(DiskCachePruneTest, ADiskHitRefreshesTheEntrySoTheBoundKeepsIt) {
  std::vector<uint8_t> A = answerModule(1), B = answerModule(2);
  std::string PathA, PathB;
  {
    Expected<Engine> Writer = diskEngine(Root.path());
    ASSERT_TRUE(Writer) << Writer.error().format();
    ASSERT_TRUE(Writer->compile(A));
    ASSERT_TRUE(Writer->compile(B));
    ASSERT_EQ(Writer->diskCache()->statistics().Stores, 2u);
    PathA = Writer->diskCache()->entryPath(computeCacheKey(Writer->makeRequest(A)));
    PathB = Writer->diskCache()->entryPath(computeCacheKey(Writer->makeRequest(B)));
  }
  // A was used two hours ago, B one hour ago: A is the older.
  struct timespec TwoHours[2] = {{0, UTIME_OMIT}, {time(nullptr) - 2 * Hour, 0}};
  struct timespec OneHour[2] = {{0, UTIME_OMIT}, {time(nullptr) - Hour, 0}};
  ASSERT_EQ(utimensat(AT_FDCWD, PathA.c_str(), TwoHours, 0), 0);
  ASSERT_EQ(utimensat(AT_FDCWD, PathB.c_str(), OneHour, 0), 0);

  // A later process hits A on the disk.
  Expected<Engine> Reader = diskEngine(Root.path());
  ASSERT_TRUE(Reader);
  auto Module = Reader->compile(A);
  ASSERT_TRUE(Module);
  ASSERT_EQ(Reader->diskCache()->statistics().Hits, 1u);
  EXPECT_EQ(callI32(*Module, "answer"), 1u);
  EXPECT_GE(modified(PathA), time(nullptr) - 60);

  // Room for all but one entry: B, now the least recently used, goes.
  uint64_t Total = fs::file_size(PathA) + fs::file_size(PathB);
  DiskCachePruneReport R = prune({.MaxSizeInBytes = Total - 1});
  EXPECT_EQ(R.Evicted.Files, 1u);
  EXPECT_TRUE(fs::exists(PathA));
  EXPECT_FALSE(fs::exists(PathB));
  // And the loaded module, whose file was read before, still runs.
  EXPECT_EQ(callI32(*Module, "answer"), 1u);
}

} // namespace
