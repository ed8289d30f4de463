//===- Parametric.cpp - drop and select -----------------------------------===//
#include "FunctionTranslator.h"

namespace kiln::translate {

using wasm::Opcode;

llvm::Error FunctionTranslator::translateParametric(const wasm::Instruction &I) {
  switch (I.Op) {
  case Opcode::Drop:
    // A dropped load is still kept alive by Memory.cpp, so dropping never
    // loses a trap.
    pop();
    return llvm::Error::success();
  case Opcode::Select:
  case Opcode::SelectTyped: {
    llvm::Value *Condition = toBool(pop());
    llvm::Value *IfFalse = pop();
    llvm::Value *IfTrue = pop();
    push(B.CreateSelect(Condition, IfTrue, IfFalse, "select"));
    return llvm::Error::success();
  }
  default: return unsupported(I, "parametric");
  }
}

} // namespace kiln::translate
