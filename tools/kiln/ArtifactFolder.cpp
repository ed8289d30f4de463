//===- ArtifactFolder.cpp - Naming artifacts; their command-line options --===//
#include "ArtifactFolder.h"

#include "kiln/Runtime/ArtifactFormat.h"

#include <cstdio>
#include <vector>

namespace kiln::cli {

namespace po = boost::program_options;

std::string artifactFileName(std::span<const uint8_t> Bytes, const CompilerChoice &Choice) {
  // The options first, each ended by a NUL byte neither of them contains,
  // then the bytes: different inputs make different keys.
  std::string Options =
      Choice.Enabled.describe() + '\0' + "O" + std::to_string(Choice.OptLevel) + '\0';
  std::vector<uint8_t> Key(Options.begin(), Options.end());
  Key.insert(Key.end(), Bytes.begin(), Bytes.end());
  char Name[32];
  std::snprintf(Name, sizeof Name, "%016llx.so",
                static_cast<unsigned long long>(runtime::hashModuleBytes(Key)));
  return Name;
}

void addArtifactFolderOptions(po::options_description &Options) {
  auto Add = Options.add_options();
  Add("artifact-dir", po::value<std::string>()->value_name("DIR"),
      "aot engine: take every module's code from artifacts in DIR instead of compiling "
      "(a kiln built without LLVM needs this); with --target, write them there");
  Add("target", po::value<std::string>()->value_name("TRIPLE"),
      "aot engine: only compile every module for TRIPLE (e.g. aarch64-linux-gnu) into "
      "--artifact-dir, running nothing; a kiln on that machine then runs the scripts");
  Add("cpu", po::value<std::string>()->value_name("NAME"),
      "With --target: the CPU to compile for (default: generic)");
}

std::optional<std::string> readArtifactFolderOptions(const po::variables_map &Values,
                                                     std::string_view EngineName,
                                                     CompilerChoice &Choice) {
  if (Values.count("artifact-dir"))
    Choice.ArtifactDir = Values["artifact-dir"].as<std::string>();
  if (Values.count("target"))
    Choice.Target = Values["target"].as<std::string>();
  if (Values.count("cpu"))
    Choice.CPU = Values["cpu"].as<std::string>();
  if (!Choice.Target.empty() && Choice.ArtifactDir.empty())
    return "--target needs --artifact-dir: the compiled modules go there";
  if (!Choice.CPU.empty() && Choice.Target.empty())
    return "--cpu needs --target";
  if (!Choice.ArtifactDir.empty() && EngineName != "aot")
    return "--artifact-dir and --target are options of the aot engine";
  return std::nullopt;
}

} // namespace kiln::cli
