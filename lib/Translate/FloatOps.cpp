//===- FloatOps.cpp - f32 and f64 arithmetic and comparisons --------------===//
//
// LLVM's default floating-point environment (round to nearest even, no
// traps, no fast-math flags) is Wasm's. Wasm's min/max propagate NaN and
// order -0 below +0, which is llvm.minimum/maximum (not minnum/maxnum);
// nearest rounds ties to even, which is llvm.roundeven. abs, neg and
// copysign only touch the sign bit, so NaN payloads survive them.
//
// One difference remains: Wasm arithmetic returns a quiet NaN for a
// signalling one, while LLVM may pass a NaN through unchanged (LangRef,
// "Behavior of Floating-Point NaN values"). Hardware arithmetic quiets, so
// this shows only where LLVM removes the arithmetic: min/max lowered to
// selects, and folds of x-0, x*1, x/1, x*-1, x/-1, -0-x and
// demote(promote x). There the result's quiet bit is set with integer
// operations, which no floating-point fold can undo.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Intrinsics.h"

#include <cmath>
#include <optional>

namespace kiln::translate {

using wasm::Opcode;
using Pred = llvm::CmpInst::Predicate;

static std::optional<Pred> floatPredicate(Opcode Op) {
  switch (Op) {
  case Opcode::F32Eq: case Opcode::F64Eq: return Pred::FCMP_OEQ;
  // Unordered: NaN is not equal to anything, itself included.
  case Opcode::F32Ne: case Opcode::F64Ne: return Pred::FCMP_UNE;
  case Opcode::F32Lt: case Opcode::F64Lt: return Pred::FCMP_OLT;
  case Opcode::F32Gt: case Opcode::F64Gt: return Pred::FCMP_OGT;
  case Opcode::F32Le: case Opcode::F64Le: return Pred::FCMP_OLE;
  case Opcode::F32Ge: case Opcode::F64Ge: return Pred::FCMP_OGE;
  default: return std::nullopt;
  }
}

static std::optional<llvm::Intrinsic::ID> unaryIntrinsic(Opcode Op) {
  switch (Op) {
  case Opcode::F32Abs: case Opcode::F64Abs: return llvm::Intrinsic::fabs;
  case Opcode::F32Ceil: case Opcode::F64Ceil: return llvm::Intrinsic::ceil;
  case Opcode::F32Floor: case Opcode::F64Floor: return llvm::Intrinsic::floor;
  case Opcode::F32Trunc: case Opcode::F64Trunc: return llvm::Intrinsic::trunc;
  case Opcode::F32Nearest: case Opcode::F64Nearest: return llvm::Intrinsic::roundeven;
  case Opcode::F32Sqrt: case Opcode::F64Sqrt: return llvm::Intrinsic::sqrt;
  default: return std::nullopt;
  }
}

void FunctionTranslator::translateFloatUnary(const wasm::Instruction &I) {
  llvm::Value *Operand = pop();
  std::string Name(opcodeName(I.Op));
  if (I.Op == Opcode::F32Neg || I.Op == Opcode::F64Neg) {
    push(B.CreateFNeg(Operand, Name));
    return;
  }
  std::optional<llvm::Intrinsic::ID> ID = unaryIntrinsic(I.Op);
  assert(ID && "every other unary float op is an intrinsic");
  push(B.CreateUnaryIntrinsic(*ID, Operand, nullptr, Name));
}

llvm::Value *FunctionTranslator::quietNaN(llvm::Value *Value) {
  llvm::Type *FloatType = Value->getType();
  unsigned Bits = FloatType->getPrimitiveSizeInBits().getFixedValue();
  llvm::Type *IntType = B.getIntNTy(Bits);
  // The quiet bit is the mantissa's top bit: bit 22 of f32, 51 of f64.
  llvm::APInt QuietBit = llvm::APInt::getOneBitSet(Bits, FloatType->getFPMantissaWidth() - 2);
  llvm::Value *AsInt = B.CreateBitCast(Value, IntType);
  llvm::Value *Quieted = B.CreateOr(AsInt, llvm::ConstantInt::get(IntType, QuietBit));
  llvm::Value *IsNaN = B.CreateFCmpUNO(Value, Value, "is.nan");
  return B.CreateBitCast(B.CreateSelect(IsNaN, Quieted, AsInt), FloatType, "quieted");
}

/// Whether LLVM may fold the operation to (the negation of) an operand,
/// skipping the arithmetic that would quiet a signalling NaN.
static bool mayFoldToOperand(Opcode Op, llvm::Value *Lhs, llvm::Value *Rhs) {
  auto Is = [](llvm::Value *V, double Expected) {
    auto *C = llvm::dyn_cast<llvm::ConstantFP>(V);
    return C && C->isExactlyValue(Expected) && C->isNegative() == std::signbit(Expected);
  };
  switch (Op) {
  case Opcode::F32Add: case Opcode::F64Add: return Is(Lhs, -0.0) || Is(Rhs, -0.0);
  case Opcode::F32Sub: case Opcode::F64Sub: return Is(Rhs, 0.0) || Is(Lhs, -0.0);
  case Opcode::F32Mul: case Opcode::F64Mul:
    return Is(Lhs, 1.0) || Is(Rhs, 1.0) || Is(Lhs, -1.0) || Is(Rhs, -1.0);
  case Opcode::F32Div: case Opcode::F64Div: return Is(Rhs, 1.0) || Is(Rhs, -1.0);
  default: return false;
  }
}

void FunctionTranslator::translateFloatBinary(const wasm::Instruction &I) {
  llvm::Value *Rhs = pop();
  llvm::Value *Lhs = pop();
  std::string Name(opcodeName(I.Op));
  llvm::Value *Result = nullptr;
  switch (I.Op) {
  case Opcode::F32Add: case Opcode::F64Add: Result = B.CreateFAdd(Lhs, Rhs, Name); break;
  case Opcode::F32Sub: case Opcode::F64Sub: Result = B.CreateFSub(Lhs, Rhs, Name); break;
  case Opcode::F32Mul: case Opcode::F64Mul: Result = B.CreateFMul(Lhs, Rhs, Name); break;
  case Opcode::F32Div: case Opcode::F64Div: Result = B.CreateFDiv(Lhs, Rhs, Name); break;
  case Opcode::F32Min: case Opcode::F64Min:
    push(quietNaN(B.CreateBinaryIntrinsic(llvm::Intrinsic::minimum, Lhs, Rhs, nullptr, Name)));
    return;
  case Opcode::F32Max: case Opcode::F64Max:
    push(quietNaN(B.CreateBinaryIntrinsic(llvm::Intrinsic::maximum, Lhs, Rhs, nullptr, Name)));
    return;
  default:
    push(B.CreateBinaryIntrinsic(llvm::Intrinsic::copysign, Lhs, Rhs, nullptr, Name));
    return;
  }
  push(mayFoldToOperand(I.Op, Lhs, Rhs) ? quietNaN(Result) : Result);
}

llvm::Error FunctionTranslator::translateFloatOps(const wasm::Instruction &I) {
  if (std::optional<Pred> Predicate = floatPredicate(I.Op)) {
    translateCompare(*Predicate);
    return llvm::Error::success();
  }
  switch (I.Op) {
  case Opcode::F32Const:
    // From the bits, so that NaN payloads are kept exactly.
    push(llvm::ConstantFP::get(
        MC.Ctx, llvm::APFloat(llvm::APFloat::IEEEsingle(), llvm::APInt(32, I.f32Bits()))));
    break;
  case Opcode::F64Const:
    push(llvm::ConstantFP::get(
        MC.Ctx, llvm::APFloat(llvm::APFloat::IEEEdouble(), llvm::APInt(64, I.f64Bits()))));
    break;
  case Opcode::F32Abs: case Opcode::F32Neg: case Opcode::F32Ceil: case Opcode::F32Floor:
  case Opcode::F32Trunc: case Opcode::F32Nearest: case Opcode::F32Sqrt:
  case Opcode::F64Abs: case Opcode::F64Neg: case Opcode::F64Ceil: case Opcode::F64Floor:
  case Opcode::F64Trunc: case Opcode::F64Nearest: case Opcode::F64Sqrt:
    translateFloatUnary(I);
    break;
  case Opcode::F32Add: case Opcode::F32Sub: case Opcode::F32Mul: case Opcode::F32Div:
  case Opcode::F32Min: case Opcode::F32Max: case Opcode::F32Copysign:
  case Opcode::F64Add: case Opcode::F64Sub: case Opcode::F64Mul: case Opcode::F64Div:
  case Opcode::F64Min: case Opcode::F64Max: case Opcode::F64Copysign:
    translateFloatBinary(I);
    break;
  default: return unsupported(I, "float");
  }
  return llvm::Error::success();
}

} // namespace kiln::translate
