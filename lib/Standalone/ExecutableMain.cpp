//===- ExecutableMain.cpp - main() of `wasm2native --emit=exe` programs ---===//
//
// The runtime archive's only `main`. A static link pulls this member in
// only when the program has no main of its own, so embedders linking the
// same archive (with the C API of kiln/linked.h) never see it.
//
// The program runs like `kiln run`: WASI with this process's argv (argv[0]
// as the OS gave it), its whole environment and stdio, and the current
// directory preopened as "." so relative paths behave as in a native build
// (absolute paths and escapes are refused, as always). The exit status is
// proc_exit's code, 0 when _start returns, 1 after a trap or an error.
//
//===----------------------------------------------------------------------===//
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/LinkedModule.h"
#include "kiln/Runtime/Store.h"
#include "kiln/WASI/WasiContext.h"

#include <cstring>
#include <iostream>
#include <memory>
#include <string>

extern char **environ;

// Defined by the module's object (renamed to ExecutableModuleName's
// prefix by wasm2native) and by the linker (__start_/__stop_). Weak where a
// module may legitimately lack them: no functions means no code section.
extern "C" {
extern const unsigned char __start_kiln_program_kiln_header[];
extern const unsigned char __stop_kiln_program_kiln_header[];
extern void *const kiln_program_kiln_functions[] __attribute__((weak));
extern void *const kiln_program_kiln_entries[] __attribute__((weak));
extern void *const kiln_program_kiln_host_adapters[] __attribute__((weak));
extern const char __start_kiln_program_kiln_code[] __attribute__((weak));
extern const char __stop_kiln_program_kiln_code[] __attribute__((weak));
}

namespace {

using namespace kiln;

constexpr int ExitFailure = 1; // as `kiln run` after a trap or an error

runtime::LinkedModuleSymbols programSymbols() {
  runtime::LinkedModuleSymbols S;
  S.HeaderBegin = __start_kiln_program_kiln_header;
  S.HeaderEnd = __stop_kiln_program_kiln_header;
  S.Functions = kiln_program_kiln_functions;
  S.Entries = kiln_program_kiln_entries;
  S.HostAdapters = kiln_program_kiln_host_adapters;
  S.CodeBegin = __start_kiln_program_kiln_code;
  S.CodeEnd = __stop_kiln_program_kiln_code;
  return S;
}

int fail(const std::string &Program, const char *What, const std::string &Message) {
  std::cerr << Program << ": " << What << ": " << Message << std::endl;
  return ExitFailure;
}

wasi::WasiConfig processWasiConfig(int Argc, char **Argv) {
  wasi::WasiConfig Config;
  for (int Index = 0; Index < Argc; ++Index)
    Config.Args.emplace_back(Argv[Index]);
  for (char **Entry = environ; Entry && *Entry; ++Entry)
    Config.Env.emplace_back(*Entry);
  Config.Preopens.push_back({".", "."});
  return Config;
}

int run(const std::string &Program, int Argc, char **Argv) {
  auto Compiled = runtime::loadLinkedModule(programSymbols());
  if (!Compiled)
    return fail(Program, "error", Compiled.error().message());
  runtime::Imports Imports;
  std::unique_ptr<wasi::WasiContext> Wasi;
  if (wasi::WasiContext::isImportedBy((*Compiled)->module())) {
    auto Created = wasi::WasiContext::create(processWasiConfig(Argc, Argv));
    if (!Created)
      return fail(Program, "error", Created.error().message());
    Wasi = std::move(*Created);
    Wasi->defineImports(Imports);
  }
  runtime::Store Store;
  auto Instantiated = Store.instantiate(*Compiled, Imports);
  if (!Instantiated)
    return fail(Program, "error", Instantiated.error().message());
  if (!*Instantiated)
    return fail(Program, "trap", Instantiated->error().Message);
  runtime::Instance &I = ***Instantiated;
  if (Wasi) {
    if (auto Bound = Wasi->bindInstance(I); !Bound)
      return fail(Program, "error", Bound.error().message());
  }
  auto Result = I.call("_start", {});
  if (!Result)
    return fail(Program, "error", Result.error().message());
  // proc_exit stops the program with a trap; the code it recorded wins.
  if (Wasi && Wasi->exitCode())
    return static_cast<int>(*Wasi->exitCode() & 0xff);
  if (!*Result)
    return fail(Program, "trap", Result->error().Message);
  return 0;
}

} // namespace

int main(int Argc, char **Argv) {
  const char *Slash = Argc > 0 ? std::strrchr(Argv[0], '/') : nullptr;
  std::string Program = Argc == 0 ? "program" : Slash ? Slash + 1 : Argv[0];
  try {
    return run(Program, Argc, Argv);
  } catch (const std::exception &E) {
    return fail(Program, "error", E.what());
  }
}
