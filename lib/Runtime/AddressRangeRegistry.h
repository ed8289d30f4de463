//===- AddressRangeRegistry.h - Ranges a signal handler can read -*- C++ -*-===//
//
// A set of address ranges that threads add to and remove from under a mutex
// while a signal handler on any thread reads it with no lock and no
// allocation. Writers publish an immutable snapshot through an atomic
// pointer; a reader announces itself in a counter before loading the
// pointer, and a writer frees the snapshot it replaced only once the counter
// has dropped to zero. Faults are rare and short, so the wait is too.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_RUNTIME_ADDRESSRANGEREGISTRY_H
#define KILN_LIB_RUNTIME_ADDRESSRANGEREGISTRY_H

#include "kiln/Runtime/CompiledModule.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

namespace kiln::runtime {

class AddressRangeRegistry {
public:
  AddressRangeRegistry() = default;
  AddressRangeRegistry(const AddressRangeRegistry &) = delete;
  AddressRangeRegistry &operator=(const AddressRangeRegistry &) = delete;
  ~AddressRangeRegistry();

  /// Adds ranges under one handle; ranges may overlap earlier ones (code
  /// memory can be reused before its old owner has unregistered).
  uint64_t add(std::span<const CodeRange> Ranges);
  void remove(uint64_t Handle);
  /// Async-signal-safe.
  bool contains(uintptr_t Address) const;

private:
  struct Entry {
    uint64_t Handle;
    CodeRange Range;
  };
  struct Snapshot {
    std::vector<Entry> Entries;
  };

  /// Publishes `Next` and frees the snapshot it replaces once no reader
  /// can still see it. Called with `WriterLock` held.
  void publish(Snapshot *Next);

  std::mutex WriterLock;
  uint64_t NextHandle = 1;
  std::atomic<Snapshot *> Current{nullptr};
  mutable std::atomic<uint32_t> Readers{0};
};

} // namespace kiln::runtime

#endif // KILN_LIB_RUNTIME_ADDRESSRANGEREGISTRY_H
