//===- kiln/ABI/TrapCode.h - Why compiled code stopped -----------*- C++ -*-===//
#ifndef KILN_ABI_TRAPCODE_H
#define KILN_ABI_TRAPCODE_H

#include <cstdint>
#include <string_view>

namespace kiln::abi {

/// Trap kinds; the numeric values are part of the ABI (compiled code passes
/// them to `kiln_rt_trap`), so new kinds are only ever appended.
enum class TrapCode : uint32_t {
  None = 0,
#define KILN_TRAP(Name, Message) Name,
#include "kiln/ABI/TrapCodes.def"
};

/// The spec's wording: "integer divide by zero", ...
constexpr std::string_view trapMessage(TrapCode Code) {
  switch (Code) {
  case TrapCode::None: return "no trap";
#define KILN_TRAP(Name, Message)                                               \
  case TrapCode::Name:                                                         \
    return Message;
#include "kiln/ABI/TrapCodes.def"
  }
  return "unknown trap";
}

} // namespace kiln::abi

#endif // KILN_ABI_TRAPCODE_H
