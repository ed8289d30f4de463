//===- CacheKeyTest.cpp - Every input of a compile is in its key ----------===//
#include "FakeCompiler.h"

#include "kiln/Engine/CompileRequest.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace kiln;
using namespace kiln::engine;
using namespace kiln::engine::test;

namespace {

const std::vector<uint8_t> &baseBytes() {
  static const std::vector<uint8_t> Bytes = moduleBytes(7);
  return Bytes;
}

CompileRequest baseRequest() { return requestFor(baseBytes()); }

/// One change to each field of a request (and to each part of the composite
/// fields), named for the failure message.
struct FieldChange {
  const char *Name;
  std::function<void(CompileRequest &)> Apply;
};

std::vector<FieldChange> fieldChanges() {
  static const std::vector<uint8_t> OtherBytes = moduleBytes(8);
  static const std::vector<uint8_t> LongerBytes = [] {
    std::vector<uint8_t> Bytes = moduleBytes(7);
    Bytes.push_back(0);
    return Bytes;
  }();
  return {
      {"key format", [](CompileRequest &R) { R.KeyFormatVersion += 1; }},
      {"Kiln version", [](CompileRequest &R) { R.KilnVersion = "0.1.1"; }},
      {"LLVM version", [](CompileRequest &R) { R.LLVMVersion = "19.1.8"; }},
      {"triple", [](CompileRequest &R) { R.Target.Triple = "aarch64-unknown-linux-gnu"; }},
      {"CPU", [](CompileRequest &R) { R.Target.CPU = "znver3"; }},
      {"CPU feature added", [](CompileRequest &R) { R.Target.Features.push_back("+bmi2"); }},
      {"CPU feature negated", [](CompileRequest &R) { R.Target.Features[0] = "-avx2"; }},
      {"CPU feature order",
       [](CompileRequest &R) { std::swap(R.Target.Features[0], R.Target.Features[1]); }},
      {"Wasm feature on", [](CompileRequest &R) { R.WasmFeatures.set(wasm::Feature::TailCall); }},
      {"Wasm feature off",
       [](CompileRequest &R) { R.WasmFeatures.set(wasm::Feature::SIMD, false); }},
      {"opt level", [](CompileRequest &R) { R.Codegen.OptLevel = codegen::OptLevel::O0; }},
      {"bounds checks",
       [](CompileRequest &R) { R.Codegen.BoundsChecks = BoundsCheckStrategy::Explicit; }},
      {"debug info", [](CompileRequest &R) { R.Codegen.DebugInfo = true; }},
      {"frame pointers", [](CompileRequest &R) { R.Codegen.FramePointers = true; }},
      {"module bytes", [](CompileRequest &R) { R.ModuleBytes = OtherBytes; }},
      {"module length", [](CompileRequest &R) { R.ModuleBytes = LongerBytes; }},
  };
}

TEST(CacheKeyTest, EqualRequestsGiveEqualKeys) {
  // Separately built requests over separately stored, equal bytes.
  std::vector<uint8_t> Copy = baseBytes();
  CompileRequest A = baseRequest();
  CompileRequest B = requestFor(Copy);
  EXPECT_EQ(computeCacheKey(A), computeCacheKey(B));
  EXPECT_EQ(encodeCompileRequest(A), encodeCompileRequest(B));
}

TEST(CacheKeyTest, EveryFieldChangesTheKey) {
  CacheKey Base = computeCacheKey(baseRequest());
  std::map<CacheKey, std::string> Seen = {{Base, "the base request"}};
  for (const FieldChange &Change : fieldChanges()) {
    CompileRequest Request = baseRequest();
    Change.Apply(Request);
    CacheKey Key = computeCacheKey(Request);
    auto [Where, Inserted] = Seen.emplace(Key, Change.Name);
    EXPECT_TRUE(Inserted) << "changing the " << Change.Name << " gives the key of "
                          << Where->second;
  }
}

TEST(CacheKeyTest, LengthPrefixesKeepFieldsApart) {
  CompileRequest A = baseRequest(), B = baseRequest();
  A.Target.Triple = "x86_64-unknown-linux-gnuX";
  A.Target.CPU = "";
  B.Target.Triple = "x86_64-unknown-linux-gnu";
  B.Target.CPU = "X";
  EXPECT_NE(computeCacheKey(A), computeCacheKey(B));

  CompileRequest C = baseRequest(), D = baseRequest();
  C.Target.Features = {"+avx2,+sse4.2"};
  D.Target.Features = {"+avx2", "+sse4.2"};
  EXPECT_NE(computeCacheKey(C), computeCacheKey(D));
}

TEST(CacheKeyTest, EncodingIsTheMagicAndTwelveFields) {
  // Walks the length prefixes: they must tile the encoding exactly. The
  // item count pins the field list; a new field changes it, which is the
  // moment to add the field to fieldChanges() above.
  std::vector<uint8_t> Encoding = encodeCompileRequest(baseRequest());
  size_t Offset = 0, Items = 0;
  while (Offset < Encoding.size()) {
    uint64_t Length = 0;
    for (unsigned I = 0; I < 8; ++I)
      Length |= uint64_t(Encoding[Offset + I]) << (8 * I);
    Offset += 8 + Length;
    ++Items;
  }
  EXPECT_EQ(Offset, Encoding.size());
  EXPECT_EQ(Items, 1u + 2u * 12u);
}

TEST(CacheKeyTest, WasmFeaturesAreSpelledByName) {
  std::vector<uint8_t> Encoding = encodeCompileRequest(baseRequest());
  std::string Text(Encoding.begin(), Encoding.end());
  EXPECT_NE(Text.find("bulk-memory"), std::string::npos);
  EXPECT_EQ(Text.find("tail-call"), std::string::npos) << "only enabled features are listed";
}

TEST(CacheKeyTest, HexNamesAFile) {
  CacheKey Key;
  for (size_t I = 0; I < CacheKey::SizeInBytes; ++I)
    Key.Bytes[I] = static_cast<uint8_t>(I * 9);
  EXPECT_EQ(Key.hex(), "0009121b242d363f48515a636c757e879099a2abb4bdc6cfd8e1eaf3fc050e17");
  EXPECT_EQ(Key.hashPrefix(), 0x3f362d241b120900u);
}

// Pins the key format: if this digest changes, keys written by an earlier
// Kiln would silently mean something else. Change the encoding only
// together with CurrentKeyFormatVersion, then update the digest here.
TEST(CacheKeyTest, GoldenDigestPinsTheFormat) {
  EXPECT_EQ(CurrentKeyFormatVersion, 1u);
  EXPECT_EQ(computeCacheKey(baseRequest()).hex(),
            "25b4ed3a9ecafa3e7ef3130c57913dbe91ca9eacdfb3811678e8f4254d16b42b");
}

} // namespace
