//===- ArtifactObject.cpp - The object file an artifact is linked from ----===//
//
// The header goes into the object as an exported constant in its own
// section, so the linked shared object carries it where the loader can find
// it from the file (by section name) before mapping anything. A module of
// several partitions (kiln/Translate/Partition.h) is compiled in parallel
// and its objects merged into the one object returned.
//
//===----------------------------------------------------------------------===//
#include "kiln/AOT/AOT.h"

#include "Partitions.h"

#include "kiln/CodeGen/CodeGen.h"
#include "kiln/Runtime/ArtifactFormat.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/Target/TargetMachine.h"

namespace kiln::aot {

namespace {

/// Every feature the code may use: what the CPU implies plus the explicit
/// list, as the subtarget resolved them. Recording only the explicit list
/// would let "--cpu=skylake-avx512" load on a CPU without AVX-512.
std::vector<std::string> enabledFeatures(const llvm::TargetMachine &TM) {
  const llvm::MCSubtargetInfo *Info = TM.getMCSubtargetInfo();
  std::vector<std::string> Features;
  for (const llvm::SubtargetFeatureKV &KV : Info->getAllProcessorFeatures())
    if (Info->getFeatureBits().test(KV.Value))
      Features.emplace_back(KV.Key);
  return Features;
}

std::string describeOptions(const ArtifactOptions &Options) {
  const translate::TranslateOptions &T = Options.Translation;
  std::string Text(codegen::optLevelName(Options.Level));
  Text += T.MemoryBoundsChecks == translate::BoundsChecks::Explicit
              ? " bounds-checks=explicit"
              : " bounds-checks=guard-pages";
  Text += T.FramePointers ? " frame-pointers=on" : " frame-pointers=off";
  Text += T.DebugInfo ? " debug-info=on" : " debug-info=off";
  return Text;
}

void embedHeader(llvm::Module &M, const runtime::ArtifactHeader &Header) {
  std::vector<uint8_t> Encoded = runtime::encodeArtifactHeader(Header);
  llvm::Constant *Data = llvm::ConstantDataArray::get(M.getContext(), llvm::ArrayRef(Encoded));
  auto *Global = new llvm::GlobalVariable(M, Data->getType(), /*isConstant=*/true,
                                          llvm::GlobalValue::ExternalLinkage, Data,
                                          std::string(runtime::ArtifactSymbolName));
  Global->setSection(std::string(runtime::ArtifactSectionName));
  Global->setAlignment(llvm::Align(8));
}

runtime::ArtifactHeader makeHeader(std::span<const uint8_t> ModuleBytes,
                                   const codegen::TargetSpec &Target,
                                   const llvm::TargetMachine &TM, const ArtifactOptions &Options) {
  runtime::ArtifactHeader Header;
  Header.KilnVersion = KILN_VERSION;
  Header.Triple = Target.Triple;
  Header.CPU = Target.CPU;
  Header.CPUFeatures = enabledFeatures(TM);
  Header.WasmFeatures = Options.WasmFeatures.describe();
  Header.CompileOptions = describeOptions(Options);
  Header.ModuleBytes.assign(ModuleBytes.begin(), ModuleBytes.end());
  Header.ModuleHash = runtime::hashModuleBytes(Header.ModuleBytes);
  return Header;
}

/// One partition, start to finish, in a context and with a TargetMachine of
/// its own (neither is thread-safe); the first partition carries the header.
Expected<std::string> compilePartition(std::span<const uint8_t> ModuleBytes,
                                       const wasm::Module &Module,
                                       const codegen::TargetSpec &Target,
                                       const ArtifactOptions &Options,
                                       std::span<const translate::FunctionRange> Plan,
                                       size_t Index) {
  llvm::LLVMContext Context;
  auto IR = translate::translatePartition(Module, Context, Options.Translation, Plan, Index);
  if (!IR)
    return forwardError(IR);
  auto TM = codegen::createTargetMachine(Target, Options.Level, codegen::CodeUse::Artifact);
  if (!TM)
    return forwardError(TM);
  codegen::prepareModule(**IR, **TM);
  codegen::optimizeModule(**IR, **TM, Options.Level);
  // After optimisation, so no pass can look at (or drop) the header.
  if (Index == 0)
    embedHeader(**IR, makeHeader(ModuleBytes, Target, **TM, Options));
  return codegen::emitModule(**IR, **TM, codegen::OutputKind::Object);
}

} // namespace

Expected<std::string> compileArtifactObject(std::span<const uint8_t> ModuleBytes,
                                            const wasm::Module &Module,
                                            const ArtifactOptions &Options) {
  auto Target = codegen::resolveTargetSpec(Options.Target);
  if (!Target)
    return forwardError(Target);
  std::vector<translate::FunctionRange> Plan =
      translate::planPartitions(Module, Options.PartitionSizeInBytes);
  std::vector<Expected<std::string>> Objects(Plan.size());
  auto Ran = forEachPartition(Plan.size(), Options.Jobs, [&](size_t Index) {
    Objects[Index] = compilePartition(ModuleBytes, Module, *Target, Options, Plan, Index);
  });
  if (!Ran)
    return forwardError(Ran);
  // The first failure in partition order: the one a sequential compile of
  // the whole module would report.
  std::vector<std::string> Compiled;
  for (Expected<std::string> &Object : Objects) {
    if (!Object)
      return forwardError(Object);
    Compiled.push_back(std::move(*Object));
  }
  if (Compiled.size() == 1)
    return std::move(Compiled.front());
  return mergeObjects(Compiled, Options.Jobs);
}

Expected<void> writeArtifact(std::span<const uint8_t> ModuleBytes, const wasm::Module &Module,
                             const ArtifactOptions &Options, const std::string &OutputPath) {
  auto Object = compileArtifactObject(ModuleBytes, Module, Options);
  if (!Object)
    return forwardError(Object);
  return linkArtifact(*Object, OutputPath);
}

} // namespace kiln::aot
