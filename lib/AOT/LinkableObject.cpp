//===- LinkableObject.cpp - An artifact object made fit for static linking ===//
//
// compileArtifactObject's output is meant for a shared object of its own,
// where fixed names (kiln_functions, .kiln.artifact) cannot clash. Linked
// into a program beside other modules they would, so this rewrites the
// object (LLVM's objcopy library, in process) instead of compiling a
// second way:
//
// - the three tables become NAME_kiln_functions, NAME_kiln_entries and
//   NAME_kiln_host_adapters, the only global definitions left; every other
//   definition (the header symbol, anything a partitioned compile made
//   global) becomes local;
// - the header's section becomes NAME_kiln_header and every .text section
//   NAME_kiln_code: C identifiers, so the linker defines __start_ and
//   __stop_ symbols that give the runtime the header's size and the code
//   range its trap handler must claim.
//
//===----------------------------------------------------------------------===//
#include "kiln/AOT/AOT.h"

#include "kiln/Runtime/ArtifactFormat.h"
#include "kiln/Runtime/LinkedModule.h"

#include "llvm/ObjCopy/ConfigManager.h"
#include "llvm/ObjCopy/ObjCopy.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <deque>

namespace kiln::aot {

namespace {

bool isTextSection(llvm::StringRef Name) { return Name == ".text" || Name.starts_with(".text."); }

/// The names of the object's sections that hold code.
Expected<std::vector<std::string>> textSections(const std::string &Object) {
  auto File = llvm::object::ObjectFile::createObjectFile(
      llvm::MemoryBufferRef(Object, "artifact object"));
  if (!File)
    return makeError(ErrorKind::Internal,
                     "cannot read the compiled object: " + llvm::toString(File.takeError()));
  std::vector<std::string> Names;
  for (const llvm::object::SectionRef &Section : (*File)->sections()) {
    llvm::Expected<llvm::StringRef> Name = Section.getName();
    if (!Name)
      return makeError(ErrorKind::Internal, "cannot read the compiled object: " +
                                                llvm::toString(Name.takeError()));
    if (isTextSection(*Name))
      Names.emplace_back(*Name);
  }
  return Names;
}

} // namespace

Expected<std::string> makeLinkableObject(const std::string &Object, std::string_view Name) {
  auto Texts = textSections(Object);
  if (!Texts)
    return forwardError(Texts);
  // The config refers to names by StringRef; a deque keeps them in place.
  std::deque<std::string> Names;
  auto Keep = [&Names](std::string Text) -> llvm::StringRef { return Names.emplace_back(std::move(Text)); };
  llvm::objcopy::ConfigManager Config;
  llvm::objcopy::CommonConfig &Common = Config.Common;
  auto Rename = [&](llvm::StringRef From, llvm::StringRef To) {
    Common.SectionsToRename.try_emplace(From, llvm::objcopy::SectionRename{From, To, std::nullopt});
  };
  llvm::StringRef Code = Keep(runtime::linkedName(Name, runtime::LinkedCodeSectionSuffix));
  for (const std::string &Text : *Texts)
    Rename(Keep(Text), Code);
  Rename(Keep(std::string(runtime::ArtifactSectionName)),
         Keep(runtime::linkedName(Name, runtime::LinkedHeaderSectionSuffix)));
  const std::pair<std::string_view, std::string_view> Tables[] = {
      {translate::FunctionTableSymbol, runtime::LinkedFunctionsSuffix},
      {translate::EntryTableSymbol, runtime::LinkedEntriesSuffix},
      {translate::HostAdapterTableSymbol, runtime::LinkedHostAdaptersSuffix}};
  auto IgnoreError = [](llvm::Error E) { return E; };
  for (const auto &[Symbol, Suffix] : Tables) {
    llvm::StringRef Old = Keep(std::string(Symbol));
    Common.SymbolsToRename.try_emplace(Old, Keep(runtime::linkedName(Name, Suffix)));
    // Matched against the name before renaming.
    if (llvm::Error E = Common.SymbolsToKeepGlobal.addMatcher(llvm::objcopy::NameOrPattern::create(
            Old, llvm::objcopy::MatchStyle::Literal, IgnoreError)))
      return makeError(ErrorKind::Internal, llvm::toString(std::move(E)));
  }
  auto File = llvm::object::ObjectFile::createObjectFile(
      llvm::MemoryBufferRef(Object, "artifact object"));
  if (!File)
    return makeError(ErrorKind::Internal,
                     "cannot read the compiled object: " + llvm::toString(File.takeError()));
  std::string Result;
  llvm::raw_string_ostream Out(Result);
  if (llvm::Error E = llvm::objcopy::executeObjcopyOnBinary(Config, **File, Out))
    return makeError(ErrorKind::Internal,
                     "cannot rename the object's symbols: " + llvm::toString(std::move(E)));
  Out.flush();
  return Result;
}

} // namespace kiln::aot
