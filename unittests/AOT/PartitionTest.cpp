//===- PartitionTest.cpp - Parallel compiles of partitioned modules -------===//
//
// A module of many small functions that call each other in a chain, and a
// dispatcher that calls every one of them through the table, compiled with
// partitions a few functions wide: the object must not depend on -j, and
// calls that cross partitions (direct and indirect) must work when loaded.
//
//===----------------------------------------------------------------------===//
#include "kiln/AOT/AOT.h"
#include "kiln/Runtime/ArtifactLoader.h"
#include "kiln/Runtime/Imports.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/Store.h"
#include "kiln/Translate/Partition.h"
#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Encoder.h"
#include "kiln/Wasm/Validator.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <cstring>

using namespace kiln;
using runtime::Value;
using wasm::Opcode;

namespace {

/// Functions in the chain; f[i](x) = f[i+1](x + Step(i)), the last adds 1000.
constexpr uint32_t ChainLength = 24;
constexpr uint32_t DispatchIndex = ChainLength;

uint32_t step(uint32_t I) { return 3 * I + 1; }

/// What f[I](X) returns.
uint32_t expectedChain(uint32_t I, uint32_t X) {
  for (; I + 1 < ChainLength; ++I)
    X += step(I);
  return X + 1000;
}

wasm::Instruction op(Opcode Op, uint32_t Index = 0, uint32_t Index2 = 0) {
  wasm::Instruction I;
  I.Op = Op;
  I.Index = Index;
  I.Index2 = Index2;
  return I;
}

wasm::Instruction i32Const(uint32_t Value) {
  wasm::Instruction I = op(Opcode::I32Const);
  std::memcpy(I.Bytes.data(), &Value, sizeof Value);
  return I;
}

/// f[I]: x + step(I), padded by I % 4 pairs of (+0) so the bodies differ in
/// size, then the tail call of the chain.
wasm::FunctionBody chainBody(uint32_t I) {
  wasm::FunctionBody Body;
  Body.Code = {op(Opcode::LocalGet, 0), i32Const(I + 1 < ChainLength ? step(I) : 1000),
               op(Opcode::I32Add)};
  for (uint32_t Pad = 0; Pad < I % 4; ++Pad) {
    Body.Code.push_back(i32Const(0));
    Body.Code.push_back(op(Opcode::I32Add));
  }
  if (I + 1 < ChainLength)
    Body.Code.push_back(op(Opcode::Call, I + 1));
  Body.Code.push_back(op(Opcode::End));
  return Body;
}

/// The module's binary: f0..f23 (type 0, in the table at their index, f0
/// exported as "chain"), then dispatch(index, x) = table[index](x).
std::vector<uint8_t> buildModuleBytes() {
  using wasm::ValType;
  wasm::Module M;
  M.Types = {{{ValType::I32}, {ValType::I32}}, {{ValType::I32, ValType::I32}, {ValType::I32}}};
  wasm::ElementSegment Segment;
  Segment.TableOffset.Code = {i32Const(0), op(Opcode::End)};
  for (uint32_t I = 0; I < ChainLength; ++I) {
    M.FunctionTypeIndices.push_back(0);
    M.Bodies.push_back(chainBody(I));
    Segment.Items.push_back({{op(Opcode::RefFunc, I), op(Opcode::End)}, 0});
    // Two functions share a name, in different partitions: the symbols must
    // still come out unique (and the same in every partition).
    M.Names.FunctionNames[I] = I == 3 || I == 20 ? "twin" : "f" + std::to_string(I);
    // As a global symbol, "name@ver" would be read as a symbol version.
    if (I == 9)
      M.Names.FunctionNames[I] = "f9@V1";
  }
  M.FunctionTypeIndices.push_back(1);
  wasm::FunctionBody Dispatch;
  Dispatch.Code = {op(Opcode::LocalGet, 1), op(Opcode::LocalGet, 0),
                   op(Opcode::CallIndirect, 0, 0), op(Opcode::End)};
  M.Bodies.push_back(Dispatch);
  M.Tables.push_back({ValType::FuncRef, {ChainLength, ChainLength}});
  M.Elements.push_back(Segment);
  M.Exports = {{"chain", wasm::ExternKind::Func, 0, 0},
               {"dispatch", wasm::ExternKind::Func, DispatchIndex, 0}};
  M.buildIndexSpaces();
  return wasm::encodeModule(M, {.WriteNames = true});
}

/// Few enough bytes that a partition holds one or two functions.
constexpr uint64_t TinyPartitionBytes = 24;

class PartitionTest : public ::testing::Test {
protected:
  void SetUp() override {
    Bytes = buildModuleBytes();
    auto Decoded = wasm::decodeModule(Bytes);
    ASSERT_TRUE(Decoded) << Decoded.error().format();
    ASSERT_TRUE(wasm::validateModule(*Decoded));
    Module = std::move(*Decoded);
    const char *Base = std::getenv("TMPDIR");
    Folder = std::string(Base && *Base ? Base : "/tmp") + "/kiln-partition-test-XXXXXX";
    ASSERT_NE(mkdtemp(Folder.data()), nullptr);
  }
  void TearDown() override {
    for (const std::string &Path : Written)
      unlink(Path.c_str());
    rmdir(Folder.c_str());
  }

