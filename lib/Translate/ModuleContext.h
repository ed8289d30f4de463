//===- ModuleContext.h - What every function translator shares --*- C++ -*-===//
//
// The per-module state of one translation: the Wasm module, the LLVM module
// being built, type lowering, the declarations of defined functions and of
// the runtime builtins. One exists per `translateModule` call, so nothing in
// it is ever shared between two compiles.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_LIB_TRANSLATE_MODULECONTEXT_H
#define KILN_LIB_TRANSLATE_MODULECONTEXT_H

#include "kiln/Translate/Translate.h"
#include "kiln/Wasm/Module.h"

#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"

#include <array>
#include <span>
#include <vector>

namespace kiln::translate {

/// The runtime functions of kiln/ABI/Builtins.def.
enum class Builtin : uint8_t {
#define KILN_BUILTIN(Name, Symbol, Result, Params) Name,
#include "kiln/ABI/Builtins.def"
  Count
};

class ModuleContext {
public:
  ModuleContext(const wasm::Module &Wasm, llvm::Module &LLVM, const TranslateOptions &Options);

  const wasm::Module &Wasm;
  const TranslateOptions &Options;
  llvm::Module &LLVM;
  llvm::LLVMContext &Ctx;

  llvm::PointerType *PtrTy;
  llvm::IntegerType *I8Ty;
  llvm::IntegerType *I32Ty;
  llvm::IntegerType *I64Ty;
  llvm::Type *F32Ty;
  llvm::Type *F64Ty;
  llvm::FixedVectorType *V128Ty;

  /// The LLVM type of a Wasm value: scalars map to scalars, v128 to
  /// <2 x i64>, references to `ptr`.
  llvm::Type *valueType(wasm::ValType Type) const;
  /// void, the single result type, or a struct of all results.
  llvm::Type *resultType(std::span<const wasm::ValType> Results) const;
  /// The native convention: `R (ptr VMContext, P...)`.
  llvm::FunctionType *nativeType(const wasm::FuncType &Type) const;

  /// Declares every defined function (names from the name section) so that
  /// calls and tables can refer to them before their bodies exist. With
  /// `SharedAcrossPartitions` they get external linkage and hidden
  /// visibility, so that the objects of other partitions can refer to them
  /// (see kiln/Translate/Partition.h); otherwise internal linkage.
  void declareFunctions(bool SharedAcrossPartitions = false);
  /// The LLVM function of defined function `FuncIndex` (an index in the
  /// function index space, past the imports).
  llvm::Function *definedFunction(uint32_t FuncIndex) const;

  /// The declaration of a builtin, created on first use.
  llvm::Function *builtin(Builtin Which);
  /// Attributes every generated function shares (unwind tables, frame
  /// pointers when asked for).
  void addCommonAttributes(llvm::Function &F) const;
  /// The empty inline asm that keeps a loaded value alive (see Memory.cpp).
  llvm::InlineAsm *keepAliveAsm(llvm::Type *ValueType) const;

private:
  void nameParameters(llvm::Function &F, uint32_t FuncIndex) const;

  std::vector<llvm::Function *> Defined;
  std::array<llvm::Function *, static_cast<size_t>(Builtin::Count)> Builtins{};
};

} // namespace kiln::translate

#endif // KILN_LIB_TRANSLATE_MODULECONTEXT_H
