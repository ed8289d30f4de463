//===- EngineKeyTest.cpp - The Engine's fast keys equal the reference keys -===//
#include "kiln/Engine/Engine.h"

#include <gtest/gtest.h>

using namespace kiln;
using namespace kiln::engine;

namespace {

// The Engine hashes its settings once and resumes from that state for each
// module; that must give exactly `computeCacheKey` of the full request, or
// the in-memory and disk caches would disagree about names.
TEST(EngineKeyTest, PrehashedSettingsGiveTheReferenceKey) {
  std::vector<Config> Settings(4);
  Settings[1].Codegen.OptLevel = codegen::OptLevel::O0;
  Settings[2].Codegen.BoundsChecks = BoundsCheckStrategy::Explicit;
  Settings[3].WasmFeatures = wasm::Features::wasm20().withChanges("+tail-call").value();
  std::vector<std::vector<uint8_t>> Modules = {{}, {0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0}};
  Modules.emplace_back(100000, 0x5a); // longer than BLAKE3's chunk size
  std::vector<CacheKey> Seen;
  for (const Config &C : Settings) {
    Expected<Engine> E = Engine::create(C);
    ASSERT_TRUE(E);
    for (const std::vector<uint8_t> &Bytes : Modules) {
      CacheKey Key = E->keyOf(Bytes);
      EXPECT_EQ(Key, computeCacheKey(E->makeRequest(Bytes)));
      // Stable across calls, since the prefix state is copied, not resumed.
      EXPECT_EQ(Key, E->keyOf(Bytes));
      for (const CacheKey &Other : Seen)
        EXPECT_NE(Key, Other);
      Seen.push_back(Key);
    }
  }
}

TEST(EngineKeyTest, AHitThroughTheFastPathIsCountedAsOne) {
  Expected<Engine> E = Engine::create();
  std::vector<uint8_t> Bytes = {0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0};
  auto First = E->compile(Bytes);
  ASSERT_TRUE(First);
  EXPECT_TRUE(E->cache().contains(computeCacheKey(E->makeRequest(Bytes))));
  auto Second = E->compile(Bytes);
  ASSERT_TRUE(Second);
  EXPECT_EQ(First->get(), Second->get());
  CacheStatistics S = E->cache().statistics();
  EXPECT_EQ(S.Calls, 2u);
  EXPECT_EQ(S.Hits, 1u);
  EXPECT_EQ(S.CompilesStarted, 1u);
  EXPECT_EQ(S.checkQuiescentInvariants(E->cache().limits()), std::nullopt);
}

} // namespace
