//===- Wast2JsonFormat.cpp - wast2json's JSON into a Script ----------------===//
//
// The format is wabt's (docs/wast2json.md there): {"commands": [...]}, each
// command an object with "type" and "line", modules as sibling files named by
// "filename", values as decimal strings of their bits. The JSON is parsed
// without exceptions; every missing or mistyped field becomes an error value.
//
//===----------------------------------------------------------------------===//
#include "Files.h"
#include "Wast2JsonReader.h"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>

namespace kiln::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::unexpected<Error> formatError(const std::string &Message) {
  return makeError(ErrorKind::Internal, "unexpected wast2json output: " + Message);
}

const json *findField(const json &Object, const char *Key) {
  auto It = Object.find(Key);
  return It == Object.end() ? nullptr : &*It;
}

Expected<std::string> stringField(const json &Object, const char *Key) {
  const json *Value = findField(Object, Key);
  if (!Value || !Value->is_string())
    return formatError(std::string("no string \"") + Key + "\"");
  return Value->get<std::string>();
}

/// Fields that only some commands have ("name", "text"): empty when absent.
std::string optionalString(const json &Object, const char *Key) {
  const json *Value = findField(Object, Key);
  return Value && Value->is_string() ? Value->get<std::string>() : std::string();
}

/// A lane or scalar: "nan:canonical", "nan:arithmetic" (floats only) or the
/// decimal value of its `WidthInBits` low bits.
Expected<ValueLane> parseLane(const json &Text, unsigned WidthInBits, bool IsFloat) {
  if (!Text.is_string())
    return formatError("a value is not a string");
  const std::string &S = Text.get_ref<const std::string &>();
  if (IsFloat && S == "nan:canonical")
    return ValueLane{0, NanPattern::Canonical};
  if (IsFloat && S == "nan:arithmetic")
    return ValueLane{0, NanPattern::Arithmetic};
  uint64_t Bits = 0;
  auto [End, Ec] = std::from_chars(S.data(), S.data() + S.size(), Bits);
  bool Fits = WidthInBits == 64 || Bits >> WidthInBits == 0;
  if (Ec != std::errc() || End != S.data() + S.size() || !Fits)
    return formatError("bad " + std::to_string(WidthInBits) + "-bit value '" + S + "'");
  return ValueLane{Bits, NanPattern::None};
}

struct NumberShape {
  std::string_view Name;
  unsigned WidthInBits;
  bool IsFloat;
};

/// v128 lane types in `LaneShape` order.
constexpr std::array<NumberShape, 6> LaneShapes = {{
    {"i8", 8, false},
    {"i16", 16, false},
    {"i32", 32, false},
    {"i64", 64, false},
    {"f32", 32, true},
    {"f64", 64, true},
}};

Expected<ScriptValue> parseV128(const json &Value, ScriptValue Result) {
  auto LaneType = stringField(Value, "lane_type");
  if (!LaneType)
    return std::unexpected(LaneType.error());
  size_t ShapeIndex = 0;
  while (ShapeIndex < LaneShapes.size() && LaneShapes[ShapeIndex].Name != *LaneType)
    ++ShapeIndex;
  if (ShapeIndex == LaneShapes.size())
    return formatError("unknown lane type '" + *LaneType + "'");
  Result.Shape = static_cast<LaneShape>(ShapeIndex);
  const json *Lanes = findField(Value, "value");
  if (!Lanes || !Lanes->is_array() || Lanes->size() != laneCount(Result.Shape))
    return formatError("v128 value without " + std::to_string(laneCount(Result.Shape)) + " lanes");
  const NumberShape &Shape = LaneShapes[ShapeIndex];
  for (const json &Lane : *Lanes) {
    auto Parsed = parseLane(Lane, Shape.WidthInBits, Shape.IsFloat);
    if (!Parsed)
      return std::unexpected(Parsed.error());
    Result.Lanes.push_back(*Parsed);
  }
  return Result;
}

Expected<ScriptValue> parseValue(const json &Value) {
  if (!Value.is_object())
    return formatError("a value is not an object");
  auto Type = stringField(Value, "type");
  if (!Type)
    return std::unexpected(Type.error());
  ScriptValue Result;
  const json *Text = findField(Value, "value");
  if (*Type == "v128") {
    Result.Type = wasm::ValType::V128;
    return parseV128(Value, std::move(Result));
  }
  if (*Type == "funcref" || *Type == "externref") {
    Result.Type = *Type == "funcref" ? wasm::ValType::FuncRef : wasm::ValType::ExternRef;
    Result.IsNullRef = Text && *Text == "null";
    if (Result.IsNullRef)
      return Result;
  } else if (*Type == "i32" || *Type == "f32") {
    Result.Type = *Type == "i32" ? wasm::ValType::I32 : wasm::ValType::F32;
  } else if (*Type == "i64" || *Type == "f64") {
    Result.Type = *Type == "i64" ? wasm::ValType::I64 : wasm::ValType::F64;
  } else {
    return formatError("unknown value type '" + *Type + "'");
  }
  if (!Text)
    return formatError("a " + *Type + " without a value");
  bool IsFloat = Result.Type == wasm::ValType::F32 || Result.Type == wasm::ValType::F64;
  unsigned Width = Result.Type == wasm::ValType::I32 || Result.Type == wasm::ValType::F32 ? 32 : 64;
  auto Lane = parseLane(*Text, Width, IsFloat);
  if (!Lane)
    return std::unexpected(Lane.error());
  Result.Lanes.push_back(*Lane);
  return Result;
}

