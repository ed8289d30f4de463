//===- ElfSection.cpp - Reading one section of an ELF file ----------------===//
//
// The loader reads the artifact header from the file itself rather than
// through dlopen: checks must come before the system loader maps (and
// relocates) code built for another machine.
//
//===----------------------------------------------------------------------===//
#include "ElfSection.h"

#include "kiln/Support/Files.h"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <iterator>

namespace kiln::runtime {

namespace {

bool inBounds(const std::vector<uint8_t> &File, uint64_t Offset, uint64_t Size) {
  return Offset <= File.size() && Size <= File.size() - Offset;
}

std::unexpected<Error> malformed(const std::string &Path, const std::string &Why) {
  return makeError(ErrorKind::Malformed, "'" + Path + "' is not a Kiln artifact: " + Why);
}

} // namespace

Expected<ElfSectionContents> readElfSection(const std::string &Path, std::string_view Name) {
  auto File = readFileBytes(Path);
  if (!File)
    return forwardError(File);
  Elf64_Ehdr Header;
  if (File->size() < sizeof Header || std::memcmp(File->data(), ELFMAG, SELFMAG) != 0)
    return malformed(Path, "not an ELF file");
  std::memcpy(&Header, File->data(), sizeof Header);
  if (Header.e_ident[EI_CLASS] != ELFCLASS64 || Header.e_ident[EI_DATA] != ELFDATA2LSB)
    return malformed(Path, "not a 64-bit little-endian ELF file");
  if (Header.e_shentsize != sizeof(Elf64_Shdr) ||
      !inBounds(*File, Header.e_shoff, uint64_t(Header.e_shnum) * sizeof(Elf64_Shdr)) ||
      Header.e_shstrndx >= Header.e_shnum)
    return malformed(Path, "truncated or corrupt section headers");
  auto section = [&](unsigned Index) {
    Elf64_Shdr Section;
    std::memcpy(&Section, File->data() + Header.e_shoff + Index * sizeof(Elf64_Shdr),
                sizeof Section);
    return Section;
  };
  Elf64_Shdr Names = section(Header.e_shstrndx);
  if (!inBounds(*File, Names.sh_offset, Names.sh_size))
    return malformed(Path, "truncated section name table");
  for (unsigned Index = 0; Index < Header.e_shnum; ++Index) {
    Elf64_Shdr Section = section(Index);
    if (Section.sh_name >= Names.sh_size)
      continue;
    const char *SectionName =
        reinterpret_cast<const char *>(File->data() + Names.sh_offset + Section.sh_name);
    size_t MaxLength = Names.sh_size - Section.sh_name;
    if (std::string_view(SectionName, strnlen(SectionName, MaxLength)) != Name)
      continue;
    if (Section.sh_type == SHT_NOBITS || !inBounds(*File, Section.sh_offset, Section.sh_size))
      return malformed(Path, "truncated " + std::string(Name) + " section");
    const uint8_t *Begin = File->data() + Section.sh_offset;
    return ElfSectionContents{Header.e_machine,
                              std::vector<uint8_t>(Begin, Begin + Section.sh_size)};
  }
  return malformed(Path, "no " + std::string(Name) + " section");
}

} // namespace kiln::runtime
