//===- main.cpp - wasm2native: compile a Wasm module to native code -------===//
#include "Options.h"

#include "kiln/AOT/AOT.h"
#include "kiln/CodeGen/CodeGen.h"
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
  std::ifstream File(Path, std::ios::binary);
  if (!File)
    return makeError(ErrorKind::Io, "cannot open '" + Path + "'");
  std::vector<uint8_t> Bytes((std::istreambuf_iterator<char>(File)), {});
  if (File.bad())
    return makeError(ErrorKind::Io, "cannot read '" + Path + "'");
  return Bytes;
}

Expected<void> writeOutput(const std::string &Path, const std::string &Data) {
  if (Path == "-") {
    std::cout.write(Data.data(), static_cast<std::streamsize>(Data.size()));
    std::cout.flush();
    return {};
  }
  std::ofstream File(Path, std::ios::binary | std::ios::trunc);
  File.write(Data.data(), static_cast<std::streamsize>(Data.size()));
  File.close();
  if (!File)
    return makeError(ErrorKind::Io, "cannot write '" + Path + "'");
  return {};
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

Expected<std::string> compile(const Options &Opts) {
  auto Bytes = readInput(Opts.Input);
  if (!Bytes)
    return forwardError(Bytes);
  auto Module = loadModule(*Bytes, Opts.Input);
  if (!Module)
    return forwardError(Module);
  llvm::LLVMContext Context;
  translate::TranslateOptions TranslateOpts = Opts.Translation;
  TranslateOpts.ModuleName = Opts.Input;
  auto Translated = translate::translateModule(*Module, Context, TranslateOpts);
  if (!Translated)
    return forwardError(Translated);
  return generate(**Translated, Opts);
}

/// Compiles and links an artifact; it carries the module as a binary, so
/// text input is encoded first.
Expected<void> compileArtifact(const Options &Opts) {
  auto Bytes = readInput(Opts.Input);
  if (!Bytes)
    return forwardError(Bytes);
  auto Module = loadModule(*Bytes, Opts.Input);
  if (!Module)
    return forwardError(Module);
  std::string_view Source(reinterpret_cast<const char *>(Bytes->data()), Bytes->size());
  if (text::looksLikeText(Source))
    *Bytes = wasm::encodeModule(*Module);
  aot::ArtifactOptions Artifact;
  Artifact.Level = Opts.Level.value_or(codegen::OptLevel::O2);
  Artifact.Target = Opts.Target;
  Artifact.Translation = Opts.Translation;
  Artifact.Translation.ModuleName = Opts.Input;
  auto Object = aot::compileArtifactObject(*Bytes, *Module, Artifact);
  if (!Object)
    return forwardError(Object);
  if (Opts.Output == "-")
    return makeError(ErrorKind::Usage, "an artifact cannot be written to standard output");
  return aot::linkArtifact(*Object, Opts.Output);
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
  if (Opts.EmitArtifact) {
    if (auto Written = compileArtifact(Opts); !Written)
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
