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

} // namespace kiln::engine

#endif // KILN_LIB_ENGINE_REQUESTENCODING_H
