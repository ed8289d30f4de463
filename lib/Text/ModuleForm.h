//===- ModuleForm.h - Parsing a `(module ...)` form -------------*- C++ -*-===//
#ifndef KILN_LIB_TEXT_MODULEFORM_H
#define KILN_LIB_TEXT_MODULEFORM_H

#include "TokenCursor.h"

#include "kiln/Wasm/Module.h"

namespace kiln::text {

/// Parses the fields of a module whose `(module $id?` has been consumed, and
/// its closing `)`. `Id` (may be null) becomes the module's name.
Expected<wasm::Module> parseModuleBody(TokenCursor &C, const Token *Id);

} // namespace kiln::text

#endif // KILN_LIB_TEXT_MODULEFORM_H
