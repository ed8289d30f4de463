//===- SignatureRegistryTest.cpp - Canonical signature ids ----------------===//
#include "kiln/Runtime/SignatureRegistry.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

using namespace kiln;
using namespace kiln::runtime;
using wasm::ValType;

namespace {

wasm::FuncType type(std::vector<ValType> Params, std::vector<ValType> Results) {
  return {std::move(Params), std::move(Results)};
}

TEST(SignatureRegistryTest, EqualTypesShareAnId) {
  uint32_t A = canonicalSignatureId(type({ValType::I32, ValType::I64}, {ValType::F32}));
  uint32_t B = canonicalSignatureId(type({ValType::I32, ValType::I64}, {ValType::F32}));
  EXPECT_EQ(A, B);
  EXPECT_NE(A, 0u);
  EXPECT_EQ(signatureType(A), type({ValType::I32, ValType::I64}, {ValType::F32}));
}

TEST(SignatureRegistryTest, DifferentTypesGetDifferentIds) {
  uint32_t A = canonicalSignatureId(type({ValType::I32}, {}));
  uint32_t B = canonicalSignatureId(type({}, {ValType::I32}));
  uint32_t C = canonicalSignatureId(type({ValType::I32, ValType::I32}, {}));
  uint32_t D = canonicalSignatureId(type({}, {}));
  EXPECT_EQ(std::set<uint32_t>({A, B, C, D}).size(), 4u);
}

TEST(SignatureRegistryTest, EightThreadsAgreeOnIds) {
  // Each thread registers the same 200 types in a different order.
  std::vector<wasm::FuncType> Types;
  for (int I = 0; I < 200; ++I) {
    std::vector<ValType> Params(static_cast<size_t>(I % 7), ValType::F64);
    Params.push_back(I % 2 ? ValType::ExternRef : ValType::V128);
    Types.push_back(type(Params, std::vector<ValType>(static_cast<size_t>(I / 7), ValType::I64)));
  }
  constexpr int ThreadCount = 8;
  std::vector<std::vector<uint32_t>> Ids(ThreadCount, std::vector<uint32_t>(Types.size()));
  std::vector<std::thread> Threads;
  for (int T = 0; T < ThreadCount; ++T)
    Threads.emplace_back([&, T] {
      for (size_t K = 0; K < Types.size(); ++K) {
        size_t I = (K * 37 + static_cast<size_t>(T) * 11) % Types.size();
        Ids[T][I] = canonicalSignatureId(Types[I]);
      }
    });
  for (std::thread &Thread : Threads)
    Thread.join();
  for (int T = 1; T < ThreadCount; ++T)
    EXPECT_EQ(Ids[T], Ids[0]);
  EXPECT_EQ(std::set<uint32_t>(Ids[0].begin(), Ids[0].end()).size(), Types.size());
  for (size_t I = 0; I < Types.size(); ++I)
    EXPECT_EQ(signatureType(Ids[0][I]), Types[I]);
}

} // namespace
