//===- kiln/Runtime/Imports.h - Imports by module and field name -*- C++ -*-===//
#ifndef KILN_RUNTIME_IMPORTS_H
#define KILN_RUNTIME_IMPORTS_H

#include "kiln/Runtime/Extern.h"
#include "kiln/Support/Error.h"
#include "kiln/Wasm/Module.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiln::runtime {

class Instance;

/// A name-keyed set of externs from which a module's imports are resolved
/// ("spectest" "print_i32" -> a host function, a registered instance's
/// exports, ...). Later definitions replace earlier ones.
class Imports {
public:
  void define(std::string ModuleName, std::string FieldName, Extern Item);
  /// Defines every export of `Exporter` under `ModuleName`.
  void defineInstance(const std::string &ModuleName, const Instance &Exporter);

  const Extern *find(std::string_view ModuleName, std::string_view FieldName) const;

  /// The externs for `M`'s imports, in order; a missing one is an
  /// Unlinkable error starting "unknown import". Types are checked later,
  /// at instantiation.
  Expected<std::vector<Extern>> resolve(const wasm::Module &M) const;

private:
  std::map<std::pair<std::string, std::string>, Extern, std::less<>> Items;
};

} // namespace kiln::runtime

#endif // KILN_RUNTIME_IMPORTS_H
