//===- main.cpp - wasm2native: compile a Wasm module to native code -------===//
#include "Options.h"

#include "kiln/AOT/AOT.h"
#include "kiln/CodeGen/CodeGen.h"
#include "kiln/Runtime/LinkedModule.h"
#include "kiln/Support/Files.h"
#include "kiln/Translate/Translate.h"
#include "kiln/Text/Parser.h"
#include "kiln/Text/SourceMap.h"
#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Encoder.h"
#include "kiln/Wasm/Validator.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Target/TargetMachine.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

namespace {

using namespace kiln;
using wasm2native::Options;

constexpr int ExitFailure = 1;

Expected<std::vector<uint8_t>> readInput(const std::string &Path) {
  if (Path == "-")
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(std::cin), {});
  return readFileBytes(Path);
}

/// Standard output, or a temporary file renamed into place: an interrupted
/// or failed write never leaves a partial output.
Expected<void> writeOutput(const std::string &Path, const std::string &Data) {
  if (Path == "-") {
    std::cout.write(Data.data(), static_cast<std::streamsize>(Data.size()));
    std::cout.flush();
    if (!std::cout)
      return makeError(ErrorKind::Io, "cannot write to standard output");
    return {};
  }
  return aot::writeFiles({{Path, Data}});
}

/// Optimises (when asked) and emits the translated module.
Expected<std::string> generate(llvm::Module &M, const Options &Opts) {
  bool PrintAsTranslated = Opts.Emit == codegen::OutputKind::LLVMAssembly && !Opts.Level;
  codegen::OptLevel Level = Opts.Level.value_or(codegen::OptLevel::O2);
  bool NeedsTarget = !PrintAsTranslated || !Opts.Target.Triple.empty();
  if (NeedsTarget) {
    auto Target = codegen::resolveTargetSpec(Opts.Target);
    if (!Target)
      return forwardError(Target);
    auto TM = codegen::createTargetMachine(*Target, Level, codegen::CodeUse::Artifact);
    if (!TM)
      return forwardError(TM);
    codegen::prepareModule(M, **TM);
    if (!PrintAsTranslated)
      codegen::optimizeModule(M, **TM, Level);
    return codegen::emitModule(M, **TM, Opts.Emit);
  }
  std::string Text;
  llvm::raw_string_ostream Stream(Text);
  M.print(Stream, nullptr);
  return Text;
}

/// The input as a validated module: binary, or text (.wat) told apart by
/// content. Errors in text come back already placed as `FILE:LINE:COL`.
Expected<wasm::Module> loadModule(const std::vector<uint8_t> &Bytes, const std::string &Name) {
  std::string_view Source(reinterpret_cast<const char *>(Bytes.data()), Bytes.size());
  if (!text::looksLikeText(Source)) {
    auto Module = wasm::decodeModule(Bytes);
    if (!Module)
      return forwardError(Module);
    if (auto Valid = wasm::validateModule(*Module); !Valid)
      return forwardError(Valid);
    return Module;
  }
  auto Module = text::parseModule(Source);
  if (!Module)
    return makeError(Module.error().kind(), text::formatTextError(Module.error(), Name, Source));
  if (auto Valid = wasm::validateModule(*Module); !Valid)
    return makeError(Valid.error().kind(), text::formatTextError(Valid.error(), Name, Source));
  return Module;
}

/// The input's bytes and the validated module they hold.
struct ModuleInput {
  std::vector<uint8_t> Bytes;
  wasm::Module Module;
};

Expected<ModuleInput> loadInput(const Options &Opts) {
  auto Bytes = readInput(Opts.Input);
  if (!Bytes)
    return forwardError(Bytes);
  auto Module = loadModule(*Bytes, Opts.Input);
  if (!Module)
    return forwardError(Module);
  return ModuleInput{std::move(*Bytes), std::move(*Module)};
}

/// --emit=llvm and --emit=asm: one LLVM module, printed.
Expected<std::string> compile(const Options &Opts) {
  auto Loaded = loadInput(Opts);
  if (!Loaded)
    return forwardError(Loaded);
  llvm::LLVMContext Context;
  translate::TranslateOptions TranslateOpts = Opts.Translation;
  TranslateOpts.ModuleName = Opts.Input;
  auto Translated = translate::translateModule(Loaded->Module, Context, TranslateOpts);
  if (!Translated)
    return forwardError(Translated);
  return generate(**Translated, Opts);
}

/// The input with binary bytes: text is encoded, since the compiled outputs
/// embed the module as a binary.
Expected<ModuleInput> loadBinaryInput(const Options &Opts) {
  auto Loaded = loadInput(Opts);
  if (!Loaded)
    return forwardError(Loaded);
  std::string_view Source(reinterpret_cast<const char *>(Loaded->Bytes.data()),
                          Loaded->Bytes.size());
  if (text::looksLikeText(Source))
    Loaded->Bytes = wasm::encodeModule(Loaded->Module);
  return Loaded;
}

/// The object an artifact is linked from (also the start of --emit=exe and
/// --emit=obj --header).
Expected<std::string> compileArtifactObject(const ModuleInput &Input, const Options &Opts) {
  aot::ArtifactOptions Artifact;
  Artifact.Level = Opts.Level.value_or(codegen::OptLevel::O2);
  Artifact.Target = Opts.Target;
  Artifact.Translation = Opts.Translation;
  Artifact.Translation.ModuleName = Opts.Input;
  Artifact.Jobs = Opts.Jobs;
  Artifact.PartitionSizeInBytes = Opts.PartitionSizeInBytes;
  return aot::compileArtifactObject(Input.Bytes, Input.Module, Artifact);
}

