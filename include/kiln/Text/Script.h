//===- kiln/Text/Script.h - .wast scripts as data ----------------*- C++ -*-===//
//
// The spec test scripts (.wast) as a list of commands: modules to define,
// actions to perform and assertions to check. Parsing a script reads every
// text module in it into a `wasm::Module`; binary and quoted modules are kept
// as written, since rejecting them is what their assertions test.
//
// Everything here is plain data for a runner (tools/kiln `wast`) to walk.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TEXT_SCRIPT_H
#define KILN_TEXT_SCRIPT_H

#include "kiln/Support/Error.h"
#include "kiln/Text/Literals.h"
#include "kiln/Wasm/Features.h"
#include "kiln/Wasm/Module.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::text {

/// A constant in a script: an action's argument, or an exact expected result.
struct ScriptValue {
  /// i32, i64, f32, f64, v128; for references the closest 2.0 type
  /// (FuncRef for func-like heap types, ExternRef for extern/host ones).
  wasm::ValType Type = wasm::ValType::I32;
  /// Numbers and vectors: the bits, little-endian (an i32 in bytes 0..3).
  std::array<uint8_t, 16> Bits{};
  /// References: `ref.null`.
  bool IsNull = false;
  /// References: N of `ref.extern N` / `ref.host N` / `ref.func N`; absent
  /// for a pattern that accepts any non-null reference (`(ref.extern)`).
  std::optional<uint32_t> RefIndex;
  /// References: the heap type as written: "func", "extern", and in 3.0
  /// scripts also "any", "host", "struct", "array", "eq", "i31", ...
  std::string HeapType;

  uint32_t bits32() const;
  uint64_t bits64() const;
  bool isReference() const { return wasm::isRefType(Type); }
};

enum class NanPattern : uint8_t {
  None,       ///< Compare bits exactly.
  Canonical,  ///< `nan:canonical`: sign free, payload exactly the quiet bit.
  Arithmetic, ///< `nan:arithmetic`: sign free, quiet bit set.
};

/// One expected result of `assert_return`.
struct ResultPattern {
  ScriptValue Value;
  /// f32/f64 results: a NaN pattern instead of exact bits.
  NanPattern Nan = NanPattern::None;
  /// v128 results: the shape the lanes were written in, and for float
  /// shapes a pattern per lane (f32x4 uses 4 entries, f64x2 2).
  LaneShape Shape = LaneShape::I8x16;
  std::array<NanPattern, 4> LaneNans{};
  /// `(either p1 p2 ...)` (3.0 scripts): any alternative may match.
  std::vector<ResultPattern> Either;

  /// Whether `Actual` satisfies the pattern. References compare by null-ness
  /// and, where the pattern gives one, by index.
  bool matches(const ScriptValue &Actual) const;
};

/// A module as a script writes it.
struct ScriptModule {
  enum class Form : uint8_t {
    Text,   ///< `(module ...)`: parsed into `Parsed` (or `TextError`).
    Binary, ///< `(module binary "...")`: `Bytes`.
    Quote,  ///< `(module quote "...")`: `Quote`, the text to parse.
  };
  Form TheForm = Form::Text;
  /// The `$name` the script gives it (without `$`), if any.
  std::optional<std::string> Id;
  /// Text form. Offsets in it are offsets into the script's source.
  wasm::Module Parsed;
  /// Text form inside `assert_malformed`/`assert_invalid`: the parse error
  /// (a plain `module` that fails to parse fails the whole script instead).
  std::optional<Error> TextError;
  std::vector<uint8_t> Bytes;
  std::string Quote;

  /// The module, ready for validation: Text as parsed, Binary decoded with
  /// `Enabled`, Quote parsed (error offsets then refer to `Quote`).
  Expected<wasm::Module> load(const wasm::Features &Enabled = wasm::Features::wasm20()) const;
  /// The module as binary bytes: Binary as written, Text and Quote encoded
  /// (with a name section) after parsing.
  Expected<std::vector<uint8_t>> toBinary() const;
};

/// `(invoke $m? "name" arg*)` or `(get $m? "name")`.
struct ScriptAction {
  enum class Kind : uint8_t { Invoke, Get };
  Kind TheKind = Kind::Invoke;
  /// The module's `$name` (without `$`); absent means the latest module.
  std::optional<std::string> ModuleId;
  std::string Field;
  std::vector<ScriptValue> Args;
};

enum class CommandKind : uint8_t {
  Module,               ///< Define and instantiate `Module`.
  ModuleDefinition,     ///< 3.0 `(module definition ...)`: define only.
  ModuleInstance,       ///< 3.0 `(module instance $i $def)`.
  Register,             ///< `(register "name" $m?)`.
  Action,               ///< A bare action; its results are ignored.
  AssertReturn,         ///< `Action` must return `Results`.
  AssertTrap,           ///< `Action` must trap with `Message`.
  AssertExhaustion,     ///< `Action` must exhaust the stack.
  AssertException,      ///< 3.0: `Action` must throw.
  AssertMalformed,      ///< `Module` must fail to decode / parse.
  AssertInvalid,        ///< `Module` must fail validation.
  AssertUnlinkable,     ///< `Module` must fail to link.
  AssertUninstantiable, ///< `(assert_trap (module ...))`: instantiation traps.
};

/// "assert_return", "module", ... for messages.
std::string_view commandKindName(CommandKind Kind);

struct ScriptCommand {
  CommandKind Kind = CommandKind::Module;
  uint32_t Line = 0;   ///< 1-based line of the command's `(`.
  uint64_t Offset = 0; ///< Byte offset of the command's `(`.
  /// Module, ModuleDefinition and the module assertions.
  ScriptModule Module;
  /// Action and the action assertions.
  ScriptAction Action;
  /// AssertReturn.
  std::vector<ResultPattern> Results;
  /// The expected failure text of an assertion.
  std::string Message;
  /// Register: the name to register under. ModuleInstance: unused.
  std::string RegisterName;
  /// Register: the module (`$name`); ModuleInstance: the instance's name.
  std::optional<std::string> ModuleId;
  /// ModuleInstance: the definition to instantiate.
  std::optional<std::string> DefinitionId;
};

struct Script {
  std::string Name;   ///< As given to `parseScript`, for messages.
  std::string Source; ///< The script text, kept for `formatError`.
  std::vector<ScriptCommand> Commands;

  /// `Name:LINE:COL: message` for an error whose offset points into `Source`
  /// (parse errors, and validation errors of Text-form modules).
  std::string formatError(const Error &E) const;
};

/// Parses a .wast script (a sequence of commands, or bare module fields that
/// form one module). Errors are `Malformed` with the byte offset in `Source`.
Expected<Script> parseScript(std::string_view Source, std::string_view Name = {});

} // namespace kiln::text

#endif // KILN_TEXT_SCRIPT_H
