//===- Translate.cpp - translateModule: the public entry point ------------===//
#include "kiln/Translate/Translate.h"

#include "DebugInfo.h"
#include "FunctionTranslator.h"
#include "ModuleContext.h"
#include "Trampolines.h"

#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

namespace kiln::translate {

Expected<std::unique_ptr<llvm::Module>> translateModule(const wasm::Module &M,
                                                         llvm::LLVMContext &Context,
                                                         const TranslateOptions &Options) {
  auto LLVM = std::make_unique<llvm::Module>(Options.ModuleName, Context);
  LLVM->setSourceFileName(Options.ModuleName);
  // The ABI is 64-bit little-endian (docs/ABI.md); this generic layout
  // gives i64 and pointers their natural alignment until CodeGen sets the
  // target's own layout.
  LLVM->setDataLayout("e-i64:64-i128:128-n32:64-S128");
  ModuleContext MC(M, *LLVM, Options);
  MC.declareFunctions();
  std::optional<DebugInfo> Debug;
  if (Options.DebugInfo)
    Debug.emplace(MC);
  for (uint32_t Index = M.ImportedFuncCount; Index < M.FuncSpace.size(); ++Index) {
    FunctionTranslator Translator(MC, Index, Debug ? &*Debug : nullptr);
    if (llvm::Error E = Translator.translate()) {
      Error Failure(ErrorKind::Unsupported, llvm::toString(std::move(E)));
      Failure.inFunction(Index);
      if (std::optional<uint64_t> Offset = Translator.currentOffset())
        Failure.atOffset(*Offset);
      return std::unexpected(std::move(Failure));
    }
  }
  emitTrampolinesAndTables(MC);
  if (Debug)
    Debug->finalize();

  // A broken module here is a translator bug; report it rather than let
  // code generation crash on it.
  std::string Problems;
  llvm::raw_string_ostream Stream(Problems);
  if (llvm::verifyModule(*LLVM, &Stream))
    return makeError(ErrorKind::Internal, "translator produced invalid IR: " + Problems);
  return LLVM;
}

} // namespace kiln::translate
