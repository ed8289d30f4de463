//===- CacheKey.cpp - Digests of compile requests -------------------------===//
#include "kiln/Engine/CacheKey.h"

#include "RequestEncoding.h"
#include "SettingsKeyHasher.h"

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
/// Feeds the encoding straight into a hasher, so large module bytes are
/// never copied.
class HashingSink final : public ByteSink {
public:
  explicit HashingSink(llvm::BLAKE3 &Hasher) : Hasher(Hasher) {}
  void write(std::span<const uint8_t> Data) override {
    Hasher.update(llvm::ArrayRef<uint8_t>(Data.data(), Data.size()));
  }

private:
  llvm::BLAKE3 &Hasher;
};

CacheKey finish(llvm::BLAKE3 &Hasher) {
  CacheKey Key;
  Hasher.final(Key.Bytes);
  return Key;
}
} // namespace

CacheKey computeCacheKey(const CompileRequest &Request) {
  llvm::BLAKE3 Hasher;
  HashingSink Sink(Hasher);
  encodeCompileRequestTo(Request, Sink);
  return finish(Hasher);
}

SettingsKeyHasher::SettingsKeyHasher(const CompileRequest &Settings) {
  HashingSink Sink(Prefix);
  encodeRequestSettingsTo(Settings, Sink);
}

CacheKey SettingsKeyHasher::keyFor(std::span<const uint8_t> ModuleBytes) const {
  // BLAKE3's state is a plain struct: a copy resumes hashing where the
  // settings ended.
  llvm::BLAKE3 Hasher = Prefix;
  HashingSink Sink(Hasher);
  encodeModuleBytesTo(ModuleBytes, Sink);
  return finish(Hasher);
}

} // namespace kiln::engine
