//===- kiln/Translate/Translate.h - WebAssembly to LLVM IR --------*- C++ -*-===//
//
// Turns a validated `wasm::Module` into an `llvm::Module` that follows
// docs/ABI.md: every defined function takes `VMContext *` first, traps go
// through `kiln_rt_trap`, and three tables of pointers (`kiln_functions`,
// `kiln_entries`, `kiln_host_adapters`) give the runtime its entry points.
// The IR is target-independent; CodeGen sets the triple and data layout.
//
// Only forward declarations of LLVM types appear here, so including this
// header does not pull in LLVM.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TRANSLATE_TRANSLATE_H
#define KILN_TRANSLATE_TRANSLATE_H

#include "kiln/Support/Error.h"
#include "kiln/Wasm/Module.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace kiln::translate {

/// Symbol names of the tables every translated module defines (docs/ABI.md).
inline constexpr std::string_view FunctionTableSymbol = "kiln_functions";
inline constexpr std::string_view EntryTableSymbol = "kiln_entries";
inline constexpr std::string_view HostAdapterTableSymbol = "kiln_host_adapters";

/// How linear-memory accesses are kept inside the sandbox.
enum class BoundsChecks : uint8_t {
  /// No check: the 4 GiB + 4 GiB guard reservation makes every
  /// out-of-bounds access fault, and the runtime turns the fault into a trap.
  GuardPages,
  /// A compare against the current size and a branch to the trap block
  /// before every access; needs no reservation.
  Explicit,
};

struct TranslateOptions {
  /// Name of the resulting llvm::Module (and its source file name).
  std::string ModuleName = "wasm";
  BoundsChecks MemoryBoundsChecks = BoundsChecks::GuardPages;
  /// Keeps frame pointers in every function, so profilers can walk stacks
  /// through Wasm code without unwind tables.
  bool FramePointers = false;
  /// Emits DWARF: a subprogram per function and, per instruction, a line
  /// that is the instruction's byte offset in the module.
  bool DebugInfo = false;
};

/// Translates `M`, which must have passed `wasm::validateModule`, into a new
/// module owned by `Context`. SIMD instructions are not translated yet and
/// give an `Unsupported` error naming the instruction.
Expected<std::unique_ptr<llvm::Module>> translateModule(const wasm::Module &M,
                                                         llvm::LLVMContext &Context,
                                                         const TranslateOptions &Options = {});

} // namespace kiln::translate

#endif // KILN_TRANSLATE_TRANSLATE_H
