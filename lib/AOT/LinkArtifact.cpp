//===- LinkArtifact.cpp - Object file to shared object with ld.lld --------===//
//
// lld runs as a child process: the Debian package ships the linker, not a
// library with a stable API, and a child cannot corrupt this process. The
// builtins stay undefined in the shared object; the system loader binds
// them to the loading program's exports (docs/AOTFormat.md).
//
//===----------------------------------------------------------------------===//
#include "kiln/AOT/AOT.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

extern char **environ;

namespace kiln::aot {

namespace {

/// A file created beside the output; removed unless released by rename.
class TemporaryFile {
public:
  static Expected<TemporaryFile> create(const std::string &Beside, const char *Suffix) {
    std::string Template = Beside + ".tmp-XXXXXX" + Suffix;
    int Fd = mkstemps(Template.data(), static_cast<int>(std::strlen(Suffix)));
    if (Fd < 0)
      return makeError(ErrorKind::Io, "cannot create '" + Template + "': " + std::strerror(errno));
    return TemporaryFile(std::move(Template), Fd);
  }
  TemporaryFile(TemporaryFile &&Other) noexcept
      : Path(std::move(Other.Path)), Fd(std::exchange(Other.Fd, -1)) {
    Other.Path.clear();
  }
  ~TemporaryFile() {
    if (Fd >= 0)
      close(Fd);
    if (!Path.empty())
      unlink(Path.c_str());
  }
  const std::string &path() const { return Path; }
  int fd() const { return Fd; }
  void closeFd() {
    if (Fd >= 0)
      close(std::exchange(Fd, -1));
  }
  /// Renames the file to `Target`; it is no longer removed.
  Expected<void> renameTo(const std::string &Target) {
    closeFd();
    if (rename(Path.c_str(), Target.c_str()) != 0)
      return makeError(ErrorKind::Io, "cannot write '" + Target + "': " + std::strerror(errno));
    Path.clear();
    return {};
  }

private:
  TemporaryFile(std::string Path, int Fd) : Path(std::move(Path)), Fd(Fd) {}
  std::string Path;
  int Fd = -1;
};

Expected<void> writeAll(int Fd, const std::string &Data, const std::string &Path) {
  size_t Written = 0;
  while (Written < Data.size()) {
    ssize_t Count = write(Fd, Data.data() + Written, Data.size() - Written);
    if (Count < 0 && errno == EINTR)
      continue;
    if (Count <= 0)
      return makeError(ErrorKind::Io, "cannot write '" + Path + "': " + std::strerror(errno));
    Written += static_cast<size_t>(Count);
  }
  return {};
}

/// The linkers to try, in order.
std::vector<std::string> linkerCandidates() {
  if (const char *Chosen = std::getenv("KILN_LLD"); Chosen && *Chosen)
    return {Chosen};
  return {"ld.lld-19", "ld.lld"};
}

/// The first line of the linker's diagnostics, for a one-line error.
std::string firstLine(const std::string &Text) {
  std::string Line = Text.substr(0, Text.find('\n'));
  return Line.empty() ? "no diagnostics" : Line;
}

/// Runs `Argv` (Argv[0] found on PATH), stderr captured. ENOENT from spawn
/// means "not installed" and is reported as such to try the next linker.
Expected<int> runCapturing(std::vector<std::string> Args, std::string &Diagnostics, int &SpawnError) {
  int Pipe[2];
  if (pipe2(Pipe, O_CLOEXEC) != 0)
    return makeError(ErrorKind::Internal, std::string("pipe: ") + std::strerror(errno));
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_adddup2(&Actions, Pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_adddup2(&Actions, Pipe[1], STDOUT_FILENO);
  std::vector<char *> Argv;
  for (std::string &Arg : Args)
    Argv.push_back(Arg.data());
  Argv.push_back(nullptr);
  pid_t Child = 0;
  SpawnError = posix_spawnp(&Child, Argv[0], &Actions, nullptr, Argv.data(), environ);
  posix_spawn_file_actions_destroy(&Actions);
  close(Pipe[1]);
  if (SpawnError != 0) {
    close(Pipe[0]);
    return -1;
  }
  char Buffer[4096];
  for (ssize_t Count; (Count = read(Pipe[0], Buffer, sizeof Buffer)) != 0;)
    if (Count > 0)
      Diagnostics.append(Buffer, static_cast<size_t>(Count));
    else if (errno != EINTR)
      break;
  close(Pipe[0]);
  int Status = 0;
  while (waitpid(Child, &Status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(Status) ? WEXITSTATUS(Status) : 128 + WTERMSIG(Status);
}

Expected<void> runLinker(const std::string &Object, const std::string &Output) {
  for (const std::string &Linker : linkerCandidates()) {
    std::string Diagnostics;
    int SpawnError = 0;
    auto Status = runCapturing({Linker, "-shared", "--hash-style=gnu", "-z", "now", "-z", "relro",
                                "-z", "noexecstack", "--build-id=none", "-o", Output, Object},
                               Diagnostics, SpawnError);
    if (!Status)
      return forwardError(Status);
    if (SpawnError == ENOENT)
      continue;
    if (SpawnError != 0)
      return makeError(ErrorKind::Internal,
                       "cannot run " + Linker + ": " + std::strerror(SpawnError));
    if (*Status != 0)
      return makeError(ErrorKind::Internal, Linker + " failed: " + firstLine(Diagnostics));
    return {};
  }
  return makeError(ErrorKind::Internal,
                   "no linker found: install lld-19 (ld.lld-19) or set KILN_LLD");
}

} // namespace

Expected<void> linkArtifact(const std::string &Object, const std::string &OutputPath) {
  auto ObjectFile = TemporaryFile::create(OutputPath, ".o");
  if (!ObjectFile)
    return forwardError(ObjectFile);
  if (auto Written = writeAll(ObjectFile->fd(), Object, ObjectFile->path()); !Written)
    return Written;
  ObjectFile->closeFd();
  auto Linked = TemporaryFile::create(OutputPath, ".so");
  if (!Linked)
    return forwardError(Linked);
  Linked->closeFd();
  if (auto Ran = runLinker(ObjectFile->path(), Linked->path()); !Ran)
    return Ran;
  return Linked->renameTo(OutputPath);
}

} // namespace kiln::aot
