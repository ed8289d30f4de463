//===- FakeCompiler.h - A compiler the cache tests control --------*- C++ -*-===//
//
// Stands in for the JIT: it makes a trivial CompiledModule (an empty module,
// empty tables, one code range of a chosen size), counts its invocations and
// how many run at once, and can be slowed down, made to fail, or given a
// hook that runs in the middle of a compile. Configure it before the first
// compile; afterwards only its atomics change, so threads may share it.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_UNITTESTS_ENGINE_FAKECOMPILER_H
#define KILN_UNITTESTS_ENGINE_FAKECOMPILER_H

#include "kiln/Engine/ModuleCache.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace kiln::engine::test {

/// The module a FakeCompiler makes: it remembers which module bytes it was
/// compiled from, and keeps a canary that a use after free would disturb.
class FakeModule final : public runtime::CompiledModule {
public:
  static constexpr uint64_t CanaryValue = 0x6b696c6e2d6f6b21;

  FakeModule(runtime::CompiledModuleParts Parts, uint32_t ModuleId,
             std::shared_ptr<std::atomic<int>> LiveCount);
  ~FakeModule() override;

  uint32_t moduleId() const { return ModuleId; }
  bool intact() const { return Canary == CanaryValue; }

private:
  uint32_t ModuleId;
  uint64_t Canary = CanaryValue;
  std::shared_ptr<std::atomic<int>> LiveCount;
};

/// Bytes of a distinct "module" per id (a Wasm header plus the id); the
/// cache only hashes them, the fake compiler reads the id back.
std::vector<uint8_t> moduleBytes(uint32_t ModuleId);
/// The id `moduleBytes` encoded.
uint32_t moduleIdOf(const CompileRequest &Request);
/// A request with fixed versions and target for `Bytes`.
CompileRequest requestFor(std::span<const uint8_t> Bytes);
/// The module behind a handle, checked to be a FakeModule.
const FakeModule &asFake(const std::shared_ptr<const runtime::CompiledModule> &Handle);

class FakeCompiler {
public:
  /// A CompileFunction calling `compile` on this object, which must outlive
  /// every cache using it.
  CompileFunction function();
  CompileResult compile(const CompileRequest &Request);

  // Settings; fixed before the first compile.
  std::chrono::milliseconds Delay{0};
  /// Runs inside each compile, before the delay. `Attempt` counts from 1
  /// over all compiles of this compiler.
  std::function<void(const CompileRequest &, uint64_t Attempt)> Hook;
  /// Whether the compile with this request and attempt number fails.
  std::function<bool(const CompileRequest &, uint64_t Attempt)> ShouldFail;
  /// Code size of the module for a request; 64 bytes by default.
  std::function<uint64_t(const CompileRequest &)> CodeSizeInBytes;

  // Observations.
  std::atomic<uint64_t> Invocations{0};
  std::atomic<int> InFlight{0};
  std::atomic<int> MaxInFlight{0};
  /// FakeModules made by this compiler and not yet destroyed.
  std::shared_ptr<std::atomic<int>> LiveModules = std::make_shared<std::atomic<int>>(0);
};

} // namespace kiln::engine::test

#endif // KILN_UNITTESTS_ENGINE_FAKECOMPILER_H
