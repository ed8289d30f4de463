//===- SyntheticModule.h - A module to compile, made on the spot -*- C++ -*-===//
#ifndef KILN_BENCH_CACHE_SYNTHETICMODULE_H
#define KILN_BENCH_CACHE_SYNTHETICMODULE_H

#include <cstdint>
#include <vector>

namespace kiln::bench {

/// A valid module of `FunctionCount` functions (i32) -> i32, each a chain of
/// multiplies, xors and rotates ending in a call of the previous one, so
/// that LLVM has real work per function. Exports the last as "run".
/// `Salt` changes every constant, giving distinct modules (and keys).
std::vector<uint8_t> syntheticModule(uint32_t FunctionCount, uint32_t Salt);

} // namespace kiln::bench

#endif // KILN_BENCH_CACHE_SYNTHETICMODULE_H
