//===- Translate.cpp - translateModule and translatePartition -------------===//
#include "kiln/Translate/Translate.h"
#include "kiln/Translate/Partition.h"

#include "DebugInfo.h"
#include "FunctionTranslator.h"
#include "ModuleContext.h"
#include "Trampolines.h"

#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

namespace kiln::translate {

namespace {

/// What one LLVM module defines: a range of functions and, for the first
/// (or only) partition, the trampolines and tables.
struct ModuleShape {
  FunctionRange Functions;
  bool HoldsTables = true;
  bool SharedAcrossPartitions = false;
};

/// Declarations of other partitions' functions that nothing here uses would
/// still become (undefined, hidden) symbols of the object; drop them.
void dropUnusedDeclarations(llvm::Module &LLVM) {
  for (llvm::Function &F : llvm::make_early_inc_range(LLVM))
    if (F.isDeclaration() && F.use_empty() && F.getName().starts_with("wasm."))
      F.eraseFromParent();
}

Expected<std::unique_ptr<llvm::Module>> translateShape(const wasm::Module &M,
                                                       llvm::LLVMContext &Context,
                                                       const TranslateOptions &Options,
                                                       const ModuleShape &Shape) {
  auto LLVM = std::make_unique<llvm::Module>(Options.ModuleName, Context);
  LLVM->setSourceFileName(Options.ModuleName);
  // The ABI is 64-bit little-endian (docs/ABI.md); this generic layout
  // gives i64 and pointers their natural alignment until CodeGen sets the
  // target's own layout.
  LLVM->setDataLayout("e-i64:64-i128:128-n32:64-S128");
  ModuleContext MC(M, *LLVM, Options);
  MC.declareFunctions(Shape.SharedAcrossPartitions);
  std::optional<DebugInfo> Debug;
  if (Options.DebugInfo)
    Debug.emplace(MC);
  for (uint32_t Index = Shape.Functions.First; Index < Shape.Functions.End; ++Index) {
    FunctionTranslator Translator(MC, Index, Debug ? &*Debug : nullptr);
    if (llvm::Error E = Translator.translate()) {
      Error Failure(ErrorKind::Unsupported, llvm::toString(std::move(E)));
      Failure.inFunction(Index);
      if (std::optional<uint64_t> Offset = Translator.currentOffset())
        Failure.atOffset(*Offset);
      return std::unexpected(std::move(Failure));
    }
  }
  if (Shape.HoldsTables)
    emitTrampolinesAndTables(MC);
  if (Debug)
    Debug->finalize();
  if (Shape.SharedAcrossPartitions)
    dropUnusedDeclarations(*LLVM);

  // A broken module here is a translator bug; report it rather than let
  // code generation crash on it.
  std::string Problems;
  llvm::raw_string_ostream Stream(Problems);
  if (llvm::verifyModule(*LLVM, &Stream))
    return makeError(ErrorKind::Internal, "translator produced invalid IR: " + Problems);
  return LLVM;
}

} // namespace

Expected<std::unique_ptr<llvm::Module>> translateModule(const wasm::Module &M,
                                                         llvm::LLVMContext &Context,
                                                         const TranslateOptions &Options) {
  ModuleShape Whole;
  Whole.Functions = {M.ImportedFuncCount, static_cast<uint32_t>(M.FuncSpace.size())};
  return translateShape(M, Context, Options, Whole);
}

Expected<std::unique_ptr<llvm::Module>>
translatePartition(const wasm::Module &M, llvm::LLVMContext &Context,
                   const TranslateOptions &Options, std::span<const FunctionRange> Plan,
                   size_t Index) {
  assert(Index < Plan.size() && "partition index out of the plan");
  ModuleShape Part;
  Part.Functions = Plan[Index];
  Part.HoldsTables = Index == 0;
  Part.SharedAcrossPartitions = Plan.size() > 1;
  return translateShape(M, Context, Options, Part);
}

} // namespace kiln::translate
