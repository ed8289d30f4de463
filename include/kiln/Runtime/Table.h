//===- kiln/Runtime/Table.h - A table of references ------------*- C++ -*-===//
//
// Elements are `void *` as the ABI says: funcref tables hold
// `const abi::VMFuncRef *`, externref tables opaque host pointers, null is
// `ref.null`. Compiled code reads `abi::VMTable`; growing may move the
// element array, and the table updates `VMTable::Elements` when it does.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_TABLE_H
#define KILN_RUNTIME_TABLE_H

#include "kiln/ABI/TrapCode.h"
#include "kiln/ABI/VMContext.h"
#include "kiln/Runtime/Value.h"
#include "kiln/Support/Error.h"
#include "kiln/Wasm/Types.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace kiln::runtime {

class Table {
public:
  /// A table of `Type.Size.Min` elements set to `Init` (a null or a
  /// reference of the element type). `MaxElementsCap` is the embedder's
  /// limit (RuntimeConfig::MaxTableElements).
  static Expected<std::unique_ptr<Table>> create(const wasm::TableType &Type, void *Init,
                                                 uint64_t MaxElementsCap);
  Table(const Table &) = delete;
  Table &operator=(const Table &) = delete;

  wasm::ValType elementType() const { return ElemType; }
  uint64_t size() const { return Elements.size(); }
  /// The type with the current size as its minimum (for import matching).
  wasm::TableType currentType() const;

  /// Element `Index`, or nullopt when out of bounds.
  std::optional<void *> get(uint64_t Index) const;
  /// Stores an element; false when out of bounds.
  bool set(uint64_t Index, void *Element);
  /// Typed access for embedders.
  std::optional<Value> getValue(uint64_t Index) const;
  Expected<void> setValue(uint64_t Index, const Value &V);

  /// Appends `Delta` copies of `Init`; returns the old size, or -1 when the
  /// table would exceed its maximum or the cap.
  int64_t grow(uint64_t Delta, void *Init);
  /// table.fill: all-or-nothing bounds check, then writes.
  abi::TrapCode fill(uint64_t Dest, void *Value, uint64_t Length);
  /// table.copy between (possibly the same) tables; overlapping ranges copy
  /// as if through a temporary.
  static abi::TrapCode copy(Table &Dest, uint64_t DestIndex, const Table &Source,
                            uint64_t SourceIndex, uint64_t Length);
  /// table.init from already evaluated segment items.
  abi::TrapCode init(uint64_t Dest, std::span<void *const> Items, uint64_t SourceIndex,
                     uint64_t Length);

  std::span<void *const> elements() const { return Elements; }
  /// What compiled code reads through `VMContext::Tables`; stable address.
  abi::VMTable *vmTable() { return &VM; }

private:
  Table(const wasm::TableType &Type, uint64_t MaxElements);
  void syncVM() {
    VM.Elements = Elements.data();
    VM.Size = Elements.size();
  }

  wasm::ValType ElemType;
  std::optional<uint64_t> DeclaredMax;
  uint64_t MaxElements; ///< min(declared max, cap).
  std::vector<void *> Elements;
  abi::VMTable VM{};
};

} // namespace kiln::runtime

#endif // KILN_RUNTIME_TABLE_H
