//===- SymbolNames.h - Symbol names of translated functions -----*- C++ -*-===//
//
// Defined functions are named after the name section so that perf and gdb
// show Wasm names. Every such symbol starts with "wasm.": no C library or
// compiler-runtime function has a dot in its name, so a Wasm function called
// `memset` or `ceilf` can never capture a call LLVM itself emits.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_TRANSLATE_SYMBOLNAMES_H
#define KILN_LIB_TRANSLATE_SYMBOLNAMES_H

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace kiln::wasm {
struct Module;
}

namespace kiln::translate {

/// Hands out unique symbol names for one module.
class SymbolNamer {
public:
  /// `ForGlobalSymbols`: the names become global (hidden) symbols of a
  /// partitioned compile, where a linker reads "name@ver" as a symbol
  /// version, so '@' is replaced too. Local symbols keep it.
  explicit SymbolNamer(bool ForGlobalSymbols = false) : ForGlobalSymbols(ForGlobalSymbols) {}

  /// "wasm." + the sanitised name-section name, else the first export
  /// name, else "wasm.func<N>"; made unique with the function index when
  /// two names collide.
  std::string functionSymbol(const wasm::Module &M, uint32_t FuncIndex);

private:
  std::string sanitize(std::string_view Text) const;

  bool ForGlobalSymbols;
  std::set<std::string> Used;
};

/// Replaces characters that would break a perf map line or need escaping in
/// a debugger (control characters, whitespace, quotes) with '_'.
std::string sanitizeSymbolText(std::string_view Text);

} // namespace kiln::translate

#endif // KILN_LIB_TRANSLATE_SYMBOLNAMES_H