  aot::ArtifactOptions options(unsigned Jobs, uint64_t PartitionBytes = TinyPartitionBytes) {
    aot::ArtifactOptions Options;
    Options.Jobs = Jobs;
    Options.PartitionSizeInBytes = PartitionBytes;
    return Options;
  }

  std::string object(const aot::ArtifactOptions &Options) {
    auto Object = aot::compileArtifactObject(Bytes, Module, Options);
    EXPECT_TRUE(Object) << Object.error().format();
    return Object ? *Object : std::string();
  }

  std::shared_ptr<const runtime::CompiledModule> load(const aot::ArtifactOptions &Options,
                                                      const std::string &Name) {
    std::string Path = Folder + "/" + Name;
    Written.push_back(Path);
    auto Done = aot::writeArtifact(Bytes, Module, Options, Path);
    EXPECT_TRUE(Done) << Done.error().format();
    auto Loaded = runtime::loadArtifact(Path);
    EXPECT_TRUE(Loaded) << Loaded.error().format();
    return Loaded ? *Loaded : nullptr;
  }

  std::vector<uint8_t> Bytes;
  wasm::Module Module;
  std::string Folder;
  std::vector<std::string> Written;
};

uint64_t bodyBytes(const wasm::Module &M, translate::FunctionRange Range) {
  uint64_t Total = 0;
  for (uint32_t Index = Range.First; Index < Range.End; ++Index)
    Total += M.Bodies[Index - M.ImportedFuncCount].Size;
  return Total;
}

TEST_F(PartitionTest, PlanCoversEveryFunctionInOrder) {
  std::vector<translate::FunctionRange> Plan =
      translate::planPartitions(Module, TinyPartitionBytes);
  ASSERT_GT(Plan.size(), 4u);
  EXPECT_EQ(Plan.front().First, Module.ImportedFuncCount);
  EXPECT_EQ(Plan.back().End, Module.FuncSpace.size());
  for (size_t Index = 0; Index < Plan.size(); ++Index) {
    EXPECT_LT(Plan[Index].First, Plan[Index].End) << "partition " << Index << " is empty";
    if (Index > 0)
      EXPECT_EQ(Plan[Index - 1].End, Plan[Index].First);
    if (Plan[Index].End - Plan[Index].First > 1)
      EXPECT_LE(bodyBytes(Module, Plan[Index]), TinyPartitionBytes);
  }
  // Size 0 and the default (the module is far smaller) give one partition.
  for (uint64_t Size : {uint64_t{0}, translate::DefaultPartitionSizeInBytes}) {
    std::vector<translate::FunctionRange> Whole = translate::planPartitions(Module, Size);
    ASSERT_EQ(Whole.size(), 1u);
    EXPECT_EQ(Whole[0], (translate::FunctionRange{0, ChainLength + 1}));
  }
}

TEST_F(PartitionTest, ModuleWithoutFunctionsHasOneEmptyPartition) {
  wasm::Module Empty;
  Empty.buildIndexSpaces();
  std::vector<translate::FunctionRange> Plan = translate::planPartitions(Empty, 1);
  ASSERT_EQ(Plan.size(), 1u);
  EXPECT_EQ(Plan[0].First, Plan[0].End);
}

TEST_F(PartitionTest, ObjectDoesNotDependOnJobs) {
  std::string Sequential = object(options(1));
  ASSERT_FALSE(Sequential.empty());
  EXPECT_EQ(Sequential, object(options(4)));
  EXPECT_EQ(Sequential, object(options(4)));
  EXPECT_EQ(Sequential, object(options(2)));
  // The tiny size really did split the module: one partition differs.
  EXPECT_NE(Sequential, object(options(4, 0)));
}

TEST_F(PartitionTest, UnsplitModuleIgnoresJobs) {
  EXPECT_EQ(object(options(1, 0)), object(options(4, 0)));
}

TEST_F(PartitionTest, CallsCrossPartitions) {
  for (auto [Name, Options] : {std::pair{"split.so", options(4)},
                               std::pair{"whole.so", options(1, 0)}}) {
    SCOPED_TRACE(Name);
    auto Compiled = load(Options, Name);
    ASSERT_NE(Compiled, nullptr);
    runtime::Store Store;
    auto Instantiated = Store.instantiate(Compiled, runtime::Imports());
    ASSERT_TRUE(Instantiated) << Instantiated.error().format();
    ASSERT_TRUE(*Instantiated);
    runtime::Instance *Inst = **Instantiated;
    // Direct calls through all partitions.
    std::vector<Value> Args{Value::i32(5)};
    auto Chain = Inst->call("chain", Args);
    ASSERT_TRUE(Chain && *Chain) << "chain failed";
    EXPECT_EQ((**Chain)[0].i32(), expectedChain(0, 5));
    // call_indirect from the last partition into every other one.
    for (uint32_t Index = 0; Index < ChainLength; ++Index) {
      std::vector<Value> DispatchArgs{Value::i32(Index), Value::i32(7)};
      auto Result = Inst->call("dispatch", DispatchArgs);
      ASSERT_TRUE(Result && *Result) << "dispatch to " << Index << " failed";
      EXPECT_EQ((**Result)[0].i32(), expectedChain(Index, 7)) << "through f" << Index;
    }
  }
}

} // namespace
