//===- SIMDFloat.cpp - f32x4 and f64x2 arithmetic and comparisons ---------===//
//
// The lane-wise versions of FloatOps.cpp, with the same reasoning: LLVM's
// default floating-point environment is Wasm's, min/max are
// llvm.minimum/maximum (NaN-propagating, -0 below +0), nearest is
// llvm.roundeven, and a NaN result is quieted with integer operations where
// LLVM may skip the arithmetic that would quiet a signalling NaN (min/max
// always; add/sub/mul/div when a constant operand makes them foldable).
//
// pmin/pmax are not min/max: the spec defines them as `b < a ? b : a` and
// `a < b ? b : a`, returning an operand unchanged (NaN or not), which is
// exactly a compare and a select (NEON fcmgt+bit, x86 minps or cmpps+blendvps).
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"
#include "SIMDLanes.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Intrinsics.h"

#include <cmath>
#include <initializer_list>
#include <optional>

namespace kiln::translate {

using wasm::Opcode;
using Pred = llvm::CmpInst::Predicate;
using namespace simd;

static std::optional<Pred> floatPredicate(Opcode Op) {
  switch (Op) {
  case Opcode::F32x4Eq: case Opcode::F64x2Eq: return Pred::FCMP_OEQ;
  // Unordered: NaN is not equal to anything, itself included.
  case Opcode::F32x4Ne: case Opcode::F64x2Ne: return Pred::FCMP_UNE;
  case Opcode::F32x4Lt: case Opcode::F64x2Lt: return Pred::FCMP_OLT;
  case Opcode::F32x4Gt: case Opcode::F64x2Gt: return Pred::FCMP_OGT;
  case Opcode::F32x4Le: case Opcode::F64x2Le: return Pred::FCMP_OLE;
  case Opcode::F32x4Ge: case Opcode::F64x2Ge: return Pred::FCMP_OGE;
  default: return std::nullopt;
  }
}

static std::optional<llvm::Intrinsic::ID> unaryIntrinsic(Opcode Op) {
  switch (Op) {
  case Opcode::F32x4Abs: case Opcode::F64x2Abs: return llvm::Intrinsic::fabs;
  case Opcode::F32x4Sqrt: case Opcode::F64x2Sqrt: return llvm::Intrinsic::sqrt;
  case Opcode::F32x4Ceil: case Opcode::F64x2Ceil: return llvm::Intrinsic::ceil;
  case Opcode::F32x4Floor: case Opcode::F64x2Floor: return llvm::Intrinsic::floor;
  case Opcode::F32x4Trunc: case Opcode::F64x2Trunc: return llvm::Intrinsic::trunc;
  case Opcode::F32x4Nearest: case Opcode::F64x2Nearest: return llvm::Intrinsic::roundeven;
  default: return std::nullopt;
  }
}

static std::optional<llvm::Instruction::BinaryOps> arithmeticOp(Opcode Op) {
  switch (Op) {
  case Opcode::F32x4Add: case Opcode::F64x2Add: return llvm::Instruction::FAdd;
  case Opcode::F32x4Sub: case Opcode::F64x2Sub: return llvm::Instruction::FSub;
  case Opcode::F32x4Mul: case Opcode::F64x2Mul: return llvm::Instruction::FMul;
  case Opcode::F32x4Div: case Opcode::F64x2Div: return llvm::Instruction::FDiv;
  default: return std::nullopt;
  }
}

/// `Lanes` with the quiet bit set in every NaN lane.
static llvm::Value *quietLanes(llvm::IRBuilderBase &B, llvm::Value *Lanes) {
  auto *Type = llvm::cast<llvm::FixedVectorType>(Lanes->getType());
  unsigned Bits = Type->getScalarSizeInBits();
  llvm::Type *IntType = llvm::VectorType::getInteger(Type);
  // The mantissa's top bit: bit 22 of f32, 51 of f64.
  llvm::APInt QuietBit =
      llvm::APInt::getOneBitSet(Bits, Type->getElementType()->getFPMantissaWidth() - 2);
  llvm::Value *AsInt = B.CreateBitCast(Lanes, IntType);
  llvm::Value *Quieted = B.CreateOr(AsInt, llvm::ConstantInt::get(IntType, QuietBit));
  llvm::Value *IsNaN = B.CreateFCmpUNO(Lanes, Lanes, "is.nan");
  return B.CreateBitCast(B.CreateSelect(IsNaN, Quieted, AsInt), Type, "quieted");
}

/// Whether `V` is a constant whose every lane is one of `Values` (with the
/// sign of zero significant).
static bool allLanesAre(llvm::Value *V, std::initializer_list<double> Values) {
  auto *C = llvm::dyn_cast<llvm::Constant>(V);
  if (!C)
    return false;
  unsigned Count = llvm::cast<llvm::FixedVectorType>(V->getType())->getNumElements();
  for (unsigned Lane = 0; Lane < Count; ++Lane) {
    auto *Element = llvm::dyn_cast_or_null<llvm::ConstantFP>(C->getAggregateElement(Lane));
    if (!Element)
      return false;
    bool Matches = false;
    for (double Expected : Values)
      Matches |= Element->isExactlyValue(Expected) &&
                 Element->isNegative() == std::signbit(Expected);
    if (!Matches)
      return false;
  }
  return true;
}

/// Whether LLVM may fold the operation to (the negation of) an operand,
/// skipping the arithmetic that would quiet a signalling NaN.
static bool mayFoldToOperand(llvm::Instruction::BinaryOps Op, llvm::Value *Lhs,
                             llvm::Value *Rhs) {
  switch (Op) {
  case llvm::Instruction::FAdd: return allLanesAre(Lhs, {-0.0}) || allLanesAre(Rhs, {-0.0});
  case llvm::Instruction::FSub: return allLanesAre(Rhs, {0.0}) || allLanesAre(Lhs, {-0.0});
  case llvm::Instruction::FMul:
    return allLanesAre(Lhs, {1.0, -1.0}) || allLanesAre(Rhs, {1.0, -1.0});
  case llvm::Instruction::FDiv: return allLanesAre(Rhs, {1.0, -1.0});
  default: return false;
  }
}

/// The binary operations; `Lhs` and `Rhs` are float lanes.
static llvm::Value *floatBinary(llvm::IRBuilderBase &B, Opcode Op, llvm::Value *Lhs,
                                llvm::Value *Rhs, const llvm::Twine &Name) {
  if (std::optional<llvm::Instruction::BinaryOps> Arith = arithmeticOp(Op)) {
    llvm::Value *Result = B.CreateBinOp(*Arith, Lhs, Rhs, Name);
    return mayFoldToOperand(*Arith, Lhs, Rhs) ? quietLanes(B, Result) : Result;
  }
  using llvm::Intrinsic::maximum, llvm::Intrinsic::minimum;
  switch (Op) {
  case Opcode::F32x4Min: case Opcode::F64x2Min:
    return quietLanes(B, B.CreateBinaryIntrinsic(minimum, Lhs, Rhs, nullptr, Name));
  case Opcode::F32x4Max: case Opcode::F64x2Max:
    return quietLanes(B, B.CreateBinaryIntrinsic(maximum, Lhs, Rhs, nullptr, Name));
  case Opcode::F32x4Pmin: case Opcode::F64x2Pmin:
    return B.CreateSelect(B.CreateFCmpOLT(Rhs, Lhs), Rhs, Lhs, Name);
  case Opcode::F32x4Pmax: case Opcode::F64x2Pmax:
    return B.CreateSelect(B.CreateFCmpOLT(Lhs, Rhs), Rhs, Lhs, Name);
  default: return nullptr;
  }
}

llvm::Error FunctionTranslator::translateSIMDFloat(const wasm::Instruction &I) {
  std::string Name(opcodeName(I.Op));
  llvm::FixedVectorType *Lanes = floatLanes(MC.Ctx, laneBits(I.Op));
  std::vector<llvm::Value *> Ops = popN(wasm::opcodeInfo(I.Op).Operands.size());
  // In order, so that the IR is the same whichever compiler built Kiln.
  std::vector<llvm::Value *> Operands;
  for (llvm::Value *Op : Ops)
    Operands.push_back(asLanes(B, Op, Lanes));
  llvm::Value *Result = nullptr;
  if (std::optional<Pred> Predicate = floatPredicate(I.Op))
    Result = laneMask(B, B.CreateFCmp(*Predicate, Operands[0], Operands[1]), Lanes, Name);
  else if (std::optional<llvm::Intrinsic::ID> ID = unaryIntrinsic(I.Op))
    Result = B.CreateUnaryIntrinsic(*ID, Operands[0], nullptr, Name);
  else if (I.Op == Opcode::F32x4Neg || I.Op == Opcode::F64x2Neg)
    Result = B.CreateFNeg(Operands[0], Name);
  else if (Operands.size() == 2)
    Result = floatBinary(B, I.Op, Operands[0], Operands[1], Name);
  if (!Result)
    return unsupported(I, "SIMD float");
  push(asV128(B, Result));
  return llvm::Error::success();
}

} // namespace kiln::translate
