//===- LinkedInstance.cpp - The C API of kiln/linked.h --------------------===//
//
// One kiln_instance owns a Store, so separate instances share nothing but
// the (immutable) compiled module and may run on separate threads. Failures
// are kept on the instance rather than in a global, which keeps the API
// thread-safe without thread-local state.
//
//===----------------------------------------------------------------------===//
#include "kiln/linked.h"

#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/LinkedModule.h"
#include "kiln/Runtime/Store.h"
#include "kiln/WASI/WasiContext.h"

#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

using namespace kiln;

struct kiln_instance {
  std::string Message;
  std::optional<uint32_t> ExitCode;
  // Declared before the Store: the Store's host functions refer to it, so
  // it must be destroyed after the Store.
  std::unique_ptr<wasi::WasiContext> Wasi;
  runtime::Store Store;
  runtime::Instance *Instance = nullptr;

  int fail(int Status, std::string Why) {
    Message = std::move(Why);
    return Status;
  }
};

namespace {

wasi::WasiConfig toWasiConfig(const kiln_wasi_config *C, const char *Name) {
  wasi::WasiConfig Config;
  if (!C) {
    Config.Args.emplace_back(Name ? Name : "module");
    return Config;
  }
  for (int Index = 0; Index < C->argc; ++Index)
    Config.Args.emplace_back(C->argv[Index]);
  for (const char *const *Entry = C->envp; Entry && *Entry; ++Entry)
    Config.Env.emplace_back(*Entry);
  for (size_t Index = 0; Index < C->preopen_count; ++Index)
    Config.Preopens.push_back({C->preopen_host[Index], C->preopen_guest[Index]});
  return Config;
}

runtime::LinkedModuleSymbols toSymbols(const kiln_linked_module &M) {
  runtime::LinkedModuleSymbols S;
  S.HeaderBegin = M.header_begin;
  S.HeaderEnd = M.header_end;
  S.Functions = M.functions;
  S.Entries = M.entries;
  S.HostAdapters = M.host_adapters;
  S.CodeBegin = M.code_begin;
  S.CodeEnd = M.code_end;
  return S;
}

int instantiateInto(kiln_instance &I, const kiln_linked_module &Module, const char *Name,
                    const kiln_wasi_config *WasiConfig) {
  auto Compiled = runtime::loadLinkedModule(toSymbols(Module));
  if (!Compiled)
    return I.fail(KILN_ERROR, Compiled.error().message());
  runtime::Imports Imports;
  if (wasi::WasiContext::isImportedBy((*Compiled)->module())) {
    auto Created = wasi::WasiContext::create(toWasiConfig(WasiConfig, Name));
    if (!Created)
      return I.fail(KILN_ERROR, Created.error().message());
    I.Wasi = std::move(*Created);
    I.Wasi->defineImports(Imports);
  }
  // Anything but WASI stays undefined: the runtime names the first such
  // import ("unknown import ...").
  auto Instantiated = I.Store.instantiate(*Compiled, Imports);
  if (!Instantiated)
    return I.fail(KILN_ERROR, Instantiated.error().message());
  if (!*Instantiated)
    return I.fail(KILN_TRAP, "trap during instantiation: " + Instantiated->error().Message);
  I.Instance = **Instantiated;
  if (I.Wasi) {
    if (auto Bound = I.Wasi->bindInstance(*I.Instance); !Bound) {
      I.Instance = nullptr;
      return I.fail(KILN_ERROR, Bound.error().message());
    }
  }
  return KILN_OK;
}

runtime::Value toValue(wasm::ValType Type, const kiln_value &V) {
  switch (Type) {
  case wasm::ValType::I64: return runtime::Value::i64(static_cast<uint64_t>(V.i64));
  case wasm::ValType::F32: return runtime::Value::f32(V.f32);
  case wasm::ValType::F64: return runtime::Value::f64(V.f64);
  default: return runtime::Value::i32(static_cast<uint32_t>(V.i32));
  }
}

kiln_value fromValue(const runtime::Value &V) {
  kiln_value Out{};
  switch (V.type()) {
  case wasm::ValType::I64: Out.i64 = static_cast<int64_t>(V.i64()); break;
  case wasm::ValType::F32: Out.f32 = V.f32(); break;
  case wasm::ValType::F64: Out.f64 = V.f64(); break;
  default: Out.i32 = static_cast<int32_t>(V.i32()); break;
  }
  return Out;
}

/// Only numeric signatures cross the C API (the generated header skips
/// the rest).
bool isNumeric(wasm::ValType Type) {
  return Type == wasm::ValType::I32 || Type == wasm::ValType::I64 || Type == wasm::ValType::F32 ||
         Type == wasm::ValType::F64;
}

int callExport(kiln_instance &I, const char *Name, const kiln_value *Args, size_t ArgCount,
               kiln_value *Results, size_t ResultCount) {
  if (!I.Instance) // Message still says why instantiation failed.
    return KILN_ERROR;
  auto Item = I.Instance->exportNamed(Name);
  if (!Item || !Item->function())
    return I.fail(KILN_ERROR, std::string("the module exports no function '") + Name + "'");
  const wasm::FuncType &Type = Item->function()->type();
  if (Type.Params.size() != ArgCount || Type.Results.size() != ResultCount)
    return I.fail(KILN_ERROR, std::string("'") + Name + "' takes " +
                                  std::to_string(Type.Params.size()) + " arguments and gives " +
                                  std::to_string(Type.Results.size()) + " results");
  std::vector<runtime::Value> Values;
  for (size_t Index = 0; Index < ArgCount; ++Index) {
    if (!isNumeric(Type.Params[Index]))
      return I.fail(KILN_ERROR, std::string("'") + Name + "' takes a non-numeric parameter");
    Values.push_back(toValue(Type.Params[Index], Args[Index]));
  }
  auto Result = I.Instance->call(Name, Values);
  if (!Result)
    return I.fail(KILN_ERROR, Result.error().message());
  // proc_exit stops the program with a trap; the recorded code tells them apart.
  if (I.Wasi && I.Wasi->exitCode()) {
    I.ExitCode = I.Wasi->exitCode();
    return I.fail(KILN_EXIT, "the program exited with code " + std::to_string(*I.ExitCode));
  }
  if (!*Result)
    return I.fail(KILN_TRAP, (*Result).error().Message);
  for (size_t Index = 0; Index < ResultCount; ++Index)
    Results[Index] = fromValue((**Result)[Index]);
  I.Message.clear();
  return KILN_OK;
}

} // namespace

