//===- HostCompatibility.cpp - Can this machine run an artifact? ----------===//
//
// Without LLVM the runtime cannot ask "which features does this CPU have"
// in LLVM's terms, so it reads the kernel's report (/proc/cpuinfo) and maps
// the LLVM names that matter for generated code to the kernel's flag names.
// Running code that uses a missing instruction would be a SIGILL; refusing
// to load is the point of the check.
//
//===----------------------------------------------------------------------===//
#include "HostCompatibility.h"

#include <elf.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>
#include <utility>

namespace kiln::runtime {

namespace {

struct HostArch {
  std::string_view Name;    ///< The triple's architecture component.
  uint16_t ElfMachine;      ///< e_machine of objects for it.
  std::string_view FlagKey; ///< The /proc/cpuinfo line listing CPU flags.
};

#if defined(__x86_64__)
constexpr HostArch Host{"x86_64", EM_X86_64, "flags"};
/// LLVM feature name -> /proc/cpuinfo flag.
constexpr std::pair<std::string_view, std::string_view> FeatureFlags[] = {
    {"sse", "sse"},         {"sse2", "sse2"},           {"sse3", "pni"},
    {"ssse3", "ssse3"},     {"sse4.1", "sse4_1"},       {"sse4.2", "sse4_2"},
    {"sse4a", "sse4a"},     {"popcnt", "popcnt"},       {"avx", "avx"},
    {"avx2", "avx2"},       {"fma", "fma"},             {"fma4", "fma4"},
    {"xop", "xop"},         {"f16c", "f16c"},           {"bmi", "bmi1"},
    {"bmi2", "bmi2"},       {"lzcnt", "abm"},           {"movbe", "movbe"},
    {"aes", "aes"},         {"pclmul", "pclmulqdq"},    {"cx16", "cx16"},
    {"adx", "adx"},         {"sha", "sha_ni"},          {"gfni", "gfni"},
    {"vaes", "vaes"},       {"vpclmulqdq", "vpclmulqdq"}, {"avxvnni", "avx_vnni"},
    {"avx512f", "avx512f"}, {"avx512bw", "avx512bw"},   {"avx512dq", "avx512dq"},
    {"avx512vl", "avx512vl"}, {"avx512cd", "avx512cd"}, {"avx512vbmi", "avx512vbmi"},
    {"avx512vbmi2", "avx512_vbmi2"}, {"avx512vnni", "avx512_vnni"},
    {"avx512bitalg", "avx512_bitalg"}, {"avx512vpopcntdq", "avx512_vpopcntdq"},
    {"avx512bf16", "avx512_bf16"}, {"avx512fp16", "avx512_fp16"},
};
#elif defined(__aarch64__)
constexpr HostArch Host{"aarch64", EM_AARCH64, "Features"};
constexpr std::pair<std::string_view, std::string_view> FeatureFlags[] = {
    {"neon", "asimd"},  {"fp-armv8", "fp"},  {"crc", "crc32"},      {"aes", "aes"},
    {"sha2", "sha2"},   {"sha3", "sha3"},    {"lse", "atomics"},    {"rdm", "asimdrdm"},
    {"dotprod", "asimddp"}, {"fullfp16", "fphp"}, {"sve", "sve"}, {"sve2", "sve2"},
    {"rcpc", "lrcpc"},  {"i8mm", "i8mm"},    {"bf16", "bf16"},
};
#else
#error "the Kiln runtime supports x86-64 and arm64 (docs/ABI.md)"
#endif

/// The flags of the first CPU in /proc/cpuinfo (all CPUs of a Linux system
/// report the same set).
Expected<std::unordered_set<std::string>> hostCPUFlags() {
  std::ifstream Info("/proc/cpuinfo");
  if (!Info)
    return makeError(ErrorKind::Io, "cannot read /proc/cpuinfo to check the artifact's CPU features");
  std::string Line;
  while (std::getline(Info, Line)) {
    size_t Colon = Line.find(':');
    if (Colon == std::string::npos)
      continue;
    std::string Key = Line.substr(0, Line.find_last_not_of(" \t", Colon - 1) + 1);
    if (Key != Host.FlagKey)
      continue;
    std::istringstream Words(Line.substr(Colon + 1));
    std::unordered_set<std::string> Flags;
    for (std::string Flag; Words >> Flag;)
      Flags.insert(Flag);
    return Flags;
  }
  return makeError(ErrorKind::Io, "/proc/cpuinfo has no '" + std::string(Host.FlagKey) + "' line");
}

std::string_view kernelFlag(std::string_view Feature) {
  for (const auto &[LLVMName, Flag] : FeatureFlags)
    if (LLVMName == Feature)
      return Flag;
  return {};
}

} // namespace

Expected<void> checkTargetTriple(std::string_view Triple, uint16_t ElfMachine) {
  std::string_view Arch = Triple.substr(0, Triple.find('-'));
  bool Linux = Triple.find("-linux") != std::string_view::npos;
  if (Arch != Host.Name || !Linux || ElfMachine != Host.ElfMachine)
    return makeError(ErrorKind::Unsupported, "artifact targets " + std::string(Triple) +
                                                 "; this machine is " + std::string(Host.Name) +
                                                 "-linux");
  return {};
}

Expected<void> checkCPUFeatures(const std::vector<std::string> &Features) {
  auto Flags = hostCPUFlags();
  if (!Flags)
    return forwardError(Flags);
  std::vector<std::string> Missing;
  for (const std::string &Feature : Features) {
    std::string_view Flag = kernelFlag(Feature);
    if (!Flag.empty() && !Flags->contains(std::string(Flag)))
      Missing.push_back(Feature);
  }
  if (Missing.empty())
    return {};
  std::string List;
  for (const std::string &Feature : Missing)
    List += (List.empty() ? "" : ", ") + Feature;
  return makeError(ErrorKind::Unsupported, "artifact needs " + List + "; this CPU lacks " +
                                               (Missing.size() == 1 ? "it" : "them"));
}

} // namespace kiln::runtime
