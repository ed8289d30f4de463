//===- Trampolines.h - Entry trampolines, host adapters, ABI tables -*- C++ -*-===//
#ifndef KILN_LIB_TRANSLATE_TRAMPOLINES_H
#define KILN_LIB_TRANSLATE_TRAMPOLINES_H

#include "ModuleContext.h"

namespace kiln::translate {

/// Emits, per type index, the entry trampoline and the host adapter of
/// docs/ABI.md (shared between structurally equal types), and the tables
/// `kiln_functions`, `kiln_entries` and `kiln_host_adapters`.
void emitTrampolinesAndTables(ModuleContext &MC);

} // namespace kiln::translate

#endif // KILN_LIB_TRANSLATE_TRAMPOLINES_H
