//===- SIMD.cpp - The SIMD families, not translated yet -------------------===//
//
// v128 is supported as a value type (locals, globals, parameters, results,
// select, calls); the instructions that compute on it are a later issue.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

namespace kiln::translate {

llvm::Error FunctionTranslator::translateSIMDMemory(const wasm::Instruction &I) {
  return unsupported(I, "SIMD");
}
llvm::Error FunctionTranslator::translateSIMDLane(const wasm::Instruction &I) {
  return unsupported(I, "SIMD");
}
llvm::Error FunctionTranslator::translateSIMDInteger(const wasm::Instruction &I) {
  return unsupported(I, "SIMD");
}
llvm::Error FunctionTranslator::translateSIMDFloat(const wasm::Instruction &I) {
  return unsupported(I, "SIMD");
}
llvm::Error FunctionTranslator::translateSIMDBitwise(const wasm::Instruction &I) {
  return unsupported(I, "SIMD");
}
llvm::Error FunctionTranslator::translateSIMDConversion(const wasm::Instruction &I) {
  return unsupported(I, "SIMD");
}

} // namespace kiln::translate
