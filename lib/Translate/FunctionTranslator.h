//===- FunctionTranslator.h - One Wasm function body to LLVM IR -*- C++ -*-===//
//
// Keeps the operand stack, the control stack, the locals and reachability
// while walking a function body once. The dispatch (Dispatch.cpp) is
// generated from Opcodes.def and calls one `translate<Family>` member per
// operator family; each family lives in its own file.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_TRANSLATE_FUNCTIONTRANSLATOR_H
#define KILN_LIB_TRANSLATE_FUNCTIONTRANSLATOR_H

#include "DebugInfo.h"
#include "ModuleContext.h"

#include "kiln/ABI/TrapCode.h"
#include "kiln/Wasm/Module.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <span>
#include <vector>

namespace kiln::translate {

/// One entry of the control stack: a block, loop, if or the function body.
struct ControlFrame {
  enum class Kind : uint8_t { Function, Block, Loop, If };
  Kind TheKind = Kind::Block;
  std::vector<wasm::ValType> Params;
  std::vector<wasm::ValType> Results;
  /// Operand stack height below the frame's parameters.
  size_t StackHeight = 0;
  /// Where control continues after `end`; its phis receive the results.
  llvm::BasicBlock *EndBlock = nullptr;
  std::vector<llvm::PHINode *> EndPhis;
  /// Loops only: the branch target, whose phis receive the parameters.
  llvm::BasicBlock *HeaderBlock = nullptr;
  std::vector<llvm::PHINode *> HeaderPhis;
  /// Ifs only: the else arm (until `else` is reached) and the parameters it
  /// starts with.
  llvm::BasicBlock *ElseBlock = nullptr;
  std::vector<llvm::Value *> IfParams;

  /// What a branch to this frame's label carries and where it goes.
  bool branchesToHeader() const { return TheKind == Kind::Loop; }
  size_t labelArity() const { return branchesToHeader() ? Params.size() : Results.size(); }
};

class FunctionTranslator {
public:
  /// `Debug` is null unless debug information is wanted.
  FunctionTranslator(ModuleContext &MC, uint32_t FuncIndex, DebugInfo *Debug);

  /// Emits the whole body into the function declared for `FuncIndex`.
  llvm::Error translate();
  /// Byte offset of the instruction being translated (for errors).
  std::optional<uint64_t> currentOffset() const {
    return Current ? std::optional<uint64_t>(Current->Offset) : std::nullopt;
  }

private:
  // FunctionTranslator.cpp: setup, the walk, operand stack.
  void emitPrologue();
  llvm::Error translateInstruction(const wasm::Instruction &I);
  void push(llvm::Value *V) { Stack.push_back(V); }
  llvm::Value *pop();
  /// Pops `Count` values, returned bottom first.
  std::vector<llvm::Value *> popN(size_t Count);
  /// The top `Count` values, bottom first, left on the stack.
  std::vector<llvm::Value *> peekN(size_t Count) const;
  llvm::Error unsupported(const wasm::Instruction &I, std::string_view What) const;

  // Dispatch targets, one per wasm::OpFamily (Dispatch.cpp).
  llvm::Error translateControl(const wasm::Instruction &I);
  llvm::Error translateCall(const wasm::Instruction &I);
  llvm::Error translateParametric(const wasm::Instruction &I);
  llvm::Error translateVariable(const wasm::Instruction &I);
  llvm::Error translateTable(const wasm::Instruction &I);
  llvm::Error translateMemory(const wasm::Instruction &I);
  llvm::Error translateReference(const wasm::Instruction &I);
  llvm::Error translateIntegerOps(const wasm::Instruction &I);
  llvm::Error translateFloatOps(const wasm::Instruction &I);
  llvm::Error translateConversion(const wasm::Instruction &I);
  llvm::Error translateSIMDMemory(const wasm::Instruction &I);
  llvm::Error translateSIMDLane(const wasm::Instruction &I);
  llvm::Error translateSIMDInteger(const wasm::Instruction &I);
  llvm::Error translateSIMDFloat(const wasm::Instruction &I);
  llvm::Error translateSIMDBitwise(const wasm::Instruction &I);
  llvm::Error translateSIMDConversion(const wasm::Instruction &I);

