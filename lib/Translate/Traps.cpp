//===- Traps.cpp - One cold trap block per trap kind per function ---------===//
//
// A trap is a branch to a block that calls the noreturn `kiln_rt_trap`; the
// block is made once per kind and shared by every check of that kind in the
// function, so checks cost a compare and a rarely taken branch.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

#include "llvm/IR/MDBuilder.h"

namespace kiln::translate {

using abi::TrapCode;

static const char *trapBlockName(TrapCode Code) {
  switch (Code) {
  case TrapCode::Unreachable: return "trap.unreachable";
  case TrapCode::IntegerDivideByZero: return "trap.div0";
  case TrapCode::IntegerOverflow: return "trap.overflow";
  case TrapCode::InvalidConversionToInteger: return "trap.badconv";
  case TrapCode::OutOfBoundsMemoryAccess: return "trap.oob";
  case TrapCode::OutOfBoundsTableAccess: return "trap.table.oob";
  case TrapCode::IndirectCallTypeMismatch: return "trap.sig";
  case TrapCode::UninitializedElement: return "trap.uninit";
  case TrapCode::UndefinedElement: return "trap.undef";
  case TrapCode::CallStackExhausted: return "trap.stack";
  default: return "trap";
  }
}

llvm::BasicBlock *FunctionTranslator::trapBlock(TrapCode Code) {
  llvm::BasicBlock *&Block = TrapBlocks[Code];
  if (Block)
    return Block;
  Block = llvm::BasicBlock::Create(MC.Ctx, trapBlockName(Code), F);
  llvm::IRBuilder<> TrapBuilder(Block);
  llvm::CallInst *Call = TrapBuilder.CreateCall(
      MC.builtin(Builtin::Trap), {Context, TrapBuilder.getInt32(static_cast<uint32_t>(Code))});
  Call->setDoesNotReturn();
  TrapBuilder.CreateUnreachable();
  return Block;
}

void FunctionTranslator::emitTrapIf(llvm::Value *Condition, TrapCode Code,
                                    const char *ContinueName) {
  llvm::BasicBlock *Continue = llvm::BasicBlock::Create(MC.Ctx, ContinueName, F);
  llvm::MDNode *Unlikely = llvm::MDBuilder(MC.Ctx).createBranchWeights(1, 1u << 20);
  B.CreateCondBr(Condition, trapBlock(Code), Continue, Unlikely);
  B.SetInsertPoint(Continue);
}

void FunctionTranslator::emitTrap(TrapCode Code) {
  B.CreateBr(trapBlock(Code));
  markUnreachable();
}

void FunctionTranslator::emitTrapIfNonZero(llvm::Value *TrapCodeValue) {
  // Builtins report a dynamic code; one block per function passes it on.
  llvm::BasicBlock *&Block = TrapBlocks[TrapCode::None];
  if (!Block) {
    Block = llvm::BasicBlock::Create(MC.Ctx, "trap.builtin", F);
    llvm::IRBuilder<> TrapBuilder(Block);
    llvm::PHINode *Code = TrapBuilder.CreatePHI(MC.I32Ty, 2, "trap.code");
    llvm::CallInst *Call = TrapBuilder.CreateCall(MC.builtin(Builtin::Trap), {Context, Code});
    Call->setDoesNotReturn();
    TrapBuilder.CreateUnreachable();
  }
  llvm::BasicBlock *Continue = llvm::BasicBlock::Create(MC.Ctx, "cont", F);
  llvm::MDNode *Unlikely = llvm::MDBuilder(MC.Ctx).createBranchWeights(1, 1u << 20);
  llvm::Value *Failed = B.CreateICmpNE(TrapCodeValue, constI32(0), "failed");
  B.CreateCondBr(Failed, Block, Continue, Unlikely);
  llvm::cast<llvm::PHINode>(&Block->front())->addIncoming(TrapCodeValue, B.GetInsertBlock());
  B.SetInsertPoint(Continue);
}

} // namespace kiln::translate
