//===- ValidateFunction.h - Type checking of function bodies -----*- C++ -*-===//
//
// The operand and control stack algorithm of the spec's validation appendix.
// One FunctionValidator checks every body of a module in turn, reusing its
// stacks so that validation allocates nothing per instruction.
//
// The implementation is split by instruction family: ValidateFunction.cpp
// (stacks, dispatch, immediates), ValidateControl.cpp (blocks, branches,
// calls), ValidateInstructions.cpp (parametric, variable, table, reference).
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_WASM_VALIDATEFUNCTION_H
#define KILN_LIB_WASM_VALIDATEFUNCTION_H

#include "ValidateContext.h"

#include "kiln/Wasm/Instruction.h"
#include "kiln/Wasm/Opcode.h"

#include <span>
#include <string_view>
#include <vector>

namespace kiln::wasm::validate {

class FunctionValidator {
public:
  explicit FunctionValidator(const ModuleContext &Ctx) : Ctx(Ctx), M(Ctx.M) {}

  /// Checks the body of function `FuncIndex` (an absolute index).
  Expected<void> validate(uint32_t FuncIndex, const FunctionBody &Body);

private:
  enum class FrameKind : uint8_t { Function, Block, Loop, If, Else };

  struct ControlFrame {
    FrameKind Kind;
    bool Unreachable;
    uint32_t Height; ///< Operand stack height when the frame was entered.
    uint32_t Offset; ///< Where the block started, for messages.
    std::span<const ValType> StartTypes;
    std::span<const ValType> EndTypes;
  };

  // Stacks (ValidateFunction.cpp).
  void pushOperand(ValType Type) { Operands.push_back(Type); }
  void pushOperands(std::span<const ValType> Types) {
    Operands.insert(Operands.end(), Types.begin(), Types.end());
  }
  /// Pops one value of any type; `UnknownType` from a polymorphic stack.
  Expected<ValType> popAnyOperand(const Instruction &I, std::string_view Who);
  /// Pops `Want` (last element on top); `Who` names the consumer.
  Expected<void> popOperands(std::span<const ValType> Want, const Instruction &I,
                             std::string_view Who);
  Expected<void> popOperand(ValType Want, const Instruction &I, std::string_view Who) {
    return popOperands(std::span<const ValType>(&Want, 1), I, Who);
  }
  /// True when the top of the stack can be popped as `Want`.
  bool topMatches(std::span<const ValType> Want) const;
  void pushControl(FrameKind Kind, std::span<const ValType> Start, std::span<const ValType> End,
                   uint32_t Offset);
  /// Checks the frame's results and leaves it (the spec's pop_ctrl).
  Expected<ControlFrame> popControl(const Instruction &I);
  void markUnreachable();
  static std::string_view frameKindName(FrameKind Kind);
  static std::span<const ValType> labelTypes(const ControlFrame &Frame) {
    return Frame.Kind == FrameKind::Loop ? Frame.StartTypes : Frame.EndTypes;
  }
  std::unexpected<Error> stackMismatch(std::span<const ValType> Want, const Instruction &I,
                                       std::string_view Who, bool ShowWholeFrame) const;
  std::string stackText(size_t MaxCount) const;

  // Dispatch and immediates (ValidateFunction.cpp).
  Expected<void> validateInstruction(const Instruction &I);
  Expected<void> validateCustom(const Instruction &I);
  Expected<void> checkImmediates(const Instruction &I, const OpcodeInfo &Info) const;
  Expected<void> checkMemArg(const Instruction &I, const OpcodeInfo &Info) const;
  Expected<void> checkLane(const Instruction &I, const OpcodeInfo &Info) const;
  Expected<void> checkMemory(uint32_t MemIndex, const Instruction &I) const;
  Expected<void> checkDataSegment(uint32_t DataIndex, const Instruction &I) const;
  Expected<void> checkTable(uint32_t TableIndex, const Instruction &I) const;
  Expected<void> checkElemSegment(uint32_t ElemIndex, const Instruction &I) const;
  Expected<void> checkTableTypesMatch(ValType Dest, ValType Src, const Instruction &I) const;

  // Control flow and calls (ValidateControl.cpp).
  Expected<void> validateBlockStart(const Instruction &I);
  Expected<void> validateElse(const Instruction &I);
  Expected<void> validateEnd(const Instruction &I);
  Expected<void> validateBranch(const Instruction &I);
  Expected<void> validateBranchTable(const Instruction &I);
  Expected<void> validateReturn(const Instruction &I);
  Expected<void> validateCall(const Instruction &I);
  Expected<void> validateCallIndirect(const Instruction &I);
  /// The frame `Depth` labels out, or "unknown label".
  Expected<const ControlFrame *> labelFrame(uint32_t Depth, const Instruction &I) const;
  Expected<void> blockSignature(const Instruction &I, std::span<const ValType> &Params,
                                std::span<const ValType> &Results) const;

  // Everything else with a rule of its own (ValidateInstructions.cpp).
  Expected<void> validateDrop(const Instruction &I);
  Expected<void> validateSelect(const Instruction &I);
  Expected<void> validateTypedSelect(const Instruction &I);
  Expected<void> validateLocal(const Instruction &I);
  Expected<void> validateGlobal(const Instruction &I);
  Expected<void> validateTableAccess(const Instruction &I);
  Expected<void> validateRefNull(const Instruction &I);
  Expected<void> validateRefIsNull(const Instruction &I);
  Expected<void> validateRefFunc(const Instruction &I);

  const ModuleContext &Ctx;
  const Module &M;
  const FunctionBody *Body = nullptr;
  /// Parameters, then declared locals.
  std::vector<ValType> Locals;
  std::vector<ValType> Operands;
  std::vector<ControlFrame> Controls;
};

} // namespace kiln::wasm::validate

#endif // KILN_LIB_WASM_VALIDATEFUNCTION_H
