//===- ValidateControl.cpp - Blocks, branches and calls -------------------===//
//
// Validation rules for structured control (block, loop, if, else, end),
// branches (br, br_if, br_table, return) and calls. They are the rules that
// move frames on the control stack or make the operand stack polymorphic.
//
//===----------------------------------------------------------------------===//
#include "ValidateFunction.h"

#include <algorithm>
#include <string>

namespace kiln::wasm::validate {

Expected<void> FunctionValidator::blockSignature(const Instruction &I,
                                                 std::span<const ValType> &Params,
                                                 std::span<const ValType> &Results) const {
  Params = {};
  Results = {};
  BlockType Type = I.blockType();
  switch (Type.TheKind) {
  case BlockType::Kind::Empty: return {};
  case BlockType::Kind::Value: {
    std::optional<ValType> Value =
        I.Index <= 0xff ? valTypeFromByte(static_cast<uint8_t>(I.Index)) : std::nullopt;
    if (!Value)
      return malformedAt(I.Offset, "invalid block type " + std::to_string(I.Index));
    if (auto Ok = requireValTypeEnabled(Ctx.Enabled, *Value, I.Offset); !Ok)
      return Ok;
    Results = singleTypeList(*Value);
    return {};
  }
  case BlockType::Kind::TypeIndex:
    if (auto Ok = requireFeature(Ctx.Enabled, Feature::MultiValue,
                                 "a block type given by type index", I.Offset);
        !Ok)
      return Ok;
    if (Type.TypeIndex >= M.Types.size())
      return invalidAt(I.Offset, "unknown type " + std::to_string(Type.TypeIndex) + ": " +
                                     std::string(opcodeName(I.Op)) +
                                     " uses it but the module has " +
                                     std::to_string(M.Types.size()) + " types");
    Params = M.Types[Type.TypeIndex].Params;
    Results = M.Types[Type.TypeIndex].Results;
    return {};
  }
  return malformedAt(I.Offset, "invalid block type kind " + std::to_string(I.Index2));
}

Expected<void> FunctionValidator::validateBlockStart(const Instruction &I) {
  std::span<const ValType> Params, Results;
  if (auto Ok = blockSignature(I, Params, Results); !Ok)
    return Ok;
  std::string_view Name = opcodeName(I.Op);
  if (I.Op == Opcode::If)
    if (auto Ok = popOperand(ValType::I32, I, "if condition"); !Ok)
      return Ok;
  if (auto Ok = popOperands(Params, I, Name); !Ok)
    return Ok;
  FrameKind Kind = I.Op == Opcode::Block  ? FrameKind::Block
                   : I.Op == Opcode::Loop ? FrameKind::Loop
                                          : FrameKind::If;
  pushControl(Kind, Params, Results, I.Offset);
  return {};
}

Expected<void> FunctionValidator::validateElse(const Instruction &I) {
  if (Controls.back().Kind != FrameKind::If)
    return malformedAt(I.Offset, "else without a matching if");
  auto Frame = popControl(I);
  if (!Frame)
    return std::unexpected(Frame.error());
  pushControl(FrameKind::Else, Frame->StartTypes, Frame->EndTypes, Frame->Offset);
  return {};
}

Expected<void> FunctionValidator::validateEnd(const Instruction &I) {
  auto Frame = popControl(I);
  if (!Frame)
    return std::unexpected(Frame.error());
  // An `if` without `else` behaves as if its else branch were empty, which
  // only type-checks when the block's parameters are its results.
  if (Frame->Kind == FrameKind::If && !std::ranges::equal(Frame->StartTypes, Frame->EndTypes))
    return invalidAt(I.Offset, "type mismatch: an if without else must produce its parameters, "
                               "but its type is " +
                                   typeListText(Frame->StartTypes) + " -> " +
                                   typeListText(Frame->EndTypes));
  pushOperands(Frame->EndTypes);
  return {};
}

Expected<const FunctionValidator::ControlFrame *>
FunctionValidator::labelFrame(uint32_t Depth, const Instruction &I) const {
  if (Depth < Controls.size())
    return &Controls[Controls.size() - 1 - Depth];
  return invalidAt(I.Offset, "unknown label " + std::to_string(Depth) + ": " +
                                 std::string(opcodeName(I.Op)) + " is inside " +
                                 std::to_string(Controls.size()) + " labels");
}

Expected<void> FunctionValidator::validateBranch(const Instruction &I) {
  auto Frame = labelFrame(I.Index, I);
  if (!Frame)
    return std::unexpected(Frame.error());
  // The label types live in the module or in static storage, never in the
  // stacks, so they stay valid while the stacks change.
  std::span<const ValType> Types = labelTypes(**Frame);
  std::string_view Name = opcodeName(I.Op);
  if (I.Op == Opcode::BrIf) {
    if (auto Ok = popOperand(ValType::I32, I, "br_if condition"); !Ok)
      return Ok;
    if (auto Ok = popOperands(Types, I, Name); !Ok)
      return Ok;
    pushOperands(Types);
    return {};
  }
  if (auto Ok = popOperands(Types, I, Name); !Ok)
    return Ok;
  markUnreachable();
  return {};
}

Expected<void> FunctionValidator::validateBranchTable(const Instruction &I) {
  if (auto Ok = popOperand(ValType::I32, I, "br_table index"); !Ok)
    return Ok;
  uint64_t First = I.Index, Count = I.Index2;
  if (First + Count >= Body->BranchTargets.size())
    return malformedAt(I.Offset, "br_table refers to targets past the body's list");
  std::span<const uint32_t> Targets(Body->BranchTargets.data() + First, Count);
  auto Default = labelFrame(Body->BranchTargets[First + Count], I);
  if (!Default)
    return std::unexpected(Default.error());
  std::span<const ValType> DefaultTypes = labelTypes(**Default);
  // Each target is checked against the stack without popping it, which is
  // the spec's pop-then-push-back without the copies.
  for (uint32_t Depth : Targets) {
    auto Frame = labelFrame(Depth, I);
    if (!Frame)
      return std::unexpected(Frame.error());
    std::span<const ValType> Types = labelTypes(**Frame);
    if (Types.size() != DefaultTypes.size())
      return invalidAt(I.Offset, "type mismatch: br_table target " + std::to_string(Depth) +
                                     " takes " + typeListText(Types) +
                                     " but the default target takes " + typeListText(DefaultTypes));
    if (!topMatches(Types))
      return stackMismatch(Types, I, "br_table target", /*ShowWholeFrame=*/false);
  }
  if (auto Ok = popOperands(DefaultTypes, I, "br_table default target"); !Ok)
    return Ok;
  markUnreachable();
  return {};
}

Expected<void> FunctionValidator::validateReturn(const Instruction &I) {
  if (auto Ok = popOperands(Controls.front().EndTypes, I, "return"); !Ok)
    return Ok;
  markUnreachable();
  return {};
}

Expected<void> FunctionValidator::validateCall(const Instruction &I) {
  if (I.Index >= M.FuncSpace.size())
    return invalidAt(I.Offset, "unknown function " + std::to_string(I.Index) + ": the module has " +
                                   std::to_string(M.FuncSpace.size()) + " functions");
  const FuncType &Callee = M.funcType(I.Index);
  if (auto Ok = popOperands(Callee.Params, I, "call"); !Ok)
    return Ok;
  pushOperands(Callee.Results);
  return {};
}

Expected<void> FunctionValidator::validateCallIndirect(const Instruction &I) {
  uint32_t TableIndex = I.Index2;
  if (TableIndex != 0)
    if (auto Ok = requireFeature(Ctx.Enabled, Feature::ReferenceTypes,
                                 "call_indirect through a table other than 0", I.Offset);
        !Ok)
      return Ok;
  if (auto Ok = checkTable(TableIndex, I); !Ok)
    return Ok;
  ValType ElemType = M.TableSpace[TableIndex].ElemType;
  if (ElemType != ValType::FuncRef)
    return invalidAt(I.Offset, "type mismatch: call_indirect needs a funcref table but table " +
                                   std::to_string(TableIndex) + " holds " +
                                   std::string(valTypeName(ElemType)));
  if (I.Index >= M.Types.size())
    return invalidAt(I.Offset, "unknown type " + std::to_string(I.Index) +
                                   ": call_indirect uses it but the module has " +
                                   std::to_string(M.Types.size()) + " types");
  const FuncType &Callee = M.Types[I.Index];
  if (auto Ok = popOperand(ValType::I32, I, "call_indirect"); !Ok)
    return Ok;
  if (auto Ok = popOperands(Callee.Params, I, "call_indirect"); !Ok)
    return Ok;
  pushOperands(Callee.Results);
  return {};
}

} // namespace kiln::wasm::validate
