//===- Module.cpp - Index spaces and names of a module --------------------===//
#include "kiln/Wasm/Module.h"

namespace kiln::wasm {

void Module::buildIndexSpaces() {
  FuncSpace.clear();
  TableSpace.clear();
  MemorySpace.clear();
  GlobalSpace.clear();
  for (const Import &Imp : Imports) {
    switch (Imp.Kind) {
    case ExternKind::Func: FuncSpace.push_back(Imp.FuncTypeIndex); break;
    case ExternKind::Table: TableSpace.push_back(Imp.Table); break;
    case ExternKind::Memory: MemorySpace.push_back(Imp.Memory); break;
    case ExternKind::Global: GlobalSpace.push_back(Imp.Global); break;
    }
  }
  ImportedFuncCount = static_cast<uint32_t>(FuncSpace.size());
  ImportedTableCount = static_cast<uint32_t>(TableSpace.size());
  ImportedMemoryCount = static_cast<uint32_t>(MemorySpace.size());
  ImportedGlobalCount = static_cast<uint32_t>(GlobalSpace.size());
  FuncSpace.insert(FuncSpace.end(), FunctionTypeIndices.begin(), FunctionTypeIndices.end());
  TableSpace.insert(TableSpace.end(), Tables.begin(), Tables.end());
  MemorySpace.insert(MemorySpace.end(), Memories.begin(), Memories.end());
  for (const Global &G : Globals)
    GlobalSpace.push_back(G.Type);
}

std::string Module::functionDisplayName(uint32_t FuncIndex) const {
  auto It = Names.FunctionNames.find(FuncIndex);
  if (It != Names.FunctionNames.end())
    return It->second;
  return "func[" + std::to_string(FuncIndex) + "]";
}

} // namespace kiln::wasm
