//===- IntegerOps.cpp - i32 and i64 arithmetic, bits and comparisons ------===//
//
// Wasm defines every integer operation for every input; LLVM does not. The
// differences handled here: shift counts are taken modulo the width (LLVM
// gives poison for a count >= the width), division traps on zero and on
// INT_MIN / -1 (LLVM: undefined behaviour), rem_s of INT_MIN by -1 is 0
// (LLVM: undefined), and clz/ctz of zero is the width (is_zero_poison false).
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

#include "llvm/IR/Intrinsics.h"

#include <optional>

namespace kiln::translate {

using wasm::Opcode;
using Pred = llvm::CmpInst::Predicate;

static std::optional<Pred> integerPredicate(Opcode Op) {
  switch (Op) {
  case Opcode::I32Eq: case Opcode::I64Eq: return Pred::ICMP_EQ;
  case Opcode::I32Ne: case Opcode::I64Ne: return Pred::ICMP_NE;
  case Opcode::I32LtS: case Opcode::I64LtS: return Pred::ICMP_SLT;
  case Opcode::I32LtU: case Opcode::I64LtU: return Pred::ICMP_ULT;
  case Opcode::I32GtS: case Opcode::I64GtS: return Pred::ICMP_SGT;
  case Opcode::I32GtU: case Opcode::I64GtU: return Pred::ICMP_UGT;
  case Opcode::I32LeS: case Opcode::I64LeS: return Pred::ICMP_SLE;
  case Opcode::I32LeU: case Opcode::I64LeU: return Pred::ICMP_ULE;
  case Opcode::I32GeS: case Opcode::I64GeS: return Pred::ICMP_SGE;
  case Opcode::I32GeU: case Opcode::I64GeU: return Pred::ICMP_UGE;
  default: return std::nullopt;
  }
}

static std::optional<llvm::Instruction::BinaryOps> plainBinaryOp(Opcode Op) {
  using llvm::Instruction;
  switch (Op) {
  case Opcode::I32Add: case Opcode::I64Add: return Instruction::Add;
  case Opcode::I32Sub: case Opcode::I64Sub: return Instruction::Sub;
  case Opcode::I32Mul: case Opcode::I64Mul: return Instruction::Mul;
  case Opcode::I32And: case Opcode::I64And: return Instruction::And;
  case Opcode::I32Or: case Opcode::I64Or: return Instruction::Or;
  case Opcode::I32Xor: case Opcode::I64Xor: return Instruction::Xor;
  case Opcode::I32Shl: case Opcode::I64Shl: return Instruction::Shl;
  case Opcode::I32ShrS: case Opcode::I64ShrS: return Instruction::AShr;
  case Opcode::I32ShrU: case Opcode::I64ShrU: return Instruction::LShr;
  default: return std::nullopt;
  }
}

void FunctionTranslator::translateCompare(Pred Predicate) {
  llvm::Value *Rhs = pop();
  llvm::Value *Lhs = pop();
  llvm::Value *Flag = llvm::CmpInst::isIntPredicate(Predicate)
                           ? B.CreateICmp(Predicate, Lhs, Rhs)
                           : B.CreateFCmp(Predicate, Lhs, Rhs);
  push(B.CreateZExt(Flag, MC.I32Ty, opcodeName(Current->Op)));
}

void FunctionTranslator::translateIntBinary(const wasm::Instruction &I) {
  llvm::Value *Rhs = pop();
  llvm::Value *Lhs = pop();
  llvm::Type *Type = Lhs->getType();
  std::string Name(opcodeName(I.Op));
  if (std::optional<llvm::Instruction::BinaryOps> Op = plainBinaryOp(I.Op)) {
    if (llvm::Instruction::isShift(*Op)) {
      // Wasm takes the count modulo the width; LLVM would give poison.
      unsigned Bits = Type->getIntegerBitWidth();
      Rhs = B.CreateAnd(Rhs, llvm::ConstantInt::get(Type, Bits - 1), "shift.count");
    }
    push(B.CreateBinOp(*Op, Lhs, Rhs, Name));
    return;
  }
  bool Left = I.Op == Opcode::I32Rotl || I.Op == Opcode::I64Rotl;
  // A funnel shift of a value with itself is a rotate; the count is taken
  // modulo the width, as in Wasm.
  push(B.CreateIntrinsic(Left ? llvm::Intrinsic::fshl : llvm::Intrinsic::fshr, {Type},
                         {Lhs, Lhs, Rhs}, nullptr, Name));
}

void FunctionTranslator::translateIntDivRem(const wasm::Instruction &I) {
  llvm::Value *Rhs = pop();
  llvm::Value *Lhs = pop();
  auto *Type = llvm::cast<llvm::IntegerType>(Lhs->getType());
  std::string Name(opcodeName(I.Op));
  emitTrapIf(B.CreateIsNull(Rhs, "divisor.zero"), abi::TrapCode::IntegerDivideByZero);
  llvm::Value *MinusOne = llvm::ConstantInt::getAllOnesValue(Type);
  switch (I.Op) {
  case Opcode::I32DivS:
  case Opcode::I64DivS: {
    llvm::Value *Min =
        llvm::ConstantInt::get(Type, llvm::APInt::getSignedMinValue(Type->getBitWidth()));
    llvm::Value *Overflow = B.CreateAnd(B.CreateICmpEQ(Lhs, Min), B.CreateICmpEQ(Rhs, MinusOne),
                                        "div.overflow");
    emitTrapIf(Overflow, abi::TrapCode::IntegerOverflow);
    push(B.CreateSDiv(Lhs, Rhs, Name));
    return;
  }
  case Opcode::I32RemS:
  case Opcode::I64RemS: {
    // x rem_s -1 is 0 for every x, including INT_MIN where LLVM's srem is
    // undefined; dividing by 1 instead gives that 0 without a branch.
    llvm::Value *Divisor = B.CreateSelect(B.CreateICmpEQ(Rhs, MinusOne),
                                          llvm::ConstantInt::get(Type, 1), Rhs, "rem.divisor");
    push(B.CreateSRem(Lhs, Divisor, Name));
    return;
  }
  case Opcode::I32DivU:
  case Opcode::I64DivU: push(B.CreateUDiv(Lhs, Rhs, Name)); return;
  default: push(B.CreateURem(Lhs, Rhs, Name)); return;
  }
}

static unsigned signExtendFromBits(Opcode Op) {
  switch (Op) {
  case Opcode::I32Extend8S: case Opcode::I64Extend8S: return 8;
  case Opcode::I32Extend16S: case Opcode::I64Extend16S: return 16;
  default: return 32;
  }
}

llvm::Error FunctionTranslator::translateIntegerOps(const wasm::Instruction &I) {
  std::string Name(opcodeName(I.Op));
  if (std::optional<Pred> Predicate = integerPredicate(I.Op)) {
    translateCompare(*Predicate);
    return llvm::Error::success();
  }
  if (plainBinaryOp(I.Op)) {
    translateIntBinary(I);
    return llvm::Error::success();
  }
  switch (I.Op) {
  case Opcode::I32Const: push(B.getInt32(static_cast<uint32_t>(I.i32()))); break;
  case Opcode::I64Const: push(B.getInt64(static_cast<uint64_t>(I.i64()))); break;
  case Opcode::I32Eqz:
  case Opcode::I64Eqz: push(B.CreateZExt(B.CreateIsNull(pop()), MC.I32Ty, Name)); break;
  case Opcode::I32Clz:
  case Opcode::I64Clz:
  case Opcode::I32Ctz:
  case Opcode::I64Ctz: {
    bool Leading = I.Op == Opcode::I32Clz || I.Op == Opcode::I64Clz;
    llvm::Value *Operand = pop();
    push(B.CreateIntrinsic(Leading ? llvm::Intrinsic::ctlz : llvm::Intrinsic::cttz,
                           {Operand->getType()}, {Operand, B.getFalse()}, nullptr, Name));
    break;
  }
  case Opcode::I32Popcnt:
  case Opcode::I64Popcnt:
    push(B.CreateUnaryIntrinsic(llvm::Intrinsic::ctpop, pop(), nullptr, Name));
    break;
  case Opcode::I32Rotl:
  case Opcode::I64Rotl:
  case Opcode::I32Rotr:
  case Opcode::I64Rotr: translateIntBinary(I); break;
  case Opcode::I32DivS: case Opcode::I64DivS:
  case Opcode::I32DivU: case Opcode::I64DivU:
  case Opcode::I32RemS: case Opcode::I64RemS:
  case Opcode::I32RemU: case Opcode::I64RemU: translateIntDivRem(I); break;
  case Opcode::I32Extend8S: case Opcode::I32Extend16S:
  case Opcode::I64Extend8S: case Opcode::I64Extend16S: case Opcode::I64Extend32S: {
    llvm::Value *Operand = pop();
    llvm::Value *Narrow = B.CreateTrunc(Operand, B.getIntNTy(signExtendFromBits(I.Op)));
    push(B.CreateSExt(Narrow, Operand->getType(), Name));
    break;
  }
  default: return unsupported(I, "integer");
  }
  return llvm::Error::success();
}

} // namespace kiln::translate
