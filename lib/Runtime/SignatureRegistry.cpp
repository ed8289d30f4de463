//===- SignatureRegistry.cpp - Canonical signature ids --------------------===//
#include "kiln/Runtime/SignatureRegistry.h"

#include <oneapi/tbb/concurrent_hash_map.h>

#include <array>
#include <atomic>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <utility>

namespace kiln::runtime {
namespace {

struct FuncTypeHashCompare {
  static size_t hash(const wasm::FuncType &Type) {
    size_t H = Type.Params.size() * 31 + Type.Results.size();
    auto Mix = [&H](wasm::ValType V) {
      H = (H ^ static_cast<size_t>(V)) * 0x100000001b3ULL;
    };
    for (wasm::ValType V : Type.Params)
      Mix(V);
    H = (H ^ 0xff) * 0x100000001b3ULL; // Separates params from results.
    for (wasm::ValType V : Type.Results)
      Mix(V);
    return H;
  }
  static bool equal(const wasm::FuncType &A, const wasm::FuncType &B) { return A == B; }
};

/// Id -> type lookup without locks: a two-level table whose chunks are
/// allocated on demand and never freed or moved.
class TypeTable {
public:
  void set(uint32_t Index, const wasm::FuncType *Type) {
    std::atomic<const wasm::FuncType *> *Chunk = chunk(Index / ChunkSize);
    Chunk[Index % ChunkSize].store(Type, std::memory_order_release);
  }
  const wasm::FuncType *get(uint32_t Index) const {
    std::atomic<const wasm::FuncType *> *Chunk =
        Chunks[Index / ChunkSize].load(std::memory_order_acquire);
    return Chunk ? Chunk[Index % ChunkSize].load(std::memory_order_acquire) : nullptr;
  }
  static constexpr uint32_t Capacity = 4096 * 1024;

private:
  static constexpr uint32_t ChunkSize = 1024;

  std::atomic<const wasm::FuncType *> *chunk(uint32_t ChunkIndex) {
    std::atomic<const wasm::FuncType *> *Chunk = Chunks[ChunkIndex].load(std::memory_order_acquire);
    if (Chunk)
      return Chunk;
    auto *Fresh = new std::atomic<const wasm::FuncType *>[ChunkSize]();
    if (Chunks[ChunkIndex].compare_exchange_strong(Chunk, Fresh, std::memory_order_acq_rel))
      return Fresh;
    delete[] Fresh; // Another thread installed one first.
    return Chunk;
  }

  std::array<std::atomic<std::atomic<const wasm::FuncType *> *>, Capacity / ChunkSize> Chunks{};
};

class Registry {
public:
  uint32_t idOf(const wasm::FuncType &Type) {
    // The write accessor keeps the entry locked until its id is set, so two
    // threads registering the same type agree on one id.
    Map::accessor Entry;
    if (Ids.insert(Entry, Type)) {
      uint32_t Index = NextIndex.fetch_add(1);
      if (Index >= TypeTable::Capacity) {
        std::fprintf(stderr, "kiln: more than %u distinct function types\n", TypeTable::Capacity);
        std::abort();
      }
      Types.set(Index, new wasm::FuncType(Type));
      Entry->second = Index + 1;
    }
    return Entry->second;
  }

  const wasm::FuncType &typeOf(uint32_t Id) const {
    const wasm::FuncType *Type = Id ? Types.get(Id - 1) : nullptr;
    assert(Type && "not a canonical signature id");
    return *Type;
  }

private:
  // std::allocator rather than TBB's default scalable allocator, whose
  // memory comes from mmap that LeakSanitizer does not scan. (For the same
  // reason the id -> type table is not a tbb::concurrent_vector: it stores
  // segment pointers LeakSanitizer cannot follow.)
  using Map = tbb::concurrent_hash_map<wasm::FuncType, uint32_t, FuncTypeHashCompare,
                                       std::allocator<std::pair<const wasm::FuncType, uint32_t>>>;
  Map Ids;
  std::atomic<uint32_t> NextIndex{0};
  TypeTable Types;
};

// Never destroyed: compiled code and other threads may use ids until exit.
Registry &registry() {
  static auto *R = new Registry;
  return *R;
}

} // namespace

uint32_t canonicalSignatureId(const wasm::FuncType &Type) { return registry().idOf(Type); }

const wasm::FuncType &signatureType(uint32_t Id) { return registry().typeOf(Id); }

} // namespace kiln::runtime
