//===- TypeNames.cpp - Entity types as text, for link errors --------------===//
#include "TypeNames.h"

namespace kiln::runtime {

static std::string valTypeList(const std::vector<wasm::ValType> &Types) {
  std::string Text = "[";
  for (size_t I = 0; I < Types.size(); ++I) {
    if (I)
      Text += ' ';
    Text += wasm::valTypeName(Types[I]);
  }
  return Text + "]";
}

static std::string limitsText(const wasm::Limits &L) {
  std::string Text = std::to_string(L.Min);
  if (L.Max)
    Text += " " + std::to_string(*L.Max);
  return Text;
}

std::string describeType(const wasm::FuncType &Type) {
  return "func " + valTypeList(Type.Params) + " -> " + valTypeList(Type.Results);
}

std::string describeType(const wasm::TableType &Type) {
  return "table " + limitsText(Type.Size) + " " + std::string(wasm::valTypeName(Type.ElemType));
}

std::string describeType(const wasm::MemoryType &Type) { return "memory " + limitsText(Type.Pages); }

std::string describeType(const wasm::GlobalType &Type) {
  return std::string("global ") + (Type.Mutable ? "mut " : "") +
         std::string(wasm::valTypeName(Type.Type));
}

} // namespace kiln::runtime
