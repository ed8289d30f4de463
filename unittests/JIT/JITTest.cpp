//===- JITTest.cpp - Compile, instantiate and call through the JIT --------===//
#include "TestModule.h"

#include "kiln/JIT/JIT.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/Store.h"
#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Validator.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <iterator>
#include <thread>

namespace kiln::jit {
namespace {

using runtime::Value;
using abi::TrapCode;

std::shared_ptr<const wasm::Module> decodeTestModule() {
  auto Decoded = wasm::decodeModule(test::TestModuleBytes);
  EXPECT_TRUE(Decoded) << Decoded.error().format();
  EXPECT_TRUE(wasm::validateModule(*Decoded));
  return std::make_shared<const wasm::Module>(std::move(*Decoded));
}

/// One way of compiling the test module; every test runs with each.
struct Variant {
  const char *Name;
  codegen::OptLevel Level;
  translate::BoundsChecks Checks;
  bool FramePointers;
  /// DWARF, registered with the GDB JIT interface.
  bool Debugging = false;
};

constexpr Variant Variants[] = {
    {"O0", codegen::OptLevel::O0, translate::BoundsChecks::GuardPages, false},
    {"O2", codegen::OptLevel::O2, translate::BoundsChecks::GuardPages, false},
    {"O2_explicit_checks", codegen::OptLevel::O2, translate::BoundsChecks::Explicit, false},
    {"O3_frame_pointers", codegen::OptLevel::O3, translate::BoundsChecks::GuardPages, true},
    {"O1_debugging", codegen::OptLevel::O1, translate::BoundsChecks::GuardPages, false, true},
};

std::shared_ptr<const runtime::CompiledModule> compileTestModule(const Variant &V) {
  JITOptions Options;
  Options.Level = V.Level;
  Options.MemoryBoundsChecks = V.Checks;
  Options.FramePointers = V.FramePointers;
  Options.DebugInfo = V.Debugging;
  Options.DebuggerSupport = V.Debugging;
  auto Compiled = compileModule(decodeTestModule(), Options);
  EXPECT_TRUE(Compiled) << Compiled.error().format();
  return Compiled ? *Compiled : nullptr;
}

/// One instance of the test module in its own store, with `host_mul`.
class Harness {
public:
  explicit Harness(std::shared_ptr<const runtime::CompiledModule> Compiled) {
    wasm::FuncType BinOp{{wasm::ValType::I32, wasm::ValType::I32}, {wasm::ValType::I32}};
    auto HostMul = runtime::HostFunction::create(
        BinOp, [](std::span<const Value> Args, std::span<Value> Results) -> runtime::TrapOr<void> {
          if (Args[1].i32() == 0)
            return std::unexpected(runtime::Trap::host("host refuses zero"));
          Results[0] = Value::i32(Args[0].i32() * Args[1].i32());
          return {};
        });
    runtime::Imports Imports;
    Imports.define("env", "host_mul", runtime::Function::host(HostMul));
    auto Instantiated = TheStore.instantiate(std::move(Compiled), Imports);
    EXPECT_TRUE(Instantiated) << Instantiated.error().format();
    if (Instantiated && *Instantiated)
      Inst = **Instantiated;
  }

  runtime::TrapOr<std::vector<Value>> call(std::string_view Name, std::vector<Value> Args) {
    auto Result = Inst->call(Name, Args);
    EXPECT_TRUE(Result) << Result.error().format();
    return Result ? *Result : std::unexpected(runtime::Trap::host("call failed"));
  }
  uint32_t callI32(std::string_view Name, std::vector<Value> Args) {
    auto Result = call(Name, std::move(Args));
    EXPECT_TRUE(Result) << (Result ? "" : Result.error().Message);
    return Result && !Result->empty() ? (*Result)[0].i32() : 0xdeadbeef;
  }
  TrapCode trapOf(std::string_view Name, std::vector<Value> Args) {
    auto Result = call(Name, std::move(Args));
    return Result ? TrapCode::None : Result.error().Code;
  }

