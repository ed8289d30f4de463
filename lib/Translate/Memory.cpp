//===- Memory.cpp - Loads, stores, memory.size/grow and bulk memory -------===//
//
// Addresses are `base + zext(addr) + offset` in i64: with a 32-bit address
// and a 32-bit offset the sum stays below 8 GiB, inside the reservation of
// 4 GiB of memory plus 4 GiB of guard, so an access past the current size
// faults and the runtime turns the fault into a trap. No explicit check is
// emitted, and accesses are never marked dereferenceable or invariant.
//
// With explicit bounds checks (TranslateOptions), a compare against the
// current size and a branch to the trap block precede every access instead.
//
// A load whose value ends up unused would be deleted by LLVM, and its trap
// with it. Every load's value is therefore passed to an empty
// `asm sideeffect` that only claims to touch inaccessible memory: LLVM must
// keep the asm, hence the load, yet may still move, merge and forward loads
// and stores around it. docs/Traps.md discusses the alternatives.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

#include "kiln/ABI/VMContext.h"

#include "llvm/IR/InlineAsm.h"
#include "llvm/Support/ModRef.h"

namespace kiln::translate {

using wasm::Opcode;
namespace offsets = abi::offsets;

llvm::Value *FunctionTranslator::vmMemory(uint32_t MemoryIndex) {
  llvm::Value *Memories = loadContextField(offsets::Memories, MC.PtrTy, "memories");
  return loadInvariant(MC.PtrTy, Memories, uint64_t{MemoryIndex} * 8,
                       "memory" + llvm::Twine(MemoryIndex));
}

llvm::Value *FunctionTranslator::memoryBase(uint32_t MemoryIndex) {
  llvm::Value *&Base = MemoryBases[MemoryIndex];
  if (Base)
    return Base;
  // A reservation never moves, so one load in the entry block serves the
  // whole function, across memory.grow and calls.
  Base = inEntryBlock([&]() -> llvm::Value * {
    if (MemoryIndex == 0)
      return loadInvariant(MC.PtrTy, Context, offsets::Memory0Base, "mem.base");
    return loadInvariant(MC.PtrTy, vmMemory(MemoryIndex), offsets::MemoryBase,
                         "mem" + llvm::Twine(MemoryIndex) + ".base");
  });
  return Base;
}

static uint64_t accessBytes(llvm::Type *MemType) {
  return MemType->getPrimitiveSizeInBits().getFixedValue() / 8;
}

llvm::Value *FunctionTranslator::effectiveAddress(const wasm::Instruction &I,
                                                  llvm::Value *Address, uint64_t AccessBytes) {
  llvm::Value *Index = B.CreateZExt(Address, MC.I64Ty, "addr");
  if (uint64_t Offset = I.memOffset())
    Index = B.CreateAdd(Index, B.getInt64(Offset), "addr.off", /*HasNUW=*/true);
  if (explicitBoundsChecks()) {
    // Below 2^34, so the sum cannot wrap. The size is reloaded (not
    // invariant): calls may grow the memory.
    llvm::Value *End = B.CreateAdd(Index, B.getInt64(AccessBytes), "access.end", true);
    llvm::Value *Size = B.CreateLoad(
        MC.I64Ty, byteOffset(vmMemory(I.Index2), offsets::MemorySizeInBytes), "mem.bytes");
    emitTrapIf(B.CreateICmpUGT(End, Size, "mem.oob"), abi::TrapCode::OutOfBoundsMemoryAccess);
  }
  // Deliberately not inbounds: LLVM knows nothing of the reservation.
  return B.CreateGEP(MC.I8Ty, memoryBase(I.Index2), Index, "mem.ptr");
}

void FunctionTranslator::keepAlive(llvm::Value *Loaded) {
  llvm::Value *Operand = Loaded;
  // x86 has no register class for "X" with an integer vector; a float
  // vector of the same bits lives in the same registers.
  if (Operand->getType()->isVectorTy())
    Operand = B.CreateBitCast(Operand, llvm::FixedVectorType::get(MC.F64Ty, 2));
  llvm::InlineAsm *Asm = MC.keepAliveAsm(Operand->getType());
  llvm::CallInst *Call = B.CreateCall(Asm->getFunctionType(), Asm, {Operand});
  Call->addFnAttr(llvm::Attribute::NoUnwind);
  Call->addFnAttr(
      llvm::Attribute::getWithMemoryEffects(MC.Ctx, llvm::MemoryEffects::inaccessibleMemOnly()));
}

llvm::Value *FunctionTranslator::emitLoad(const wasm::Instruction &I, llvm::Value *Address,
                                          llvm::Type *MemType) {
  llvm::Value *Pointer = effectiveAddress(I, Address, accessBytes(MemType));
  // Alignment immediates are hints; misaligned accesses are valid Wasm.
  llvm::LoadInst *Load = B.CreateAlignedLoad(MemType, Pointer, llvm::Align(1), "load");
  // An explicit check already carries the trap; the load may then go.
  if (!explicitBoundsChecks())
    keepAlive(Load);
  return Load;
}

void FunctionTranslator::emitStore(const wasm::Instruction &I, llvm::Value *Address,
                                   llvm::Value *Value, llvm::Type *MemType) {
  if (!MemType)
    MemType = Value->getType();
  llvm::Value *Pointer = effectiveAddress(I, Address, accessBytes(MemType));
  if (Value->getType() != MemType)
    Value = B.CreateTrunc(Value, MemType);
  B.CreateAlignedStore(Value, Pointer, llvm::Align(1));
}

void FunctionTranslator::translateLoad(const wasm::Instruction &I, llvm::Type *MemType,
                                       llvm::Type *ResultType, bool SignExtend) {
  llvm::Value *Load = emitLoad(I, pop(), MemType);
  std::string Name(opcodeName(I.Op));
  if (MemType == ResultType)
    push(Load);
  else if (SignExtend)
    push(B.CreateSExt(Load, ResultType, Name));
  else
    push(B.CreateZExt(Load, ResultType, Name));
}

void FunctionTranslator::translateStore(const wasm::Instruction &I, llvm::Type *MemType) {
  llvm::Value *Value = pop();
  emitStore(I, pop(), Value, MemType);
}

void FunctionTranslator::translateMemorySize(uint32_t MemoryIndex) {
  // Not invariant: memory.grow (here or in another instance sharing the
  // memory) changes it.
  llvm::Value *Bytes = B.CreateLoad(
      MC.I64Ty, byteOffset(vmMemory(MemoryIndex), offsets::MemorySizeInBytes), "mem.bytes");
  llvm::Value *Pages = B.CreateLShr(Bytes, 16, "mem.pages");
  push(B.CreateTrunc(Pages, MC.I32Ty, "memory.size"));
}

void FunctionTranslator::translateMemoryGrow(uint32_t MemoryIndex) {
  llvm::Value *Delta = pop();
  push(callBuiltin(Builtin::MemoryGrow, {Context, constI32(MemoryIndex), Delta}, "memory.grow"));
}

static bool loadShape(ModuleContext &MC, Opcode Op, llvm::Type *&MemType, bool &Signed) {
  Signed = false;
  switch (Op) {
  case Opcode::I32Load: MemType = MC.I32Ty; return true;
  case Opcode::I64Load: MemType = MC.I64Ty; return true;
  case Opcode::F32Load: MemType = MC.F32Ty; return true;
  case Opcode::F64Load: MemType = MC.F64Ty; return true;
  case Opcode::I32Load8S: case Opcode::I64Load8S: Signed = true; [[fallthrough]];
  case Opcode::I32Load8U: case Opcode::I64Load8U: MemType = MC.I8Ty; return true;
  case Opcode::I32Load16S: case Opcode::I64Load16S: Signed = true; [[fallthrough]];
  case Opcode::I32Load16U: case Opcode::I64Load16U:
    MemType = llvm::Type::getInt16Ty(MC.Ctx);
    return true;
  case Opcode::I64Load32S: Signed = true; [[fallthrough]];
  case Opcode::I64Load32U: MemType = MC.I32Ty; return true;
  default: return false;
  }
}

static llvm::Type *storeType(ModuleContext &MC, Opcode Op) {
  switch (Op) {
  case Opcode::I32Store: case Opcode::I64Store32: return MC.I32Ty;
  case Opcode::I64Store: return MC.I64Ty;
  case Opcode::F32Store: return MC.F32Ty;
  case Opcode::F64Store: return MC.F64Ty;
  case Opcode::I32Store8: case Opcode::I64Store8: return MC.I8Ty;
  case Opcode::I32Store16: case Opcode::I64Store16: return llvm::Type::getInt16Ty(MC.Ctx);
  default: return nullptr;
  }
}

llvm::Error FunctionTranslator::translateMemory(const wasm::Instruction &I) {
  llvm::Type *MemType = nullptr;
  bool Signed = false;
  if (loadShape(MC, I.Op, MemType, Signed)) {
    translateLoad(I, MemType, MC.valueType(wasm::opcodeInfo(I.Op).Results[0]), Signed);
    return llvm::Error::success();
  }
  if (llvm::Type *Stored = storeType(MC, I.Op)) {
    translateStore(I, Stored);
    return llvm::Error::success();
  }
  switch (I.Op) {
  case Opcode::MemorySize: translateMemorySize(I.Index); break;
  case Opcode::MemoryGrow: translateMemoryGrow(I.Index); break;
  case Opcode::MemoryFill: {
    std::vector<llvm::Value *> Ops = popN(3); // dest, value, length
    emitTrapIfNonZero(callBuiltin(Builtin::MemoryFill,
                                  {Context, constI32(I.Index), Ops[0], Ops[1], Ops[2]}, "fill"));
    break;
  }
  case Opcode::MemoryCopy: {
    std::vector<llvm::Value *> Ops = popN(3); // dest, source, length
    emitTrapIfNonZero(callBuiltin(
        Builtin::MemoryCopy,
        {Context, constI32(I.Index), constI32(I.Index2), Ops[0], Ops[1], Ops[2]}, "copy"));
    break;
  }
  case Opcode::MemoryInit: {
    std::vector<llvm::Value *> Ops = popN(3); // dest, source, length
    emitTrapIfNonZero(callBuiltin(
        Builtin::MemoryInit,
        {Context, constI32(I.Index2), constI32(I.Index), Ops[0], Ops[1], Ops[2]}, "init"));
    break;
  }
  case Opcode::DataDrop: callBuiltin(Builtin::DataDrop, {Context, constI32(I.Index)}); break;
  default: return unsupported(I, "memory");
  }
  return llvm::Error::success();
}

} // namespace kiln::translate
