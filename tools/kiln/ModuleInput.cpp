//===- ModuleInput.cpp - Module files in binary or text form --------------===//
#include "ModuleInput.h"
#include "Files.h"

#include "kiln/Text/Parser.h"
#include "kiln/Text/SourceMap.h"
#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Encoder.h"
#include "kiln/Wasm/Validator.h"

namespace kiln::cli {

namespace {
using Diagnostic = std::unexpected<std::string>;

std::string_view asText(const std::vector<uint8_t> &Bytes) {
  return std::string_view(reinterpret_cast<const char *>(Bytes.data()), Bytes.size());
}

bool isTextModule(const std::vector<uint8_t> &Bytes) { return text::looksLikeText(asText(Bytes)); }

/// Parses and validates a text module; errors located by line and column.
std::expected<wasm::Module, std::string> parseTextModule(const std::string &File,
                                                         std::string_view Source,
                                                         const wasm::Features &Enabled) {
  auto Parsed = text::parseModule(Source);
  if (!Parsed)
    return Diagnostic(text::formatTextError(Parsed.error(), File, Source));
  if (auto Valid = wasm::validateModule(*Parsed, Enabled); !Valid)
    return Diagnostic(text::formatTextError(Valid.error(), File, Source));
  return std::move(*Parsed);
}
} // namespace

std::expected<void, std::string> checkModuleBytes(const std::string &File,
                                                  const std::vector<uint8_t> &Bytes,
                                                  const wasm::Features &Enabled) {
  if (isTextModule(Bytes)) {
    auto Parsed = parseTextModule(File, asText(Bytes), Enabled);
    if (!Parsed)
      return Diagnostic(Parsed.error());
    return {};
  }
  auto Module = wasm::decodeModule(Bytes, Enabled);
  if (!Module)
    return Diagnostic(Module.error().format(File));
  if (auto Valid = wasm::validateModule(*Module, Enabled); !Valid)
    return Diagnostic(Valid.error().format(File));
  return {};
}

std::expected<std::vector<uint8_t>, std::string> readModuleAsBinary(const std::string &File,
                                                                    const wasm::Features &Enabled) {
  auto Bytes = readFileBytes(File);
  if (!Bytes)
    return Diagnostic(Bytes.error().message());
  if (!isTextModule(*Bytes))
    return std::move(*Bytes);
  auto Parsed = parseTextModule(File, asText(*Bytes), Enabled);
  if (!Parsed)
    return Diagnostic(Parsed.error());
  return wasm::encodeModule(*Parsed);
}

} // namespace kiln::cli
