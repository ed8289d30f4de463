//===- DiskCacheFileTest.cpp - Disk cache files: verification, damage -----===//
//
// Byte-level tests of `DiskCache` with opaque payloads (no compiler): what a
// store writes, what a lookup accepts, and that every kind of damage is a
// miss that deletes the file and never reaches the payload's user.
//
//===----------------------------------------------------------------------===//
#include "DiskCacheHelpers.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace kiln;
using namespace kiln::engine;
using namespace kiln::engine::test;

namespace {

CacheKey keyOf(uint8_t Seed) {
  CacheKey Key;
  for (size_t I = 0; I < Key.Bytes.size(); ++I)
    Key.Bytes[I] = static_cast<uint8_t>(Seed * 31 + I);
  return Key;
}

DiskCacheIdentity testIdentity() {
  DiskCacheIdentity Id;
  Id.KilnVersion = "0.1.0";
  Id.LLVMVersion = "19.1.7";
  Id.BuildIdentity = "build-id-0123456789abcdef";
  Id.Target.Triple = "x86_64-unknown-linux-gnu";
  Id.Target.CPU = "znver2";
  Id.Target.Features = {"+sse2", "+avx2", "-avx512f"};
  return Id;
}

std::vector<uint8_t> payloadOf(size_t Size) {
  std::vector<uint8_t> Bytes(Size);
  for (size_t I = 0; I < Size; ++I)
    Bytes[I] = static_cast<uint8_t>(I * 7 + 3);
  return Bytes;
}

/// A lookup whose user records the payload it was given.
struct Probe {
  DiskLookupOutcome Outcome;
  bool Used = false;
  std::vector<uint8_t> Payload;
};

Probe probe(DiskCache &Cache, const CacheKey &Key) {
  Probe P{};
  P.Outcome = Cache.lookup(Key, [&](std::span<const uint8_t> Payload) {
    P.Used = true;
    P.Payload.assign(Payload.begin(), Payload.end());
    return true;
  });
  return P;
}

class DiskCacheFileTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_FALSE(Folder.path().empty()); }
  TemporaryFolder Folder;
  DiskCache Cache{Folder.path(), testIdentity()};
  CacheKey Key = keyOf(1);
  std::vector<uint8_t> Payload = payloadOf(300);
};

TEST_F(DiskCacheFileTest, AStoredEntryIsFoundWithItsExactPayload) {
  EXPECT_EQ(probe(Cache, Key).Outcome, DiskLookupOutcome::Absent);
  ASSERT_TRUE(Cache.store(Key, Payload));
  Probe P = probe(Cache, Key);
  EXPECT_EQ(P.Outcome, DiskLookupOutcome::Hit);
  EXPECT_EQ(P.Payload, Payload);
  // The layout: versioned folder, build folder, one file named by the key;
  // no temporary file is left behind.
  EXPECT_EQ(Cache.entryPath(Key), Cache.folder() + "/" + Key.hex() + ".kcache");
  EXPECT_NE(Cache.folder().find("/kiln-cache-v1/"), std::string::npos);
  EXPECT_NE(Cache.folder().find("build-id-0123456789abcdef"), std::string::npos);
  EXPECT_EQ(filesIn(Cache.folder()), std::vector<std::string>{Key.hex() + ".kcache"});
  DiskCacheStatistics S = Cache.statistics();
  EXPECT_EQ(S.Lookups, 2u);
  EXPECT_EQ(S.Hits, 1u);
  EXPECT_EQ(S.Absent, 1u);
  EXPECT_EQ(S.Stores, 1u);
  EXPECT_EQ(S.checkQuiescentInvariants(), std::nullopt);
}

TEST_F(DiskCacheFileTest, AnEmptyPayloadRoundTrips) {
  ASSERT_TRUE(Cache.store(Key, {}));
  Probe P = probe(Cache, Key);
  EXPECT_EQ(P.Outcome, DiskLookupOutcome::Hit);
  EXPECT_TRUE(P.Payload.empty());
}

