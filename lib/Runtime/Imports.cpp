//===- Imports.cpp - Imports by module and field name ---------------------===//
#include "kiln/Runtime/Imports.h"

#include "kiln/Runtime/Instance.h"

namespace kiln::runtime {

void Imports::define(std::string ModuleName, std::string FieldName, Extern Item) {
  Items.insert_or_assign({std::move(ModuleName), std::move(FieldName)}, std::move(Item));
}

void Imports::defineInstance(const std::string &ModuleName, const Instance &Exporter) {
  for (const NamedExtern &Export : Exporter.exports())
    define(ModuleName, Export.Name, Export.Item);
}

const Extern *Imports::find(std::string_view ModuleName, std::string_view FieldName) const {
  auto It = Items.find(std::pair{std::string(ModuleName), std::string(FieldName)});
  return It == Items.end() ? nullptr : &It->second;
}

Expected<std::vector<Extern>> Imports::resolve(const wasm::Module &M) const {
  std::vector<Extern> Resolved;
  Resolved.reserve(M.Imports.size());
  for (const wasm::Import &Imp : M.Imports) {
    const Extern *Item = find(Imp.ModuleName, Imp.FieldName);
    if (!Item)
      return makeError(ErrorKind::Unlinkable, "unknown import \"" + Imp.ModuleName + "\" \"" +
                                                  Imp.FieldName + "\"");
    Resolved.push_back(*Item);
  }
  return Resolved;
}

} // namespace kiln::runtime
