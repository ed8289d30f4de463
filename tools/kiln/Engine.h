//===- Engine.h - What runs the commands of a spec script -------*- C++ -*-===//
//
// The runner hands every command of a script, in order, to an engine and
// records what it says. `validate` checks modules only (decode + validate);
// engines that execute code (JIT, AOT) implement the same interface and take
// over the commands `validate` skips.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TOOLS_KILN_ENGINE_H
#define KILN_TOOLS_KILN_ENGINE_H

#include "Script.h"

#include "kiln/Runtime/CompiledModule.h"
#include "kiln/Wasm/Features.h"

#include <functional>

#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace kiln::cli {

enum class Outcome : uint8_t { Passed, Failed, Skipped };

struct CommandOutcome {
  Outcome Result = Outcome::Skipped;
  /// Failed: why. Passed: how (e.g. the error a bad module was rejected
  /// with). Skipped: what would be needed to check it.
  std::string Detail;

  static CommandOutcome passed(std::string Detail) { return {Outcome::Passed, std::move(Detail)}; }
  static CommandOutcome failed(std::string Detail) { return {Outcome::Failed, std::move(Detail)}; }
  static CommandOutcome skipped(std::string Detail) {
    return {Outcome::Skipped, std::move(Detail)};
  }
};

class Engine {
public:
  virtual ~Engine() = default;
  /// Runs one command. An engine lives for one script and sees its commands
  /// in order, so it can keep the modules the script defined and registered.
  virtual CommandOutcome run(const Command &C) = 0;
};

/// The names `createEngine` accepts, the default first.
std::span<const std::string_view> engineNames();

struct CompilerChoice;

/// A fresh engine for one script; an unknown name is a `Usage` error.
Expected<std::unique_ptr<Engine>> createEngine(std::string_view Name, const CompilerChoice &Choice);

/// Decodes and validates modules; everything that needs execution is skipped.
std::unique_ptr<Engine> createValidateEngine(const wasm::Features &Enabled);

/// Turns module bytes into runnable code (decode, validate, compile).
using ModuleCompiler = std::function<Expected<std::shared_ptr<const runtime::CompiledModule>>(
    std::span<const uint8_t> Bytes)>;

/// Runs every command kind: modules are compiled with `Compile` and
/// instantiated in one Store per script, with the `spectest` host module.
std::unique_ptr<Engine> createExecuteEngine(ModuleCompiler Compile, const wasm::Features &Enabled);

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_ENGINE_H
