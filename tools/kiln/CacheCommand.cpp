//===- CacheCommand.cpp - kiln cache: look after a disk cache -------------===//
//
// `kiln cache prune` removes what the disk cache written by `kiln run
// --cache-dir` (and by embedders' Engines) never removes by itself; the work
// is `engine::pruneDiskCache`, this file only parses and reports.
//
//===----------------------------------------------------------------------===//
#include "CommandLine.h"
#include "Subcommands.h"

#include "kiln/Engine/DiskCachePrune.h"

#include <iostream>
#include <limits>

namespace kiln::cli {

namespace po = boost::program_options;

namespace {

constexpr const char *CacheUsage =
    "usage: kiln cache prune --cache-dir DIR [--max-size SIZE] [--dry-run]\n"
    "\n"
    "Looks after a disk cache of compiled modules (kiln run --cache-dir DIR).\n"
    "\n"
    "Actions:\n"
    "  prune     Remove temporary files of dead writers, other builds' and older\n"
    "            formats' folders, and with --max-size the least recently used\n"
    "            entries (see 'kiln cache prune --help')\n";

constexpr const char *PruneUsage =
    "usage: kiln cache prune --cache-dir DIR [--max-size SIZE] [--dry-run]\n"
    "\n"
    "Removes from the disk cache under DIR, while other processes may use it:\n"
    "  - temporary files left by writers that died (no process has the pid in\n"
    "    the name, and the file is over an hour old),\n"
    "  - the folders of other kiln builds and of older cache formats,\n"
    "  - with --max-size, this build's least recently used entries until its\n"
    "    entries and kept temporary files total at most SIZE bytes.\n"
    "Only names the cache writes are removed; symbolic links are never followed;\n"
    "anything else is left alone and listed as unknown.\n"
    "Prints one line per kind and a total. Exits 1 if the folder cannot be\n"
    "read or a file could not be removed, 2 on bad usage.\n";

po::options_description pruneOptions() {
  po::options_description Options("Options");
  auto Add = Options.add_options();
  Add("help,h", "Show this help and exit");
  Add("cache-dir", po::value<std::string>()->value_name("DIR"),
      "The cache folder given to 'kiln run --cache-dir'");
  Add("max-size", po::value<std::string>()->value_name("SIZE"),
      "Keep this build's entries (and kept temporary files) at most SIZE bytes in total, "
      "removing the least recently used; SIZE is a number, optionally with a suffix K, M or G "
      "(powers of 1024)");
  Add("dry-run", "Report what would be removed, remove nothing");
  return Options;
}

/// "4096", "64K", "512M", "2G" (suffixes are powers of 1024, either case).
Expected<uint64_t> parseSize(const std::string &Text) {
  auto Bad = [&] {
    return makeError(ErrorKind::Usage, "bad --max-size '" + Text +
                                           "': expected a number of bytes, optionally with K, M or G");
  };
  size_t Digits = 0;
  while (Digits < Text.size() && Text[Digits] >= '0' && Text[Digits] <= '9')
    ++Digits;
  if (Digits == 0 || Text.size() - Digits > 1)
    return Bad();
  unsigned Shift = 0;
  if (Digits < Text.size()) {
    switch (Text.back()) {
    case 'k': case 'K': Shift = 10; break;
    case 'm': case 'M': Shift = 20; break;
    case 'g': case 'G': Shift = 30; break;
    default: return Bad();
    }
  }
  constexpr uint64_t Max = std::numeric_limits<uint64_t>::max();
  uint64_t Value = 0;
  for (size_t I = 0; I < Digits; ++I) {
    uint64_t Digit = Text[I] - '0';
    if (Value > (Max - Digit) / 10)
      return Bad();
    Value = Value * 10 + Digit;
  }
  if (Value > (Max >> Shift))
    return Bad();
  return Value << Shift;
}

std::string show(const engine::PruneTally &T, const char *Noun) {
  return std::to_string(T.Files) + " " + Noun + " (" + std::to_string(T.Bytes) + " bytes)";
}

void printReport(const engine::DiskCachePruneReport &R, const engine::DiskCachePruneOptions &O) {
  const char *Removed = O.DryRun ? "would remove" : "removed";
  std::cout << "kiln cache prune" << (O.DryRun ? " (dry run)" : "") << ": " << R.CurrentFolder
            << '\n';
  std::cout << "  dead writers' temporary files: " << Removed << ' '
            << show(R.DeadTemporaries, "files") << ", kept "
            << show(R.KeptTemporaries, "files") << " of live or recent writers\n";
  std::cout << "  other builds: " << Removed << ' ' << show(R.OtherBuildFiles, "files") << " and "
            << R.OtherBuildFolders << " folders\n";
  std::cout << "  older formats: " << Removed << ' ' << show(R.OlderFormatFiles, "files")
            << " and " << R.OlderFormatFolders << " folders\n";
  if (O.MaxSizeInBytes)
    std::cout << "  size bound " << *O.MaxSizeInBytes << " bytes: " << Removed << ' '
              << show(R.Evicted, "entries") << '\n';
  else
    std::cout << "  size bound: none\n";
  std::cout << "  unknown: " << R.Unknown.size() << " left alone\n";
  for (const std::string &Path : R.Unknown)
    std::cout << "    " << Path << '\n';
  if (R.RemoveErrors)
    std::cout << "  could not remove: " << R.RemoveErrors << " files\n";
  std::cout << "  total: " << Removed << ' ' << show(R.removed(), "files") << ", kept "
            << show(R.Kept, "files") << '\n';
}

int runPrune(const std::vector<std::string> &Args) {
  constexpr const char *Name = "cache prune";
  po::options_description Visible = pruneOptions();
  po::options_description All;
  All.add(Visible).add_options()("argument", po::value<std::vector<std::string>>());
  auto Values = parseCommandLine(Args, All, "argument");
  if (!Values)
    return reportUsageError(Name, Values.error().message());
  if (Values->count("help")) {
    std::cout << PruneUsage << '\n' << Visible;
    return ExitSuccess;
  }
  if (Values->count("argument"))
    return reportUsageError(Name, "unexpected argument '" +
                                      (*Values)["argument"].as<std::vector<std::string>>()[0] +
                                      "'");
  if (!Values->count("cache-dir"))
    return reportUsageError(Name, "missing --cache-dir DIR");
  engine::DiskCachePruneOptions Options;
  Options.DryRun = Values->count("dry-run") > 0;
  if (Values->count("max-size")) {
    auto Size = parseSize((*Values)["max-size"].as<std::string>());
    if (!Size)
      return reportUsageError(Name, Size.error().message());
    Options.MaxSizeInBytes = *Size;
  }
  auto Report = engine::pruneDiskCache((*Values)["cache-dir"].as<std::string>(), Options);
  if (!Report) {
    std::cerr << "kiln cache prune: " << Report.error().message() << std::endl;
    return ExitFailure;
  }
  printReport(*Report, Options);
  return Report->RemoveErrors ? ExitFailure : ExitSuccess;
}

} // namespace

int runCacheCommand(const std::vector<std::string> &Args) {
  if (Args.empty())
    return reportUsageError("cache", "no action given (available: prune)");
  if (Args[0] == "--help" || Args[0] == "-h") {
    std::cout << CacheUsage;
    return ExitSuccess;
  }
  if (Args[0] == "prune")
    return runPrune(std::vector<std::string>(Args.begin() + 1, Args.end()));
  return reportUsageError("cache", "unknown action '" + Args[0] + "' (available: prune)");
}

} // namespace kiln::cli
