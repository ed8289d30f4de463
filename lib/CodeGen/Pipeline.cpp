//===- Pipeline.cpp - The new-pass-manager optimisation pipeline ----------===//
#include "kiln/CodeGen/CodeGen.h"

#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Target/TargetMachine.h"

namespace kiln::codegen {

static llvm::OptimizationLevel passLevel(OptLevel Level) {
  switch (Level) {
  case OptLevel::O0: return llvm::OptimizationLevel::O0;
  case OptLevel::O1: return llvm::OptimizationLevel::O1;
  case OptLevel::O2: return llvm::OptimizationLevel::O2;
  case OptLevel::O3: return llvm::OptimizationLevel::O3;
  }
  return llvm::OptimizationLevel::O2;
}

void optimizeModule(llvm::Module &M, llvm::TargetMachine &TM, OptLevel Level) {
  // All analysis managers are local: two compiles share nothing.
  llvm::LoopAnalysisManager LAM;
  llvm::FunctionAnalysisManager FAM;
  llvm::CGSCCAnalysisManager CGAM;
  llvm::ModuleAnalysisManager MAM;
  llvm::PipelineTuningOptions Tuning;
  llvm::PassBuilder PB(&TM, Tuning);
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  llvm::ModulePassManager MPM = Level == OptLevel::O0
                                    ? PB.buildO0DefaultPipeline(llvm::OptimizationLevel::O0)
                                    : PB.buildPerModuleDefaultPipeline(passLevel(Level));
  MPM.run(M, MAM);
}

} // namespace kiln::codegen
