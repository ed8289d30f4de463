//===- References.cpp - ref.null, ref.is_null, ref.func -------------------===//
//
// A funcref is a `VMFuncRef *` and an externref an opaque host pointer;
// null is ref.null for both. `ref.func N` is `&Functions[N]`, the same entry
// calls through an import use, so references compare equal across tables.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

#include "kiln/ABI/VMContext.h"

#include "llvm/IR/Constants.h"

namespace kiln::translate {

using wasm::Opcode;

llvm::Error FunctionTranslator::translateReference(const wasm::Instruction &I) {
  switch (I.Op) {
  case Opcode::RefNull: push(llvm::ConstantPointerNull::get(MC.PtrTy)); break;
  case Opcode::RefIsNull:
    push(B.CreateZExt(B.CreateIsNull(pop()), MC.I32Ty, "ref.is_null"));
    break;
  case Opcode::RefFunc: {
    llvm::Value *Functions = loadContextField(abi::offsets::Functions, MC.PtrTy, "functions");
    push(byteOffset(Functions, uint64_t{I.Index} * abi::offsets::FuncRefSize,
                    "ref.func" + llvm::Twine(I.Index)));
    break;
  }
  default: return unsupported(I, "reference");
  }
  return llvm::Error::success();
}

} // namespace kiln::translate
