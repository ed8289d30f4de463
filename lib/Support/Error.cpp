//===- Error.cpp - Rendering errors as diagnostics ------------------------===//
#include "kiln/Support/Error.h"

#include <cstdio>

namespace kiln {

std::string_view errorKindName(ErrorKind Kind) {
  switch (Kind) {
  case ErrorKind::Malformed: return "malformed";
  case ErrorKind::Invalid: return "invalid";
  case ErrorKind::Unsupported: return "unsupported";
  case ErrorKind::Unlinkable: return "unlinkable";
  case ErrorKind::Io: return "i/o error";
  case ErrorKind::Usage: return "usage";
  case ErrorKind::Internal: return "internal";
  }
  return "error";
}

std::string hexByte(uint8_t Byte) {
  char Buf[8];
  std::snprintf(Buf, sizeof(Buf), "0x%02x", Byte);
  return Buf;
}

std::string hexOffset(uint64_t Offset) {
  char Buf[24];
  std::snprintf(Buf, sizeof(Buf), "0x%llx", static_cast<unsigned long long>(Offset));
  return Buf;
}

std::string Error::format(std::string_view InputName) const {
  std::string Out(InputName);
  if (ByteOffset) {
    if (!Out.empty())
      Out += ':';
    Out += hexOffset(*ByteOffset);
  }
  if (!Out.empty())
    Out += ": ";
  if (FunctionIndex)
    Out += "in function " + std::to_string(*FunctionIndex) + ": ";
  Out += Message;
  return Out;
}

} // namespace kiln
