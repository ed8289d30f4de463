//===- ValidateInstructions.cpp - Parametric, variable, table, ref rules --===//
//
// The instructions whose typing depends on the module or the function rather
// than only on Opcodes.def: drop and select, locals and globals, table access
// and reference instructions.
//
//===----------------------------------------------------------------------===//
#include "ValidateFunction.h"

#include <array>
#include <string>

namespace kiln::wasm::validate {

namespace {
// Unknown counts as every kind, as in the spec's is_num and is_vec.
bool isNumOrUnknown(ValType Type) {
  return Type == UnknownType || (!isRefType(Type) && Type != ValType::V128);
}
bool isVecOrUnknown(ValType Type) { return Type == UnknownType || Type == ValType::V128; }
} // namespace

Expected<void> FunctionValidator::validateDrop(const Instruction &I) {
  auto Dropped = popAnyOperand(I, "drop");
  if (!Dropped)
    return std::unexpected(Dropped.error());
  return {};
}

Expected<void> FunctionValidator::validateSelect(const Instruction &I) {
  if (auto Ok = popOperand(ValType::I32, I, "select condition"); !Ok)
    return Ok;
  auto Second = popAnyOperand(I, "select");
  if (!Second)
    return std::unexpected(Second.error());
  auto First = popAnyOperand(I, "select");
  if (!First)
    return std::unexpected(First.error());
  std::array<ValType, 2> Pair = {*First, *Second};
  // Without an annotation a consumer could not tell which reference type
  // select produces, so the untyped form is restricted to numbers and v128.
  bool SameKind = (isNumOrUnknown(*First) && isNumOrUnknown(*Second)) ||
                  (isVecOrUnknown(*First) && isVecOrUnknown(*Second));
  if (!SameKind)
    return invalidAt(I.Offset, "type mismatch: select without a type annotation needs numeric or "
                               "vector operands, but the stack has " +
                                   typeListText(Pair));
  if (*First != *Second && *First != UnknownType && *Second != UnknownType)
    return invalidAt(I.Offset,
                     "type mismatch: select operands must have one type, but the stack has " +
                         typeListText(Pair));
  pushOperand(*First == UnknownType ? *Second : *First);
  return {};
}

Expected<void> FunctionValidator::validateTypedSelect(const Instruction &I) {
  if (I.Index2 != 1)
    return invalidAt(I.Offset, "invalid result arity: a typed select lists exactly one type, "
                               "this one lists " +
                                   std::to_string(I.Index2));
  std::optional<ValType> Type =
      I.Index <= 0xff ? valTypeFromByte(static_cast<uint8_t>(I.Index)) : std::nullopt;
  if (!Type)
    return malformedAt(I.Offset, "invalid value type " + std::to_string(I.Index));
  if (auto Ok = requireValTypeEnabled(Ctx.Enabled, *Type, I.Offset); !Ok)
    return Ok;
  if (auto Ok = popOperand(ValType::I32, I, "select condition"); !Ok)
    return Ok;
  std::array<ValType, 2> Pair = {*Type, *Type};
  if (auto Ok = popOperands(Pair, I, "select"); !Ok)
    return Ok;
  pushOperand(*Type);
  return {};
}

Expected<void> FunctionValidator::validateLocal(const Instruction &I) {
  if (I.Index >= Locals.size())
    return invalidAt(I.Offset, "unknown local " + std::to_string(I.Index) + ": the function has " +
                                   std::to_string(Locals.size()) + " locals");
  ValType Type = Locals[I.Index];
  std::string_view Name = opcodeName(I.Op);
  if (I.Op != Opcode::LocalGet)
    if (auto Ok = popOperand(Type, I, Name); !Ok)
      return Ok;
  if (I.Op != Opcode::LocalSet)
    pushOperand(Type);
  return {};
}

Expected<void> FunctionValidator::validateGlobal(const Instruction &I) {
  if (I.Index >= M.GlobalSpace.size())
    return invalidAt(I.Offset, "unknown global " + std::to_string(I.Index) + ": the module has " +
                                   std::to_string(M.GlobalSpace.size()) + " globals");
  const GlobalType &Global = M.GlobalSpace[I.Index];
  if (I.Op == Opcode::GlobalGet) {
    pushOperand(Global.Type);
    return {};
  }
  if (!Global.Mutable)
    return invalidAt(I.Offset, "global is immutable: global.set cannot write global " +
                                   std::to_string(I.Index));
  return popOperand(Global.Type, I, "global.set");
}

Expected<void> FunctionValidator::validateTableAccess(const Instruction &I) {
  // checkImmediates has already made sure the table exists.
  ValType Elem = M.TableSpace[I.Index].ElemType;
  std::string_view Name = opcodeName(I.Op);
  switch (I.Op) {
  case Opcode::TableGet:
    if (auto Ok = popOperand(ValType::I32, I, Name); !Ok)
      return Ok;
    pushOperand(Elem);
    return {};
  case Opcode::TableSet: {
    std::array<ValType, 2> Want = {ValType::I32, Elem};
    return popOperands(Want, I, Name);
  }
  case Opcode::TableGrow: {
    std::array<ValType, 2> Want = {Elem, ValType::I32};
    if (auto Ok = popOperands(Want, I, Name); !Ok)
      return Ok;
    pushOperand(ValType::I32);
    return {};
  }
  case Opcode::TableFill: {
    std::array<ValType, 3> Want = {ValType::I32, Elem, ValType::I32};
    return popOperands(Want, I, Name);
  }
  default: break;
  }
  return std::unexpected(
      Error(ErrorKind::Internal, "not a table access: " + std::string(opcodeName(I.Op)), I.Offset));
}

Expected<void> FunctionValidator::validateRefNull(const Instruction &I) {
  std::optional<ValType> Type =
      I.Index <= 0xff ? valTypeFromByte(static_cast<uint8_t>(I.Index)) : std::nullopt;
  if (!Type || !isRefType(*Type))
    return malformedAt(I.Offset, "malformed reference type " + std::to_string(I.Index));
  pushOperand(*Type);
  return {};
}

Expected<void> FunctionValidator::validateRefIsNull(const Instruction &I) {
  auto Type = popAnyOperand(I, "ref.is_null");
  if (!Type)
    return std::unexpected(Type.error());
  if (*Type != UnknownType && !isRefType(*Type))
    return invalidAt(I.Offset,
                     "type mismatch: ref.is_null expects a reference but the stack has [" +
                         std::string(valTypeName(*Type)) + "]");
  pushOperand(ValType::I32);
  return {};
}

Expected<void> FunctionValidator::validateRefFunc(const Instruction &I) {
  if (I.Index >= M.FuncSpace.size())
    return invalidAt(I.Offset, "unknown function " + std::to_string(I.Index) + ": the module has " +
                                   std::to_string(M.FuncSpace.size()) + " functions");
  // C.refs: naming a function outside any body first is what lets an engine
  // know every function that can become a reference before compiling code.
  if (!Ctx.isDeclaredFuncRef(I.Index))
    return invalidAt(I.Offset, "undeclared function reference: ref.func " +
                                   std::to_string(I.Index) +
                                   " must also appear in an element segment, an export or a "
                                   "global initializer");
  pushOperand(ValType::FuncRef);
  return {};
}

} // namespace kiln::wasm::validate
