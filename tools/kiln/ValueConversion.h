//===- ValueConversion.h - Script values to and from runtime values -*- C++ -*-===//
#ifndef KILN_TOOLS_KILN_VALUECONVERSION_H
#define KILN_TOOLS_KILN_VALUECONVERSION_H

#include "Script.h"

#include "kiln/Runtime/Value.h"
#include "kiln/Support/Error.h"

#include <span>
#include <string>
#include <vector>

namespace kiln::cli {

/// The runtime value of a script argument. Host references `ref.extern N`
/// become the opaque pointer N+1, so that 0 stays null.
Expected<runtime::Value> toRuntimeValue(const ScriptValue &V);

/// Whether `Actual` matches one of `Alternatives` (NaN patterns and lane
/// shapes included).
bool matchesAny(const runtime::Value &Actual, std::span<const ScriptValue> Alternatives);

/// For messages: "i32:42", "f32:nan:canonical", "v128 i32x4:[1 2 3 4]".
std::string describe(const ScriptValue &V);
std::string describe(std::span<const runtime::Value> Values);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_VALUECONVERSION_H
