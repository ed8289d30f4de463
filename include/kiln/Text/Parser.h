//===- kiln/Text/Parser.h - WebAssembly text modules -------------*- C++ -*-===//
//
// Reads a module written in the WebAssembly 2.0 text format into the same
// `Module` the binary decoder produces, so validation, compilation and
// encoding do not care where a module came from.
//
// Positions: every `Offset` in the result (instructions, imports, segments,
// bodies) and every error's byte offset is a byte offset into the source
// text. Format errors with `SourceMap` (SourceMap.h) to get `LINE:COL`; this
// works for validator errors on the module too.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TEXT_PARSER_H
#define KILN_TEXT_PARSER_H

#include "kiln/Support/Error.h"
#include "kiln/Wasm/Module.h"

#include <string_view>

namespace kiln::text {

/// Parses a .wat module: a single `(module $id? field*)` form, or bare fields
/// (`(func ...) (memory 1) ...`) which form one module. Syntax errors are
/// `ErrorKind::Malformed`, worded like the spec's ("unexpected token",
/// "unknown operator", "constant out of range", "duplicate func", ...).
///
/// Identifiers become names: the module's `$id`, function and local `$ids`
/// fill `Module::Names`. Implicit function types are appended to the type
/// section in the order the spec prescribes, and `DataCount` is set when a
/// body uses `memory.init` or `data.drop`, as wat2wasm does.
Expected<wasm::Module> parseModule(std::string_view Source);

/// True if `Source` looks like text rather than a binary module: it does not
/// start with the `\0asm` magic and has no NUL byte in its first 4 KiB.
bool looksLikeText(std::string_view Source);

} // namespace kiln::text

#endif // KILN_TEXT_PARSER_H
