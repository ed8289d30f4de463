//===- BuiltinSymbols.cpp - Names and addresses of the builtins -----------===//
//
// The table is written out by hand (a macro cannot turn the .def's symbol
// string into a function name), and checked at compile time against
// Builtins.def: same names, same order, same parameter counts and widths.
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/Builtins.h"

#include <array>
#include <type_traits>

namespace kiln::runtime {
namespace {

/// The shape of one builtin: what the ABI table says and what the C
/// definition has. Pointer parameters count as 8 bytes, i32 as 4.
struct Shape {
  std::string_view Name;
  size_t ReturnSize;
  std::array<size_t, 8> ParamSizes;
  size_t ParamCount;
};

constexpr size_t Void = 0, I32 = 4, Ptr = 8;
[[maybe_unused]] constexpr size_t I64 = 8; // No builtin takes one yet.

template <typename T> constexpr size_t sizeOrZero() {
  if constexpr (std::is_void_v<T>)
    return 0;
  else
    return sizeof(T);
}

template <typename R, typename... Ps> constexpr Shape shapeOf(std::string_view Name, R (*)(Ps...)) {
  return {Name, sizeOrZero<R>(), {sizeof(Ps)...}, sizeof...(Ps)};
}

template <size_t... Sizes> constexpr Shape declared(std::string_view Name, size_t Ret) {
  return {Name, Ret, {Sizes...}, sizeof...(Sizes)};
}

#define KILN_SIZES(...) __VA_ARGS__
constexpr std::array Declared = {
#define KILN_BUILTIN(Name, Symbol, Ret, Params) declared<KILN_SIZES Params>(Symbol, Ret),
#include "kiln/ABI/Builtins.def"
};
#undef KILN_SIZES

// The definitions, listed once; expanded into shapes (checked at compile
// time) and into the name/address table.
#define KILN_RUNTIME_BUILTINS(X)                                               \
  X(kiln_rt_trap)                                                              \
  X(kiln_rt_memory_grow)                                                       \
  X(kiln_rt_memory_fill)                                                       \
  X(kiln_rt_memory_copy)                                                       \
  X(kiln_rt_memory_init)                                                       \
  X(kiln_rt_data_drop)                                                         \
  X(kiln_rt_table_grow)                                                        \
  X(kiln_rt_table_fill)                                                        \
  X(kiln_rt_table_copy)                                                        \
  X(kiln_rt_table_init)                                                        \
  X(kiln_rt_elem_drop)                                                         \
  X(kiln_rt_call_host)

#define KILN_SHAPE(Fn) shapeOf(#Fn, &Fn),
constexpr std::array DefinedShapes = {KILN_RUNTIME_BUILTINS(KILN_SHAPE)};
#undef KILN_SHAPE

#define KILN_SYMBOL(Fn) BuiltinSymbol{#Fn, reinterpret_cast<void *>(&Fn)},
const std::array Symbols = {KILN_RUNTIME_BUILTINS(KILN_SYMBOL)};
#undef KILN_SYMBOL
#undef KILN_RUNTIME_BUILTINS

constexpr bool sameShapes() {
  if (Declared.size() != DefinedShapes.size())
    return false;
  for (size_t I = 0; I < Declared.size(); ++I) {
    const Shape &D = Declared[I], &F = DefinedShapes[I];
    if (D.Name != F.Name || D.ReturnSize != F.ReturnSize || D.ParamCount != F.ParamCount)
      return false;
    for (size_t P = 0; P < D.ParamCount; ++P)
      if (D.ParamSizes[P] != F.ParamSizes[P])
        return false;
  }
  return true;
}
static_assert(sameShapes(), "the builtin definitions must match kiln/ABI/Builtins.def");

} // namespace

std::span<const BuiltinSymbol> builtinSymbols() { return Symbols; }

} // namespace kiln::runtime
