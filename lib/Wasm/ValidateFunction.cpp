//===- ValidateFunction.cpp - Operand/control stacks and dispatch ---------===//
//
// The core of the spec's validation algorithm (appendix "Validation
// Algorithm"): the operand stack with its polymorphic bottom, the control
// stack, the per-instruction dispatch and the checks that only look at an
// instruction's immediates.
//
//===----------------------------------------------------------------------===//
#include "ValidateFunction.h"

#include <algorithm>
#include <string>

namespace kiln::wasm::validate {

//===----------------------------------------------------------------------===//
// Stacks
//===----------------------------------------------------------------------===//

bool FunctionValidator::topMatches(std::span<const ValType> Want) const {
  const ControlFrame &Frame = Controls.back();
  size_t Available = Operands.size() - Frame.Height;
  for (size_t K = 0; K < Want.size(); ++K) {
    // Below the frame's height only an unreachable frame can supply values,
    // and then of any type.
    if (K == Available)
      return Frame.Unreachable;
    ValType Actual = Operands[Operands.size() - 1 - K];
    ValType Expect = Want[Want.size() - 1 - K];
    if (Actual != Expect && Actual != UnknownType && Expect != UnknownType)
      return false;
  }
  return true;
}

Expected<void> FunctionValidator::popOperands(std::span<const ValType> Want, const Instruction &I,
                                              std::string_view Who) {
  if (!topMatches(Want))
    return stackMismatch(Want, I, Who, /*ShowWholeFrame=*/false);
  size_t Available = Operands.size() - Controls.back().Height;
  Operands.resize(Operands.size() - std::min(Available, Want.size()));
  return {};
}

Expected<ValType> FunctionValidator::popAnyOperand(const Instruction &I, std::string_view Who) {
  const ControlFrame &Frame = Controls.back();
  if (Operands.size() == Frame.Height) {
    if (Frame.Unreachable)
      return UnknownType;
    return invalidAt(I.Offset, "type mismatch: " + std::string(Who) +
                                   " expects a value but the stack is empty");
  }
  ValType Type = Operands.back();
  Operands.pop_back();
  return Type;
}

void FunctionValidator::pushControl(FrameKind Kind, std::span<const ValType> Start,
                                    std::span<const ValType> End, uint32_t Offset) {
  Controls.push_back(
      {Kind, /*Unreachable=*/false, static_cast<uint32_t>(Operands.size()), Offset, Start, End});
  pushOperands(Start);
}

Expected<FunctionValidator::ControlFrame> FunctionValidator::popControl(const Instruction &I) {
  const ControlFrame &Frame = Controls.back();
  size_t Available = Operands.size() - Frame.Height;
  size_t Want = Frame.EndTypes.size();
  // Values pushed after an unreachable point are real, so surplus values are
  // an error even in an unreachable frame.
  bool Fits =
      Available <= Want && topMatches(Frame.EndTypes) && (Frame.Unreachable || Available == Want);
  if (!Fits) {
    std::string Who = "end of " + std::string(frameKindName(Frame.Kind));
    return stackMismatch(Frame.EndTypes, I, Who, /*ShowWholeFrame=*/true);
  }
  ControlFrame Popped = Frame;
  Operands.resize(Frame.Height);
  Controls.pop_back();
  return Popped;
}

std::string_view FunctionValidator::frameKindName(FrameKind Kind) {
  switch (Kind) {
  case FrameKind::Function: return "function";
  case FrameKind::Block: return "block";
  case FrameKind::Loop: return "loop";
  case FrameKind::If: return "if";
  case FrameKind::Else: return "else";
  }
  return "?";
}

void FunctionValidator::markUnreachable() {
  Operands.resize(Controls.back().Height);
  Controls.back().Unreachable = true;
}

std::string FunctionValidator::stackText(size_t MaxCount) const {
  size_t Height = Controls.back().Height;
  size_t Available = Operands.size() - Height;
  size_t Count = std::min(Available, MaxCount);
  std::string Text = typeListText(std::span<const ValType>(Operands).last(Count));
  if (Count < Available)
    Text.insert(1, Count == 0 ? "..." : "... ");
  return Text;
}

std::unexpected<Error> FunctionValidator::stackMismatch(std::span<const ValType> Want,
                                                        const Instruction &I, std::string_view Who,
                                                        bool ShowWholeFrame) const {
  // An instruction only looks at its operands; a block end also cares about
  // surplus values, so show a few more.
  size_t Shown = ShowWholeFrame ? Want.size() + 4 : std::max<size_t>(Want.size(), 1);
  return invalidAt(I.Offset, "type mismatch: " + std::string(Who) + " expects " +
                                 typeListText(Want) + " but the stack has " + stackText(Shown));
}

//===----------------------------------------------------------------------===//
// Dispatch
//===----------------------------------------------------------------------===//

Expected<void> FunctionValidator::validate(uint32_t FuncIndex, const FunctionBody &FnBody) {
  Body = &FnBody;
  const FuncType &Type = M.funcType(FuncIndex);
  Locals.assign(Type.Params.begin(), Type.Params.end());
  Locals.insert(Locals.end(), FnBody.Locals.begin(), FnBody.Locals.end());
  Operands.clear();
  Controls.clear();

  auto InFunction = [FuncIndex](Expected<void> Result) {
    if (!Result)
      Result.error().inFunction(FuncIndex);
    return Result;
  };
  for (ValType Local : FnBody.Locals)
    if (auto Ok = requireValTypeEnabled(Ctx.Enabled, Local, FnBody.Offset); !Ok)
      return InFunction(Ok);

  pushControl(FrameKind::Function, {}, Type.Results, static_cast<uint32_t>(FnBody.Offset));
  for (const Instruction &I : FnBody.Code) {
    if (Controls.empty())
      return InFunction(malformedAt(I.Offset, "instructions after the function's final 'end'"));
    if (auto Ok = validateInstruction(I); !Ok)
      return InFunction(Ok);
  }
  if (!Controls.empty())
    return InFunction(
        malformedAt(FnBody.Offset + FnBody.Size, "function body must end with 'end'"));
  return {};
}

Expected<void> FunctionValidator::validateInstruction(const Instruction &I) {
  const OpcodeInfo &Info = opcodeInfo(I.Op);
  if (!Ctx.Enabled.has(Info.RequiredFeature))
    return featureDisabledAt(I.Offset, Info.RequiredFeature, Info.Name);
  if (auto Ok = checkImmediates(I, Info); !Ok)
    return Ok;
  if (Info.Typing == OpTyping::Custom)
    return validateCustom(I);
  if (auto Ok = popOperands(Info.Operands, I, Info.Name); !Ok)
    return Ok;
  pushOperands(Info.Results);
  return {};
}

Expected<void> FunctionValidator::validateCustom(const Instruction &I) {
  switch (I.Op) {
  case Opcode::Unreachable: markUnreachable(); return {};
  case Opcode::Block:
  case Opcode::Loop:
  case Opcode::If: return validateBlockStart(I);
  case Opcode::Else: return validateElse(I);
  case Opcode::End: return validateEnd(I);
  case Opcode::Br:
  case Opcode::BrIf: return validateBranch(I);
  case Opcode::BrTable: return validateBranchTable(I);
  case Opcode::Return: return validateReturn(I);
  case Opcode::Call: return validateCall(I);
  case Opcode::CallIndirect: return validateCallIndirect(I);
  case Opcode::Drop: return validateDrop(I);
  case Opcode::Select: return validateSelect(I);
  case Opcode::SelectTyped: return validateTypedSelect(I);
  case Opcode::LocalGet:
  case Opcode::LocalSet:
  case Opcode::LocalTee: return validateLocal(I);
  case Opcode::GlobalGet:
  case Opcode::GlobalSet: return validateGlobal(I);
  case Opcode::TableGet:
  case Opcode::TableSet:
  case Opcode::TableGrow:
  case Opcode::TableFill: return validateTableAccess(I);
  case Opcode::RefNull: return validateRefNull(I);
  case Opcode::RefIsNull: return validateRefIsNull(I);
  case Opcode::RefFunc: return validateRefFunc(I);
  default: break;
  }
  return std::unexpected(
      Error(ErrorKind::Internal,
            "the validator has no rule for custom-typed opcode " + std::string(opcodeName(I.Op)),
            I.Offset));
}

//===----------------------------------------------------------------------===//
// Immediates
//===----------------------------------------------------------------------===//

Expected<void> FunctionValidator::checkImmediates(const Instruction &I,
                                                  const OpcodeInfo &Info) const {
  switch (Info.Imm) {
  case ImmKind::MemArg:
  case ImmKind::MemArgLane:
    if (auto Ok = checkMemArg(I, Info); !Ok)
      return Ok;
    if (Info.Imm == ImmKind::MemArgLane)
      return checkLane(I, Info);
    return {};
  case ImmKind::Lane: return checkLane(I, Info);
  case ImmKind::Shuffle:
    for (uint8_t Lane : I.Bytes)
      if (Lane >= 32)
        return invalidAt(I.Offset, "invalid lane index " + std::to_string(Lane) +
                                       ": i8x16.shuffle selects from 32 lanes");
    return {};
  case ImmKind::Memory: return checkMemory(I.Index, I);
  case ImmKind::MemoryInit:
    if (auto Ok = checkMemory(I.Index2, I); !Ok)
      return Ok;
    return checkDataSegment(I.Index, I);
  case ImmKind::MemoryCopy:
    if (auto Ok = checkMemory(I.Index, I); !Ok)
      return Ok;
    return checkMemory(I.Index2, I);
  case ImmKind::Data: return checkDataSegment(I.Index, I);
  case ImmKind::Table: return checkTable(I.Index, I);
  case ImmKind::Elem: return checkElemSegment(I.Index, I);
  case ImmKind::TableInit:
    if (auto Ok = checkTable(I.Index2, I); !Ok)
      return Ok;
    if (auto Ok = checkElemSegment(I.Index, I); !Ok)
      return Ok;
    return checkTableTypesMatch(M.TableSpace[I.Index2].ElemType, M.Elements[I.Index].ElemType, I);
  case ImmKind::TableCopy:
    if (auto Ok = checkTable(I.Index, I); !Ok)
      return Ok;
    if (auto Ok = checkTable(I.Index2, I); !Ok)
      return Ok;
    return checkTableTypesMatch(M.TableSpace[I.Index].ElemType, M.TableSpace[I.Index2].ElemType, I);
  default: return {};
  }
}

Expected<void> FunctionValidator::checkMemArg(const Instruction &I, const OpcodeInfo &Info) const {
  if (auto Ok = checkMemory(I.Index2, I); !Ok)
    return Ok;
  if (I.AlignLog2 <= Info.NaturalAlignLog2)
    return {};
  return invalidAt(I.Offset,
                   "alignment must not be larger than natural: " + std::string(Info.Name) +
                       " allows at most 2^" + std::to_string(Info.NaturalAlignLog2) +
                       " bytes, got 2^" + std::to_string(I.AlignLog2));
}

Expected<void> FunctionValidator::checkLane(const Instruction &I, const OpcodeInfo &Info) const {
  // Lane instructions record log2 of the lane size where memory accesses
  // record their natural alignment; both give the lane count.
  unsigned LaneCount = 16u >> Info.NaturalAlignLog2;
  if (I.Lane < LaneCount)
    return {};
  return invalidAt(I.Offset, "invalid lane index " + std::to_string(I.Lane) + ": " +
                                 std::string(Info.Name) + " has " + std::to_string(LaneCount) +
                                 " lanes");
}

Expected<void> FunctionValidator::checkMemory(uint32_t MemIndex, const Instruction &I) const {
  if (MemIndex < M.MemorySpace.size())
    return {};
  return invalidAt(I.Offset, "unknown memory " + std::to_string(MemIndex) + ": " +
                                 std::string(opcodeName(I.Op)) +
                                 " needs a memory but the module has " +
                                 std::to_string(M.MemorySpace.size()));
}

Expected<void> FunctionValidator::checkDataSegment(uint32_t DataIndex, const Instruction &I) const {
  // Without a data count section the body cannot name data segments: the
  // binary format requires it so that one pass over the code suffices. A
  // module with no data segments at all gets the plainer message.
  if (!M.DataCount && !M.Data.empty())
    return malformedAt(I.Offset, "data count section required: " + std::string(opcodeName(I.Op)) +
                                     " refers to data segment " + std::to_string(DataIndex));
  uint32_t Count = M.DataCount.value_or(0);
  if (DataIndex < Count)
    return {};
  return invalidAt(I.Offset, "unknown data segment " + std::to_string(DataIndex) +
                                 ": the module declares " + std::to_string(Count));
}

Expected<void> FunctionValidator::checkTable(uint32_t TableIndex, const Instruction &I) const {
  if (TableIndex < M.TableSpace.size())
    return {};
  return invalidAt(I.Offset, "unknown table " + std::to_string(TableIndex) + ": " +
                                 std::string(opcodeName(I.Op)) +
                                 " refers to it but the module has " +
                                 std::to_string(M.TableSpace.size()));
}

Expected<void> FunctionValidator::checkElemSegment(uint32_t ElemIndex, const Instruction &I) const {
  if (ElemIndex < M.Elements.size())
    return {};
  return invalidAt(I.Offset, "unknown elem segment " + std::to_string(ElemIndex) +
                                 ": the module has " + std::to_string(M.Elements.size()));
}

Expected<void> FunctionValidator::checkTableTypesMatch(ValType Dest, ValType Src,
                                                       const Instruction &I) const {
  if (Dest == Src)
    return {};
  return invalidAt(I.Offset, "type mismatch: " + std::string(opcodeName(I.Op)) + " copies " +
                                 std::string(valTypeName(Src)) + " elements into a table of " +
                                 std::string(valTypeName(Dest)));
}

//===----------------------------------------------------------------------===//
// Entry point
//===----------------------------------------------------------------------===//

Expected<void> validateFunctionBodies(const ModuleContext &Ctx) {
  const Module &M = Ctx.M;
  FunctionValidator Validator(Ctx);
  for (size_t K = 0; K < M.Bodies.size(); ++K) {
    uint32_t FuncIndex = M.ImportedFuncCount + static_cast<uint32_t>(K);
    if (auto Ok = Validator.validate(FuncIndex, M.Bodies[K]); !Ok)
      return Ok;
  }
  return {};
}

} // namespace kiln::wasm::validate
