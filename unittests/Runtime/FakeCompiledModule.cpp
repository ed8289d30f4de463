//===- FakeCompiledModule.cpp - Compiled modules without a compiler -------===//
#include "FakeCompiledModule.h"

#include <cassert>

namespace kiln::runtime::test {

using wasm::Opcode;
using wasm::ValType;

wasm::FuncType voidType() { return {}; }
wasm::FuncType i32ToI32Type() { return {{ValType::I32}, {ValType::I32}}; }
wasm::FuncType i32I32ToI32Type() { return {{ValType::I32, ValType::I32}, {ValType::I32}}; }

std::shared_ptr<const CompiledModule> compileFake(wasm::Module M,
                                                  std::vector<void *> DefinedFunctions,
                                                  std::vector<CodeRange> CodeRanges) {
  M.buildIndexSpaces();
  CompiledModuleParts Parts;
  for (const wasm::FuncType &Type : M.Types) {
    if (Type == voidType()) {
      Parts.EntryTrampolines.push_back(reinterpret_cast<void *>(&entryVoid));
      Parts.HostAdapters.push_back(reinterpret_cast<void *>(&adapterVoid));
    } else if (Type == i32ToI32Type()) {
      Parts.EntryTrampolines.push_back(reinterpret_cast<void *>(&entryI32ToI32));
      Parts.HostAdapters.push_back(reinterpret_cast<void *>(&adapterI32ToI32));
    } else {
      assert(Type == i32I32ToI32Type() && "no fake trampolines for this type");
      Parts.EntryTrampolines.push_back(reinterpret_cast<void *>(&entryI32I32ToI32));
      Parts.HostAdapters.push_back(reinterpret_cast<void *>(&adapterI32I32ToI32));
    }
  }
  Parts.DefinedFunctions = std::move(DefinedFunctions);
  Parts.CodeRanges = std::move(CodeRanges);
  Parts.Module = std::make_shared<const wasm::Module>(std::move(M));
  return std::make_shared<FakeCompiledModule>(std::move(Parts));
}

static wasm::ConstExpr expr(wasm::Instruction Inst) {
  wasm::ConstExpr E;
  wasm::Instruction End;
  End.Op = Opcode::End;
  E.Code = {Inst, End};
  return E;
}

wasm::ConstExpr i32Expr(int32_t V) {
  wasm::Instruction I;
  I.Op = Opcode::I32Const;
  I.setBits64(static_cast<uint64_t>(static_cast<int64_t>(V)));
  return expr(I);
}

wasm::ConstExpr i64Expr(int64_t V) {
  wasm::Instruction I;
  I.Op = Opcode::I64Const;
  I.setBits64(static_cast<uint64_t>(V));
  return expr(I);
}

wasm::ConstExpr globalGetExpr(uint32_t Index) {
  wasm::Instruction I;
  I.Op = Opcode::GlobalGet;
  I.Index = Index;
  return expr(I);
}

wasm::ConstExpr refFuncExpr(uint32_t Index) {
  wasm::Instruction I;
  I.Op = Opcode::RefFunc;
  I.Index = Index;
  return expr(I);
}

wasm::ConstExpr refNullExpr(ValType Type) {
  wasm::Instruction I;
  I.Op = Opcode::RefNull;
  I.Index = static_cast<uint32_t>(Type);
  return expr(I);
}

wasm::Import importOf(std::string Module, std::string Field, wasm::ExternKind Kind) {
  wasm::Import Imp;
  Imp.ModuleName = std::move(Module);
  Imp.FieldName = std::move(Field);
  Imp.Kind = Kind;
  return Imp;
}

wasm::Import funcImport(std::string Module, std::string Field, uint32_t TypeIndex) {
  wasm::Import Imp = importOf(std::move(Module), std::move(Field), wasm::ExternKind::Func);
  Imp.FuncTypeIndex = TypeIndex;
  return Imp;
}

wasm::Export exportOf(std::string Name, wasm::ExternKind Kind, uint32_t Index) {
  wasm::Export E;
  E.Name = std::move(Name);
  E.Kind = Kind;
  E.Index = Index;
  return E;
}

} // namespace kiln::runtime::test
