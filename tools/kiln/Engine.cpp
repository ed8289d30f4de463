//===- Engine.cpp - Choosing an engine by name -----------------------------===//
#include "Engine.h"
#include "ArtifactFolder.h"
#include "ModuleCompilers.h"

#include <array>

namespace kiln::cli {

namespace {
constexpr std::array<std::string_view, 3> EngineNames = {"validate", "jit", "aot"};
} // namespace

std::span<const std::string_view> engineNames() { return EngineNames; }

Expected<std::unique_ptr<Engine>> createEngine(std::string_view Name, const CompilerChoice &Choice) {
  if (Name == "validate")
    return createValidateEngine(Choice.Enabled);
  if (Name == "aot" && !Choice.Target.empty())
    return createPrecompileEngine(Choice);
  if (Name == "aot" && !Choice.ArtifactDir.empty()) {
    auto Load = createArtifactFolderLoader(Choice);
    if (!Load)
      return forwardError(Load);
    return createExecuteEngine(std::move(*Load), Choice.Enabled);
  }
  if (Name == "jit" || Name == "aot") {
    auto Compile = Name == "jit" ? createJitCompiler(Choice) : createAotCompiler(Choice);
    if (!Compile)
      return forwardError(Compile);
    return createExecuteEngine(std::move(*Compile), Choice.Enabled);
  }
  std::string Known;
  for (std::string_view Each : EngineNames)
    Known += (Known.empty() ? "" : ", ") + std::string(Each);
  return makeError(ErrorKind::Usage,
                   "unknown engine '" + std::string(Name) + "' (available: " + Known + ")");
}

} // namespace kiln::cli
