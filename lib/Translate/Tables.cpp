//===- Tables.cpp - table.get/set/size/grow/fill/copy/init, elem.drop -----===//
//
// A table is a `VMTable {Elements, Size}` reached through
// `VMContext::Tables`. Both fields change when the table grows (possibly
// through another instance that imports it), so they are reloaded at every
// access; accesses are bounds-checked explicitly since tables have no guard.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

#include "kiln/ABI/VMContext.h"

namespace kiln::translate {

using abi::TrapCode;
using wasm::Opcode;
namespace offsets = abi::offsets;

llvm::Value *FunctionTranslator::vmTable(uint32_t TableIndex) {
  llvm::Value *Tables = loadContextField(offsets::Tables, MC.PtrTy, "tables");
  return loadInvariant(MC.PtrTy, Tables, uint64_t{TableIndex} * 8,
                       "table" + llvm::Twine(TableIndex));
}

llvm::Value *FunctionTranslator::tableElementAddress(uint32_t TableIndex, llvm::Value *Index,
                                                     TrapCode Code) {
  llvm::Value *Table = vmTable(TableIndex);
  llvm::Value *Size =
      B.CreateLoad(MC.I64Ty, byteOffset(Table, offsets::TableSize), "table.size");
  llvm::Value *Index64 = B.CreateZExt(Index, MC.I64Ty, "elem.index");
  emitTrapIf(B.CreateICmpUGE(Index64, Size, "elem.oob"), Code);
  llvm::Value *Elements = B.CreateLoad(MC.PtrTy, byteOffset(Table, offsets::TableElements),
                                       "table.elements");
  return B.CreateGEP(MC.PtrTy, Elements, Index64, "elem.ptr");
}

llvm::Error FunctionTranslator::translateTable(const wasm::Instruction &I) {
  switch (I.Op) {
  case Opcode::TableGet: {
    llvm::Value *Slot = tableElementAddress(I.Index, pop(), TrapCode::OutOfBoundsTableAccess);
    push(B.CreateLoad(MC.PtrTy, Slot, "table.get"));
    break;
  }
  case Opcode::TableSet: {
    llvm::Value *Value = pop();
    llvm::Value *Slot = tableElementAddress(I.Index, pop(), TrapCode::OutOfBoundsTableAccess);
    B.CreateStore(Value, Slot);
    break;
  }
  case Opcode::TableSize: {
    llvm::Value *Size = B.CreateLoad(
        MC.I64Ty, byteOffset(vmTable(I.Index), offsets::TableSize), "table.size");
    push(B.CreateTrunc(Size, MC.I32Ty, "table.size.i32"));
    break;
  }
  case Opcode::TableGrow: {
    std::vector<llvm::Value *> Ops = popN(2); // init, delta
    push(callBuiltin(Builtin::TableGrow, {Context, constI32(I.Index), Ops[1], Ops[0]},
                     "table.grow"));
    break;
  }
  case Opcode::TableFill: {
    std::vector<llvm::Value *> Ops = popN(3); // dest, value, length
    emitTrapIfNonZero(callBuiltin(Builtin::TableFill,
                                  {Context, constI32(I.Index), Ops[0], Ops[1], Ops[2]}, "fill"));
    break;
  }
  case Opcode::TableCopy: {
    std::vector<llvm::Value *> Ops = popN(3); // dest, source, length
    emitTrapIfNonZero(callBuiltin(
        Builtin::TableCopy,
        {Context, constI32(I.Index), constI32(I.Index2), Ops[0], Ops[1], Ops[2]}, "copy"));
    break;
  }
  case Opcode::TableInit: {
    std::vector<llvm::Value *> Ops = popN(3); // dest, source, length
    emitTrapIfNonZero(callBuiltin(
        Builtin::TableInit,
        {Context, constI32(I.Index2), constI32(I.Index), Ops[0], Ops[1], Ops[2]}, "init"));
    break;
  }
  case Opcode::ElemDrop: callBuiltin(Builtin::ElemDrop, {Context, constI32(I.Index)}); break;
  default: return unsupported(I, "table");
  }
  return llvm::Error::success();
}

} // namespace kiln::translate
