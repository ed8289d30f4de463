//===- Extern.cpp - What modules import and export ------------------------===//
#include "kiln/Runtime/Extern.h"

#include "kiln/Runtime/Global.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/SignatureRegistry.h"
#include "kiln/Runtime/Table.h"
#include "TypeNames.h"

#include <cassert>

namespace kiln::runtime {

static_assert(static_cast<int>(wasm::ExternKind::Func) == 0 &&
                  static_cast<int>(wasm::ExternKind::Table) == 1 &&
                  static_cast<int>(wasm::ExternKind::Memory) == 2 &&
                  static_cast<int>(wasm::ExternKind::Global) == 3,
              "Extern's variant order follows ExternKind");

Function Function::host(std::shared_ptr<HostFunction> Host) {
  assert(Host && "null host function");
  Function F;
  F.Host = std::move(Host);
  return F;
}

Function Function::fromFuncRef(const abi::VMFuncRef *Ref) {
  assert(Ref && "null funcref");
  Function F;
  F.Ref = Ref;
  if (HostFunction *H = HostFunction::fromContext(Ref->Context))
    F.Host = H->shared_from_this();
  return F;
}

uint32_t Function::signatureId() const {
  if (Host)
    return Host->signatureId();
  assert(Ref && "empty Function");
  return Ref->SignatureId;
}

const wasm::FuncType &Function::type() const {
  if (Host)
    return Host->type();
  return signatureType(signatureId());
}

std::string Extern::describe() const {
  switch (kind()) {
  case wasm::ExternKind::Func: return describeType(function()->type());
  case wasm::ExternKind::Table: return describeType(table()->currentType());
  case wasm::ExternKind::Memory: return describeType(memory()->currentType());
  case wasm::ExternKind::Global: return describeType(global()->type());
  }
  return "?";
}

} // namespace kiln::runtime
