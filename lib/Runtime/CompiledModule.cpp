//===- CompiledModule.cpp - Native code for one module --------------------===//
#include "kiln/Runtime/CompiledModule.h"

#include "kiln/Runtime/SignatureRegistry.h"
#include "kiln/Runtime/TrapRegistry.h"

#include <cassert>

namespace kiln::runtime {

CompiledModule::CompiledModule(CompiledModuleParts P) : Parts(std::move(P)), Mod(Parts.Module) {
  assert(Mod && "a compiled module needs its wasm::Module");
  assert(Parts.DefinedFunctions.size() == Mod->FunctionTypeIndices.size() &&
         "one native entry per defined function");
  assert(Parts.EntryTrampolines.size() == Mod->Types.size() && "one entry trampoline per type");
  assert(Parts.HostAdapters.size() == Mod->Types.size() && "one host adapter per type");
  SignatureIds.reserve(Mod->Types.size());
  for (const wasm::FuncType &Type : Mod->Types)
    SignatureIds.push_back(canonicalSignatureId(Type));
  CodeRegistration = registerCode(Parts.CodeRanges);
}

CompiledModule::~CompiledModule() { unregisterCode(CodeRegistration); }

void *CompiledModule::definedFunction(uint32_t DefinedIndex) const {
  assert(DefinedIndex < Parts.DefinedFunctions.size() && "defined function index out of range");
  return Parts.DefinedFunctions[DefinedIndex];
}

void *CompiledModule::entryTrampoline(uint32_t TypeIndex) const {
  assert(TypeIndex < Parts.EntryTrampolines.size() && "type index out of range");
  return Parts.EntryTrampolines[TypeIndex];
}

void *CompiledModule::hostAdapter(uint32_t TypeIndex) const {
  assert(TypeIndex < Parts.HostAdapters.size() && "type index out of range");
  return Parts.HostAdapters[TypeIndex];
}

} // namespace kiln::runtime
