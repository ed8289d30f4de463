//===- ArtifactBytes.cpp - AOT artifacts as bytes in memory ---------------===//
//
// Loading goes through a memfd opened as /proc/self/fd/N. The fd stays open
// until the module is unloaded: glibc recognises an already loaded object
// by its path name, and a closed fd number would be reused by the next
// artifact, whose dlopen would then return this one.
//
//===----------------------------------------------------------------------===//
#include "ArtifactBytes.h"

#include "DiskFiles.h"

#include "kiln/AOT/AOT.h"
#include "kiln/Runtime/ArtifactLoader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace kiln::engine {

namespace {

std::unexpected<Error> ioError(const std::string &What) {
  return makeError(ErrorKind::Io, What + ": " + std::strerror(errno));
}

/// A private folder under $TMPDIR (or /tmp), removed with its contents.
class ScratchFolder {
public:
  static Expected<ScratchFolder> create() {
    const char *Base = std::getenv("TMPDIR");
    std::string Template = std::string(Base && *Base ? Base : "/tmp") + "/kiln-cache-XXXXXX";
    if (!mkdtemp(Template.data()))
      return ioError("cannot create '" + Template + "'");
    return ScratchFolder(std::move(Template));
  }
  ScratchFolder(ScratchFolder &&Other) noexcept : Path(std::move(Other.Path)) { Other.Path.clear(); }
  ~ScratchFolder() {
    if (!Path.empty())
      rmdir(Path.c_str());
  }
  const std::string &path() const { return Path; }

private:
  explicit ScratchFolder(std::string Path) : Path(std::move(Path)) {}
  std::string Path;
};

/// Keeps the memfd open for as long as the module it holds is loaded, and
/// unloads the module before closing it.
struct MemoryFileModule {
  std::shared_ptr<const runtime::CompiledModule> Module;
  int Fd = -1;
  ~MemoryFileModule() {
    Module.reset();
    close(Fd);
  }
};

aot::ArtifactOptions artifactOptions(const CompileRequest &Request) {
  aot::ArtifactOptions Options;
  Options.Level = Request.Codegen.OptLevel;
  Options.Target = Request.Target;
  Options.WasmFeatures = Request.WasmFeatures;
  Options.Translation.MemoryBoundsChecks = Request.Codegen.BoundsChecks ==
                                                   BoundsCheckStrategy::Explicit
                                               ? translate::BoundsChecks::Explicit
                                               : translate::BoundsChecks::GuardPages;
  Options.Translation.FramePointers = Request.Codegen.FramePointers;
  Options.Translation.DebugInfo = Request.Codegen.DebugInfo;
  return Options;
}

} // namespace

Expected<std::vector<uint8_t>> buildArtifactBytes(const CompileRequest &Request,
                                                  const wasm::Module &Module) {
  auto Object = aot::compileArtifactObject(Request.ModuleBytes, Module, artifactOptions(Request));
  if (!Object)
    return forwardError(Object);
  auto Folder = ScratchFolder::create();
  if (!Folder)
    return forwardError(Folder);
  std::string Path = Folder->path() + "/artifact.so";
  auto Linked = aot::linkArtifact(*Object, Path);
  if (!Linked)
    return forwardError(Linked);
  disk::FileContents Contents;
  int Errno = 0;
  bool Read = disk::readWholeFile(Path, uint64_t(1) << 32, Contents, Errno);
  unlink(Path.c_str());
  if (!Read) {
    errno = Errno;
    return ioError("cannot read the linked artifact '" + Path + "'");
  }
  return std::move(Contents.Bytes);
}

Expected<std::shared_ptr<const runtime::CompiledModule>>
loadArtifactBytes(std::span<const uint8_t> Artifact) {
  int Fd = memfd_create("kiln-cached-artifact", MFD_CLOEXEC);
  if (Fd < 0)
    return ioError("memfd_create");
  if (!disk::writeAll(Fd, Artifact)) {
    auto Failed = ioError("cannot fill the in-memory artifact");
    close(Fd);
    return Failed;
  }
  auto Holder = std::make_shared<MemoryFileModule>();
  Holder->Fd = Fd;
  auto Loaded = runtime::loadArtifact("/proc/self/fd/" + std::to_string(Fd));
  if (!Loaded)
    return forwardError(Loaded);
  Holder->Module = std::move(*Loaded);
  // Aliasing: callers see the module; the holder (and so the fd) lives as
  // long as any of their handles.
  const runtime::CompiledModule *Module = Holder->Module.get();
  return std::shared_ptr<const runtime::CompiledModule>(std::move(Holder), Module);
}

} // namespace kiln::engine
