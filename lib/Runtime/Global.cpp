//===- Global.cpp - Storage of one global ---------------------------------===//
#include "kiln/Runtime/Global.h"

#include <cassert>

namespace kiln::runtime {

Global::Global(const wasm::GlobalType &Type, const Value &Init)
    : Type(Type), Storage(Init.toGlobal()) {
  assert(Init.type() == Type.Type && "global initialised with a value of another type");
}

Expected<void> Global::set(const Value &V) {
  if (!Type.Mutable)
    return makeError(ErrorKind::Usage, "cannot set an immutable global");
  if (V.type() != Type.Type)
    return makeError(ErrorKind::Usage, "global type mismatch: expected " +
                                           std::string(wasm::valTypeName(Type.Type)) + ", got " +
                                           std::string(wasm::valTypeName(V.type())));
  Storage = V.toGlobal();
  return {};
}

} // namespace kiln::runtime
