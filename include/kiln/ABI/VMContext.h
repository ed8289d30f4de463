//===- kiln/ABI/VMContext.h - What compiled code sees of an instance -*- C++ -*-===//
//
// The contract between generated code and the runtime. Every compiled
// function takes `VMContext *` as its first argument and reaches memories,
// tables, globals, other functions and canonical signature ids only through
// it, so generated code never embeds a host address: the same IR serves the
// JIT and AOT artifacts. Field offsets are ABI; the translator uses the
// constants below, and the static_asserts keep both sides in step.
// docs/ABI.md explains the design.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_ABI_VMCONTEXT_H
#define KILN_ABI_VMCONTEXT_H

#include <cstddef>
#include <cstdint>

namespace kiln::abi {

struct VMContext;

/// What a funcref points to, and how every call through an import or a table
/// is made: `Code(Context, args...)` with the native convention.
struct VMFuncRef {
  void *Code;            ///< Entry with the native convention.
  VMContext *Context;    ///< The callee's context (a host context for host functions).
  uint32_t SignatureId;  ///< Process-wide canonical id of the function type.
  uint32_t Reserved;
};

/// A linear memory as compiled code sees it. `Base` never moves: memory is
/// reserved up front and grows by changing protections.
struct VMMemory {
  uint8_t *Base;
  uint64_t SizeInBytes;
};

/// A table: funcref tables hold `VMFuncRef *` (null for ref.null), externref
/// tables hold opaque host pointers (null for ref.null).
struct VMTable {
  void **Elements;
  uint64_t Size; ///< In elements.
};

/// Storage of one global; 16 bytes so that v128 fits. Scalars live in the
/// low bytes, little-endian; references are pointers.
struct alignas(16) VMGlobal {
  uint8_t Bytes[16];
};

/// One argument or result slot for calls that cross into or out of the
/// runtime (entry trampolines, host functions).
struct alignas(16) ValueSlot {
  uint8_t Bytes[16];
};

struct VMContext {
  uint8_t *Memory0Base;             ///< Cached `Memories[0]->Base` (null: no memory).
  VMMemory *const *Memories;        ///< One pointer per memory index.
  VMTable *const *Tables;           ///< One pointer per table index.
  VMGlobal *const *Globals;         ///< One pointer per global index.
  const VMFuncRef *Functions;       ///< One entry per function index, imports first.
  const uint32_t *TypeSignatureIds; ///< Canonical signature id per type index.
  uintptr_t StackLimit;             ///< Calls trap when the stack pointer is below this.
  void *Instance;                   ///< The runtime's Instance; opaque to compiled code.
};

/// Byte offsets of VMContext fields, for the translator.
namespace offsets {
inline constexpr uint32_t Memory0Base = 0;
inline constexpr uint32_t Memories = 8;
inline constexpr uint32_t Tables = 16;
inline constexpr uint32_t Globals = 24;
inline constexpr uint32_t Functions = 32;
inline constexpr uint32_t TypeSignatureIds = 40;
inline constexpr uint32_t StackLimit = 48;
inline constexpr uint32_t Instance = 56;

inline constexpr uint32_t FuncRefCode = 0;
inline constexpr uint32_t FuncRefContext = 8;
inline constexpr uint32_t FuncRefSignatureId = 16;
inline constexpr uint32_t FuncRefSize = 24;

inline constexpr uint32_t MemoryBase = 0;
inline constexpr uint32_t MemorySizeInBytes = 8;
inline constexpr uint32_t TableElements = 0;
inline constexpr uint32_t TableSize = 8;
inline constexpr uint32_t ValueSlotSize = 16;
} // namespace offsets

// The ABI is defined for 64-bit little-endian targets (x86-64, arm64).
static_assert(sizeof(void *) == 8, "Kiln's ABI assumes 64-bit pointers");
static_assert(offsetof(VMContext, Memory0Base) == offsets::Memory0Base);
static_assert(offsetof(VMContext, Memories) == offsets::Memories);
static_assert(offsetof(VMContext, Tables) == offsets::Tables);
static_assert(offsetof(VMContext, Globals) == offsets::Globals);
static_assert(offsetof(VMContext, Functions) == offsets::Functions);
static_assert(offsetof(VMContext, TypeSignatureIds) == offsets::TypeSignatureIds);
static_assert(offsetof(VMContext, StackLimit) == offsets::StackLimit);
static_assert(offsetof(VMContext, Instance) == offsets::Instance);
static_assert(offsetof(VMFuncRef, Code) == offsets::FuncRefCode);
static_assert(offsetof(VMFuncRef, Context) == offsets::FuncRefContext);
static_assert(offsetof(VMFuncRef, SignatureId) == offsets::FuncRefSignatureId);
static_assert(sizeof(VMFuncRef) == offsets::FuncRefSize);
static_assert(offsetof(VMMemory, SizeInBytes) == offsets::MemorySizeInBytes);
static_assert(offsetof(VMTable, Size) == offsets::TableSize);
static_assert(sizeof(ValueSlot) == offsets::ValueSlotSize);

} // namespace kiln::abi

#endif // KILN_ABI_VMCONTEXT_H
