//===- ValidateContext.h - State shared by one module's validation -*- C++ -*-===//
//
// The validator is split by concern (module rules, constant expressions,
// function bodies); this header holds what they share: the module context
// (the spec's C), diagnostics helpers and the entry points between the files.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_WASM_VALIDATECONTEXT_H
#define KILN_LIB_WASM_VALIDATECONTEXT_H

#include "kiln/Support/Error.h"
#include "kiln/Wasm/Features.h"
#include "kiln/Wasm/Module.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::wasm::validate {

/// The type of a value popped from the polymorphic bottom of the stack after
/// `unreachable`, `br`, `br_table` or `return` (the spec's "Unknown"). It is
/// not a real encoding, so it never compares equal to a decoded type.
inline constexpr ValType UnknownType = static_cast<ValType>(0);

/// What validating one module needs to know about it: the spec's context C
/// plus scratch space reused across expressions.
struct ModuleContext {
  ModuleContext(const Module &M, const Features &Enabled) : M(M), Enabled(Enabled) {}

  const Module &M;
  const Features &Enabled;
  /// C.refs: functions that `ref.func` may name in a function body, one flag
  /// per function index.
  std::vector<uint8_t> DeclaredFuncRefs;
  /// Operand stack of the constant expression being checked.
  std::vector<ValType> ConstStack;

  bool isDeclaredFuncRef(uint32_t FuncIndex) const {
    return FuncIndex < DeclaredFuncRefs.size() && DeclaredFuncRefs[FuncIndex];
  }
};

/// Where an error is; empty for things the module records no offset for
/// (types, defined tables and memories, the start function).
using ErrorOffset = std::optional<uint64_t>;

/// An `Invalid` error (the spec's "invalid": fails validation).
std::unexpected<Error> invalidAt(ErrorOffset Offset, std::string Message);

/// A `Malformed` error: the module could not have come from a well-formed
/// binary (a structure the decoder normally rejects, or a module built from
/// text that breaks it).
std::unexpected<Error> malformedAt(ErrorOffset Offset, std::string Message);

/// An `Unsupported` error saying that `What` needs the disabled feature `F`.
std::unexpected<Error> featureDisabledAt(ErrorOffset Offset, Feature F, std::string_view What);

/// Fails with `featureDisabledAt` unless `F` is enabled.
Expected<void> requireFeature(const Features &Enabled, Feature F, std::string_view What,
                              ErrorOffset Offset);

/// Checks that the proposal introducing `Type` is enabled: v128 needs SIMD,
/// reference types used as values need reference-types.
Expected<void> requireValTypeEnabled(const Features &Enabled, ValType Type, ErrorOffset Offset);

/// "i32", or "?" for `UnknownType`.
std::string_view typeText(ValType Type);
/// "[i32 f32]".
std::string typeListText(std::span<const ValType> Types);

/// The one-element list holding `Type`, with static storage, so a block type
/// such as `(result i32)` needs no allocation.
std::span<const ValType> singleTypeList(ValType Type);

/// Where a constant expression appears; it names the expression in messages
/// and decides one feature rule.
enum class ConstExprRole : uint8_t { GlobalInitializer, ElementOffset, ElementItem, DataOffset };

/// Checks a constant expression and that it produces exactly one `Want`.
Expected<void> validateConstExpr(ModuleContext &Ctx, const ConstExpr &Expr, ValType Want,
                                 ConstExprRole Role);

/// Checks every function body of the module; errors carry the absolute
/// function index.
Expected<void> validateFunctionBodies(const ModuleContext &Ctx);

} // namespace kiln::wasm::validate

#endif // KILN_LIB_WASM_VALIDATECONTEXT_H
