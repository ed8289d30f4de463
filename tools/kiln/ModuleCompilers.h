//===- ModuleCompilers.h - How the tool turns bytes into code ----*- C++ -*-===//
#ifndef KILN_TOOLS_KILN_MODULECOMPILERS_H
#define KILN_TOOLS_KILN_MODULECOMPILERS_H

#include "Engine.h"

#include "kiln/Wasm/Features.h"

namespace kiln::cli {

struct CompilerChoice {
  unsigned OptLevel = 2; ///< 0..3
  wasm::Features Enabled = wasm::Features::wasm20();
};

/// A compiler that decodes, validates and JIT-compiles module bytes in this
/// process (through a kiln::Engine and its cache).
Expected<ModuleCompiler> createJitCompiler(const CompilerChoice &Choice);

/// A compiler that writes each module as an AOT artifact (as wasm2native
/// does) to a temporary folder and loads it with the runtime's loader.
Expected<ModuleCompiler> createAotCompiler(const CompilerChoice &Choice);

/// Parses "-O2"-style levels given as a number 0..3.
Expected<unsigned> parseOptLevel(const std::string &Text);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_MODULECOMPILERS_H
