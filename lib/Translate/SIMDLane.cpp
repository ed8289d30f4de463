//===- SIMDLane.cpp - v128.const, shuffles, splats and lane access --------===//
//
// i8x16.shuffle has a constant mask and is a shufflevector, which every
// backend matches to its best permute (pshufb, shufps, NEON tbl/ext/zip).
//
// i8x16.swizzle indexes with a vector: lanes whose index is 16 or more give
// 0. LLVM IR has no dynamic shuffle, and extractelement with an index out of
// range gives poison, so each lane extracts at `index & 15` and a compare
// and select zero the out-of-range ones. Backends recognise the
// extract-by-extracted-index build_vector as a variable permute (pshufb on
// x86 with SSSE3, tbl on arm64), so the IR stays target-independent yet
// becomes a few vector instructions, not a loop through the stack.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"
#include "SIMDLanes.h"

#include "llvm/IR/Constants.h"

#include <cstring>

namespace kiln::translate {

using wasm::Opcode;
using namespace simd;

static llvm::Value *swizzle(llvm::IRBuilderBase &B, llvm::Value *Table, llvm::Value *Indices) {
  llvm::Type *Bytes = Table->getType();
  llvm::Value *Wrapped = B.CreateAnd(Indices, llvm::ConstantInt::get(Bytes, 15), "swizzle.idx");
  llvm::Value *Result = llvm::PoisonValue::get(Bytes);
  for (unsigned Lane = 0; Lane < 16; ++Lane) {
    llvm::Value *Index = B.CreateExtractElement(Wrapped, uint64_t{Lane});
    Result = B.CreateInsertElement(Result, B.CreateExtractElement(Table, Index), uint64_t{Lane});
  }
  llvm::Value *InRange =
      B.CreateICmpULT(Indices, llvm::ConstantInt::get(Bytes, 16), "swizzle.in.range");
  return B.CreateSelect(InRange, Result, llvm::Constant::getNullValue(Bytes), "i8x16.swizzle");
}

/// Whether `Op` reads or writes a float lane (the others are integers).
static bool hasFloatLanes(Opcode Op) {
  switch (Op) {
  case Opcode::F32x4Splat: case Opcode::F32x4ExtractLane: case Opcode::F32x4ReplaceLane:
  case Opcode::F64x2Splat: case Opcode::F64x2ExtractLane: case Opcode::F64x2ReplaceLane:
    return true;
  default: return false;
  }
}

llvm::Error FunctionTranslator::translateSIMDLane(const wasm::Instruction &I) {
  std::string Name(opcodeName(I.Op));
  llvm::FixedVectorType *Bytes = intLanes(MC.Ctx, 8);
  switch (I.Op) {
  case Opcode::V128Const: {
    uint64_t Halves[2];
    std::memcpy(Halves, I.Bytes.data(), sizeof(Halves));
    push(llvm::ConstantDataVector::get(MC.Ctx, llvm::ArrayRef<uint64_t>(Halves)));
    return llvm::Error::success();
  }
  case Opcode::I8x16Shuffle: {
    llvm::Value *Rhs = asLanes(B, pop(), Bytes);
    llvm::Value *Lhs = asLanes(B, pop(), Bytes);
    // The validator checked every index is below 32.
    llvm::SmallVector<int, 16> Mask(I.Bytes.begin(), I.Bytes.end());
    push(asV128(B, B.CreateShuffleVector(Lhs, Rhs, Mask, Name)));
    return llvm::Error::success();
  }
  case Opcode::I8x16Swizzle: {
    llvm::Value *Indices = asLanes(B, pop(), Bytes);
    llvm::Value *Table = asLanes(B, pop(), Bytes);
    push(asV128(B, swizzle(B, Table, Indices)));
    return llvm::Error::success();
  }
  default: break;
  }

  unsigned Bits = laneBits(I.Op);
  llvm::FixedVectorType *Lanes =
      hasFloatLanes(I.Op) ? floatLanes(MC.Ctx, Bits) : intLanes(MC.Ctx, Bits);
  llvm::Type *Lane = Lanes->getElementType();
  switch (I.Op) {
  case Opcode::I8x16Splat: case Opcode::I16x8Splat: case Opcode::I32x4Splat:
  case Opcode::I64x2Splat: case Opcode::F32x4Splat: case Opcode::F64x2Splat:
    // i8 and i16 lanes take the low bits of an i32.
    push(asV128(B, splat(B, B.CreateTrunc(pop(), Lane), Lanes->getNumElements(), Name)));
    break;
  case Opcode::I8x16ExtractLaneS: case Opcode::I16x8ExtractLaneS:
    push(B.CreateSExt(B.CreateExtractElement(asLanes(B, pop(), Lanes), uint64_t{I.Lane}),
                      MC.I32Ty, Name));
    break;
  case Opcode::I8x16ExtractLaneU: case Opcode::I16x8ExtractLaneU:
    push(B.CreateZExt(B.CreateExtractElement(asLanes(B, pop(), Lanes), uint64_t{I.Lane}),
                      MC.I32Ty, Name));
    break;
  case Opcode::I32x4ExtractLane: case Opcode::I64x2ExtractLane:
  case Opcode::F32x4ExtractLane: case Opcode::F64x2ExtractLane:
    push(B.CreateExtractElement(asLanes(B, pop(), Lanes), uint64_t{I.Lane}, Name));
    break;
  case Opcode::I8x16ReplaceLane: case Opcode::I16x8ReplaceLane: case Opcode::I32x4ReplaceLane:
  case Opcode::I64x2ReplaceLane: case Opcode::F32x4ReplaceLane: case Opcode::F64x2ReplaceLane: {
    llvm::Value *Scalar = B.CreateTrunc(pop(), Lane);
    llvm::Value *Vector = asLanes(B, pop(), Lanes);
    push(asV128(B, B.CreateInsertElement(Vector, Scalar, uint64_t{I.Lane}, Name)));
    break;
  }
  default: return unsupported(I, "SIMD lane");
  }
  return llvm::Error::success();
}

} // namespace kiln::translate
