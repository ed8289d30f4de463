//===- ScriptModule.cpp - Loading script modules, matching results --------===//
#include "kiln/Text/Parser.h"
#include "kiln/Text/Script.h"
#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Encoder.h"

#include <cstring>

namespace kiln::text {

using wasm::ValType;

uint32_t ScriptValue::bits32() const { return static_cast<uint32_t>(bits64()); }

uint64_t ScriptValue::bits64() const {
  uint64_t V;
  std::memcpy(&V, Bits.data(), 8);
  return V;
}

namespace {

bool matchesNan(uint64_t Bits, unsigned Width, NanPattern Pattern) {
  const unsigned MantissaBits = Width == 32 ? 23 : 52;
  const uint64_t Magnitude = Width == 32 ? Bits & 0x7fffffffu : Bits & ~(uint64_t(1) << 63);
  const uint64_t Exponent = Width == 32 ? uint64_t(0xff) << 23 : uint64_t(0x7ff) << 52;
  const uint64_t Quiet = uint64_t(1) << (MantissaBits - 1);
  if (Pattern == NanPattern::Canonical)
    return Magnitude == (Exponent | Quiet);
  return (Magnitude & (Exponent | Quiet)) == (Exponent | Quiet);
}

uint64_t laneBitsOf(const std::array<uint8_t, 16> &Bytes, unsigned Lane, unsigned Width) {
  uint64_t V = 0;
  const unsigned ByteCount = Width / 8;
  for (unsigned I = 0; I < ByteCount; ++I)
    V |= uint64_t(Bytes[Lane * ByteCount + I]) << (8 * I);
  return V;
}

bool matchesVector(const ResultPattern &P, const ScriptValue &Actual) {
  if (!isFloatShape(P.Shape))
    return P.Value.Bits == Actual.Bits;
  const unsigned Width = laneBits(P.Shape);
  for (unsigned Lane = 0; Lane < laneCount(P.Shape); ++Lane) {
    uint64_t Got = laneBitsOf(Actual.Bits, Lane, Width);
    if (P.LaneNans[Lane] != NanPattern::None) {
      if (!matchesNan(Got, Width, P.LaneNans[Lane]))
        return false;
    } else if (Got != laneBitsOf(P.Value.Bits, Lane, Width)) {
      return false;
    }
  }
  return true;
}

bool matchesReference(const ScriptValue &Expected, const ScriptValue &Actual) {
  if (!Actual.isReference())
    return false;
  if (Expected.IsNull)
    return Actual.IsNull && (Expected.HeapType.empty() || Expected.Type == Actual.Type);
  if (Actual.IsNull || Expected.Type != Actual.Type)
    return false;
  return !Expected.RefIndex || Expected.RefIndex == Actual.RefIndex;
}

} // namespace

bool ResultPattern::matches(const ScriptValue &Actual) const {
  if (!Either.empty()) {
    for (const ResultPattern &Alt : Either)
      if (Alt.matches(Actual))
        return true;
    return false;
  }
  if (Value.isReference())
    return matchesReference(Value, Actual);
  if (Actual.Type != Value.Type)
    return false;
  switch (Value.Type) {
  case ValType::I32: return Actual.bits32() == Value.bits32();
  case ValType::I64: return Actual.bits64() == Value.bits64();
  case ValType::F32:
    return Nan != NanPattern::None ? matchesNan(Actual.bits32(), 32, Nan)
                                   : Actual.bits32() == Value.bits32();
  case ValType::F64:
    return Nan != NanPattern::None ? matchesNan(Actual.bits64(), 64, Nan)
                                   : Actual.bits64() == Value.bits64();
  case ValType::V128: return matchesVector(*this, Actual);
  default: return false;
  }
}

Expected<wasm::Module> ScriptModule::load(const wasm::Features &Enabled) const {
  switch (TheForm) {
  case Form::Text:
    if (TextError)
      return std::unexpected(*TextError);
    return Parsed;
  case Form::Binary: return wasm::decodeModule(Bytes, Enabled);
  case Form::Quote: return parseModule(Quote);
  }
  return Parsed;
}

Expected<std::vector<uint8_t>> ScriptModule::toBinary() const {
  if (TheForm == Form::Binary)
    return Bytes;
  auto M = load();
  if (!M)
    return std::unexpected(M.error());
  wasm::EncoderOptions Options;
  Options.WriteNames = true;
  return wasm::encodeModule(*M, Options);
}

} // namespace kiln::text
