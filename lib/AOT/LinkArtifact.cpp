//===- LinkArtifact.cpp - Object file to shared object with ld.lld --------===//
//
// The builtins stay undefined in the shared object; the system loader binds
// them to the loading program's exports (docs/AOTFormat.md).
//
//===----------------------------------------------------------------------===//
#include "kiln/AOT/AOT.h"

#include "LinkerProcess.h"

namespace kiln::aot {

Expected<void> linkArtifact(const std::string &Object, const std::string &OutputPath) {
  auto ObjectFile = TemporaryFile::create(OutputPath, ".o");
  if (!ObjectFile)
    return forwardError(ObjectFile);
  if (auto Written = ObjectFile->write(Object); !Written)
    return Written;
  ObjectFile->closeFd();
  auto Linked = TemporaryFile::create(OutputPath, ".so");
  if (!Linked)
    return forwardError(Linked);
  Linked->closeFd();
  auto Ran = runLinker({"-shared", "--hash-style=gnu", "-z", "now", "-z", "relro", "-z",
                        "noexecstack", "--build-id=none", "-o", Linked->path(),
                        ObjectFile->path()});
  if (!Ran)
    return Ran;
  return Linked->renameTo(OutputPath);
}

} // namespace kiln::aot
