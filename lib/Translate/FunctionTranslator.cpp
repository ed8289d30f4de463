//===- FunctionTranslator.cpp - Prologue, the walk and the operand stack --===//
#include "FunctionTranslator.h"

#include "kiln/ABI/VMContext.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Metadata.h"

namespace kiln::translate {

using wasm::ValType;

FunctionTranslator::FunctionTranslator(ModuleContext &MC, uint32_t FuncIndex, DebugInfo *Debug)
    : MC(MC), Wasm(MC.Wasm), FuncIndex(FuncIndex), Type(MC.Wasm.funcType(FuncIndex)),
      Body(MC.Wasm.Bodies[FuncIndex - MC.Wasm.ImportedFuncCount]),
      F(MC.definedFunction(FuncIndex)), Debug(Debug), B(MC.Ctx), Context(F->getArg(0)) {}

llvm::Error FunctionTranslator::translate() {
  if (Debug) {
    Subprogram = Debug->describeFunction(FuncIndex);
    B.SetCurrentDebugLocation(Debug->location(Subprogram, Body.Offset));
  }
  emitPrologue();
  for (const wasm::Instruction &I : Body.Code) {
    Current = &I;
    if (Debug)
      B.SetCurrentDebugLocation(Debug->location(Subprogram, I.Offset));
    if (!Reachable && skipUnreachable(I))
      continue;
    if (llvm::Error E = translateInstruction(I))
      return E;
  }
  assert(Frames.empty() && "the final end closes the function frame");
  return llvm::Error::success();
}

static std::string localName(const wasm::Module &M, uint32_t FuncIndex, uint32_t LocalIndex) {
  auto Func = M.Names.LocalNames.find(FuncIndex);
  if (Func != M.Names.LocalNames.end()) {
    auto Local = Func->second.find(LocalIndex);
    if (Local != Func->second.end() && !Local->second.empty())
      return "loc." + Local->second;
  }
  return "loc" + std::to_string(LocalIndex);
}

void FunctionTranslator::emitPrologue() {
  EntryBlock = llvm::BasicBlock::Create(MC.Ctx, "entry", F);
  B.SetInsertPoint(EntryBlock);
  LocalTypes = Type.Params;
  LocalTypes.insert(LocalTypes.end(), Body.Locals.begin(), Body.Locals.end());
  for (uint32_t Index = 0; Index < LocalTypes.size(); ++Index)
    Locals.push_back(B.CreateAlloca(MC.valueType(LocalTypes[Index]), nullptr,
                                    localName(Wasm, FuncIndex, Index)));

  // The stack check comes before anything touches the frame, so a
  // runaway recursion traps instead of writing past the limit.
  llvm::Value *StackPointer = B.CreatePtrToInt(B.CreateStackSave("sp"), MC.I64Ty, "sp.int");
  llvm::Value *Limit = B.CreateLoad(MC.I64Ty, byteOffset(Context, abi::offsets::StackLimit),
                                    "stack.limit");
  emitTrapIf(B.CreateICmpULT(StackPointer, Limit, "stack.exhausted"),
             abi::TrapCode::CallStackExhausted, "body");

  for (uint32_t Index = 0; Index < LocalTypes.size(); ++Index) {
    llvm::Value *Initial = Index < Type.Params.size()
                               ? static_cast<llvm::Value *>(F->getArg(Index + 1))
                               : llvm::Constant::getNullValue(MC.valueType(LocalTypes[Index]));
    B.CreateStore(Initial, Locals[Index]);
  }

  ControlFrame Function;
  Function.TheKind = ControlFrame::Kind::Function;
  Function.Results = Type.Results;
  Function.EndBlock = llvm::BasicBlock::Create(MC.Ctx, "return");
  Function.EndPhis = makePhis(Function.EndBlock, Function.Results, "result");
  Frames.push_back(std::move(Function));
}

llvm::Value *FunctionTranslator::pop() {
  assert(!Stack.empty() && "validation guarantees the operands");
  llvm::Value *V = Stack.back();
  Stack.pop_back();
  return V;
}

std::vector<llvm::Value *> FunctionTranslator::popN(size_t Count) {
  std::vector<llvm::Value *> Values = peekN(Count);
  Stack.resize(Stack.size() - Count);
  return Values;
}

std::vector<llvm::Value *> FunctionTranslator::peekN(size_t Count) const {
  assert(Stack.size() >= Count && "validation guarantees the operands");
  return std::vector<llvm::Value *>(Stack.end() - Count, Stack.end());
}

llvm::Error FunctionTranslator::unsupported(const wasm::Instruction &I,
                                            std::string_view What) const {
  return llvm::make_error<llvm::StringError>(
      "unsupported: " + std::string(What) + " instruction " + std::string(wasm::opcodeName(I.Op)),
      llvm::inconvertibleErrorCode());
}

llvm::Value *FunctionTranslator::toBool(llvm::Value *I32) {
  // Comparisons produce i1 widened to i32; branching on the i1 keeps -O0
  // code and the printed IR free of a compare of the widened value.
  if (auto *Widened = llvm::dyn_cast<llvm::ZExtInst>(I32))
    if (Widened->getSrcTy()->isIntegerTy(1))
      return Widened->getOperand(0);
  return B.CreateICmpNE(I32, constI32(0), "cond");
}

llvm::Value *FunctionTranslator::byteOffset(llvm::Value *Base, uint64_t Offset,
                                            const llvm::Twine &Name) {
  if (Offset == 0)
    return Base;
  return B.CreateConstGEP1_64(MC.I8Ty, Base, Offset, Name);
}

llvm::Value *FunctionTranslator::loadInvariant(llvm::Type *Type, llvm::Value *Base,
                                               uint64_t Offset, const llvm::Twine &Name) {
  llvm::LoadInst *Load = B.CreateLoad(Type, byteOffset(Base, Offset), Name);
  Load->setMetadata(llvm::LLVMContext::MD_invariant_load, llvm::MDNode::get(MC.Ctx, {}));
  return Load;
}

llvm::Value *FunctionTranslator::loadContextField(uint32_t Offset, llvm::Type *Type,
                                                  const llvm::Twine &Name) {
  // Loaded where used: GVN and LICM merge and hoist invariant loads, while
  // loading everything in the entry block would only add register pressure.
  return loadInvariant(Type, Context, Offset, Name);
}

llvm::Value *FunctionTranslator::callBuiltin(Builtin Which, llvm::ArrayRef<llvm::Value *> Args,
                                             const llvm::Twine &Name) {
  return B.CreateCall(MC.builtin(Which), Args, Name);
}

} // namespace kiln::translate
