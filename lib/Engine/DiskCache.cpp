//===- DiskCache.cpp - Compiled code kept across processes ----------------===//
//
// Readers never see a partial file: writers fill a uniquely named temporary
// file in the same folder and rename it over the final name, which POSIX
// makes atomic. Two writers of one key race harmlessly: equal keys mean
// equivalent payloads, and whichever rename lands last wins. A reader copies
// the whole file into memory and verifies that copy, so what it hands on is
// exactly what it checked, whatever happens to the file afterwards.
//
//===----------------------------------------------------------------------===//
#include "kiln/Engine/DiskCache.h"

#include "DiskCacheFile.h"
#include "DiskFiles.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>

namespace kiln::engine {

namespace {

/// Far above any artifact Kiln writes; a larger file is damage, and reading
/// it would only exhaust memory.
constexpr uint64_t MaxEntrySizeInBytes = uint64_t(1) << 32;

void add(std::atomic<uint64_t> &Counter) { Counter.fetch_add(1, std::memory_order_relaxed); }

/// A folder name that is a valid file name whatever the versions contain.
std::string sanitise(std::string Text) {
  for (char &C : Text)
    if (!(isalnum(static_cast<unsigned char>(C)) || C == '.' || C == '-'))
      C = '_';
  return Text;
}

} // namespace

DiskCache::DiskCache(std::string RootDirectory, DiskCacheIdentity Identity)
    : Root(std::move(RootDirectory)), Identity(std::move(Identity)) {
  while (Root.size() > 1 && Root.back() == '/')
    Root.pop_back();
  Folder = Root + "/kiln-cache-v" + std::to_string(CurrentDiskFormatVersion) + "/" +
           sanitise("kiln-" + this->Identity.KilnVersion + "_llvm-" + this->Identity.LLVMVersion +
                    "_" + this->Identity.BuildIdentity);
}

std::string DiskCache::entryPath(const CacheKey &Key) const {
  return Folder + "/" + Key.hex() + ".kcache";
}

DiskLookupOutcome DiskCache::miss(std::atomic<uint64_t> &Reason, DiskLookupOutcome Outcome) {
  add(Count.Misses);
  add(Reason);
  return Outcome;
}

DiskLookupOutcome DiskCache::lookup(const CacheKey &Key,
                                    const std::function<bool(std::span<const uint8_t>)> &Use) {
  add(Count.Lookups);
  std::string Path = entryPath(Key);
  disk::FileContents File;
  int Errno = 0;
  if (!disk::readWholeFile(Path, MaxEntrySizeInBytes, File, Errno)) {
    if (Errno == ENOENT)
      return miss(Count.Absent, DiskLookupOutcome::Absent);
    if (Errno == EFBIG) {
      disk::removeIfUnchanged(Path, File);
      return miss(Count.Rejected, DiskLookupOutcome::Rejected);
    }
    return miss(Count.ReadErrors, DiskLookupOutcome::ReadError);
  }
  auto Payload = verifyDiskEntry(File.Bytes, Key, Identity);
  if (!Payload || !Use(*Payload)) {
    disk::removeIfUnchanged(Path, File);
    return miss(Count.Rejected, DiskLookupOutcome::Rejected);
  }
  add(Count.Hits);
  // The modification time is the entry's "last used" time for the pruner's
  // size bound (access times are unreliable under noatime and relatime). If
  // another process renamed a fresh entry over the name meanwhile, that one
  // is touched instead, which is as good. A failed touch (a read-only
  // folder) only makes the entry look older.
  struct timespec Times[2] = {{0, UTIME_OMIT}, {0, UTIME_NOW}};
  utimensat(AT_FDCWD, Path.c_str(), Times, 0);
  return DiskLookupOutcome::Hit;
}

bool DiskCache::writeEntry(const CacheKey &Key, std::span<const uint8_t> Payload) {
  if (!disk::makeDirectories(Folder))
    return false;
  std::string Temporary = disk::uniqueTemporaryName(Folder, Key.hex());
  int Fd = open(Temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (Fd < 0)
    return false;
  std::vector<uint8_t> Header = encodeDiskEntryHeader(Key, Identity, Payload);
  bool Ok = disk::writeAll(Fd, Header) && disk::writeAll(Fd, Payload);
  if (Ok && OnStoreStep)
    OnStoreStep(DiskStoreStep::Written);
  // Without the fsync, a crash after the rename could leave the final name
  // pointing at a file whose blocks never reached the disk.
  Ok = Ok && fsync(Fd) == 0;
  Ok = close(Fd) == 0 && Ok;
  if (Ok && OnStoreStep)
    OnStoreStep(DiskStoreStep::Synced);
  if (!Ok || rename(Temporary.c_str(), entryPath(Key).c_str()) != 0) {
    unlink(Temporary.c_str());
    return false;
  }
  if (OnStoreStep)
    OnStoreStep(DiskStoreStep::Renamed);
  // The rename itself is durable only once the folder is synced. If that
  // fails the entry is still whole and usable; it might just not survive a
  // power cut, which a later lookup would see as a miss.
  return disk::syncDirectory(Folder);
}

bool DiskCache::store(const CacheKey &Key, std::span<const uint8_t> Payload) {
  bool Stored = writeEntry(Key, Payload);
  add(Stored ? Count.Stores : Count.StoreErrors);
  return Stored;
}

void DiskCache::noteFallback() { add(Count.Fallbacks); }

DiskCacheStatistics DiskCache::statistics() const {
  auto Load = [](const std::atomic<uint64_t> &C) { return C.load(std::memory_order_relaxed); };
  DiskCacheStatistics S;
  S.Lookups = Load(Count.Lookups);
  S.Hits = Load(Count.Hits);
  S.Misses = Load(Count.Misses);
  S.Absent = Load(Count.Absent);
  S.Rejected = Load(Count.Rejected);
  S.ReadErrors = Load(Count.ReadErrors);
  S.Stores = Load(Count.Stores);
  S.StoreErrors = Load(Count.StoreErrors);
  S.Fallbacks = Load(Count.Fallbacks);
  return S;
}

std::optional<std::string> DiskCacheStatistics::checkQuiescentInvariants(bool UsedByEngine) const {
  auto Show = [](const char *Name, uint64_t Value) {
    return std::string(Name) + " " + std::to_string(Value);
  };
  if (Lookups != Hits + Misses)
    return Show("lookups", Lookups) + " != " + Show("hits", Hits) + " + " + Show("misses", Misses);
  if (Misses != Absent + Rejected + ReadErrors)
    return Show("misses", Misses) + " != " + Show("absent", Absent) + " + " +
           Show("rejected", Rejected) + " + " + Show("read errors", ReadErrors);
  if (UsedByEngine && Stores + StoreErrors > Misses)
    return Show("stores", Stores) + " + " + Show("store errors", StoreErrors) + " > " +
           Show("misses", Misses);
  if (UsedByEngine && Fallbacks > Misses)
    return Show("fallbacks", Fallbacks) + " > " + Show("misses", Misses);
  return std::nullopt;
}

} // namespace kiln::engine
