//===- TextScriptReader.cpp - Converting lib/Text scripts for the runner --===//
//
// lib/Text has its own script model (it also covers 3.0 commands); this file
// maps it onto the runner's `Script`, which the engines share with the
// wast2json reader, so the two readers can be compared command by command.
//
//===----------------------------------------------------------------------===//
#include "TextScriptReader.h"

#include "kiln/Text/Literals.h"
#include "kiln/Text/Script.h"
#include "kiln/Text/SourceMap.h"

#include <cstring>
#include <fstream>
#include <sstream>

namespace kiln::cli {

namespace {

LaneShape laneShapeOf(text::LaneShape Shape) {
  switch (Shape) {
  case text::LaneShape::I8x16: return LaneShape::I8;
  case text::LaneShape::I16x8: return LaneShape::I16;
  case text::LaneShape::I32x4: return LaneShape::I32;
  case text::LaneShape::I64x2: return LaneShape::I64;
  case text::LaneShape::F32x4: return LaneShape::F32;
  case text::LaneShape::F64x2: return LaneShape::F64;
  }
  return LaneShape::I32;
}

NanPattern nanOf(text::NanPattern Nan) {
  switch (Nan) {
  case text::NanPattern::None: return NanPattern::None;
  case text::NanPattern::Canonical: return NanPattern::Canonical;
  case text::NanPattern::Arithmetic: return NanPattern::Arithmetic;
  }
  return NanPattern::None;
}

/// An argument, or the exact part of a result pattern.
ScriptValue valueOf(const text::ScriptValue &V) {
  ScriptValue Out;
  Out.Type = V.Type;
  if (V.isReference()) {
    Out.IsNullRef = V.IsNull;
    if (V.RefIndex)
      Out.Lanes.push_back({*V.RefIndex, NanPattern::None});
    return Out;
  }
  if (V.Type == wasm::ValType::V128) {
    Out.Shape = LaneShape::I64;
    for (unsigned I = 0; I < 2; ++I) {
      uint64_t Bits;
      std::memcpy(&Bits, V.Bits.data() + 8 * I, 8);
      Out.Lanes.push_back({Bits, NanPattern::None});
    }
    return Out;
  }
  bool Wide = V.Type == wasm::ValType::I64 || V.Type == wasm::ValType::F64;
  Out.Lanes.push_back({Wide ? V.bits64() : V.bits32(), NanPattern::None});
  return Out;
}

ScriptValue patternOf(const text::ResultPattern &P) {
  ScriptValue Out = valueOf(P.Value);
  if (P.Value.Type == wasm::ValType::V128) {
    Out.Shape = laneShapeOf(P.Shape);
    unsigned Count = text::laneCount(P.Shape);
    unsigned Bytes = text::laneBits(P.Shape) / 8;
    Out.Lanes.clear();
    for (unsigned I = 0; I < Count; ++I) {
      uint64_t Bits = 0;
      std::memcpy(&Bits, P.Value.Bits.data() + I * Bytes, Bytes);
      NanPattern Nan = text::isFloatShape(P.Shape) && I < 4 ? nanOf(P.LaneNans[I]) : NanPattern::None;
      Out.Lanes.push_back({Bits, Nan});
    }
  } else if (!Out.Lanes.empty()) {
    Out.Lanes[0].Nan = nanOf(P.Nan);
  }
  return Out;
}

std::vector<ScriptValue> alternativesOf(const text::ResultPattern &P) {
  if (P.Either.empty())
    return {patternOf(P)};
  std::vector<ScriptValue> Out;
  for (const text::ResultPattern &Alt : P.Either)
    Out.push_back(patternOf(Alt));
  return Out;
}

std::optional<CommandKind> kindOf(text::CommandKind Kind) {
  switch (Kind) {
  case text::CommandKind::Module: return CommandKind::Module;
  case text::CommandKind::Register: return CommandKind::Register;
  case text::CommandKind::Action: return CommandKind::Action;
  case text::CommandKind::AssertReturn: return CommandKind::AssertReturn;
  case text::CommandKind::AssertTrap: return CommandKind::AssertTrap;
  case text::CommandKind::AssertExhaustion: return CommandKind::AssertExhaustion;
  case text::CommandKind::AssertMalformed: return CommandKind::AssertMalformed;
  case text::CommandKind::AssertInvalid: return CommandKind::AssertInvalid;
  case text::CommandKind::AssertUnlinkable: return CommandKind::AssertUnlinkable;
  case text::CommandKind::AssertUninstantiable: return CommandKind::AssertUninstantiable;
  // 3.0 commands: the runner's engines do not know them yet.
  case text::CommandKind::ModuleDefinition:
  case text::CommandKind::ModuleInstance:
  case text::CommandKind::AssertException: return std::nullopt;
  }
  return std::nullopt;
}

bool hasModule(text::CommandKind Kind) {
  switch (Kind) {
  case text::CommandKind::Module:
  case text::CommandKind::AssertMalformed:
  case text::CommandKind::AssertInvalid:
  case text::CommandKind::AssertUnlinkable:
  case text::CommandKind::AssertUninstantiable:
    return true;
  default:
    return false;
  }
}

/// The module as bytes, or the parser's rejection of it.
ScriptModule moduleOf(const text::ScriptModule &M, const text::Script &S, uint32_t Line) {
  ScriptModule Out;
  Out.SourceName = S.Name + ":" + std::to_string(Line);
  if (M.TextError) {
    Out.ReaderError = S.formatError(*M.TextError);
    return Out;
  }
  auto Bytes = M.toBinary();
  if (!Bytes) {
    // Quoted text is parsed only now; its offsets point into the quote.
    Out.ReaderError = Bytes.error().format(M.TheForm == text::ScriptModule::Form::Quote
                                               ? Out.SourceName + " (quoted module)"
                                               : Out.SourceName);
    return Out;
  }
  Out.Bytes = std::move(*Bytes);
  return Out;
}

Expected<Command> commandOf(const text::ScriptCommand &C, const text::Script &S) {
  auto Kind = kindOf(C.Kind);
  if (!Kind)
    return makeError(ErrorKind::Unsupported,
                     "line " + std::to_string(C.Line) + ": " +
                         std::string(text::commandKindName(C.Kind)) + " is not supported yet");
  Command Out;
  Out.Kind = *Kind;
  Out.Line = C.Line;
  Out.ExpectedMessage = C.Message;
  if (hasModule(C.Kind)) {
    Out.Module = moduleOf(C.Module, S, C.Line);
    Out.ModuleName = C.Module.Id.value_or("");
  }
  if (C.Kind == text::CommandKind::Register) {
    Out.RegisterAs = C.RegisterName;
    Out.ModuleName = C.ModuleId.value_or("");
  }
  bool HasAction = C.Kind == text::CommandKind::Action || C.Kind == text::CommandKind::AssertReturn ||
                   C.Kind == text::CommandKind::AssertTrap ||
                   C.Kind == text::CommandKind::AssertExhaustion;
  if (HasAction) {
    ScriptAction A;
    A.Kind = C.Action.TheKind == text::ScriptAction::Kind::Get ? ActionKind::Get : ActionKind::Invoke;
    A.ModuleName = C.Action.ModuleId.value_or("");
    A.FieldName = C.Action.Field;
    for (const text::ScriptValue &Arg : C.Action.Args)
      A.Args.push_back(valueOf(Arg));
    Out.Action = std::move(A);
  }
  for (const text::ResultPattern &P : C.Results)
    Out.ExpectedResults.push_back(alternativesOf(P));
  return Out;
}

} // namespace

Expected<Script> TextScriptReader::read(const std::filesystem::path &Path) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    return makeError(ErrorKind::Io, "cannot read '" + Path.string() + "'");
  std::stringstream Buffer;
  Buffer << In.rdbuf();
  std::string Source = Buffer.str();
  auto Parsed = text::parseScript(Source, Path.filename().string());
  if (!Parsed)
    return makeError(ErrorKind::Malformed,
                     text::formatTextError(Parsed.error(), Path.filename().string(), Source));
  Script Out;
  Out.Path = Path;
  for (const text::ScriptCommand &C : Parsed->Commands) {
    auto Converted = commandOf(C, *Parsed);
    if (!Converted)
      return forwardError(Converted);
    Out.Commands.push_back(std::move(*Converted));
  }
  return Out;
}

} // namespace kiln::cli
