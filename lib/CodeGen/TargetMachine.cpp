//===- TargetMachine.cpp - A TargetMachine per compile --------------------===//
#include "kiln/CodeGen/CodeGen.h"

#include "Targets.h"

#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"

namespace kiln::codegen {

static llvm::CodeGenOptLevel codeGenLevel(OptLevel Level) {
  switch (Level) {
  case OptLevel::O0: return llvm::CodeGenOptLevel::None;
  case OptLevel::O1: return llvm::CodeGenOptLevel::Less;
  case OptLevel::O2: return llvm::CodeGenOptLevel::Default;
  case OptLevel::O3: return llvm::CodeGenOptLevel::Aggressive;
  }
  return llvm::CodeGenOptLevel::Default;
}

Expected<std::unique_ptr<llvm::TargetMachine>> createTargetMachine(const TargetSpec &Resolved,
                                                                   OptLevel Level, CodeUse Use) {
  initializeTargets();
  std::string Problem;
  const llvm::Target *Target = llvm::TargetRegistry::lookupTarget(Resolved.Triple, Problem);
  if (!Target)
    return makeError(ErrorKind::Unsupported,
                     "unknown target '" + Resolved.Triple + "': " + Problem);
  llvm::TargetOptions Options;
  // Functions and data in sections of their own let the linker drop unused
  // code from AOT artifacts; the JIT links whole modules anyway.
  Options.FunctionSections = Use == CodeUse::Artifact;
  // PIC with the small code model suits both JITLink (which keeps a graph
  // within 2 GiB) and shared-object artifacts.
  std::unique_ptr<llvm::TargetMachine> TM(Target->createTargetMachine(
      Resolved.Triple, Resolved.CPU, Resolved.featureString(), Options, llvm::Reloc::PIC_,
      llvm::CodeModel::Small, codeGenLevel(Level), /*JIT=*/Use == CodeUse::JIT));
  if (!TM)
    return makeError(ErrorKind::Unsupported,
                     "LLVM cannot generate code for " + Resolved.describe());
  return TM;
}

void prepareModule(llvm::Module &M, llvm::TargetMachine &TM) {
  M.setTargetTriple(TM.getTargetTriple().str());
  M.setDataLayout(TM.createDataLayout());
}

} // namespace kiln::codegen
