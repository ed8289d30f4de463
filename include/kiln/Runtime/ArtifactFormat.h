//===- kiln/Runtime/ArtifactFormat.h - The AOT artifact's header --*- C++ -*-===//
//
// The record every AOT artifact carries (docs/AOTFormat.md): what produced
// it, for which machine, with which options, and the module bytes it was
// compiled from. The AOT compiler writes it into a section of the shared
// object; the runtime's loader reads it from the file before mapping any
// code, so a mismatch is refused without running anything. Both sides use
// this one encoder/decoder, which needs no LLVM.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_ARTIFACTFORMAT_H
#define KILN_RUNTIME_ARTIFACTFORMAT_H

#include "kiln/Support/Error.h"
#include "kiln/Wasm/Module.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::runtime {

/// Bumped whenever the header layout or the ABI between compiled code and
/// the runtime (docs/ABI.md) changes incompatibly.
inline constexpr uint32_t ArtifactFormatVersion = 1;
/// The ELF section holding the encoded header.
inline constexpr std::string_view ArtifactSectionName = ".kiln.artifact";
/// The exported data symbol at the start of that section.
inline constexpr std::string_view ArtifactSymbolName = "kiln_artifact";
/// The first eight bytes of an encoded header.
inline constexpr std::string_view ArtifactMagic{"KILNAOT\0", 8};

struct ArtifactHeader {
  uint32_t FormatVersion = ArtifactFormatVersion;
  std::string KilnVersion;
  /// Normalised LLVM triple, e.g. "x86_64-unknown-linux-gnu".
  std::string Triple;
  std::string CPU;
  /// Every CPU feature the code may use (what the CPU name and the explicit
  /// feature list resolve to), LLVM names without '+': "avx2", "sse4.1".
  std::vector<std::string> CPUFeatures;
  /// The Wasm features the module was decoded and validated with
  /// (`wasm::Features::describe()`); the loader decodes with the same.
  std::string WasmFeatures;
  /// Human-readable compile options: "O2 bounds-checks=guard-pages ...".
  std::string CompileOptions;
  /// `hashModuleBytes(ModuleBytes)`; checked on load against corruption.
  uint64_t ModuleHash = 0;
  /// The binary module the code was compiled from.
  std::vector<uint8_t> ModuleBytes;
};

/// 64-bit FNV-1a: detects corruption, not tampering.
uint64_t hashModuleBytes(std::span<const uint8_t> Bytes);

/// The Kiln version this runtime was built as (the artifact must match).
std::string_view kilnVersion();

std::vector<uint8_t> encodeArtifactHeader(const ArtifactHeader &Header);
/// Decodes and checks the magic, the format version and the module hash;
/// a `Malformed` error says which field is wrong.
Expected<ArtifactHeader> decodeArtifactHeader(std::span<const uint8_t> Bytes);

/// The module `Header` embeds, decoded with the Wasm features it records.
/// Shared by both ways of loading compiled code (an artifact file, a module
/// linked into the program); an error is `Malformed`.
Expected<std::shared_ptr<const wasm::Module>> decodeEmbeddedModule(const ArtifactHeader &Header);

} // namespace kiln::runtime

#endif // KILN_RUNTIME_ARTIFACTFORMAT_H
