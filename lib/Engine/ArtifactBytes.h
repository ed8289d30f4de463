//===- ArtifactBytes.h - AOT artifacts as bytes in memory --------*- C++ -*-===//
//
// The disk cache stores AOT artifacts, not JIT code: JIT code lives at
// addresses chosen in this process and cannot be written out, while an
// artifact is a relocatable shared object the runtime's loader maps
// anywhere. These two functions turn a request into artifact bytes and
// verified bytes back into a loaded module.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_ENGINE_ARTIFACTBYTES_H
#define KILN_LIB_ENGINE_ARTIFACTBYTES_H

#include "kiln/Engine/CompileRequest.h"
#include "kiln/Runtime/CompiledModule.h"
#include "kiln/Support/Error.h"
#include "kiln/Wasm/Module.h"

#include <memory>
#include <span>
#include <vector>

namespace kiln::engine {

/// Compiles `Module` (the request's bytes, decoded and validated) into an
/// artifact with exactly the request's options; returns the file's bytes.
/// Links in a private temporary folder, removed before returning.
Expected<std::vector<uint8_t>> buildArtifactBytes(const CompileRequest &Request,
                                                  const wasm::Module &Module);

/// Loads artifact bytes through an anonymous in-memory file, so the loader
/// maps exactly these bytes and no file another process can change.
Expected<std::shared_ptr<const runtime::CompiledModule>>
loadArtifactBytes(std::span<const uint8_t> Artifact);

} // namespace kiln::engine

#endif // KILN_LIB_ENGINE_ARTIFACTBYTES_H
