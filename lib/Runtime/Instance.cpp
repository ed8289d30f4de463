//===- Instance.cpp - An instantiated module ------------------------------===//
#include "kiln/Runtime/Instance.h"

#include "kiln/Runtime/Global.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/Store.h"
#include "kiln/Runtime/Table.h"

namespace kiln::runtime {

Instance::Instance(Store &Owner, std::shared_ptr<const CompiledModule> Compiled)
    : Owner(Owner), Compiled(std::move(Compiled)) {
  Context.Instance = this;
}

Instance::~Instance() = default;

std::optional<Extern> Instance::exportNamed(std::string_view Name) const {
  for (const NamedExtern &Export : Exports)
    if (Export.Name == Name)
      return Export.Item;
  return std::nullopt;
}

Expected<TrapOr<std::vector<Value>>> Instance::call(std::string_view ExportName,
                                                    std::span<const Value> Args) {
  std::optional<Extern> Export = exportNamed(ExportName);
  if (!Export)
    return makeError(ErrorKind::Usage, "unknown export \"" + std::string(ExportName) + "\"");
  const Function *F = Export->function();
  if (!F)
    return makeError(ErrorKind::Usage, "export \"" + std::string(ExportName) + "\" is not a function");
  return Owner.call(*F, Args);
}

Function Instance::function(uint32_t FuncIndex) const {
  // An imported host function comes back as a host Function (recognised by
  // its context), so the runtime calls it directly, not through an adapter.
  return Function::fromFuncRef(&Functions[FuncIndex]);
}

void *Instance::entryTrampolineFor(uint32_t SignatureId) const {
  auto It = EntryTypeIndex.find(SignatureId);
  return It == EntryTypeIndex.end() ? nullptr : Compiled->entryTrampoline(It->second);
}

} // namespace kiln::runtime
