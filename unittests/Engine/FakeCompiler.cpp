//===- FakeCompiler.cpp - A compiler the cache tests control --------------===//
#include "FakeCompiler.h"

#include <cassert>
#include <thread>

namespace kiln::engine::test {

namespace {
/// The fake code ranges point into this buffer, so the trap registry only
/// ever holds addresses the process owns (nothing ever executes them).
constexpr uint64_t FakeCodeCapacity = 1 << 16;
alignas(64) char FakeCode[FakeCodeCapacity];

/// Raises `Max` to at least `Value`.
void raiseTo(std::atomic<int> &Max, int Value) {
  int Seen = Max.load();
  while (Seen < Value && !Max.compare_exchange_weak(Seen, Value)) {
  }
}
} // namespace

FakeModule::FakeModule(runtime::CompiledModuleParts Parts, uint32_t ModuleId,
                       std::shared_ptr<std::atomic<int>> LiveCount)
    : CompiledModule(std::move(Parts)), ModuleId(ModuleId), LiveCount(std::move(LiveCount)) {
  ++*this->LiveCount;
}

FakeModule::~FakeModule() {
  Canary = 0;
  --*LiveCount;
}

std::vector<uint8_t> moduleBytes(uint32_t ModuleId) {
  std::vector<uint8_t> Bytes = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  for (unsigned I = 0; I < 4; ++I)
    Bytes.push_back(static_cast<uint8_t>(ModuleId >> (8 * I)));
  return Bytes;
}

uint32_t moduleIdOf(const CompileRequest &Request) {
  assert(Request.ModuleBytes.size() == 12 && "bytes made by moduleBytes");
  uint32_t Id = 0;
  for (unsigned I = 0; I < 4; ++I)
    Id |= uint32_t(Request.ModuleBytes[8 + I]) << (8 * I);
  return Id;
}

CompileRequest requestFor(std::span<const uint8_t> Bytes) {
  CompileRequest Request;
  Request.KilnVersion = "0.1.0";
  Request.LLVMVersion = "19.1.7";
  Request.Target.Triple = "x86_64-unknown-linux-gnu";
  Request.Target.CPU = "skylake";
  Request.Target.Features = {"+avx2", "+sse4.2"};
  Request.WasmFeatures = wasm::Features::wasm20();
  Request.ModuleBytes = Bytes;
  return Request;
}

const FakeModule &asFake(const std::shared_ptr<const runtime::CompiledModule> &Handle) {
  const auto *Fake = dynamic_cast<const FakeModule *>(Handle.get());
  assert(Fake && "made by a FakeCompiler");
  return *Fake;
}

CompileFunction FakeCompiler::function() {
  return [this](const CompileRequest &Request) { return compile(Request); };
}

CompileResult FakeCompiler::compile(const CompileRequest &Request) {
  uint64_t Attempt = ++Invocations;
  raiseTo(MaxInFlight, ++InFlight);
  struct LeaveOnExit {
    std::atomic<int> &Count;
    ~LeaveOnExit() { --Count; }
  } Leave{InFlight};

  if (Hook)
    Hook(Request, Attempt);
  if (Delay.count() > 0)
    std::this_thread::sleep_for(Delay);
  if (ShouldFail && ShouldFail(Request, Attempt))
    return makeError(ErrorKind::Invalid, "fake failure of module " +
                                             std::to_string(moduleIdOf(Request)) + " attempt " +
                                             std::to_string(Attempt));

  uint64_t Size = CodeSizeInBytes ? CodeSizeInBytes(Request) : 64;
  assert(Size <= FakeCodeCapacity && "fake code must fit the buffer");
  wasm::Module Empty;
  Empty.buildIndexSpaces();
  runtime::CompiledModuleParts Parts;
  Parts.Module = std::make_shared<const wasm::Module>(std::move(Empty));
  auto Begin = reinterpret_cast<uintptr_t>(FakeCode);
  Parts.CodeRanges.push_back({Begin, Begin + Size});
  return std::make_shared<const FakeModule>(std::move(Parts), moduleIdOf(Request), LiveModules);
}

} // namespace kiln::engine::test
