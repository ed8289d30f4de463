//===- ArtifactLoader.cpp - Loading AOT artifacts with the system loader --===//
//
// Order matters: every check that can refuse the artifact runs on the file
// before dlopen, because dlopen relocates the object against this process.
// RTLD_LOCAL keeps one artifact's symbols out of the next one's lookups;
// RTLD_NOW makes a missing builtin fail here rather than at a first call.
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/ArtifactLoader.h"

#include "ElfSection.h"
#include "HostCompatibility.h"

#include "kiln/Runtime/Builtins.h"

#include <dlfcn.h>
#include <link.h>

#include <cstring>

namespace kiln::runtime {

namespace {

/// Owns the dlopen handle; the compiled module's code lives in it.
class ArtifactCompiledModule final : public CompiledModule {
public:
  ArtifactCompiledModule(void *Handle, CompiledModuleParts Parts)
      : CompiledModule(std::move(Parts)), Handle(Handle) {}
  ~ArtifactCompiledModule() override { dlclose(Handle); }

private:
  void *Handle;
};

struct HandleCloser {
  void operator()(void *Handle) const { dlclose(Handle); }
};
using UniqueHandle = std::unique_ptr<void, HandleCloser>;

std::unexpected<Error> refuse(const std::string &Path, const Error &Why) {
  return makeError(Why.kind(), "cannot load '" + Path + "': " + Why.message());
}

/// The process must define every builtin where dlopen looks (its dynamic
/// symbol table); saying so here beats glibc's "undefined symbol".
Expected<void> checkBuiltinsExported() {
  for (const BuiltinSymbol &Builtin : builtinSymbols()) {
    std::string Name(Builtin.Name);
    if (!dlsym(RTLD_DEFAULT, Name.c_str()))
      return makeError(ErrorKind::Unlinkable,
                       "this program does not export " + Name +
                           " to loaded code (link it with -Wl,--export-dynamic-symbol=kiln_rt_*)");
  }
  return {};
}

Expected<std::vector<void *>> readTable(void *Handle, std::string_view Symbol, size_t Count) {
  std::string Name(Symbol);
  dlerror();
  auto *Table = static_cast<void *const *>(dlsym(Handle, Name.c_str()));
  if (!Table)
    return makeError(ErrorKind::Malformed, "the artifact does not define " + Name);
  return std::vector<void *>(Table, Table + Count);
}

/// The executable segments of the loaded object whose base is `Base`.
std::vector<CodeRange> executableRanges(uintptr_t Base) {
  struct Search {
    uintptr_t Base;
    std::vector<CodeRange> Ranges;
  } State{Base, {}};
  dl_iterate_phdr(
      [](dl_phdr_info *Info, size_t, void *Data) {
        auto &S = *static_cast<Search *>(Data);
        if (Info->dlpi_addr != S.Base)
          return 0;
        for (unsigned Index = 0; Index < Info->dlpi_phnum; ++Index) {
          const ElfW(Phdr) &Segment = Info->dlpi_phdr[Index];
          if (Segment.p_type != PT_LOAD || !(Segment.p_flags & PF_X))
            continue;
          uintptr_t Begin = Info->dlpi_addr + Segment.p_vaddr;
          S.Ranges.push_back({Begin, Begin + Segment.p_memsz});
        }
        return 1;
      },
      &State);
  return State.Ranges;
}

/// dlopen treats a name without '/' as a library to search for on the
/// library path, not as a file in the working directory.
std::string pathForDlopen(const std::string &Path) {
  return Path.find('/') == std::string::npos ? "./" + Path : Path;
}

Expected<CompiledModuleParts> readParts(void *Handle, std::shared_ptr<const wasm::Module> Module) {
  CompiledModuleParts Parts;
  size_t TypeCount = Module->Types.size();
  auto Functions = readTable(Handle, "kiln_functions", Module->FunctionTypeIndices.size());
  if (!Functions)
    return forwardError(Functions);
  auto Entries = readTable(Handle, "kiln_entries", TypeCount);
  if (!Entries)
    return forwardError(Entries);
  auto Adapters = readTable(Handle, "kiln_host_adapters", TypeCount);
  if (!Adapters)
    return forwardError(Adapters);
  link_map *Map = nullptr;
  if (dlinfo(Handle, RTLD_DI_LINKMAP, &Map) != 0 || !Map)
    return makeError(ErrorKind::Internal, "dlinfo cannot describe the loaded artifact");
  // A module without functions may have no executable segment at all.
  Parts.CodeRanges = executableRanges(Map->l_addr);
  Parts.Module = std::move(Module);
  Parts.DefinedFunctions = std::move(*Functions);
  Parts.EntryTrampolines = std::move(*Entries);
  Parts.HostAdapters = std::move(*Adapters);
  return Parts;
}

} // namespace

Expected<ArtifactHeader> readArtifactHeader(const std::string &Path) {
  auto Section = readElfSection(Path, ArtifactSectionName);
  if (!Section)
    return forwardError(Section);
  auto Header = decodeArtifactHeader(Section->Bytes);
  if (!Header)
    return refuse(Path, Header.error());
  if (Header->KilnVersion != kilnVersion())
    return refuse(Path, Error(ErrorKind::Unsupported,
                              "artifact was compiled by Kiln " + Header->KilnVersion +
                                  "; this runtime is Kiln " + std::string(kilnVersion())));
  if (auto Target = checkTargetTriple(Header->Triple, Section->Machine); !Target)
    return refuse(Path, Target.error());
  if (auto Features = checkCPUFeatures(Header->CPUFeatures); !Features)
    return refuse(Path, Features.error());
  return Header;
}

Expected<std::shared_ptr<const CompiledModule>> loadArtifact(const std::string &Path) {
  auto Header = readArtifactHeader(Path);
  if (!Header)
    return forwardError(Header);
  auto Module = decodeEmbeddedModule(*Header);
  if (!Module)
    return refuse(Path, Module.error());
  if (auto Exported = checkBuiltinsExported(); !Exported)
    return refuse(Path, Exported.error());
  UniqueHandle Handle(dlopen(pathForDlopen(Path).c_str(), RTLD_NOW | RTLD_LOCAL));
  if (!Handle)
    return makeError(ErrorKind::Unlinkable, "cannot load '" + Path + "': " + dlerror());
  auto Parts = readParts(Handle.get(), std::move(*Module));
  if (!Parts)
    return refuse(Path, Parts.error());
  return std::make_shared<ArtifactCompiledModule>(Handle.release(), std::move(*Parts));
}

} // namespace kiln::runtime
