//===- Types.cpp - Names and encodings of WebAssembly types ---------------===//
#include "kiln/Wasm/Types.h"

namespace kiln::wasm {

std::optional<ValType> valTypeFromByte(uint8_t Byte) {
  switch (Byte) {
  case 0x7f: case 0x7e: case 0x7d: case 0x7c: case 0x7b: case 0x70: case 0x6f:
    return static_cast<ValType>(Byte);
  default:
    return std::nullopt;
  }
}

bool isRefType(ValType Type) { return Type == ValType::FuncRef || Type == ValType::ExternRef; }
bool isNumType(ValType Type) { return !isRefType(Type) && Type != ValType::V128; }

std::string_view valTypeName(ValType Type) {
  switch (Type) {
  case ValType::I32: return "i32";
  case ValType::I64: return "i64";
  case ValType::F32: return "f32";
  case ValType::F64: return "f64";
  case ValType::V128: return "v128";
  case ValType::FuncRef: return "funcref";
  case ValType::ExternRef: return "externref";
  }
  return "?";
}

std::string_view externKindName(ExternKind Kind) {
  switch (Kind) {
  case ExternKind::Func: return "func";
  case ExternKind::Table: return "table";
  case ExternKind::Memory: return "memory";
  case ExternKind::Global: return "global";
  }
  return "?";
}

} // namespace kiln::wasm
