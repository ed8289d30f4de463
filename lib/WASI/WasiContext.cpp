//===- WasiContext.cpp - A program's view of the host ---------------------===//
#include "kiln/WASI/WasiContext.h"

#include "State.h"
#include "StatConversion.h"

#include "kiln/Runtime/Instance.h"
#include "kiln/Wasm/Module.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiln::wasi {
namespace {

/// A duplicate of host stdio fd `Host` as a guest fd entry. Character
/// devices lack the seek rights, which is how wasi-libc's isatty tells a
/// terminal (and so picks line buffering).
FdEntry stdioEntry(int Host) {
  FdEntry Entry;
  Entry.Host = OwnedFd(fcntl(Host, F_DUPFD_CLOEXEC, 0));
  Entry.RightsBase = abi::AllRights;
  struct stat St;
  if (Entry.Host && fstat(Entry.Host.get(), &St) == 0 && S_ISCHR(St.st_mode))
    Entry.RightsBase &= ~(abi::RightFdSeek | abi::RightFdTell);
  return Entry;
}

} // namespace

WasiContext::WasiContext(std::unique_ptr<detail::State> S) : S(std::move(S)) {}

WasiContext::~WasiContext() = default;

Expected<std::unique_ptr<WasiContext>> WasiContext::create(WasiConfig Config) {
  auto S = std::make_unique<detail::State>();
  S->Args = std::move(Config.Args);
  S->Env = std::move(Config.Env);
  for (int Host : {Config.StdinFd, Config.StdoutFd, Config.StderrFd})
    S->Fds.insert(stdioEntry(Host));
  for (const Preopen &P : Config.Preopens) {
    OwnedFd Dir(open(P.HostPath.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!Dir)
      return makeError(ErrorKind::Io, "cannot open directory '" + P.HostPath +
                                          "': " + std::strerror(errno));
    FdEntry Entry;
    Entry.Host = std::move(Dir);
    Entry.PreopenPath = P.GuestPath;
    Entry.RightsBase = abi::AllRights;
    Entry.RightsInheriting = abi::AllRights;
    S->Fds.insert(std::move(Entry));
  }
  return std::unique_ptr<WasiContext>(new WasiContext(std::move(S)));
}

Expected<void> WasiContext::bindInstance(const runtime::Instance &I) {
  auto Memory = I.exportNamed("memory");
  if (!Memory || !Memory->memory())
    return makeError(ErrorKind::Unlinkable,
                     "a module importing " + std::string(ModuleName) +
                         " must export its memory as \"memory\"");
  S->Memory = Memory->memory();
  return {};
}

void WasiContext::bindMemory(runtime::LinearMemory *Memory) { S->Memory = Memory; }

std::optional<uint32_t> WasiContext::exitCode() const { return S->ExitCode; }

bool WasiContext::isImportedBy(const wasm::Module &M) {
  for (const wasm::Import &Imp : M.Imports)
    if (Imp.ModuleName == ModuleName)
      return true;
  return false;
}

} // namespace kiln::wasi
