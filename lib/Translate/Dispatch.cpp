//===- Dispatch.cpp - Opcode to operator family, generated from Opcodes.def ===//
//
// Every case is one call into the family file named by the opcode's Family
// column; nothing else lists opcodes here.
//
//===----------------------------------------------------------------------===//
#include "FunctionTranslator.h"

namespace kiln::translate {

using wasm::Opcode;

llvm::Error FunctionTranslator::translateInstruction(const wasm::Instruction &I) {
  switch (I.Op) {
#define KILN_OPCODE(Name, Prefix, Code, Text, Imm, Feature, Family, ...)                          \
  case Opcode::Name:                                                                             \
    return translate##Family(I);
#include "kiln/Wasm/Opcodes.def"
  }
  return unsupported(I, "unknown");
}

} // namespace kiln::translate
