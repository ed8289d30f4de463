//===- kiln/Runtime/Value.h - A typed WebAssembly value ---------*- C++ -*-===//
//
// What embedders pass to and get back from Wasm. A funcref is a
// `const abi::VMFuncRef *` and an externref an opaque host pointer; null is
// `ref.null`. Values cross into compiled code through 16-byte `ValueSlot`s.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_VALUE_H
#define KILN_RUNTIME_VALUE_H

#include "kiln/ABI/VMContext.h"
#include "kiln/Wasm/Types.h"

#include <array>
#include <cstdint>
#include <string>

namespace kiln::runtime {

using V128 = std::array<uint8_t, 16>;

class Value {
public:
  /// An i32 zero; prefer the named constructors.
  Value() = default;

  static Value i32(uint32_t V);
  static Value i64(uint64_t V);
  /// Floats by bit pattern, so NaN payloads survive.
  static Value f32Bits(uint32_t Bits);
  static Value f64Bits(uint64_t Bits);
  static Value f32(float V);
  static Value f64(double V);
  static Value v128(const V128 &Bytes);
  static Value funcRef(const abi::VMFuncRef *Ref);
  static Value externRef(void *Ref);
  /// `ref.null` of a reference type.
  static Value null(wasm::ValType RefType);
  /// The default value of a type: zero or null.
  static Value zero(wasm::ValType Type);

  wasm::ValType type() const { return Type; }

  uint32_t i32() const;
  uint64_t i64() const;
  uint32_t f32Bits() const;
  uint64_t f64Bits() const;
  float f32() const;
  double f64() const;
  V128 v128() const;
  const abi::VMFuncRef *funcRef() const;
  void *externRef() const;
  /// The pointer of a reference value (funcref or externref).
  void *refPointer() const;
  bool isNullRef() const;

  /// The 16-byte slot and global representation: scalars little-endian in
  /// the low bytes, the rest zero; references as pointers.
  abi::ValueSlot toSlot() const;
  static Value fromSlot(wasm::ValType Type, const abi::ValueSlot &Slot);
  abi::VMGlobal toGlobal() const;
  static Value fromGlobal(wasm::ValType Type, const abi::VMGlobal &Storage);

  /// Same type and same bits (NaNs compare by payload).
  bool operator==(const Value &Other) const;
  /// For messages and tests: "i32:42", "f32:0x7fc00000", "funcref:null".
  std::string toString() const;

private:
  wasm::ValType Type = wasm::ValType::I32;
  V128 Bits{};
};

} // namespace kiln::runtime

#endif // KILN_RUNTIME_VALUE_H
