//===- SIMDMemory.cpp - v128 loads and stores -----------------------------===//
//
// Every access goes through Memory.cpp's emitLoad/emitStore, so addressing,
// guard pages or explicit checks, and the keep-alive of loaded values are
// exactly the scalar ones. The partial loads (extend, splat, zero, lane)
// load a scalar of the accessed size and build the vector in registers:
// the keep-alive asm then sees an ordinary i64/i32/i16/i8, and LLVM still
// selects movq/movd/pinsr*/ld1r-style code for the shapes.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"
#include "SIMDLanes.h"

namespace kiln::translate {

using wasm::Opcode;
using namespace simd;

namespace {
/// A v128.loadMxN_{s,u}: 64 bits as N lanes of M bits, each extended.
struct ExtendLoad {
  unsigned FromBits;
  bool Signed;
};
} // namespace

static std::optional<ExtendLoad> extendLoad(Opcode Op) {
  switch (Op) {
  case Opcode::V128Load8x8S: return ExtendLoad{8, true};
  case Opcode::V128Load8x8U: return ExtendLoad{8, false};
  case Opcode::V128Load16x4S: return ExtendLoad{16, true};
  case Opcode::V128Load16x4U: return ExtendLoad{16, false};
  case Opcode::V128Load32x2S: return ExtendLoad{32, true};
  case Opcode::V128Load32x2U: return ExtendLoad{32, false};
  default: return std::nullopt;
  }
}

/// The scalar size of a splat, zero or lane access (the AlignLog2 column).
static unsigned accessBits(Opcode Op) { return laneBits(Op); }

static bool isSplat(Opcode Op) {
  return Op == Opcode::V128Load8Splat || Op == Opcode::V128Load16Splat ||
         Op == Opcode::V128Load32Splat || Op == Opcode::V128Load64Splat;
}

llvm::Error FunctionTranslator::translateSIMDMemory(const wasm::Instruction &I) {
  std::string Name(opcodeName(I.Op));
  if (std::optional<ExtendLoad> Shape = extendLoad(I.Op)) {
    unsigned Count = 64 / Shape->FromBits;
    llvm::Value *Bits = emitLoad(I, pop(), MC.I64Ty);
    llvm::Value *Narrow = B.CreateBitCast(Bits, intLanes(MC.Ctx, Shape->FromBits, Count));
    llvm::Type *Wide = intLanes(MC.Ctx, 2 * Shape->FromBits);
    push(asV128(B, Shape->Signed ? B.CreateSExt(Narrow, Wide, Name)
                                 : B.CreateZExt(Narrow, Wide, Name)));
    return llvm::Error::success();
  }
  if (isSplat(I.Op)) {
    unsigned Bits = accessBits(I.Op);
    llvm::Value *Scalar = emitLoad(I, pop(), B.getIntNTy(Bits));
    push(asV128(B, splat(B, Scalar, 128 / Bits, Name)));
    return llvm::Error::success();
  }
  switch (I.Op) {
  case Opcode::V128Load: push(emitLoad(I, pop(), MC.V128Ty)); break;
  case Opcode::V128Store: {
    llvm::Value *Value = pop();
    emitStore(I, pop(), Value);
    break;
  }
  case Opcode::V128Load32Zero:
  case Opcode::V128Load64Zero: {
    unsigned Bits = accessBits(I.Op);
    llvm::Value *Scalar = emitLoad(I, pop(), B.getIntNTy(Bits));
    llvm::Value *Zero = llvm::Constant::getNullValue(intLanes(MC.Ctx, Bits));
    push(asV128(B, B.CreateInsertElement(Zero, Scalar, uint64_t{0}, Name)));
    break;
  }
  case Opcode::V128Load8Lane: case Opcode::V128Load16Lane:
  case Opcode::V128Load32Lane: case Opcode::V128Load64Lane: {
    unsigned Bits = accessBits(I.Op);
    llvm::Value *Vector = asLanes(B, pop(), intLanes(MC.Ctx, Bits));
    llvm::Value *Scalar = emitLoad(I, pop(), B.getIntNTy(Bits));
    push(asV128(B, B.CreateInsertElement(Vector, Scalar, uint64_t{I.Lane}, Name)));
    break;
  }
  case Opcode::V128Store8Lane: case Opcode::V128Store16Lane:
  case Opcode::V128Store32Lane: case Opcode::V128Store64Lane: {
    unsigned Bits = accessBits(I.Op);
    llvm::Value *Vector = asLanes(B, pop(), intLanes(MC.Ctx, Bits));
    llvm::Value *Scalar = B.CreateExtractElement(Vector, uint64_t{I.Lane}, "lane");
    emitStore(I, pop(), Scalar);
    break;
  }
  default: return unsupported(I, "SIMD memory");
  }
  return llvm::Error::success();
}

} // namespace kiln::translate
