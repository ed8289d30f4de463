//===- Conversions.cpp - Wrap, extend, truncate, convert, reinterpret -----===//
//
// fptosi/fptoui give poison outside the target range, so the trapping
// truncations check first: NaN traps with "invalid conversion to integer",
// anything whose truncation does not fit traps with "integer overflow". The
// saturating ones are exactly llvm.fpto[su]i.sat (NaN gives 0).
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Intrinsics.h"

#include <cmath>

namespace kiln::translate {

using wasm::Opcode;

namespace {
/// The open or half-open interval of inputs whose truncation fits.
struct TruncRange {
  double Lower;        ///< Inputs must be above this (or equal if inclusive).
  bool LowerInclusive;
  double Upper;        ///< Inputs must be below this.
};
} // namespace

static TruncRange truncRange(llvm::Type *From, unsigned Bits, bool Signed) {
  if (!Signed)
    return {-1.0, false, std::ldexp(1.0, Bits)};
  double Min = -std::ldexp(1.0, Bits - 1);
  // -2^(N-1) - 1 truncates out of range; where the source type can hold it
  // (f64 for i32), the bound is exclusive at that value, so -2147483648.9
  // still converts. Elsewhere the next value below -2^(N-1) is already out.
  bool CanHoldMinMinusOne = From->isDoubleTy() && Bits == 32;
  if (CanHoldMinMinusOne)
    return {Min - 1.0, false, -Min};
  return {Min, true, -Min};
}

void FunctionTranslator::translateTruncTrapping(llvm::Type *To, bool Signed) {
  llvm::Value *Operand = pop();
  llvm::Type *From = Operand->getType();
  std::string Name(opcodeName(Current->Op));
  emitTrapIf(B.CreateFCmpUNO(Operand, Operand, "is.nan"),
             abi::TrapCode::InvalidConversionToInteger);
  TruncRange Range = truncRange(From, To->getIntegerBitWidth(), Signed);
  llvm::Value *Lower = llvm::ConstantFP::get(From, Range.Lower);
  llvm::Value *TooLow = Range.LowerInclusive ? B.CreateFCmpOLT(Operand, Lower)
                                             : B.CreateFCmpOLE(Operand, Lower);
  llvm::Value *TooHigh = B.CreateFCmpOGE(Operand, llvm::ConstantFP::get(From, Range.Upper));
  emitTrapIf(B.CreateOr(TooLow, TooHigh, "out.of.range"), abi::TrapCode::IntegerOverflow);
  push(Signed ? B.CreateFPToSI(Operand, To, Name) : B.CreateFPToUI(Operand, To, Name));
}

void FunctionTranslator::translateTruncSaturating(llvm::Type *To, bool Signed) {
  llvm::Value *Operand = pop();
  push(B.CreateIntrinsic(Signed ? llvm::Intrinsic::fptosi_sat : llvm::Intrinsic::fptoui_sat,
                         {To, Operand->getType()}, {Operand}, nullptr,
                         opcodeName(Current->Op)));
}

llvm::Error FunctionTranslator::translateConversion(const wasm::Instruction &I) {
  std::string Name(opcodeName(I.Op));
  llvm::Type *Result = MC.valueType(wasm::opcodeInfo(I.Op).Results[0]);
  switch (I.Op) {
  case Opcode::I32WrapI64: push(B.CreateTrunc(pop(), Result, Name)); break;
  case Opcode::I64ExtendI32S: push(B.CreateSExt(pop(), Result, Name)); break;
  case Opcode::I64ExtendI32U: push(B.CreateZExt(pop(), Result, Name)); break;
  case Opcode::I32TruncF32S: case Opcode::I32TruncF64S:
  case Opcode::I64TruncF32S: case Opcode::I64TruncF64S:
    translateTruncTrapping(Result, /*Signed=*/true);
    break;
  case Opcode::I32TruncF32U: case Opcode::I32TruncF64U:
  case Opcode::I64TruncF32U: case Opcode::I64TruncF64U:
    translateTruncTrapping(Result, /*Signed=*/false);
    break;
  case Opcode::I32TruncSatF32S: case Opcode::I32TruncSatF64S:
  case Opcode::I64TruncSatF32S: case Opcode::I64TruncSatF64S:
    translateTruncSaturating(Result, /*Signed=*/true);
    break;
  case Opcode::I32TruncSatF32U: case Opcode::I32TruncSatF64U:
  case Opcode::I64TruncSatF32U: case Opcode::I64TruncSatF64U:
    translateTruncSaturating(Result, /*Signed=*/false);
    break;
  case Opcode::F32ConvertI32S: case Opcode::F32ConvertI64S:
  case Opcode::F64ConvertI32S: case Opcode::F64ConvertI64S:
    push(B.CreateSIToFP(pop(), Result, Name));
    break;
  case Opcode::F32ConvertI32U: case Opcode::F32ConvertI64U:
  case Opcode::F64ConvertI32U: case Opcode::F64ConvertI64U:
    push(B.CreateUIToFP(pop(), Result, Name));
    break;
  case Opcode::F32DemoteF64: {
    // LLVM folds demote(promote x) to x, which would keep a signalling NaN
    // signalling (see FloatOps.cpp).
    llvm::Value *Operand = pop();
    llvm::Value *Demoted = B.CreateFPTrunc(Operand, Result, Name);
    push(llvm::isa<llvm::FPExtInst>(Operand) ? quietNaN(Demoted) : Demoted);
    break;
  }
  case Opcode::F64PromoteF32: push(B.CreateFPExt(pop(), Result, Name)); break;
  case Opcode::I32ReinterpretF32: case Opcode::I64ReinterpretF64:
  case Opcode::F32ReinterpretI32: case Opcode::F64ReinterpretI64:
    push(B.CreateBitCast(pop(), Result, Name));
    break;
  default: return unsupported(I, "conversion");
  }
  return llvm::Error::success();
}

} // namespace kiln::translate
