//===- InstanceLink.cpp - Checking and taking over imports ----------------===//
#include "kiln/Runtime/Global.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/Store.h"
#include "kiln/Runtime/Table.h"

#include "ImportMatching.h"
#include "TypeNames.h"

namespace kiln::runtime {

static std::string importName(const wasm::Import &Imp) {
  return "\"" + Imp.ModuleName + "\" \"" + Imp.FieldName + "\"";
}

static std::unexpected<Error> incompatible(const wasm::Import &Imp, const std::string &Wanted,
                                           const Extern &Got) {
  return makeError(ErrorKind::Unlinkable, "incompatible import type for " + importName(Imp) +
                                              ": expected " + Wanted + ", got " + Got.describe());
}

Expected<void> Instance::linkFunction(const wasm::Import &Imp, const Extern &Item) {
  const Function *F = Item.function();
  uint32_t Wanted = Compiled->signatureIds()[Imp.FuncTypeIndex];
  if (!F || F->signatureId() != Wanted)
    return incompatible(Imp, describeType(module().Types[Imp.FuncTypeIndex]), Item);
  if (HostFunction *Host = F->hostFunction()) {
    // Through this module's own adapter for the type: the code of whichever
    // instance imported the host function first may be gone by now.
    Functions.push_back({Compiled->hostAdapter(Imp.FuncTypeIndex), Host->context(), Wanted, 0});
    ImportedHosts.push_back(F->sharedHostFunction());
    return {};
  }
  // Stack limits are kept per Store (Store::adoptThread), so a call into an
  // instance of another Store could run against another thread's limit.
  if (!Owner.owns(*Instance::fromContext(F->funcRef()->Context)))
    return makeError(ErrorKind::Unlinkable,
                     "import " + importName(Imp) + " is a function of another store");
  Functions.push_back(*F->funcRef());
  ImportedHosts.push_back(nullptr);
  return {};
}

Expected<void> Instance::linkImports(std::span<const Extern> Imports) {
  const wasm::Module &M = module();
  if (Imports.size() != M.Imports.size())
    return makeError(ErrorKind::Unlinkable, "the module has " + std::to_string(M.Imports.size()) +
                                                " imports, " + std::to_string(Imports.size()) +
                                                " were provided");
  for (size_t I = 0; I < Imports.size(); ++I) {
    const wasm::Import &Imp = M.Imports[I];
    const Extern &Item = Imports[I];
    switch (Imp.Kind) {
    case wasm::ExternKind::Func:
      if (Expected<void> Linked = linkFunction(Imp, Item); !Linked)
        return Linked;
      break;
    case wasm::ExternKind::Table: {
      Table *T = Item.table();
      if (!T || !tableTypeMatches(T->currentType(), Imp.Table))
        return incompatible(Imp, describeType(Imp.Table), Item);
      Tables.push_back(T);
      break;
    }
    case wasm::ExternKind::Memory: {
      LinearMemory *Mem = Item.memory();
      if (!Mem || !memoryTypeMatches(Mem->currentType(), Imp.Memory))
        return incompatible(Imp, describeType(Imp.Memory), Item);
      Memories.push_back(Mem);
      break;
    }
    case wasm::ExternKind::Global: {
      Global *G = Item.global();
      if (!G || !globalTypeMatches(G->type(), Imp.Global))
        return incompatible(Imp, describeType(Imp.Global), Item);
      Globals.push_back(G);
      break;
    }
    }
  }
  return {};
}

} // namespace kiln::runtime