extern "C" {

int kiln_instantiate(const kiln_linked_module *Module, const char *Name,
                     const kiln_wasi_config *Wasi, kiln_instance **Out) {
  *Out = new (std::nothrow) kiln_instance();
  if (!*Out)
    return KILN_ERROR;
  try {
    return instantiateInto(**Out, *Module, Name, Wasi);
  } catch (const std::exception &E) {
    (*Out)->Instance = nullptr;
    return (*Out)->fail(KILN_ERROR, E.what());
  }
}

void kiln_instance_free(kiln_instance *Instance) { delete Instance; }

int kiln_instance_call(kiln_instance *Instance, const char *ExportName, const kiln_value *Args,
                       size_t ArgCount, kiln_value *Results, size_t ResultCount) {
  if (!Instance)
    return KILN_ERROR;
  try {
    return callExport(*Instance, ExportName, Args, ArgCount, Results, ResultCount);
  } catch (const std::exception &E) {
    return Instance->fail(KILN_ERROR, E.what());
  }
}

const char *kiln_instance_message(const kiln_instance *Instance) {
  // Null only when kiln_instantiate could not allocate the instance.
  return Instance ? Instance->Message.c_str() : "out of memory";
}

int kiln_instance_exit_code(const kiln_instance *Instance) {
  return Instance && Instance->ExitCode ? static_cast<int>(*Instance->ExitCode) : -1;
}

} // extern "C"
