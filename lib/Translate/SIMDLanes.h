//===- SIMDLanes.h - Lane views of a v128, shared by the SIMD files -*- C++ -*-===//
//
// A v128 travels as <2 x i64> (locals, phis, calls, the operand stack); each
// SIMD instruction bitcasts it to the lane shape it computes on and back.
// The bitcasts are free in every backend and InstCombine folds the pairs.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_TRANSLATE_SIMDLANES_H
#define KILN_LIB_TRANSLATE_SIMDLANES_H

#include "kiln/Wasm/Opcode.h"

#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/IR/IRBuilder.h"

#include <numeric>

namespace kiln::translate::simd {

/// The lane width of a SIMD opcode, from the AlignLog2 column of Opcodes.def.
inline unsigned laneBits(wasm::Opcode Op) {
  return 8u << wasm::opcodeInfo(Op).NaturalAlignLog2;
}

/// <16 x i8>, <8 x i16>, <4 x i32> or <2 x i64>; `Count` lanes when given.
inline llvm::FixedVectorType *intLanes(llvm::LLVMContext &Ctx, unsigned LaneBits,
                                       unsigned Count = 0) {
  return llvm::FixedVectorType::get(llvm::IntegerType::get(Ctx, LaneBits),
                                    Count ? Count : 128 / LaneBits);
}

/// <4 x float> or <2 x double>; `Count` lanes when given.
inline llvm::FixedVectorType *floatLanes(llvm::LLVMContext &Ctx, unsigned LaneBits,
                                         unsigned Count = 0) {
  llvm::Type *Lane =
      LaneBits == 32 ? llvm::Type::getFloatTy(Ctx) : llvm::Type::getDoubleTy(Ctx);
  return llvm::FixedVectorType::get(Lane, Count ? Count : 128 / LaneBits);
}

inline llvm::Value *asLanes(llvm::IRBuilderBase &B, llvm::Value *V128,
                            llvm::FixedVectorType *Lanes) {
  // A v128.const becomes a constant of the lane type rather than a bitcast
  // expression, so that its lanes can be inspected (SIMDFloat.cpp) and read.
  if (auto *C = llvm::dyn_cast<llvm::Constant>(V128))
    if (llvm::Constant *Folded = llvm::ConstantFoldCastOperand(
            llvm::Instruction::BitCast, C, Lanes, B.GetInsertBlock()->getDataLayout()))
      return Folded;
  return B.CreateBitCast(V128, Lanes);
}

/// Back to the <2 x i64> every v128 value has outside an instruction.
inline llvm::Value *asV128(llvm::IRBuilderBase &B, llvm::Value *Lanes) {
  return B.CreateBitCast(Lanes, llvm::FixedVectorType::get(B.getInt64Ty(), 2));
}

/// Lanes [First, First + Count) of `Vector`, as a vector of `Count` lanes.
inline llvm::Value *laneRange(llvm::IRBuilderBase &B, llvm::Value *Vector, unsigned First,
                              unsigned Count, const llvm::Twine &Name = "") {
  llvm::SmallVector<int, 16> Mask(Count);
  std::iota(Mask.begin(), Mask.end(), static_cast<int>(First));
  return B.CreateShuffleVector(Vector, Mask, Name);
}

/// Every other lane of `Vector`, starting at `First` (0: even, 1: odd).
inline llvm::Value *strideLanes(llvm::IRBuilderBase &B, llvm::Value *Vector, unsigned First,
                                const llvm::Twine &Name = "") {
  unsigned Count = llvm::cast<llvm::FixedVectorType>(Vector->getType())->getNumElements() / 2;
  llvm::SmallVector<int, 8> Mask(Count);
  for (unsigned Index = 0; Index < Count; ++Index)
    Mask[Index] = static_cast<int>(2 * Index + First);
  return B.CreateShuffleVector(Vector, Mask, Name);
}

/// `Value` (a scalar of the lane type) in every lane of a `Count`-lane vector.
inline llvm::Value *splat(llvm::IRBuilderBase &B, llvm::Value *Value, unsigned Count,
                          const llvm::Twine &Name = "") {
  return B.CreateVectorSplat(Count, Value, Name);
}

/// A comparison's lanes as Wasm wants them: all ones where true, else 0.
inline llvm::Value *laneMask(llvm::IRBuilderBase &B, llvm::Value *Flags, llvm::Type *LaneVector,
                             const llvm::Twine &Name = "") {
  return B.CreateSExt(Flags, llvm::VectorType::getInteger(llvm::cast<llvm::VectorType>(LaneVector)),
                      Name);
}

/// The low or high half of integer `Lanes`, each extended to twice its width.
inline llvm::Value *extendHalf(llvm::IRBuilderBase &B, llvm::Value *Lanes, bool High,
                               bool Signed, const llvm::Twine &Name = "") {
  auto *Type = llvm::cast<llvm::FixedVectorType>(Lanes->getType());
  unsigned Count = Type->getNumElements() / 2;
  llvm::Value *Half = laneRange(B, Lanes, High ? Count : 0, Count, High ? "high" : "low");
  llvm::Type *Wide = llvm::FixedVectorType::get(
      B.getIntNTy(2 * Type->getScalarSizeInBits()), Count);
  return Signed ? B.CreateSExt(Half, Wide, Name) : B.CreateZExt(Half, Wide, Name);
}

} // namespace kiln::translate::simd

#endif // KILN_LIB_TRANSLATE_SIMDLANES_H
