//===- SIMDBitwise.cpp - v128 logic, bitselect and any_true ---------------===//
//
// These see the 128 bits without lanes, so they work on <2 x i64> directly.
// bitselect is spelled `(a & c) | (b & ~c)`, the form backends match to
// pand/pandn/por, vpternlog (AVX-512) or NEON bsl.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

#include "llvm/IR/Constants.h"

namespace kiln::translate {

using wasm::Opcode;

llvm::Error FunctionTranslator::translateSIMDBitwise(const wasm::Instruction &I) {
  std::string Name(opcodeName(I.Op));
  switch (I.Op) {
  case Opcode::V128Not: push(B.CreateNot(pop(), Name)); break;
  case Opcode::V128AnyTrue: {
    // One compare of all 128 bits: ptest on SSE4.1, a pairwise max on NEON.
    llvm::Value *Whole = B.CreateBitCast(pop(), B.getInt128Ty());
    push(B.CreateZExt(B.CreateIsNotNull(Whole, "any.lane"), MC.I32Ty, Name));
    break;
  }
  case Opcode::V128Bitselect: {
    std::vector<llvm::Value *> Ops = popN(3); // a, b, mask
    llvm::Value *FromA = B.CreateAnd(Ops[0], Ops[2]);
    llvm::Value *FromB = B.CreateAnd(Ops[1], B.CreateNot(Ops[2]));
    push(B.CreateOr(FromA, FromB, Name));
    break;
  }
  default: {
    llvm::Value *Rhs = pop();
    llvm::Value *Lhs = pop();
    switch (I.Op) {
    case Opcode::V128And: push(B.CreateAnd(Lhs, Rhs, Name)); break;
    case Opcode::V128Andnot: push(B.CreateAnd(Lhs, B.CreateNot(Rhs), Name)); break;
    case Opcode::V128Or: push(B.CreateOr(Lhs, Rhs, Name)); break;
    case Opcode::V128Xor: push(B.CreateXor(Lhs, Rhs, Name)); break;
    default: return unsupported(I, "SIMD bitwise");
    }
  }
  }
  return llvm::Error::success();
}

} // namespace kiln::translate
