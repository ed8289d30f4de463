//===- PollOneoff.cpp - poll_oneoff over clocks and descriptors -----------===//
//
// All subscriptions wait together in one ppoll: the earliest clock
// subscription sets the timeout, fd subscriptions become pollfds. Ready
// descriptors are reported, and clocks only when they have expired.
//
//===----------------------------------------------------------------------===//
#include "Functions.h"

#include "WasiAbi.h"

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <optional>
#include <poll.h>
#include <sys/ioctl.h>

namespace kiln::wasi::fn {
namespace {

struct Subscription {
  u64 UserData;
  uint8_t Tag;
  u32 Fd = 0;         ///< fd subscriptions
  int64_t DueNs = 0;  ///< clock subscriptions: CLOCK_MONOTONIC deadline
  Errno Error = Errno::Success;
  int PollIndex = -1; ///< Into the pollfd array.
};

int64_t monotonicNow() {
  timespec T;
  clock_gettime(CLOCK_MONOTONIC, &T);
  return int64_t(T.tv_sec) * 1000000000LL + T.tv_nsec;
}

/// The monotonic deadline of a clock subscription whose content is at `P`.
ErrnoOr<int64_t> clockDeadline(const uint8_t *P) {
  u32 Id;
  u64 Timeout;
  uint16_t Flags;
  std::memcpy(&Id, P, 4);
  std::memcpy(&Timeout, P + 8, 8);
  std::memcpy(&Flags, P + 24, 2);
  static constexpr clockid_t Clocks[] = {CLOCK_REALTIME, CLOCK_MONOTONIC,
                                         CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID};
  if (Id >= std::size(Clocks))
    return std::unexpected(Errno::Inval);
  int64_t Now = monotonicNow();
  int64_t Relative = int64_t(std::min<u64>(Timeout, INT64_MAX / 2));
  if (Flags & abi::SubclockAbstime) {
    timespec T;
    clock_gettime(Clocks[Id], &T);
    int64_t ClockNow = int64_t(T.tv_sec) * 1000000000LL + T.tv_nsec;
    Relative = std::max<int64_t>(0, Relative - ClockNow);
  }
  return Now + Relative;
}

/// Decodes the subscriptions, resolving fds into `Polls`.
ErrnoOr<std::vector<Subscription>> decode(State &S, std::span<const uint8_t> In, u32 Count,
                                          std::vector<pollfd> &Polls) {
  std::vector<Subscription> Subs;
  for (u32 I = 0; I < Count; ++I) {
    const uint8_t *P = In.data() + u64(I) * abi::SubscriptionSize;
    Subscription Sub{};
    std::memcpy(&Sub.UserData, P, 8);
    Sub.Tag = P[8];
    if (Sub.Tag == abi::EventClock) {
      auto Due = clockDeadline(P + 16);
      if (!Due)
        Sub.Error = Due.error();
      Sub.DueNs = Due.value_or(0);
    } else if (Sub.Tag == abi::EventFdRead || Sub.Tag == abi::EventFdWrite) {
      std::memcpy(&Sub.Fd, P + 16, 4);
      auto Host = S.Fds.host(Sub.Fd);
      if (!Host) {
        Sub.Error = Host.error();
      } else {
        Sub.PollIndex = static_cast<int>(Polls.size());
        short Events = Sub.Tag == abi::EventFdRead ? POLLIN : POLLOUT;
        Polls.push_back({*Host, Events, 0});
      }
    } else {
      return std::unexpected(Errno::Inval);
    }
    Subs.push_back(Sub);
  }
  return Subs;
}

void storeEvent(uint8_t *P, const Subscription &Sub, Errno Error, u64 NBytes, uint16_t Flags) {
  std::memset(P, 0, abi::EventSize);
  uint16_t Code = static_cast<uint16_t>(Error);
  std::memcpy(P, &Sub.UserData, 8);
  std::memcpy(P + 8, &Code, 2);
  P[10] = Sub.Tag;
  std::memcpy(P + 16, &NBytes, 8);
  std::memcpy(P + 24, &Flags, 2);
}

/// Waits until a descriptor is ready or the earliest clock is due.
Errno wait(std::vector<pollfd> &Polls, std::optional<int64_t> DueNs) {
  for (;;) {
    timespec Timeout{};
    if (DueNs) {
      int64_t Left = std::max<int64_t>(0, *DueNs - monotonicNow());
      Timeout = {static_cast<time_t>(Left / 1000000000LL), static_cast<long>(Left % 1000000000LL)};
    }
    int N = ppoll(Polls.data(), Polls.size(), DueNs ? &Timeout : nullptr, nullptr);
    if (N >= 0)
      return Errno::Success;
    if (errno != EINTR)
      return errnoFromHost(errno);
  }
}

} // namespace

Errno pollOneoff(State &S, Mem M, u32 In, u32 Out, u32 NSubscriptions, u32 NEventsOut) {
  if (NSubscriptions == 0)
    return Errno::Inval;
  auto InBytes = M.array(In, NSubscriptions, abi::SubscriptionSize);
  auto OutBytes = M.array(Out, NSubscriptions, abi::EventSize);
  if (!InBytes || !OutBytes || !M.bytes(NEventsOut, 4))
    return Errno::Fault;
  std::vector<pollfd> Polls;
  auto Subs = decode(S, *InBytes, NSubscriptions, Polls);
  if (!Subs)
    return Subs.error();
  std::optional<int64_t> Earliest;
  bool AnyError = false;
  for (const Subscription &Sub : *Subs) {
    AnyError |= Sub.Error != Errno::Success;
    if (Sub.Tag == abi::EventClock && Sub.Error == Errno::Success)
      Earliest = std::min(Earliest.value_or(INT64_MAX), Sub.DueNs);
  }
  // A failed subscription is an event of its own: report it without waiting.
  if (AnyError)
    Earliest = 0;
  if (Errno E = wait(Polls, Earliest); E != Errno::Success)
    return E;
  int64_t Now = monotonicNow();
  u32 Count = 0;
  for (const Subscription &Sub : *Subs) {
    uint8_t *P = OutBytes->data() + u64(Count) * abi::EventSize;
    if (Sub.Error != Errno::Success) {
      storeEvent(P, Sub, Sub.Error, 0, 0);
    } else if (Sub.Tag == abi::EventClock) {
      if (Sub.DueNs > Now)
        continue;
      storeEvent(P, Sub, Errno::Success, 0, 0);
    } else {
      short Revents = Polls[Sub.PollIndex].revents;
      if (!Revents)
        continue;
      int Available = 0;
      if (Sub.Tag == abi::EventFdRead && ioctl(Polls[Sub.PollIndex].fd, FIONREAD, &Available) != 0)
        Available = 0;
      Errno E = (Revents & POLLNVAL) ? Errno::BadF : Errno::Success;
      uint16_t Flags = (Revents & POLLHUP) ? abi::EventFdReadwriteHangup : 0;
      storeEvent(P, Sub, E, u64(std::max(Available, 0)), Flags);
    }
    ++Count;
  }
  return M.store<u32>(NEventsOut, Count);
}

} // namespace kiln::wasi::fn
