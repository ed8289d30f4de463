//===- DiskCachePrune.cpp - Collecting a disk cache's garbage -------------===//
//
// Every step works on folder descriptors (openat, fstatat, unlinkat with
// AT_SYMLINK_NOFOLLOW / O_NOFOLLOW), so a symbolic link planted anywhere
// below the root is seen as a link and left alone, never followed. Only the
// names the cache itself writes are removed: entries ("<64 hex>.kcache"),
// temporary files (".<64 hex>.tmp-<pid>-<16 hex>"), and build and format
// folders that held nothing else. Removing a file another process is
// reading is harmless: lookups read the whole file into memory before
// checking it (DiskFiles.cpp, readWholeFile) and use only that copy.
//
//===----------------------------------------------------------------------===//
#include "kiln/Engine/DiskCachePrune.h"
#include "kiln/Engine/DiskCache.h"

#include "DiskFiles.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

namespace kiln::engine {

namespace {

constexpr std::string_view FormatFolderPrefix = "kiln-cache-v";

/// A folder descriptor, closed when it goes out of scope.
class FolderFd {
public:
  explicit FolderFd(int Fd) : Fd(Fd) {}
  FolderFd(const FolderFd &) = delete;
  FolderFd &operator=(const FolderFd &) = delete;
  ~FolderFd() {
    if (Fd >= 0)
      close(Fd);
  }
  int get() const { return Fd; }
  bool valid() const { return Fd >= 0; }

private:
  int Fd;
};

/// Opens `Name` in `Parent` as a folder, refusing a symbolic link.
FolderFd openFolderAt(int Parent, const std::string &Name) {
  return FolderFd(openat(Parent, Name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
}

struct Listed {
  std::string Name;
  struct stat Info;
};

/// The entries of the folder open as `Fd` (not "." and ".."), each with its
/// own status, links not followed. Entries that vanish while listed are
/// skipped.
std::vector<Listed> listFolder(int Fd) {
  std::vector<Listed> Entries;
  int Copy = dup(Fd); // closedir closes the descriptor it was given
  DIR *Dir = Copy >= 0 ? fdopendir(Copy) : nullptr;
  if (!Dir) {
    if (Copy >= 0)
      close(Copy);
    return Entries;
  }
  while (dirent *Entry = readdir(Dir)) {
    std::string Name = Entry->d_name;
    if (Name == "." || Name == "..")
      continue;
    Listed Item{Name, {}};
    if (fstatat(Fd, Name.c_str(), &Item.Info, AT_SYMLINK_NOFOLLOW) == 0)
      Entries.push_back(std::move(Item));
  }
  closedir(Dir);
  std::sort(Entries.begin(), Entries.end(),
            [](const Listed &A, const Listed &B) { return A.Name < B.Name; });
  return Entries;
}

/// The N of "kiln-cache-v<N>", or nothing.
std::optional<uint32_t> formatVersionOf(std::string_view Name) {
  if (!Name.starts_with(FormatFolderPrefix))
    return std::nullopt;
  std::string_view Digits = Name.substr(FormatFolderPrefix.size());
  if (Digits.empty() || Digits.size() > 9)
    return std::nullopt;
  uint32_t Version = 0;
  for (char C : Digits) {
    if (C < '0' || C > '9')
      return std::nullopt;
    Version = Version * 10 + (C - '0');
  }
  return Version;
}

/// Build folders are named "kiln-<version>_llvm-<version>_<identity>".
bool isBuildFolderName(std::string_view Name) {
  return Name.starts_with("kiln-") && Name.find("_llvm-") != std::string_view::npos;
}

enum class Removal { Removed, Gone, Failed };

class Pruner {
public:
  Pruner(const DiskCachePruneOptions &Options, DiskCachePruneReport &Report)
      : Options(Options), Report(Report), Now(time(nullptr)) {}

  /// Prunes the root open as `Root` (its path is `RootPath`).
  void pruneRoot(int Root, const std::string &RootPath, const std::string &CurrentFormat,
                 const std::string &CurrentBuild) {
    for (const Listed &Entry : listFolder(Root)) {
      std::optional<uint32_t> Version = formatVersionOf(Entry.Name);
      if (!Version)
        continue; // the root may hold other things than the cache: not ours to judge
      std::string Path = RootPath + "/" + Entry.Name;
      if (!S_ISDIR(Entry.Info.st_mode) || *Version > CurrentDiskFormatVersion) {
        // A newer kiln's folder: its layout is unknown here, so nothing in
        // it can be recognised.
        Report.Unknown.push_back(Path);
        continue;
      }
      FolderFd Format = openFolderAt(Root, Entry.Name);
      if (!Format.valid()) {
        Report.Unknown.push_back(Path);
        continue;
      }
      if (Entry.Name == CurrentFormat) {
        pruneFormatFolder(Format.get(), Path, CurrentBuild, Kind::OtherBuild);
        continue;
      }
      if (pruneFormatFolder(Format.get(), Path, std::string(), Kind::OlderFormat) &&
          removeFolder(Root, Entry.Name))
        ++Report.OlderFormatFolders;
    }
  }

private:
  enum class Kind { Current, OtherBuild, OlderFormat };

  /// Prunes the build folders in a `kiln-cache-v<N>` folder; `Current` is
  /// this build's folder name (empty in a format folder of another
  /// version). Returns whether everything in it went (or would go).
  bool pruneFormatFolder(int Format, const std::string &FormatPath, const std::string &Current,
                         Kind Others) {
    bool Emptied = true;
    for (const Listed &Entry : listFolder(Format)) {
      std::string Path = FormatPath + "/" + Entry.Name;
      if (!S_ISDIR(Entry.Info.st_mode) || !isBuildFolderName(Entry.Name)) {
        Report.Unknown.push_back(Path);
        Emptied = false;
        continue;
      }
      FolderFd Build = openFolderAt(Format, Entry.Name);
      if (!Build.valid()) {
        Report.Unknown.push_back(Path);
        Emptied = false;
        continue;
      }
      if (!Current.empty() && Entry.Name == Current) {
        pruneBuildFolder(Build.get(), Path, Kind::Current);
        Emptied = false;
        continue;
      }
      bool BuildEmptied = pruneBuildFolder(Build.get(), Path, Others) &&
                          removeFolder(Format, Entry.Name);
      if (BuildEmptied && Others == Kind::OtherBuild)
        ++Report.OtherBuildFolders;
      if (BuildEmptied && Others == Kind::OlderFormat)
        ++Report.OlderFormatFolders;
      Emptied &= BuildEmptied;
    }
    return Emptied;
  }

  struct Entry {
    std::string Name;
    struct stat Info;
  };

  /// Prunes one build folder. In this build's folder entries stay unless
  /// the size bound needs their room; elsewhere every entry goes. Returns
  /// whether everything in it went (or would go).
  bool pruneBuildFolder(int Build, const std::string &BuildPath, Kind What) {
    bool Emptied = true;
    std::vector<Entry> Entries;
    uint64_t KeptTemporaryBytes = 0;
    for (const Listed &Item : listFolder(Build)) {
      bool Regular = S_ISREG(Item.Info.st_mode);
      uint64_t Size = uint64_t(Item.Info.st_size);
      if (Regular && disk::isEntryName(Item.Name)) {
        if (What == Kind::Current) {
          Entries.push_back({Item.Name, Item.Info});
          continue;
        }
        Removal R = remove(Build, Item);
        if (R == Removal::Removed)
          (What == Kind::OtherBuild ? Report.OtherBuildFiles : Report.OlderFormatFiles).add(Size);
        Emptied &= R != Removal::Failed;
        continue;
      }
      std::optional<pid_t> Writer = Regular ? disk::temporaryFileWriter(Item.Name) : std::nullopt;
      if (!Writer) {
        Report.Unknown.push_back(BuildPath + "/" + Item.Name);
        Emptied = false;
        continue;
      }
      if (writerMayBeAlive(*Writer, Item.Info)) {
        Report.KeptTemporaries.add(Size);
        if (What == Kind::Current) {
          KeptTemporaryBytes += Size;
          Report.Kept.add(Size);
        }
        Emptied = false;
        continue;
      }
      Removal R = remove(Build, Item);
      if (R == Removal::Removed)
        Report.DeadTemporaries.add(Size);
      Emptied &= R != Removal::Failed;
    }
    if (What == Kind::Current)
      keepWithinBound(Build, Entries, KeptTemporaryBytes);
    return Emptied;
  }

  /// Removes the least recently used entries until the folder fits the
  /// bound; the rest are counted as kept.
  void keepWithinBound(int Build, std::vector<Entry> &Entries, uint64_t KeptTemporaryBytes) {
    // Oldest modification time first (a disk hit refreshes it); the name
    // breaks ties so the order is deterministic.
    std::sort(Entries.begin(), Entries.end(), [](const Entry &A, const Entry &B) {
      const timespec &TA = A.Info.st_mtim, &TB = B.Info.st_mtim;
      if (TA.tv_sec != TB.tv_sec)
        return TA.tv_sec < TB.tv_sec;
      if (TA.tv_nsec != TB.tv_nsec)
        return TA.tv_nsec < TB.tv_nsec;
      return A.Name < B.Name;
    });
    uint64_t Total = KeptTemporaryBytes;
    for (const Entry &E : Entries)
      Total += uint64_t(E.Info.st_size);
    for (const Entry &E : Entries) {
      uint64_t Size = uint64_t(E.Info.st_size);
      if (Options.MaxSizeInBytes && Total > *Options.MaxSizeInBytes) {
        Removal R = remove(Build, Listed{E.Name, E.Info});
        if (R == Removal::Removed)
          Report.Evicted.add(Size);
        if (R != Removal::Failed) {
          Total -= Size;
          continue;
        }
      }
      Report.Kept.add(Size);
    }
  }

  /// Whether the temporary file's writer may still be writing it: it is
  /// recent, or a process with its pid exists (EPERM: one exists that we
  /// may not signal).
  bool writerMayBeAlive(pid_t Writer, const struct stat &Info) const {
    if (Now - Info.st_mtim.tv_sec < Options.TemporaryGracePeriod.count())
      return true;
    return kill(Writer, 0) == 0 || errno == EPERM;
  }

  /// Unlinks `Item` from `Folder` if the name still names the file that was
  /// listed: another process may have renamed a fresh entry over it since.
  /// Not atomic (there is no unlink-if-inode); losing that race costs one
  /// compile, never a wrong load.
  Removal remove(int Folder, const Listed &Item) {
    struct stat Still;
    if (fstatat(Folder, Item.Name.c_str(), &Still, AT_SYMLINK_NOFOLLOW) != 0)
      return errno == ENOENT ? Removal::Gone : failed();
    if (Still.st_dev != Item.Info.st_dev || Still.st_ino != Item.Info.st_ino)
      return Removal::Gone; // replaced: the file that was judged is gone
    if (Options.DryRun)
      return Removal::Removed;
    if (unlinkat(Folder, Item.Name.c_str(), 0) == 0)
      return Removal::Removed;
    return errno == ENOENT ? Removal::Gone : failed();
  }

  Removal failed() {
    ++Report.RemoveErrors;
    return Removal::Failed;
  }

  /// Removes an emptied folder (in a dry run, pretends to). A writer of
  /// that build may have put a file in it meanwhile; then it stays.
  bool removeFolder(int Parent, const std::string &Name) {
    return Options.DryRun || unlinkat(Parent, Name.c_str(), AT_REMOVEDIR) == 0;
  }

  const DiskCachePruneOptions &Options;
  DiskCachePruneReport &Report;
  time_t Now;
};

} // namespace

Expected<DiskCachePruneReport> pruneDiskCache(const std::string &Root,
                                              const DiskCachePruneOptions &Options) {
  // The current folder's name, spelled exactly as the cache spells it (the
  // target is not part of it).
  DiskCache ThisBuild(Root, DiskCacheIdentity::ofThisBuild(codegen::TargetSpec()));
  DiskCachePruneReport Report;
  Report.CurrentFolder = ThisBuild.folder();
  std::string BuildName = Report.CurrentFolder.substr(Report.CurrentFolder.rfind('/') + 1);
  std::string RootPath = Report.CurrentFolder.substr(
      0, Report.CurrentFolder.rfind('/', Report.CurrentFolder.rfind('/') - 1));
  std::string FormatName = std::string(FormatFolderPrefix) + std::to_string(CurrentDiskFormatVersion);

  int Fd = open(Root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (Fd < 0)
    return makeError(ErrorKind::Io, "cannot open cache folder '" + Root + "': " + strerror(errno));
  FolderFd RootFd(Fd);
  Pruner(Options, Report).pruneRoot(RootFd.get(), RootPath, FormatName, BuildName);
  std::sort(Report.Unknown.begin(), Report.Unknown.end());
  return Report;
}

} // namespace kiln::engine
