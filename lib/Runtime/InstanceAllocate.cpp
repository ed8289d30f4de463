//===- InstanceAllocate.cpp - Creating what a module defines --------------===//
#include "kiln/Runtime/Global.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/Store.h"
#include "kiln/Runtime/Table.h"

#include "ConstExpr.h"

namespace kiln::runtime {

Expected<void> Instance::allocateDefinitions() {
  const wasm::Module &M = module();
  const RuntimeConfig &Config = Owner.config();
  // Complete before anything takes `&Functions[N]` (ref.func): the vector
  // never grows again.
  Functions.reserve(M.FuncSpace.size());
  for (uint32_t I = 0; I < M.FunctionTypeIndices.size(); ++I) {
    uint32_t TypeIndex = M.FunctionTypeIndices[I];
    Functions.push_back({Compiled->definedFunction(I), &Context,
                         Compiled->signatureIds()[TypeIndex], 0});
  }
  if (Expected<void> Done = allocateGlobals(); !Done)
    return Done;
  for (const wasm::TableType &Type : M.Tables) {
    Expected<std::unique_ptr<Table>> T = Table::create(Type, nullptr, Config.MaxTableElements);
    if (!T)
      return forwardError(T);
    Tables.push_back(T->get());
    OwnedTables.push_back(std::move(*T));
  }
  for (const wasm::MemoryType &Type : M.Memories) {
    Expected<std::unique_ptr<LinearMemory>> Mem = LinearMemory::create(Type, Config.MaxMemoryPages);
    if (!Mem)
      return forwardError(Mem);
    Memories.push_back(Mem->get());
    OwnedMemories.push_back(std::move(*Mem));
  }
  if (Expected<void> Done = evaluateElementSegments(); !Done)
    return Done;
  for (const wasm::DataSegment &Segment : M.Data)
    DataSegments.emplace_back(Segment.Bytes);
  buildExports();
  buildContext();
  return {};
}

Expected<void> Instance::allocateGlobals() {
  for (const wasm::Global &Def : module().Globals) {
    ConstExprEnv Env{Globals, Functions};
    Expected<Value> Init = evaluateConstExpr(Def.Init, Def.Type.Type, Env);
    if (!Init)
      return forwardError(Init);
    OwnedGlobals.push_back(std::make_unique<Global>(Def.Type, *Init));
    Globals.push_back(OwnedGlobals.back().get());
  }
  return {};
}

Expected<void> Instance::evaluateElementSegments() {
  ConstExprEnv Env{Globals, Functions};
  for (const wasm::ElementSegment &Segment : module().Elements) {
    std::vector<void *> Items;
    Items.reserve(Segment.Items.size());
    for (const wasm::ConstExpr &Item : Segment.Items) {
      Expected<Value> Ref = evaluateConstExpr(Item, Segment.ElemType, Env);
      if (!Ref)
        return forwardError(Ref);
      Items.push_back(Ref->refPointer());
    }
    ElementSegments.push_back(std::move(Items));
  }
  return {};
}

void Instance::buildExports() {
  for (const wasm::Export &Exp : module().Exports) {
    switch (Exp.Kind) {
    case wasm::ExternKind::Func: Exports.push_back({Exp.Name, function(Exp.Index)}); break;
    case wasm::ExternKind::Table: Exports.push_back({Exp.Name, Tables[Exp.Index]}); break;
    case wasm::ExternKind::Memory: Exports.push_back({Exp.Name, Memories[Exp.Index]}); break;
    case wasm::ExternKind::Global: Exports.push_back({Exp.Name, Globals[Exp.Index]}); break;
    }
  }
}

void Instance::buildContext() {
  for (Table *T : Tables)
    VMTables.push_back(T->vmTable());
  for (LinearMemory *Mem : Memories)
    VMMemories.push_back(Mem->vmMemory());
  for (Global *G : Globals)
    VMGlobals.push_back(G->vmGlobal());
  std::span<const uint32_t> Ids = Compiled->signatureIds();
  for (uint32_t TypeIndex = 0; TypeIndex < Ids.size(); ++TypeIndex)
    EntryTypeIndex.try_emplace(Ids[TypeIndex], TypeIndex);
  Context.Memory0Base = Memories.empty() ? nullptr : Memories[0]->base();
  Context.Memories = VMMemories.data();
  Context.Tables = VMTables.data();
  Context.Globals = VMGlobals.data();
  Context.Functions = Functions.data();
  Context.TypeSignatureIds = Ids.data();
  Context.Instance = this;
}

} // namespace kiln::runtime
