//===- kiln/CodeGen/CodeGen.h - From LLVM IR to machine code -----*- C++ -*-===//
//
// Creates the TargetMachine a compile uses, runs the new-pass-manager
// pipeline for an optimisation level, and emits LLVM IR, assembly or an
// object file. Each compile creates its own TargetMachine: nothing here is
// shared between compiles, so any number may run on different threads.
// LLVM types are only forward-declared.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_CODEGEN_CODEGEN_H
#define KILN_CODEGEN_CODEGEN_H

#include "kiln/CodeGen/TargetSpec.h"
#include "kiln/Support/Error.h"

#include <memory>
#include <string>

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace kiln::codegen {

enum class OutputKind : uint8_t {
  LLVMAssembly, ///< Textual LLVM IR.
  Assembly,     ///< Target assembly.
  Object,       ///< A relocatable object file.
};

/// Whether the code runs in this process (the JIT) or is written out.
enum class CodeUse : uint8_t { JIT, Artifact };

/// A TargetMachine for a resolved spec (see `resolveTargetSpec`):
/// position-independent code, small code model.
Expected<std::unique_ptr<llvm::TargetMachine>> createTargetMachine(const TargetSpec &Resolved,
                                                                   OptLevel Level, CodeUse Use);

/// Sets the module's triple and data layout from `TM`; needed before
/// optimising or emitting.
void prepareModule(llvm::Module &M, llvm::TargetMachine &TM);

/// Runs the default pipeline of `Level` (O0: only what correctness needs).
void optimizeModule(llvm::Module &M, llvm::TargetMachine &TM, OptLevel Level);

/// Emits `M` as `Kind`. Emitting assembly or an object consumes the module's
/// machine-code state, so do it once per module.
Expected<std::string> emitModule(llvm::Module &M, llvm::TargetMachine &TM, OutputKind Kind);

} // namespace kiln::codegen

#endif // KILN_CODEGEN_CODEGEN_H
