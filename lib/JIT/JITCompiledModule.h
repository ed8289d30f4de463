//===- JITCompiledModule.h - A CompiledModule that owns its LLJIT -*- C++ -*-===//
#ifndef KILN_LIB_JIT_JITCOMPILEDMODULE_H
#define KILN_LIB_JIT_JITCOMPILEDMODULE_H

#include "kiln/Runtime/CompiledModule.h"

#include "llvm/ExecutionEngine/Orc/LLJIT.h"

#include <memory>

namespace kiln::jit {

/// Keeps the JIT session, and with it the code memory, alive as long as the
/// module. Destroying the LLJIT ends the session, which frees the code and
/// deregisters it from gdb; the base class then unregisters the code ranges.
class JITCompiledModule final : public runtime::CompiledModule {
public:
  JITCompiledModule(std::unique_ptr<llvm::orc::LLJIT> Session, runtime::CompiledModuleParts Parts)
      : CompiledModule(std::move(Parts)), Session(std::move(Session)) {}

private:
  std::unique_ptr<llvm::orc::LLJIT> Session;
};

} // namespace kiln::jit

#endif // KILN_LIB_JIT_JITCOMPILEDMODULE_H
