//===- Variables.cpp - Locals and globals ---------------------------------===//
//
// Locals are allocas that mem2reg turns into SSA values. Globals live in
// 16-byte `VMGlobal` cells reached through `VMContext::Globals`; imported
// globals point at the exporter's cell, so both kinds are accessed alike.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

#include "kiln/ABI/VMContext.h"

namespace kiln::translate {

using wasm::Opcode;

llvm::Value *FunctionTranslator::globalStorage(uint32_t GlobalIndex) {
  llvm::Value *Globals = loadContextField(abi::offsets::Globals, MC.PtrTy, "globals");
  return loadInvariant(MC.PtrTy, Globals, uint64_t{GlobalIndex} * 8,
                       "global" + llvm::Twine(GlobalIndex) + ".cell");
}

static llvm::Align naturalAlign(llvm::Type *Type) {
  return llvm::Align(Type->getPrimitiveSizeInBits().getFixedValue() / 8);
}

llvm::Error FunctionTranslator::translateVariable(const wasm::Instruction &I) {
  switch (I.Op) {
  case Opcode::LocalGet: {
    llvm::AllocaInst *Local = Locals[I.Index];
    push(B.CreateLoad(Local->getAllocatedType(), Local, Local->getName() + ".val"));
    break;
  }
  case Opcode::LocalSet: B.CreateStore(pop(), Locals[I.Index]); break;
  case Opcode::LocalTee: B.CreateStore(Stack.back(), Locals[I.Index]); break;
  case Opcode::GlobalGet: {
    const wasm::GlobalType &Global = Wasm.GlobalSpace[I.Index];
    llvm::Type *Type = MC.valueType(Global.Type);
    llvm::Value *Cell = globalStorage(I.Index);
    llvm::Align Align = Type->isPointerTy() ? llvm::Align(8) : naturalAlign(Type);
    llvm::LoadInst *Load =
        B.CreateAlignedLoad(Type, Cell, Align, "global" + llvm::Twine(I.Index));
    if (!Global.Mutable)
      Load->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(MC.Ctx, {}));
    push(Load);
    break;
  }
  case Opcode::GlobalSet: {
    llvm::Value *Value = pop();
    llvm::Type *Type = Value->getType();
    llvm::Align Align = Type->isPointerTy() ? llvm::Align(8) : naturalAlign(Type);
    B.CreateAlignedStore(Value, globalStorage(I.Index), Align);
    break;
  }
  default: return unsupported(I, "variable");
  }
  return llvm::Error::success();
}

} // namespace kiln::translate
