//===- TrapsTest.cpp - The invoke trampoline, traps and the fault handler -===//
#include "DeathTestSupport.h"
#include "FakeCompiledModule.h"

#include "kiln/Runtime/Invoke.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/TrapRegistry.h"

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <pthread.h>
#include <sys/mman.h>
#include <thread>
#include <unistd.h>

using namespace kiln;
using namespace kiln::runtime;
using namespace kiln::runtime::test;
using kiln::abi::TrapCode;

namespace {

// "Compiled code": traps with the code passed as its argument, or returns
// it doubled when the code is 0.
uint32_t trapWith(VMContext *Ctx, uint32_t Code) {
  if (Code != 0)
    kiln_rt_trap(Ctx, Code);
  return 0;
}

TrapCode invokeI32(VMContext *Ctx, void *Code, uint32_t Arg, uint32_t *Result = nullptr) {
  ValueSlot Slots[1];
  setSlotI32(Slots[0], Arg);
  TrapCode Trap = invoke(Ctx, reinterpret_cast<void *>(&entryI32ToI32), Code, Slots);
  if (Result)
    *Result = slotI32(Slots[0]);
  return Trap;
}

uint32_t doubleIt(VMContext *, uint32_t X) { return 2 * X; }

TEST(TrapsTest, InvokeReturnsResultsWithoutATrap) {
  VMContext Ctx{};
  uint32_t Result = 0;
  EXPECT_EQ(invokeI32(&Ctx, reinterpret_cast<void *>(&doubleIt), 21, &Result), TrapCode::None);
  EXPECT_EQ(Result, 42u);
  EXPECT_NE(Ctx.StackLimit, 0u) << "invoke sets the callee's stack limit";
  EXPECT_LT(Ctx.StackLimit, reinterpret_cast<uintptr_t>(__builtin_frame_address(0)));
  EXPECT_FALSE(isInsideInvoke());
}

TEST(TrapsTest, EveryTrapCodeComesBackAndTheThreadGoesOn) {
  VMContext Ctx{};
  for (uint32_t Code = 1; Code <= static_cast<uint32_t>(TrapCode::HostTrap); ++Code) {
    EXPECT_EQ(invokeI32(&Ctx, reinterpret_cast<void *>(&trapWith), Code), static_cast<TrapCode>(Code));
    EXPECT_FALSE(isInsideInvoke());
    uint32_t Result = 0;
    EXPECT_EQ(invokeI32(&Ctx, reinterpret_cast<void *>(&doubleIt), Code, &Result), TrapCode::None);
    EXPECT_EQ(Result, 2 * Code);
  }
}

// A host function called from compiled code invokes Wasm again; the inner
// trap ends only the inner invoke.
uint32_t callsBackIntoWasm(VMContext *Ctx, uint32_t X) {
  TrapCode Inner = invokeI32(Ctx, reinterpret_cast<void *>(&trapWith),
                             static_cast<uint32_t>(TrapCode::Unreachable));
  if (Inner != TrapCode::Unreachable || !isInsideInvoke())
    return 0;
  uint32_t Doubled = 0;
  if (invokeI32(Ctx, reinterpret_cast<void *>(&doubleIt), X, &Doubled) != TrapCode::None)
    return 0;
  if (X == 7)
    kiln_rt_trap(Ctx, static_cast<uint32_t>(TrapCode::IntegerOverflow));
  return Doubled + 1;
}

TEST(TrapsTest, InvokesNest) {
  VMContext Ctx{};
  uint32_t Result = 0;
  EXPECT_EQ(invokeI32(&Ctx, reinterpret_cast<void *>(&callsBackIntoWasm), 5, &Result), TrapCode::None);
  EXPECT_EQ(Result, 11u);
  EXPECT_EQ(invokeI32(&Ctx, reinterpret_cast<void *>(&callsBackIntoWasm), 7), TrapCode::IntegerOverflow);
  EXPECT_FALSE(isInsideInvoke());
}

// Recursion with the prologue check compiled code performs.
__attribute__((noinline)) uint32_t recurse(VMContext *Ctx, uint32_t Depth) {
  volatile char Frame[128];
  if (reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < Ctx->StackLimit)
    kiln_rt_trap(Ctx, static_cast<uint32_t>(TrapCode::CallStackExhausted));
  Frame[0] = static_cast<char>(Depth);
  return recurse(Ctx, Depth + 1) + static_cast<uint32_t>(Frame[0]);
}

TEST(TrapsTest, RunawayRecursionTrapsAndTheThreadGoesOn) {
#ifdef KILN_TEST_TSAN
  // ThreadSanitizer's runtime itself crashes some 80,000 instrumented frames
  // deep, before the 8 MiB main stack is used up. (Compiled Wasm is not
  // instrumented; the small-stack test below still runs.)
  GTEST_SKIP() << "too deep for ThreadSanitizer";
#endif
  VMContext Ctx{};
  for (int I = 0; I < 3; ++I)
    EXPECT_EQ(invokeI32(&Ctx, reinterpret_cast<void *>(&recurse), 0), TrapCode::CallStackExhausted);
  uint32_t Result = 0;
  EXPECT_EQ(invokeI32(&Ctx, reinterpret_cast<void *>(&doubleIt), 4, &Result), TrapCode::None);
  EXPECT_EQ(Result, 8u);
}

TEST(TrapsTest, RunawayRecursionOnASmallThreadStack) {
  pthread_attr_t Attr;
  pthread_attr_init(&Attr);
  pthread_attr_setstacksize(&Attr, 256 * 1024);
  struct Outcome {
    TrapCode Code = TrapCode::None;
  } Out;
  pthread_t Thread;
  auto Body = [](void *Arg) -> void * {
    VMContext Ctx{};
    static_cast<Outcome *>(Arg)->Code = invokeI32(&Ctx, reinterpret_cast<void *>(&recurse), 0);
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&Thread, &Attr, Body, &Out), 0);
  pthread_join(Thread, nullptr);
  pthread_attr_destroy(&Attr);
  EXPECT_EQ(Out.Code, TrapCode::CallStackExhausted);
}

