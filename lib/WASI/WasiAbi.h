//===- WasiAbi.h - Layouts and flag values of wasi_snapshot_preview1 -*- C++ -*-===//
//
// The values and byte offsets of the witx definitions (checked against
// wasi-libc's wasi/api.h), for code that reads and writes guest structs.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_WASI_WASIABI_H
#define KILN_LIB_WASI_WASIABI_H

#include <cstdint>

namespace kiln::wasi::abi {

enum class FileType : uint8_t {
  Unknown = 0, BlockDevice = 1, CharacterDevice = 2, Directory = 3, RegularFile = 4,
  SocketDgram = 5, SocketStream = 6, SymbolicLink = 7,
};

// fdflags
inline constexpr uint16_t FdFlagAppend = 1, FdFlagDsync = 2, FdFlagNonblock = 4,
                          FdFlagRsync = 8, FdFlagSync = 16;
// oflags
inline constexpr uint16_t OFlagCreat = 1, OFlagDirectory = 2, OFlagExcl = 4, OFlagTrunc = 8;
// lookupflags
inline constexpr uint32_t LookupSymlinkFollow = 1;
// fstflags
inline constexpr uint16_t FstAtim = 1, FstAtimNow = 2, FstMtim = 4, FstMtimNow = 8;
// whence
inline constexpr uint8_t WhenceSet = 0, WhenceCur = 1, WhenceEnd = 2;
// eventtype and subclockflags
inline constexpr uint8_t EventClock = 0, EventFdRead = 1, EventFdWrite = 2;
inline constexpr uint16_t SubclockAbstime = 1;
inline constexpr uint16_t EventFdReadwriteHangup = 1;

// rights bits used to decide a file's access mode (the rest are reported).
inline constexpr uint64_t RightFdDatasync = 1ULL << 0, RightFdRead = 1ULL << 1,
                          RightFdSeek = 1ULL << 2, RightFdSync = 1ULL << 4,
                          RightFdTell = 1ULL << 5, RightFdWrite = 1ULL << 6,
                          RightFdAllocate = 1ULL << 8, RightFdReaddir = 1ULL << 14,
                          RightFdFilestatSetSize = 1ULL << 22;
/// Every right preview1 defines (bits 0..29).
inline constexpr uint64_t AllRights = (1ULL << 30) - 1;

// Struct sizes and offsets.
inline constexpr uint32_t IovecSize = 8;        // buf u32 @0, len u32 @4
inline constexpr uint32_t FdstatSize = 24;      // filetype u8 @0, flags u16 @2, rights @8, @16
inline constexpr uint32_t FilestatSize = 64;    // dev, ino, filetype @16, nlink @24, size, atim, mtim, ctim
inline constexpr uint32_t PrestatSize = 8;      // tag u8 @0, name_len u32 @4
inline constexpr uint32_t DirentSize = 24;      // next u64, ino u64, namlen u32 @16, type u8 @20
inline constexpr uint32_t SubscriptionSize = 48; // userdata @0, tag u8 @8, content @16
inline constexpr uint32_t EventSize = 32;       // userdata @0, error u16 @8, type u8 @10, nbytes @16, flags u16 @24

} // namespace kiln::wasi::abi

#endif // KILN_LIB_WASI_WASIABI_H
