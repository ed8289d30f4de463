//===- ConstExpr.cpp - Evaluating constant expressions --------------------===//
#include "ConstExpr.h"

#include "kiln/Runtime/Global.h"

#include <vector>

namespace kiln::runtime {

using wasm::Opcode;

namespace {

class Evaluator {
public:
  explicit Evaluator(const ConstExprEnv &Env) : Env(Env) {}

  /// Executes one instruction; false when it is not allowed here.
  bool step(const wasm::Instruction &Inst);
  std::vector<Value> Stack;

private:
  bool binary(wasm::ValType Type, Opcode Op);
  const ConstExprEnv &Env;
};

bool Evaluator::step(const wasm::Instruction &Inst) {
  switch (Inst.Op) {
  case Opcode::I32Const: Stack.push_back(Value::i32(static_cast<uint32_t>(Inst.i32()))); return true;
  case Opcode::I64Const: Stack.push_back(Value::i64(static_cast<uint64_t>(Inst.i64()))); return true;
  case Opcode::F32Const: Stack.push_back(Value::f32Bits(Inst.f32Bits())); return true;
  case Opcode::F64Const: Stack.push_back(Value::f64Bits(Inst.f64Bits())); return true;
  case Opcode::V128Const: Stack.push_back(Value::v128(Inst.Bytes)); return true;
  case Opcode::RefNull: {
    auto Type = wasm::valTypeFromByte(static_cast<uint8_t>(Inst.Index));
    if (!Type || !wasm::isRefType(*Type))
      return false;
    Stack.push_back(Value::null(*Type));
    return true;
  }
  case Opcode::RefFunc:
    if (Inst.Index >= Env.Functions.size())
      return false;
    Stack.push_back(Value::funcRef(&Env.Functions[Inst.Index]));
    return true;
  case Opcode::GlobalGet:
    if (Inst.Index >= Env.Globals.size())
      return false;
    Stack.push_back(Env.Globals[Inst.Index]->get());
    return true;
  case Opcode::I32Add:
  case Opcode::I32Sub:
  case Opcode::I32Mul: return binary(wasm::ValType::I32, Inst.Op);
  case Opcode::I64Add:
  case Opcode::I64Sub:
  case Opcode::I64Mul: return binary(wasm::ValType::I64, Inst.Op);
  case Opcode::End: return true;
  default: return false;
  }
}

bool Evaluator::binary(wasm::ValType Type, Opcode Op) {
  if (Stack.size() < 2 || Stack.back().type() != Type || Stack[Stack.size() - 2].type() != Type)
    return false;
  bool Is32 = Type == wasm::ValType::I32;
  uint64_t Rhs = Is32 ? Stack.back().i32() : Stack.back().i64();
  Stack.pop_back();
  uint64_t Lhs = Is32 ? Stack.back().i32() : Stack.back().i64();
  Stack.pop_back();
  uint64_t Result = 0;
  switch (Op) {
  case Opcode::I32Add:
  case Opcode::I64Add: Result = Lhs + Rhs; break;
  case Opcode::I32Sub:
  case Opcode::I64Sub: Result = Lhs - Rhs; break;
  default: Result = Lhs * Rhs; break;
  }
  Stack.push_back(Is32 ? Value::i32(static_cast<uint32_t>(Result)) : Value::i64(Result));
  return true;
}

} // namespace

Expected<Value> evaluateConstExpr(const wasm::ConstExpr &Expr, wasm::ValType Type,
                                  const ConstExprEnv &Env) {
  Evaluator Eval(Env);
  for (const wasm::Instruction &Inst : Expr.Code)
    if (!Eval.step(Inst))
      return makeError(ErrorKind::Invalid,
                       "constant expression uses " + std::string(wasm::opcodeName(Inst.Op)) +
                           " where it is not allowed",
                       Inst.Offset);
  if (Eval.Stack.size() != 1 || Eval.Stack.back().type() != Type)
    return makeError(ErrorKind::Invalid, "type mismatch in constant expression", Expr.Offset);
  return Eval.Stack.back();
}

} // namespace kiln::runtime
