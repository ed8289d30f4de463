//===- ConstExpr.h - Evaluating constant expressions -------------*- C++ -*-===//
#ifndef KILN_LIB_RUNTIME_CONSTEXPR_H
#define KILN_LIB_RUNTIME_CONSTEXPR_H

#include "kiln/ABI/VMContext.h"
#include "kiln/Runtime/Value.h"
#include "kiln/Support/Error.h"
#include "kiln/Wasm/Module.h"

#include <span>

namespace kiln::runtime {

class Global;

/// What a constant expression may refer to.
struct ConstExprEnv {
  /// The globals readable by `global.get` (those initialised so far).
  std::span<Global *const> Globals;
  /// The instance's function entries, for `ref.func`.
  std::span<const abi::VMFuncRef> Functions;
};

/// Evaluates a validated constant expression to a value of `Type`: the 2.0
/// forms (t.const, ref.null, ref.func, global.get) and the extended-const
/// integer add/sub/mul. Anything else is an Invalid error rather than an
/// assertion, since a module built by hand may skip validation.
Expected<Value> evaluateConstExpr(const wasm::ConstExpr &Expr, wasm::ValType Type,
                                  const ConstExprEnv &Env);

} // namespace kiln::runtime

#endif // KILN_LIB_RUNTIME_CONSTEXPR_H
