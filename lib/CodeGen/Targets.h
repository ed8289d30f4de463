//===- Targets.h - One-time registration of LLVM's targets ------*- C++ -*-===//
#ifndef KILN_LIB_CODEGEN_TARGETS_H
#define KILN_LIB_CODEGEN_TARGETS_H

namespace kiln::codegen {

/// Registers every target LLVM was built with, once per process; safe to
/// call from any thread.
void initializeTargets();

} // namespace kiln::codegen

#endif // KILN_LIB_CODEGEN_TARGETS_H
