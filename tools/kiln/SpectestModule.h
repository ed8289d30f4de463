//===- SpectestModule.h - The host module spec scripts import ----*- C++ -*-===//
#ifndef KILN_TOOLS_KILN_SPECTESTMODULE_H
#define KILN_TOOLS_KILN_SPECTESTMODULE_H

#include "kiln/Runtime/Imports.h"
#include "kiln/Runtime/Store.h"
#include "kiln/Support/Error.h"

namespace kiln::cli {

/// Defines the `spectest` module of the reference interpreter in `Into`:
/// print functions (which print nothing, so test output stays readable),
/// global_i32/i64/f32/f64 (666 / 666.6), `table` (10..20 funcref) and
/// `memory` (1..2 pages). The table, memory and globals are created in
/// `Owner`.
Expected<void> defineSpectest(runtime::Store &Owner, runtime::Imports &Into);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_SPECTESTMODULE_H
