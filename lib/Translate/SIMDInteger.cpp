//===- SIMDInteger.cpp - Integer lane arithmetic, compares and reductions -===//
//
// Lane-wise operations are plain vector IR or the generic intrinsics
// (llvm.sadd.sat, llvm.smin, llvm.abs, llvm.ctpop), which backends lower to
// single instructions where the target has them. Where Wasm defines what
// LLVM leaves undefined it is spelled out: shift counts are taken modulo the
// lane width, abs of the minimum is the minimum (is_int_min_poison false).
//
// The widening operations (avgr_u, q15mulr_sat_s, extmul, extadd_pairwise,
// dot) compute in lanes of twice the width and narrow back, the shapes
// x86's pavg/pmaddwd/pmuldq and NEON's urhadd/smull/saddlp are matched from.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"
#include "SIMDLanes.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Intrinsics.h"

#include <optional>

namespace kiln::translate {

using wasm::Opcode;
using Pred = llvm::CmpInst::Predicate;
using namespace simd;

static std::optional<Pred> integerPredicate(Opcode Op) {
  switch (Op) {
  case Opcode::I8x16Eq: case Opcode::I16x8Eq: case Opcode::I32x4Eq: case Opcode::I64x2Eq:
    return Pred::ICMP_EQ;
  case Opcode::I8x16Ne: case Opcode::I16x8Ne: case Opcode::I32x4Ne: case Opcode::I64x2Ne:
    return Pred::ICMP_NE;
  case Opcode::I8x16LtS: case Opcode::I16x8LtS: case Opcode::I32x4LtS: case Opcode::I64x2LtS:
    return Pred::ICMP_SLT;
  case Opcode::I8x16LtU: case Opcode::I16x8LtU: case Opcode::I32x4LtU: return Pred::ICMP_ULT;
  case Opcode::I8x16GtS: case Opcode::I16x8GtS: case Opcode::I32x4GtS: case Opcode::I64x2GtS:
    return Pred::ICMP_SGT;
  case Opcode::I8x16GtU: case Opcode::I16x8GtU: case Opcode::I32x4GtU: return Pred::ICMP_UGT;
  case Opcode::I8x16LeS: case Opcode::I16x8LeS: case Opcode::I32x4LeS: case Opcode::I64x2LeS:
    return Pred::ICMP_SLE;
  case Opcode::I8x16LeU: case Opcode::I16x8LeU: case Opcode::I32x4LeU: return Pred::ICMP_ULE;
  case Opcode::I8x16GeS: case Opcode::I16x8GeS: case Opcode::I32x4GeS: case Opcode::I64x2GeS:
    return Pred::ICMP_SGE;
  case Opcode::I8x16GeU: case Opcode::I16x8GeU: case Opcode::I32x4GeU: return Pred::ICMP_UGE;
  default: return std::nullopt;
  }
}

static std::optional<llvm::Instruction::BinaryOps> plainBinaryOp(Opcode Op) {
  switch (Op) {
  case Opcode::I8x16Add: case Opcode::I16x8Add: case Opcode::I32x4Add: case Opcode::I64x2Add:
    return llvm::Instruction::Add;
  case Opcode::I8x16Sub: case Opcode::I16x8Sub: case Opcode::I32x4Sub: case Opcode::I64x2Sub:
    return llvm::Instruction::Sub;
  case Opcode::I16x8Mul: case Opcode::I32x4Mul: case Opcode::I64x2Mul:
    return llvm::Instruction::Mul;
  case Opcode::I8x16Shl: case Opcode::I16x8Shl: case Opcode::I32x4Shl: case Opcode::I64x2Shl:
    return llvm::Instruction::Shl;
  case Opcode::I8x16ShrS: case Opcode::I16x8ShrS: case Opcode::I32x4ShrS:
  case Opcode::I64x2ShrS:
    return llvm::Instruction::AShr;
  case Opcode::I8x16ShrU: case Opcode::I16x8ShrU: case Opcode::I32x4ShrU:
  case Opcode::I64x2ShrU:
    return llvm::Instruction::LShr;
  default: return std::nullopt;
  }
}

static std::optional<llvm::Intrinsic::ID> binaryIntrinsic(Opcode Op) {
  switch (Op) {
  case Opcode::I8x16AddSatS: case Opcode::I16x8AddSatS: return llvm::Intrinsic::sadd_sat;
  case Opcode::I8x16AddSatU: case Opcode::I16x8AddSatU: return llvm::Intrinsic::uadd_sat;
  case Opcode::I8x16SubSatS: case Opcode::I16x8SubSatS: return llvm::Intrinsic::ssub_sat;
  case Opcode::I8x16SubSatU: case Opcode::I16x8SubSatU: return llvm::Intrinsic::usub_sat;
  case Opcode::I8x16MinS: case Opcode::I16x8MinS: case Opcode::I32x4MinS:
    return llvm::Intrinsic::smin;
  case Opcode::I8x16MinU: case Opcode::I16x8MinU: case Opcode::I32x4MinU:
    return llvm::Intrinsic::umin;
  case Opcode::I8x16MaxS: case Opcode::I16x8MaxS: case Opcode::I32x4MaxS:
    return llvm::Intrinsic::smax;
  case Opcode::I8x16MaxU: case Opcode::I16x8MaxU: case Opcode::I32x4MaxU:
    return llvm::Intrinsic::umax;
  default: return std::nullopt;
  }
}

/// `Lanes` shifted by a scalar i32 count, taken modulo the lane width as in
/// Wasm (LLVM would give poison for counts of the width or more).
static llvm::Value *shiftLanes(llvm::IRBuilderBase &B, llvm::Instruction::BinaryOps Op,
                               llvm::Value *Lanes, llvm::Value *Count, const llvm::Twine &Name) {
  auto *Type = llvm::cast<llvm::FixedVectorType>(Lanes->getType());
  unsigned Bits = Type->getScalarSizeInBits();
  llvm::Value *Masked = B.CreateAnd(Count, Bits - 1, "shift.count");
  llvm::Value *LaneCount = B.CreateZExtOrTrunc(Masked, Type->getElementType());
  return B.CreateBinOp(Op, Lanes, splat(B, LaneCount, Type->getNumElements()), Name);
}

/// Rounding average: (a + b + 1) / 2 without losing the carry.
static llvm::Value *averageRounded(llvm::IRBuilderBase &B, llvm::Value *Lhs, llvm::Value *Rhs,
                                   const llvm::Twine &Name) {
  llvm::Type *Narrow = Lhs->getType();
  llvm::Type *Wide = llvm::VectorType::getExtendedElementVectorType(
      llvm::cast<llvm::VectorType>(Narrow));
  llvm::Value *Sum = B.CreateAdd(B.CreateZExt(Lhs, Wide), B.CreateZExt(Rhs, Wide));
  Sum = B.CreateAdd(Sum, llvm::ConstantInt::get(Wide, 1));
  return B.CreateTrunc(B.CreateLShr(Sum, llvm::ConstantInt::get(Wide, 1)), Narrow, Name);
}

/// Q15 rounding multiply: (a * b + 2^14) >> 15, saturated. Only
/// -32768 * -32768 overflows, so clamping the top suffices.
static llvm::Value *q15MulRounded(llvm::IRBuilderBase &B, llvm::Value *Lhs, llvm::Value *Rhs,
                                  const llvm::Twine &Name) {
  llvm::Type *Narrow = Lhs->getType();
  llvm::Type *Wide = llvm::VectorType::getExtendedElementVectorType(
      llvm::cast<llvm::VectorType>(Narrow));
  llvm::Value *Product = B.CreateMul(B.CreateSExt(Lhs, Wide), B.CreateSExt(Rhs, Wide));
  llvm::Value *Rounded = B.CreateAShr(B.CreateAdd(Product, llvm::ConstantInt::get(Wide, 0x4000)),
                                      llvm::ConstantInt::get(Wide, 15));
  llvm::Value *Clamped = B.CreateBinaryIntrinsic(llvm::Intrinsic::smin, Rounded,
                                                 llvm::ConstantInt::get(Wide, 0x7fff));
  return B.CreateTrunc(Clamped, Narrow, Name);
}

/// i32x4.dot_i16x8_s: products of signed pairs, adjacent ones summed.
static llvm::Value *dotProduct(llvm::IRBuilderBase &B, llvm::Value *Lhs, llvm::Value *Rhs,
                               const llvm::Twine &Name) {
  llvm::Type *Wide = intLanes(B.getContext(), 32, 8);
  llvm::Value *Products = B.CreateMul(B.CreateSExt(Lhs, Wide), B.CreateSExt(Rhs, Wide));
  return B.CreateAdd(strideLanes(B, Products, 0), strideLanes(B, Products, 1), Name);
}

/// extadd_pairwise: adjacent lanes extended and summed.
static llvm::Value *addPairs(llvm::IRBuilderBase &B, llvm::Value *Lanes, bool Signed,
                             const llvm::Twine &Name) {
  auto *Type = llvm::cast<llvm::FixedVectorType>(Lanes->getType());
  llvm::Type *Wide = llvm::FixedVectorType::get(B.getIntNTy(2 * Type->getScalarSizeInBits()),
                                                Type->getNumElements() / 2);
  auto Extend = [&](llvm::Value *V) {
    return Signed ? B.CreateSExt(V, Wide) : B.CreateZExt(V, Wide);
  };
  return B.CreateAdd(Extend(strideLanes(B, Lanes, 0)), Extend(strideLanes(B, Lanes, 1)), Name);
}

namespace {
/// extmul_{low,high}_*_{s,u}: which half, which extension.
struct ExtMul {
  bool High;
  bool Signed;
};
} // namespace

static std::optional<ExtMul> extMulShape(Opcode Op) {
  switch (Op) {
  case Opcode::I16x8ExtmulLowI8x16S: case Opcode::I32x4ExtmulLowI16x8S:
  case Opcode::I64x2ExtmulLowI32x4S:
    return ExtMul{false, true};
  case Opcode::I16x8ExtmulHighI8x16S: case Opcode::I32x4ExtmulHighI16x8S:
  case Opcode::I64x2ExtmulHighI32x4S:
    return ExtMul{true, true};
  case Opcode::I16x8ExtmulLowI8x16U: case Opcode::I32x4ExtmulLowI16x8U:
  case Opcode::I64x2ExtmulLowI32x4U:
    return ExtMul{false, false};
  case Opcode::I16x8ExtmulHighI8x16U: case Opcode::I32x4ExtmulHighI16x8U:
  case Opcode::I64x2ExtmulHighI32x4U:
    return ExtMul{true, false};
  default: return std::nullopt;
  }
}

/// The operations that are neither a compare nor a lane-wise binary
/// operation; `Ops` are the popped operands, v128s still as <2 x i64>.
static llvm::Value *otherIntegerOp(llvm::IRBuilderBase &B, Opcode Op,
                                   std::span<llvm::Value *const> Ops, const llvm::Twine &Name) {
  llvm::LLVMContext &Ctx = B.getContext();
  unsigned Bits = laneBits(Op);
  // Made when used: the widening operations read lanes of half the width.
  auto LanesOf = [&](size_t Index) { return asLanes(B, Ops[Index], intLanes(Ctx, Bits)); };
  auto HalfLanesOf = [&](size_t Index) { return asLanes(B, Ops[Index], intLanes(Ctx, Bits / 2)); };
  llvm::Value *Zero = llvm::Constant::getNullValue(intLanes(Ctx, Bits));
  switch (Op) {
  case Opcode::I8x16Abs: case Opcode::I16x8Abs: case Opcode::I32x4Abs: case Opcode::I64x2Abs:
    // abs(INT_MIN) is INT_MIN in Wasm, so it must not be poison.
    return B.CreateBinaryIntrinsic(llvm::Intrinsic::abs, LanesOf(0), B.getFalse(), nullptr, Name);
  case Opcode::I8x16Neg: case Opcode::I16x8Neg: case Opcode::I32x4Neg: case Opcode::I64x2Neg:
    return B.CreateSub(Zero, LanesOf(0), Name);
  case Opcode::I8x16Popcnt:
    return B.CreateUnaryIntrinsic(llvm::Intrinsic::ctpop, LanesOf(0), nullptr, Name);
  case Opcode::I8x16AllTrue: case Opcode::I16x8AllTrue: case Opcode::I32x4AllTrue:
  case Opcode::I64x2AllTrue:
    return B.CreateZExt(B.CreateAndReduce(B.CreateICmpNE(LanesOf(0), Zero)), B.getInt32Ty(), Name);
  case Opcode::I8x16Bitmask: case Opcode::I16x8Bitmask: case Opcode::I32x4Bitmask:
  case Opcode::I64x2Bitmask: {
    // The sign bits as an iN, lane 0 in bit 0: pmovmskb/movmskps on x86.
    llvm::Value *Signs = B.CreateICmpSLT(LanesOf(0), Zero, "sign");
    llvm::Value *Packed = B.CreateBitCast(Signs, B.getIntNTy(128 / Bits));
    return B.CreateZExt(Packed, B.getInt32Ty(), Name);
  }
  case Opcode::I8x16AvgrU: case Opcode::I16x8AvgrU: {
    llvm::Value *Lhs = LanesOf(0);
    return averageRounded(B, Lhs, LanesOf(1), Name);
  }
  case Opcode::I16x8Q15mulrSatS: {
    llvm::Value *Lhs = LanesOf(0);
    return q15MulRounded(B, Lhs, LanesOf(1), Name);
  }
  case Opcode::I32x4DotI16x8S: {
    llvm::Value *Lhs = HalfLanesOf(0);
    return dotProduct(B, Lhs, HalfLanesOf(1), Name);
  }
  case Opcode::I16x8ExtaddPairwiseI8x16S: case Opcode::I32x4ExtaddPairwiseI16x8S:
    return addPairs(B, HalfLanesOf(0), /*Signed=*/true, Name);
  case Opcode::I16x8ExtaddPairwiseI8x16U: case Opcode::I32x4ExtaddPairwiseI16x8U:
    return addPairs(B, HalfLanesOf(0), /*Signed=*/false, Name);
  default: return nullptr;
  }
}

llvm::Error FunctionTranslator::translateSIMDInteger(const wasm::Instruction &I) {
  std::string Name(opcodeName(I.Op));
  llvm::FixedVectorType *Lanes = intLanes(MC.Ctx, laneBits(I.Op));
  std::vector<llvm::Value *> Ops = popN(wasm::opcodeInfo(I.Op).Operands.size());
  // Each operand made in its own statement, so that the IR is the same
  // whichever compiler built Kiln.
  llvm::Value *Lhs = nullptr, *Rhs = nullptr;
  auto LaneOperands = [&] {
    Lhs = asLanes(B, Ops[0], Lanes);
    Rhs = asLanes(B, Ops[1], Lanes);
  };
  llvm::Value *Result = nullptr;
  if (std::optional<Pred> Predicate = integerPredicate(I.Op)) {
    LaneOperands();
    Result = laneMask(B, B.CreateICmp(*Predicate, Lhs, Rhs), Lanes, Name);
  } else if (std::optional<llvm::Instruction::BinaryOps> Op = plainBinaryOp(I.Op)) {
    if (llvm::Instruction::isShift(*Op)) {
      Result = shiftLanes(B, *Op, asLanes(B, Ops[0], Lanes), Ops[1], Name);
    } else {
      LaneOperands();
      Result = B.CreateBinOp(*Op, Lhs, Rhs, Name);
    }
  } else if (std::optional<llvm::Intrinsic::ID> ID = binaryIntrinsic(I.Op)) {
    LaneOperands();
    Result = B.CreateBinaryIntrinsic(*ID, Lhs, Rhs, nullptr, Name);
  } else if (std::optional<ExtMul> Shape = extMulShape(I.Op)) {
    // The operands have lanes of half the result's width.
    llvm::FixedVectorType *Narrow = intLanes(MC.Ctx, laneBits(I.Op) / 2);
    Lhs = extendHalf(B, asLanes(B, Ops[0], Narrow), Shape->High, Shape->Signed);
    Rhs = extendHalf(B, asLanes(B, Ops[1], Narrow), Shape->High, Shape->Signed);
    Result = B.CreateMul(Lhs, Rhs, Name);
  } else {
    Result = otherIntegerOp(B, I.Op, Ops, Name);
  }
  if (!Result)
    return unsupported(I, "SIMD integer");
  push(Result->getType()->isVectorTy() ? asV128(B, Result) : Result);
  return llvm::Error::success();
}

} // namespace kiln::translate
