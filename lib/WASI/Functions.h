//===- Functions.h - The preview1 functions, one per import -----*- C++ -*-===//
//
// Each takes the context's state, the guest memory and the import's
// parameters (u32 for i32, u64 for i64) and returns the WASI errno the
// import returns. ImportTable.cpp turns them into host functions; the
// families live in Args.cpp, FdIO.cpp, FdStat.cpp, FdReaddir.cpp,
// PathOpen.cpp, PathOps.cpp and PollOneoff.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_WASI_FUNCTIONS_H
#define KILN_LIB_WASI_FUNCTIONS_H

#include "GuestMemory.h"
#include "State.h"

namespace kiln::wasi::fn {

using detail::State;
using Mem = const GuestMemory &;
using u32 = uint32_t;
using u64 = uint64_t;

// Args.cpp: arguments, environment, clocks, randomness, scheduling.
Errno argsGet(State &, Mem, u32 Argv, u32 ArgvBuf);
Errno argsSizesGet(State &, Mem, u32 ArgcOut, u32 BufSizeOut);
Errno environGet(State &, Mem, u32 Environ, u32 EnvironBuf);
Errno environSizesGet(State &, Mem, u32 CountOut, u32 BufSizeOut);
Errno clockResGet(State &, Mem, u32 ClockId, u32 ResolutionOut);
Errno clockTimeGet(State &, Mem, u32 ClockId, u64 Precision, u32 TimeOut);
Errno randomGet(State &, Mem, u32 Buf, u32 Length);
Errno schedYield(State &, Mem);

// FdIO.cpp: data transfer and descriptor management.
Errno fdRead(State &, Mem, u32 Fd, u32 Iovs, u32 IovsLen, u32 NReadOut);
Errno fdWrite(State &, Mem, u32 Fd, u32 Iovs, u32 IovsLen, u32 NWrittenOut);
Errno fdPread(State &, Mem, u32 Fd, u32 Iovs, u32 IovsLen, u64 Offset, u32 NReadOut);
Errno fdPwrite(State &, Mem, u32 Fd, u32 Iovs, u32 IovsLen, u64 Offset, u32 NWrittenOut);
Errno fdSeek(State &, Mem, u32 Fd, u64 Offset, u32 Whence, u32 NewOffsetOut);
Errno fdTell(State &, Mem, u32 Fd, u32 OffsetOut);
Errno fdClose(State &, Mem, u32 Fd);
Errno fdSync(State &, Mem, u32 Fd);
Errno fdDatasync(State &, Mem, u32 Fd);
Errno fdAdvise(State &, Mem, u32 Fd, u64 Offset, u64 Length, u32 Advice);
Errno fdAllocate(State &, Mem, u32 Fd, u64 Offset, u64 Length);
Errno fdRenumber(State &, Mem, u32 Fd, u32 To);

// FdStat.cpp: descriptor and file attributes, preopens.
Errno fdFdstatGet(State &, Mem, u32 Fd, u32 StatOut);
Errno fdFdstatSetFlags(State &, Mem, u32 Fd, u32 Flags);
Errno fdFdstatSetRights(State &, Mem, u32 Fd, u64 Base, u64 Inheriting);
Errno fdFilestatGet(State &, Mem, u32 Fd, u32 StatOut);
Errno fdFilestatSetSize(State &, Mem, u32 Fd, u64 Size);
Errno fdFilestatSetTimes(State &, Mem, u32 Fd, u64 Atim, u64 Mtim, u32 FstFlags);
Errno fdPrestatGet(State &, Mem, u32 Fd, u32 PrestatOut);
Errno fdPrestatDirName(State &, Mem, u32 Fd, u32 Path, u32 PathLen);

// FdReaddir.cpp
Errno fdReaddir(State &, Mem, u32 Fd, u32 Buf, u32 BufLen, u64 Cookie, u32 BufUsedOut);

// PathOpen.cpp
Errno pathOpen(State &, Mem, u32 Fd, u32 DirFlags, u32 Path, u32 PathLen, u32 OFlags,
               u64 RightsBase, u64 RightsInheriting, u32 FdFlags, u32 FdOut);

// PathOps.cpp: operations on names.
Errno pathCreateDirectory(State &, Mem, u32 Fd, u32 Path, u32 PathLen);
Errno pathRemoveDirectory(State &, Mem, u32 Fd, u32 Path, u32 PathLen);
Errno pathUnlinkFile(State &, Mem, u32 Fd, u32 Path, u32 PathLen);
Errno pathRename(State &, Mem, u32 Fd, u32 Old, u32 OldLen, u32 NewFd, u32 New, u32 NewLen);
Errno pathFilestatGet(State &, Mem, u32 Fd, u32 Flags, u32 Path, u32 PathLen, u32 StatOut);
Errno pathFilestatSetTimes(State &, Mem, u32 Fd, u32 Flags, u32 Path, u32 PathLen, u64 Atim,
                           u64 Mtim, u32 FstFlags);
Errno pathReadlink(State &, Mem, u32 Fd, u32 Path, u32 PathLen, u32 Buf, u32 BufLen,
                   u32 BufUsedOut);
Errno pathSymlink(State &, Mem, u32 Old, u32 OldLen, u32 Fd, u32 New, u32 NewLen);
Errno pathLink(State &, Mem, u32 OldFd, u32 OldFlags, u32 Old, u32 OldLen, u32 NewFd, u32 New,
               u32 NewLen);

// PollOneoff.cpp
Errno pollOneoff(State &, Mem, u32 In, u32 Out, u32 NSubscriptions, u32 NEventsOut);

} // namespace kiln::wasi::fn

#endif // KILN_LIB_WASI_FUNCTIONS_H
