//===- embed.cpp - Embedding Kiln in a C++ application --------------------===//
//
// The smallest complete use of Kiln's public API, and nothing else: compile
// a module with an Engine (which caches compiled code), instantiate it in a
// Store with a host function as its import, call exports with typed values,
// and see a trap come back as a value instead of crashing the program.
//
//===----------------------------------------------------------------------===//
#include "kiln/Engine/Engine.h"
#include "kiln/Runtime/HostFunction.h"
#include "kiln/Runtime/Imports.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/Store.h"
#include "kiln/Text/Parser.h"
#include "kiln/Wasm/Encoder.h"

#include <cstdio>
#include <cstdlib>

namespace {

/// The plugin: reports Fibonacci numbers to its host and divides integers.
constexpr const char *PluginSource = R"wat(
(module
  (import "host" "report" (func $report (param i32 i64)))
  (func (export "fibonacci") (param $n i32)
    (local $i i32) (local $a i64) (local $b i64)
    (local.set $b (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (call $report (local.get $i) (local.get $a))
        (local.set $b (i64.add (local.get $a) (local.tee $a (local.get $b))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))
  (func (export "divide") (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1))))
)wat";

[[noreturn]] void die(const std::string &Message) {
  std::fprintf(stderr, "embed: %s\n", Message.c_str());
  std::exit(1);
}

/// Calls `divide(A, B)` and prints the quotient or the trap.
void divide(kiln::runtime::Instance &Plugin, int32_t A, int32_t B) {
  using kiln::runtime::Value;
  const Value Args[] = {Value::i32(static_cast<uint32_t>(A)), Value::i32(static_cast<uint32_t>(B))};
  auto Result = Plugin.call("divide", Args);
  if (!Result)
    die(Result.error().format());
  if (!*Result) {
    std::printf("divide(%d, %d) trapped: %s\n", A, B, Result->error().Message.c_str());
    return;
  }
  std::printf("divide(%d, %d) = %d\n", A, B, static_cast<int32_t>((**Result)[0].i32()));
}

} // namespace

int main() {
  using namespace kiln;

  // 1. A module's bytes. Here from text; an application would usually read
  //    a .wasm file.
  auto Parsed = text::parseModule(PluginSource);
  if (!Parsed)
    die(Parsed.error().format("plugin.wat"));
  std::vector<uint8_t> Bytes = wasm::encodeModule(*Parsed);

  // 2. An Engine compiles (once per distinct module and settings) and may be
  //    shared by many threads.
  auto Engine = engine::Engine::create();
  if (!Engine)
    die(Engine.error().format());
  auto Compiled = Engine->compile(Bytes);
  if (!Compiled)
    die(Compiled.error().format("plugin.wasm"));

  // 3. A host function: a C++ callable with a Wasm signature.
  using wasm::ValType;
  auto Report = runtime::HostFunction::create(
      wasm::FuncType{{ValType::I32, ValType::I64}, {}},
      [](std::span<const runtime::Value> Args, std::span<runtime::Value>) -> runtime::TrapOr<void> {
        std::printf("fib(%u) = %llu\n", Args[0].i32(), static_cast<unsigned long long>(Args[1].i64()));
        return {};
      });
  runtime::Imports Imports;
  Imports.define("host", "report", runtime::Function::host(Report));

  // 4. A Store owns instances; use one per thread.
  runtime::Store Store;
  auto Instantiated = Store.instantiate(*Compiled, Imports);
  if (!Instantiated)
    die(Instantiated.error().format());
  if (!*Instantiated)
    die("instantiation trapped: " + Instantiated->error().Message);
  runtime::Instance &Plugin = ***Instantiated;

  // 5. Calls with typed values; traps are results, not crashes.
  const runtime::Value Ten[] = {runtime::Value::i32(10)};
  if (auto Done = Plugin.call("fibonacci", Ten); !Done || !*Done)
    die("fibonacci failed");
  divide(Plugin, 7, 2);
  divide(Plugin, 1, 0);
  divide(Plugin, INT32_MIN, -1);
  std::printf("compiled modules in the cache: %llu\n",
              static_cast<unsigned long long>(Engine->cache().statistics().Entries));
  return 0;
}
