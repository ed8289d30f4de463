//===- RunCompiler.h - How kiln run turns module bytes into code -*- C++ -*-===//
//
// `kiln run` itself needs no LLVM: it parses its options, loads AOT
// artifacts, instantiates and runs. Compiling `.wasm`/`.wat` input is the
// one step that does, so it sits behind this interface: with LLVM, an
// Engine (the JIT behind the in-memory cache, plus the disk cache with
// --cache-dir: RunEngineCompiler.cpp); without (KILN_WITH_LLVM=OFF, e.g.
// the kiln cross-built for arm64), a compiler that says it cannot
// (CompilersWithoutLLVM.cpp), so only artifacts run.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TOOLS_KILN_RUNCOMPILER_H
#define KILN_TOOLS_KILN_RUNCOMPILER_H

#include "ModuleCompilers.h"

#include <memory>
#include <optional>
#include <string>

namespace kiln::cli {

class RunCompiler {
public:
  virtual ~RunCompiler() = default;
  /// Decodes, validates and compiles module bytes.
  virtual Expected<std::shared_ptr<const runtime::CompiledModule>>
  compile(std::span<const uint8_t> Bytes) = 0;
  /// `--stats`: the compiled-module cache's statistics, one block on stderr.
  virtual void printStatistics() const = 0;
};

/// The compiler for `kiln run` with these settings; `CacheDir` is
/// `--cache-dir`.
Expected<std::unique_ptr<RunCompiler>>
createRunCompiler(const CompilerChoice &Choice, const std::optional<std::string> &CacheDir);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_RUNCOMPILER_H
