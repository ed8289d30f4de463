//===- ValueConversion.cpp - Script values and result matching ------------===//
//
// Floats are compared by bit pattern, so -0 and +0 differ and a NaN matches
// only a NaN pattern: `nan:canonical` is a NaN with only the quiet bit of the
// payload set (either sign), `nan:arithmetic` any NaN with the quiet bit set.
//
//===----------------------------------------------------------------------===//
#include "ValueConversion.h"

#include <cstring>

namespace kiln::cli {

using runtime::Value;
using wasm::ValType;

namespace {
unsigned laneBytes(LaneShape Shape) { return 16 / laneCount(Shape); }
bool isFloatShape(LaneShape Shape) { return Shape == LaneShape::F32 || Shape == LaneShape::F64; }

bool floatMatches(uint64_t Bits, const ValueLane &Want, unsigned Width) {
  const uint64_t SignBit = uint64_t(1) << (Width - 1);
  const uint64_t QuietBit = Width == 32 ? 0x00400000u : 0x0008000000000000ull;
  const uint64_t ExponentMask = Width == 32 ? 0x7f800000u : 0x7ff0000000000000ull;
  const uint64_t PayloadMask = QuietBit * 2 - 1;
  bool IsNan = (Bits & ExponentMask) == ExponentMask && (Bits & PayloadMask) != 0;
  switch (Want.Nan) {
  case NanPattern::Canonical:
    return IsNan && (Bits & ~SignBit) == (ExponentMask | QuietBit);
  case NanPattern::Arithmetic:
    return IsNan && (Bits & QuietBit) != 0;
  case NanPattern::None:
    return Bits == Want.Bits;
  }
  return false;
}

uint64_t laneBits(const runtime::V128 &Bytes, unsigned Index, unsigned Size) {
  uint64_t Bits = 0;
  std::memcpy(&Bits, Bytes.data() + Index * Size, Size);
  return Bits;
}

bool v128Matches(const runtime::V128 &Bytes, const ScriptValue &Want) {
  unsigned Size = laneBytes(Want.Shape);
  if (Want.Lanes.size() != laneCount(Want.Shape))
    return false;
  for (unsigned I = 0; I < Want.Lanes.size(); ++I) {
    uint64_t Bits = laneBits(Bytes, I, Size);
    bool Ok = isFloatShape(Want.Shape) ? floatMatches(Bits, Want.Lanes[I], Size * 8)
                                       : Bits == Want.Lanes[I].Bits;
    if (!Ok)
      return false;
  }
  return true;
}

bool matches(const Value &Actual, const ScriptValue &Want) {
  if (Actual.type() != Want.Type)
    return false;
  switch (Want.Type) {
  case ValType::I32: return Actual.i32() == static_cast<uint32_t>(Want.Lanes.at(0).Bits);
  case ValType::I64: return Actual.i64() == Want.Lanes.at(0).Bits;
  case ValType::F32: return floatMatches(Actual.f32Bits(), Want.Lanes.at(0), 32);
  case ValType::F64: return floatMatches(Actual.f64Bits(), Want.Lanes.at(0), 64);
  case ValType::V128: return v128Matches(Actual.v128(), Want);
  case ValType::FuncRef:
    // The spec's `(ref.func)` result pattern is any non-null function.
    return Want.IsNullRef == Actual.isNullRef();
  case ValType::ExternRef:
    if (Want.IsNullRef || Actual.isNullRef())
      return Want.IsNullRef == Actual.isNullRef();
    // `(ref.extern)` without an index accepts any non-null reference.
    if (Want.Lanes.empty())
      return true;
    return reinterpret_cast<uintptr_t>(Actual.externRef()) == Want.Lanes.at(0).Bits + 1;
  }
  return false;
}

std::string laneText(const ValueLane &Lane) {
  switch (Lane.Nan) {
  case NanPattern::Canonical: return "nan:canonical";
  case NanPattern::Arithmetic: return "nan:arithmetic";
  case NanPattern::None: break;
  }
  char Buf[24];
  std::snprintf(Buf, sizeof(Buf), "0x%llx", static_cast<unsigned long long>(Lane.Bits));
  return Buf;
}
} // namespace

Expected<Value> toRuntimeValue(const ScriptValue &V) {
  if (wasm::isRefType(V.Type)) {
    if (V.IsNullRef)
      return Value::null(V.Type);
    if (V.Type == ValType::FuncRef || V.Lanes.empty())
      return makeError(ErrorKind::Unsupported, "a non-null funcref argument cannot be written in a script");
    return Value::externRef(reinterpret_cast<void *>(static_cast<uintptr_t>(V.Lanes[0].Bits + 1)));
  }
  if (V.Lanes.empty())
    return makeError(ErrorKind::Internal, "a script value without lanes");
  switch (V.Type) {
  case ValType::I32: return Value::i32(static_cast<uint32_t>(V.Lanes[0].Bits));
  case ValType::I64: return Value::i64(V.Lanes[0].Bits);
  case ValType::F32: return Value::f32Bits(static_cast<uint32_t>(V.Lanes[0].Bits));
  case ValType::F64: return Value::f64Bits(V.Lanes[0].Bits);
  default: break;
  }
  runtime::V128 Bytes{};
  unsigned Size = laneBytes(V.Shape);
  for (unsigned I = 0; I < V.Lanes.size() && I < laneCount(V.Shape); ++I)
    std::memcpy(Bytes.data() + I * Size, &V.Lanes[I].Bits, Size);
  return Value::v128(Bytes);
}

bool matchesAny(const Value &Actual, std::span<const ScriptValue> Alternatives) {
  for (const ScriptValue &Want : Alternatives)
    if (matches(Actual, Want))
      return true;
  return false;
}

std::string describe(const ScriptValue &V) {
  std::string Out(wasm::valTypeName(V.Type));
  if (wasm::isRefType(V.Type))
    return Out + (V.IsNullRef ? ":null" : V.Lanes.empty() ? ":non-null" : ":" + laneText(V.Lanes[0]));
  Out += ':';
  if (V.Type != ValType::V128)
    return Out + (V.Lanes.empty() ? "?" : laneText(V.Lanes[0]));
  Out += '[';
  for (size_t I = 0; I < V.Lanes.size(); ++I)
    Out += (I ? " " : "") + laneText(V.Lanes[I]);
  return Out + ']';
}

std::string describe(std::span<const Value> Values) {
  std::string Out = "[";
  for (size_t I = 0; I < Values.size(); ++I)
    Out += (I ? " " : "") + Values[I].toString();
  return Out + "]";
}

} // namespace kiln::cli
