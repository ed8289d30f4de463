//===- LinearMemoryTest.cpp - Reservation, growth and guard pages ---------===//
#include "DeathTestSupport.h"

#include "kiln/Runtime/Invoke.h"
#include "kiln/Runtime/LinearMemory.h"
#include "kiln/Runtime/TrapRegistry.h"

#include <gtest/gtest.h>

#include <csignal>
#include <unistd.h>

using namespace kiln;
using namespace kiln::runtime;
using namespace kiln::runtime::test;
using kiln::abi::TrapCode;

namespace {

wasm::MemoryType memoryType(uint64_t Min, std::optional<uint64_t> Max = std::nullopt) {
  wasm::MemoryType Type;
  Type.Pages = {Min, Max};
  return Type;
}

std::unique_ptr<LinearMemory> makeMemory(uint64_t Min, std::optional<uint64_t> Max = std::nullopt,
                                         uint64_t Cap = wasm::MaxMemoryPages) {
  auto Memory = LinearMemory::create(memoryType(Min, Max), Cap);
  EXPECT_TRUE(Memory.has_value());
  return Memory ? std::move(*Memory) : nullptr;
}

TEST(LinearMemoryTest, GrowsWithinTheModuleMaximum) {
  auto Memory = makeMemory(1, 3);
  uint8_t *Base = Memory->base();
  EXPECT_EQ(Memory->sizeInBytes(), wasm::PageSizeInBytes);
  EXPECT_EQ(Memory->grow(1), 1);
  EXPECT_EQ(Memory->grow(2), -1);
  EXPECT_EQ(Memory->grow(1), 2);
  EXPECT_EQ(Memory->grow(0), 3);
  EXPECT_EQ(Memory->grow(1), -1);
  EXPECT_EQ(Memory->pageCount(), 3u);
  EXPECT_EQ(Memory->base(), Base) << "growing must never move the base";
  EXPECT_EQ(Memory->vmMemory()->SizeInBytes, 3 * wasm::PageSizeInBytes);
}

TEST(LinearMemoryTest, NewPagesAreZeroAndWritable) {
  auto Memory = makeMemory(0);
  EXPECT_EQ(Memory->sizeInBytes(), 0u);
  ASSERT_EQ(Memory->grow(2), 0);
  uint8_t *Last = Memory->base() + Memory->sizeInBytes() - 1;
  EXPECT_EQ(*Last, 0);
  *Last = 42;
  EXPECT_EQ(Memory->bytes().back(), 42);
}

TEST(LinearMemoryTest, HonoursTheConfiguredCap) {
  auto Memory = makeMemory(1, std::nullopt, /*Cap=*/2);
  EXPECT_EQ(Memory->grow(1), 1);
  EXPECT_EQ(Memory->grow(1), -1);
  auto TooBig = LinearMemory::create(memoryType(3), 2);
  ASSERT_FALSE(TooBig.has_value());
  EXPECT_EQ(TooBig.error().kind(), ErrorKind::Unsupported);
}

TEST(LinearMemoryTest, NeverExceedsFourGiB) {
  auto Memory = makeMemory(0);
  EXPECT_EQ(Memory->grow(wasm::MaxMemoryPages + 1), -1);
  EXPECT_EQ(Memory->grow(UINT64_MAX), -1);
  EXPECT_EQ(Memory->pageCount(), 0u);
}

TEST(LinearMemoryTest, TheReservationIsRegisteredUntilDestroyed) {
  uintptr_t Base;
  {
    auto Memory = makeMemory(1);
    Base = reinterpret_cast<uintptr_t>(Memory->base());
    EXPECT_TRUE(isInReservation(Base));
    EXPECT_TRUE(isInReservation(Base + (5ULL << 30)));
    EXPECT_TRUE(isInReservation(Base + LinearMemory::ReservationSizeInBytes - 1));
    EXPECT_FALSE(isInReservation(Base + LinearMemory::ReservationSizeInBytes));
  }
  EXPECT_FALSE(isInReservation(Base));
}

TEST(LinearMemoryTest, BulkOperationsCheckBoundsFirst) {
  auto Memory = makeMemory(1);
  uint64_t Size = Memory->sizeInBytes();
  EXPECT_EQ(Memory->fill(Size - 4, 7, 4), TrapCode::None);
  EXPECT_EQ(Memory->bytes()[Size - 1], 7);
  EXPECT_EQ(Memory->fill(Size - 3, 9, 4), TrapCode::OutOfBoundsMemoryAccess);
  EXPECT_EQ(Memory->bytes()[Size - 1], 7) << "no partial write in 2.0";
  EXPECT_EQ(Memory->fill(Size, 9, 0), TrapCode::None);
  EXPECT_EQ(Memory->fill(Size + 1, 9, 0), TrapCode::OutOfBoundsMemoryAccess);

  const uint8_t Data[] = {1, 2, 3, 4, 5};
  EXPECT_EQ(Memory->init(10, Data, 1, 4), TrapCode::None);
  EXPECT_EQ(Memory->bytes()[10], 2);
  EXPECT_EQ(Memory->init(10, Data, 2, 4), TrapCode::OutOfBoundsMemoryAccess);
  // Overlapping copy forwards.
  EXPECT_EQ(LinearMemory::copy(*Memory, 11, *Memory, 10, 4), TrapCode::None);
  EXPECT_EQ(Memory->bytes()[11], 2);
  EXPECT_EQ(Memory->bytes()[14], 5);
  EXPECT_EQ(LinearMemory::copy(*Memory, Size - 1, *Memory, 0, 2),
            TrapCode::OutOfBoundsMemoryAccess);
}

// A write one byte past the committed size from ordinary C++ code (not
// compiled Wasm) is not Kiln's to claim: the handler chains to the default
// action and the process dies of SIGSEGV.
TEST(LinearMemoryDeathTest, WritePastTheSizeFromHostCodeIsAnOrdinaryCrash) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        installTrapHandlers();
        auto Memory = makeMemory(1);
        volatile uint8_t *End = Memory->base() + Memory->sizeInBytes();
        End[-1] = 1;
        End[0] = 1;
        _exit(0);
      },
      diedOfSegv, "");
}

void exitWith42(int) { _exit(42); }

// A handler installed before Kiln's gets the faults Kiln does not claim.
TEST(LinearMemoryDeathTest, UnclaimedFaultsChainToThePreviousHandler) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        struct sigaction Action = {};
        Action.sa_handler = exitWith42;
        sigemptyset(&Action.sa_mask);
        sigaction(SIGSEGV, &Action, nullptr);
        installTrapHandlers();
        auto Memory = makeMemory(1);
        volatile uint8_t *Guard = Memory->base() + (4ULL << 30);
        *Guard = 1;
        _exit(0);
      },
      testing::ExitedWithCode(42), "");
}

} // namespace
