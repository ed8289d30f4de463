//===- SpectestModule.cpp - The spectest host module ----------------------===//
#include "SpectestModule.h"

#include "kiln/Runtime/HostFunction.h"

namespace kiln::cli {

using namespace kiln::runtime;
using wasm::ValType;

namespace {
/// A print function: accepts its arguments and returns nothing.
std::shared_ptr<HostFunction> printFunction(std::vector<ValType> Params) {
  return HostFunction::create(wasm::FuncType{std::move(Params), {}},
                              [](std::span<const Value>, std::span<Value>) -> TrapOr<void> {
                                return {};
                              });
}
} // namespace

Expected<void> defineSpectest(Store &Owner, Imports &Into) {
  const std::pair<const char *, std::vector<ValType>> Prints[] = {
      {"print", {}},
      {"print_i32", {ValType::I32}},
      {"print_i64", {ValType::I64}},
      {"print_f32", {ValType::F32}},
      {"print_f64", {ValType::F64}},
      {"print_i32_f32", {ValType::I32, ValType::F32}},
      {"print_f64_f64", {ValType::F64, ValType::F64}},
  };
  for (const auto &[Name, Params] : Prints)
    Into.define("spectest", Name, Function::host(printFunction(Params)));

  const std::pair<const char *, Value> Globals[] = {
      {"global_i32", Value::i32(666)},
      {"global_i64", Value::i64(666)},
      {"global_f32", Value::f32(666.6f)},
      {"global_f64", Value::f64(666.6)},
  };
  for (const auto &[Name, Init] : Globals) {
    auto G = Owner.createGlobal(wasm::GlobalType{Init.type(), false}, Init);
    if (!G)
      return forwardError(G);
    Into.define("spectest", Name, *G);
  }

  auto Table = Owner.createTable(wasm::TableType{ValType::FuncRef, wasm::Limits{10, 20}},
                                 Value::null(ValType::FuncRef));
  if (!Table)
    return forwardError(Table);
  Into.define("spectest", "table", *Table);

  auto Memory = Owner.createMemory(wasm::MemoryType{wasm::Limits{1, 2}});
  if (!Memory)
    return forwardError(Memory);
  Into.define("spectest", "memory", *Memory);
  return {};
}

} // namespace kiln::cli
