//===- DebugInfo.cpp - DWARF that maps code back to module offsets --------===//
#include "DebugInfo.h"

#include "ModuleContext.h"

#include "llvm/BinaryFormat/Dwarf.h"

#include <limits>

namespace kiln::translate {

DebugInfo::DebugInfo(ModuleContext &MC)
    : MC(MC), Builder(MC.LLVM), File(Builder.createFile(MC.Options.ModuleName, ".")),
      FunctionType(Builder.createSubroutineType(Builder.getOrCreateTypeArray({}))) {
  // There is no DWARF language code for WebAssembly; C makes debuggers show
  // plain names and frames.
  Builder.createCompileUnit(llvm::dwarf::DW_LANG_C, File, "Kiln", /*isOptimized=*/false, "",
                            /*RV=*/0);
  MC.LLVM.addModuleFlag(llvm::Module::Warning, "Debug Info Version",
                        llvm::DEBUG_METADATA_VERSION);
  MC.LLVM.addModuleFlag(llvm::Module::Warning, "Dwarf Version", 5);
}

/// DWARF lines are 32-bit; a module of 4 GiB is not a concern in practice.
static unsigned lineOf(uint64_t Offset) {
  return static_cast<unsigned>(std::min<uint64_t>(Offset, std::numeric_limits<unsigned>::max()));
}

llvm::DISubprogram *DebugInfo::describeFunction(uint32_t FuncIndex) {
  llvm::Function *F = MC.definedFunction(FuncIndex);
  const wasm::FunctionBody &Body = MC.Wasm.Bodies[FuncIndex - MC.Wasm.ImportedFuncCount];
  std::string Name = F->getName().str();
  llvm::StringRef Display = llvm::StringRef(Name).drop_front(std::string_view("wasm.").size());
  unsigned Line = lineOf(Body.Offset);
  llvm::DISubprogram *Subprogram = Builder.createFunction(
      File, Display, Name, File, Line, FunctionType, Line, llvm::DINode::FlagPrototyped,
      llvm::DISubprogram::SPFlagDefinition | llvm::DISubprogram::SPFlagLocalToUnit);
  F->setSubprogram(Subprogram);
  return Subprogram;
}

llvm::DILocation *DebugInfo::location(llvm::DISubprogram *Function, uint64_t Offset) const {
  return llvm::DILocation::get(MC.Ctx, lineOf(Offset), 0, Function);
}

void DebugInfo::finalize() { Builder.finalize(); }

} // namespace kiln::translate
