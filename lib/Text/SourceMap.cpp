//===- SourceMap.cpp - Byte offsets to line:column ------------------------===//
#include "kiln/Text/SourceMap.h"

#include <algorithm>

namespace kiln::text {

SourceMap::SourceMap(std::string_view Source) {
  LineStarts.push_back(0);
  for (size_t I = 0; I < Source.size(); ++I)
    if (Source[I] == '\n')
      LineStarts.push_back(static_cast<uint32_t>(I + 1));
}

LineColumn SourceMap::locate(uint64_t ByteOffset) const {
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), ByteOffset);
  size_t Line = static_cast<size_t>(It - LineStarts.begin()); // 1-based
  return {static_cast<uint32_t>(Line),
          static_cast<uint32_t>(ByteOffset - LineStarts[Line - 1] + 1)};
}

std::string SourceMap::format(const Error &E, std::string_view Name) const {
  std::string Out(Name);
  if (auto Offset = E.byteOffset()) {
    LineColumn LC = locate(*Offset);
    if (!Out.empty())
      Out += ':';
    Out += std::to_string(LC.Line) + ":" + std::to_string(LC.Column);
  }
  if (!Out.empty())
    Out += ": ";
  if (auto Func = E.functionIndex())
    Out += "in function " + std::to_string(*Func) + ": ";
  Out += E.message();
  return Out;
}

std::string formatTextError(const Error &E, std::string_view Name, std::string_view Source) {
  return SourceMap(Source).format(E, Name);
}

} // namespace kiln::text
