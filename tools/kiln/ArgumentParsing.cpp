//===- ArgumentParsing.cpp - Typed values from command-line words ---------===//
#include "ArgumentParsing.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace kiln::cli {

using runtime::Value;
using wasm::ValType;

namespace {
Expected<uint64_t> parseInteger(std::string_view Text, unsigned Width) {
  std::string Word(Text);
  bool Negative = !Word.empty() && Word[0] == '-';
  std::string_view Digits = std::string_view(Word).substr(Negative || (!Word.empty() && Word[0] == '+'));
  int Base = 10;
  if (Digits.starts_with("0x") || Digits.starts_with("0X")) {
    Base = 16;
    Digits.remove_prefix(2);
  }
  uint64_t Magnitude = 0;
  auto [End, Ec] = std::from_chars(Digits.data(), Digits.data() + Digits.size(), Magnitude, Base);
  if (Digits.empty() || Ec != std::errc() || End != Digits.data() + Digits.size())
    return makeError(ErrorKind::Usage, "'" + Word + "' is not an i" + std::to_string(Width));
  const uint64_t Max = Width == 32 ? 0xffffffffull : ~0ull;
  const uint64_t MinMagnitude = Width == 32 ? 0x80000000ull : 0x8000000000000000ull;
  if ((!Negative && Magnitude > Max) || (Negative && Magnitude > MinMagnitude))
    return makeError(ErrorKind::Usage, "'" + Word + "' does not fit in i" + std::to_string(Width));
  uint64_t Bits = Negative ? uint64_t(0) - Magnitude : Magnitude;
  return Width == 32 ? (Bits & 0xffffffffull) : Bits;
}

Expected<double> parseFloat(std::string_view Text) {
  std::string Word(Text);
  char *End = nullptr;
  errno = 0;
  double V = std::strtod(Word.c_str(), &End);
  if (Word.empty() || End != Word.c_str() + Word.size())
    return makeError(ErrorKind::Usage, "'" + Word + "' is not a number");
  return V;
}
} // namespace

Expected<Value> parseValue(std::string_view Text, ValType Type) {
  switch (Type) {
  case ValType::I32:
  case ValType::I64: {
    unsigned Width = Type == ValType::I32 ? 32 : 64;
    auto Bits = parseInteger(Text, Width);
    if (!Bits)
      return forwardError(Bits);
    return Width == 32 ? Value::i32(static_cast<uint32_t>(*Bits)) : Value::i64(*Bits);
  }
  case ValType::F32:
  case ValType::F64: {
    auto V = parseFloat(Text);
    if (!V)
      return forwardError(V);
    return Type == ValType::F32 ? Value::f32(static_cast<float>(*V)) : Value::f64(*V);
  }
  case ValType::FuncRef:
  case ValType::ExternRef:
    if (Text == "null")
      return Value::null(Type);
    return makeError(ErrorKind::Usage, "a reference argument can only be 'null'");
  case ValType::V128:
    break;
  }
  return makeError(ErrorKind::Usage, "v128 arguments cannot be given on the command line");
}

std::string formatValue(const Value &V) {
  char Buf[64];
  switch (V.type()) {
  case ValType::I32: return std::to_string(static_cast<int32_t>(V.i32()));
  case ValType::I64: return std::to_string(static_cast<int64_t>(V.i64()));
  case ValType::F32:
    std::snprintf(Buf, sizeof(Buf), "%.9g", static_cast<double>(V.f32()));
    return Buf;
  case ValType::F64:
    std::snprintf(Buf, sizeof(Buf), "%.17g", V.f64());
    return Buf;
  case ValType::FuncRef:
  case ValType::ExternRef:
    return V.isNullRef() ? "null" : "ref";
  case ValType::V128: {
    std::string Out = "v128:";
    for (uint8_t Byte : V.v128()) {
      std::snprintf(Buf, sizeof(Buf), "%02x", Byte);
      Out += Buf;
    }
    return Out;
  }
  }
  return "?";
}

} // namespace kiln::cli
