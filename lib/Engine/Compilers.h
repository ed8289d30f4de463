//===- Compilers.h - The Engine's compile functions --------------*- C++ -*-===//
//
// The default compile function is the JIT; with a disk cache it becomes the
// disk-caching compiler, which looks on the disk first and compiles misses
// into AOT artifacts it can store (falling back to the JIT when no artifact
// can be made). Both read their inputs only from the request.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_ENGINE_COMPILERS_H
#define KILN_LIB_ENGINE_COMPILERS_H

#include "kiln/Engine/DiskCache.h"
#include "kiln/Engine/ModuleCache.h"
#include "kiln/Wasm/Module.h"

#include <memory>

namespace kiln::engine {

/// Decodes and validates the request's module bytes with its features.
Expected<std::shared_ptr<const wasm::Module>> decodeRequestModule(const CompileRequest &Request);

/// JIT-compiles `Module`, the request's bytes decoded and validated.
CompileResult compileDecodedWithJit(const CompileRequest &Request,
                                    std::shared_ptr<const wasm::Module> Module);

/// The compile function of an Engine with a disk cache.
CompileFunction diskCachingCompiler(std::shared_ptr<DiskCache> Disk);

} // namespace kiln::engine

#endif // KILN_LIB_ENGINE_COMPILERS_H
