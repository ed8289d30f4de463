//===- ExecuteEngine.cpp - The engine that compiles and runs modules ------===//
//
// Runs every command kind of a spec script against one Store: modules are
// compiled by the injected `ModuleCompiler` (the JIT, later AOT), imports
// resolve against `spectest` and the instances the script registered, and
// actions run through the runtime's invoke path, so traps and stack
// exhaustion come back as values and the run goes on.
//
//===----------------------------------------------------------------------===//
#include "Engine.h"
#include "SpectestModule.h"
#include "ValueConversion.h"

#include "kiln/Runtime/Global.h"
#include "kiln/Runtime/Instance.h"

#include <map>

namespace kiln::cli {

using runtime::Instance;
using runtime::Trap;
using runtime::Value;

namespace {

/// A trap message matches when one is a prefix of the other: the spec's
/// scripts sometimes add detail ("uninitialized element 2") that the
/// reference interpreter's wording has and ours does not, or vice versa.
bool trapMessageMatches(std::string_view Actual, std::string_view Expected) {
  return Actual.starts_with(Expected) || Expected.starts_with(Actual);
}

class ExecuteEngine final : public Engine {
public:
  ExecuteEngine(ModuleCompiler Compile, const wasm::Features &Enabled)
      : Compile(std::move(Compile)), Validator(createValidateEngine(Enabled)) {
    if (auto Defined = defineSpectest(TheStore, Registered); !Defined)
      SetupError = Defined.error().format();
  }

  CommandOutcome run(const Command &C) override {
    if (SetupError)
      return CommandOutcome::failed("spectest module: " + *SetupError);
    switch (C.Kind) {
    case CommandKind::Module: return runModule(C);
    case CommandKind::Register: return runRegister(C);
    case CommandKind::Action: return runAction(C);
    case CommandKind::AssertReturn: return runAssertReturn(C);
    case CommandKind::AssertTrap: return runAssertTrap(C);
    case CommandKind::AssertExhaustion: return runAssertExhaustion(C);
    case CommandKind::AssertMalformed:
    case CommandKind::AssertInvalid: return Validator->run(C);
    case CommandKind::AssertUnlinkable: return runAssertUnlinkable(C);
    case CommandKind::AssertUninstantiable: return runAssertUninstantiable(C);
    }
    return CommandOutcome::failed("unknown command kind");
  }

private:
  /// What instantiating a script module led to.
  struct Instantiation {
    std::optional<Error> Failure; ///< Compile or link error.
    std::optional<Trap> Trapped;  ///< Trap in segments or start.
    Instance *Result = nullptr;
  };

  Instantiation instantiate(const Command &C) {
    Instantiation Out;
    if (!C.Module || C.Module->Format == ModuleFormat::Text) {
      Out.Failure = Error(ErrorKind::Unsupported, "text module: needs Kiln's text parser");
      return Out;
    }
    if (C.Module->ReaderError) {
      Out.Failure = Error(ErrorKind::Malformed, *C.Module->ReaderError);
      return Out;
    }
    auto Compiled = Compile(C.Module->Bytes);
    if (!Compiled) {
      Out.Failure = Compiled.error();
      return Out;
    }
    auto Instantiated = TheStore.instantiate(*Compiled, Registered);
    if (!Instantiated) {
      Out.Failure = Instantiated.error();
      return Out;
    }
    if (!*Instantiated) {
      Out.Trapped = Instantiated->error();
      return Out;
    }
    Out.Result = **Instantiated;
    return Out;
  }

  CommandOutcome runModule(const Command &C) {
    if (C.Module && C.Module->Format == ModuleFormat::Text)
      return CommandOutcome::skipped("text module: needs Kiln's text parser");
    Instantiation I = instantiate(C);
    if (I.Failure)
      return CommandOutcome::failed(I.Failure->format());
    if (I.Trapped)
      return CommandOutcome::failed("instantiation trapped: " + I.Trapped->Message);
    Current = I.Result;
    if (!C.ModuleName.empty())
      Named[C.ModuleName] = I.Result;
    return CommandOutcome::passed("instantiated");
  }

  Instance *findInstance(const std::string &Name) const {
    if (Name.empty())
      return Current;
    auto It = Named.find(Name);
    return It == Named.end() ? nullptr : It->second;
  }

  CommandOutcome runRegister(const Command &C) {
    Instance *I = findInstance(C.ModuleName);
    if (!I)
      return CommandOutcome::failed("no module to register as '" + C.RegisterAs + "'");
    Registered.defineInstance(C.RegisterAs, *I);
    return CommandOutcome::passed("registered");
  }

