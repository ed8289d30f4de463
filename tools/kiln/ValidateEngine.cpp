//===- ValidateEngine.cpp - The engine that only decodes and validates -----===//
//
// Checks what can be checked without running code: modules a script defines
// must decode and validate, and modules it asserts malformed or invalid must
// be rejected. Text modules (`module quote`) wait for Kiln's text parser.
//
//===----------------------------------------------------------------------===//
#include "Engine.h"

#include "kiln/Wasm/Decoder.h"
#include "kiln/Wasm/Validator.h"

namespace kiln::cli {

namespace {

class ValidateEngine final : public Engine {
public:
  explicit ValidateEngine(const wasm::Features &Enabled) : Enabled(Enabled) {}

  CommandOutcome run(const Command &C) override {
    switch (C.Kind) {
    case CommandKind::Module: return checkAccepted(C);
    case CommandKind::AssertMalformed:
    case CommandKind::AssertInvalid: return checkRejected(C);
    default:
      return CommandOutcome::skipped("the validate engine does not instantiate or run modules");
    }
  }

private:
  /// Which stage turned a module down, and how.
  struct Rejection {
    std::string_view Stage; ///< "text parser", "decoder" or "validator".
    Error Why;
  };

  std::optional<Rejection> rejection(const ScriptModule &M) const {
    if (M.ReaderError)
      return Rejection{"text parser", Error(ErrorKind::Malformed, *M.ReaderError)};
    auto Decoded = wasm::decodeModule(M.Bytes, Enabled);
    if (!Decoded)
      return Rejection{"decoder", Decoded.error()};
    if (auto Valid = wasm::validateModule(*Decoded, Enabled); !Valid)
      return Rejection{"validator", Valid.error()};
    return std::nullopt;
  }

  static bool isText(const Command &C) {
    return C.Module && C.Module->Format == ModuleFormat::Text;
  }

  CommandOutcome checkAccepted(const Command &C) const {
    if (isText(C) || !C.Module)
      return CommandOutcome::skipped("text module: needs Kiln's text parser");
    if (std::optional<Rejection> R = rejection(*C.Module))
      return CommandOutcome::failed("rejected by the " + std::string(R->Stage) + ": " +
                                    R->Why.format());
    return CommandOutcome::passed("decoded and validated");
  }

  CommandOutcome checkRejected(const Command &C) const {
    if (isText(C) || !C.Module)
      return CommandOutcome::skipped("text module: needs Kiln's text parser");
    std::optional<Rejection> R = rejection(*C.Module);
    if (!R)
      return CommandOutcome::failed("module was accepted (expected \"" + C.ExpectedMessage + "\")");
    // A malformed module caught only by the validator still counts: it was
    // rejected. The detail says so, for anyone tightening the decoder.
    std::string Note = C.Kind == CommandKind::AssertMalformed && R->Stage == "validator"
                           ? " (not by the decoder)"
                           : "";
    return CommandOutcome::passed("rejected by the " + std::string(R->Stage) + Note + ": " +
                                  R->Why.format() + " (expected \"" + C.ExpectedMessage + "\")");
  }

  wasm::Features Enabled;
};

} // namespace

std::unique_ptr<Engine> createValidateEngine(const wasm::Features &Enabled) {
  return std::make_unique<ValidateEngine>(Enabled);
}

} // namespace kiln::cli
