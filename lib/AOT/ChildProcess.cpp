//===- ChildProcess.cpp - Running a tool with its output captured ---------===//
#include "ChildProcess.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char **environ;

namespace kiln::aot {

Expected<ChildResult> runChild(std::vector<std::string> Args) {
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
  ChildResult Result;
  pid_t Child = 0;
  Result.SpawnError = posix_spawnp(&Child, Argv[0], &Actions, nullptr, Argv.data(), environ);
  posix_spawn_file_actions_destroy(&Actions);
  close(Pipe[1]);
  if (Result.SpawnError != 0) {
    close(Pipe[0]);
    return Result;
  }
  char Buffer[4096];
  for (ssize_t Count; (Count = read(Pipe[0], Buffer, sizeof Buffer)) != 0;)
    if (Count > 0)
      Result.Output.append(Buffer, static_cast<size_t>(Count));
    else if (errno != EINTR)
      break;
  close(Pipe[0]);
  int Status = 0;
  while (waitpid(Child, &Status, 0) < 0 && errno == EINTR) {
  }
  Result.Status = WIFEXITED(Status) ? WEXITSTATUS(Status) : 128 + WTERMSIG(Status);
  return Result;
}

} // namespace kiln::aot
