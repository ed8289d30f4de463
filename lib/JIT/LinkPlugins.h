//===- LinkPlugins.h - What the JIT learns while JITLink links -*- C++ -*-===//
//
// JITLink shows each object as a graph once its addresses are final. Two
// plugins read it there: one records the ranges of executable code (the
// runtime's fault handler only claims faults inside them), one appends the
// functions to the perf map.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_JIT_LINKPLUGINS_H
#define KILN_LIB_JIT_LINKPLUGINS_H

#include "kiln/Runtime/CompiledModule.h"

#include "llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h"

#include <memory>
#include <mutex>
#include <vector>

namespace kiln::jit {

/// A plugin that only looks at link graphs: it owns no resources, so the
/// resource notifications have nothing to do.
class GraphObserverPlugin : public llvm::orc::ObjectLinkingLayer::Plugin {
public:
  llvm::Error notifyFailed(llvm::orc::MaterializationResponsibility &) override {
    return llvm::Error::success();
  }
  llvm::Error notifyRemovingResources(llvm::orc::JITDylib &, llvm::orc::ResourceKey) override {
    return llvm::Error::success();
  }
  void notifyTransferringResources(llvm::orc::JITDylib &, llvm::orc::ResourceKey,
                                   llvm::orc::ResourceKey) override {}
};

/// Collects the address ranges of every executable section linked.
class CodeRangeRecorder final : public GraphObserverPlugin {
public:
  explicit CodeRangeRecorder(std::shared_ptr<std::vector<runtime::CodeRange>> Ranges)
      : Ranges(std::move(Ranges)) {}

  void modifyPassConfig(llvm::orc::MaterializationResponsibility &MR, llvm::jitlink::LinkGraph &G,
                        llvm::jitlink::PassConfiguration &Config) override;

private:
  std::shared_ptr<std::vector<runtime::CodeRange>> Ranges;
};

/// Appends "address size name" for every function to /tmp/perf-<pid>.map,
/// the file `perf report` reads for JIT code.
class PerfMapWriter final : public GraphObserverPlugin {
public:
  void modifyPassConfig(llvm::orc::MaterializationResponsibility &MR, llvm::jitlink::LinkGraph &G,
                        llvm::jitlink::PassConfiguration &Config) override;
};

} // namespace kiln::jit

#endif // KILN_LIB_JIT_LINKPLUGINS_H
