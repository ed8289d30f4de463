//===- FdIO.cpp - Reading, writing and managing descriptors ---------------===//
#include "Functions.h"

#include "WasiAbi.h"

#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <unistd.h>

namespace kiln::wasi::fn {
namespace {

/// The common shape of the four transfer calls: resolve, run `Transfer` on
/// the host fd and iovecs, store the byte count.
template <typename TransferFn>
Errno transfer(State &S, Mem M, u32 Fd, u32 Iovs, u32 IovsLen, u32 CountOut, TransferFn Transfer) {
  auto Host = S.Fds.host(Fd);
  if (!Host)
    return Host.error();
  auto Vectors = M.iovecs(Iovs, IovsLen);
  if (!Vectors)
    return Vectors.error();
  // Check the result pointer before transferring: failing afterwards would
  // lose data the host already consumed.
  if (auto Out = M.bytes(CountOut, 4); !Out)
    return Out.error();
  ssize_t N;
  do
    N = Transfer(*Host, Vectors->data(), static_cast<int>(Vectors->size()));
  while (N < 0 && errno == EINTR);
  if (N < 0)
    return errnoFromHost(errno);
  // Linux moves at most 0x7ffff000 bytes per call, so the count fits a u32.
  return M.store<u32>(CountOut, static_cast<u32>(N));
}

Errno hostResult(int Result) { return Result == 0 ? Errno::Success : errnoFromHost(errno); }

} // namespace

Errno fdRead(State &S, Mem M, u32 Fd, u32 Iovs, u32 IovsLen, u32 NReadOut) {
  return transfer(S, M, Fd, Iovs, IovsLen, NReadOut, [](int H, const iovec *V, int N) {
    return readv(H, V, N);
  });
}

Errno fdWrite(State &S, Mem M, u32 Fd, u32 Iovs, u32 IovsLen, u32 NWrittenOut) {
  return transfer(S, M, Fd, Iovs, IovsLen, NWrittenOut, [](int H, const iovec *V, int N) {
    return writev(H, V, N);
  });
}

Errno fdPread(State &S, Mem M, u32 Fd, u32 Iovs, u32 IovsLen, u64 Offset, u32 NReadOut) {
  if (Offset > INT64_MAX)
    return Errno::Inval;
  return transfer(S, M, Fd, Iovs, IovsLen, NReadOut, [Offset](int H, const iovec *V, int N) {
    return preadv(H, V, N, static_cast<off_t>(Offset));
  });
}

Errno fdPwrite(State &S, Mem M, u32 Fd, u32 Iovs, u32 IovsLen, u64 Offset, u32 NWrittenOut) {
  if (Offset > INT64_MAX)
    return Errno::Inval;
  return transfer(S, M, Fd, Iovs, IovsLen, NWrittenOut, [Offset](int H, const iovec *V, int N) {
    return pwritev(H, V, N, static_cast<off_t>(Offset));
  });
}

Errno fdSeek(State &S, Mem M, u32 Fd, u64 Offset, u32 Whence, u32 NewOffsetOut) {
  auto Host = S.Fds.host(Fd);
  if (!Host)
    return Host.error();
  int HostWhence;
  switch (Whence) {
  case abi::WhenceSet: HostWhence = SEEK_SET; break;
  case abi::WhenceCur: HostWhence = SEEK_CUR; break;
  case abi::WhenceEnd: HostWhence = SEEK_END; break;
  default: return Errno::Inval;
  }
  if (auto Out = M.bytes(NewOffsetOut, 8); !Out)
    return Out.error();
  off_t Result = lseek(*Host, static_cast<off_t>(static_cast<int64_t>(Offset)), HostWhence);
  if (Result < 0)
    return errnoFromHost(errno);
  return M.store<u64>(NewOffsetOut, static_cast<u64>(Result));
}

Errno fdTell(State &S, Mem M, u32 Fd, u32 OffsetOut) {
  return fdSeek(S, M, Fd, 0, abi::WhenceCur, OffsetOut);
}

Errno fdClose(State &S, Mem, u32 Fd) { return S.Fds.close(Fd); }

Errno fdSync(State &S, Mem, u32 Fd) {
  auto Host = S.Fds.host(Fd);
  return Host ? hostResult(fsync(*Host)) : Host.error();
}

Errno fdDatasync(State &S, Mem, u32 Fd) {
  auto Host = S.Fds.host(Fd);
  return Host ? hostResult(fdatasync(*Host)) : Host.error();
}

Errno fdAdvise(State &S, Mem, u32 Fd, u64 Offset, u64 Length, u32 Advice) {
  auto Host = S.Fds.host(Fd);
  if (!Host)
    return Host.error();
  static constexpr int HostAdvice[] = {POSIX_FADV_NORMAL,   POSIX_FADV_SEQUENTIAL,
                                       POSIX_FADV_RANDOM,   POSIX_FADV_WILLNEED,
                                       POSIX_FADV_DONTNEED, POSIX_FADV_NOREUSE};
  if (Advice >= std::size(HostAdvice) || Offset > INT64_MAX || Length > INT64_MAX)
    return Errno::Inval;
  // posix_fadvise returns the error number instead of setting errno.
  return errnoFromHost(posix_fadvise(*Host, static_cast<off_t>(Offset),
                                     static_cast<off_t>(Length), HostAdvice[Advice]));
}

Errno fdAllocate(State &S, Mem, u32 Fd, u64 Offset, u64 Length) {
  auto Host = S.Fds.host(Fd);
  if (!Host)
    return Host.error();
  if (Offset > INT64_MAX || Length > INT64_MAX || Offset + Length > INT64_MAX)
    return Errno::FBig;
  return errnoFromHost(
      posix_fallocate(*Host, static_cast<off_t>(Offset), static_cast<off_t>(Length)));
}

Errno fdRenumber(State &S, Mem, u32 Fd, u32 To) { return S.Fds.renumber(Fd, To); }

} // namespace kiln::wasi::fn
