//===- TargetSpec.cpp - Resolving and checking target specs ---------------===//
#include "kiln/CodeGen/TargetSpec.h"

#include "Targets.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

#include <algorithm>
#include <memory>

namespace kiln::codegen {

std::optional<OptLevel> parseOptLevel(std::string_view Text) {
  if (Text.size() != 1 || Text[0] < '0' || Text[0] > '3')
    return std::nullopt;
  return static_cast<OptLevel>(Text[0] - '0');
}

std::string_view optLevelName(OptLevel Level) {
  static constexpr std::string_view Names[] = {"O0", "O1", "O2", "O3"};
  return Names[static_cast<size_t>(Level)];
}

TargetSpec TargetSpec::host() {
  TargetSpec Spec;
  Spec.Triple = llvm::Triple::normalize(llvm::sys::getProcessTriple());
  Spec.CPU = llvm::sys::getHostCPUName().str();
  for (const auto &Feature : llvm::sys::getHostCPUFeatures())
    Spec.Features.push_back((Feature.second ? "+" : "-") + Feature.first().str());
  // A stable order, so that equal hosts give equal specs.
  std::sort(Spec.Features.begin(), Spec.Features.end());
  return Spec;
}

std::string TargetSpec::featureString() const {
  std::string Result;
  for (const std::string &Feature : Features)
    Result += (Result.empty() ? "" : ",") + Feature;
  return Result;
}

std::string TargetSpec::describe() const {
  std::string Result = Triple.empty() ? "host" : Triple;
  Result += ", cpu " + (CPU.empty() ? std::string("generic") : CPU);
  if (!Features.empty())
    Result += ", features " + featureString();
  return Result;
}

Expected<std::vector<std::string>> parseFeatureList(std::string_view Text) {
  std::vector<std::string> Features;
  while (!Text.empty()) {
    size_t Comma = Text.find(',');
    std::string_view Item = Text.substr(0, Comma);
    Text = Comma == std::string_view::npos ? std::string_view() : Text.substr(Comma + 1);
    if (Item.empty())
      continue;
    if (Item[0] != '+' && Item[0] != '-')
      return makeError(ErrorKind::Usage,
                       "feature '" + std::string(Item) + "' must start with '+' or '-'");
    Features.emplace_back(Item);
  }
  return Features;
}

static Expected<void> checkNames(const llvm::Target &Target, const TargetSpec &Spec) {
  // An empty CPU and feature string create the subtarget without LLVM's
  // "not a recognized processor" warnings on stderr; the names are checked
  // here instead and reported as errors.
  std::unique_ptr<llvm::MCSubtargetInfo> Info(Target.createMCSubtargetInfo(Spec.Triple, "", ""));
  if (!Info)
    return makeError(ErrorKind::Unsupported, "no subtarget information for " + Spec.Triple);
  if (Spec.CPU != "generic" && !Info->isCPUStringValid(Spec.CPU))
    return makeError(ErrorKind::Unsupported,
                     "unknown CPU '" + Spec.CPU + "' for target " + Spec.Triple);
  for (const std::string &Feature : Spec.Features) {
    std::string_view Name = std::string_view(Feature).substr(1);
    auto Known = Info->getAllProcessorFeatures();
    bool Found = std::any_of(Known.begin(), Known.end(),
                             [&](const llvm::SubtargetFeatureKV &KV) { return Name == KV.Key; });
    if (!Found)
      return makeError(ErrorKind::Unsupported,
                       "unknown feature '" + std::string(Name) + "' for target " + Spec.Triple);
  }
  return {};
}

Expected<TargetSpec> resolveTargetSpec(const TargetSpec &Spec) {
  initializeTargets();
  TargetSpec Resolved = Spec;
  if (Spec.Triple.empty()) {
    TargetSpec Host = TargetSpec::host();
    Resolved.Triple = Host.Triple;
    if (Spec.CPU.empty()) {
      Resolved.CPU = Host.CPU;
      Resolved.Features = Host.Features;
      Resolved.Features.insert(Resolved.Features.end(), Spec.Features.begin(),
                               Spec.Features.end());
    }
  }
  Resolved.Triple = llvm::Triple::normalize(Resolved.Triple);
  if (Resolved.CPU.empty())
    Resolved.CPU = "generic";
  std::string Problem;
  const llvm::Target *Target = llvm::TargetRegistry::lookupTarget(Resolved.Triple, Problem);
  if (!Target)
    return makeError(ErrorKind::Unsupported, "unknown target '" + Spec.Triple + "': " + Problem);
  llvm::Triple Parsed(Resolved.Triple);
  if (!Parsed.isArch64Bit() || !Parsed.isLittleEndian())
    return makeError(ErrorKind::Unsupported,
                     "target '" + Resolved.Triple + "' is not 64-bit little-endian (docs/ABI.md)");
  if (Expected<void> Checked = checkNames(*Target, Resolved); !Checked)
    return forwardError(Checked);
  return Resolved;
}

} // namespace kiln::codegen
