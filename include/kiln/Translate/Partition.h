//===- kiln/Translate/Partition.h - Splitting a module for parallel compiles -*- C++ -*-===//
//
// The AOT compiler (`wasm2native -j N`) compiles a large module as several
// LLVM modules, each in its own LLVMContext on its own thread, and links the
// objects back into one. The split is a function of the Wasm module and a
// size only, never of the thread count, so the output does not depend on -j.
// Only forward declarations of LLVM types appear here.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TRANSLATE_PARTITION_H
#define KILN_TRANSLATE_PARTITION_H

#include "kiln/Support/Error.h"
#include "kiln/Translate/Translate.h"
#include "kiln/Wasm/Module.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace kiln::translate {

/// The defined functions [First, End), as indices in the function index
/// space (past the imports), that one partition defines.
struct FunctionRange {
  uint32_t First = 0;
  uint32_t End = 0;
  bool operator==(const FunctionRange &) const = default;
};

/// The default partition size: the bundled benchmark programs (~30 KiB of
/// code, mostly wasi-libc) get a few partitions, the spec suite's modules
/// and other small ones one.
inline constexpr uint64_t DefaultPartitionSizeInBytes = 8 * 1024;

/// Splits the defined functions into consecutive ranges, in index order,
/// each holding at most `SizeInBytes` of encoded function bodies unless one
/// body alone is larger. Neighbours stay together, so the calls between a
/// function and its helpers (which producers emit next to each other) mostly
/// stay inside one partition where LLVM can inline them. `SizeInBytes` 0
/// means no limit. A module without defined functions has one empty range:
/// the tables still need a home. Bodies built in memory (encoded size 0)
/// count one byte per instruction.
std::vector<FunctionRange> planPartitions(const wasm::Module &M, uint64_t SizeInBytes);

/// Translates partition `Index` of `Plan` (from `planPartitions`) into a new
/// module owned by `Context`. It defines the functions of its range; the
/// first partition also holds the entry trampolines, host adapters and the
/// three tables of docs/ABI.md, which refer to every defined function. With
/// one partition the result equals `translateModule`'s. With several, the
/// defined functions have external linkage and hidden visibility (so a call
/// or table entry in one partition resolves to a definition in another when
/// the objects are linked, while the shared object still exports only the
/// tables); their symbol names are the same in every partition, and have
/// '@' replaced (a linker would read "name@V" as a symbol version).
Expected<std::unique_ptr<llvm::Module>>
translatePartition(const wasm::Module &M, llvm::LLVMContext &Context,
                   const TranslateOptions &Options, std::span<const FunctionRange> Plan,
                   size_t Index);

} // namespace kiln::translate

#endif // KILN_TRANSLATE_PARTITION_H
