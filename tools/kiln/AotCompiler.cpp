//===- AotCompiler.cpp - The tool's AOT compiler: artifact, then load ------===//
//
// `kiln wast --engine=aot` goes the whole way an AOT user goes: the library
// code behind `wasm2native --emit=artifact` writes a shared object, and the
// runtime's loader (no LLVM) checks and maps it. Artifacts live in a private
// temporary folder and are deleted as soon as they are mapped.
//
//===----------------------------------------------------------------------===//
#include "ModuleCompilers.h"

#include "kiln/AOT/AOT.h"
#include "kiln/Runtime/ArtifactLoader.h"
#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Validator.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace kiln::cli {

namespace {

/// The temporary folder; removed (empty by then) with the compiler.
class ArtifactFolder {
public:
  static Expected<std::shared_ptr<ArtifactFolder>> create() {
    const char *Base = std::getenv("TMPDIR");
    std::string Template = std::string(Base && *Base ? Base : "/tmp") + "/kiln-aot-XXXXXX";
    if (!mkdtemp(Template.data()))
      return makeError(ErrorKind::Io,
                       "cannot create '" + Template + "': " + std::strerror(errno));
    return std::make_shared<ArtifactFolder>(std::move(Template));
  }
  explicit ArtifactFolder(std::string Path) : Path(std::move(Path)) {}
  ~ArtifactFolder() { rmdir(Path.c_str()); }
  /// A fresh name per artifact: the system loader identifies an already
  /// loaded object by its path, so names are never reused.
  std::string nextPath() { return Path + "/module-" + std::to_string(Counter++) + ".so"; }

private:
  std::string Path;
  std::atomic<uint64_t> Counter = 0;
};

Expected<std::shared_ptr<const runtime::CompiledModule>>
compileAndLoad(std::span<const uint8_t> Bytes, const aot::ArtifactOptions &Options,
               ArtifactFolder &Folder) {
  auto Module = wasm::decodeModule(Bytes, Options.WasmFeatures);
  if (!Module)
    return forwardError(Module);
  if (auto Valid = wasm::validateModule(*Module, Options.WasmFeatures); !Valid)
    return forwardError(Valid);
  std::string Path = Folder.nextPath();
  if (auto Written = aot::writeArtifact(Bytes, *Module, Options, Path); !Written)
    return forwardError(Written);
  auto Loaded = runtime::loadArtifact(Path);
  unlink(Path.c_str());
  return Loaded;
}

} // namespace

Expected<ModuleCompiler> createAotCompiler(const CompilerChoice &Choice) {
  auto Folder = ArtifactFolder::create();
  if (!Folder)
    return forwardError(Folder);
  aot::ArtifactOptions Options;
  Options.Level = static_cast<codegen::OptLevel>(Choice.OptLevel);
  Options.WasmFeatures = Choice.Enabled;
  if (Choice.AotPartitionSizeInBytes)
    Options.PartitionSizeInBytes = *Choice.AotPartitionSizeInBytes;
  return ModuleCompiler([Options, Shared = std::move(*Folder)](std::span<const uint8_t> Bytes) {
    return compileAndLoad(Bytes, Options, *Shared);
  });
}

} // namespace kiln::cli
