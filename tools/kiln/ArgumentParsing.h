//===- ArgumentParsing.h - Typed values from command-line words --*- C++ -*-===//
#ifndef KILN_TOOLS_KILN_ARGUMENTPARSING_H
#define KILN_TOOLS_KILN_ARGUMENTPARSING_H

#include "kiln/Runtime/Value.h"
#include "kiln/Support/Error.h"

#include <string>
#include <string_view>

namespace kiln::cli {

/// Parses `Text` as a value of `Type`: integers in decimal or 0x hex (either
/// sign; i32 accepts -2^31..2^32-1), floats as C literals incl. inf and nan,
/// references only as "null".
Expected<runtime::Value> parseValue(std::string_view Text, wasm::ValType Type);

/// How `kiln run` prints a result: 42, -1, 1.5, nan, inf, v128 as 16 hex
/// bytes, "null" / "ref" for references.
std::string formatValue(const runtime::Value &V);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_ARGUMENTPARSING_H
