//===- kiln/Wasm/Types.h - WebAssembly value and entity types ----*- C++ -*-===//
#ifndef KILN_WASM_TYPES_H
#define KILN_WASM_TYPES_H

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kiln::wasm {

/// Value types of WebAssembly 2.0. The enumerator values are the binary
/// encodings, so a decoded byte can be checked with `valTypeFromByte`.
enum class ValType : uint8_t {
  I32 = 0x7f,
  I64 = 0x7e,
  F32 = 0x7d,
  F64 = 0x7c,
  V128 = 0x7b,
  FuncRef = 0x70,
  ExternRef = 0x6f,
};

/// The value type a binary byte encodes, if any.
std::optional<ValType> valTypeFromByte(uint8_t Byte);
bool isRefType(ValType Type);
bool isNumType(ValType Type);
/// "i32", "funcref", ...
std::string_view valTypeName(ValType Type);

struct FuncType {
  std::vector<ValType> Params;
  std::vector<ValType> Results;
  bool operator==(const FuncType &) const = default;
};

struct Limits {
  uint64_t Min = 0;
  std::optional<uint64_t> Max;
  bool operator==(const Limits &) const = default;
};

struct TableType {
  ValType ElemType = ValType::FuncRef;
  Limits Size;
  bool operator==(const TableType &) const = default;
};

struct MemoryType {
  Limits Pages;
  bool operator==(const MemoryType &) const = default;
};

struct GlobalType {
  ValType Type = ValType::I32;
  bool Mutable = false;
  bool operator==(const GlobalType &) const = default;
};

/// The kinds of things a module imports and exports; values are the binary
/// encodings.
enum class ExternKind : uint8_t { Func = 0, Table = 1, Memory = 2, Global = 3 };
std::string_view externKindName(ExternKind Kind);

/// Largest memory in 64 KiB pages for a 32-bit memory (4 GiB).
inline constexpr uint64_t MaxMemoryPages = 65536;
inline constexpr uint64_t PageSizeInBytes = 65536;

} // namespace kiln::wasm

#endif // KILN_WASM_TYPES_H
