//===- TypeNames.h - Entity types as text, for link errors -------*- C++ -*-===//
#ifndef KILN_LIB_RUNTIME_TYPENAMES_H
#define KILN_LIB_RUNTIME_TYPENAMES_H

#include "kiln/Wasm/Types.h"

#include <string>

namespace kiln::runtime {

/// "func [i32 i64] -> [f32]"
std::string describeType(const wasm::FuncType &Type);
/// "table 1 10 funcref" (the max only when present)
std::string describeType(const wasm::TableType &Type);
/// "memory 1 2"
std::string describeType(const wasm::MemoryType &Type);
/// "global mut i32" / "global i32"
std::string describeType(const wasm::GlobalType &Type);

} // namespace kiln::runtime

#endif // KILN_LIB_RUNTIME_TYPENAMES_H