  /// Runs an action: an Error when it could not run at all, else its
  /// results or its trap.
  Expected<runtime::TrapOr<std::vector<Value>>> perform(const ScriptAction &A) {
    Instance *I = findInstance(A.ModuleName);
    if (!I)
      return makeError(ErrorKind::Usage, "no module instance" +
                                             (A.ModuleName.empty() ? "" : " named " + A.ModuleName));
    if (A.Kind == ActionKind::Get) {
      auto Export = I->exportNamed(A.FieldName);
      if (!Export || !Export->global())
        return makeError(ErrorKind::Usage, "no exported global '" + A.FieldName + "'");
      return std::vector<Value>{Export->global()->get()};
    }
    std::vector<Value> Args;
    for (const ScriptValue &Arg : A.Args) {
      auto V = toRuntimeValue(Arg);
      if (!V)
        return forwardError(V);
      Args.push_back(*V);
    }
    return I->call(A.FieldName, Args);
  }

  CommandOutcome runAction(const Command &C) {
    auto Result = perform(*C.Action);
    if (!Result)
      return CommandOutcome::failed(Result.error().format());
    if (!*Result)
      return CommandOutcome::failed("trapped: " + Result->error().Message);
    return CommandOutcome::passed("returned " + describe(**Result));
  }

  CommandOutcome runAssertReturn(const Command &C) {
    auto Result = perform(*C.Action);
    if (!Result)
      return CommandOutcome::failed(Result.error().format());
    if (!*Result)
      return CommandOutcome::failed("trapped: " + Result->error().Message);
    const std::vector<Value> &Got = **Result;
    bool Ok = Got.size() == C.ExpectedResults.size();
    for (size_t I = 0; Ok && I < Got.size(); ++I)
      Ok = matchesAny(Got[I], C.ExpectedResults[I]);
    if (Ok)
      return CommandOutcome::passed("returned " + describe(Got));
    std::string Want = "[";
    for (size_t I = 0; I < C.ExpectedResults.size(); ++I)
      Want += (I ? " " : "") + (C.ExpectedResults[I].empty() ? "?" : describe(C.ExpectedResults[I][0]));
    return CommandOutcome::failed("returned " + describe(Got) + ", expected " + Want + "]");
  }

  CommandOutcome expectTrap(const std::optional<Trap> &Trapped, std::string_view Expected) {
    if (!Trapped)
      return CommandOutcome::failed("did not trap (expected \"" + std::string(Expected) + "\")");
    if (!trapMessageMatches(Trapped->Message, Expected))
      return CommandOutcome::failed("trapped with \"" + Trapped->Message + "\", expected \"" +
                                    std::string(Expected) + "\"");
    return CommandOutcome::passed("trapped: " + Trapped->Message);
  }

  CommandOutcome runAssertTrap(const Command &C) {
    if (C.Module) {
      Instantiation I = instantiate(C);
      if (I.Failure)
        return CommandOutcome::failed(I.Failure->format());
      return expectTrap(I.Trapped, C.ExpectedMessage);
    }
    auto Result = perform(*C.Action);
    if (!Result)
      return CommandOutcome::failed(Result.error().format());
    std::optional<Trap> Trapped;
    if (!*Result)
      Trapped = Result->error();
    return expectTrap(Trapped, C.ExpectedMessage);
  }

  CommandOutcome runAssertExhaustion(const Command &C) {
    auto Result = perform(*C.Action);
    if (!Result)
      return CommandOutcome::failed(Result.error().format());
    if (*Result)
      return CommandOutcome::failed("returned normally (expected stack exhaustion)");
    if (Result->error().Code != abi::TrapCode::CallStackExhausted)
      return CommandOutcome::failed("trapped with \"" + Result->error().Message +
                                    "\", expected stack exhaustion");
    return CommandOutcome::passed("trapped: " + Result->error().Message);
  }

  CommandOutcome runAssertUnlinkable(const Command &C) {
    Instantiation I = instantiate(C);
    if (I.Failure && I.Failure->kind() == ErrorKind::Unlinkable)
      return CommandOutcome::passed("not linked: " + I.Failure->message());
    if (I.Failure)
      return CommandOutcome::failed("failed before linking: " + I.Failure->format());
    return CommandOutcome::failed("linked (expected \"" + C.ExpectedMessage + "\")");
  }

  CommandOutcome runAssertUninstantiable(const Command &C) {
    Instantiation I = instantiate(C);
    if (I.Failure)
      return CommandOutcome::failed(I.Failure->format());
    return expectTrap(I.Trapped, C.ExpectedMessage);
  }

  ModuleCompiler Compile;
  std::unique_ptr<Engine> Validator;
  runtime::Store TheStore;
  runtime::Imports Registered;
  std::map<std::string, Instance *> Named;
  Instance *Current = nullptr;
  std::optional<std::string> SetupError;
};

} // namespace

std::unique_ptr<Engine> createExecuteEngine(ModuleCompiler Compile, const wasm::Features &Enabled) {
  return std::make_unique<ExecuteEngine>(std::move(Compile), Enabled);
}

} // namespace kiln::cli
