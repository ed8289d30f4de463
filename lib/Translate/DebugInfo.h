//===- DebugInfo.h - DWARF that maps code back to module offsets -*- C++ -*-===//
//
// With TranslateOptions::DebugInfo, each function gets a DISubprogram and
// each instruction a location whose line is the instruction's byte offset
// in the module: a debugger or profiler then names the Wasm function and
// the exact instruction, e.g. `wasm.fac () at fac.wasm:113`.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_TRANSLATE_DEBUGINFO_H
#define KILN_LIB_TRANSLATE_DEBUGINFO_H

#include "llvm/IR/DIBuilder.h"
#include "llvm/IR/DebugInfoMetadata.h"

#include <cstdint>
#include <string>

namespace kiln::translate {

class ModuleContext;

class DebugInfo {
public:
  /// Starts a compile unit named after the module.
  explicit DebugInfo(ModuleContext &MC);
  /// Gives defined function `FuncIndex` (already declared) a subprogram.
  llvm::DISubprogram *describeFunction(uint32_t FuncIndex);
  /// The location of the instruction at module offset `Offset`.
  llvm::DILocation *location(llvm::DISubprogram *Function, uint64_t Offset) const;
  /// Completes the metadata; call once every function is translated.
  void finalize();

private:
  ModuleContext &MC;
  llvm::DIBuilder Builder;
  llvm::DIFile *File;
  llvm::DISubroutineType *FunctionType;
};

} // namespace kiln::translate

#endif // KILN_LIB_TRANSLATE_DEBUGINFO_H
