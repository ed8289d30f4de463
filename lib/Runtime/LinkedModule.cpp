//===- LinkedModule.cpp - A CompiledModule from symbols linked in --------===//
//
// The same checks as loading an artifact, minus what the static linker
// already guaranteed: the code is for this architecture (it was linked into
// this program) and the builtins resolve (the link would have failed).
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/LinkedModule.h"

#include "HostCompatibility.h"

#include "kiln/Runtime/ArtifactFormat.h"

namespace kiln::runtime {

namespace {

/// The code belongs to the program; nothing to release.
class LinkedCompiledModule final : public CompiledModule {
public:
  explicit LinkedCompiledModule(CompiledModuleParts Parts) : CompiledModule(std::move(Parts)) {}
};

std::unexpected<Error> refuse(const Error &Why) {
  return makeError(Why.kind(), "cannot use the linked module: " + Why.message());
}

std::vector<void *> copyTable(void *const *Table, size_t Count) {
  return Count == 0 ? std::vector<void *>() : std::vector<void *>(Table, Table + Count);
}

} // namespace

Expected<std::shared_ptr<const CompiledModule>>
loadLinkedModule(const LinkedModuleSymbols &Symbols) {
  if (!Symbols.HeaderBegin || Symbols.HeaderEnd <= Symbols.HeaderBegin)
    return refuse(Error(ErrorKind::Malformed, "its header section is missing or empty"));
  auto Header = decodeArtifactHeader(
      std::span(Symbols.HeaderBegin, static_cast<size_t>(Symbols.HeaderEnd - Symbols.HeaderBegin)));
  if (!Header)
    return refuse(Header.error());
  if (Header->KilnVersion != kilnVersion())
    return refuse(Error(ErrorKind::Unsupported, "it was compiled by Kiln " + Header->KilnVersion +
                                                    "; this runtime is Kiln " +
                                                    std::string(kilnVersion())));
  if (auto Features = checkCPUFeatures(Header->CPUFeatures); !Features)
    return refuse(Features.error());
  auto Module = decodeEmbeddedModule(*Header);
  if (!Module)
    return refuse(Module.error());
  size_t TypeCount = (*Module)->Types.size();
  size_t DefinedCount = (*Module)->FunctionTypeIndices.size();
  if ((DefinedCount && !Symbols.Functions) || (TypeCount && (!Symbols.Entries || !Symbols.HostAdapters)))
    return refuse(Error(ErrorKind::Malformed, "a table symbol is missing"));
  CompiledModuleParts Parts;
  Parts.DefinedFunctions = copyTable(Symbols.Functions, DefinedCount);
  Parts.EntryTrampolines = copyTable(Symbols.Entries, TypeCount);
  Parts.HostAdapters = copyTable(Symbols.HostAdapters, TypeCount);
  if (Symbols.CodeBegin && Symbols.CodeEnd > Symbols.CodeBegin)
    Parts.CodeRanges.push_back({reinterpret_cast<uintptr_t>(Symbols.CodeBegin),
                                reinterpret_cast<uintptr_t>(Symbols.CodeEnd)});
  Parts.Module = std::move(*Module);
  return std::make_shared<LinkedCompiledModule>(std::move(Parts));
}

} // namespace kiln::runtime
