//===- Subprocess.cpp - Finding and running helper programs ----------------===//
#include "Subprocess.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace kiln::cli {

namespace fs = std::filesystem;

std::optional<fs::path> findProgramOnPath(std::string_view Name) {
  const char *PathVar = std::getenv("PATH");
  if (!PathVar)
    return std::nullopt;
  std::string_view Folders(PathVar);
  while (true) {
    size_t Colon = Folders.find(':');
    std::string_view Folder = Folders.substr(0, Colon);
    // An empty entry means the current folder, as in the shell.
    fs::path Candidate = fs::path(Folder.empty() ? "." : Folder) / Name;
    std::error_code EC;
    if (fs::is_regular_file(Candidate, EC) && ::access(Candidate.c_str(), X_OK) == 0)
      return Candidate;
    if (Colon == std::string_view::npos)
      return std::nullopt;
    Folders.remove_prefix(Colon + 1);
  }
}

namespace {
/// posix_spawn file actions, destroyed on every path out.
class SpawnActions {
public:
  SpawnActions() { posix_spawn_file_actions_init(&Actions); }
  ~SpawnActions() { posix_spawn_file_actions_destroy(&Actions); }
  SpawnActions(const SpawnActions &) = delete;
  SpawnActions &operator=(const SpawnActions &) = delete;

  bool redirect(int Fd, const fs::path &File, int Flags) {
    return posix_spawn_file_actions_addopen(&Actions, Fd, File.c_str(), Flags, 0600) == 0;
  }
  const posix_spawn_file_actions_t *get() const { return &Actions; }

private:
  posix_spawn_file_actions_t Actions;
};
} // namespace

Expected<int> runProgram(const fs::path &Program, const std::vector<std::string> &Args,
                         const fs::path &StdoutFile, const fs::path &StderrFile) {
  std::string Name = Program.filename().string();
  SpawnActions Actions;
  const int OutFlags = O_WRONLY | O_CREAT | O_TRUNC;
  if (!Actions.redirect(0, "/dev/null", O_RDONLY) || !Actions.redirect(1, StdoutFile, OutFlags) ||
      !Actions.redirect(2, StderrFile, OutFlags))
    return makeError(ErrorKind::Internal, "cannot set up redirections for " + Name);

  std::vector<char *> Argv;
  std::string ProgramText = Program.string();
  Argv.push_back(ProgramText.data());
  std::vector<std::string> ArgsCopy = Args; // posix_spawn wants char *, not const char *.
  for (std::string &Arg : ArgsCopy)
    Argv.push_back(Arg.data());
  Argv.push_back(nullptr);

  pid_t Pid = 0;
  if (int Err =
          posix_spawn(&Pid, ProgramText.c_str(), Actions.get(), nullptr, Argv.data(), environ))
    return makeError(ErrorKind::Internal, "cannot run " + ProgramText + ": " + std::strerror(Err));

  int Status = 0;
  while (::waitpid(Pid, &Status, 0) < 0) {
    if (errno != EINTR)
      return makeError(ErrorKind::Internal,
                       "waiting for " + Name + " failed: " + std::strerror(errno));
  }
  if (WIFSIGNALED(Status))
    return makeError(ErrorKind::Internal,
                     Name + " was killed by signal " + std::to_string(WTERMSIG(Status)));
  return WEXITSTATUS(Status);
}

} // namespace kiln::cli
