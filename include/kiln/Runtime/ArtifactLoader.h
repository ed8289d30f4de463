//===- kiln/Runtime/ArtifactLoader.h - Loading AOT artifacts -----*- C++ -*-===//
//
// Loads a shared object written by `wasm2native --emit=artifact` (layout in
// docs/AOTFormat.md) without LLVM: the header is read from the file and
// checked against this runtime and this machine before the system loader
// maps anything, so an artifact for another CPU is refused with a message,
// never run into a SIGILL.
//
// The artifact's references to the runtime's builtins (`kiln_rt_*`) are
// resolved by the system loader against the process, which must export them
// to loaded objects: executables linking Kiln::Runtime get
// `--export-dynamic-symbol=kiln_rt_*` from its CMake target.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_ARTIFACTLOADER_H
#define KILN_RUNTIME_ARTIFACTLOADER_H

#include "kiln/Runtime/ArtifactFormat.h"
#include "kiln/Runtime/CompiledModule.h"
#include "kiln/Support/Error.h"

#include <memory>
#include <string>

namespace kiln::runtime {

/// Reads and checks only the header of the artifact at `Path`: format and
/// Kiln version, target triple and CPU features against this machine.
Expected<ArtifactHeader> readArtifactHeader(const std::string &Path);

/// Checks the artifact at `Path`, maps it with the system loader and returns
/// its code as a CompiledModule. The object is unmapped (dlclose) when the
/// last shared_ptr goes. The file may be deleted once this returns.
Expected<std::shared_ptr<const CompiledModule>> loadArtifact(const std::string &Path);

} // namespace kiln::runtime

#endif // KILN_RUNTIME_ARTIFACTLOADER_H
