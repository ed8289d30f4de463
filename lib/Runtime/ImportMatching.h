//===- ImportMatching.h - The spec's import subtyping rules -----*- C++ -*-===//
#ifndef KILN_LIB_RUNTIME_IMPORTMATCHING_H
#define KILN_LIB_RUNTIME_IMPORTMATCHING_H

#include "kiln/Wasm/Types.h"

namespace kiln::runtime {

/// `Actual` limits match `Expected` ones when they are at least as large and
/// at most as permissive: min >= expected min, and if a max is expected,
/// a max exists and is <= it.
bool limitsMatch(const wasm::Limits &Actual, const wasm::Limits &Expected);
bool tableTypeMatches(const wasm::TableType &Actual, const wasm::TableType &Expected);
bool memoryTypeMatches(const wasm::MemoryType &Actual, const wasm::MemoryType &Expected);
/// Globals match exactly (2.0 has no reference subtyping).
bool globalTypeMatches(const wasm::GlobalType &Actual, const wasm::GlobalType &Expected);

} // namespace kiln::runtime

#endif // KILN_LIB_RUNTIME_IMPORTMATCHING_H
