//===- InstanceInit.cpp - Segments and the start function -----------------===//
//
// The last steps of instantiation (WebAssembly 2.0, section 4.5.4): every
// active element segment is applied with table.init and dropped, declarative
// ones are dropped, then every active data segment is applied with
// memory.init and dropped, then the start function runs. Bounds are checked
// per segment when it is applied, so a failing segment traps after the
// earlier ones have written (into imported tables and memories too).
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/Store.h"
#include "kiln/Runtime/Table.h"

#include "ConstExpr.h"

namespace kiln::runtime {

/// The i32 offset of an active segment.
static uint32_t segmentOffset(const wasm::ConstExpr &Expr, const ConstExprEnv &Env) {
  Expected<Value> Offset = evaluateConstExpr(Expr, wasm::ValType::I32, Env);
  // Validation guarantees an i32 constant expression; treat anything else
  // as an offset that is out of bounds for every table and memory.
  return Offset ? Offset->i32() : UINT32_MAX;
}

TrapOr<void> Instance::runInitializers() {
  const wasm::Module &M = module();
  ConstExprEnv Env{Globals, Functions};
  for (uint32_t I = 0; I < M.Elements.size(); ++I) {
    const wasm::ElementSegment &Segment = M.Elements[I];
    if (Segment.Mode == wasm::SegmentMode::Passive)
      continue;
    if (Segment.Mode == wasm::SegmentMode::Active) {
      std::span<void *const> Items = ElementSegments[I];
      abi::TrapCode Code = Tables[Segment.TableIndex]->init(segmentOffset(Segment.TableOffset, Env),
                                                            Items, 0, Items.size());
      if (Code != abi::TrapCode::None)
        return std::unexpected(Trap::fromCode(Code));
    }
    dropElementSegment(I);
  }
  for (uint32_t I = 0; I < M.Data.size(); ++I) {
    const wasm::DataSegment &Segment = M.Data[I];
    if (Segment.Mode != wasm::SegmentMode::Active)
      continue;
    std::span<const uint8_t> Bytes = DataSegments[I];
    abi::TrapCode Code = Memories[Segment.MemoryIndex]->init(
        segmentOffset(Segment.MemoryOffset, Env), Bytes, 0, Bytes.size());
    if (Code != abi::TrapCode::None)
      return std::unexpected(Trap::fromCode(Code));
    dropDataSegment(I);
  }
  if (!M.Start)
    return {};
  Expected<TrapOr<std::vector<Value>>> Result = Owner.call(function(*M.Start), {});
  if (!Result)
    return std::unexpected(Trap::host("start function: " + Result.error().message()));
  if (!*Result)
    return std::unexpected(std::move(Result->error()));
  return {};
}

} // namespace kiln::runtime
