//===- Script.h - A spec test script as a list of commands ------*- C++ -*-===//
//
// The runner's view of a .wast script, independent of how it was read: today
// wabt's wast2json converts it (Wast2JsonReader), later Kiln's own text parser
// will, behind the same `ScriptReader` interface. Engines only see these types.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TOOLS_KILN_SCRIPT_H
#define KILN_TOOLS_KILN_SCRIPT_H

#include "kiln/Support/Error.h"
#include "kiln/Wasm/Types.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::cli {

/// The commands of the spec test format; names are the .wast keywords.
enum class CommandKind : uint8_t {
  Module,
  Register,
  Action,
  AssertReturn,
  AssertTrap,
  AssertExhaustion,
  AssertMalformed,
  AssertInvalid,
  AssertUnlinkable,
  AssertUninstantiable,
};
inline constexpr size_t CommandKindCount = 10;

/// "module", "assert_return", ...
std::string_view commandKindName(CommandKind Kind);
/// The kind a .wast keyword names, if any.
std::optional<CommandKind> commandKindFromName(std::string_view Name);

enum class ModuleFormat : uint8_t {
  Binary, ///< `Bytes` holds an encoded module.
  Text,   ///< `Text` holds source that no reader turned into bytes (`module quote`).
};

/// A module as a script gives it.
struct ScriptModule {
  ModuleFormat Format = ModuleFormat::Binary;
  std::vector<uint8_t> Bytes;
  std::string Text;
  /// Where the module came from, for messages ("binary.4.wasm").
  std::string SourceName;
  /// Set when the script reader itself rejected the module (a text or
  /// quoted module that does not parse): the reader's diagnostic.
  std::optional<std::string> ReaderError;
};

/// How an expected float result may match: exactly, or any NaN of a class.
enum class NanPattern : uint8_t { None, Canonical, Arithmetic };

/// How the 128 bits of a v128 constant are split into lanes.
enum class LaneShape : uint8_t { I8, I16, I32, I64, F32, F64 };
/// 16, 8, 4, 2, 4, 2.
unsigned laneCount(LaneShape Shape);

struct ValueLane {
  /// The lane's bits (floats as their IEEE encoding), zero-extended.
  uint64_t Bits = 0;
  NanPattern Nan = NanPattern::None;
};

/// An argument or an expected result. Numbers have one lane and v128 values
/// one per element of `Shape`; references are null or, for externref, carry
/// the host value in one lane.
struct ScriptValue {
  wasm::ValType Type = wasm::ValType::I32;
  LaneShape Shape = LaneShape::I32; ///< V128 only.
  std::vector<ValueLane> Lanes;
  bool IsNullRef = false;
};

enum class ActionKind : uint8_t { Invoke, Get };

/// `(invoke $M "f" args...)` or `(get $M "g")`.
struct ScriptAction {
  ActionKind Kind = ActionKind::Invoke;
  std::string ModuleName; ///< Empty: the most recently defined module.
  std::string FieldName;
  std::vector<ScriptValue> Args;
};

/// One command; which members are set depends on `Kind`.
struct Command {
  CommandKind Kind = CommandKind::Module;
  uint32_t Line = 0;
  /// module, assert_malformed/invalid/unlinkable/uninstantiable.
  std::optional<ScriptModule> Module;
  /// The `$name` a module is defined under, or the module `register` exports.
  std::string ModuleName;
  std::string RegisterAs; ///< register: the name importers use.
  /// action, assert_return, assert_trap, assert_exhaustion.
  std::optional<ScriptAction> Action;
  /// assert_return: per result, the values it may be; one, or several for
  /// `(either ...)` (relaxed SIMD).
  std::vector<std::vector<ScriptValue>> ExpectedResults;
  /// The failure the spec expects ("type mismatch", "unexpected end").
  std::string ExpectedMessage;
};

struct Script {
  std::filesystem::path Path;
  std::vector<Command> Commands;
};

/// Turns a .wast file into a `Script`.
class ScriptReader {
public:
  virtual ~ScriptReader() = default;
  /// Reads the whole script; an error means none of its commands can run,
  /// and its message says why in one line.
  virtual Expected<Script> read(const std::filesystem::path &Path) = 0;
};

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_SCRIPT_H
