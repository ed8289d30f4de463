//===- ArtifactTest.cpp - Writing and loading AOT artifacts ---------------===//
#include "kiln/AOT/AOT.h"
#include "kiln/Runtime/ArtifactLoader.h"
#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Validator.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

using namespace kiln;

namespace {

/// (module (func (export "add") (param i32 i32) (result i32)
///   (i32.add (local.get 0) (local.get 1))))
const std::vector<uint8_t> AddModule = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x07, 0x01, 0x60, 0x02, 0x7f,
    0x7f, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64,
    0x00, 0x00, 0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b};

class ArtifactTest : public ::testing::Test {
protected:
  void SetUp() override {
    const char *Base = std::getenv("TMPDIR");
    Folder = std::string(Base && *Base ? Base : "/tmp") + "/kiln-aot-test-XXXXXX";
    ASSERT_NE(mkdtemp(Folder.data()), nullptr);
  }
  void TearDown() override {
    for (const std::string &Path : Written)
      unlink(Path.c_str());
    rmdir(Folder.c_str());
  }

  /// Compiles AddModule for `Target`; the path of the artifact.
  std::string compile(const codegen::TargetSpec &Target, const std::string &Name) {
    auto Module = wasm::decodeModule(AddModule);
    EXPECT_TRUE(Module.has_value());
    EXPECT_TRUE(wasm::validateModule(*Module).has_value());
    aot::ArtifactOptions Options;
    Options.Target = Target;
    std::string Path = Folder + "/" + Name;
    Written.push_back(Path);
    auto Done = aot::writeArtifact(AddModule, *Module, Options, Path);
    EXPECT_TRUE(Done.has_value()) << (Done ? "" : Done.error().message());
    return Path;
  }

  std::vector<uint8_t> read(const std::string &Path) {
    std::ifstream File(Path, std::ios::binary);
    return std::vector<uint8_t>((std::istreambuf_iterator<char>(File)), {});
  }
  std::string write(const std::string &Name, const std::vector<uint8_t> &Bytes) {
    std::string Path = Folder + "/" + Name;
    Written.push_back(Path);
    std::ofstream(Path, std::ios::binary)
        .write(reinterpret_cast<const char *>(Bytes.data()), std::streamsize(Bytes.size()));
    return Path;
  }

  std::string Folder;
  std::vector<std::string> Written;
};

std::string errorOf(const std::string &Path) {
  auto Loaded = runtime::loadArtifact(Path);
  EXPECT_FALSE(Loaded.has_value());
  return Loaded ? "" : Loaded.error().message();
}

TEST_F(ArtifactTest, LoadsWhatItWrote) {
  std::string Path = compile({}, "add.so");
  auto Loaded = runtime::loadArtifact(Path);
  ASSERT_TRUE(Loaded.has_value()) << Loaded.error().message();
  EXPECT_EQ((*Loaded)->module().Types.size(), 1u);
  EXPECT_NE((*Loaded)->definedFunction(0), nullptr);
  ASSERT_FALSE((*Loaded)->codeRanges().empty());
  auto Code = reinterpret_cast<uintptr_t>((*Loaded)->definedFunction(0));
  EXPECT_TRUE(std::any_of((*Loaded)->codeRanges().begin(), (*Loaded)->codeRanges().end(),
                          [&](const runtime::CodeRange &R) { return R.contains(Code); }));
  auto Header = runtime::readArtifactHeader(Path);
  ASSERT_TRUE(Header.has_value());
  EXPECT_EQ(Header->ModuleBytes, AddModule);
  EXPECT_EQ(Header->CompileOptions, "O2 bounds-checks=guard-pages frame-pointers=off debug-info=off");
  EXPECT_FALSE(Header->CPUFeatures.empty());
}

TEST_F(ArtifactTest, RefusesATruncatedFile) {
  std::vector<uint8_t> Bytes = read(compile({}, "whole.so"));
  Bytes.resize(Bytes.size() / 2);
  EXPECT_NE(errorOf(write("half.so", Bytes)).find("is not a Kiln artifact"), std::string::npos);
}

TEST_F(ArtifactTest, RefusesCorruptModuleBytes) {
  std::vector<uint8_t> Bytes = read(compile({}, "good.so"));
  // The module's last byte (the body's `end`) sits in the header section.
  auto At = std::search(Bytes.begin(), Bytes.end(), AddModule.begin(), AddModule.end());
  ASSERT_NE(At, Bytes.end());
  At[AddModule.size() - 1] ^= 0xff;
  EXPECT_NE(errorOf(write("corrupt.so", Bytes)).find("artifact is corrupt"), std::string::npos);
}

TEST_F(ArtifactTest, RefusesAnotherArchitecture) {
#if defined(__x86_64__)
  codegen::TargetSpec Other{"aarch64-linux-gnu", "generic", {}};
  const char *Expected = "artifact targets aarch64-unknown-linux-gnu; this machine is x86_64-linux";
#else
  codegen::TargetSpec Other{"x86_64-linux-gnu", "generic", {}};
  const char *Expected = "artifact targets x86_64-unknown-linux-gnu; this machine is aarch64-linux";
#endif
  EXPECT_NE(errorOf(compile(Other, "other.so")).find(Expected), std::string::npos);
}

TEST_F(ArtifactTest, RefusesAMissingCPUFeature) {
#if defined(__x86_64__)
  // FMA4 was AMD-only and is gone since Zen; Intel never had it.
  std::ifstream Info("/proc/cpuinfo");
  std::string Text((std::istreambuf_iterator<char>(Info)), {});
  if (Text.find(" fma4") != std::string::npos)
    GTEST_SKIP() << "this CPU has fma4";
  codegen::TargetSpec Target{"x86_64-linux-gnu", "x86-64", {"+fma4"}};
  EXPECT_NE(errorOf(compile(Target, "fma4.so")).find("artifact needs fma4; this CPU lacks it"),
            std::string::npos);
#else
  GTEST_SKIP() << "the test names an x86 feature";
#endif
}

} // namespace
