//===- Trampolines.cpp - Entry trampolines, host adapters, ABI tables -----===//
//
// The runtime calls Wasm through `entry_T(ctx, code, slots)` and Wasm calls
// the host through `adapter_T(hostctx, args...)`; both translate between the
// native convention and 16-byte value slots, so the runtime never needs to
// know a signature at compile time. Both are generated per distinct function
// type; `kiln_entries`/`kiln_host_adapters` map every type index to them.
//
//===----------------------------------------------------------------------===//
#include "Trampolines.h"

#include "kiln/ABI/VMContext.h"
#include "kiln/Translate/Translate.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/MDBuilder.h"

#include <map>

namespace kiln::translate {

using wasm::ValType;
namespace offsets = abi::offsets;

static llvm::Value *slotAddress(llvm::IRBuilder<> &B, llvm::Value *Slots, unsigned Index) {
  return B.CreateConstGEP1_64(B.getInt8Ty(), Slots, uint64_t{Index} * offsets::ValueSlotSize,
                              "slot" + llvm::Twine(Index));
}

static llvm::Function *emitEntryTrampoline(ModuleContext &MC, const wasm::FuncType &Sig,
                                           uint32_t TypeIndex) {
  auto *Type = llvm::FunctionType::get(llvm::Type::getVoidTy(MC.Ctx),
                                       {MC.PtrTy, MC.PtrTy, MC.PtrTy}, false);
  llvm::Function *F = llvm::Function::Create(Type, llvm::GlobalValue::InternalLinkage,
                                             "kiln.entry." + llvm::Twine(TypeIndex), MC.LLVM);
  MC.addCommonAttributes(*F);
  llvm::Value *Callee = F->getArg(0), *Code = F->getArg(1), *Slots = F->getArg(2);
  Callee->setName("ctx");
  Code->setName("code");
  Slots->setName("slots");
  llvm::IRBuilder<> B(llvm::BasicBlock::Create(MC.Ctx, "entry", F));
  std::vector<llvm::Value *> Args{Callee};
  for (unsigned Index = 0; Index < Sig.Params.size(); ++Index)
    Args.push_back(B.CreateAlignedLoad(MC.valueType(Sig.Params[Index]),
                                       slotAddress(B, Slots, Index), llvm::Align(16),
                                       "arg" + llvm::Twine(Index)));
  llvm::CallInst *Call = B.CreateCall(MC.nativeType(Sig), Code, Args);
  for (unsigned Index = 0; Index < Sig.Results.size(); ++Index) {
    llvm::Value *Result =
        Sig.Results.size() == 1 ? Call : B.CreateExtractValue(Call, Index, "result");
    B.CreateAlignedStore(Result, slotAddress(B, Slots, Index), llvm::Align(16));
  }
  B.CreateRetVoid();
  return F;
}

static llvm::Function *emitHostAdapter(ModuleContext &MC, const wasm::FuncType &Sig,
                                       uint32_t TypeIndex) {
  llvm::Function *F =
      llvm::Function::Create(MC.nativeType(Sig), llvm::GlobalValue::InternalLinkage,
                             "kiln.host_adapter." + llvm::Twine(TypeIndex), MC.LLVM);
  MC.addCommonAttributes(*F);
  llvm::Value *HostContext = F->getArg(0);
  HostContext->setName("host.ctx");
  llvm::IRBuilder<> B(llvm::BasicBlock::Create(MC.Ctx, "entry", F));
  size_t SlotCount = std::max<size_t>({Sig.Params.size(), Sig.Results.size(), 1});
  auto *SlotArray = llvm::ArrayType::get(B.getInt8Ty(), SlotCount * offsets::ValueSlotSize);
  llvm::AllocaInst *Slots = B.CreateAlloca(SlotArray, nullptr, "slots");
  Slots->setAlignment(llvm::Align(16));
  for (unsigned Index = 0; Index < Sig.Params.size(); ++Index)
    B.CreateAlignedStore(F->getArg(Index + 1), slotAddress(B, Slots, Index), llvm::Align(16));
  llvm::Value *Code = B.CreateCall(MC.builtin(Builtin::CallHost), {HostContext, Slots}, "code");

  // The host function returned (no C++ frame is unwound); a trap it
  // reported is raised from here, with the host context, which
  // kiln_rt_trap accepts.
  llvm::BasicBlock *Trap = llvm::BasicBlock::Create(MC.Ctx, "trap.host", F);
  llvm::BasicBlock *Done = llvm::BasicBlock::Create(MC.Ctx, "done", F);
  B.CreateCondBr(B.CreateICmpNE(Code, B.getInt32(0), "failed"), Trap, Done,
                 llvm::MDBuilder(MC.Ctx).createBranchWeights(1, 1u << 20));
  B.SetInsertPoint(Trap);
  B.CreateCall(MC.builtin(Builtin::Trap), {HostContext, Code})->setDoesNotReturn();
  B.CreateUnreachable();

  B.SetInsertPoint(Done);
  std::vector<llvm::Value *> Results;
  for (unsigned Index = 0; Index < Sig.Results.size(); ++Index)
    Results.push_back(B.CreateAlignedLoad(MC.valueType(Sig.Results[Index]),
                                          slotAddress(B, Slots, Index), llvm::Align(16),
                                          "result" + llvm::Twine(Index)));
  if (Results.empty())
    B.CreateRetVoid();
  else if (Results.size() == 1)
    B.CreateRet(Results[0]);
  else
    B.CreateAggregateRet(Results.data(), static_cast<unsigned>(Results.size()));
  return F;
}

static void emitPointerTable(ModuleContext &MC, std::string_view Name,
                             const std::vector<llvm::Constant *> &Entries) {
  auto *Type = llvm::ArrayType::get(MC.PtrTy, Entries.size());
  auto *Table = new llvm::GlobalVariable(MC.LLVM, Type, /*isConstant=*/true,
                                         llvm::GlobalValue::ExternalLinkage,
                                         llvm::ConstantArray::get(Type, Entries), Name);
  Table->setAlignment(llvm::Align(8));
}

void emitTrampolinesAndTables(ModuleContext &MC) {
  using Key = std::pair<std::vector<ValType>, std::vector<ValType>>;
  std::map<Key, std::pair<llvm::Function *, llvm::Function *>> ByType;
  std::vector<llvm::Constant *> Entries, Adapters, Functions;
  for (uint32_t TypeIndex = 0; TypeIndex < MC.Wasm.Types.size(); ++TypeIndex) {
    const wasm::FuncType &Sig = MC.Wasm.Types[TypeIndex];
    auto [It, Inserted] = ByType.try_emplace(Key{Sig.Params, Sig.Results});
    if (Inserted)
      It->second = {emitEntryTrampoline(MC, Sig, TypeIndex), emitHostAdapter(MC, Sig, TypeIndex)};
    Entries.push_back(It->second.first);
    Adapters.push_back(It->second.second);
  }
  for (uint32_t Index = MC.Wasm.ImportedFuncCount; Index < MC.Wasm.FuncSpace.size(); ++Index)
    Functions.push_back(MC.definedFunction(Index));
  emitPointerTable(MC, FunctionTableSymbol, Functions);
  emitPointerTable(MC, EntryTableSymbol, Entries);
  emitPointerTable(MC, HostAdapterTableSymbol, Adapters);
}

} // namespace kiln::translate
