//===- LinkExecutable.cpp - A module plus the runtime as one program ------===//
//
// A C++ compiler driver links the executable, run as a child process like
// ld.lld for artifacts: it knows where this system keeps crt1.o, libstdc++
// and the rest, which a bare linker invocation would have to guess. The
// runtime comes from one archive (libkiln-runtime.a) whose `main` runs the
// module's _start (lib/Standalone/ExecutableMain.cpp).
//
//===----------------------------------------------------------------------===//
#include "kiln/AOT/AOT.h"

#include "ChildProcess.h"
#include "LinkerProcess.h"

#include "kiln/Runtime/LinkedModule.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace kiln::aot {

namespace {

constexpr const char *ArchiveName = "libkiln-runtime.a";
/// The one import module the executable's main provides (the WASI library's
/// name for it; AOT does not depend on WASI).
constexpr std::string_view WasiModuleName = "wasi_snapshot_preview1";

bool isRegularFile(const std::string &Path) {
  std::error_code Ignored;
  return std::filesystem::is_regular_file(Path, Ignored);
}

/// `../lib/libkiln-runtime.a` beside the running program's directory: the
/// installed layout (bin/wasm2native, lib/libkiln-runtime.a).
std::string installedArchive() {
  std::error_code Failed;
  std::filesystem::path Self = std::filesystem::read_symlink("/proc/self/exe", Failed);
  if (Failed)
    return {};
  return (Self.parent_path().parent_path() / "lib" / ArchiveName).string();
}

/// The driver the user chose with $KILN_CXX, if any.
const char *chosenDriver() {
  const char *Chosen = std::getenv("KILN_CXX");
  return Chosen && *Chosen ? Chosen : nullptr;
}

/// The compiler drivers to try, in order.
std::vector<std::string> driverCandidates() {
  if (const char *Chosen = chosenDriver())
    return {Chosen};
  return {"clang++-19", "c++", "g++"};
}

/// The first line of the driver's diagnostics, for a one-line error.
std::string firstLine(const std::string &Text) {
  std::string Line = Text.substr(0, Text.find('\n'));
  return Line.empty() ? "no diagnostics" : Line;
}

} // namespace

Expected<std::string> findRuntimeArchive() {
  if (const char *Chosen = std::getenv("KILN_RUNTIME_ARCHIVE"); Chosen && *Chosen) {
    if (!isRegularFile(Chosen))
      return makeError(ErrorKind::Io, std::string("runtime archive '") + Chosen +
                                          "' (from KILN_RUNTIME_ARCHIVE) does not exist");
    return std::string(Chosen);
  }
  std::vector<std::string> Places = {installedArchive()};
#ifdef KILN_RUNTIME_ARCHIVE_BUILD_PATH
  Places.emplace_back(KILN_RUNTIME_ARCHIVE_BUILD_PATH);
#endif
  for (const std::string &Place : Places)
    if (!Place.empty() && isRegularFile(Place))
      return Place;
  return makeError(ErrorKind::Io,
                   std::string("cannot find the runtime archive ") + ArchiveName +
                       " (build the kiln-runtime target, or set KILN_RUNTIME_ARCHIVE)");
}

Expected<void> checkExecutableModule(const wasm::Module &Module) {
  for (const wasm::Import &Imp : Module.Imports)
    if (Imp.ModuleName != WasiModuleName)
      return makeError(ErrorKind::Unlinkable,
                       "an executable can only import WASI, not '" + Imp.ModuleName + "." +
                           Imp.FieldName + "' (use --emit=obj --header to link it yourself)");
  for (const wasm::Export &Exp : Module.Exports) {
    if (Exp.Name != "_start" || Exp.Kind != wasm::ExternKind::Func)
      continue;
    const wasm::FuncType &Type = Module.funcType(Exp.Index);
    if (!Type.Params.empty() || !Type.Results.empty())
      return makeError(ErrorKind::Unlinkable, "'_start' must take and return nothing");
    return {};
  }
  return makeError(ErrorKind::Unlinkable,
                   "the module exports no function '_start', which an executable runs (use "
                   "--emit=obj --header to call its exports from C)");
}

Expected<void> linkExecutable(const std::string &LinkableObject, const std::string &Archive,
                              const std::string &OutputPath) {
  auto ObjectFile = TemporaryFile::create(OutputPath, ".o");
  if (!ObjectFile)
    return makeError(ErrorKind::Io,
                     "cannot write '" + OutputPath + "': " + ObjectFile.error().message());
  if (auto Written = ObjectFile->write(LinkableObject); !Written)
    return Written;
  ObjectFile->closeFd();
  auto Linked = TemporaryFile::create(OutputPath, "");
  if (!Linked)
    return makeError(ErrorKind::Io, "cannot write '" + OutputPath + "': " + Linked.error().message());
  // The name is reserved; the file itself is left for the driver to create,
  // so it gets an executable's mode under the umask (GNU ld would keep the
  // 0600 of the reserved file and only add execute bits).
  Linked->closeFd();
  unlink(Linked->path().c_str());
  for (const std::string &Driver : driverCandidates()) {
    // The runtime's oneTBB use is header-only (no libtbb symbol in the
    // archive), so the program needs only the C and C++ libraries.
    auto Ran = runChild({Driver, "-o", Linked->path(), ObjectFile->path(), Archive,
                         "-lpthread", "-lm", "-Wl,-z,noexecstack"});
    if (!Ran)
      return forwardError(Ran);
    if (Ran->SpawnError == ENOENT && !chosenDriver())
      continue;
    if (Ran->SpawnError != 0)
      return makeError(ErrorKind::Internal, "cannot run the linker '" + Driver +
                                                "': " + std::strerror(Ran->SpawnError));
    if (Ran->Status != 0)
      return makeError(ErrorKind::Internal, Driver + " failed to link: " + firstLine(Ran->Output));
    return Linked->renameTo(OutputPath);
  }
  return makeError(ErrorKind::Internal, "no C++ compiler driver found to link the executable: "
                                        "install clang-19 or g++, or set KILN_CXX");
}

} // namespace kiln::aot
