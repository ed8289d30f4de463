//===- TextParserFuzzer.cpp - libFuzzer target for the text reader --------===//
//
// Feeds arbitrary bytes to the .wat module parser and the .wast script
// parser. Beyond "no crash, no sanitizer report", it checks one invariant:
// a module that parses and validates encodes to a binary that decodes, and
// re-encoding the decoded module gives the same bytes.
//
// Seeds: any .wat/.wast text, e.g. the spec suite's scripts.
//
//===----------------------------------------------------------------------===//
#include "kiln/Text/Parser.h"
#include "kiln/Text/Script.h"
#include "kiln/Text/SourceMap.h"
#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Encoder.h"
#include "kiln/Wasm/Validator.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace kiln;

namespace {

[[noreturn]] void fail(const char *What, const std::string &Detail) {
  std::fprintf(stderr, "TextParserFuzzer: %s: %s\n", What, Detail.c_str());
  std::abort();
}

void checkModule(const wasm::Module &M) {
  if (!wasm::validateModule(M))
    return;
  wasm::EncoderOptions Options;
  Options.WriteNames = true;
  std::vector<uint8_t> Binary = wasm::encodeModule(M, Options);
  auto Decoded = wasm::decodeModule(Binary);
  if (!Decoded)
    fail("a valid text module encodes to a binary that does not decode",
         Decoded.error().format());
  if (wasm::encodeModule(*Decoded, Options) != Binary)
    fail("re-encoding the decoded module changed the bytes", "");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Source(reinterpret_cast<const char *>(Data), Size);
  if (auto M = text::parseModule(Source)) {
    checkModule(*M);
  } else {
    // Formatting must work for any offset the parser reports.
    (void)text::formatTextError(M.error(), "fuzz.wat", Source);
  }
  if (auto S = text::parseScript(Source, "fuzz.wast")) {
    for (const text::ScriptCommand &C : S->Commands)
      if (C.Kind == text::CommandKind::Module && C.Module.TheForm == text::ScriptModule::Form::Text)
        checkModule(C.Module.Parsed);
  }
  return 0;
}
