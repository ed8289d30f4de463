//===- CHeaderTest.cpp - The C header of --emit=obj --header --------------===//
#include "kiln/AOT/AOT.h"

#include <gtest/gtest.h>

namespace kiln::aot {
namespace {

using wasm::ValType;

/// A module whose function I has type Types[I] and is exported as Names[I]
/// (only what the header generator reads).
wasm::Module moduleExporting(std::vector<std::string> Names, std::vector<wasm::FuncType> Types) {
  wasm::Module M;
  for (size_t Index = 0; Index < Names.size(); ++Index) {
    M.Types.push_back(Types[Index]);
    M.FuncSpace.push_back(static_cast<uint32_t>(Index));
    M.Exports.push_back({Names[Index], wasm::ExternKind::Func, static_cast<uint32_t>(Index), 0});
  }
  return M;
}

TEST(CHeaderTest, SanitisesIdentifiers) {
  EXPECT_EQ(sanitizeCIdentifier("fib"), "fib");
  EXPECT_EQ(sanitizeCIdentifier("my-module.v2"), "my_module_v2");
  EXPECT_EQ(sanitizeCIdentifier("2fast"), "m_2fast");
  EXPECT_EQ(sanitizeCIdentifier(""), "m_");
  EXPECT_EQ(sanitizeCIdentifier("caf\xc3\xa9"), "caf__");
}

TEST(CHeaderTest, CollidingExportNamesGetSuffixes) {
  wasm::Module M = moduleExporting({"a-b", "a_b"}, {{{}, {ValType::I32}}, {{}, {ValType::I32}}});
  std::string Header = generateCHeader(M, "m", "m.wat");
  EXPECT_NE(Header.find("static inline int m_export_a_b(m_instance *instance, int32_t *result)"),
            std::string::npos);
  EXPECT_NE(Header.find("static inline int m_export_a_b_2(m_instance *instance, int32_t *result)"),
            std::string::npos);
  EXPECT_NE(Header.find("kiln_instance_call(instance, \"a-b\""), std::string::npos);
  EXPECT_NE(Header.find("kiln_instance_call(instance, \"a_b\""), std::string::npos);
}

TEST(CHeaderTest, EscapesExportNamesInStringLiterals) {
  wasm::Module M = moduleExporting({"q\"\\x\n"}, {wasm::FuncType{}});
  std::string Header = generateCHeader(M, "m", "m.wat");
  EXPECT_NE(Header.find(R"(kiln_instance_call(instance, "q\"\\x\012", args, 0, results, 0))"),
            std::string::npos)
      << Header;
}

TEST(CHeaderTest, UnusableParameterNamesFallBackToPositions) {
  wasm::Module M = moduleExporting(
      {"f"}, {{{ValType::I32, ValType::I64, ValType::F32, ValType::F64}, {}}});
  M.Names.LocalNames[0] = {{0, "int"}, {1, "instance"}, {2, "ok"}};
  std::string Header = generateCHeader(M, "m", "m.wat");
  EXPECT_NE(Header.find("m_export_f(m_instance *instance, int32_t p0, int64_t p1, float ok, "
                        "double p3)"),
            std::string::npos)
      << Header;
}

TEST(CHeaderTest, SkipsNonNumericSignatures) {
  wasm::Module M =
      moduleExporting({"r", "v"}, {{{ValType::ExternRef}, {}}, {{}, {ValType::V128}}});
  M.Exports.push_back({"t", wasm::ExternKind::Table, 0, 0});
  std::string Header = generateCHeader(M, "m", "m.wat");
  EXPECT_NE(Header.find("/* export \"t\" is not a function; it has no wrapper. */"),
            std::string::npos);
  EXPECT_NE(Header.find("/* export \"r\": (externref) -> () is skipped"), std::string::npos);
  EXPECT_NE(Header.find("/* export \"v\": () -> (v128) is skipped"), std::string::npos);
  EXPECT_EQ(Header.find("m_export_r"), std::string::npos);
  EXPECT_EQ(Header.find("m_export_v"), std::string::npos);
}

} // namespace
} // namespace kiln::aot
