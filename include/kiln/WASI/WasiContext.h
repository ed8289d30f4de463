//===- kiln/WASI/WasiContext.h - wasi_snapshot_preview1 for one program -*- C++ -*-===//
//
// A WasiContext is what one running program sees of the host: its
// arguments, environment, stdio and the directories it was given. Like other
// capability-based runtimes it exposes no ambient file system: every path is
// resolved beneath a preopened directory, and escapes (`..`, absolute paths,
// symlinks leading out) fail with `NotCapable`.
//
// Host functions are called with no reference to the calling instance (the
// runtime's host calling convention passes only the host function's own
// context), so the context is bound to one instance's exported "memory"
// after instantiation; one WasiContext serves one instance.
//
// `proc_exit` stops the program with a host trap; the code it was given is
// then available from `exitCode()`.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_WASI_WASICONTEXT_H
#define KILN_WASI_WASICONTEXT_H

#include "kiln/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::runtime {
class Imports;
class Instance;
class LinearMemory;
} // namespace kiln::runtime

namespace kiln::wasm {
struct Module;
}

namespace kiln::wasi {

namespace detail {
struct State;
}

/// A host directory the guest sees under `GuestPath` (fds 3, 4, ... in order).
struct Preopen {
  std::string HostPath;
  std::string GuestPath;
};

struct WasiConfig {
  /// argv, starting with the program's name.
  std::vector<std::string> Args;
  /// "KEY=VALUE" strings.
  std::vector<std::string> Env;
  std::vector<Preopen> Preopens;
  /// Host descriptors behind guest fds 0, 1, 2; duplicated, so a guest that
  /// closes its stdout does not close the host's.
  int StdinFd = 0;
  int StdoutFd = 1;
  int StderrFd = 2;
};

class WasiContext {
public:
  static constexpr std::string_view ModuleName = "wasi_snapshot_preview1";

  /// Opens the preopened directories; a missing or unreadable one is an Io
  /// error naming it.
  static Expected<std::unique_ptr<WasiContext>> create(WasiConfig Config);
  WasiContext(const WasiContext &) = delete;
  WasiContext &operator=(const WasiContext &) = delete;
  ~WasiContext();

  /// Defines every preview1 function under `ModuleName`. The functions refer
  /// to this context, which must outlive every call to them.
  void defineImports(runtime::Imports &Into);

  /// Makes `I`'s exported "memory" the one guest pointers refer to; an
  /// instance without one is an Unlinkable error.
  Expected<void> bindInstance(const runtime::Instance &I);
  /// The same with a memory directly (tests, embedders).
  void bindMemory(runtime::LinearMemory *Memory);

  /// The code the program passed to `proc_exit`, once it has called it.
  std::optional<uint32_t> exitCode() const;

  /// Whether `M` imports anything from `ModuleName`.
  static bool isImportedBy(const wasm::Module &M);

private:
  explicit WasiContext(std::unique_ptr<detail::State> S);
  std::unique_ptr<detail::State> S;
};

} // namespace kiln::wasi

#endif // KILN_WASI_WASICONTEXT_H
