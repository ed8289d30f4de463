//===- ImportMatching.cpp - The spec's import subtyping rules -------------===//
#include "ImportMatching.h"

namespace kiln::runtime {

bool limitsMatch(const wasm::Limits &Actual, const wasm::Limits &Expected) {
  if (Actual.Min < Expected.Min)
    return false;
  if (!Expected.Max)
    return true;
  return Actual.Max && *Actual.Max <= *Expected.Max;
}

bool tableTypeMatches(const wasm::TableType &Actual, const wasm::TableType &Expected) {
  return Actual.ElemType == Expected.ElemType && limitsMatch(Actual.Size, Expected.Size);
}

bool memoryTypeMatches(const wasm::MemoryType &Actual, const wasm::MemoryType &Expected) {
  return limitsMatch(Actual.Pages, Expected.Pages);
}

bool globalTypeMatches(const wasm::GlobalType &Actual, const wasm::GlobalType &Expected) {
  return Actual == Expected;
}

} // namespace kiln::runtime
