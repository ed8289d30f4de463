//===- Script.cpp - Names of script commands --------------------------------===//
#include "Script.h"

#include <array>

namespace kiln::cli {

namespace {
constexpr std::array<std::string_view, CommandKindCount> CommandKindNames = {
    "module",
    "register",
    "action",
    "assert_return",
    "assert_trap",
    "assert_exhaustion",
    "assert_malformed",
    "assert_invalid",
    "assert_unlinkable",
    "assert_uninstantiable",
};
} // namespace

std::string_view commandKindName(CommandKind Kind) {
  return CommandKindNames[static_cast<size_t>(Kind)];
}

std::optional<CommandKind> commandKindFromName(std::string_view Name) {
  for (size_t I = 0; I < CommandKindNames.size(); ++I)
    if (CommandKindNames[I] == Name)
      return static_cast<CommandKind>(I);
  return std::nullopt;
}

unsigned laneCount(LaneShape Shape) {
  switch (Shape) {
  case LaneShape::I8: return 16;
  case LaneShape::I16: return 8;
  case LaneShape::I32:
  case LaneShape::F32: return 4;
  case LaneShape::I64:
  case LaneShape::F64: return 2;
  }
  return 0;
}

} // namespace kiln::cli
