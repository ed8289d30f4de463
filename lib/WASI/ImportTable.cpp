//===- ImportTable.cpp - The preview1 functions as host functions ---------===//
//
// Every WASI function is an `Errno f(State &, GuestMemory, u32/u64...)`;
// `defineFunction` derives the Wasm type from those parameter types, so a
// signature cannot disagree with the implementation.
//
//===----------------------------------------------------------------------===//
#include "kiln/WASI/WasiContext.h"

#include "Functions.h"

#include "kiln/Runtime/HostFunction.h"
#include "kiln/Runtime/Imports.h"

#include <string>
#include <utility>

namespace kiln::wasi {
namespace {

using runtime::TrapOr;
using runtime::Value;

template <typename T> constexpr wasm::ValType valTypeOf() {
  static_assert(std::is_same_v<T, uint32_t> || std::is_same_v<T, uint64_t>);
  return sizeof(T) == 8 ? wasm::ValType::I64 : wasm::ValType::I32;
}

template <typename T> T argumentAs(const Value &V) {
  if constexpr (sizeof(T) == 8)
    return V.i64();
  else
    return V.i32();
}

template <typename... Ts, size_t... Is>
Errno callWith(Errno (*Fn)(detail::State &, const GuestMemory &, Ts...), detail::State &S,
               [[maybe_unused]] std::span<const Value> Args, std::index_sequence<Is...>) {
  // [[maybe_unused]]: a call without parameters expands to no use of Args.
  // The memory is looked up per call: it may have grown since the last one.
  GuestMemory M(S.Memory);
  return Fn(S, M, argumentAs<Ts>(Args[Is])...);
}

template <typename... Ts>
void defineFunction(runtime::Imports &Into, detail::State &S, const char *Name,
                    Errno (*Fn)(detail::State &, const GuestMemory &, Ts...)) {
  wasm::FuncType Type{{valTypeOf<Ts>()...}, {wasm::ValType::I32}};
  auto Callback = [&S, Fn](std::span<const Value> Args, std::span<Value> Results) -> TrapOr<void> {
    Errno E = callWith(Fn, S, Args, std::index_sequence_for<Ts...>{});
    Results[0] = Value::i32(static_cast<uint32_t>(E));
    return {};
  };
  Into.define(std::string(WasiContext::ModuleName), Name,
              runtime::Function::host(runtime::HostFunction::create(std::move(Type), Callback)));
}

/// proc_exit returns nothing: it records the code and unwinds the whole
/// call with a host trap, which is how the code reaches the embedder.
void defineProcExit(runtime::Imports &Into, detail::State &S) {
  wasm::FuncType Type{{wasm::ValType::I32}, {}};
  auto Callback = [&S](std::span<const Value> Args, std::span<Value>) -> TrapOr<void> {
    S.ExitCode = Args[0].i32();
    return std::unexpected(
        runtime::Trap::host("wasi proc_exit(" + std::to_string(*S.ExitCode) + ")"));
  };
  Into.define(std::string(WasiContext::ModuleName), "proc_exit",
              runtime::Function::host(runtime::HostFunction::create(std::move(Type), Callback)));
}

} // namespace

void WasiContext::defineImports(runtime::Imports &Into) {
  detail::State &St = *S;
  auto Define = [&](const char *Name, auto Fn) { defineFunction(Into, St, Name, Fn); };
  Define("args_get", fn::argsGet);
  Define("args_sizes_get", fn::argsSizesGet);
  Define("environ_get", fn::environGet);
  Define("environ_sizes_get", fn::environSizesGet);
  Define("clock_res_get", fn::clockResGet);
  Define("clock_time_get", fn::clockTimeGet);
  Define("random_get", fn::randomGet);
  Define("sched_yield", fn::schedYield);
  Define("fd_read", fn::fdRead);
  Define("fd_write", fn::fdWrite);
  Define("fd_pread", fn::fdPread);
  Define("fd_pwrite", fn::fdPwrite);
  Define("fd_seek", fn::fdSeek);
  Define("fd_tell", fn::fdTell);
  Define("fd_close", fn::fdClose);
  Define("fd_sync", fn::fdSync);
  Define("fd_datasync", fn::fdDatasync);
  Define("fd_advise", fn::fdAdvise);
  Define("fd_allocate", fn::fdAllocate);
  Define("fd_renumber", fn::fdRenumber);
  Define("fd_fdstat_get", fn::fdFdstatGet);
  Define("fd_fdstat_set_flags", fn::fdFdstatSetFlags);
  Define("fd_fdstat_set_rights", fn::fdFdstatSetRights);
  Define("fd_filestat_get", fn::fdFilestatGet);
  Define("fd_filestat_set_size", fn::fdFilestatSetSize);
  Define("fd_filestat_set_times", fn::fdFilestatSetTimes);
  Define("fd_prestat_get", fn::fdPrestatGet);
  Define("fd_prestat_dir_name", fn::fdPrestatDirName);
  Define("fd_readdir", fn::fdReaddir);
  Define("path_open", fn::pathOpen);
  Define("path_create_directory", fn::pathCreateDirectory);
  Define("path_remove_directory", fn::pathRemoveDirectory);
  Define("path_unlink_file", fn::pathUnlinkFile);
  Define("path_rename", fn::pathRename);
  Define("path_filestat_get", fn::pathFilestatGet);
  Define("path_filestat_set_times", fn::pathFilestatSetTimes);
  Define("path_readlink", fn::pathReadlink);
  Define("path_symlink", fn::pathSymlink);
  Define("path_link", fn::pathLink);
  Define("poll_oneoff", fn::pollOneoff);
  defineProcExit(Into, St);
}

} // namespace kiln::wasi