  // ControlFlow.cpp
  /// Handles block nesting and `else`/`end` while the position is
  /// unreachable; returns true when the instruction was consumed.
  bool skipUnreachable(const wasm::Instruction &I);
  wasm::FuncType blockSignature(const wasm::Instruction &I) const;
  void enterBlock(const wasm::Instruction &I);
  void enterLoop(const wasm::Instruction &I);
  void enterIf(const wasm::Instruction &I);
  void translateElse();
  void translateEnd();
  void finishFunction(ControlFrame &Frame);
  void translateBr(uint32_t Depth);
  void translateBrIf(uint32_t Depth);
  void translateBrTable(const wasm::Instruction &I);
  ControlFrame &frameAt(uint32_t Depth) { return Frames[Frames.size() - 1 - Depth]; }
  /// Adds one edge from the current block to `Target`'s label.
  void addBranchEdge(ControlFrame &Target, std::span<llvm::Value *const> Values);
  /// Ends the current block with the fall-through into `Frame`'s end.
  void branchToEnd(ControlFrame &Frame, std::span<llvm::Value *const> Values);
  llvm::BasicBlock *labelBlock(ControlFrame &Target) const;
  std::vector<llvm::PHINode *> makePhis(llvm::BasicBlock *Block,
                                        std::span<const wasm::ValType> Types,
                                        const char *Name);
  void markUnreachable();

  // Calls.cpp
  llvm::Value *emitCall(llvm::FunctionCallee Callee, llvm::Value *CalleeContext,
                        const wasm::FuncType &Type);
  void translateDirectCall(uint32_t FuncIndex);
  void translateCallIndirect(uint32_t TypeIndex, uint32_t TableIndex);

  // Variables.cpp
  llvm::Value *globalStorage(uint32_t GlobalIndex);

  // Memory.cpp
  llvm::Value *memoryBase(uint32_t MemoryIndex);
  llvm::Value *vmMemory(uint32_t MemoryIndex);
  /// The host address of an access of `AccessBytes` at `Address` plus the
  /// instruction's offset, checked first when bounds checks are explicit.
  llvm::Value *effectiveAddress(const wasm::Instruction &I, llvm::Value *Address,
                                uint64_t AccessBytes);
  bool explicitBoundsChecks() const {
    return MC.Options.MemoryBoundsChecks == BoundsChecks::Explicit;
  }
  /// Loads `MemType` from `Address` as instruction `I` addresses it, kept
  /// alive when a guard page carries the trap; shared with SIMDMemory.cpp.
  llvm::Value *emitLoad(const wasm::Instruction &I, llvm::Value *Address, llvm::Type *MemType);
  /// Stores `Value`, truncated to `MemType` when one is given, at `Address`
  /// as `I` addresses it; shared with SIMDMemory.cpp.
  void emitStore(const wasm::Instruction &I, llvm::Value *Address, llvm::Value *Value,
                 llvm::Type *MemType = nullptr);
  void translateLoad(const wasm::Instruction &I, llvm::Type *MemType, llvm::Type *ResultType,
                     bool SignExtend);
  void translateStore(const wasm::Instruction &I, llvm::Type *MemType);
  void keepAlive(llvm::Value *Loaded);
  void translateMemorySize(uint32_t MemoryIndex);
  void translateMemoryGrow(uint32_t MemoryIndex);

  // Tables.cpp
  llvm::Value *vmTable(uint32_t TableIndex);
  /// Address of element `Index` after a bounds check against the size.
  llvm::Value *tableElementAddress(uint32_t TableIndex, llvm::Value *Index, abi::TrapCode Code);

