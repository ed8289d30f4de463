//===- Opcode.cpp - Lookup tables built from Opcodes.def ------------------===//
#include "kiln/Wasm/Opcode.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

namespace kiln::wasm {

namespace {
using enum ValType;

// One static array per opcode for its operand and result types, so
// OpcodeInfo can hold spans without allocating.
// Empty lists are not valid initialisers for an unsized array, so every list
// carries a sentinel first element that `tail` skips.
#define KILN_TYPE_LIST(...) {I32 __VA_OPT__(, ) __VA_ARGS__}
#define KILN_OPCODE(Name, Prefix, Code, Text, Imm, Feat, Family, Typing, Align, OperandList, ResultList) \
  constexpr ValType Name##Operands[] = KILN_TYPE_LIST OperandList;             \
  constexpr ValType Name##Results[] = KILN_TYPE_LIST ResultList;
#include "kiln/Wasm/Opcodes.def"

template <size_t N> constexpr std::span<const ValType> tail(const ValType (&Array)[N]) {
  return std::span<const ValType>(Array + 1, N - 1);
}

const OpcodeInfo Table[] = {
#define KILN_OPCODE(Name, Prefix, Code, Text, Imm, Feat, Family, Typing, Align, OperandList, ResultList) \
  {Opcode::Name,      Prefix,            Code,                                 \
   Text,              ImmKind::Imm,      Feature::Feat,                        \
   OpFamily::Family,  OpTyping::Typing,  Align,                                \
   tail(Name##Operands), tail(Name##Results)},
#include "kiln/Wasm/Opcodes.def"
};

constexpr size_t TableSize = sizeof(Table) / sizeof(Table[0]);

struct Lookups {
  std::array<int16_t, 256> SingleByte;
  std::unordered_map<uint32_t, Opcode> Prefixed; // (Prefix << 24) | Code
  std::unordered_map<std::string_view, Opcode> ByName;

  Lookups() {
    SingleByte.fill(-1);
    for (size_t I = 0; I < TableSize; ++I) {
      const OpcodeInfo &Info = Table[I];
      if (Info.Prefix == 0)
        SingleByte[Info.Code] = static_cast<int16_t>(I);
      else
        Prefixed.emplace((uint32_t(Info.Prefix) << 24) | Info.Code, Info.Op);
      ByName.emplace(Info.Name, Info.Op);
    }
  }
};

const Lookups &lookups() {
  static const Lookups Instance;
  return Instance;
}
} // namespace

const OpcodeInfo &opcodeInfo(Opcode Op) { return Table[static_cast<size_t>(Op)]; }

size_t opcodeCount() { return TableSize; }

std::optional<Opcode> lookupOpcode(uint8_t Prefix, uint32_t Code) {
  const Lookups &L = lookups();
  if (Prefix == 0) {
    if (Code > 0xff || L.SingleByte[Code] < 0)
      return std::nullopt;
    return static_cast<Opcode>(L.SingleByte[Code]);
  }
  if (Code > 0xffffff)
    return std::nullopt;
  auto It = L.Prefixed.find((uint32_t(Prefix) << 24) | Code);
  if (It == L.Prefixed.end())
    return std::nullopt;
  return It->second;
}

std::optional<Opcode> lookupOpcodeByName(std::string_view Name) {
  const Lookups &L = lookups();
  auto It = L.ByName.find(Name);
  if (It == L.ByName.end())
    return std::nullopt;
  return It->second;
}

} // namespace kiln::wasm
