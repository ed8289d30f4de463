//===- Environment.cpp - Profiling and debugging switches from the env ----===//
#include "kiln/JIT/JIT.h"

#include <cstdlib>
#include <cstring>

namespace kiln::jit {

static bool flagSet(const char *Name) {
  const char *Value = std::getenv(Name);
  return Value && std::strcmp(Value, "1") == 0;
}

bool perfMapRequestedByEnvironment() { return flagSet("KILN_PERF_MAP"); }
bool debuggerSupportRequestedByEnvironment() { return flagSet("KILN_GDB_JIT"); }

} // namespace kiln::jit
