//===- RequestEncoding.cpp - The canonical encoding of a compile request --===//
//
// Injective by construction: every name and value carries its length, and
// fields appear in one fixed order, so no two different requests share an
// encoding (and so, up to BLAKE3 collisions, a key). Values are spelled by
// name rather than by enum number so that reordering an enum in the source
// never silently renames every cached module.
//
//===----------------------------------------------------------------------===//
#include "RequestEncoding.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiln::engine {

namespace {

constexpr std::string_view Magic = "kiln.compile-request";

std::span<const uint8_t> asBytes(std::string_view Text) {
  return {reinterpret_cast<const uint8_t *>(Text.data()), Text.size()};
}

void appendLittleEndian(std::string &Out, uint64_t Value, unsigned SizeInBytes) {
  for (unsigned I = 0; I < SizeInBytes; ++I)
    Out += static_cast<char>((Value >> (8 * I)) & 0xff);
}

/// Writes length-prefixed items and name/value fields to a sink.
class FieldWriter {
public:
  explicit FieldWriter(ByteSink &Sink) : Sink(Sink) {}

  void item(std::span<const uint8_t> Data) {
    std::string Length;
    appendLittleEndian(Length, Data.size(), 8);
    Sink.write(asBytes(Length));
    Sink.write(Data);
  }
  void item(std::string_view Text) { item(asBytes(Text)); }
  void field(std::string_view Name, std::string_view Value) {
    item(Name);
    item(Value);
  }
  void field(std::string_view Name, std::span<const uint8_t> Value) {
    item(Name);
    item(Value);
  }

private:
  ByteSink &Sink;
};

/// A list as one value: the count, then each item length-prefixed.
std::string encodeList(const std::vector<std::string> &Items) {
  std::string Out;
  appendLittleEndian(Out, Items.size(), 8);
  for (const std::string &Item : Items) {
    appendLittleEndian(Out, Item.size(), 8);
    Out += Item;
  }
  return Out;
}

std::string encodeU32(uint32_t Value) {
  std::string Out;
  appendLittleEndian(Out, Value, 4);
  return Out;
}

std::string_view encodeFlag(bool Value) { return Value ? "1" : "0"; }

std::vector<std::string> enabledFeatureNames(const wasm::Features &Enabled) {
  std::vector<std::string> Names;
  for (size_t I = 0; I < static_cast<size_t>(wasm::Feature::Count); ++I) {
    auto F = static_cast<wasm::Feature>(I);
    if (Enabled.has(F))
      Names.emplace_back(wasm::featureName(F));
  }
  return Names;
}

class VectorSink final : public ByteSink {
public:
  void write(std::span<const uint8_t> Data) override {
    Bytes.insert(Bytes.end(), Data.begin(), Data.end());
  }
  std::vector<uint8_t> Bytes;
};

} // namespace

void encodeRequestSettingsTo(const CompileRequest &Request, ByteSink &Sink) {
  FieldWriter Writer(Sink);
  Writer.item(Magic);
  Writer.field("key-format", encodeU32(Request.KeyFormatVersion));
  Writer.field("kiln-version", Request.KilnVersion);
  Writer.field("llvm-version", Request.LLVMVersion);
  Writer.field("target-triple", Request.Target.Triple);
  Writer.field("target-cpu", Request.Target.CPU);
  // In the resolved order: LLVM applies features left to right, so order
  // can matter ("+a,-a" differs from "-a,+a").
  Writer.field("target-features", encodeList(Request.Target.Features));
  Writer.field("wasm-features", encodeList(enabledFeatureNames(Request.WasmFeatures)));
  const CodegenOptions &Codegen = Request.Codegen;
  Writer.field("opt-level", codegen::optLevelName(Codegen.OptLevel));
  Writer.field("bounds-checks", boundsCheckStrategyName(Codegen.BoundsChecks));
  Writer.field("debug-info", encodeFlag(Codegen.DebugInfo));
  Writer.field("frame-pointers", encodeFlag(Codegen.FramePointers));
}

void encodeModuleBytesTo(std::span<const uint8_t> ModuleBytes, ByteSink &Sink) {
  FieldWriter(Sink).field("module-bytes", ModuleBytes);
}

void encodeCompileRequestTo(const CompileRequest &Request, ByteSink &Sink) {
  encodeRequestSettingsTo(Request, Sink);
  encodeModuleBytesTo(Request.ModuleBytes, Sink);
}

std::vector<uint8_t> encodeCompileRequest(const CompileRequest &Request) {
  VectorSink Sink;
  encodeCompileRequestTo(Request, Sink);
  return std::move(Sink.Bytes);
}

} // namespace kiln::engine