// Issue 6, test 6: a file cut at any length is a miss, never handed on.
TEST_F(DiskCacheFileTest, TruncationAtEveryOffsetIsAMissAndDeletesTheFile) {
  ASSERT_TRUE(Cache.store(Key, Payload));
  const std::string Path = Cache.entryPath(Key);
  const std::vector<uint8_t> Whole = readBytes(Path);
  ASSERT_GT(Whole.size(), Payload.size());
  for (size_t Length = 0; Length < Whole.size(); ++Length) {
    writeBytes(Path, std::vector<uint8_t>(Whole.begin(), Whole.begin() + Length));
    Probe P = probe(Cache, Key);
    ASSERT_EQ(P.Outcome, DiskLookupOutcome::Rejected) << "length " << Length;
    ASSERT_FALSE(P.Used) << "length " << Length;
    ASSERT_NE(access(Path.c_str(), F_OK), 0) << "not deleted at length " << Length;
  }
  // One byte too many is damage as well.
  std::vector<uint8_t> Longer = Whole;
  Longer.push_back(0);
  writeBytes(Path, Longer);
  EXPECT_EQ(probe(Cache, Key).Outcome, DiskLookupOutcome::Rejected);
  EXPECT_EQ(Cache.statistics().Rejected, Whole.size() + 1);
  EXPECT_EQ(Cache.statistics().checkQuiescentInvariants(/*UsedByEngine=*/false), std::nullopt);
}

// Issue 6, test 6: every single-bit flip anywhere in the file is caught.
TEST_F(DiskCacheFileTest, EverySingleBitFlipIsAMiss) {
  ASSERT_TRUE(Cache.store(Key, Payload));
  const std::string Path = Cache.entryPath(Key);
  const std::vector<uint8_t> Whole = readBytes(Path);
  uint64_t Flips = 0;
  for (size_t Byte = 0; Byte < Whole.size(); ++Byte)
    for (int Bit = 0; Bit < 8; ++Bit) {
      std::vector<uint8_t> Damaged = Whole;
      Damaged[Byte] ^= uint8_t(1u << Bit);
      writeBytes(Path, Damaged);
      Probe P = probe(Cache, Key);
      ASSERT_EQ(P.Outcome, DiskLookupOutcome::Rejected) << "byte " << Byte << " bit " << Bit;
      ASSERT_FALSE(P.Used);
      ASSERT_NE(access(Path.c_str(), F_OK), 0);
      ++Flips;
    }
  EXPECT_EQ(Cache.statistics().Rejected, Flips);
  // The undamaged file is still accepted: the test above did not pass by
  // rejecting everything.
  writeBytes(Path, Whole);
  EXPECT_EQ(probe(Cache, Key).Outcome, DiskLookupOutcome::Hit);
}

TEST_F(DiskCacheFileTest, AFileHoldingAnotherKeyIsAMissAndDeleted) {
  CacheKey Other = keyOf(2);
  ASSERT_TRUE(Cache.store(Other, Payload));
  // Someone copied (or a bug renamed) another key's file under this name.
  ASSERT_EQ(rename(Cache.entryPath(Other).c_str(), Cache.entryPath(Key).c_str()), 0);
  Probe P = probe(Cache, Key);
  EXPECT_EQ(P.Outcome, DiskLookupOutcome::Rejected);
  EXPECT_FALSE(P.Used);
  EXPECT_NE(access(Cache.entryPath(Key).c_str(), F_OK), 0);
}

/// A file written under `Writer`'s identity, placed where `Cache` looks.
void plantForeignEntry(DiskCache &Cache, const CacheKey &Key, const DiskCacheIdentity &Writer,
                       const std::string &Root, const std::vector<uint8_t> &Payload) {
  DiskCache Foreign(Root + "/foreign", Writer);
  ASSERT_TRUE(Foreign.store(Key, Payload));
  std::filesystem::create_directories(Cache.folder());
  writeBytes(Cache.entryPath(Key), readBytes(Foreign.entryPath(Key)));
}

TEST_F(DiskCacheFileTest, AnEntryFromAnyOtherIdentityIsAMissAndDeleted) {
  std::vector<std::pair<const char *, DiskCacheIdentity>> Variants;
  auto Add = [&](const char *Name, auto Change) {
    DiskCacheIdentity Id = testIdentity();
    Change(Id);
    Variants.emplace_back(Name, Id);
  };
  Add("Kiln version", [](DiskCacheIdentity &Id) { Id.KilnVersion = "0.2.0"; });
  Add("LLVM version", [](DiskCacheIdentity &Id) { Id.LLVMVersion = "19.1.8"; });
  Add("build identity", [](DiskCacheIdentity &Id) { Id.BuildIdentity = "build-id-feed"; });
  Add("triple", [](DiskCacheIdentity &Id) { Id.Target.Triple = "aarch64-unknown-linux-gnu"; });
  Add("CPU", [](DiskCacheIdentity &Id) { Id.Target.CPU = "skylake"; });
  Add("features", [](DiskCacheIdentity &Id) { Id.Target.Features.pop_back(); });
  for (const auto &[Name, Writer] : Variants) {
    plantForeignEntry(Cache, Key, Writer, Folder.path(), Payload);
    Probe P = probe(Cache, Key);
    EXPECT_EQ(P.Outcome, DiskLookupOutcome::Rejected) << Name;
    EXPECT_FALSE(P.Used) << Name;
    EXPECT_NE(access(Cache.entryPath(Key).c_str(), F_OK), 0) << Name;
  }
}