/// Compiles and links an artifact.
Expected<void> compileArtifact(const Options &Opts) {
  auto Input = loadBinaryInput(Opts);
  if (!Input)
    return forwardError(Input);
  auto Object = compileArtifactObject(*Input, Opts);
  if (!Object)
    return forwardError(Object);
  if (Opts.Output == "-")
    return makeError(ErrorKind::Usage, "an artifact cannot be written to standard output");
  return aot::linkArtifact(*Object, Opts.Output);
}

/// "aarch64" of "aarch64-linux-gnu" ("arm64" spelled the LLVM way).
std::string architectureOf(const std::string &Triple) {
  std::string Arch = Triple.substr(0, Triple.find('-'));
  return Arch == "arm64" ? "aarch64" : Arch;
}

/// An executable for another architecture links with a runtime archive
/// and a compiler driver for that architecture, which only the user can
/// name: linking the host's archive would fail with a linker message far
/// from the cause.
Expected<void> checkCrossLink(const Options &Opts) {
  if (Opts.Target.Triple.empty())
    return {};
  std::string Target = architectureOf(Opts.Target.Triple);
  if (Target == architectureOf(codegen::TargetSpec::host().Triple))
    return {};
  const char *Archive = std::getenv("KILN_RUNTIME_ARCHIVE");
  const char *Driver = std::getenv("KILN_CXX");
  if (Archive && *Archive && Driver && *Driver)
    return {};
  return makeError(ErrorKind::Usage,
                   "an executable for " + Target + " links with a runtime built for " + Target +
                       ": set KILN_RUNTIME_ARCHIVE to its libkiln-runtime.a and KILN_CXX to a "
                       "compiler driver for it (e.g. " + Target + "-linux-gnu-g++)");
}

/// --emit=exe: what cannot work (no runtime archive, no _start) is refused
/// before compiling.
Expected<void> compileExecutable(const Options &Opts) {
  if (Opts.Output == "-")
    return makeError(ErrorKind::Usage, "an executable cannot be written to standard output");
  if (auto Linkable = checkCrossLink(Opts); !Linkable)
    return Linkable;
  auto Archive = aot::findRuntimeArchive();
  if (!Archive)
    return forwardError(Archive);
  auto Input = loadBinaryInput(Opts);
  if (!Input)
    return forwardError(Input);
  if (auto Runnable = aot::checkExecutableModule(Input->Module); !Runnable)
    return Runnable;
  auto Object = compileArtifactObject(*Input, Opts);
  if (!Object)
    return forwardError(Object);
  auto Linkable = aot::makeLinkableObject(*Object, runtime::ExecutableModuleName);
  if (!Linkable)
    return forwardError(Linkable);
  return aot::linkExecutable(*Linkable, *Archive, Opts.Output);
}

/// The output's file name without directory and extension.
std::string outputStem(const std::string &Path) {
  std::string Stem = Path.substr(Path.rfind('/') + 1);
  return Stem.substr(0, Stem.find('.'));
}

/// The module's C name: --name, else the output's (or, for standard
/// output, the input's) file name without extension, made a C identifier.
std::string linkableName(const Options &Opts) {
  if (!Opts.ModuleName.empty())
    return aot::sanitizeCIdentifier(Opts.ModuleName);
  return aot::sanitizeCIdentifier(outputStem(Opts.Output == "-" ? Opts.Input : Opts.Output));
}

/// --emit=obj: an object a C or C++ program links together with
/// libkiln-runtime.a (its symbols are prefixed with the module's C name, so
/// several modules link into one program), and with --header the C header
/// declaring its entry points. Object and header are written through
/// temporary files, so a failure leaves neither.
Expected<void> compileLinkable(const Options &Opts) {
  auto Input = loadBinaryInput(Opts);
  if (!Input)
    return forwardError(Input);
  std::string Name = linkableName(Opts);
  auto Object = compileArtifactObject(*Input, Opts);
  if (!Object)
    return forwardError(Object);
  auto Linkable = aot::makeLinkableObject(*Object, Name);
  if (!Linkable)
    return forwardError(Linkable);
  if (Opts.HeaderPath.empty())
    return writeOutput(Opts.Output, *Linkable);
  std::string Header = aot::generateCHeader(Input->Module, Name, Opts.Input);
  return aot::writeFiles({{Opts.Output, *Linkable}, {Opts.HeaderPath, Header}});
}

int fail(std::string_view Message) {
  std::cerr << "wasm2native: error: " << Message << std::endl;
  return ExitFailure;
}

/// Reports `E`: input errors carry an offset into the file; others stand alone.
int fail(const Error &E, const Options &Opts) {
  return fail(E.format(E.byteOffset() || E.functionIndex() ? Opts.Input : ""));
}

} // namespace

int main(int Argc, char **Argv) {
  auto Parsed = wasm2native::parseCommandLine(Argc, Argv);
  if (!Parsed)
    return fail(Parsed.error().message() + " (see 'wasm2native --help')");
  if (!Parsed->Run)
    return Parsed->ExitStatus;
  const Options &Opts = *Parsed->Run;
  bool EmitObject = !Opts.EmitArtifact && !Opts.EmitExecutable &&
                    Opts.Emit == codegen::OutputKind::Object;
  if (Opts.EmitArtifact || Opts.EmitExecutable || EmitObject) {
    auto Written = Opts.EmitArtifact     ? compileArtifact(Opts)
                   : Opts.EmitExecutable ? compileExecutable(Opts)
                                         : compileLinkable(Opts);
    if (!Written)
      return fail(Written.error(), Opts);
    return 0;
  }
  auto Output = compile(Opts);
  if (!Output)
    return fail(Output.error(), Opts);
  if (auto Written = writeOutput(Opts.Output, *Output); !Written)
    return fail(Written.error().message());
  return 0;
}