/// A page of real machine code, registered as compiled code:
/// `uint32_t load(VMContext *Ctx, uint32_t Address)` returns the i32 at
/// `Ctx->Memory0Base + Address`, with no bounds check, like Wasm code that
/// relies on the guard region.
class MachineCode {
public:
  MachineCode() {
#if defined(__x86_64__)
    // mov rax, [rdi]; mov esi, esi; mov eax, [rax + rsi]; ret
    const uint8_t Code[] = {0x48, 0x8b, 0x07, 0x89, 0xf6, 0x8b, 0x04, 0x30, 0xc3};
#elif defined(__aarch64__)
    // ldr x8, [x0]; ldr w0, [x8, w1, uxtw]; ret
    const uint32_t Code[] = {0xf9400008, 0xb8614900, 0xd65f03c0};
#endif
    Size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    Page = mmap(nullptr, Size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    // Not at the very start of the page: UBSan's function check (in the
    // sanitizer build) peeks at the bytes before a called function.
    Entry = static_cast<char *>(Page) + 64;
    std::memcpy(Entry, Code, sizeof(Code));
    __builtin___clear_cache(Entry, Entry + sizeof(Code));
    mprotect(Page, Size, PROT_READ | PROT_EXEC);
    auto Begin = reinterpret_cast<uintptr_t>(Page);
    CodeRange Range{Begin, Begin + Size};
    Handle = registerCode({&Range, 1});
  }
  ~MachineCode() {
    unregisterCode(Handle);
    munmap(Page, Size);
  }
  void *entry() const { return Entry; }

private:
  void *Page = nullptr;
  char *Entry = nullptr;
  size_t Size = 0;
  uint64_t Handle = 0;
};

TEST(TrapsTest, GuardPageFaultInCompiledCodeIsAnOutOfBoundsTrap) {
  MachineCode Load;
  auto Memory = LinearMemory::create({{1, std::nullopt}}, 65536);
  ASSERT_TRUE(Memory.has_value());
  VMContext Ctx{};
  Ctx.Memory0Base = (*Memory)->base();
  uint32_t Value = 0xfeedf00d;
  std::memcpy((*Memory)->base() + 65532, &Value, 4);

  uint32_t Result = 0;
  EXPECT_EQ(invokeI32(&Ctx, Load.entry(), 65532, &Result), TrapCode::None);
  EXPECT_EQ(Result, Value);
  EXPECT_EQ(invokeI32(&Ctx, Load.entry(), 65533), TrapCode::OutOfBoundsMemoryAccess);
  EXPECT_EQ(invokeI32(&Ctx, Load.entry(), 0xffffffff), TrapCode::OutOfBoundsMemoryAccess);
  // The jump out of the handler leaves the thread's signal mask as it was.
  sigset_t Mask;
  pthread_sigmask(SIG_SETMASK, nullptr, &Mask);
  EXPECT_FALSE(sigismember(&Mask, SIGSEGV));
  // The handler stays usable: fault again, then grow and succeed.
  EXPECT_EQ(invokeI32(&Ctx, Load.entry(), 65536), TrapCode::OutOfBoundsMemoryAccess);
  ASSERT_EQ((*Memory)->grow(1), 1);
  EXPECT_EQ(invokeI32(&Ctx, Load.entry(), 65536, &Result), TrapCode::None);
  EXPECT_EQ(Result, 0u);
}

TEST(TrapsTest, FaultsOnManyThreadsAtOnce) {
  MachineCode Load;
  std::atomic<int> Failures = 0;
  std::vector<std::thread> Threads;
  for (int T = 0; T < 8; ++T)
    Threads.emplace_back([&] {
      auto Memory = LinearMemory::create({{1, std::nullopt}}, 65536);
      if (!Memory) {
        ++Failures;
        return;
      }
      VMContext Ctx{};
      Ctx.Memory0Base = (*Memory)->base();
      for (uint32_t I = 0; I < 200; ++I) {
        if (invokeI32(&Ctx, Load.entry(), 65536 + I) != TrapCode::OutOfBoundsMemoryAccess)
          ++Failures;
        uint32_t Result = 1;
        if (invokeI32(&Ctx, Load.entry(), I, &Result) != TrapCode::None || Result != 0)
          ++Failures;
      }
    });
  for (std::thread &Thread : Threads)
    Thread.join();
  EXPECT_EQ(Failures.load(), 0);
}

// A fault in compiled code outside any reservation (a bug, not a Wasm
// trap) is not claimed: the process dies as it would without Kiln.
TEST(TrapsDeathTest, FaultOutsideAReservationIsNotClaimed) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        MachineCode Load;
        void *Unmapped = mmap(nullptr, 1 << 20, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        VMContext Ctx{};
        Ctx.Memory0Base = static_cast<uint8_t *>(Unmapped);
        invokeI32(&Ctx, Load.entry(), 16);
        _exit(0);
      },
      diedOfSegv, "");
}

TEST(TrapsDeathTest, TrapOutsideInvokeAborts) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(kiln_rt_trap(nullptr, static_cast<uint32_t>(TrapCode::Unreachable)),
               "trap 'unreachable' outside of any invoke");
}

} // namespace
