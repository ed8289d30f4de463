//===- CacheBench.cpp - Latencies of the compiled-module cache ------------===//
//
// Three measurements (docs/Cache.md, "Benchmark"), printed as plain numbers
// and ratios; nothing is asserted about times:
//  (a) hits: latency and throughput of Engine::compile for a module already
//      in memory, at 1, 2, 4 and 8 threads;
//  (b) one miss, many callers: N threads ask at once for a module nobody
//      compiled yet; the wall time against one compile alone (about 1 means
//      the callers shared one compile);
//  (c) the disk: loading a stored artifact in a fresh Engine (another
//      process, in effect) against compiling it.
//
// usage: kiln-cache-bench [--functions N] [--module FILE.wasm] [--seconds S]
//                         [--rounds R]
//
//===----------------------------------------------------------------------===//
#include "SyntheticModule.h"

#include "kiln/Engine/Engine.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/Store.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

using namespace kiln;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  uint32_t Functions = 150;
  std::string ModulePath;
  double Seconds = 1.0;
  int Rounds = 3;
};

double millisecondsSince(Clock::time_point Start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - Start).count();
}

double median(std::vector<double> Values) {
  std::sort(Values.begin(), Values.end());
  return Values[Values.size() / 2];
}

[[noreturn]] void die(const std::string &Message) {
  std::fprintf(stderr, "kiln-cache-bench: %s\n", Message.c_str());
  std::exit(2);
}

engine::Engine makeEngine(std::optional<std::string> DiskFolder = std::nullopt) {
  engine::Config Settings;
  Settings.DiskCacheDirectory = std::move(DiskFolder);
  auto Created = engine::Engine::create(Settings);
  if (!Created)
    die(Created.error().format());
  return std::move(*Created);
}

std::shared_ptr<const runtime::CompiledModule> compileOrDie(engine::Engine &E,
                                                            const std::vector<uint8_t> &Bytes) {
  auto Module = E.compile(Bytes);
  if (!Module)
    die(Module.error().format());
  return *Module;
}

/// (a) Every thread calls compile() on an already cached module for
/// `Seconds`; returns calls per second in total and mean latency in ns.
void measureHits(const std::vector<uint8_t> &Bytes, double Seconds) {
  engine::Engine E = makeEngine();
  compileOrDie(E, Bytes);
  std::printf("(a) cache hits, module of %zu bytes (each hit hashes the bytes: BLAKE3)\n",
              Bytes.size());
  std::printf("    threads  calls/s total  mean latency  throughput vs 1 thread\n");
  double Single = 0;
  for (int Threads : {1, 2, 4, 8}) {
    std::atomic<bool> Stop{false};
    std::atomic<uint64_t> Calls{0}, Failures{0};
    std::barrier Start(Threads + 1);
    std::vector<std::thread> Workers;
    for (int T = 0; T < Threads; ++T)
      Workers.emplace_back([&] {
        Start.arrive_and_wait();
        uint64_t Mine = 0;
        while (!Stop.load(std::memory_order_relaxed)) {
          if (!E.compile(Bytes))
            Failures.fetch_add(1);
          ++Mine;
        }
        Calls.fetch_add(Mine);
      });
    Start.arrive_and_wait();
    Clock::time_point Begin = Clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(Seconds));
    Stop = true;
    for (std::thread &W : Workers)
      W.join();
    double Elapsed = millisecondsSince(Begin) / 1000.0;
    double PerSecond = Calls / Elapsed;
    if (Threads == 1)
      Single = PerSecond;
    // Latency as each thread saw it: its share of the time per call.
    double LatencyNs = Threads * Elapsed * 1e9 / Calls;
    std::printf("    %7d  %13.0f  %9.0f ns  %.2fx%s\n", Threads, PerSecond, LatencyNs,
                PerSecond / Single, Failures ? "  (FAILURES)" : "");
  }
  engine::CacheStatistics S = E.cache().statistics();
  std::printf("    statistics: calls %llu, hits %llu, compiles %llu\n",
              (unsigned long long)S.Calls, (unsigned long long)S.Hits,
              (unsigned long long)S.CompilesStarted);
}

/// (b) N threads released together on one uncompiled module; each round a
/// fresh Engine (an empty cache). Returns nothing; prints medians.
void measureOneMissManyCallers(const std::vector<uint8_t> &Bytes, int Rounds) {
  std::printf("(b) N threads ask at once for one module nobody has compiled\n");
  std::printf("    threads  wall ms (median of %d)  vs one compile  compiles\n", Rounds);
  double Alone = 0;
  for (int Threads : {1, 2, 4, 8}) {
    std::vector<double> Walls;
    uint64_t Compiles = 0;
    for (int R = 0; R < Rounds; ++R) {
      engine::Engine E = makeEngine();
      std::barrier Start(Threads + 1);
      std::vector<std::thread> Workers;
      for (int T = 0; T < Threads; ++T)
        Workers.emplace_back([&] {
          Start.arrive_and_wait();
          compileOrDie(E, Bytes);
        });
      Start.arrive_and_wait();
      Clock::time_point Begin = Clock::now();
      for (std::thread &W : Workers)
        W.join();
      Walls.push_back(millisecondsSince(Begin));
      Compiles = std::max(Compiles, E.cache().statistics().CompilesStarted);
    }
    double Wall = median(Walls);
    if (Threads == 1)
      Alone = Wall;
    std::printf("    %7d  %20.1f  %13.2fx  %8llu\n", Threads, Wall, Wall / Alone,
                (unsigned long long)Compiles);
  }
}

