//===- HostCompatibility.cpp - Can this machine run an artifact? ----------===//
//
// Without LLVM the runtime cannot ask "which features does this CPU have"
// in LLVM's terms, so it asks the kernel and maps the LLVM names that matter
// for generated code to the kernel's flag names. Running code that uses a
// missing instruction would be a SIGILL; refusing to load is the point of
// the check.
//
// Where the kernel's answer comes from differs per architecture. x86-64
// reads the `flags` line of /proc/cpuinfo. arm64 reads the hardware
// capability bits of the auxiliary vector (AT_HWCAP, AT_HWCAP2) instead:
// they are the kernel's own source for the `Features` line, they need no
// file system, and user-mode emulators provide them (qemu-aarch64 passes the
// *host's* /proc/cpuinfo through, which has no `Features` line at all).
//
//===----------------------------------------------------------------------===//
#include "HostCompatibility.h"

#include <elf.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>
#include <utility>

#if defined(__aarch64__)
#include <asm/hwcap.h>
#include <sys/auxv.h>
#endif

namespace kiln::runtime {

namespace {

using FlagSet = std::unordered_set<std::string>;

struct HostArch {
  std::string_view Name; ///< The triple's architecture component.
  uint16_t ElfMachine;   ///< e_machine of objects for it.
};

#if defined(__x86_64__)
constexpr HostArch Host{"x86_64", EM_X86_64};
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

/// The `flags` of the first CPU in /proc/cpuinfo (all CPUs of a Linux
/// system report the same set).
Expected<FlagSet> hostCPUFlags() {
  std::ifstream Info("/proc/cpuinfo");
  if (!Info)
    return makeError(ErrorKind::Io, "cannot read /proc/cpuinfo to check the artifact's CPU features");
  std::string Line;
  while (std::getline(Info, Line)) {
    size_t Colon = Line.find(':');
    if (Colon == std::string::npos)
      continue;
    std::string Key = Line.substr(0, Line.find_last_not_of(" \t", Colon - 1) + 1);
    if (Key != "flags")
      continue;
    std::istringstream Words(Line.substr(Colon + 1));
    FlagSet Flags;
    for (std::string Flag; Words >> Flag;)
      Flags.insert(Flag);
    return Flags;
  }
  return makeError(ErrorKind::Io, "/proc/cpuinfo has no 'flags' line");
}
#elif defined(__aarch64__)
constexpr HostArch Host{"aarch64", EM_AARCH64};
/// LLVM feature name -> the kernel's name for it (as /proc/cpuinfo's
/// `Features` line spells it). "neon" and "fp-armv8", which every arm64
/// Linux machine has, are mapped too, so a corrupt or foreign report fails
/// loudly rather than passing everything.
constexpr std::pair<std::string_view, std::string_view> FeatureFlags[] = {
    {"neon", "asimd"},      {"fp-armv8", "fp"},        {"crc", "crc32"},
    {"aes", "aes"},         {"sha2", "sha2"},          {"sha3", "sha3"},
    {"sm4", "sm4"},         {"lse", "atomics"},        {"rdm", "asimdrdm"},
    {"dotprod", "asimddp"}, {"fullfp16", "fphp"},      {"fp16fml", "asimdfhm"},
    {"jsconv", "jscvt"},    {"complxnum", "fcma"},     {"rcpc", "lrcpc"},
    {"rcpc-immo", "ilrcpc"}, {"flagm", "flagm"},       {"fptoint", "frint"},
    {"sve", "sve"},         {"sve2", "sve2"},          {"i8mm", "i8mm"},
    {"bf16", "bf16"},       {"rand", "rng"},           {"mte", "mte"},
};

struct HwcapBit {
  unsigned long Type; ///< AT_HWCAP or AT_HWCAP2.
  unsigned long Mask;
  std::string_view Name;
};
/// The capability bits (asm/hwcap.h) with the kernel's names for them.
constexpr HwcapBit HwcapBits[] = {
    {AT_HWCAP, HWCAP_FP, "fp"},           {AT_HWCAP, HWCAP_ASIMD, "asimd"},
    {AT_HWCAP, HWCAP_AES, "aes"},         {AT_HWCAP, HWCAP_SHA2, "sha2"},
    {AT_HWCAP, HWCAP_CRC32, "crc32"},     {AT_HWCAP, HWCAP_ATOMICS, "atomics"},
    {AT_HWCAP, HWCAP_FPHP, "fphp"},       {AT_HWCAP, HWCAP_ASIMDRDM, "asimdrdm"},
    {AT_HWCAP, HWCAP_JSCVT, "jscvt"},     {AT_HWCAP, HWCAP_FCMA, "fcma"},
    {AT_HWCAP, HWCAP_LRCPC, "lrcpc"},     {AT_HWCAP, HWCAP_SHA3, "sha3"},
    {AT_HWCAP, HWCAP_SM4, "sm4"},         {AT_HWCAP, HWCAP_ASIMDDP, "asimddp"},
    {AT_HWCAP, HWCAP_SVE, "sve"},         {AT_HWCAP, HWCAP_ASIMDFHM, "asimdfhm"},
    {AT_HWCAP, HWCAP_ILRCPC, "ilrcpc"},   {AT_HWCAP, HWCAP_FLAGM, "flagm"},
    {AT_HWCAP2, HWCAP2_SVE2, "sve2"},     {AT_HWCAP2, HWCAP2_FRINT, "frint"},
    {AT_HWCAP2, HWCAP2_I8MM, "i8mm"},     {AT_HWCAP2, HWCAP2_BF16, "bf16"},
    {AT_HWCAP2, HWCAP2_RNG, "rng"},       {AT_HWCAP2, HWCAP2_MTE, "mte"},
};

/// The kernel's names of the capabilities the auxiliary vector reports.
Expected<FlagSet> hostCPUFlags() {
  unsigned long Words[2] = {getauxval(AT_HWCAP), getauxval(AT_HWCAP2)};
  // Every arm64 Linux kernel reports at least fp and asimd; nothing at all
  // means the vector is missing, not a CPU without floating point.
  if (Words[0] == 0)
    return makeError(ErrorKind::Io, "the kernel reports no CPU capabilities (AT_HWCAP is 0)");
  FlagSet Flags;
  for (const HwcapBit &Bit : HwcapBits)
    if (Words[Bit.Type == AT_HWCAP ? 0 : 1] & Bit.Mask)
      Flags.insert(std::string(Bit.Name));
  return Flags;
}
#else
#error "the Kiln runtime supports x86-64 and arm64 (docs/ABI.md)"
#endif

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
