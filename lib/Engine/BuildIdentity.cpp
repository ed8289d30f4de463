//===- BuildIdentity.cpp - Which compiler binary this process runs --------===//
//
// The Kiln version does not change between development builds, yet any
// change to the compiler can change generated code, so disk cache files are
// also tied to the exact binary. The GNU build ID is a digest the linker
// computes over the linked output (Debian's toolchains emit it by default),
// found in memory at no cost; only when it is missing is the file hashed.
// The object searched is the one holding this function, so the identity
// follows the compiler whether Kiln is linked statically or as a library.
//
//===----------------------------------------------------------------------===//
#include "kiln/Engine/DiskCache.h"
#include "kiln/Engine/CompileRequest.h"

#include "llvm/Support/BLAKE3.h"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <vector>

namespace kiln::engine {

namespace {

std::string toHex(const uint8_t *Bytes, size_t Size) {
  static constexpr char Digits[] = "0123456789abcdef";
  std::string Text;
  for (size_t I = 0; I < Size; ++I) {
    Text += Digits[Bytes[I] >> 4];
    Text += Digits[Bytes[I] & 0xf];
  }
  return Text;
}

/// The NT_GNU_BUILD_ID note of the loaded object containing `Address`.
std::string buildIdContaining(uintptr_t Address) {
  struct Search {
    uintptr_t Address;
    std::string Id;
  } State{Address, {}};
  dl_iterate_phdr(
      [](dl_phdr_info *Info, size_t, void *Data) {
        auto &S = *static_cast<Search *>(Data);
        bool Contains = false;
        for (unsigned I = 0; I < Info->dlpi_phnum; ++I) {
          const ElfW(Phdr) &Segment = Info->dlpi_phdr[I];
          uintptr_t Begin = Info->dlpi_addr + Segment.p_vaddr;
          if (Segment.p_type == PT_LOAD && S.Address >= Begin &&
              S.Address < Begin + Segment.p_memsz)
            Contains = true;
        }
        if (!Contains)
          return 0;
        for (unsigned I = 0; I < Info->dlpi_phnum; ++I) {
          const ElfW(Phdr) &Segment = Info->dlpi_phdr[I];
          if (Segment.p_type != PT_NOTE)
            continue;
          auto *Cursor = reinterpret_cast<const uint8_t *>(Info->dlpi_addr + Segment.p_vaddr);
          const uint8_t *End = Cursor + Segment.p_memsz;
          while (Cursor + sizeof(ElfW(Nhdr)) <= End) {
            ElfW(Nhdr) Note;
            std::memcpy(&Note, Cursor, sizeof(Note));
            const uint8_t *Name = Cursor + sizeof(Note);
            const uint8_t *Desc = Name + ((Note.n_namesz + 3) & ~3u);
            if (Desc + Note.n_descsz > End)
              break;
            if (Note.n_type == NT_GNU_BUILD_ID && Note.n_namesz == 4 &&
                std::memcmp(Name, "GNU", 4) == 0) {
              S.Id = toHex(Desc, Note.n_descsz);
              return 1;
            }
            Cursor = Desc + ((Note.n_descsz + 3) & ~3u);
          }
        }
        return 1;
      },
      &State);
  return State.Id;
}

std::string digestOfFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    return {};
  llvm::BLAKE3 Hasher;
  std::vector<char> Buffer(1 << 16);
  while (In.read(Buffer.data(), Buffer.size()) || In.gcount() > 0)
    Hasher.update(llvm::StringRef(Buffer.data(), In.gcount()));
  auto Digest = Hasher.final();
  return toHex(Digest.data(), Digest.size());
}

std::string computeBuildIdentity() {
  auto Self = reinterpret_cast<uintptr_t>(&buildIdentity);
  if (std::string Id = buildIdContaining(Self); !Id.empty())
    return "build-id-" + Id;
  Dl_info Info{};
  std::string Path = "/proc/self/exe";
  if (dladdr(reinterpret_cast<void *>(Self), &Info) && Info.dli_fname && *Info.dli_fname)
    Path = Info.dli_fname;
  if (std::string Digest = digestOfFile(Path); !Digest.empty())
    return "blake3-" + Digest;
  // Unidentifiable: a per-process identity keeps the disk cache correct
  // (it can never load another build's code), merely useless across runs.
  return "unidentified-" + std::to_string(getpid());
}

} // namespace

const std::string &buildIdentity() {
  static const std::string Identity = computeBuildIdentity();
  return Identity;
}

DiskCacheIdentity DiskCacheIdentity::ofThisBuild(codegen::TargetSpec Target) {
  DiskCacheIdentity Identity;
  Identity.KilnVersion = kilnVersion();
  Identity.LLVMVersion = llvmVersion();
  Identity.BuildIdentity = buildIdentity();
  Identity.Target = std::move(Target);
  return Identity;
}

} // namespace kiln::engine