/// (c) Disk: a miss (AOT compile, store), then fresh Engines loading it,
/// against the JIT compile an Engine without a disk cache does.
/// `CallRun`: the module exports "run" (the synthetic one does); it is
/// called once from the loaded code as a check.
void measureDisk(const std::vector<uint8_t> &Bytes, int Rounds, bool CallRun) {
  std::string Folder = (std::filesystem::temp_directory_path() /
                        ("kiln-cache-bench-" + std::to_string(getpid())))
                           .string();
  std::vector<double> Jit, Store, Load;
  for (int R = 0; R < Rounds; ++R) {
    std::filesystem::remove_all(Folder);
    engine::Engine Plain = makeEngine();
    Clock::time_point Begin = Clock::now();
    compileOrDie(Plain, Bytes);
    Jit.push_back(millisecondsSince(Begin));

    engine::Engine Writer = makeEngine(Folder);
    Begin = Clock::now();
    compileOrDie(Writer, Bytes);
    Store.push_back(millisecondsSince(Begin));

    engine::Engine Reader = makeEngine(Folder);
    Begin = Clock::now();
    auto Loaded = compileOrDie(Reader, Bytes);
    Load.push_back(millisecondsSince(Begin));
    if (Reader.diskCache()->statistics().Hits != 1 || Writer.diskCache()->statistics().Stores != 1)
      die("the disk cache did not store and reload the module");
    runtime::Store S;
    auto Instance = S.instantiate(Loaded, runtime::Imports());
    if (!Instance || !*Instance)
      die("the module loaded from the disk does not instantiate");
    if (CallRun) {
      std::vector<runtime::Value> Args = {runtime::Value::i32(7)};
      auto Ran = (**Instance)->call("run", Args);
      if (!Ran || !*Ran)
        die("the module loaded from the disk does not run");
    }
  }
  std::filesystem::remove_all(Folder);
  double JitMs = median(Jit), StoreMs = median(Store), LoadMs = median(Load);
  std::printf("(c) disk cache (median of %d)\n", Rounds);
  std::printf("    JIT compile, no disk cache      %9.2f ms\n", JitMs);
  std::printf("    disk miss: AOT compile + store  %9.2f ms  (%.2fx the JIT compile)\n", StoreMs,
              StoreMs / JitMs);
  std::printf("    disk hit: verify + load         %9.2f ms  (%.3fx the JIT compile, %.1fx "
              "faster)\n",
              LoadMs, LoadMs / JitMs, JitMs / LoadMs);
}

Options parseOptions(int Argc, char **Argv) {
  Options O;
  for (int I = 1; I < Argc; ++I) {
    std::string Arg = Argv[I];
    auto Value = [&]() -> std::string {
      if (I + 1 >= Argc)
        die(Arg + " wants a value");
      return Argv[++I];
    };
    if (Arg == "--functions")
      O.Functions = std::max(1, std::atoi(Value().c_str()));
    else if (Arg == "--module")
      O.ModulePath = Value();
    else if (Arg == "--seconds")
      O.Seconds = std::atof(Value().c_str());
    else if (Arg == "--rounds")
      O.Rounds = std::max(1, std::atoi(Value().c_str()));
    else
      die("usage: kiln-cache-bench [--functions N] [--module FILE.wasm] [--seconds S] "
          "[--rounds R]");
  }
  return O;
}

} // namespace

int main(int Argc, char **Argv) {
  Options O = parseOptions(Argc, Argv);
  std::vector<uint8_t> Bytes;
  if (O.ModulePath.empty()) {
    Bytes = bench::syntheticModule(O.Functions, 1);
    std::printf("module: synthetic, %u functions, %zu bytes\n", O.Functions, Bytes.size());
  } else {
    std::ifstream In(O.ModulePath, std::ios::binary);
    if (!In)
      die("cannot read " + O.ModulePath);
    Bytes.assign(std::istreambuf_iterator<char>(In), {});
    std::printf("module: %s, %zu bytes\n", O.ModulePath.c_str(), Bytes.size());
  }
  std::printf("hardware threads: %u\n\n", std::thread::hardware_concurrency());
  measureHits(Bytes, O.Seconds);
  std::printf("\n");
  measureOneMissManyCallers(Bytes, O.Rounds);
  std::printf("\n");
  measureDisk(Bytes, O.Rounds, /*CallRun=*/O.ModulePath.empty());
  return 0;
}
