//===- LinkedModuleTest.cpp - CompiledModules from linked-in symbols ------===//
#include "kiln/Runtime/LinkedModule.h"

#include "kiln/Runtime/ArtifactFormat.h"

#include <gtest/gtest.h>

namespace kiln::runtime {
namespace {

/// The smallest module: magic and version, no sections.
const std::vector<uint8_t> EmptyModule = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

std::vector<uint8_t> encodedHeader(std::string KilnVersion) {
  ArtifactHeader Header;
  Header.KilnVersion = std::move(KilnVersion);
  Header.Triple = "x86_64-unknown-linux-gnu";
  Header.CPU = "generic";
  Header.WasmFeatures = "+mvp";
  Header.ModuleBytes = EmptyModule;
  Header.ModuleHash = hashModuleBytes(EmptyModule);
  return encodeArtifactHeader(Header);
}

LinkedModuleSymbols symbolsFor(const std::vector<uint8_t> &Header) {
  LinkedModuleSymbols Symbols;
  Symbols.HeaderBegin = Header.data();
  Symbols.HeaderEnd = Header.data() + Header.size();
  return Symbols;
}

TEST(LinkedModuleTest, BuildsAModuleWithoutCode) {
  std::vector<uint8_t> Header = encodedHeader(std::string(kilnVersion()));
  auto Loaded = loadLinkedModule(symbolsFor(Header));
  ASSERT_TRUE(Loaded) << Loaded.error().message();
  EXPECT_TRUE((*Loaded)->module().Types.empty());
  EXPECT_TRUE((*Loaded)->codeRanges().empty());
}

TEST(LinkedModuleTest, RecordsTheCodeRange) {
  std::vector<uint8_t> Header = encodedHeader(std::string(kilnVersion()));
  static const char Code[16] = {};
  LinkedModuleSymbols Symbols = symbolsFor(Header);
  Symbols.CodeBegin = Code;
  Symbols.CodeEnd = Code + sizeof Code;
  auto Loaded = loadLinkedModule(Symbols);
  ASSERT_TRUE(Loaded) << Loaded.error().message();
  ASSERT_EQ((*Loaded)->codeRanges().size(), 1u);
  EXPECT_TRUE((*Loaded)->codeRanges()[0].contains(reinterpret_cast<uintptr_t>(Code + 15)));
  EXPECT_FALSE((*Loaded)->codeRanges()[0].contains(reinterpret_cast<uintptr_t>(Code + 16)));
}

TEST(LinkedModuleTest, RefusesAMissingHeader) {
  auto Loaded = loadLinkedModule({});
  ASSERT_FALSE(Loaded);
  EXPECT_EQ(Loaded.error().message(),
            "cannot use the linked module: its header section is missing or empty");
}

TEST(LinkedModuleTest, RefusesACorruptHeader) {
  std::vector<uint8_t> Header = encodedHeader(std::string(kilnVersion()));
  Header.back() ^= 1; // The last module byte: the hash no longer matches.
  auto Loaded = loadLinkedModule(symbolsFor(Header));
  ASSERT_FALSE(Loaded);
  EXPECT_EQ(Loaded.error().message(), "cannot use the linked module: artifact is corrupt: its "
                                      "module bytes do not match the recorded hash");
}

TEST(LinkedModuleTest, RefusesAnotherKilnVersion) {
  std::vector<uint8_t> Header = encodedHeader("0.0.1");
  auto Loaded = loadLinkedModule(symbolsFor(Header));
  ASSERT_FALSE(Loaded);
  EXPECT_EQ(Loaded.error().message(), "cannot use the linked module: it was compiled by Kiln "
                                      "0.0.1; this runtime is Kiln " +
                                          std::string(kilnVersion()));
}

} // namespace
} // namespace kiln::runtime
