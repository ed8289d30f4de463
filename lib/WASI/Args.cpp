//===- Args.cpp - Arguments, environment, clocks, randomness --------------===//
#include "Functions.h"

#include <cerrno>
#include <ctime>
#include <sched.h>
#include <sys/random.h>

namespace kiln::wasi::fn {
namespace {

/// Writes `Strings` as a pointer array at `Pointers` and NUL-terminated
/// bytes at `Buffer`, after checking that both fit.
Errno writeStrings(Mem M, const std::vector<std::string> &Strings, u32 Pointers, u32 Buffer) {
  uint64_t Total = 0;
  for (const std::string &S : Strings)
    Total += S.size() + 1;
  if (Total > UINT32_MAX)
    return Errno::Overflow;
  auto PointerBytes = M.array(Pointers, static_cast<u32>(Strings.size()), 4);
  auto Bytes = M.bytes(Buffer, static_cast<u32>(Total));
  if (!PointerBytes || !Bytes)
    return Errno::Fault;
  u32 Offset = 0;
  for (size_t I = 0; I < Strings.size(); ++I) {
    u32 Address = Buffer + Offset; // In bounds, so it does not wrap.
    std::memcpy(PointerBytes->data() + 4 * I, &Address, 4);
    std::memcpy(Bytes->data() + Offset, Strings[I].c_str(), Strings[I].size() + 1);
    Offset += static_cast<u32>(Strings[I].size() + 1);
  }
  return Errno::Success;
}

Errno writeSizes(Mem M, const std::vector<std::string> &Strings, u32 CountOut, u32 SizeOut) {
  uint64_t Total = 0;
  for (const std::string &S : Strings)
    Total += S.size() + 1;
  if (Total > UINT32_MAX)
    return Errno::Overflow;
  if (Errno E = M.store<u32>(CountOut, static_cast<u32>(Strings.size())); E != Errno::Success)
    return E;
  return M.store<u32>(SizeOut, static_cast<u32>(Total));
}

ErrnoOr<clockid_t> hostClock(u32 ClockId) {
  switch (ClockId) {
  case 0: return CLOCK_REALTIME;
  case 1: return CLOCK_MONOTONIC;
  case 2: return CLOCK_PROCESS_CPUTIME_ID;
  case 3: return CLOCK_THREAD_CPUTIME_ID;
  default: return std::unexpected(Errno::Inval);
  }
}

u64 toNanoseconds(const timespec &T) { return u64(T.tv_sec) * 1000000000ULL + u64(T.tv_nsec); }

} // namespace

Errno argsGet(State &S, Mem M, u32 Argv, u32 ArgvBuf) {
  return writeStrings(M, S.Args, Argv, ArgvBuf);
}

Errno argsSizesGet(State &S, Mem M, u32 ArgcOut, u32 BufSizeOut) {
  return writeSizes(M, S.Args, ArgcOut, BufSizeOut);
}

Errno environGet(State &S, Mem M, u32 Environ, u32 EnvironBuf) {
  return writeStrings(M, S.Env, Environ, EnvironBuf);
}

Errno environSizesGet(State &S, Mem M, u32 CountOut, u32 BufSizeOut) {
  return writeSizes(M, S.Env, CountOut, BufSizeOut);
}

Errno clockResGet(State &, Mem M, u32 ClockId, u32 ResolutionOut) {
  auto Clock = hostClock(ClockId);
  if (!Clock)
    return Clock.error();
  timespec T;
  if (clock_getres(*Clock, &T) != 0)
    return errnoFromHost(errno);
  return M.store<u64>(ResolutionOut, toNanoseconds(T));
}

Errno clockTimeGet(State &, Mem M, u32 ClockId, u64, u32 TimeOut) {
  auto Clock = hostClock(ClockId);
  if (!Clock)
    return Clock.error();
  timespec T;
  if (clock_gettime(*Clock, &T) != 0)
    return errnoFromHost(errno);
  return M.store<u64>(TimeOut, toNanoseconds(T));
}

Errno randomGet(State &, Mem M, u32 Buf, u32 Length) {
  auto Bytes = M.bytes(Buf, Length);
  if (!Bytes)
    return Bytes.error();
  size_t Done = 0;
  while (Done < Bytes->size()) {
    ssize_t N = getrandom(Bytes->data() + Done, Bytes->size() - Done, 0);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return errnoFromHost(errno);
    }
    Done += static_cast<size_t>(N);
  }
  return Errno::Success;
}

Errno schedYield(State &, Mem) {
  sched_yield();
  return Errno::Success;
}

} // namespace kiln::wasi::fn
