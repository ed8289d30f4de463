//===- FakeCompiledModule.h - Compiled modules without a compiler -*- C++ -*-===//
//
// Runtime tests stand in for the JIT: a module's "compiled code" is ordinary
// C++ functions with the native convention of docs/ABI.md, plus hand-written
// entry trampolines and host adapters for the few types the tests use.
// Like real compiled code, none of them keeps an object with a destructor
// on a frame that a trap may abandon.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_UNITTESTS_RUNTIME_FAKECOMPILEDMODULE_H
#define KILN_UNITTESTS_RUNTIME_FAKECOMPILEDMODULE_H

#include "kiln/Runtime/Builtins.h"
#include "kiln/Runtime/CompiledModule.h"

#include <cstring>
#include <memory>

namespace kiln::runtime::test {

using kiln::abi::ValueSlot;
using kiln::abi::VMContext;

class FakeCompiledModule : public CompiledModule {
public:
  explicit FakeCompiledModule(CompiledModuleParts Parts) : CompiledModule(std::move(Parts)) {}
};

inline uint32_t slotI32(const ValueSlot &Slot) {
  uint32_t V;
  std::memcpy(&V, Slot.Bytes, 4);
  return V;
}
inline void setSlotI32(ValueSlot &Slot, uint32_t V) {
  Slot = {};
  std::memcpy(Slot.Bytes, &V, 4);
}

// Native signatures of the test types.
using VoidFn = void (*)(VMContext *);
using I32ToI32Fn = uint32_t (*)(VMContext *, uint32_t);
using I32I32ToI32Fn = uint32_t (*)(VMContext *, uint32_t, uint32_t);

// Entry trampolines: unpack the slots, call, pack the results.
inline void entryVoid(VMContext *Ctx, void *Code, ValueSlot *) {
  reinterpret_cast<VoidFn>(Code)(Ctx);
}
inline void entryI32ToI32(VMContext *Ctx, void *Code, ValueSlot *Slots) {
  setSlotI32(Slots[0], reinterpret_cast<I32ToI32Fn>(Code)(Ctx, slotI32(Slots[0])));
}
inline void entryI32I32ToI32(VMContext *Ctx, void *Code, ValueSlot *Slots) {
  setSlotI32(Slots[0],
             reinterpret_cast<I32I32ToI32Fn>(Code)(Ctx, slotI32(Slots[0]), slotI32(Slots[1])));
}

// Host adapters: pack the arguments, call the host, trap on failure.
inline void adapterVoid(VMContext *Host) {
  ValueSlot Slots[1] = {};
  if (uint32_t Code = kiln_rt_call_host(Host, Slots))
    kiln_rt_trap(Host, Code);
}
inline uint32_t adapterI32ToI32(VMContext *Host, uint32_t A) {
  ValueSlot Slots[1];
  setSlotI32(Slots[0], A);
  if (uint32_t Code = kiln_rt_call_host(Host, Slots))
    kiln_rt_trap(Host, Code);
  return slotI32(Slots[0]);
}
inline uint32_t adapterI32I32ToI32(VMContext *Host, uint32_t A, uint32_t B) {
  ValueSlot Slots[2];
  setSlotI32(Slots[0], A);
  setSlotI32(Slots[1], B);
  if (uint32_t Code = kiln_rt_call_host(Host, Slots))
    kiln_rt_trap(Host, Code);
  return slotI32(Slots[0]);
}

/// Fills in entry trampolines and adapters for each of `M`'s types, which
/// must be among [] -> [], [i32] -> [i32] and [i32 i32] -> [i32].
std::shared_ptr<const CompiledModule> compileFake(wasm::Module M,
                                                  std::vector<void *> DefinedFunctions = {},
                                                  std::vector<CodeRange> CodeRanges = {});

/// Module-building shorthands.
wasm::FuncType voidType();
wasm::FuncType i32ToI32Type();
wasm::FuncType i32I32ToI32Type();
wasm::ConstExpr i32Expr(int32_t V);
wasm::ConstExpr i64Expr(int64_t V);
wasm::ConstExpr globalGetExpr(uint32_t Index);
wasm::ConstExpr refFuncExpr(uint32_t Index);
wasm::ConstExpr refNullExpr(wasm::ValType Type);

/// An import of `Module`.`Field` of the given kind (its type fields left
/// for the test to fill).
wasm::Import importOf(std::string Module, std::string Field, wasm::ExternKind Kind);
/// A function import of type `TypeIndex`.
wasm::Import funcImport(std::string Module, std::string Field, uint32_t TypeIndex);
wasm::Export exportOf(std::string Name, wasm::ExternKind Kind, uint32_t Index);

} // namespace kiln::runtime::test

#endif // KILN_UNITTESTS_RUNTIME_FAKECOMPILEDMODULE_H
