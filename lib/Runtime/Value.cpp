//===- Value.cpp - A typed WebAssembly value ------------------------------===//
#include "kiln/Runtime/Value.h"

#include <bit>
#include <cassert>
#include <cstring>
#include <sstream>

namespace kiln::runtime {
namespace {

template <typename T> T readScalar(const V128 &Bytes) {
  T V;
  std::memcpy(&V, Bytes.data(), sizeof(T));
  return V;
}

/// Bytes of `V` in the low end of a zeroed 16-byte block.
template <typename T> abi::ValueSlot slotOf(const T &V) {
  static_assert(sizeof(T) <= 16);
  abi::ValueSlot Slot{};
  std::memcpy(Slot.Bytes, &V, sizeof(T));
  return Slot;
}

} // namespace

Value Value::i32(uint32_t V) { return fromSlot(wasm::ValType::I32, slotOf(V)); }
Value Value::i64(uint64_t V) { return fromSlot(wasm::ValType::I64, slotOf(V)); }
Value Value::f32Bits(uint32_t Bits) { return fromSlot(wasm::ValType::F32, slotOf(Bits)); }
Value Value::f64Bits(uint64_t Bits) { return fromSlot(wasm::ValType::F64, slotOf(Bits)); }
Value Value::f32(float V) { return f32Bits(std::bit_cast<uint32_t>(V)); }
Value Value::f64(double V) { return f64Bits(std::bit_cast<uint64_t>(V)); }
Value Value::v128(const V128 &Bytes) { return fromSlot(wasm::ValType::V128, slotOf(Bytes)); }
Value Value::funcRef(const abi::VMFuncRef *Ref) { return fromSlot(wasm::ValType::FuncRef, slotOf(Ref)); }
Value Value::externRef(void *Ref) { return fromSlot(wasm::ValType::ExternRef, slotOf(Ref)); }

Value Value::null(wasm::ValType RefType) {
  assert(wasm::isRefType(RefType) && "ref.null needs a reference type");
  return zero(RefType);
}
Value Value::zero(wasm::ValType Type) { return fromSlot(Type, abi::ValueSlot{}); }

uint32_t Value::i32() const {
  assert(Type == wasm::ValType::I32 && "not an i32");
  return readScalar<uint32_t>(Bits);
}
uint64_t Value::i64() const {
  assert(Type == wasm::ValType::I64 && "not an i64");
  return readScalar<uint64_t>(Bits);
}
uint32_t Value::f32Bits() const {
  assert(Type == wasm::ValType::F32 && "not an f32");
  return readScalar<uint32_t>(Bits);
}
uint64_t Value::f64Bits() const {
  assert(Type == wasm::ValType::F64 && "not an f64");
  return readScalar<uint64_t>(Bits);
}
float Value::f32() const { return std::bit_cast<float>(f32Bits()); }
double Value::f64() const { return std::bit_cast<double>(f64Bits()); }
V128 Value::v128() const {
  assert(Type == wasm::ValType::V128 && "not a v128");
  return Bits;
}
const abi::VMFuncRef *Value::funcRef() const {
  assert(Type == wasm::ValType::FuncRef && "not a funcref");
  return static_cast<const abi::VMFuncRef *>(refPointer());
}
void *Value::externRef() const {
  assert(Type == wasm::ValType::ExternRef && "not an externref");
  return refPointer();
}
void *Value::refPointer() const {
  assert(wasm::isRefType(Type) && "not a reference");
  return readScalar<void *>(Bits);
}
bool Value::isNullRef() const { return refPointer() == nullptr; }

abi::ValueSlot Value::toSlot() const { return std::bit_cast<abi::ValueSlot>(Bits); }

Value Value::fromSlot(wasm::ValType Type, const abi::ValueSlot &Slot) {
  Value V;
  V.Type = Type;
  std::memcpy(V.Bits.data(), Slot.Bytes, 16);
  // Only the bytes that belong to the type are meaningful; clearing the rest
  // makes equality and printing independent of what compiled code left there.
  size_t Used = 16;
  switch (Type) {
  case wasm::ValType::I32:
  case wasm::ValType::F32: Used = 4; break;
  case wasm::ValType::I64:
  case wasm::ValType::F64:
  case wasm::ValType::FuncRef:
  case wasm::ValType::ExternRef: Used = 8; break;
  case wasm::ValType::V128: break;
  }
  std::memset(V.Bits.data() + Used, 0, 16 - Used);
  return V;
}

abi::VMGlobal Value::toGlobal() const { return std::bit_cast<abi::VMGlobal>(Bits); }

Value Value::fromGlobal(wasm::ValType Type, const abi::VMGlobal &Storage) {
  return fromSlot(Type, std::bit_cast<abi::ValueSlot>(Storage));
}

bool Value::operator==(const Value &Other) const { return Type == Other.Type && Bits == Other.Bits; }

std::string Value::toString() const {
  std::ostringstream OS;
  OS << wasm::valTypeName(Type) << ':';
  switch (Type) {
  case wasm::ValType::I32: OS << i32(); break;
  case wasm::ValType::I64: OS << i64(); break;
  case wasm::ValType::F32: OS << std::hex << "0x" << f32Bits(); break;
  case wasm::ValType::F64: OS << std::hex << "0x" << f64Bits(); break;
  case wasm::ValType::V128:
    OS << std::hex;
    for (uint8_t Byte : Bits)
      OS << (Byte < 16 ? "0" : "") << unsigned(Byte);
    break;
  case wasm::ValType::FuncRef:
  case wasm::ValType::ExternRef:
    if (isNullRef())
      OS << "null";
    else
      OS << refPointer();
    break;
  }
  return OS.str();
}

} // namespace kiln::runtime
