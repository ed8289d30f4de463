//===- SymbolNames.cpp - Symbol names of translated functions -------------===//
#include "SymbolNames.h"

#include "kiln/Wasm/Module.h"

#include <algorithm>

namespace kiln::translate {

std::string sanitizeSymbolText(std::string_view Text) {
  std::string Result;
  Result.reserve(Text.size());
  for (char C : Text) {
    auto U = static_cast<unsigned char>(C);
    bool Plain = U > 0x20 && U < 0x7f && C != '"' && C != '\'' && C != '\\';
    Result.push_back(Plain ? C : '_');
  }
  return Result;
}

std::string SymbolNamer::sanitize(std::string_view Text) const {
  std::string Result = sanitizeSymbolText(Text);
  if (ForGlobalSymbols)
    std::replace(Result.begin(), Result.end(), '@', '_');
  return Result;
}

std::string SymbolNamer::functionSymbol(const wasm::Module &M, uint32_t FuncIndex) {
  std::string Base = "wasm.func" + std::to_string(FuncIndex);
  auto It = M.Names.FunctionNames.find(FuncIndex);
  if (It != M.Names.FunctionNames.end() && !It->second.empty()) {
    Base = "wasm." + sanitize(It->second);
  } else {
    // Without a name section, an export name is the next best thing.
    for (const wasm::Export &E : M.Exports)
      if (E.Kind == wasm::ExternKind::Func && E.Index == FuncIndex && !E.Name.empty()) {
        Base = "wasm." + sanitize(E.Name);
        break;
      }
  }
  std::string Name = Base;
  // Function indices are unique, so one suffix always suffices unless a
  // name-section entry already spells "<name>.<index>"; keep counting then.
  for (unsigned Attempt = 0; !Used.insert(Name).second; ++Attempt)
    Name = Base + "." + std::to_string(FuncIndex) + (Attempt ? "." + std::to_string(Attempt) : "");
  return Name;
}

} // namespace kiln::translate
