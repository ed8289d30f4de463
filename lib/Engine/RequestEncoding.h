//===- RequestEncoding.h - Streaming the canonical request encoding -*- C++ -*-===//
#ifndef KILN_LIB_ENGINE_REQUESTENCODING_H
#define KILN_LIB_ENGINE_REQUESTENCODING_H

#include "kiln/Engine/CompileRequest.h"

#include <cstdint>
#include <span>

namespace kiln::engine {

/// Where the encoder writes: a byte vector or a hasher.
class ByteSink {
public:
  virtual ~ByteSink() = default;
  virtual void write(std::span<const uint8_t> Data) = 0;
};

/// Writes the canonical encoding of `Request` (see `encodeCompileRequest`).
void encodeCompileRequestTo(const CompileRequest &Request, ByteSink &Sink);

/// The two parts of that encoding, in order: every field but the module
/// bytes (the module bytes are the last field), then the module bytes. An
/// Engine's settings are fixed, so it hashes the first part once.
void encodeRequestSettingsTo(const CompileRequest &Request, ByteSink &Sink);
void encodeModuleBytesTo(std::span<const uint8_t> ModuleBytes, ByteSink &Sink);

} // namespace kiln::engine

#endif // KILN_LIB_ENGINE_REQUESTENCODING_H