Expected<std::vector<ScriptValue>> parseValues(const json &Object, const char *Key) {
  const json *List = findField(Object, Key);
  if (!List || !List->is_array())
    return formatError(std::string("no list \"") + Key + "\"");
  std::vector<ScriptValue> Values;
  for (const json &Item : *List) {
    auto Value = parseValue(Item);
    if (!Value)
      return std::unexpected(Value.error());
    Values.push_back(std::move(*Value));
  }
  return Values;
}

/// "expected": [r1, r2, ...], or for `(either ...)` wabt's "either": the
/// alternatives for the one result.
Expected<void> parseExpectedResults(const json &Object, Command &C) {
  bool IsEither = findField(Object, "either") != nullptr;
  auto Values = parseValues(Object, IsEither ? "either" : "expected");
  if (!Values)
    return std::unexpected(Values.error());
  if (IsEither) {
    C.ExpectedResults.push_back(std::move(*Values));
    return {};
  }
  for (ScriptValue &Value : *Values)
    C.ExpectedResults.push_back({std::move(Value)});
  return {};
}

Expected<ScriptAction> parseAction(const json &Command) {
  const json *Action = findField(Command, "action");
  if (!Action || !Action->is_object())
    return formatError("no \"action\"");
  auto Type = stringField(*Action, "type");
  auto Field = stringField(*Action, "field");
  if (!Type || !Field)
    return std::unexpected(!Type ? Type.error() : Field.error());
  ScriptAction Result;
  Result.ModuleName = optionalString(*Action, "module");
  Result.FieldName = std::move(*Field);
  if (*Type == "get") {
    Result.Kind = ActionKind::Get;
    return Result;
  }
  if (*Type != "invoke")
    return formatError("unknown action '" + *Type + "'");
  auto Args = parseValues(*Action, "args");
  if (!Args)
    return std::unexpected(Args.error());
  Result.Args = std::move(*Args);
  return Result;
}

Expected<ScriptModule> loadModule(const json &Command, const fs::path &ModuleFolder) {
  auto FileName = stringField(Command, "filename");
  if (!FileName)
    return std::unexpected(FileName.error());
  // The name must stay inside the scratch folder.
  if (FileName->empty() || fs::path(*FileName).filename() != *FileName)
    return formatError("bad module file name '" + *FileName + "'");
  auto Bytes = readFileBytes((ModuleFolder / *FileName).string());
  if (!Bytes)
    return std::unexpected(Bytes.error());
  ScriptModule Module;
  Module.SourceName = *FileName;
  if (optionalString(Command, "module_type") == "text") {
    Module.Format = ModuleFormat::Text;
    Module.Text.assign(Bytes->begin(), Bytes->end());
  } else {
    Module.Bytes = std::move(*Bytes);
  }
  return Module;
}

/// Fills the members that depend on the command's kind.
Expected<void> parseCommandBody(const json &Object, const fs::path &ModuleFolder, Command &C) {
  C.ExpectedMessage = optionalString(Object, "text");
  switch (C.Kind) {
  case CommandKind::Register: {
    auto As = stringField(Object, "as");
    if (!As)
      return std::unexpected(As.error());
    C.RegisterAs = std::move(*As);
    C.ModuleName = optionalString(Object, "name");
    return {};
  }
  case CommandKind::Action:
  case CommandKind::AssertReturn:
  case CommandKind::AssertTrap:
  case CommandKind::AssertExhaustion: {
    auto Action = parseAction(Object);
    if (!Action)
      return std::unexpected(Action.error());
    C.Action = std::move(*Action);
    // Other kinds list only result types here, no values to compare.
    if (C.Kind != CommandKind::AssertReturn)
      return {};
    return parseExpectedResults(Object, C);
  }
  case CommandKind::Module: C.ModuleName = optionalString(Object, "name"); [[fallthrough]];
  case CommandKind::AssertMalformed:
  case CommandKind::AssertInvalid:
  case CommandKind::AssertUnlinkable:
  case CommandKind::AssertUninstantiable: {
    auto Module = loadModule(Object, ModuleFolder);
    if (!Module)
      return std::unexpected(Module.error());
    C.Module = std::move(*Module);
    return {};
  }
  }
  return {};
}

Expected<Command> parseCommand(const json &Object, const fs::path &ModuleFolder) {
  if (!Object.is_object())
    return formatError("a command is not an object");
  const json *Line = findField(Object, "line");
  if (!Line || !Line->is_number_unsigned())
    return formatError("a command without a line number");
  Command C;
  C.Line = Line->get<uint32_t>();
  auto Type = stringField(Object, "type");
  if (!Type)
    return std::unexpected(Type.error());
  std::optional<CommandKind> Kind = commandKindFromName(*Type);
  if (!Kind)
    return formatError("line " + std::to_string(C.Line) + ": unknown command '" + *Type + "'");
  C.Kind = *Kind;
  if (auto Body = parseCommandBody(Object, ModuleFolder, C); !Body) {
    Error E = Body.error();
    return makeError(E.kind(), "line " + std::to_string(C.Line) + ": " + E.message());
  }
  return C;
}

} // namespace

Expected<Script> parseWast2Json(std::string_view JsonText, const fs::path &ModuleFolder) {
  json Root = json::parse(JsonText, nullptr, /*allow_exceptions=*/false);
  if (Root.is_discarded())
    return formatError("not valid JSON");
  const json *Commands = Root.is_object() ? findField(Root, "commands") : nullptr;
  if (!Commands || !Commands->is_array())
    return formatError("no \"commands\" list");
  Script Result;
  Result.Commands.reserve(Commands->size());
  for (const json &Object : *Commands) {
    auto C = parseCommand(Object, ModuleFolder);
    if (!C)
      return std::unexpected(C.error());
    Result.Commands.push_back(std::move(*C));
  }
  return Result;
}

} // namespace kiln::cli
