//===- WasiTest.cpp - WASI host functions: sandboxing, errno, bounds ------===//
#include "kiln/WASI/Errno.h"
#include "kiln/WASI/WasiContext.h"

#include "kiln/Runtime/Imports.h"
#include "kiln/Runtime/LinearMemory.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace kiln;
using namespace kiln::wasi;
using runtime::Value;

namespace {

constexpr uint32_t PreopenFd = 3;

/// A WasiContext with one preopen (a fresh temporary "sandbox" directory
/// holding inside.txt, next to outside.txt) over a one-page memory.
class WasiTest : public ::testing::Test {
protected:
  void SetUp() override {
    Root = std::filesystem::temp_directory_path() /
           ("kiln-wasi-test-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(Root);
    std::filesystem::create_directories(Root / "sandbox" / "sub");
    std::ofstream(Root / "outside.txt") << "secret";
    std::ofstream(Root / "sandbox" / "inside.txt") << "inside";
    std::filesystem::create_symlink("../outside.txt", Root / "sandbox" / "link-out");
    std::filesystem::create_symlink("/etc/passwd", Root / "sandbox" / "link-abs");
    WasiConfig Config;
    Config.Args = {"prog", "arg"};
    Config.Preopens.push_back({(Root / "sandbox").string(), "/sandbox"});
    auto Created = WasiContext::create(Config);
    ASSERT_TRUE(Created.has_value());
    Wasi = std::move(*Created);
    Wasi->defineImports(Imports);
    auto Made = runtime::LinearMemory::create({{1, std::nullopt}}, 65536);
    ASSERT_TRUE(Made.has_value());
    Memory = std::move(*Made);
    Wasi->bindMemory(Memory.get());
  }
  void TearDown() override { std::filesystem::remove_all(Root); }

  /// Calls a WASI function with i32 arguments (i64 where `Wide` says).
  Errno call(const char *Name, std::vector<Value> Args) {
    const runtime::Extern *Item = Imports.find(WasiContext::ModuleName, Name);
    EXPECT_NE(Item, nullptr) << Name;
    auto Results = Item->function()->hostFunction()->call(Args);
    EXPECT_TRUE(Results.has_value());
    return static_cast<Errno>((*Results)[0].i32());
  }
  /// Writes `Text` at `Ptr` and returns its length.
  uint32_t put(uint32_t Ptr, const std::string &Text) {
    std::memcpy(Memory->base() + Ptr, Text.data(), Text.size());
    return static_cast<uint32_t>(Text.size());
  }
  Errno openPath(const std::string &Path, uint32_t Follow = 1) {
    uint32_t Length = put(1024, Path);
    return call("path_open", {Value::i32(PreopenFd), Value::i32(Follow), Value::i32(1024),
                              Value::i32(Length), Value::i32(0), Value::i64(2), Value::i64(0),
                              Value::i32(0), Value::i32(512)});
  }
  Errno onPath(const char *Function, const std::string &Path) {
    uint32_t Length = put(1024, Path);
    return call(Function, {Value::i32(PreopenFd), Value::i32(1024), Value::i32(Length)});
  }

  std::filesystem::path Root;
  std::unique_ptr<WasiContext> Wasi;
  runtime::Imports Imports;
  std::unique_ptr<runtime::LinearMemory> Memory;
};

TEST(WasiErrno, HostValuesMapToWasiNumbers) {
  EXPECT_EQ(errnoFromHost(0), Errno::Success);
  EXPECT_EQ(errnoFromHost(ENOENT), Errno::NoEnt);
  EXPECT_EQ(static_cast<int>(errnoFromHost(ENOENT)), 44);
  EXPECT_EQ(static_cast<int>(errnoFromHost(EACCES)), 2);
  EXPECT_EQ(static_cast<int>(errnoFromHost(EEXIST)), 20);
  EXPECT_EQ(static_cast<int>(errnoFromHost(ELOOP)), 32);
  EXPECT_EQ(static_cast<int>(errnoFromHost(EXDEV)), 75);
  EXPECT_EQ(errnoFromHost(EWOULDBLOCK), Errno::Again);
  EXPECT_EQ(errnoFromHost(EOPNOTSUPP), Errno::NotSup);
  // A host value WASI has no name for never leaks through.
  EXPECT_EQ(errnoFromHost(EKEYEXPIRED), Errno::Io);
  EXPECT_EQ(errnoFromHost(99999), Errno::Io);
  EXPECT_EQ(static_cast<int>(Errno::NotCapable), 76);
}

TEST_F(WasiTest, OpensInsideThePreopen) {
  EXPECT_EQ(openPath("inside.txt"), Errno::Success);
  EXPECT_EQ(openPath("sub/../inside.txt"), Errno::Success);
  EXPECT_EQ(openPath("missing"), Errno::NoEnt);
}

TEST_F(WasiTest, RefusesEscapes) {
  EXPECT_EQ(openPath("../outside.txt"), Errno::NotCapable);
  EXPECT_EQ(openPath("sub/../../outside.txt"), Errno::NotCapable);
  EXPECT_EQ(openPath(".."), Errno::NotCapable);
  EXPECT_EQ(openPath("/etc/passwd"), Errno::NotCapable);
  EXPECT_EQ(openPath("link-out"), Errno::NotCapable);
  EXPECT_EQ(openPath("link-abs"), Errno::NotCapable);
  EXPECT_EQ(openPath("link-out", 0), Errno::Loop);
  EXPECT_EQ(onPath("path_create_directory", "../made"), Errno::NotCapable);
  EXPECT_EQ(onPath("path_unlink_file", "../outside.txt"), Errno::NotCapable);
  EXPECT_EQ(onPath("path_remove_directory", "sub/../.."), Errno::NotCapable);
  EXPECT_FALSE(std::filesystem::exists(Root / "made"));
  EXPECT_TRUE(std::filesystem::exists(Root / "outside.txt"));
}

TEST_F(WasiTest, EmbeddedNulIsRejected) {
  EXPECT_EQ(openPath(std::string("inside.txt\0../x", 15)), Errno::Inval);
}

TEST_F(WasiTest, HostilePointersFault) {
  // fd_write's iovec array running off the end of memory.
  EXPECT_EQ(call("fd_write", {Value::i32(1), Value::i32(65532), Value::i32(1), Value::i32(0)}),
            Errno::Fault);
  // A buffer whose pointer + length wraps around 2^32.
  uint32_t Iovec[2] = {0xFFFFFFF0u, 0x20};
  std::memcpy(Memory->base() + 16, Iovec, 8);
  EXPECT_EQ(call("fd_write", {Value::i32(1), Value::i32(16), Value::i32(1), Value::i32(0)}),
            Errno::Fault);
  // A count whose byte size overflows 32 bits.
  EXPECT_EQ(call("fd_write", {Value::i32(1), Value::i32(16), Value::i32(0x20000000),
                              Value::i32(0)}),
            Errno::Fault);
  EXPECT_EQ(call("args_sizes_get", {Value::i32(0xFFFFFFFF), Value::i32(0)}), Errno::Fault);
  EXPECT_EQ(call("args_get", {Value::i32(65535), Value::i32(0)}), Errno::Fault);
  EXPECT_EQ(call("random_get", {Value::i32(65000), Value::i32(1000)}), Errno::Fault);
  EXPECT_EQ(call("clock_time_get", {Value::i32(1), Value::i64(0), Value::i32(65530)}),
            Errno::Fault);
  EXPECT_EQ(call("poll_oneoff", {Value::i32(0), Value::i32(0), Value::i32(0x10000000),
                                 Value::i32(0)}),
            Errno::Fault);
  EXPECT_EQ(call("path_open", {Value::i32(PreopenFd), Value::i32(0), Value::i32(65530),
                               Value::i32(100), Value::i32(0), Value::i64(0), Value::i64(0),
                               Value::i32(0), Value::i32(0)}),
            Errno::Fault);
  // The last bytes of memory are fine.
  EXPECT_EQ(call("clock_time_get", {Value::i32(1), Value::i64(0), Value::i32(65528)}),
            Errno::Success);
}

TEST_F(WasiTest, UnboundMemoryFaults) {
  Wasi->bindMemory(nullptr);
  EXPECT_EQ(call("args_sizes_get", {Value::i32(0), Value::i32(4)}), Errno::Fault);
}

TEST_F(WasiTest, ArgsAreWrittenWithinBounds) {
  ASSERT_EQ(call("args_sizes_get", {Value::i32(0), Value::i32(4)}), Errno::Success);
  uint32_t Count, Size;
  std::memcpy(&Count, Memory->base(), 4);
  std::memcpy(&Size, Memory->base() + 4, 4);
  EXPECT_EQ(Count, 2u);
  EXPECT_EQ(Size, 9u); // "prog\0arg\0"
  ASSERT_EQ(call("args_get", {Value::i32(100), Value::i32(200)}), Errno::Success);
  EXPECT_STREQ(reinterpret_cast<const char *>(Memory->base() + 205), "arg");
}

TEST_F(WasiTest, BadDescriptorsAreBadf) {
  EXPECT_EQ(call("fd_close", {Value::i32(77)}), Errno::BadF);
  EXPECT_EQ(call("fd_prestat_get", {Value::i32(4), Value::i32(0)}), Errno::BadF);
  EXPECT_EQ(call("fd_prestat_get", {Value::i32(PreopenFd), Value::i32(0)}), Errno::Success);
  EXPECT_EQ(call("fd_prestat_dir_name", {Value::i32(PreopenFd), Value::i32(16), Value::i32(3)}),
            Errno::NameTooLong);
}

TEST_F(WasiTest, ProcExitTrapsAndRecordsTheCode) {
  const runtime::Extern *Exit = Imports.find(WasiContext::ModuleName, "proc_exit");
  ASSERT_NE(Exit, nullptr);
  auto Result = Exit->function()->hostFunction()->call(std::vector<Value>{Value::i32(3)});
  EXPECT_FALSE(Result.has_value());
  ASSERT_TRUE(Wasi->exitCode().has_value());
  EXPECT_EQ(*Wasi->exitCode(), 3u);
}

} // namespace
