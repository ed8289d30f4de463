//===- PrecompileEngine.cpp - kiln wast --target: compile, run nothing ----===//
//
// The compiling side of ArtifactFolder.h. It sees the same commands as the
// engine that will run them later and compiles exactly the modules that
// engine will instantiate; everything else is left to the target. Artifacts
// already in the folder are kept (their name covers the module, the Wasm
// features and the level; the folder's target file covers the rest), so a
// second run over the same scripts compiles nothing.
//
//===----------------------------------------------------------------------===//
#include "ArtifactFolder.h"

#include "kiln/AOT/AOT.h"
#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Validator.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kiln::cli {

namespace fs = std::filesystem;

namespace {

/// The folder holds code for one target: DIR/target names it. A folder
/// made for another target or CPU is refused rather than mixed.
Expected<void> claimFolder(const std::string &Folder, const std::string &Target) {
  std::error_code EC;
  fs::create_directories(Folder, EC);
  if (EC)
    return makeError(ErrorKind::Io, "cannot create '" + Folder + "': " + EC.message());
  fs::path Stamp = fs::path(Folder) / "target";
  if (std::ifstream In(Stamp); In) {
    std::stringstream Recorded;
    Recorded << In.rdbuf();
    if (Recorded.str() == Target + '\n')
      return {};
    return makeError(ErrorKind::Usage, "'" + Folder + "' holds artifacts for " +
                                           Recorded.str().substr(0, Recorded.str().find('\n')) +
                                           ", not for " + Target + "; use another folder");
  }
  std::ofstream Out(Stamp);
  Out << Target << '\n';
  if (!Out.flush())
    return makeError(ErrorKind::Io, "cannot write '" + Stamp.string() + "'");
  return {};
}

class PrecompileEngine final : public Engine {
public:
  PrecompileEngine(aot::ArtifactOptions Options, CompilerChoice Choice)
      : Options(std::move(Options)), Choice(std::move(Choice)) {}

  CommandOutcome run(const Command &C) override {
    switch (C.Kind) {
    case CommandKind::Module:
    case CommandKind::AssertUnlinkable:
    case CommandKind::AssertUninstantiable: return precompile(C);
    case CommandKind::AssertTrap:
      if (C.Module)
        return precompile(C);
      break;
    default: break;
    }
    return CommandOutcome::skipped("runs on the target (--target only compiles)");
  }

private:
  CommandOutcome precompile(const Command &C) {
    if (!C.Module || C.Module->Format == ModuleFormat::Text)
      return CommandOutcome::skipped("text module: needs Kiln's text parser");
    if (C.Module->ReaderError)
      return CommandOutcome::failed(*C.Module->ReaderError);
    std::span<const uint8_t> Bytes = C.Module->Bytes;
    std::string Name = artifactFileName(Bytes, Choice);
    std::string Path = (fs::path(Choice.ArtifactDir) / Name).string();
    std::error_code EC;
    if (fs::exists(Path, EC))
      return CommandOutcome::passed("artifact " + Name + " is already there");
    auto Module = wasm::decodeModule(Bytes, Options.WasmFeatures);
    if (!Module)
      return CommandOutcome::failed(Module.error().format());
    if (auto Valid = wasm::validateModule(*Module, Options.WasmFeatures); !Valid)
      return CommandOutcome::failed(Valid.error().format());
    // writeArtifact renames a finished file into place, so an interrupted
    // run never leaves a partial artifact that a later run would trust.
    if (auto Written = aot::writeArtifact(Bytes, *Module, Options, Path); !Written)
      return CommandOutcome::failed(Written.error().format());
    return CommandOutcome::passed("compiled to " + Name);
  }

  aot::ArtifactOptions Options;
  CompilerChoice Choice;
};

} // namespace

Expected<std::unique_ptr<Engine>> createPrecompileEngine(const CompilerChoice &Choice) {
  codegen::TargetSpec Spec;
  Spec.Triple = Choice.Target;
  Spec.CPU = Choice.CPU;
  auto Resolved = codegen::resolveTargetSpec(Spec);
  if (!Resolved)
    return makeError(ErrorKind::Usage, Resolved.error().message());
  if (auto Claimed = claimFolder(Choice.ArtifactDir, Resolved->describe()); !Claimed)
    return forwardError(Claimed);
  aot::ArtifactOptions Options;
  Options.Level = static_cast<codegen::OptLevel>(Choice.OptLevel);
  Options.Target = Spec;
  Options.WasmFeatures = Choice.Enabled;
  return std::unique_ptr<Engine>(std::make_unique<PrecompileEngine>(std::move(Options), Choice));
}

} // namespace kiln::cli
