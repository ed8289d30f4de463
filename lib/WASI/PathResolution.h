//===- PathResolution.h - Guest paths resolved beneath a directory -*- C++ -*-===//
//
// Every guest path is resolved by the kernel with openat2(RESOLVE_BENEATH):
// `..` above the starting directory, absolute paths and symlinks whose
// targets lie outside all fail atomically, with no check-then-use window a
// racing rename could exploit. Operations on a path's last component
// (unlink, mkdir, readlink, ...) resolve its parent that way and then name
// only the single, traversal-free leaf relative to it.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_WASI_PATHRESOLUTION_H
#define KILN_LIB_WASI_PATHRESOLUTION_H

#include "FdTable.h"

#include <string>
#include <sys/types.h>

namespace kiln::wasi {

/// openat2 of `Path` beneath `DirFd` with open flags `Flags` (O_CLOEXEC is
/// added) and `Mode` (used with O_CREAT). Escapes are `NotCapable`.
ErrnoOr<OwnedFd> openBeneath(int DirFd, const std::string &Path, int Flags, mode_t Mode = 0);

struct ParentAndLeaf {
  OwnedFd Parent;        ///< An O_PATH descriptor of the containing directory.
  std::string Leaf;      ///< One component: no '/', never "..".
  bool HadTrailingSlash; ///< The guest wrote "name/": it must be a directory.
};

/// Splits `Path` into its resolved parent directory and last component. A
/// last component of "." or ".." is folded into the parent (the leaf is
/// then "."), so it is resolved beneath `DirFd` like any other.
ErrnoOr<ParentAndLeaf> resolveParent(int DirFd, const std::string &Path);

} // namespace kiln::wasi

#endif // KILN_LIB_WASI_PATHRESOLUTION_H
