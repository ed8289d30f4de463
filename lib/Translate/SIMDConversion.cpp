//===- SIMDConversion.cpp - Lane shape changes: narrow, extend, convert ---===//
//
// Narrowing saturates: the two operands are concatenated, clamped with
// smax/smin to the narrow range (signed inputs in both cases; `_u` clamps
// to [0, 2^N - 1]) and truncated, which backends match to packsswb/packuswb
// and NEON sqxtn/sqxtun. Float to integer conversions are
// llvm.fpto[su]i.sat: NaN gives 0 and out-of-range lanes saturate, as Wasm
// defines; the `_zero` forms fill the upper lanes with zeros.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"
#include "SIMDLanes.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Intrinsics.h"

namespace kiln::translate {

using wasm::Opcode;
using namespace simd;

/// i8x16.narrow_i16x8_{s,u} and i16x8.narrow_i32x4_{s,u}.
static llvm::Value *narrow(llvm::IRBuilderBase &B, llvm::Value *Lhs, llvm::Value *Rhs,
                           bool Signed, const llvm::Twine &Name) {
  auto *Wide = llvm::cast<llvm::FixedVectorType>(Lhs->getType());
  unsigned NarrowBits = Wide->getScalarSizeInBits() / 2;
  llvm::SmallVector<int, 16> Mask(2 * Wide->getNumElements());
  std::iota(Mask.begin(), Mask.end(), 0);
  llvm::Value *Both = B.CreateShuffleVector(Lhs, Rhs, Mask, "concat");
  llvm::Type *BothType = Both->getType();
  llvm::APInt Low = Signed ? llvm::APInt::getSignedMinValue(NarrowBits)
                           : llvm::APInt::getZero(NarrowBits);
  llvm::APInt High = Signed ? llvm::APInt::getSignedMaxValue(NarrowBits)
                            : llvm::APInt::getMaxValue(NarrowBits);
  unsigned WideBits = 2 * NarrowBits;
  llvm::Value *Clamped = B.CreateBinaryIntrinsic(
      llvm::Intrinsic::smax, Both,
      llvm::ConstantInt::get(BothType, Signed ? Low.sext(WideBits) : Low.zext(WideBits)));
  Clamped = B.CreateBinaryIntrinsic(
      llvm::Intrinsic::smin, Clamped,
      llvm::ConstantInt::get(BothType, Signed ? High.sext(WideBits) : High.zext(WideBits)));
  return B.CreateTrunc(Clamped, intLanes(B.getContext(), NarrowBits), Name);
}

namespace {
/// extend_{low,high}_*_{s,u}: which half, which extension.
struct Extend {
  bool High;
  bool Signed;
};
} // namespace

static std::optional<Extend> extendShape(Opcode Op) {
  switch (Op) {
  case Opcode::I16x8ExtendLowI8x16S: case Opcode::I32x4ExtendLowI16x8S:
  case Opcode::I64x2ExtendLowI32x4S:
    return Extend{false, true};
  case Opcode::I16x8ExtendHighI8x16S: case Opcode::I32x4ExtendHighI16x8S:
  case Opcode::I64x2ExtendHighI32x4S:
    return Extend{true, true};
  case Opcode::I16x8ExtendLowI8x16U: case Opcode::I32x4ExtendLowI16x8U:
  case Opcode::I64x2ExtendLowI32x4U:
    return Extend{false, false};
  case Opcode::I16x8ExtendHighI8x16U: case Opcode::I32x4ExtendHighI16x8U:
  case Opcode::I64x2ExtendHighI32x4U:
    return Extend{true, false};
  default: return std::nullopt;
  }
}

/// `Half` (two lanes) followed by two zero lanes.
static llvm::Value *withZeroHigh(llvm::IRBuilderBase &B, llvm::Value *Half,
                                 const llvm::Twine &Name) {
  llvm::Value *Zero = llvm::Constant::getNullValue(Half->getType());
  return B.CreateShuffleVector(Half, Zero, {0, 1, 2, 3}, Name);
}

/// The float conversions; `Operand` is the v128 as <2 x i64>.
static llvm::Value *convertFloat(llvm::IRBuilderBase &B, Opcode Op, llvm::Value *Operand,
                                 const llvm::Twine &Name) {
  llvm::LLVMContext &Ctx = B.getContext();
  // Only the view an operation reads is made.
  auto F32s = [&] { return asLanes(B, Operand, floatLanes(Ctx, 32)); };
  auto I32s = [&] { return asLanes(B, Operand, intLanes(Ctx, 32)); };
  auto F64s = [&] { return asLanes(B, Operand, floatLanes(Ctx, 64)); };
  auto SatTrunc = [&](llvm::Intrinsic::ID ID, llvm::Value *From, llvm::Type *To,
                      const llvm::Twine &Label) {
    return B.CreateIntrinsic(ID, {To, From->getType()}, {From}, nullptr, Label);
  };
  switch (Op) {
  case Opcode::I32x4TruncSatF32x4S:
    return SatTrunc(llvm::Intrinsic::fptosi_sat, F32s(), intLanes(Ctx, 32), Name);
  case Opcode::I32x4TruncSatF32x4U:
    return SatTrunc(llvm::Intrinsic::fptoui_sat, F32s(), intLanes(Ctx, 32), Name);
  case Opcode::I32x4TruncSatF64x2SZero:
    return withZeroHigh(B, SatTrunc(llvm::Intrinsic::fptosi_sat, F64s(), intLanes(Ctx, 32, 2), ""),
                        Name);
  case Opcode::I32x4TruncSatF64x2UZero:
    return withZeroHigh(B, SatTrunc(llvm::Intrinsic::fptoui_sat, F64s(), intLanes(Ctx, 32, 2), ""),
                        Name);
  case Opcode::F32x4ConvertI32x4S: return B.CreateSIToFP(I32s(), floatLanes(Ctx, 32), Name);
  case Opcode::F32x4ConvertI32x4U: return B.CreateUIToFP(I32s(), floatLanes(Ctx, 32), Name);
  case Opcode::F64x2ConvertLowI32x4S:
    return B.CreateSIToFP(laneRange(B, I32s(), 0, 2, "low"), floatLanes(Ctx, 64), Name);
  case Opcode::F64x2ConvertLowI32x4U:
    return B.CreateUIToFP(laneRange(B, I32s(), 0, 2, "low"), floatLanes(Ctx, 64), Name);
  case Opcode::F32x4DemoteF64x2Zero:
    return withZeroHigh(B, B.CreateFPTrunc(F64s(), floatLanes(Ctx, 32, 2)), Name);
  case Opcode::F64x2PromoteLowF32x4:
    return B.CreateFPExt(laneRange(B, F32s(), 0, 2, "low"), floatLanes(Ctx, 64), Name);
  default: return nullptr;
  }
}

llvm::Error FunctionTranslator::translateSIMDConversion(const wasm::Instruction &I) {
  std::string Name(opcodeName(I.Op));
  llvm::Value *Result = nullptr;
  if (std::optional<Extend> Shape = extendShape(I.Op)) {
    // The result's lanes are twice as wide as the operand's.
    llvm::Value *Lanes = asLanes(B, pop(), intLanes(MC.Ctx, laneBits(I.Op) / 2));
    Result = extendHalf(B, Lanes, Shape->High, Shape->Signed, Name);
  } else if (I.Op == Opcode::I8x16NarrowI16x8S || I.Op == Opcode::I8x16NarrowI16x8U ||
             I.Op == Opcode::I16x8NarrowI32x4S || I.Op == Opcode::I16x8NarrowI32x4U) {
    // AlignLog2 is the result's lane; the operands' are twice as wide.
    llvm::FixedVectorType *Wide = intLanes(MC.Ctx, 2 * laneBits(I.Op));
    llvm::Value *Rhs = asLanes(B, pop(), Wide);
    llvm::Value *Lhs = asLanes(B, pop(), Wide);
    bool Signed = I.Op == Opcode::I8x16NarrowI16x8S || I.Op == Opcode::I16x8NarrowI32x4S;
    Result = narrow(B, Lhs, Rhs, Signed, Name);
  } else {
    Result = convertFloat(B, I.Op, pop(), Name);
  }
  if (!Result)
    return unsupported(I, "SIMD conversion");
  push(asV128(B, Result));
  return llvm::Error::success();
}

} // namespace kiln::translate
