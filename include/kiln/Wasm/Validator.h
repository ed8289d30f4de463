//===- kiln/Wasm/Validator.h - WebAssembly 2.0 validation --------*- C++ -*-===//
//
// Checks a decoded `Module` against the validation rules of the spec: types
// of every instruction sequence, constant expressions, index bounds, limits,
// declared function references, data count rules, unique export names.
// Errors are `ErrorKind::Invalid` with the instruction's byte offset and,
// inside a body, the function index.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_WASM_VALIDATOR_H
#define KILN_WASM_VALIDATOR_H

#include "kiln/Support/Error.h"
#include "kiln/Wasm/Features.h"
#include "kiln/Wasm/Module.h"

namespace kiln::wasm {

Expected<void> validateModule(const Module &M, const Features &Enabled = Features::wasm20());

} // namespace kiln::wasm

#endif // KILN_WASM_VALIDATOR_H
