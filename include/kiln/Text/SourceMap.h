//===- kiln/Text/SourceMap.h - Byte offsets to line:column -------*- C++ -*-===//
//
// Errors from the text reader (and from validating a module read from text)
// carry byte offsets into the source, like binary errors do. A SourceMap turns
// such an offset into `LINE:COL` so a message reads `m.wat:3:14: unknown
// operator`.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TEXT_SOURCEMAP_H
#define KILN_TEXT_SOURCEMAP_H

#include "kiln/Support/Error.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::text {

/// A 1-based line and column (columns count bytes).
struct LineColumn {
  uint32_t Line = 1;
  uint32_t Column = 1;
};

class SourceMap {
public:
  /// Indexes the line starts of `Source`; the text itself is not kept.
  explicit SourceMap(std::string_view Source);

  LineColumn locate(uint64_t ByteOffset) const;

  /// `Name:LINE:COL: message` when the error has an offset, else
  /// `Name: message`. `Name` may be empty.
  std::string format(const Error &E, std::string_view Name) const;

private:
  std::vector<uint32_t> LineStarts;
};

/// One-shot form of `SourceMap(Source).format(E, Name)`.
std::string formatTextError(const Error &E, std::string_view Name, std::string_view Source);

} // namespace kiln::text

#endif // KILN_TEXT_SOURCEMAP_H
