//===- kiln/Wasm/Features.h - Which WebAssembly proposals are on -*- C++ -*-===//
//
// WebAssembly 2.0 is on by default; later proposals are off until enabled.
// The decoder and validator consult this set and refuse a disabled feature
// with a message naming it.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_WASM_FEATURES_H
#define KILN_WASM_FEATURES_H

#include "kiln/Support/Error.h"

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiln::wasm {

#define KILN_FEATURES(X)                                                       \
  X(MVP, "mvp", true)                                                          \
  X(MutableGlobals, "mutable-globals", true)                                   \
  X(SignExtension, "sign-extension", true)                                     \
  X(SaturatingFloatToInt, "saturating-float-to-int", true)                     \
  X(MultiValue, "multi-value", true)                                           \
  X(ReferenceTypes, "reference-types", true)                                   \
  X(BulkMemory, "bulk-memory", true)                                           \
  X(SIMD, "simd", true)                                                        \
  X(TailCall, "tail-call", false)                                              \
  X(ExtendedConst, "extended-const", false)                                    \
  X(MultiMemory, "multi-memory", false)                                        \
  X(Memory64, "memory64", false)                                           \
  X(Threads, "threads", false)                                                 \
  X(ExceptionHandling, "exception-handling", false)                            \
  X(RelaxedSIMD, "relaxed-simd", false)                                        \
  X(FunctionReferences, "function-references", false)                          \
  X(GC, "gc", false)

enum class Feature : uint8_t {
#define KILN_FEATURE_ENUM(Name, Text, Default) Name,
  KILN_FEATURES(KILN_FEATURE_ENUM)
#undef KILN_FEATURE_ENUM
      Count
};

/// The feature's name as used on command lines: "bulk-memory".
std::string_view featureName(Feature F);

class Features {
public:
  /// WebAssembly 2.0: MVP plus the six proposals it merged.
  static Features wasm20();
  /// Nothing but the MVP (for testing that refusals work).
  static Features mvpOnly();

  bool has(Feature F) const { return Bits.test(static_cast<size_t>(F)); }
  Features &set(Feature F, bool On = true) {
    Bits.set(static_cast<size_t>(F), On);
    return *this;
  }

  /// Applies a list like "+tail-call,-simd" (also "all" and "none").
  Expected<Features> withChanges(std::string_view Spec) const;
  /// "+simd,+bulk-memory,...": every enabled feature, canonical order.
  std::string describe() const;

  bool operator==(const Features &) const = default;

private:
  std::bitset<static_cast<size_t>(Feature::Count)> Bits;
};

} // namespace kiln::wasm

#endif // KILN_WASM_FEATURES_H
