//===- kiln/Runtime/LinkedModule.h - A module linked into the program -*- C++ -*-===//
//
// `wasm2native --emit=exe` and `--emit=obj --header` produce code that is
// linked into a program instead of being loaded with dlopen. The object's
// symbols then say everything the runtime needs: the artifact header (the
// same encoding as an artifact's, docs/AOTFormat.md) between the start and
// stop of its section, the three tables of docs/ABI.md, and the module's
// code between the start and stop of its code section, which the trap
// handler must know. No LLVM, no dlopen.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_LINKEDMODULE_H
#define KILN_RUNTIME_LINKEDMODULE_H

#include "kiln/Runtime/CompiledModule.h"
#include "kiln/Support/Error.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace kiln::runtime {

/// Suffixes of one linked module's names: module NAME's header section is
/// NAME_kiln_header, its tables NAME_kiln_functions and so on. Section
/// names are C identifiers so that the linker defines __start_ and __stop_
/// symbols for them. Everything else in the object is local, so modules
/// of different NAMEs link into one program.
inline constexpr std::string_view LinkedHeaderSectionSuffix = "_kiln_header";
inline constexpr std::string_view LinkedCodeSectionSuffix = "_kiln_code";
inline constexpr std::string_view LinkedFunctionsSuffix = "_kiln_functions";
inline constexpr std::string_view LinkedEntriesSuffix = "_kiln_entries";
inline constexpr std::string_view LinkedHostAdaptersSuffix = "_kiln_host_adapters";
/// The NAME of the module in an executable from `wasm2native --emit=exe`,
/// which the runtime archive's `main` refers to.
inline constexpr std::string_view ExecutableModuleName = "kiln_program";

/// `Name` followed by `Suffix`.
inline std::string linkedName(std::string_view Name, std::string_view Suffix) {
  return std::string(Name) + std::string(Suffix);
}

/// Addresses the linker resolved for one module's symbols.
struct LinkedModuleSymbols {
  /// The encoded header: [HeaderBegin, HeaderEnd).
  const uint8_t *HeaderBegin = nullptr;
  const uint8_t *HeaderEnd = nullptr;
  void *const *Functions = nullptr;
  void *const *Entries = nullptr;
  void *const *HostAdapters = nullptr;
  /// The module's code section; both null when the module has no code.
  const void *CodeBegin = nullptr;
  const void *CodeEnd = nullptr;
};

/// Decodes the header (magic, version, hash), checks the Kiln version and
/// this CPU's features like `loadArtifact` does, decodes the embedded module
/// and wraps the linked code as a CompiledModule. The code is part of the
/// program, so releasing the CompiledModule frees nothing but its tables.
Expected<std::shared_ptr<const CompiledModule>>
loadLinkedModule(const LinkedModuleSymbols &Symbols);

} // namespace kiln::runtime

#endif // KILN_RUNTIME_LINKEDMODULE_H
