//===- kiln/CodeGen/TargetSpec.h - Which machine to generate code for -*- C++ -*-===//
//
// Code generation never consults the host implicitly: every compile names
// its target as a triple, a CPU and a feature list. The host is only the
// default, made explicit by `TargetSpec::host()`; the resolved spec is what
// artifacts record and check when loaded. No LLVM header is needed here.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_CODEGEN_TARGETSPEC_H
#define KILN_CODEGEN_TARGETSPEC_H

#include "kiln/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::codegen {

/// The optimisation pipelines: -O0 (none) to -O3.
enum class OptLevel : uint8_t { O0, O1, O2, O3 };

/// Parses "0".."3" (the digit after -O).
std::optional<OptLevel> parseOptLevel(std::string_view Text);
/// "O0", "O1", "O2" or "O3".
std::string_view optLevelName(OptLevel Level);

struct TargetSpec {
  /// An LLVM target triple such as "x86_64-unknown-linux-gnu" or
  /// "aarch64-linux-gnu". Empty: the host's.
  std::string Triple;
  /// An LLVM CPU name ("skylake", "neoverse-n1"). Empty: "generic", or the
  /// host CPU when the triple is empty too.
  std::string CPU;
  /// Features to add or remove: "+avx2", "-sse4.1". With an empty triple
  /// and CPU these are applied on top of the host's features.
  std::vector<std::string> Features;

  /// The machine this process runs on, with its CPU and features.
  static TargetSpec host();
  /// "x86_64-unknown-linux-gnu, cpu skylake, features +avx2,..." for messages.
  std::string describe() const;
  /// The comma-separated LLVM feature string.
  std::string featureString() const;
  bool operator==(const TargetSpec &) const = default;
};

/// Fills the defaults (see the fields) and checks the triple, CPU and
/// feature names against the targets LLVM was built with; an unknown name
/// is an `Unsupported` error naming it. The result is what gets recorded.
Expected<TargetSpec> resolveTargetSpec(const TargetSpec &Spec);

/// Splits "+a,-b" (as on command lines) into a feature list; every entry
/// must start with '+' or '-'.
Expected<std::vector<std::string>> parseFeatureList(std::string_view Text);

} // namespace kiln::codegen

#endif // KILN_CODEGEN_TARGETSPEC_H
