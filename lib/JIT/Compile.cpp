//===- Compile.cpp - Translate, optimise and link a module in memory ------===//
//
// One compile owns everything it uses: an LLVMContext, a TargetMachine, an
// LLJIT session with its own JITDylib and JITLink memory. The runtime's
// builtins are defined in that JITDylib as absolute symbols; anything else
// the code needs from the process (memcpy, libm calls LLVM emits on targets
// without an instruction) comes from the process-symbols JITDylib LLJIT
// links by default.
//
//===----------------------------------------------------------------------===//
#include "kiln/JIT/JIT.h"

#include "JITCompiledModule.h"
#include "LinkPlugins.h"

#include "kiln/CodeGen/CodeGen.h"
#include "kiln/Runtime/Builtins.h"
#include "kiln/Translate/Translate.h"

#include "llvm/ExecutionEngine/JITLink/EHFrameSupport.h"
#include "llvm/ExecutionEngine/Orc/CompileUtils.h"
#include "llvm/ExecutionEngine/Orc/Debugging/DebuggerSupport.h"
#include "llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

namespace kiln::jit {

namespace orc = llvm::orc;

namespace {

Error toKilnError(llvm::Error E, std::string_view What) {
  return Error(ErrorKind::Internal, std::string(What) + ": " + llvm::toString(std::move(E)));
}

/// The spec, resolved, if it describes this process's machine.
Expected<codegen::TargetSpec> resolveHostTarget(const codegen::TargetSpec &Spec) {
  std::string Host = llvm::Triple::normalize(llvm::sys::getProcessTriple());
  if (!Spec.Triple.empty() && llvm::Triple::normalize(Spec.Triple) != Host)
    return makeError(ErrorKind::Unsupported, "the JIT runs code in this process (" + Host +
                                                 "); it cannot target " + Spec.Triple);
  return codegen::resolveTargetSpec(Spec);
}

struct SessionConfig {
  const codegen::TargetSpec &Target;
  const JITOptions &Options;
  std::shared_ptr<std::vector<runtime::CodeRange>> Ranges;
};

Expected<std::unique_ptr<orc::LLJIT>> createSession(const SessionConfig &Config,
                                                    std::unique_ptr<llvm::TargetMachine> TM) {
  orc::JITTargetMachineBuilder Machine{llvm::Triple(Config.Target.Triple)};
  Machine.setCPU(Config.Target.CPU);
  Machine.addFeatures(Config.Target.Features);
  Machine.setRelocationModel(llvm::Reloc::PIC_);
  Machine.setCodeModel(llvm::CodeModel::Small);
  // std::function must be copyable; the one TargetMachine moves out once.
  auto Compiler = std::make_shared<std::unique_ptr<llvm::TargetMachine>>(std::move(TM));
  bool PerfMap = Config.Options.PerfMap;
  auto Ranges = Config.Ranges;
  auto Session =
      orc::LLJITBuilder()
          .setJITTargetMachineBuilder(std::move(Machine))
          .setCompileFunctionCreator(
              [Compiler](orc::JITTargetMachineBuilder)
                  -> llvm::Expected<std::unique_ptr<orc::IRCompileLayer::IRCompiler>> {
                return std::make_unique<orc::TMOwningSimpleCompiler>(std::move(*Compiler));
              })
          .setObjectLinkingLayerCreator(
              [PerfMap, Ranges](orc::ExecutionSession &ES, const llvm::Triple &)
                  -> llvm::Expected<std::unique_ptr<orc::ObjectLayer>> {
                auto Layer = std::make_unique<orc::ObjectLinkingLayer>(ES);
                Layer->addPlugin(std::make_unique<orc::EHFrameRegistrationPlugin>(
                    ES, std::make_unique<llvm::jitlink::InProcessEHFrameRegistrar>()));
                Layer->addPlugin(std::make_unique<CodeRangeRecorder>(Ranges));
                if (PerfMap)
                  Layer->addPlugin(std::make_unique<PerfMapWriter>());
                return Layer;
              })
          // No static initialisers or platform runtime: the module has none.
          .setPlatformSetUp(orc::setUpInactivePlatform)
          .create();
  if (!Session)
    return std::unexpected(toKilnError(Session.takeError(), "cannot start a JIT session"));
  if (Config.Options.DebuggerSupport)
    if (llvm::Error E = orc::enableDebuggerSupport(**Session))
      return std::unexpected(toKilnError(std::move(E), "cannot register with gdb"));
  return std::move(*Session);
}

Expected<void> defineBuiltins(orc::LLJIT &Session) {
  orc::SymbolMap Symbols;
  for (const runtime::BuiltinSymbol &Builtin : runtime::builtinSymbols())
    Symbols[Session.mangleAndIntern(llvm::StringRef(Builtin.Name.data(), Builtin.Name.size()))] = {
        orc::ExecutorAddr::fromPtr(Builtin.Address),
        llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable};
  if (llvm::Error E = Session.getMainJITDylib().define(orc::absoluteSymbols(std::move(Symbols))))
    return std::unexpected(toKilnError(std::move(E), "cannot define the runtime builtins"));
  return {};
}

/// Reads one of the pointer tables of docs/ABI.md; looking it up is what
/// makes LLJIT compile and link the module.
Expected<std::vector<void *>> readTable(orc::LLJIT &Session, std::string_view Symbol,
                                        size_t Count) {
  auto Address = Session.lookup(llvm::StringRef(Symbol.data(), Symbol.size()));
  if (!Address)
    return std::unexpected(toKilnError(Address.takeError(), "JIT linking failed"));
  void *const *Table = Address->toPtr<void *const *>();
  return std::vector<void *>(Table, Table + Count);
}

Expected<runtime::CompiledModuleParts>
linkModule(orc::LLJIT &Session, std::shared_ptr<const wasm::Module> Module,
           std::unique_ptr<llvm::Module> IR, std::unique_ptr<llvm::LLVMContext> Context) {
  if (Expected<void> Defined = defineBuiltins(Session); !Defined)
    return forwardError(Defined);
  if (llvm::Error E =
          Session.addIRModule(orc::ThreadSafeModule(std::move(IR), std::move(Context))))
    return std::unexpected(toKilnError(std::move(E), "cannot add the module to the JIT"));
  runtime::CompiledModuleParts Parts;
  size_t DefinedCount = Module->FuncSpace.size() - Module->ImportedFuncCount;
  size_t TypeCount = Module->Types.size();
  auto Functions = readTable(Session, translate::FunctionTableSymbol, DefinedCount);
  if (!Functions)
    return forwardError(Functions);
  auto Entries = readTable(Session, translate::EntryTableSymbol, TypeCount);
  if (!Entries)
    return forwardError(Entries);
  auto Adapters = readTable(Session, translate::HostAdapterTableSymbol, TypeCount);
  if (!Adapters)
    return forwardError(Adapters);
  Parts.Module = std::move(Module);
  Parts.DefinedFunctions = std::move(*Functions);
  Parts.EntryTrampolines = std::move(*Entries);
  Parts.HostAdapters = std::move(*Adapters);
  return Parts;
}

} // namespace

Expected<std::shared_ptr<const runtime::CompiledModule>>
compileModule(std::shared_ptr<const wasm::Module> Module, const JITOptions &Options) {
  auto Target = resolveHostTarget(Options.Target);
  if (!Target)
    return forwardError(Target);
  auto Context = std::make_unique<llvm::LLVMContext>();
  translate::TranslateOptions Translation;
  Translation.ModuleName = Module->Names.ModuleName.value_or("wasm");
  Translation.MemoryBoundsChecks = Options.MemoryBoundsChecks;
  Translation.FramePointers = Options.FramePointers;
  Translation.DebugInfo = Options.DebugInfo;
  auto IR = translate::translateModule(*Module, *Context, Translation);
  if (!IR)
    return forwardError(IR);
  auto TM = codegen::createTargetMachine(*Target, Options.Level, codegen::CodeUse::JIT);
  if (!TM)
    return forwardError(TM);
  codegen::prepareModule(**IR, **TM);
  codegen::optimizeModule(**IR, **TM, Options.Level);

  auto Ranges = std::make_shared<std::vector<runtime::CodeRange>>();
  auto Session = createSession({*Target, Options, Ranges}, std::move(*TM));
  if (!Session)
    return forwardError(Session);
  auto Parts = linkModule(**Session, std::move(Module), std::move(*IR), std::move(Context));
  if (!Parts)
    return forwardError(Parts);
  Parts->CodeRanges = std::move(*Ranges);
  return std::make_shared<JITCompiledModule>(std::move(*Session), std::move(*Parts));
}

} // namespace kiln::jit
