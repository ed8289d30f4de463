//===- DiskFiles.h - The few POSIX file operations the disk cache needs -*- C++ -*-===//
//
// Thin wrappers that retry on EINTR and report errno, so the cache's logic
// reads as steps rather than as system-call plumbing.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_ENGINE_DISKFILES_H
#define KILN_LIB_ENGINE_DISKFILES_H

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::engine::disk {

/// A file's bytes and its identity (device and inode) when it was read.
struct FileContents {
  std::vector<uint8_t> Bytes;
  dev_t Device = 0;
  ino_t Inode = 0;
};

/// Reads the whole file at `Path`; on failure returns false with `Errno` set
/// (ENOENT: no such file). Files larger than `MaxSizeInBytes` fail with EFBIG.
bool readWholeFile(const std::string &Path, uint64_t MaxSizeInBytes, FileContents &Out,
                   int &Errno);

/// Deletes `Path` only if it is still the file `Read` came from: another
/// process may have renamed a fresh entry over it since.
void removeIfUnchanged(const std::string &Path, const FileContents &Read);

/// Writes every byte of `Data` to `Fd`.
bool writeAll(int Fd, std::span<const uint8_t> Data);

/// Creates `Path` and its missing parents (mode 0777 less the umask).
bool makeDirectories(const std::string &Path);

/// fsyncs a directory, making renames and creations in it durable.
bool syncDirectory(const std::string &Path);

/// A name for a temporary file in `Folder` that no other thread or process
/// will choose: the base, the pid and 64 random bits.
std::string uniqueTemporaryName(const std::string &Folder, const std::string &Base);

/// The writer's pid in the name of a temporary file that
/// `uniqueTemporaryName` made for an entry (".<64 hex>.tmp-<pid>-<16 hex>"),
/// or nothing when `Name` is not such a name. The pruner trusts no other.
std::optional<pid_t> temporaryFileWriter(std::string_view Name);

/// Whether `Name` names an entry: 64 lowercase hex digits and ".kcache".
bool isEntryName(std::string_view Name);

} // namespace kiln::engine::disk

#endif // KILN_LIB_ENGINE_DISKFILES_H
