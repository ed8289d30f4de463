//===- ValidateConstExpr.cpp - Constant expression rules ------------------===//
//
// Global initialisers, segment offsets and element items are constant
// expressions: a short list of constant-producing instructions, where
// global.get may only read imported immutable globals (WebAssembly 2.0), and
// whose single result must have the expected type.
//
//===----------------------------------------------------------------------===//
#include "ValidateContext.h"

#include "kiln/Wasm/Opcode.h"

#include <string>

namespace kiln::wasm::validate {

namespace {

/// The arithmetic that the extended-const proposal admits.
bool isExtendedConstOp(Opcode Op) {
  switch (Op) {
  case Opcode::I32Add:
  case Opcode::I32Sub:
  case Opcode::I32Mul:
  case Opcode::I64Add:
  case Opcode::I64Sub:
  case Opcode::I64Mul: return true;
  default: return false;
  }
}

Expected<void> checkGlobalGet(const Module &M, const Instruction &I) {
  // Only imports are initialised before the module's own globals, so a
  // constant expression may not read any other global.
  if (I.Index >= M.ImportedGlobalCount)
    return invalidAt(I.Offset, "unknown global " + std::to_string(I.Index) +
                                   ": a constant expression can only read imported globals, and "
                                   "the module imports " +
                                   std::to_string(M.ImportedGlobalCount));
  if (M.GlobalSpace[I.Index].Mutable)
    return invalidAt(I.Offset, "constant expression required: global " + std::to_string(I.Index) +
                                   " is mutable");
  return {};
}

/// Applies one instruction of a constant expression to `Stack`.
Expected<void> applyConstInstruction(const ModuleContext &Ctx, const Instruction &I,
                                     std::vector<ValType> &Stack) {
  const Module &M = Ctx.M;
  const OpcodeInfo &Info = opcodeInfo(I.Op);
  switch (I.Op) {
  case Opcode::I32Const:
  case Opcode::I64Const:
  case Opcode::F32Const:
  case Opcode::F64Const:
  case Opcode::V128Const: Stack.push_back(Info.Results.front()); return {};
  case Opcode::RefNull: {
    std::optional<ValType> Type =
        I.Index <= 0xff ? valTypeFromByte(static_cast<uint8_t>(I.Index)) : std::nullopt;
    if (!Type || !isRefType(*Type))
      return malformedAt(I.Offset, "malformed reference type " + std::to_string(I.Index));
    Stack.push_back(*Type);
    return {};
  }
  case Opcode::RefFunc:
    if (I.Index >= M.FuncSpace.size())
      return invalidAt(I.Offset, "unknown function " + std::to_string(I.Index) +
                                     ": the module has " + std::to_string(M.FuncSpace.size()) +
                                     " functions");
    Stack.push_back(ValType::FuncRef);
    return {};
  case Opcode::GlobalGet:
    if (auto Ok = checkGlobalGet(M, I); !Ok)
      return Ok;
    Stack.push_back(M.GlobalSpace[I.Index].Type);
    return {};
  default: break;
  }
  if (!isExtendedConstOp(I.Op) || !Ctx.Enabled.has(Feature::ExtendedConst))
    return invalidAt(I.Offset, "constant expression required: " + std::string(Info.Name) +
                                   " is not allowed in a constant expression");
  ValType Type = Info.Results.front();
  bool Fits =
      Stack.size() >= 2 && Stack[Stack.size() - 1] == Type && Stack[Stack.size() - 2] == Type;
  if (!Fits)
    return invalidAt(I.Offset, "type mismatch: " + std::string(Info.Name) + " expects " +
                                   typeListText(Info.Operands) + " but the stack has " +
                                   typeListText(std::span<const ValType>(Stack).last(
                                       std::min<size_t>(Stack.size(), 2))));
  Stack.pop_back();
  return {};
}

std::string_view roleName(ConstExprRole Role) {
  switch (Role) {
  case ConstExprRole::GlobalInitializer: return "global initializer";
  case ConstExprRole::ElementOffset: return "element segment offset";
  case ConstExprRole::ElementItem: return "element segment item";
  case ConstExprRole::DataOffset: return "data segment offset";
  }
  return "constant expression";
}

Expected<void> checkFeature(const Features &Enabled, const Instruction &I, ConstExprRole Role) {
  const OpcodeInfo &Info = opcodeInfo(I.Op);
  if (Enabled.has(Info.RequiredFeature))
    return {};
  // The decoder turns the function indices of MVP element segments into
  // `ref.func`, which must not need the proposal that named it.
  if (Role == ConstExprRole::ElementItem && I.Op == Opcode::RefFunc)
    return {};
  return featureDisabledAt(I.Offset, Info.RequiredFeature, Info.Name);
}

} // namespace

Expected<void> validateConstExpr(ModuleContext &Ctx, const ConstExpr &Expr, ValType Want,
                                 ConstExprRole Role) {
  const std::vector<Instruction> &Code = Expr.Code;
  if (Code.empty() || Code.back().Op != Opcode::End)
    return malformedAt(Expr.Offset, "constant expression must end with 'end'");
  std::vector<ValType> &Stack = Ctx.ConstStack;
  Stack.clear();
  for (size_t K = 0; K + 1 < Code.size(); ++K) {
    const Instruction &I = Code[K];
    if (auto Ok = checkFeature(Ctx.Enabled, I, Role); !Ok)
      return Ok;
    if (auto Ok = applyConstInstruction(Ctx, I, Stack); !Ok)
      return Ok;
  }
  if (Stack.size() == 1 && Stack.front() == Want)
    return {};
  std::span<const ValType> WantList = singleTypeList(Want);
  return invalidAt(Code.back().Offset, "type mismatch: " + std::string(roleName(Role)) +
                                           " must produce " + typeListText(WantList) +
                                           " but produces " + typeListText(Stack));
}

} // namespace kiln::wasm::validate
