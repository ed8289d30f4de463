//===- CacheKey.cpp - Digests of compile requests -------------------------===//
#include "kiln/Engine/CacheKey.h"

#include "RequestEncoding.h"

#include "llvm/Support/BLAKE3.h"

namespace kiln::engine {

std::string CacheKey::hex() const {
  static constexpr char Digits[] = "0123456789abcdef";
  std::string Text;
  Text.reserve(2 * SizeInBytes);
  for (uint8_t Byte : Bytes) {
    Text += Digits[Byte >> 4];
    Text += Digits[Byte & 0xf];
  }
  return Text;
}

uint64_t CacheKey::hashPrefix() const {
  uint64_t Value = 0;
  for (size_t I = 0; I < sizeof(Value); ++I)
    Value |= uint64_t(Bytes[I]) << (8 * I);
  return Value;
}

namespace {
/// Feeds the encoding straight into the hasher, so large module bytes are
/// never copied.
class HashingSink final : public ByteSink {
public:
  void write(std::span<const uint8_t> Data) override {
    Hasher.update(llvm::ArrayRef<uint8_t>(Data.data(), Data.size()));
  }
  CacheKey finish() {
    CacheKey Key;
    Hasher.final(Key.Bytes);
    return Key;
  }

private:
  llvm::BLAKE3 Hasher;
};
} // namespace

CacheKey computeCacheKey(const CompileRequest &Request) {
  HashingSink Sink;
  encodeCompileRequestTo(Request, Sink);
  return Sink.finish();
}

} // namespace kiln::engine
