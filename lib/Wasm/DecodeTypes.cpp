//===- DecodeTypes.cpp - Type section and type encodings ------------------===//
#include "ModuleDecoder.h"

namespace kiln::wasm {

Expected<ValType> ModuleDecoder::readValType(ByteReader &R) {
  uint64_t Offset = R.offset();
  auto Byte = R.readByte();
  if (!Byte)
    return forwardError(Byte);
  auto Type = valTypeFromByte(*Byte);
  if (!Type)
    return makeError(ErrorKind::Malformed, "malformed value type " + hexByte(*Byte), Offset);
  if (*Type == ValType::V128) {
    if (auto Ok = requireFeature(Feature::SIMD, Offset, "the v128 type"); !Ok)
      return forwardError(Ok);
  }
  if (*Type == ValType::ExternRef) {
    if (auto Ok = requireFeature(Feature::ReferenceTypes, Offset, "externref"); !Ok)
      return forwardError(Ok);
  }
  return *Type;
}

Expected<ValType> ModuleDecoder::readRefType(ByteReader &R) {
  uint64_t Offset = R.offset();
  auto Byte = R.readByte();
  if (!Byte)
    return forwardError(Byte);
  auto Type = valTypeFromByte(*Byte);
  if (!Type || !isRefType(*Type))
    return makeError(ErrorKind::Malformed, "malformed reference type " + hexByte(*Byte), Offset);
  if (*Type == ValType::ExternRef) {
    if (auto Ok = requireFeature(Feature::ReferenceTypes, Offset, "externref"); !Ok)
      return forwardError(Ok);
  }
  return *Type;
}

Expected<void> ModuleDecoder::decodeTypeSection(ByteReader &R) {
  auto Count = readCount(R, "types", 3);
  if (!Count)
    return forwardError(Count);
  M.Types.reserve(*Count);
  for (uint32_t I = 0; I < *Count; ++I) {
    uint64_t Offset = R.offset();
    auto Form = R.readByte();
    if (!Form)
      return forwardError(Form);
    if (*Form != 0x60)
      return makeError(ErrorKind::Malformed,
                       "malformed function type: expected 0x60, found " + hexByte(*Form), Offset);
    FuncType Type;
    for (auto *List : {&Type.Params, &Type.Results}) {
      auto Length = readCount(R, "value types");
      if (!Length)
        return forwardError(Length);
      List->reserve(*Length);
      for (uint32_t K = 0; K < *Length; ++K) {
        auto VT = readValType(R);
        if (!VT)
          return forwardError(VT);
        List->push_back(*VT);
      }
    }
    if (Type.Results.size() > 1) {
      if (auto Ok = requireFeature(Feature::MultiValue, Offset, "a function with several results");
          !Ok)
        return forwardError(Ok);
    }
    M.Types.push_back(std::move(Type));
  }
  return {};
}

Expected<Limits> ModuleDecoder::readLimits(ByteReader &R, uint64_t MaxAllowed,
                                           std::string_view What) {
  uint64_t Offset = R.offset();
  // The flags field is one byte; in 2.0 only "no maximum" and "maximum".
  auto Flags = R.readByte();
  if (!Flags)
    return forwardError(Flags);
  if (*Flags > 1)
    return makeError(ErrorKind::Malformed,
                     std::string(*Flags & 0x80 ? "integer representation too long"
                                               : "integer too large") +
                         ": " + std::string(What) + " limits flag must be 0x00 or 0x01, found " +
                         hexByte(*Flags),
                     Offset);
  Limits L;
  auto Min = R.readVarU32();
  if (!Min)
    return forwardError(Min);
  L.Min = *Min;
  if (*Flags == 1) {
    auto Max = R.readVarU32();
    if (!Max)
      return forwardError(Max);
    L.Max = *Max;
  }
  (void)MaxAllowed; // Range checks against the maximum are validation rules.
  return L;
}

Expected<TableType> ModuleDecoder::readTableType(ByteReader &R) {
  TableType Type;
  auto Elem = readRefType(R);
  if (!Elem)
    return forwardError(Elem);
  Type.ElemType = *Elem;
  auto Size = readLimits(R, UINT32_MAX, "table");
  if (!Size)
    return forwardError(Size);
  Type.Size = *Size;
  return Type;
}

Expected<MemoryType> ModuleDecoder::readMemoryType(ByteReader &R) {
  auto Pages = readLimits(R, MaxMemoryPages, "memory");
  if (!Pages)
    return forwardError(Pages);
  return MemoryType{*Pages};
}

Expected<GlobalType> ModuleDecoder::readGlobalType(ByteReader &R) {
  GlobalType Type;
  auto VT = readValType(R);
  if (!VT)
    return forwardError(VT);
  Type.Type = *VT;
  uint64_t Offset = R.offset();
  auto Mut = R.readByte();
  if (!Mut)
    return forwardError(Mut);
  if (*Mut > 1)
    return makeError(ErrorKind::Malformed,
                     "malformed mutability: expected 0x00 or 0x01, found " + hexByte(*Mut), Offset);
  Type.Mutable = *Mut == 1;
  return Type;
}

} // namespace kiln::wasm
