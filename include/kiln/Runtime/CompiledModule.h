//===- kiln/Runtime/CompiledModule.h - Native code for one module -*- C++ -*-===//
//
// The runtime's view of a compiled module: the decoded `wasm::Module` plus
// the three pointer tables of docs/ABI.md (defined functions, entry
// trampolines, host adapters) and the address ranges of its code. The JIT
// (and later the AOT loader) subclasses it; the subclass owns the code memory
// and releases it in its destructor, so the last
// `std::shared_ptr<const CompiledModule>` frees the code.
//
// A CompiledModule is immutable once constructed and safe to share between
// threads: many Stores on many threads instantiate the same one.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_COMPILEDMODULE_H
#define KILN_RUNTIME_COMPILEDMODULE_H

#include "kiln/Wasm/Module.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace kiln::runtime {

/// A half-open range [Begin, End) of executable code. The signal handler
/// claims a fault only when the faulting PC lies in a registered range.
struct CodeRange {
  uintptr_t Begin = 0;
  uintptr_t End = 0;
  bool contains(uintptr_t Address) const { return Address >= Begin && Address < End; }
};

/// What a compiler hands to the `CompiledModule` constructor.
struct CompiledModuleParts {
  /// The module the code was compiled from; must have its index spaces built.
  std::shared_ptr<const wasm::Module> Module;
  /// Native-convention entry of each defined function, in definition order
  /// (function index minus the imported function count).
  std::vector<void *> DefinedFunctions;
  /// `void entry_T(VMContext *, void *Code, ValueSlot *)`, one per type index.
  std::vector<void *> EntryTrampolines;
  /// `R adapter_T(VMContext *HostContext, P...)`, one per type index.
  std::vector<void *> HostAdapters;
  /// Every range of executable code the module owns.
  std::vector<CodeRange> CodeRanges;
};

/// Native code for one module, ready to instantiate.
class CompiledModule {
public:
  CompiledModule(const CompiledModule &) = delete;
  CompiledModule &operator=(const CompiledModule &) = delete;
  /// Unregisters the code ranges. A subclass frees its code memory in its own
  /// destructor, which runs first; the registry tolerates that brief overlap.
  virtual ~CompiledModule();

  const wasm::Module &module() const { return *Mod; }
  /// The shared owner of `module()`, for whoever must outlive this object.
  const std::shared_ptr<const wasm::Module> &sharedModule() const { return Mod; }

  /// Native-convention entry of defined function `DefinedIndex`.
  void *definedFunction(uint32_t DefinedIndex) const;
  /// The entry trampoline for type index `TypeIndex`.
  void *entryTrampoline(uint32_t TypeIndex) const;
  /// The host adapter for type index `TypeIndex`.
  void *hostAdapter(uint32_t TypeIndex) const;
  /// Process-wide canonical signature id of each type index (see
  /// SignatureRegistry.h), computed once at construction.
  std::span<const uint32_t> signatureIds() const { return SignatureIds; }
  std::span<const CodeRange> codeRanges() const { return Parts.CodeRanges; }

protected:
  /// Validates the table sizes against the module (asserts: a mismatch is a
  /// compiler bug), computes signature ids and registers the code ranges
  /// with the trap handler. Call it once the code is executable.
  explicit CompiledModule(CompiledModuleParts Parts);

private:
  CompiledModuleParts Parts;
  std::shared_ptr<const wasm::Module> Mod;
  std::vector<uint32_t> SignatureIds;
  uint64_t CodeRegistration = 0; ///< Handle from the trap registry.
};

} // namespace kiln::runtime

#endif // KILN_RUNTIME_COMPILEDMODULE_H
