//===- Store.cpp - Owner of instances and host objects --------------------===//
#include "kiln/Runtime/Store.h"

#include "kiln/Runtime/Global.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/Invoke.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/Table.h"

#include <algorithm>

namespace kiln::runtime {

Store::Store(RuntimeConfig Config) : Config(Config), StackLimit(threadStackLimit()) {}

Store::~Store() = default;

Expected<TrapOr<Instance *>> Store::instantiate(std::shared_ptr<const CompiledModule> Module,
                                                std::span<const Extern> Imports) {
  adoptThread();
  std::unique_ptr<Instance> New(new Instance(*this, std::move(Module)));
  if (Expected<void> Linked = New->linkImports(Imports); !Linked)
    return forwardError(Linked);
  if (Expected<void> Allocated = New->allocateDefinitions(); !Allocated)
    return forwardError(Allocated);
  New->vmContext()->StackLimit = StackLimit;
  // From here on the instance may be referenced from imported tables, so
  // the Store keeps it even if initialisation traps.
  Instance *Result = New.get();
  Instances.push_back(std::move(New));
  if (TrapOr<void> Initialized = Result->runInitializers(); !Initialized)
    return TrapOr<Instance *>(std::unexpected(std::move(Initialized.error())));
  return TrapOr<Instance *>(Result);
}

Expected<TrapOr<Instance *>> Store::instantiate(std::shared_ptr<const CompiledModule> Module,
                                                const Imports &Resolver) {
  Expected<std::vector<Extern>> Resolved = Resolver.resolve(Module->module());
  if (!Resolved)
    return forwardError(Resolved);
  return instantiate(std::move(Module), *Resolved);
}

Expected<Table *> Store::createTable(const wasm::TableType &Type, const Value &Init) {
  if (Init.type() != Type.ElemType)
    return makeError(ErrorKind::Usage, "table initial value has the wrong type");
  Expected<std::unique_ptr<Table>> New = Table::create(Type, Init.refPointer(), Config.MaxTableElements);
  if (!New)
    return forwardError(New);
  Tables.push_back(std::move(*New));
  return Tables.back().get();
}

Expected<LinearMemory *> Store::createMemory(const wasm::MemoryType &Type) {
  Expected<std::unique_ptr<LinearMemory>> New = LinearMemory::create(Type, Config.MaxMemoryPages);
  if (!New)
    return forwardError(New);
  Memories.push_back(std::move(*New));
  return Memories.back().get();
}

Expected<Global *> Store::createGlobal(const wasm::GlobalType &Type, const Value &Init) {
  if (Init.type() != Type.Type)
    return makeError(ErrorKind::Usage, "global initial value has the wrong type");
  Globals.push_back(std::make_unique<Global>(Type, Init));
  return Globals.back().get();
}

bool Store::owns(const Instance &I) const { return &I.store() == this; }

void Store::adoptThread() {
  uintptr_t Limit = threadStackLimit();
  if (Limit == StackLimit)
    return;
  StackLimit = Limit;
  for (const std::unique_ptr<Instance> &I : Instances)
    I->vmContext()->StackLimit = Limit;
}

} // namespace kiln::runtime