TEST_F(DiskCacheFileTest, AnotherFormatVersionIsAMissAndDeleted) {
  ASSERT_TRUE(Cache.store(Key, Payload));
  std::vector<uint8_t> Bytes = readBytes(Cache.entryPath(Key));
  Bytes[8] = static_cast<uint8_t>(CurrentDiskFormatVersion + 1); // u32 after the magic
  writeBytes(Cache.entryPath(Key), Bytes);
  EXPECT_EQ(probe(Cache, Key).Outcome, DiskLookupOutcome::Rejected);
  EXPECT_NE(access(Cache.entryPath(Key).c_str(), F_OK), 0);
}

TEST_F(DiskCacheFileTest, APayloadItsUserRefusesIsAMissAndDeleted) {
  ASSERT_TRUE(Cache.store(Key, Payload));
  DiskLookupOutcome Outcome = Cache.lookup(Key, [](std::span<const uint8_t>) { return false; });
  EXPECT_EQ(Outcome, DiskLookupOutcome::Rejected);
  EXPECT_NE(access(Cache.entryPath(Key).c_str(), F_OK), 0);
  EXPECT_EQ(Cache.statistics().Hits, 0u);
}

TEST_F(DiskCacheFileTest, AFolderThatCannotBeCreatedGivesReadAndStoreErrors) {
  // Root may write anywhere, so "unwritable" is made of a path through a
  // regular file, and of /proc, where nobody may create folders.
  std::string File = Folder.path() + "/not-a-folder";
  writeBytes(File, {1, 2, 3});
  for (const std::string &Root : {File, std::string("/proc/kiln-cache-test")}) {
    DiskCache Unwritable(Root, testIdentity());
    EXPECT_NE(probe(Unwritable, Key).Outcome, DiskLookupOutcome::Hit) << Root;
    EXPECT_FALSE(Unwritable.store(Key, Payload)) << Root;
    DiskCacheStatistics S = Unwritable.statistics();
    EXPECT_EQ(S.Misses, 1u) << Root;
    EXPECT_EQ(S.StoreErrors, 1u) << Root;
    EXPECT_EQ(S.checkQuiescentInvariants(), std::nullopt) << Root;
  }
  // Through a regular file the path is not a folder: an error, not absence.
  DiskCache ThroughFile(File, testIdentity());
  EXPECT_EQ(probe(ThroughFile, Key).Outcome, DiskLookupOutcome::ReadError);
}

TEST_F(DiskCacheFileTest, AStoreReplacesAnEntryAtomicallyAndLeavesNoTemporaryFiles) {
  ASSERT_TRUE(Cache.store(Key, Payload));
  std::vector<DiskStoreStep> Steps;
  Cache.setStoreObserver([&](DiskStoreStep Step) {
    Steps.push_back(Step);
    // Until the rename, readers still see the old, whole entry.
    if (Step != DiskStoreStep::Renamed)
      EXPECT_EQ(probe(Cache, Key).Payload, Payload);
  });
  std::vector<uint8_t> Newer = payloadOf(50);
  ASSERT_TRUE(Cache.store(Key, Newer));
  EXPECT_EQ((Steps == std::vector<DiskStoreStep>{DiskStoreStep::Written, DiskStoreStep::Synced,
                                                 DiskStoreStep::Renamed}),
            true);
  Cache.setStoreObserver(nullptr);
  EXPECT_EQ(probe(Cache, Key).Payload, Newer);
  EXPECT_EQ(filesIn(Cache.folder()).size(), 1u);
}

TEST(DiskCacheIdentityTest, ThisBuildIsIdentifiedByItsBuildIdOrADigest) {
  const std::string &Id = buildIdentity();
  EXPECT_TRUE(Id.starts_with("build-id-") || Id.starts_with("blake3-")) << Id;
  EXPECT_GT(Id.size(), 16u) << Id;
  EXPECT_EQ(&Id, &buildIdentity());
  DiskCacheIdentity This = DiskCacheIdentity::ofThisBuild({});
  EXPECT_EQ(This.KilnVersion, kilnVersion());
  EXPECT_EQ(This.LLVMVersion, llvmVersion());
  EXPECT_EQ(This.BuildIdentity, Id);
}

} // namespace
