//===- LinkPlugins.cpp - Code ranges and the perf map ---------------------===//
#include "LinkPlugins.h"

#include "llvm/ExecutionEngine/JITLink/JITLink.h"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace kiln::jit {

using llvm::jitlink::LinkGraph;

static bool isExecutable(const llvm::jitlink::Section &Section) {
  auto Protection = static_cast<unsigned>(Section.getMemProt());
  return Protection & static_cast<unsigned>(llvm::orc::MemProt::Exec);
}

void CodeRangeRecorder::modifyPassConfig(llvm::orc::MaterializationResponsibility &,
                                         LinkGraph &, llvm::jitlink::PassConfiguration &Config) {
  // After fixups the addresses are final and the blocks in place.
  Config.PostFixupPasses.push_back([Ranges = Ranges](LinkGraph &G) {
    for (llvm::jitlink::Section &Section : G.sections()) {
      if (!isExecutable(Section))
        continue;
      llvm::jitlink::SectionRange Range(Section);
      if (!Range.empty())
        Ranges->push_back({Range.getStart().getValue(), Range.getEnd().getValue()});
    }
    return llvm::Error::success();
  });
}

/// One process-wide lock: compiles on many threads append to one file.
static std::mutex PerfMapLock;

/// Named symbols of code: the functions. (JITLink marks few symbols
/// callable, so the section decides.)
static bool isNamedCode(const llvm::jitlink::Symbol &Symbol) {
  return Symbol.hasName() && Symbol.isDefined() && Symbol.getSize() != 0 &&
         isExecutable(Symbol.getBlock().getSection()) && !Symbol.getName().starts_with(".L");
}

void PerfMapWriter::modifyPassConfig(llvm::orc::MaterializationResponsibility &, LinkGraph &,
                                     llvm::jitlink::PassConfiguration &Config) {
  // Calls and tables refer to local functions through section symbols, so
  // pruning would drop the named ones; keep them for the map.
  Config.PrePrunePasses.push_back([](LinkGraph &G) {
    for (llvm::jitlink::Symbol *Symbol : G.defined_symbols())
      if (isNamedCode(*Symbol))
        Symbol->setLive(true);
    return llvm::Error::success();
  });
  Config.PostFixupPasses.push_back([](LinkGraph &G) {
    std::string Lines;
    for (llvm::jitlink::Symbol *Symbol : G.defined_symbols()) {
      if (!isNamedCode(*Symbol))
        continue;
      char Prefix[48];
      std::snprintf(Prefix, sizeof(Prefix), "%llx %llx ",
                    static_cast<unsigned long long>(Symbol->getAddress().getValue()),
                    static_cast<unsigned long long>(Symbol->getSize()));
      Lines += Prefix + Symbol->getName().str() + '\n';
    }
    std::string Path = "/tmp/perf-" + std::to_string(::getpid()) + ".map";
    std::lock_guard<std::mutex> Guard(PerfMapLock);
    // A profiling aid: if the file cannot be written, the code still runs.
    if (std::FILE *File = std::fopen(Path.c_str(), "a")) {
      std::fwrite(Lines.data(), 1, Lines.size(), File);
      std::fclose(File);
    }
    return llvm::Error::success();
  });
}

} // namespace kiln::jit
