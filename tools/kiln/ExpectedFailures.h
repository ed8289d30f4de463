//===- ExpectedFailures.h - Known spec failures we chose to defer -*- C++ -*-===//
//
// A list of `file.wast:LINE  reason` entries (or `file.wast  reason` for a
// script that cannot be read at all). A listed failure is reported as an
// expected failure and does not fail the run; a listed command that passes is
// reported as an unexpected pass so the entry gets removed. `#` starts a
// comment. The file part matches a script path exactly or as a trailing path
// (`2.0/binary.wast` matches `/x/testsuite/2.0/binary.wast`).
//
//===----------------------------------------------------------------------===//
#ifndef KILN_TOOLS_KILN_EXPECTEDFAILURES_H
#define KILN_TOOLS_KILN_EXPECTEDFAILURES_H

#include "kiln/Support/Error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::cli {

class ExpectedFailures {
public:
  /// An empty list.
  ExpectedFailures() = default;
  /// Reads a list; a line without a reason is an error naming the line.
  static Expected<ExpectedFailures> load(const std::filesystem::path &File);
  /// Parses list text; `SourceName` is used in error messages.
  static Expected<ExpectedFailures> parse(std::string_view Text, std::string_view SourceName);

  /// The reason given for a failure of the command at `Line` of `Script`, or
  /// of reading `Script` when `Line` is empty. Marks the entry as used.
  std::optional<std::string> find(const std::filesystem::path &Script,
                                  std::optional<uint32_t> Line);

  /// Entries for `Script` that no `find` has used: they name a line that is
  /// not a checked command (or a script that read fine).
  std::vector<std::string> unusedEntries(const std::filesystem::path &Script) const;

private:
  struct Entry {
    std::string File;
    std::optional<uint32_t> Line; ///< Empty: the script could not be read.
    std::string Reason;
    bool Used = false;
  };
  static bool matches(const Entry &E, const std::filesystem::path &Script);

  std::vector<Entry> Entries;
};

} // namespace kiln::cli

#endif // KILN_TOOLS_KILN_EXPECTEDFAILURES_H
