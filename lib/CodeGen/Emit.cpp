//===- Emit.cpp - LLVM IR, assembly and object output ---------------------===//
#include "kiln/CodeGen/CodeGen.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

namespace kiln::codegen {

Expected<std::string> emitModule(llvm::Module &M, llvm::TargetMachine &TM, OutputKind Kind) {
  std::string Buffer;
  llvm::raw_string_ostream Text(Buffer);
  if (Kind == OutputKind::LLVMAssembly) {
    M.print(Text, nullptr);
    return Buffer;
  }
  llvm::SmallVector<char, 0> Bytes;
  llvm::raw_svector_ostream Stream(Bytes);
  // Machine-code emission still runs on the legacy pass manager in LLVM 19.
  llvm::legacy::PassManager Passes;
  auto FileType = Kind == OutputKind::Assembly ? llvm::CodeGenFileType::AssemblyFile
                                               : llvm::CodeGenFileType::ObjectFile;
  if (TM.addPassesToEmitFile(Passes, Stream, nullptr, FileType))
    return makeError(ErrorKind::Unsupported,
                     "target " + TM.getTargetTriple().str() + " cannot emit this file type");
  Passes.run(M);
  return std::string(Bytes.begin(), Bytes.end());
}

} // namespace kiln::codegen