  // IntegerOps.cpp, FloatOps.cpp
  void translateIntBinary(const wasm::Instruction &I);
  void translateIntDivRem(const wasm::Instruction &I);
  void translateFloatUnary(const wasm::Instruction &I);
  void translateFloatBinary(const wasm::Instruction &I);
  /// `Value` with the quiet bit set if it is a NaN (see FloatOps.cpp).
  llvm::Value *quietNaN(llvm::Value *Value);
  void translateCompare(llvm::CmpInst::Predicate Predicate);

  // Conversions.cpp
  void translateTruncTrapping(llvm::Type *To, bool Signed);
  void translateTruncSaturating(llvm::Type *To, bool Signed);

  // Traps.cpp
  /// Branches to the trap block of `Code` when `Condition` holds.
  void emitTrapIf(llvm::Value *Condition, abi::TrapCode Code, const char *ContinueName = "cont");
  /// Traps with the code a builtin returned when it is not zero.
  void emitTrapIfNonZero(llvm::Value *TrapCodeValue);
  /// Ends the current block with an unconditional trap.
  void emitTrap(abi::TrapCode Code);
  llvm::BasicBlock *trapBlock(abi::TrapCode Code);

  // Context access (FunctionTranslator.cpp)
  /// Loads a field of the VMContext; all but StackLimit are fixed at
  /// instantiation, so the load is invariant and LLVM may hoist or merge it.
  llvm::Value *loadContextField(uint32_t Offset, llvm::Type *Type, const llvm::Twine &Name);
  /// Loads `Type` at `Base + Offset` and marks it invariant.
  llvm::Value *loadInvariant(llvm::Type *Type, llvm::Value *Base, uint64_t Offset,
                             const llvm::Twine &Name);
  llvm::Value *byteOffset(llvm::Value *Base, uint64_t Offset, const llvm::Twine &Name = "");
  /// Runs `Emit` at the end of the entry block, so that what it computes
  /// (context fields, memory bases) dominates the whole body.
  template <typename Fn> llvm::Value *inEntryBlock(Fn &&Emit);
  llvm::Value *callBuiltin(Builtin Which, llvm::ArrayRef<llvm::Value *> Args,
                           const llvm::Twine &Name = "");
  llvm::Value *constI32(uint32_t V) { return B.getInt32(V); }
  /// An i32 truth value as i1; a comparison's zext is looked through.
  llvm::Value *toBool(llvm::Value *I32);

  ModuleContext &MC;
  const wasm::Module &Wasm;
  uint32_t FuncIndex;
  const wasm::FuncType &Type;
  const wasm::FunctionBody &Body;
  llvm::Function *F;
  DebugInfo *Debug;
  llvm::DISubprogram *Subprogram = nullptr;
  llvm::IRBuilder<> B;
  llvm::Value *Context;
  const wasm::Instruction *Current = nullptr;

  llvm::BasicBlock *EntryBlock = nullptr;
  std::vector<llvm::Value *> Stack;
  std::vector<ControlFrame> Frames;
  std::vector<llvm::AllocaInst *> Locals;
  std::vector<wasm::ValType> LocalTypes;
  bool Reachable = true;
  /// Blocks opened inside unreachable code, skipped until their `end`.
  uint32_t UnreachableDepth = 0;

  std::map<abi::TrapCode, llvm::BasicBlock *> TrapBlocks;
  /// Memory bases never move, so each is loaded once in the entry block.
  std::map<uint32_t, llvm::Value *> MemoryBases;
};

template <typename Fn> llvm::Value *FunctionTranslator::inEntryBlock(Fn &&Emit) {
  llvm::IRBuilderBase::InsertPointGuard Guard(B);
  B.SetInsertPoint(EntryBlock->getTerminator());
  return Emit();
}

} // namespace kiln::translate

#endif // KILN_LIB_TRANSLATE_FUNCTIONTRANSLATOR_H
