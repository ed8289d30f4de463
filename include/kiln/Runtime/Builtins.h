//===- kiln/Runtime/Builtins.h - Runtime functions compiled code calls -*- C++ -*-===//
//
// The C definitions of every entry in kiln/ABI/Builtins.def, and a table of
// their names and addresses. The JIT defines the symbols from that table
// (which also keeps the static-library linker from dropping them); AOT
// artifacts resolve the same names against the runtime when loaded.
//
// Every builtin except `kiln_rt_call_host` finds its Instance through
// `VMContext::Instance`. i32 operands are unsigned Wasm values.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_BUILTINS_H
#define KILN_RUNTIME_BUILTINS_H

#include "kiln/ABI/VMContext.h"

#include <cstdint>
#include <span>
#include <string_view>

extern "C" {
/// Ends the innermost invoke with trap `Code`. `Context` may be a Wasm or a
/// host context (host adapters trap with their own); it is not used.
[[noreturn]] void kiln_rt_trap(kiln::abi::VMContext *Context, uint32_t Code);
/// Returns the old size in pages, or -1 (as uint32_t).
uint32_t kiln_rt_memory_grow(kiln::abi::VMContext *Context, uint32_t Memory, uint32_t DeltaPages);
uint32_t kiln_rt_memory_fill(kiln::abi::VMContext *Context, uint32_t Memory, uint32_t Dest,
                             uint32_t Value, uint32_t Length);
uint32_t kiln_rt_memory_copy(kiln::abi::VMContext *Context, uint32_t DestMemory,
                             uint32_t SourceMemory, uint32_t Dest, uint32_t Source,
                             uint32_t Length);
uint32_t kiln_rt_memory_init(kiln::abi::VMContext *Context, uint32_t Memory, uint32_t Segment,
                             uint32_t Dest, uint32_t Source, uint32_t Length);
void kiln_rt_data_drop(kiln::abi::VMContext *Context, uint32_t Segment);
/// Returns the old size, or -1 (as uint32_t).
uint32_t kiln_rt_table_grow(kiln::abi::VMContext *Context, uint32_t Table, uint32_t Delta,
                            void *Init);
uint32_t kiln_rt_table_fill(kiln::abi::VMContext *Context, uint32_t Table, uint32_t Dest,
                            void *Value, uint32_t Length);
uint32_t kiln_rt_table_copy(kiln::abi::VMContext *Context, uint32_t DestTable,
                            uint32_t SourceTable, uint32_t Dest, uint32_t Source,
                            uint32_t Length);
uint32_t kiln_rt_table_init(kiln::abi::VMContext *Context, uint32_t Table, uint32_t Segment,
                            uint32_t Dest, uint32_t Source, uint32_t Length);
void kiln_rt_elem_drop(kiln::abi::VMContext *Context, uint32_t Segment);
/// Calls the host function whose context is `HostContext`: arguments in
/// `Slots` on entry, results on return. Returns a TrapCode (0: success).
uint32_t kiln_rt_call_host(kiln::abi::VMContext *HostContext, kiln::abi::ValueSlot *Slots);
}

namespace kiln::runtime {

struct BuiltinSymbol {
  std::string_view Name; ///< The symbol, e.g. "kiln_rt_trap".
  void *Address;
};

/// One entry per KILN_BUILTIN in Builtins.def, in that order.
std::span<const BuiltinSymbol> builtinSymbols();

} // namespace kiln::runtime

#endif // KILN_RUNTIME_BUILTINS_H
