//===- MergeObjects.cpp - One relocatable object from a partition's objects -===//
//
// `ld.lld -r` keeps every input section as it is and concatenates them in
// command-line order; with the same inputs in the same order, its output is
// the same bytes (no build id, no timestamps, no input paths recorded).
//
//===----------------------------------------------------------------------===//
#include "Partitions.h"

#include "LinkerProcess.h"

#include "kiln/Support/Files.h"

#include <vector>

namespace kiln::aot {

Expected<std::string> mergeObjects(std::span<const std::string> Objects, unsigned Jobs) {
  std::string Prefix = temporaryPrefix("kiln-partition");
  std::vector<TemporaryFile> Inputs;
  Inputs.reserve(Objects.size());
  for (const std::string &Object : Objects) {
    auto File = TemporaryFile::create(Prefix, ".o");
    if (!File)
      return forwardError(File);
    if (auto Written = File->write(Object); !Written)
      return forwardError(Written);
    File->closeFd();
    Inputs.push_back(std::move(*File));
  }
  auto Merged = TemporaryFile::create(Prefix, ".o");
  if (!Merged)
    return forwardError(Merged);
  Merged->closeFd();
  std::vector<std::string> Arguments{"-r", "--build-id=none", "-o", Merged->path()};
  if (Jobs != 0)
    Arguments.push_back("--threads=" + std::to_string(Jobs));
  for (const TemporaryFile &Input : Inputs)
    Arguments.push_back(Input.path());
  if (auto Ran = runLinker(Arguments); !Ran)
    return forwardError(Ran);
  auto Bytes = readFileBytes(Merged->path());
  if (!Bytes)
    return forwardError(Bytes);
  return std::string(Bytes->begin(), Bytes->end());
}

} // namespace kiln::aot
