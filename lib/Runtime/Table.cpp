//===- Table.cpp - A table of references ----------------------------------===//
#include "kiln/Runtime/Table.h"

#include <algorithm>
#include <new>

namespace kiln::runtime {

using abi::TrapCode;

/// True when [Start, Start + Length) lies within [0, Size), written so that
/// no sum can wrap.
static bool inBounds(uint64_t Start, uint64_t Length, uint64_t Size) {
  return Start <= Size && Length <= Size - Start;
}

Expected<std::unique_ptr<Table>> Table::create(const wasm::TableType &Type, void *Init,
                                               uint64_t MaxElementsCap) {
  uint64_t MaxElements = MaxElementsCap;
  if (Type.Size.Max)
    MaxElements = std::min(MaxElements, *Type.Size.Max);
  if (Type.Size.Min > MaxElementsCap)
    return makeError(ErrorKind::Unsupported,
                     "table of " + std::to_string(Type.Size.Min) +
                         " elements exceeds the limit of " + std::to_string(MaxElementsCap));
  std::unique_ptr<Table> T(new Table(Type, MaxElements));
  if (T->grow(Type.Size.Min, Init) < 0)
    return makeError(ErrorKind::Internal, "cannot allocate the table's elements");
  return T;
}

Table::Table(const wasm::TableType &Type, uint64_t MaxElements)
    : ElemType(Type.ElemType), DeclaredMax(Type.Size.Max), MaxElements(MaxElements) {
  syncVM();
}

wasm::TableType Table::currentType() const {
  wasm::TableType Type;
  Type.ElemType = ElemType;
  Type.Size.Min = size();
  Type.Size.Max = DeclaredMax;
  return Type;
}

std::optional<void *> Table::get(uint64_t Index) const {
  if (Index >= Elements.size())
    return std::nullopt;
  return Elements[Index];
}

bool Table::set(uint64_t Index, void *Element) {
  if (Index >= Elements.size())
    return false;
  Elements[Index] = Element;
  return true;
}

std::optional<Value> Table::getValue(uint64_t Index) const {
  std::optional<void *> Element = get(Index);
  if (!Element)
    return std::nullopt;
  if (ElemType == wasm::ValType::FuncRef)
    return Value::funcRef(static_cast<const abi::VMFuncRef *>(*Element));
  return Value::externRef(*Element);
}

Expected<void> Table::setValue(uint64_t Index, const Value &V) {
  if (V.type() != ElemType)
    return makeError(ErrorKind::Usage, "table element type mismatch");
  if (!set(Index, V.refPointer()))
    return makeError(ErrorKind::Usage, "table index out of bounds");
  return {};
}

int64_t Table::grow(uint64_t Delta, void *Init) {
  uint64_t OldSize = Elements.size();
  if (Delta > MaxElements || OldSize + Delta > MaxElements)
    return -1;
  try {
    Elements.resize(OldSize + Delta, Init);
  } catch (const std::bad_alloc &) {
    return -1;
  }
  syncVM();
  return static_cast<int64_t>(OldSize);
}

TrapCode Table::fill(uint64_t Dest, void *Value, uint64_t Length) {
  if (!inBounds(Dest, Length, Elements.size()))
    return TrapCode::OutOfBoundsTableAccess;
  std::fill_n(Elements.begin() + Dest, Length, Value);
  return TrapCode::None;
}

TrapCode Table::copy(Table &Dest, uint64_t DestIndex, const Table &Source, uint64_t SourceIndex,
                     uint64_t Length) {
  if (!inBounds(DestIndex, Length, Dest.size()) || !inBounds(SourceIndex, Length, Source.size()))
    return TrapCode::OutOfBoundsTableAccess;
  if (Length == 0)
    return TrapCode::None;
  void *const *From = Source.Elements.data() + SourceIndex;
  void **To = Dest.Elements.data() + DestIndex;
  // std::copy_backward handles the overlapping case where To > From.
  if (To > From)
    std::copy_backward(From, From + Length, To + Length);
  else
    std::copy(From, From + Length, To);
  return TrapCode::None;
}

TrapCode Table::init(uint64_t Dest, std::span<void *const> Items, uint64_t SourceIndex,
                     uint64_t Length) {
  if (!inBounds(Dest, Length, Elements.size()) || !inBounds(SourceIndex, Length, Items.size()))
    return TrapCode::OutOfBoundsTableAccess;
  std::copy_n(Items.begin() + SourceIndex, Length, Elements.begin() + Dest);
  return TrapCode::None;
}

} // namespace kiln::runtime
