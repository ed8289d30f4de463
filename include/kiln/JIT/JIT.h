//===- kiln/JIT/JIT.h - Compile a module into this process -------*- C++ -*-===//
//
// Translates a validated module, optimises it and links it in memory with
// ORC's LLJIT and JITLink. The result is a `runtime::CompiledModule` that
// owns the JIT session; the code is freed when the last shared_ptr to it
// goes. Every compile has its own LLVMContext, TargetMachine and session, so
// any number of threads may compile at once. No LLVM header is included.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_JIT_JIT_H
#define KILN_JIT_JIT_H

#include "kiln/CodeGen/TargetSpec.h"
#include "kiln/Runtime/CompiledModule.h"
#include "kiln/Support/Error.h"
#include "kiln/Translate/Translate.h"
#include "kiln/Wasm/Module.h"

#include <memory>

namespace kiln::jit {

/// Whether KILN_PERF_MAP=1 is set: perf maps on by default.
bool perfMapRequestedByEnvironment();
/// Whether KILN_GDB_JIT=1 is set: GDB JIT registration on by default.
bool debuggerSupportRequestedByEnvironment();

struct JITOptions {
  codegen::OptLevel Level = codegen::OptLevel::O2;
  /// CPU and features to compile for. The triple must be empty or the
  /// host's (code runs in this process); an empty spec is the host's CPU
  /// with its features.
  codegen::TargetSpec Target;
  /// Guard pages (the runtime's reservation) or explicit checks.
  translate::BoundsChecks MemoryBoundsChecks = translate::BoundsChecks::GuardPages;
  /// Keeps frame pointers, so profilers can walk stacks through Wasm code.
  bool FramePointers = false;
  /// Emits DWARF (lines are module byte offsets) for debuggers; useful
  /// with `DebuggerSupport`.
  bool DebugInfo = false;
  /// Appends "address size name" lines for every compiled function to
  /// /tmp/perf-<pid>.map, so `perf report` shows Wasm function names.
  bool PerfMap = perfMapRequestedByEnvironment();
  /// Registers each compiled object with the GDB JIT interface, so gdb
  /// shows Wasm function names in backtraces and can break on them.
  bool DebuggerSupport = debuggerSupportRequestedByEnvironment();
};

/// Compiles `Module`, which must have passed `wasm::validateModule` and
/// must stay unchanged (the result shares it).
Expected<std::shared_ptr<const runtime::CompiledModule>>
compileModule(std::shared_ptr<const wasm::Module> Module, const JITOptions &Options = {});

} // namespace kiln::jit

#endif // KILN_JIT_JIT_H
