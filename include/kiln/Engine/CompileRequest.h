//===- kiln/Engine/CompileRequest.h - Every input of one compile -*- C++ -*-===//
//
// A `CompileRequest` is the one struct that holds every input able to change
// the code a compile generates: the key format, the Kiln and LLVM versions,
// the resolved target (triple, CPU, feature list), the enabled WebAssembly
// features, every code generation option and the module bytes. Its
// canonical encoding is hashed into the `CacheKey`, and a compiler reads its
// inputs from the request and from nowhere else: that is what makes a key
// safe to reuse. Options that only matter when instantiating (memory caps,
// table limits: `runtime::RuntimeConfig`) stay out, so they never split the
// cache.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_ENGINE_COMPILEREQUEST_H
#define KILN_ENGINE_COMPILEREQUEST_H

#include "kiln/CodeGen/TargetSpec.h"
#include "kiln/Engine/CacheKey.h"
#include "kiln/Wasm/Features.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::engine {

/// Bump whenever the encoding below changes or a field is added, so keys
/// written by an older Kiln never match.
inline constexpr uint32_t CurrentKeyFormatVersion = 1;

/// How compiled code keeps linear-memory accesses inside the sandbox.
enum class BoundsCheckStrategy : uint8_t {
  /// 4 GiB reservation plus a 4 GiB guard; out-of-bounds accesses fault.
  GuardPages,
  /// An explicit compare and branch to the trap block before each access.
  Explicit,
};

/// "guard-pages" or "explicit" (also the key encoding's spelling).
std::string_view boundsCheckStrategyName(BoundsCheckStrategy Strategy);

/// Every code generation option. A new option goes here, into the key
/// encoding (RequestEncoding.cpp) and into the key test's field list; the
/// static_assert below is a reminder.
struct CodegenOptions {
  codegen::OptLevel OptLevel = codegen::OptLevel::O2;
  BoundsCheckStrategy BoundsChecks = BoundsCheckStrategy::GuardPages;
  /// Instrumentation: emit DWARF for the GDB JIT interface.
  bool DebugInfo = false;
  /// Instrumentation: keep frame pointers, so profilers can walk stacks.
  bool FramePointers = false;

  bool operator==(const CodegenOptions &) const = default;
};
static_assert(sizeof(CodegenOptions) == 4,
              "a new codegen option must be added to the key encoding and its test");

/// The versions this build records in every request.
std::string_view kilnVersion();
std::string_view llvmVersion();

struct CompileRequest {
  uint32_t KeyFormatVersion = CurrentKeyFormatVersion;
  std::string KilnVersion;
  std::string LLVMVersion;
  /// Resolved (`codegen::resolveTargetSpec`): the triple, CPU and full
  /// feature list, never the empty "host" placeholders, so that a key names
  /// the same code on every machine.
  codegen::TargetSpec Target;
  wasm::Features WasmFeatures;
  CodegenOptions Codegen;
  /// The module's binary. Not owned: valid for the duration of the call
  /// that carries the request (the compile runs inside that call).
  std::span<const uint8_t> ModuleBytes;
};

/// The canonical encoding: a magic string, then each field in a fixed
/// order as a length-prefixed name and a length-prefixed value (lengths are
/// 64-bit little-endian; lists are a count and length-prefixed items).
/// Feature sets are spelled by name, so reordering an enum never changes a
/// key. (Disk cache files record the full key and the identity fields that
/// must match on loading; see DiskCache.h.)
std::vector<uint8_t> encodeCompileRequest(const CompileRequest &Request);

/// BLAKE3-256 of `encodeCompileRequest(Request)`, computed without copying
/// the module bytes.
CacheKey computeCacheKey(const CompileRequest &Request);

} // namespace kiln::engine

#endif // KILN_ENGINE_COMPILEREQUEST_H
