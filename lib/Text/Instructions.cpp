//===- Instructions.cpp - Instruction sequences, folded and flat ----------===//
//
// Instruction sequences are read by a loop over an explicit stack of open
// forms (flat blocks, folded instructions, the parts of a folded `if`) rather
// than by recursion, so nesting depth is bounded by memory, not by the
// native stack: deeply nested code from compilers and hostile input alike
// parse without risk.
//
//===----------------------------------------------------------------------===//
#include "ModuleParser.h"

#include <cassert>

namespace kiln::text {

using namespace wasm;

namespace {

/// Keywords that open a function's declarations; seen among instructions
/// they are misplaced, not unknown ("unexpected token" in the spec tests).
bool isDeclarationKeyword(std::string_view Word) {
  return Word == "param" || Word == "result" || Word == "local" || Word == "type" ||
         Word == "export" || Word == "import" || Word == "then";
}

Instruction makeInstr(Opcode Op, uint32_t Offset) {
  Instruction I;
  I.Op = Op;
  I.Offset = Offset;
  return I;
}

} // namespace

Expected<std::optional<Opcode>> ModuleParser::lookupOp(const Token &Tok) {
  if (!Tok.is(TokenKind::Keyword))
    return C.failAt(Tok, "unexpected token " + describeToken(Tok) + ", expected an instruction");
  if (auto Op = lookupOpcodeByName(Tok.Text))
    return Op;
  if (isDeclarationKeyword(Tok.Text))
    return C.failAt(Tok, "unexpected token " + describeToken(Tok) + ", expected an instruction");
  return C.failAt(Tok, "unknown operator " + describeToken(Tok));
}

Expected<void> ModuleParser::parseInstrs(std::vector<Instruction> &Code) {
  return parseInstrSeq(Code, /*SingleFolded=*/false);
}

Expected<void> ModuleParser::parseInstrSeq(std::vector<Instruction> &Code, bool SingleFolded) {
  std::vector<OpenForm> Open;
  do {
    auto Continue = step(Code, Open);
    if (!Continue)
      return std::unexpected(Continue.error());
    if (!*Continue)
      break;
  } while (!(SingleFolded && Open.empty()));
  if (!Open.empty())
    return C.unexpected(Open.back().TheKind == OpenForm::Kind::Flat ? "'end'" : "')'");
  return {};
}

Expected<bool> ModuleParser::step(std::vector<Instruction> &Code, std::vector<OpenForm> &Open) {
  using Kind = OpenForm::Kind;
  OpenForm *Top = Open.empty() ? nullptr : &Open.back();
  const Kind K = Top ? Top->TheKind : Kind::Flat;
  if (Top && K == Kind::IfHead)
    return stepIfHead(Code, Open);
  if (Top && K == Kind::IfTail)
    return stepIfTail(Code, Open);
  if (C.at(TokenKind::RParen)) {
    if (!Top || K == Kind::Flat)
      return false; // the end of this sequence, or an unclosed flat block
    return closeFolded(Code, Open);
  }
  if (C.at(TokenKind::LParen))
    return openFolded(Code, Open);
  if (Top && K == Kind::Plain)
    return C.unexpected("')'"); // folded operands must be folded too
  if (C.atKeyword("end") || C.atKeyword("else")) {
    if (!Top || K != Kind::Flat)
      return false;
    return C.atKeyword("end") ? closeFlat(Code, Open) : openFlatElse(Code, *Top);
  }
  if (C.at(TokenKind::Keyword))
    return parseFlatInstr(Code, Open);
  return false;
}

Expected<bool> ModuleParser::parseFlatInstr(std::vector<Instruction> &Code,
                                            std::vector<OpenForm> &Open) {
  const Token &OpTok = C.peek();
  auto Op = lookupOp(OpTok);
  if (!Op)
    return std::unexpected(Op.error());
  if (**Op == Opcode::Block || **Op == Opcode::Loop || **Op == Opcode::If) {
    OpenForm Form{OpenForm::Kind::Flat, {}, {}, NoElse};
    auto I = parseBlockHeader(OpTok, Form.Label);
    if (!I)
      return std::unexpected(I.error());
    Form.Pending = *I;
    Code.push_back(*I);
    Labels.push_back(Form.Label);
    Open.push_back(std::move(Form));
    return true;
  }
  C.next();
  auto I = parsePlainInstr(OpTok, **Op);
  if (!I)
    return std::unexpected(I.error());
  Code.push_back(*I);
  return true;
}

Expected<bool> ModuleParser::openFlatElse(std::vector<Instruction> &Code, OpenForm &Block) {
  if (Block.Pending.Op != Opcode::If || Block.ElsePos != NoElse)
    return C.unexpected("'end'");
  Block.ElsePos = Code.size();
  Code.push_back(makeInstr(Opcode::Else, C.next().Offset));
  if (auto R = checkEndLabel(Block.Label); !R)
    return std::unexpected(R.error());
  return true;
}

Expected<bool> ModuleParser::closeFlat(std::vector<Instruction> &Code,
                                       std::vector<OpenForm> &Open) {
  OpenForm Block = std::move(Open.back());
  Open.pop_back();
  // An empty else arm is dropped, as the binary format allows.
  if (Block.ElsePos != NoElse && Code.size() == Block.ElsePos + 1)
    Code.pop_back();
  Code.push_back(makeInstr(Opcode::End, C.next().Offset));
  Labels.pop_back();
  if (auto R = checkEndLabel(Block.Label); !R)
    return std::unexpected(R.error());
  return true;
}

Expected<bool> ModuleParser::openFolded(std::vector<Instruction> &Code,
                                        std::vector<OpenForm> &Open) {
  C.next(); // '('
  const Token &OpTok = C.peek();
  auto Op = lookupOp(OpTok);
  if (!Op)
    return std::unexpected(Op.error());
  if (**Op == Opcode::Else || **Op == Opcode::End)
    return C.unexpected("an instruction");
  OpenForm Form{OpenForm::Kind::Plain, {}, {}, NoElse};
  if (**Op == Opcode::Block || **Op == Opcode::Loop || **Op == Opcode::If) {
    auto I = parseBlockHeader(OpTok, Form.Label);
    if (!I)
      return std::unexpected(I.error());
    Form.Pending = *I;
    // An if's condition comes before it and outside its label's scope.
    Form.TheKind = **Op == Opcode::If ? OpenForm::Kind::IfHead : OpenForm::Kind::Block;
    if (**Op != Opcode::If) {
      Code.push_back(*I);
      Labels.push_back(Form.Label);
    }
  } else {
    // Operands come first: `(i32.add (a) (b))` is `a b i32.add`.
    C.next();
    auto I = parsePlainInstr(OpTok, **Op);
    if (!I)
      return std::unexpected(I.error());
    Form.Pending = *I;
  }
  Open.push_back(std::move(Form));
  return true;
}

Expected<bool> ModuleParser::closeFolded(std::vector<Instruction> &Code,
                                         std::vector<OpenForm> &Open) {
  OpenForm &Form = Open.back();
  const uint32_t At = C.next().Offset; // ')'
  switch (Form.TheKind) {
  case OpenForm::Kind::Plain:
    Code.push_back(Form.Pending);
    break;
  case OpenForm::Kind::Block:
    Code.push_back(makeInstr(Opcode::End, At));
    Labels.pop_back();
    break;
  case OpenForm::Kind::Arm:
    Form.TheKind = OpenForm::Kind::IfTail; // `(then ...)` or `(else ...)` closed
    return true;
  default:
    assert(false && "not a form closed by ')' here");
  }
  Open.pop_back();
  return true;
}

Expected<bool> ModuleParser::stepIfHead(std::vector<Instruction> &Code,
                                        std::vector<OpenForm> &Open) {
  OpenForm &If = Open.back();
  if (C.consumeForm("then")) {
    Code.push_back(If.Pending);
    Labels.push_back(If.Label);
    If.TheKind = OpenForm::Kind::Arm;
    return true;
  }
  if (C.at(TokenKind::LParen))
    return openFolded(Code, Open); // part of the condition
  return C.unexpected("'(then'");
}

Expected<bool> ModuleParser::stepIfTail(std::vector<Instruction> &Code,
                                        std::vector<OpenForm> &Open) {
  OpenForm &If = Open.back();
  if (If.ElsePos == NoElse && C.atForm("else")) {
    If.ElsePos = Code.size();
    Code.push_back(makeInstr(Opcode::Else, C.peek(1).Offset));
    C.next();
    C.next();
    If.TheKind = OpenForm::Kind::Arm;
    return true;
  }
  if (!C.at(TokenKind::RParen))
    return C.unexpected("')'");
  if (If.ElsePos != NoElse && Code.size() == If.ElsePos + 1)
    Code.pop_back(); // an empty else arm
  Code.push_back(makeInstr(Opcode::End, C.next().Offset));
  Labels.pop_back();
  Open.pop_back();
  return true;
}

Expected<Instruction> ModuleParser::parseBlockHeader(const Token &OpTok, std::string &Label) {
  Instruction I = makeInstr(*lookupOpcodeByName(OpTok.Text), OpTok.Offset);
  C.next();
  Label.clear();
  if (C.at(TokenKind::Id))
    Label = identifierName(C.next());
  auto Use = parseTypeUse(false);
  if (!Use)
    return std::unexpected(Use.error());
  BlockType BT;
  const FuncType *Sig = &Use->Inline;
  if (Use->Index) {
    auto Index = resolveTypeUse(*Use);
    if (!Index)
      return std::unexpected(Index.error());
    BT.TheKind = BlockType::Kind::TypeIndex;
    BT.TypeIndex = *Index;
    Sig = *Index < M.Types.size() ? &M.Types[*Index] : nullptr;
  }
  // A signature without parameters and with at most one result is encoded
  // as a value type (as wat2wasm does), whether or not it was named by index.
  if (Sig && Sig->Params.empty() && Sig->Results.size() <= 1) {
    BT.TheKind = Sig->Results.empty() ? BlockType::Kind::Empty : BlockType::Kind::Value;
    BT.TypeIndex = 0;
    if (!Sig->Results.empty())
      BT.Value = Sig->Results[0];
  } else if (!Use->Index) {
    BT.TheKind = BlockType::Kind::TypeIndex;
    BT.TypeIndex = internType(Use->Inline);
  }
  I.setBlockType(BT);
  return I;
}

Expected<void> ModuleParser::checkEndLabel(std::string_view Label) {
  if (!C.at(TokenKind::Id))
    return {};
  const Token &Tok = C.next();
  if (identifierName(Tok) != Label)
    return C.failAt(Tok, "mismatching label " + describeToken(Tok));
  return {};
}

Expected<ConstExpr> ModuleParser::parseConstExpr(bool Folded) {
  ConstExpr E;
  E.Offset = C.peek().Offset;
  LocalNames.clear();
  LocalCount = 0;
  Labels.clear();
  ScratchTargets.clear();
  BranchTargets = &ScratchTargets;
  if (auto R = parseInstrSeq(E.Code, Folded); !R)
    return std::unexpected(R.error());
  E.Code.push_back(makeInstr(Opcode::End, C.peek().Offset));
  return E;
}

} // namespace kiln::text
