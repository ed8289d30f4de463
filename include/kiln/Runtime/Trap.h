//===- kiln/Runtime/Trap.h - The result of running WebAssembly --*- C++ -*-===//
//
// Running Wasm can fail in two ways that callers treat differently: the
// request is wrong before anything runs (an `Error`: unknown export, argument
// types, unlinkable imports) or the code traps. Calls therefore return
// `Expected<TrapOr<T>>`.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_TRAP_H
#define KILN_RUNTIME_TRAP_H

#include "kiln/ABI/TrapCode.h"

#include <expected>
#include <string>

namespace kiln::runtime {

/// Why execution stopped: the kind and a message. The message is the spec's
/// wording for the kind unless a host function supplied its own.
struct Trap {
  abi::TrapCode Code = abi::TrapCode::Unreachable;
  std::string Message;

  static Trap fromCode(abi::TrapCode Code) { return {Code, std::string(abi::trapMessage(Code))}; }
  /// A host function's failure: `HostTrap` with the host's message.
  static Trap host(std::string Message) { return {abi::TrapCode::HostTrap, std::move(Message)}; }
};

template <typename T> using TrapOr = std::expected<T, Trap>;

} // namespace kiln::runtime

#endif // KILN_RUNTIME_TRAP_H
