//===- ScriptParser.cpp - Commands and modules of a .wast script ----------===//
#include "ScriptParser.h"

#include "ModuleForm.h"
#include "ModuleParser.h"

namespace kiln::text {

namespace {

bool isModuleFieldKeyword(std::string_view Word) {
  return Word == "type" || Word == "import" || Word == "func" || Word == "table" ||
         Word == "memory" || Word == "global" || Word == "export" || Word == "start" ||
         Word == "elem" || Word == "data";
}

} // namespace

Expected<std::vector<ScriptCommand>> ScriptParser::parseCommands() {
  std::vector<ScriptCommand> Commands;
  // A script may also be one module written as bare fields.
  if (C.at(TokenKind::LParen) && C.at(TokenKind::Keyword, 1) &&
      isModuleFieldKeyword(C.peek(1).Text)) {
    ScriptCommand Cmd;
    Cmd.Offset = C.peek().Offset;
    Cmd.Line = Lines.locate(Cmd.Offset).Line;
    ModuleParser Parser(C);
    auto M = Parser.parse(/*Bare=*/true);
    if (!M)
      return std::unexpected(M.error());
    Cmd.Module.Parsed = std::move(*M);
    Commands.push_back(std::move(Cmd));
    return Commands;
  }
  while (!C.at(TokenKind::Eof)) {
    auto Cmd = parseCommand();
    if (!Cmd)
      return std::unexpected(Cmd.error());
    Commands.push_back(std::move(*Cmd));
  }
  return Commands;
}

Expected<ScriptCommand> ScriptParser::parseCommand() {
  ScriptCommand Cmd;
  const Token &Open = C.peek();
  Cmd.Offset = Open.Offset;
  Cmd.Line = Lines.locate(Open.Offset).Line;
  const Token &Kw = C.peek(1);
  if (!Open.is(TokenKind::LParen) || !Kw.is(TokenKind::Keyword))
    return C.unexpected("a script command");
  std::string_view Word = Kw.Text;
  Expected<void> R;
  if (Word == "module") {
    R = parseModuleForm(Cmd, false);
    return R ? Expected<ScriptCommand>(std::move(Cmd)) : std::unexpected(R.error());
  }
  C.next();
  C.next();
  if (Word == "register") {
    Cmd.Kind = CommandKind::Register;
    auto Name = parseStrings(true);
    if (!Name)
      return std::unexpected(Name.error());
    Cmd.RegisterName = std::move(*Name);
    if (C.at(TokenKind::Id))
      Cmd.ModuleId = identifierName(C.next());
  } else if (Word == "invoke" || Word == "get") {
    Cmd.Kind = CommandKind::Action;
    C.seek(C.position() - 2);
    auto Action = parseAction();
    if (!Action)
      return std::unexpected(Action.error());
    Cmd.Action = std::move(*Action);
    return Cmd;
  } else if (Word == "assert_return") {
    Cmd.Kind = CommandKind::AssertReturn;
    R = parseActionAssertion(Cmd, false);
  } else if (Word == "assert_trap") {
    Cmd.Kind = C.atForm("module") ? CommandKind::AssertUninstantiable : CommandKind::AssertTrap;
    R = Cmd.Kind == CommandKind::AssertTrap ? parseActionAssertion(Cmd, true)
                                            : parseModuleAssertion(Cmd, false);
  } else if (Word == "assert_exhaustion") {
    Cmd.Kind = CommandKind::AssertExhaustion;
    R = parseActionAssertion(Cmd, true);
  } else if (Word == "assert_exception") {
    Cmd.Kind = CommandKind::AssertException;
    R = parseActionAssertion(Cmd, false);
  } else if (Word == "assert_malformed") {
    Cmd.Kind = CommandKind::AssertMalformed;
    R = parseModuleAssertion(Cmd, true);
  } else if (Word == "assert_invalid") {
    Cmd.Kind = CommandKind::AssertInvalid;
    R = parseModuleAssertion(Cmd, true);
  } else if (Word == "assert_unlinkable") {
    Cmd.Kind = CommandKind::AssertUnlinkable;
    R = parseModuleAssertion(Cmd, false);
  } else {
    return C.failAt(Kw, "unexpected token " + describeToken(Kw) + ", expected a script command");
  }
  if (!R)
    return std::unexpected(R.error());
  if (auto Close = C.expectRParen(); !Close)
    return std::unexpected(Close.error());
  return Cmd;
}

Expected<void> ScriptParser::parseModuleForm(ScriptCommand &Cmd, bool TolerateTextErrors) {
  const size_t Start = C.position();
  C.next();
  C.next();
  Cmd.Kind = CommandKind::Module;
  if (C.consumeKeyword("instance"))
    return parseModuleInstance(Cmd);
  if (C.consumeKeyword("definition"))
    Cmd.Kind = CommandKind::ModuleDefinition;
  ScriptModule &Mod = Cmd.Module;
  const Token *IdTok = C.at(TokenKind::Id) ? &C.next() : nullptr;
  if (IdTok)
    Mod.Id = identifierName(*IdTok);
  if (C.atKeyword("binary") || C.atKeyword("quote")) {
    const bool Binary = C.next().Text == "binary";
    auto Text = parseStrings(false);
    if (!Text)
      return std::unexpected(Text.error());
    Mod.TheForm = Binary ? ScriptModule::Form::Binary : ScriptModule::Form::Quote;
    if (Binary)
      Mod.Bytes.assign(Text->begin(), Text->end());
    else
      Mod.Quote = std::move(*Text);
    return C.expectRParen();
  }
  Mod.TheForm = ScriptModule::Form::Text;
  auto M = parseModuleBody(C, IdTok);
  if (M) {
    Mod.Parsed = std::move(*M);
    return {};
  }
  if (!TolerateTextErrors)
    return std::unexpected(M.error());
  // The assertion expects this module to be rejected; record why and move on.
  Mod.TextError = M.error();
  C.seek(Start);
  return C.skipForm();
}

Expected<void> ScriptParser::parseModuleInstance(ScriptCommand &Cmd) {
  Cmd.Kind = CommandKind::ModuleInstance;
  if (C.at(TokenKind::Id))
    Cmd.ModuleId = identifierName(C.next());
  if (C.at(TokenKind::Id))
    Cmd.DefinitionId = identifierName(C.next());
  return C.expectRParen();
}

Expected<std::string> ScriptParser::parseStrings(bool MustBeUtf8) {
  std::string Out;
  if (MustBeUtf8)
    return C.expectName();
  while (C.at(TokenKind::String))
    Out += decodeString(C.next().Text);
  return Out;
}

Expected<ScriptAction> ScriptParser::parseAction() {
  ScriptAction Action;
  if (C.consumeForm("invoke")) {
    Action.TheKind = ScriptAction::Kind::Invoke;
  } else if (C.consumeForm("get")) {
    Action.TheKind = ScriptAction::Kind::Get;
  } else {
    return C.unexpected("an action ('invoke' or 'get')");
  }
  if (C.at(TokenKind::Id))
    Action.ModuleId = identifierName(C.next());
  auto Field = C.expectName();
  if (!Field)
    return std::unexpected(Field.error());
  Action.Field = std::move(*Field);
  while (Action.TheKind == ScriptAction::Kind::Invoke && C.at(TokenKind::LParen)) {
    auto Arg = parseConst();
    if (!Arg)
      return std::unexpected(Arg.error());
    Action.Args.push_back(std::move(*Arg));
  }
  if (auto R = C.expectRParen(); !R)
    return std::unexpected(R.error());
  return Action;
}

Expected<void> ScriptParser::parseActionAssertion(ScriptCommand &Cmd, bool WithMessage) {
  auto Action = parseAction();
  if (!Action)
    return std::unexpected(Action.error());
  Cmd.Action = std::move(*Action);
  if (WithMessage) {
    auto Message = parseMessage();
    if (!Message)
      return std::unexpected(Message.error());
    Cmd.Message = std::move(*Message);
    return {};
  }
  while (Cmd.Kind == CommandKind::AssertReturn && C.at(TokenKind::LParen)) {
    auto Result = parseResult();
    if (!Result)
      return std::unexpected(Result.error());
    Cmd.Results.push_back(std::move(*Result));
  }
  return {};
}

Expected<void> ScriptParser::parseModuleAssertion(ScriptCommand &Cmd, bool TolerateTextErrors) {
  if (!C.atForm("module"))
    return C.unexpected("'(module'");
  const CommandKind Kind = Cmd.Kind;
  if (auto R = parseModuleForm(Cmd, TolerateTextErrors); !R)
    return R;
  Cmd.Kind = Kind;
  auto Message = parseMessage();
  if (!Message)
    return std::unexpected(Message.error());
  Cmd.Message = std::move(*Message);
  return {};
}

Expected<std::string> ScriptParser::parseMessage() {
  if (!C.at(TokenKind::String))
    return C.unexpected("a failure message");
  return decodeString(C.next().Text);
}

std::string_view commandKindName(CommandKind Kind) {
  switch (Kind) {
  case CommandKind::Module: return "module";
  case CommandKind::ModuleDefinition: return "module definition";
  case CommandKind::ModuleInstance: return "module instance";
  case CommandKind::Register: return "register";
  case CommandKind::Action: return "action";
  case CommandKind::AssertReturn: return "assert_return";
  case CommandKind::AssertTrap: return "assert_trap";
  case CommandKind::AssertExhaustion: return "assert_exhaustion";
  case CommandKind::AssertException: return "assert_exception";
  case CommandKind::AssertMalformed: return "assert_malformed";
  case CommandKind::AssertInvalid: return "assert_invalid";
  case CommandKind::AssertUnlinkable: return "assert_unlinkable";
  case CommandKind::AssertUninstantiable: return "assert_trap";
  }
  return "?";
}

std::string Script::formatError(const Error &E) const {
  return SourceMap(Source).format(E, Name);
}

Expected<Script> parseScript(std::string_view Source, std::string_view Name) {
  auto Tokens = tokenize(Source);
  if (!Tokens)
    return std::unexpected(Tokens.error());
  SourceMap Lines(Source);
  TokenCursor C(*Tokens);
  ScriptParser Parser(C, Lines);
  auto Commands = Parser.parseCommands();
  if (!Commands)
    return std::unexpected(Commands.error());
  Script S;
  S.Name = std::string(Name);
  S.Source = std::string(Source);
  S.Commands = std::move(*Commands);
  return S;
}

} // namespace kiln::text
