//===- ExpectedFailures.cpp - Known spec failures we chose to defer --------===//
#include "ExpectedFailures.h"

#include "Files.h"

#include <charconv>

namespace kiln::cli {

namespace fs = std::filesystem;

Expected<ExpectedFailures> ExpectedFailures::load(const fs::path &File) {
  auto Bytes = readFileBytes(File);
  if (!Bytes)
    return std::unexpected(Bytes.error());
  std::string_view Text(reinterpret_cast<const char *>(Bytes->data()), Bytes->size());
  return parse(Text, File.string());
}

namespace {
std::string_view trim(std::string_view S) {
  size_t Begin = S.find_first_not_of(" \t\r");
  if (Begin == std::string_view::npos)
    return {};
  size_t End = S.find_last_not_of(" \t\r");
  return S.substr(Begin, End - Begin + 1);
}
} // namespace

Expected<ExpectedFailures> ExpectedFailures::parse(std::string_view Text,
                                                   std::string_view SourceName) {
  ExpectedFailures Result;
  unsigned LineNumber = 0;
  while (!Text.empty()) {
    size_t Newline = Text.find('\n');
    std::string_view Line = Text.substr(0, Newline);
    Text = Newline == std::string_view::npos ? std::string_view() : Text.substr(Newline + 1);
    ++LineNumber;
    Line = trim(Line.substr(0, Line.find('#')));
    if (Line.empty())
      continue;
    auto fail = [&](const std::string &Why) {
      return makeError(ErrorKind::Usage,
                       std::string(SourceName) + ":" + std::to_string(LineNumber) + ": " + Why);
    };
    size_t Space = Line.find_first_of(" \t");
    std::string_view Key = Line.substr(0, Space);
    std::string_view Reason = Space == std::string_view::npos ? "" : trim(Line.substr(Space));
    if (Reason.empty())
      return fail("entry '" + std::string(Key) + "' has no reason");
    Entry E;
    E.Reason = Reason;
    E.File = Key;
    if (size_t Colon = Key.rfind(':'); Colon != std::string_view::npos) {
      std::string_view Digits = Key.substr(Colon + 1);
      uint32_t Number = 0;
      auto [End, Ec] = std::from_chars(Digits.data(), Digits.data() + Digits.size(), Number);
      if (Ec != std::errc() || End != Digits.data() + Digits.size() || Number == 0)
        return fail("bad line number in '" + std::string(Key) + "'");
      E.File = Key.substr(0, Colon);
      E.Line = Number;
    }
    Result.Entries.push_back(std::move(E));
  }
  return Result;
}

bool ExpectedFailures::matches(const Entry &E, const fs::path &Script) {
  std::string Path = Script.generic_string();
  if (Path == E.File)
    return true;
  return Path.size() > E.File.size() && Path.ends_with(E.File) &&
         Path[Path.size() - E.File.size() - 1] == '/';
}

std::optional<std::string> ExpectedFailures::find(const fs::path &Script,
                                                  std::optional<uint32_t> Line) {
  for (Entry &E : Entries) {
    if (E.Line == Line && matches(E, Script)) {
      E.Used = true;
      return E.Reason;
    }
  }
  return std::nullopt;
}

std::vector<std::string> ExpectedFailures::unusedEntries(const fs::path &Script) const {
  std::vector<std::string> Unused;
  for (const Entry &E : Entries)
    if (!E.Used && matches(E, Script))
      Unused.push_back(E.File + (E.Line ? ":" + std::to_string(*E.Line) : ""));
  return Unused;
}

} // namespace kiln::cli
