//===- DecodeCode.cpp - The code section: locals and function bodies ------===//
#include "ModuleDecoder.h"

namespace kiln::wasm {

Expected<void> ModuleDecoder::decodeCodeSection(ByteReader &R) {
  auto Count = readCount(R, "function bodies", 2);
  if (!Count)
    return forwardError(Count);
  if (*Count != M.FunctionTypeIndices.size())
    return makeError(ErrorKind::Malformed,
                     "function and code section have inconsistent lengths: " +
                         std::to_string(M.FunctionTypeIndices.size()) + " functions, " +
                         std::to_string(*Count) + " bodies",
                     R.offset());
  uint32_t ImportedFuncs = 0;
  for (const Import &Imp : M.Imports)
    ImportedFuncs += Imp.Kind == ExternKind::Func;
  M.Bodies.reserve(*Count);
  for (uint32_t I = 0; I < *Count; ++I) {
    auto Body = decodeFunctionBody(R);
    if (!Body) {
      Error E = Body.error();
      E.inFunction(ImportedFuncs + I);
      return std::unexpected(std::move(E));
    }
    M.Bodies.push_back(std::move(*Body));
  }
  SawCodeSection = true;
  return {};
}

/// Errors are tagged with the function index by the caller.
Expected<FunctionBody> ModuleDecoder::decodeFunctionBody(ByteReader &R) {
  FunctionBody Body;
  Body.Offset = R.offset();
  auto Size = R.readVarU32();
  if (!Size)
    return forwardError(Size);
  if (*Size > R.remaining())
    return makeError(ErrorKind::Malformed,
                     "unexpected end of section or function: body of " + std::to_string(*Size) +
                         " bytes, " + std::to_string(R.remaining()) + " left",
                     Body.Offset);
  if (*Size > ImplLimits.MaxFunctionBodySizeInBytes)
    return makeError(ErrorKind::Malformed,
                     "function body of " + std::to_string(*Size) + " bytes exceeds the limit of " +
                         std::to_string(ImplLimits.MaxFunctionBodySizeInBytes),
                     Body.Offset);
  Body.Size = *Size;
  auto BodyReader = R.split(*Size);
  if (!BodyReader)
    return forwardError(BodyReader);

  auto GroupCount = readCount(*BodyReader, "local declarations", 2);
  if (!GroupCount)
    return forwardError(GroupCount);
  uint64_t TotalLocals = 0;
  for (uint32_t G = 0; G < *GroupCount; ++G) {
    uint64_t GroupOffset = BodyReader->offset();
    auto Count = BodyReader->readVarU32();
    if (!Count)
      return forwardError(Count);
    TotalLocals += *Count;
    if (TotalLocals > ImplLimits.MaxLocalsPerFunction)
      return makeError(ErrorKind::Malformed,
                       "too many locals: " + std::to_string(TotalLocals) +
                           " exceeds the limit of " + std::to_string(ImplLimits.MaxLocalsPerFunction),
                       GroupOffset);
    auto Type = readValType(*BodyReader);
    if (!Type)
      return forwardError(Type);
    Body.Locals.insert(Body.Locals.end(), *Count, *Type);
  }

  auto Decoded = decodeInstructions(*BodyReader, Body.Code, &Body.BranchTargets);
  if (!Decoded)
    return forwardError(Decoded);
  if (!BodyReader->atEnd())
    return BodyReader->fail(ErrorKind::Malformed,
                            "section size mismatch: " + std::to_string(BodyReader->remaining()) +
                                " bytes after the function's final 'end'");
  return Body;
}

} // namespace kiln::wasm
