//===- kiln/Runtime/SignatureRegistry.h - Canonical signature ids -*- C++ -*-===//
//
// `call_indirect` compares one integer: every function type gets an id that
// is the same for structurally equal types across all modules of the process
// and never changes. The registry only grows; ids are never reused.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_SIGNATUREREGISTRY_H
#define KILN_RUNTIME_SIGNATUREREGISTRY_H

#include "kiln/Wasm/Types.h"

#include <cstdint>

namespace kiln::runtime {

/// The canonical id of `Type`, registering it on first use. Thread-safe.
/// Ids start at 1, so 0 never names a signature.
uint32_t canonicalSignatureId(const wasm::FuncType &Type);

/// The type behind an id returned by `canonicalSignatureId`. Thread-safe; the
/// reference stays valid for the life of the process.
const wasm::FuncType &signatureType(uint32_t Id);

} // namespace kiln::runtime

#endif // KILN_RUNTIME_SIGNATUREREGISTRY_H
