//===- State.h - What the WASI functions of one context share --*- C++ -*-===//
#ifndef KILN_LIB_WASI_STATE_H
#define KILN_LIB_WASI_STATE_H

#include "FdTable.h"

#include <optional>
#include <string>
#include <vector>

namespace kiln::runtime {
class LinearMemory;
}

namespace kiln::wasi::detail {

struct State {
  std::vector<std::string> Args;
  std::vector<std::string> Env;
  FdTable Fds;
  /// The bound instance's memory; null until bound (every access faults).
  runtime::LinearMemory *Memory = nullptr;
  std::optional<uint32_t> ExitCode;
};

} // namespace kiln::wasi::detail

#endif // KILN_LIB_WASI_STATE_H
