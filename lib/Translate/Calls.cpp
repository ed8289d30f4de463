//===- Calls.cpp - call and call_indirect ---------------------------------===//
//
// Defined functions are called directly with the caller's context. Imports
// and table entries are `VMFuncRef`s: `Code(Context, args...)` with the
// native convention, so a call never needs to know whether the callee is
// compiled Wasm from another instance or a host adapter.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

#include "kiln/ABI/VMContext.h"

namespace kiln::translate {

using abi::TrapCode;
namespace offsets = abi::offsets;

llvm::Value *FunctionTranslator::emitCall(llvm::FunctionCallee Callee, llvm::Value *CalleeContext,
                                          const wasm::FuncType &Sig) {
  std::vector<llvm::Value *> Args{CalleeContext};
  for (llvm::Value *Arg : popN(Sig.Params.size()))
    Args.push_back(Arg);
  llvm::CallInst *Call = B.CreateCall(Callee, Args);
  if (Sig.Results.size() == 1) {
    Call->setName("call");
    push(Call);
  } else if (Sig.Results.size() > 1) {
    Call->setName("call");
    for (unsigned Index = 0; Index < Sig.Results.size(); ++Index)
      push(B.CreateExtractValue(Call, Index, "call.result"));
  }
  return Call;
}

void FunctionTranslator::translateDirectCall(uint32_t CalleeIndex) {
  const wasm::FuncType &Sig = Wasm.funcType(CalleeIndex);
  if (CalleeIndex >= Wasm.ImportedFuncCount) {
    emitCall(MC.definedFunction(CalleeIndex), Context, Sig);
    return;
  }
  // Functions[i] of an import is fixed at instantiation.
  llvm::Value *Functions = loadContextField(offsets::Functions, MC.PtrTy, "functions");
  llvm::Value *Entry = byteOffset(Functions, uint64_t{CalleeIndex} * offsets::FuncRefSize,
                                  "import" + llvm::Twine(CalleeIndex));
  llvm::Value *Code = loadInvariant(MC.PtrTy, Entry, offsets::FuncRefCode, "import.code");
  llvm::Value *CalleeContext =
      loadInvariant(MC.PtrTy, Entry, offsets::FuncRefContext, "import.ctx");
  emitCall(llvm::FunctionCallee(MC.nativeType(Sig), Code), CalleeContext, Sig);
}

void FunctionTranslator::translateCallIndirect(uint32_t TypeIndex, uint32_t TableIndex) {
  const wasm::FuncType &Sig = Wasm.Types[TypeIndex];
  llvm::Value *Index = pop();
  llvm::Value *Slot = tableElementAddress(TableIndex, Index, TrapCode::UndefinedElement);
  llvm::Value *FuncRef = B.CreateLoad(MC.PtrTy, Slot, "funcref");
  emitTrapIf(B.CreateIsNull(FuncRef, "funcref.null"), TrapCode::UninitializedElement);

  // Signature ids are canonical for the process, so this one compare also
  // accepts functions of structurally equal types from other modules.
  llvm::Value *ActualId = B.CreateLoad(MC.I32Ty, byteOffset(FuncRef, offsets::FuncRefSignatureId),
                                       "sig.actual");
  llvm::Value *Ids = loadContextField(offsets::TypeSignatureIds, MC.PtrTy, "sig.ids");
  llvm::Value *ExpectedId =
      loadInvariant(MC.I32Ty, Ids, uint64_t{TypeIndex} * 4, "sig.expected");
  emitTrapIf(B.CreateICmpNE(ActualId, ExpectedId, "sig.mismatch"),
             TrapCode::IndirectCallTypeMismatch);

  llvm::Value *Code = B.CreateLoad(MC.PtrTy, FuncRef, "callee.code");
  llvm::Value *CalleeContext =
      B.CreateLoad(MC.PtrTy, byteOffset(FuncRef, offsets::FuncRefContext), "callee.ctx");
  emitCall(llvm::FunctionCallee(MC.nativeType(Sig), Code), CalleeContext, Sig);
}

llvm::Error FunctionTranslator::translateCall(const wasm::Instruction &I) {
  switch (I.Op) {
  case wasm::Opcode::Call: translateDirectCall(I.Index); break;
  case wasm::Opcode::CallIndirect: translateCallIndirect(I.Index, I.Index2); break;
  default: return unsupported(I, "call");
  }
  return llvm::Error::success();
}

} // namespace kiln::translate
