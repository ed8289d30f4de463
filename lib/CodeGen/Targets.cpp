//===- Targets.cpp - One-time registration of LLVM's targets --------------===//
#include "Targets.h"

#include "llvm/Support/TargetSelect.h"

#include <mutex>

namespace kiln::codegen {

void initializeTargets() {
  // Registration fills process-wide registries; it is the only global
  // state CodeGen touches, and it is written once, before any compile.
  static std::once_flag Once;
  std::call_once(Once, [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
    llvm::InitializeAllAsmParsers();
  });
}

} // namespace kiln::codegen
