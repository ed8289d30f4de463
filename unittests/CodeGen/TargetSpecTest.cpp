//===- TargetSpecTest.cpp - Resolving and checking target specs -----------===//
#include "kiln/CodeGen/TargetSpec.h"

#include <gtest/gtest.h>

namespace kiln::codegen {
namespace {

TEST(TargetSpecTest, EmptySpecIsTheHost) {
  auto Resolved = resolveTargetSpec({});
  ASSERT_TRUE(Resolved) << Resolved.error().message();
  TargetSpec Host = TargetSpec::host();
  EXPECT_EQ(Resolved->Triple, Host.Triple);
  EXPECT_EQ(Resolved->CPU, Host.CPU);
  EXPECT_EQ(Resolved->Features, Host.Features);
  EXPECT_FALSE(Resolved->Features.empty());
}

TEST(TargetSpecTest, ExplicitTripleIsNeverTheHostCPU) {
  // Cross-compiling must not pick up anything from the machine it runs on.
  for (const char *Triple : {"x86_64-linux-gnu", "aarch64-linux-gnu"}) {
    auto Resolved = resolveTargetSpec({Triple, "", {}});
    ASSERT_TRUE(Resolved) << Resolved.error().message();
    EXPECT_EQ(Resolved->CPU, "generic");
    EXPECT_TRUE(Resolved->Features.empty());
  }
  auto Arm = resolveTargetSpec({"aarch64-linux-gnu", "neoverse-n1", {"+crc"}});
  ASSERT_TRUE(Arm) << Arm.error().message();
  EXPECT_EQ(Arm->Triple, "aarch64-unknown-linux-gnu");
  EXPECT_EQ(Arm->CPU, "neoverse-n1");
  EXPECT_EQ(Arm->featureString(), "+crc");
}

TEST(TargetSpecTest, HostFeaturesCombineWithChanges) {
  auto Resolved = resolveTargetSpec({"", "", {"-avx512f"}});
  if (TargetSpec::host().Triple.starts_with("x86_64")) {
    ASSERT_TRUE(Resolved) << Resolved.error().message();
    EXPECT_EQ(Resolved->Features.back(), "-avx512f");
  }
}

TEST(TargetSpecTest, UnknownNamesAreErrors) {
  auto Target = resolveTargetSpec({"z80-unknown-none", "", {}});
  ASSERT_FALSE(Target);
  EXPECT_EQ(Target.error().kind(), ErrorKind::Unsupported);
  auto CPU = resolveTargetSpec({"x86_64-linux-gnu", "pentium-x", {}});
  ASSERT_FALSE(CPU);
  EXPECT_EQ(CPU.error().message(), "unknown CPU 'pentium-x' for target x86_64-unknown-linux-gnu");
  auto Feature = resolveTargetSpec({"aarch64-linux-gnu", "", {"+avx2"}});
  ASSERT_FALSE(Feature);
  EXPECT_EQ(Feature.error().message(),
            "unknown feature 'avx2' for target aarch64-unknown-linux-gnu");
  auto Narrow = resolveTargetSpec({"i686-linux-gnu", "", {}});
  ASSERT_FALSE(Narrow);
  EXPECT_NE(Narrow.error().message().find("not 64-bit little-endian"), std::string::npos);
}

TEST(TargetSpecTest, ParsesFeatureListsAndLevels) {
  auto Features = parseFeatureList("+avx2,,-sse4.1");
  ASSERT_TRUE(Features);
  EXPECT_EQ(*Features, (std::vector<std::string>{"+avx2", "-sse4.1"}));
  EXPECT_FALSE(parseFeatureList("avx2"));
  EXPECT_EQ(parseOptLevel("3"), OptLevel::O3);
  EXPECT_FALSE(parseOptLevel("4"));
  EXPECT_FALSE(parseOptLevel("02"));
  EXPECT_EQ(optLevelName(OptLevel::O1), "O1");
}

TEST(TargetSpecTest, DescribesItself) {
  TargetSpec Spec{"aarch64-unknown-linux-gnu", "", {"+crc", "-fp-armv8"}};
  EXPECT_EQ(Spec.describe(), "aarch64-unknown-linux-gnu, cpu generic, features +crc,-fp-armv8");
}

} // namespace
} // namespace kiln::codegen
