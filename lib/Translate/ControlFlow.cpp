//===- ControlFlow.cpp - Blocks, loops, ifs and branches ------------------===//
//
// Structured control flow maps onto basic blocks with phis: a block's or
// if's results arrive at its end block, a loop's parameters at its header.
// Every branch adds one phi entry per edge. Continuation blocks are created
// unlinked and inserted when reached, so the IR reads in program order; one
// that no branch reaches is deleted and the code after it is unreachable.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

#include "llvm/IR/CFG.h"

namespace kiln::translate {

using wasm::Opcode;
using Kind = ControlFrame::Kind;

llvm::Error FunctionTranslator::translateControl(const wasm::Instruction &I) {
  switch (I.Op) {
  case Opcode::Unreachable: emitTrap(abi::TrapCode::Unreachable); break;
  case Opcode::Nop: break;
  case Opcode::Block: enterBlock(I); break;
  case Opcode::Loop: enterLoop(I); break;
  case Opcode::If: enterIf(I); break;
  case Opcode::Else: translateElse(); break;
  case Opcode::End: translateEnd(); break;
  case Opcode::Br: translateBr(I.Index); break;
  case Opcode::BrIf: translateBrIf(I.Index); break;
  case Opcode::BrTable: translateBrTable(I); break;
  case Opcode::Return: translateBr(static_cast<uint32_t>(Frames.size() - 1)); break;
  default: return unsupported(I, "control");
  }
  return llvm::Error::success();
}

bool FunctionTranslator::skipUnreachable(const wasm::Instruction &I) {
  switch (I.Op) {
  case Opcode::Block:
  case Opcode::Loop:
  case Opcode::If: ++UnreachableDepth; return true;
  case Opcode::Else: return UnreachableDepth != 0;
  case Opcode::End:
    if (UnreachableDepth == 0)
      return false;
    --UnreachableDepth;
    return true;
  default: return true;
  }
}

void FunctionTranslator::markUnreachable() {
  Reachable = false;
  B.ClearInsertionPoint();
}

wasm::FuncType FunctionTranslator::blockSignature(const wasm::Instruction &I) const {
  wasm::BlockType BT = I.blockType();
  switch (BT.TheKind) {
  case wasm::BlockType::Kind::Empty: return {};
  case wasm::BlockType::Kind::Value: return {{}, {BT.Value}};
  case wasm::BlockType::Kind::TypeIndex: return Wasm.Types[BT.TypeIndex];
  }
  return {};
}

std::vector<llvm::PHINode *> FunctionTranslator::makePhis(llvm::BasicBlock *Block,
                                                          std::span<const wasm::ValType> Types,
                                                          const char *Name) {
  llvm::IRBuilder<> PhiBuilder(Block);
  std::vector<llvm::PHINode *> Phis;
  for (wasm::ValType T : Types)
    Phis.push_back(PhiBuilder.CreatePHI(MC.valueType(T), 2, Name));
  return Phis;
}

llvm::BasicBlock *FunctionTranslator::labelBlock(ControlFrame &Target) const {
  return Target.branchesToHeader() ? Target.HeaderBlock : Target.EndBlock;
}

static void addIncoming(std::span<llvm::PHINode *const> Phis,
                        std::span<llvm::Value *const> Values, llvm::BasicBlock *From) {
  assert(Phis.size() == Values.size() && "validation guarantees the arity");
  for (size_t Index = 0; Index < Phis.size(); ++Index)
    Phis[Index]->addIncoming(Values[Index], From);
}

void FunctionTranslator::addBranchEdge(ControlFrame &Target,
                                       std::span<llvm::Value *const> Values) {
  addIncoming(Target.branchesToHeader() ? Target.HeaderPhis : Target.EndPhis, Values,
              B.GetInsertBlock());
}

void FunctionTranslator::branchToEnd(ControlFrame &Frame, std::span<llvm::Value *const> Values) {
  // Falling off the end goes to the end block even for a loop, whose label
  // is its header.
  addIncoming(Frame.EndPhis, Values, B.GetInsertBlock());
  B.CreateBr(Frame.EndBlock);
}

void FunctionTranslator::enterBlock(const wasm::Instruction &I) {
  wasm::FuncType Sig = blockSignature(I);
  ControlFrame Frame;
  Frame.TheKind = Kind::Block;
  Frame.StackHeight = Stack.size() - Sig.Params.size();
  Frame.EndBlock = llvm::BasicBlock::Create(MC.Ctx, "block.end");
  Frame.EndPhis = makePhis(Frame.EndBlock, Sig.Results, "block.result");
  Frame.Params = std::move(Sig.Params);
  Frame.Results = std::move(Sig.Results);
  Frames.push_back(std::move(Frame));
}

void FunctionTranslator::enterLoop(const wasm::Instruction &I) {
  wasm::FuncType Sig = blockSignature(I);
  ControlFrame Frame;
  Frame.TheKind = Kind::Loop;
  std::vector<llvm::Value *> Params = popN(Sig.Params.size());
  Frame.StackHeight = Stack.size();
  Frame.HeaderBlock = llvm::BasicBlock::Create(MC.Ctx, "loop", F);
  Frame.HeaderPhis = makePhis(Frame.HeaderBlock, Sig.Params, "loop.param");
  Frame.EndBlock = llvm::BasicBlock::Create(MC.Ctx, "loop.end");
  Frame.EndPhis = makePhis(Frame.EndBlock, Sig.Results, "loop.result");
  addBranchEdge(Frame, Params);
  B.CreateBr(Frame.HeaderBlock);
  B.SetInsertPoint(Frame.HeaderBlock);
  for (llvm::PHINode *Phi : Frame.HeaderPhis)
    push(Phi);
  Frame.Params = std::move(Sig.Params);
  Frame.Results = std::move(Sig.Results);
  Frames.push_back(std::move(Frame));
}

void FunctionTranslator::enterIf(const wasm::Instruction &I) {
  llvm::Value *Condition = toBool(pop());
  wasm::FuncType Sig = blockSignature(I);
  ControlFrame Frame;
  Frame.TheKind = Kind::If;
  Frame.StackHeight = Stack.size() - Sig.Params.size();
  Frame.IfParams = peekN(Sig.Params.size());
  llvm::BasicBlock *Then = llvm::BasicBlock::Create(MC.Ctx, "if.then", F);
  Frame.ElseBlock = llvm::BasicBlock::Create(MC.Ctx, "if.else");
  Frame.EndBlock = llvm::BasicBlock::Create(MC.Ctx, "if.end");
  Frame.EndPhis = makePhis(Frame.EndBlock, Sig.Results, "if.result");
  B.CreateCondBr(Condition, Then, Frame.ElseBlock);
  B.SetInsertPoint(Then);
  Frame.Params = std::move(Sig.Params);
  Frame.Results = std::move(Sig.Results);
  Frames.push_back(std::move(Frame));
}

void FunctionTranslator::translateElse() {
  ControlFrame &Frame = Frames.back();
  assert(Frame.TheKind == Kind::If && Frame.ElseBlock && "validation pairs else with if");
  if (Reachable)
    branchToEnd(Frame, peekN(Frame.Results.size()));
  Stack.resize(Frame.StackHeight);
  Frame.ElseBlock->insertInto(F);
  B.SetInsertPoint(Frame.ElseBlock);
  Frame.ElseBlock = nullptr;
  for (llvm::Value *Param : Frame.IfParams)
    push(Param);
  Reachable = true;
}

void FunctionTranslator::translateEnd() {
  ControlFrame &Frame = Frames.back();
  if (Reachable)
    branchToEnd(Frame, peekN(Frame.Results.size()));
  if (Frame.TheKind == Kind::If && Frame.ElseBlock) {
    // No else arm: the parameters pass through as the results.
    Frame.ElseBlock->insertInto(F);
    B.SetInsertPoint(Frame.ElseBlock);
    branchToEnd(Frame, Frame.IfParams);
  }
  if (Frame.TheKind == Kind::Function) {
    finishFunction(Frame);
    Frames.pop_back();
    return;
  }
  Stack.resize(Frame.StackHeight);
  llvm::BasicBlock *End = Frame.EndBlock;
  std::vector<llvm::PHINode *> Results = std::move(Frame.EndPhis);
  Frames.pop_back();
  if (llvm::pred_empty(End)) {
    delete End;
    markUnreachable();
    return;
  }
  End->insertInto(F);
  B.SetInsertPoint(End);
  for (llvm::PHINode *Phi : Results)
    push(Phi);
  Reachable = true;
}

void FunctionTranslator::finishFunction(ControlFrame &Frame) {
  llvm::BasicBlock *Return = Frame.EndBlock;
  if (llvm::pred_empty(Return)) {
    delete Return;
  } else {
    Return->insertInto(F);
    B.SetInsertPoint(Return);
    if (Frame.EndPhis.empty()) {
      B.CreateRetVoid();
    } else if (Frame.EndPhis.size() == 1) {
      B.CreateRet(Frame.EndPhis[0]);
    } else {
      llvm::Value *Aggregate = llvm::PoisonValue::get(F->getReturnType());
      for (unsigned Index = 0; Index < Frame.EndPhis.size(); ++Index)
        Aggregate = B.CreateInsertValue(Aggregate, Frame.EndPhis[Index], Index);
      B.CreateRet(Aggregate);
    }
  }
  // Trap blocks go last: they are cold, and the body reads in order.
  for (auto &[Code, Block] : TrapBlocks)
    Block->moveAfter(&F->back());
  Stack.clear();
  markUnreachable();
}

void FunctionTranslator::translateBr(uint32_t Depth) {
  ControlFrame &Target = frameAt(Depth);
  addBranchEdge(Target, peekN(Target.labelArity()));
  B.CreateBr(labelBlock(Target));
  markUnreachable();
}

void FunctionTranslator::translateBrIf(uint32_t Depth) {
  llvm::Value *Condition = toBool(pop());
  ControlFrame &Target = frameAt(Depth);
  llvm::BasicBlock *Continue = llvm::BasicBlock::Create(MC.Ctx, "br_if.cont", F);
  addBranchEdge(Target, peekN(Target.labelArity()));
  B.CreateCondBr(Condition, labelBlock(Target), Continue);
  B.SetInsertPoint(Continue);
}

void FunctionTranslator::translateBrTable(const wasm::Instruction &I) {
  llvm::Value *Index = pop();
  std::span<const uint32_t> Targets(Body.BranchTargets.data() + I.Index, I.Index2 + 1);
  ControlFrame &Default = frameAt(Targets.back());
  std::vector<llvm::Value *> Values = peekN(Default.labelArity());
  llvm::SwitchInst *Switch = B.CreateSwitch(Index, labelBlock(Default), I.Index2);
  addBranchEdge(Default, Values);
  for (uint32_t Case = 0; Case < I.Index2; ++Case) {
    ControlFrame &Target = frameAt(Targets[Case]);
    Switch->addCase(B.getInt32(Case), labelBlock(Target));
    addBranchEdge(Target, Values);
  }
  markUnreachable();
}

} // namespace kiln::translate