  runtime::Store TheStore;
  runtime::Instance *Inst = nullptr;
};

class JITTest : public ::testing::TestWithParam<size_t> {
protected:
  static void SetUpTestSuite() {
    for (size_t Index = 0; Index < std::size(Variants); ++Index)
      Compiled[Index] = compileTestModule(Variants[Index]);
  }
  static void TearDownTestSuite() {
    for (auto &Module : Compiled)
      Module.reset();
  }
  std::shared_ptr<const runtime::CompiledModule> compiled() { return Compiled[GetParam()]; }
  static inline std::shared_ptr<const runtime::CompiledModule> Compiled[std::size(Variants)];
};

TEST_P(JITTest, Arithmetic) {
  Harness H(compiled());
  ASSERT_NE(H.Inst, nullptr);
  EXPECT_EQ(H.callI32("add", {Value::i32(2), Value::i32(40)}), 42u);
  EXPECT_EQ(H.callI32("div_s", {Value::i32(-7), Value::i32(2)}), static_cast<uint32_t>(-3));
  EXPECT_EQ(H.callI32("rem_s", {Value::i32(0x80000000), Value::i32(-1)}), 0u);
  EXPECT_EQ(H.callI32("shl", {Value::i32(1), Value::i32(33)}), 2u);
  auto Fac = H.call("fac", {Value::i64(20)});
  ASSERT_TRUE(Fac);
  EXPECT_EQ((*Fac)[0].i64(), 2432902008176640000ull);
  auto Clz = H.call("clz", {Value::i64(0)});
  ASSERT_TRUE(Clz);
  EXPECT_EQ((*Clz)[0].i64(), 64u);
  EXPECT_EQ(H.callI32("sum", {Value::i32(100)}), 5050u);
  EXPECT_EQ(H.callI32("switch", {Value::i32(0)}), 10u);
  EXPECT_EQ(H.callI32("switch", {Value::i32(1)}), 20u);
  EXPECT_EQ(H.callI32("switch", {Value::i32(7)}), 30u);
  EXPECT_EQ(H.callI32("even", {Value::i32(10001)}), 0u);
}

TEST_P(JITTest, FloatsAndConversions) {
  Harness H(compiled());
  ASSERT_NE(H.Inst, nullptr);
  auto Min = H.call("fmin", {Value::f32(-0.0f), Value::f32(0.0f)});
  ASSERT_TRUE(Min);
  EXPECT_EQ((*Min)[0].f32Bits(), 0x80000000u);
  auto NaNMin = H.call("fmin", {Value::f32Bits(0x7fc00000), Value::f32(1.0f)});
  ASSERT_TRUE(NaNMin);
  EXPECT_TRUE(std::isnan((*NaNMin)[0].f32()));
  auto Nearest = H.call("nearest", {Value::f64(2.5)});
  ASSERT_TRUE(Nearest);
  EXPECT_EQ((*Nearest)[0].f64(), 2.0);
  EXPECT_EQ(H.callI32("trunc", {Value::f64(-2147483648.9)}), 0x80000000u);
  EXPECT_EQ(H.trapOf("trunc", {Value::f64(2147483648.0)}), TrapCode::IntegerOverflow);
  EXPECT_EQ(H.trapOf("trunc", {Value::f64(NAN)}), TrapCode::InvalidConversionToInteger);
  EXPECT_EQ(H.callI32("trunc_sat", {Value::f64(1e300)}), 0x7fffffffu);
  EXPECT_EQ(H.callI32("trunc_sat", {Value::f64(NAN)}), 0u);
}

TEST_P(JITTest, MultipleResultsAndGlobals) {
  Harness H(compiled());
  ASSERT_NE(H.Inst, nullptr);
  auto Multi = H.call("multi", {Value::i32(-5)});
  ASSERT_TRUE(Multi);
  ASSERT_EQ(Multi->size(), 3u);
  EXPECT_EQ((*Multi)[0].i32(), static_cast<uint32_t>(-5));
  EXPECT_EQ((*Multi)[1].i64(), static_cast<uint64_t>(-5));
  EXPECT_EQ((*Multi)[2].f64(), -5.0);
  auto First = H.call("bump", {});
  auto Second = H.call("bump", {});
  ASSERT_TRUE(First && Second);
  EXPECT_EQ((*First)[0].i64(), 8u);
  EXPECT_EQ((*Second)[0].i64(), 9u);
}

TEST_P(JITTest, Traps) {
  Harness H(compiled());
  ASSERT_NE(H.Inst, nullptr);
  EXPECT_EQ(H.trapOf("div_s", {Value::i32(1), Value::i32(0)}), TrapCode::IntegerDivideByZero);
  EXPECT_EQ(H.trapOf("div_s", {Value::i32(0x80000000), Value::i32(-1)}),
            TrapCode::IntegerOverflow);
  EXPECT_EQ(H.trapOf("unreachable", {}), TrapCode::Unreachable);
  // The division's result is unused, yet it must trap at every level.
  EXPECT_EQ(H.trapOf("dead_div", {Value::i32(1), Value::i32(0)}), TrapCode::IntegerDivideByZero);
  EXPECT_EQ(H.trapOf("runaway", {}), TrapCode::CallStackExhausted);
  // The thread goes on working after exhausting its stack.
  EXPECT_EQ(H.callI32("add", {Value::i32(1), Value::i32(1)}), 2u);
}

TEST_P(JITTest, MemoryFaultsTrap) {
  Harness H(compiled());
  ASSERT_NE(H.Inst, nullptr);
  EXPECT_EQ(H.callI32("load", {Value::i32(65532)}), 0u);
  EXPECT_EQ(H.trapOf("load", {Value::i32(65533)}), TrapCode::OutOfBoundsMemoryAccess);
  EXPECT_EQ(H.trapOf("load", {Value::i32(0xffffffff)}), TrapCode::OutOfBoundsMemoryAccess);
  // Unused loads are kept: they still fault.
  EXPECT_EQ(H.trapOf("load_unused", {Value::i32(65536)}), TrapCode::OutOfBoundsMemoryAccess);
  EXPECT_EQ(H.trapOf("load_times_zero", {Value::i32(65536)}),
            TrapCode::OutOfBoundsMemoryAccess);
  // The largest address and offset land in the guard region, not beyond.
  EXPECT_EQ(H.trapOf("load_far", {Value::i32(0xffffffff)}), TrapCode::OutOfBoundsMemoryAccess);
  EXPECT_EQ(H.trapOf("fill", {Value::i32(65000), Value::i32(1), Value::i32(1000)}),
            TrapCode::OutOfBoundsMemoryAccess);
}

TEST_P(JITTest, GrownMemoryBoundary) {
  Harness H(compiled());
  ASSERT_NE(H.Inst, nullptr);
  EXPECT_EQ(H.trapOf("store8", {Value::i32(65536), Value::i32(1)}),
            TrapCode::OutOfBoundsMemoryAccess);
  EXPECT_EQ(H.callI32("grow", {Value::i32(1)}), 1u);
  EXPECT_EQ(H.callI32("size", {}), 2u);
  // The last byte of the grown memory is writable, one further traps.
  EXPECT_EQ(H.trapOf("store8", {Value::i32(131071), Value::i32(7)}), TrapCode::None);
  EXPECT_EQ(H.trapOf("store8", {Value::i32(131072), Value::i32(7)}),
            TrapCode::OutOfBoundsMemoryAccess);
  EXPECT_EQ(H.callI32("grow", {Value::i32(5)}), 0xffffffffu);
}

TEST_P(JITTest, IndirectCallsAndHostFunctions) {
  Harness H(compiled());
  ASSERT_NE(H.Inst, nullptr);
  EXPECT_EQ(H.callI32("dispatch", {Value::i32(0), Value::i32(9), Value::i32(4)}), 13u);
  EXPECT_EQ(H.callI32("dispatch", {Value::i32(1), Value::i32(9), Value::i32(4)}), 5u);
  EXPECT_EQ(H.trapOf("dispatch", {Value::i32(2), Value::i32(9), Value::i32(4)}),
            TrapCode::UninitializedElement);
  EXPECT_EQ(H.trapOf("dispatch", {Value::i32(3), Value::i32(9), Value::i32(4)}),
            TrapCode::UndefinedElement);
  EXPECT_EQ(H.trapOf("dispatch_wrong_type", {Value::i32(0)}),
            TrapCode::IndirectCallTypeMismatch);
  EXPECT_EQ(H.callI32("table_set_get", {Value::i32(1)}), 5u);
  EXPECT_EQ(H.trapOf("table_set_get", {Value::i32(3)}), TrapCode::OutOfBoundsTableAccess);
  EXPECT_EQ(H.callI32("call_host", {Value::i32(6), Value::i32(7)}), 43u);
  auto Refused = H.call("call_host", {Value::i32(6), Value::i32(0)});
  ASSERT_FALSE(Refused);
  EXPECT_EQ(Refused.error().Code, TrapCode::HostTrap);
  EXPECT_EQ(Refused.error().Message, "host refuses zero");
}

TEST_P(JITTest, ManyThreadsShareOneCompiledModule) {
  std::shared_ptr<const runtime::CompiledModule> Module = compiled();
  std::atomic<int> Failures{0};
  std::vector<std::thread> Threads;
  for (int Thread = 0; Thread < 8; ++Thread)
    Threads.emplace_back([&, Thread] {
      Harness H(Module);
      for (int Round = 0; Round < 50; ++Round) {
        if (H.callI32("add", {Value::i32(Thread), Value::i32(Round)}) !=
            static_cast<uint32_t>(Thread + Round))
          ++Failures;
        if (H.trapOf("load", {Value::i32(70000)}) != TrapCode::OutOfBoundsMemoryAccess)
          ++Failures;
      }
    });
  for (std::thread &T : Threads)
    T.join();
  EXPECT_EQ(Failures.load(), 0);
}

INSTANTIATE_TEST_SUITE_P(Variants, JITTest, ::testing::Range<size_t>(0, std::size(Variants)),
                         [](const ::testing::TestParamInfo<size_t> &Info) {
                           return std::string(Variants[Info.param].Name);
                         });

TEST(JITCompileTest, CompilesConcurrently) {
  std::shared_ptr<const wasm::Module> Module = decodeTestModule();
  std::atomic<int> Failures{0};
  std::vector<std::thread> Threads;
  for (int Thread = 0; Thread < 4; ++Thread)
    Threads.emplace_back([&] {
      auto Compiled = compileModule(Module);
      if (!Compiled) {
        ++Failures;
        return;
      }
      Harness H(*Compiled);
      if (H.callI32("add", {Value::i32(20), Value::i32(22)}) != 42u)
        ++Failures;
    });
  for (std::thread &T : Threads)
    T.join();
  EXPECT_EQ(Failures.load(), 0);
}

size_t countMappings() {
  std::ifstream Maps("/proc/self/maps");
  size_t Lines = 0;
  for (std::string Line; std::getline(Maps, Line);)
    ++Lines;
  return Lines;
}

TEST(JITCompileTest, ReleasesCodeWithTheLastReference) {
  std::shared_ptr<const wasm::Module> Module = decodeTestModule();
  auto CompileAndDrop = [&] {
    auto Compiled = compileModule(Module);
    ASSERT_TRUE(Compiled);
    Harness H(*Compiled);
    EXPECT_EQ(H.callI32("add", {Value::i32(1), Value::i32(2)}), 3u);
  };
  for (int Warmup = 0; Warmup < 3; ++Warmup)
    CompileAndDrop();
  size_t Before = countMappings();
  for (int Round = 0; Round < 20; ++Round)
    CompileAndDrop();
  // Each compile maps code and data pages; leaking them would add dozens.
  EXPECT_LE(countMappings(), Before + 4);
}

TEST(JITCompileTest, RefusesForeignTriple) {
  JITOptions Options;
  // The JIT runs code in this process; another architecture is refused.
#if defined(__aarch64__)
  Options.Target.Triple = "x86_64-unknown-linux-gnu";
#else
  Options.Target.Triple = "aarch64-unknown-linux-gnu";
#endif
  auto Compiled = compileModule(decodeTestModule(), Options);
  ASSERT_FALSE(Compiled);
  EXPECT_EQ(Compiled.error().kind(), ErrorKind::Unsupported);
}

TEST(JITCompileTest, RefusesUnknownCPU) {
  JITOptions Options;
  Options.Target.CPU = "no-such-cpu";
  auto Compiled = compileModule(decodeTestModule(), Options);
  ASSERT_FALSE(Compiled);
  EXPECT_NE(Compiled.error().message().find("unknown CPU 'no-such-cpu'"), std::string::npos);
}

TEST(JITCompileTest, CompilesAndRunsSIMD) {
  // (module (func (export "abs") (param v128) (result v128) (i8x16.abs (local.get 0))))
  static constexpr uint8_t Bytes[] = {
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60, 0x01, 0x7b,
      0x01, 0x7b, 0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 'a',  'b',  's',  0x00,
      0x00, 0x0a, 0x08, 0x01, 0x06, 0x00, 0x20, 0x00, 0xfd, 0x60, 0x0b};
  auto Decoded = wasm::decodeModule(Bytes);
  ASSERT_TRUE(Decoded) << Decoded.error().format();
  auto Compiled = compileModule(std::make_shared<const wasm::Module>(std::move(*Decoded)));
  ASSERT_TRUE(Compiled) << Compiled.error().format();
  runtime::Store Store;
  auto Instance = Store.instantiate(*Compiled, std::span<const runtime::Extern>());
  ASSERT_TRUE(Instance && *Instance);
  runtime::V128 Input;
  for (unsigned I = 0; I < 16; ++I)
    Input[I] = static_cast<uint8_t>(I % 2 ? -int(I) : int(I)); // 0, -1, 2, -3, ...
  const runtime::Value Args[] = {runtime::Value::v128(Input)};
  auto Result = (**Instance)->call("abs", Args);
  ASSERT_TRUE(Result && *Result);
  runtime::V128 Got = (**Result)[0].v128();
  for (unsigned I = 0; I < 16; ++I)
    EXPECT_EQ(Got[I], I) << "lane " << I;
}

} // namespace
} // namespace kiln::jit
