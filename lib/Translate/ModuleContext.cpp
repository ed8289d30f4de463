//===- ModuleContext.cpp - Types and declarations shared by a module ------===//
#include "ModuleContext.h"

#include "SymbolNames.h"

#include "llvm/IR/Attributes.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/Support/ModRef.h"

namespace kiln::translate {

using wasm::ValType;

ModuleContext::ModuleContext(const wasm::Module &Wasm, llvm::Module &LLVM,
                             const TranslateOptions &Options)
    : Wasm(Wasm), Options(Options), LLVM(LLVM), Ctx(LLVM.getContext()),
      PtrTy(llvm::PointerType::get(Ctx, 0)),
      I8Ty(llvm::Type::getInt8Ty(Ctx)), I32Ty(llvm::Type::getInt32Ty(Ctx)),
      I64Ty(llvm::Type::getInt64Ty(Ctx)), F32Ty(llvm::Type::getFloatTy(Ctx)),
      F64Ty(llvm::Type::getDoubleTy(Ctx)), V128Ty(llvm::FixedVectorType::get(I64Ty, 2)) {}

llvm::Type *ModuleContext::valueType(ValType Type) const {
  switch (Type) {
  case ValType::I32: return I32Ty;
  case ValType::I64: return I64Ty;
  case ValType::F32: return F32Ty;
  case ValType::F64: return F64Ty;
  case ValType::V128: return V128Ty;
  case ValType::FuncRef:
  case ValType::ExternRef: return PtrTy;
  }
  assert(false && "validated modules only hold known value types");
  return I32Ty;
}

llvm::Type *ModuleContext::resultType(std::span<const ValType> Results) const {
  if (Results.empty())
    return llvm::Type::getVoidTy(Ctx);
  if (Results.size() == 1)
    return valueType(Results[0]);
  std::vector<llvm::Type *> Fields;
  for (ValType T : Results)
    Fields.push_back(valueType(T));
  return llvm::StructType::get(Ctx, Fields);
}

llvm::FunctionType *ModuleContext::nativeType(const wasm::FuncType &Type) const {
  std::vector<llvm::Type *> Params{PtrTy};
  for (ValType T : Type.Params)
    Params.push_back(valueType(T));
  return llvm::FunctionType::get(resultType(Type.Results), Params, /*isVarArg=*/false);
}

void ModuleContext::addCommonAttributes(llvm::Function &F) const {
  // Traps leave through siglongjmp, never by unwinding, so no landing pads
  // are needed; unwind tables still let gdb and perf walk through the code.
  F.addFnAttr(llvm::Attribute::NoUnwind);
  F.setUWTableKind(llvm::UWTableKind::Async);
  if (Options.FramePointers)
    F.addFnAttr("frame-pointer", "all");
}

static void addWasmFunctionAttributes(llvm::Function &F) {
  // A frame larger than the stack-limit margin must touch its pages in
  // order, or it could step over the thread's guard page.
  F.addFnAttr("probe-stack", "inline-asm");
  // Wasm has no tail calls (without the tail-call proposal): runaway
  // recursion must exhaust the stack and trap. A recursion turned into a
  // loop, or a call turned into a jump, would spin forever instead.
  F.addFnAttr("disable-tail-calls", "true");
  llvm::Argument *Context = F.getArg(0);
  Context->setName("ctx");
  Context->addAttr(llvm::Attribute::NoUndef);
  Context->addAttr(llvm::Attribute::NonNull);
  Context->addAttr(llvm::Attribute::getWithDereferenceableBytes(F.getContext(), 64));
  Context->addAttr(llvm::Attribute::getWithAlignment(F.getContext(), llvm::Align(8)));
}

void ModuleContext::nameParameters(llvm::Function &F, uint32_t FuncIndex) const {
  auto Names = Wasm.Names.LocalNames.find(FuncIndex);
  for (unsigned Index = 1; Index < F.arg_size(); ++Index) {
    std::string Name = "p" + std::to_string(Index - 1);
    if (Names != Wasm.Names.LocalNames.end()) {
      auto It = Names->second.find(Index - 1);
      if (It != Names->second.end() && !It->second.empty())
        Name = It->second;
    }
    F.getArg(Index)->setName(Name);
  }
}

void ModuleContext::declareFunctions(bool SharedAcrossPartitions) {
  SymbolNamer Namer(SharedAcrossPartitions);
  Defined.assign(Wasm.FuncSpace.size(), nullptr);
  // Internal linkage: the runtime reaches functions through the
  // kiln_functions table, and local symbols can never clash with anything
  // linked beside the module; they still appear in the symbol table. Split
  // into partitions, the module's objects must see each other's functions;
  // hidden visibility keeps them out of the shared object's exports.
  auto Linkage = SharedAcrossPartitions ? llvm::GlobalValue::ExternalLinkage
                                        : llvm::GlobalValue::InternalLinkage;
  for (uint32_t Index = Wasm.ImportedFuncCount; Index < Wasm.FuncSpace.size(); ++Index) {
    llvm::Function *F = llvm::Function::Create(nativeType(Wasm.funcType(Index)), Linkage,
                                               Namer.functionSymbol(Wasm, Index), LLVM);
    if (SharedAcrossPartitions) {
      F->setVisibility(llvm::GlobalValue::HiddenVisibility);
      F->setDSOLocal(true);
    }
    addCommonAttributes(*F);
    addWasmFunctionAttributes(*F);
    nameParameters(*F, Index);
    Defined[Index] = F;
  }
}

llvm::Function *ModuleContext::definedFunction(uint32_t FuncIndex) const {
  assert(FuncIndex >= Wasm.ImportedFuncCount && FuncIndex < Defined.size() &&
         "not a defined function");
  return Defined[FuncIndex];
}

namespace {
enum class AbiType { Void, I32, I64, Ptr };

struct BuiltinSpec {
  const char *Symbol;
  AbiType Result;
  std::vector<AbiType> Params;
};

const BuiltinSpec &builtinSpec(Builtin Which) {
  using enum AbiType;
  static const BuiltinSpec Specs[] = {
#define KILN_BUILTIN(Name, Symbol, ResultType, ParamTypes)                                        \
  {Symbol, ResultType, {KILN_UNPAREN ParamTypes}},
#define KILN_UNPAREN(...) __VA_ARGS__
#include "kiln/ABI/Builtins.def"
#undef KILN_UNPAREN
  };
  return Specs[static_cast<size_t>(Which)];
}
} // namespace

llvm::Function *ModuleContext::builtin(Builtin Which) {
  llvm::Function *&Slot = Builtins[static_cast<size_t>(Which)];
  if (Slot)
    return Slot;
  const BuiltinSpec &Spec = builtinSpec(Which);
  auto Lower = [&](AbiType T) -> llvm::Type * {
    switch (T) {
    case AbiType::Void: return llvm::Type::getVoidTy(Ctx);
    case AbiType::I32: return I32Ty;
    case AbiType::I64: return I64Ty;
    case AbiType::Ptr: return PtrTy;
    }
    return nullptr;
  };
  std::vector<llvm::Type *> Params;
  for (AbiType T : Spec.Params)
    Params.push_back(Lower(T));
  auto *Type = llvm::FunctionType::get(Lower(Spec.Result), Params, false);
  Slot = llvm::Function::Create(Type, llvm::GlobalValue::ExternalLinkage, Spec.Symbol, LLVM);
  Slot->addFnAttr(llvm::Attribute::NoUnwind);
  if (Which == Builtin::Trap) {
    Slot->addFnAttr(llvm::Attribute::NoReturn);
    Slot->addFnAttr(llvm::Attribute::Cold);
  }
  return Slot;
}

llvm::InlineAsm *ModuleContext::keepAliveAsm(llvm::Type *ValueType) const {
  auto *Type = llvm::FunctionType::get(llvm::Type::getVoidTy(Ctx), {ValueType}, false);
  // "X" lets each target pick a register class for the type (x86 and arm64
  // both map floats to vector registers), and the string is empty, so the
  // asm costs no instruction.
  return llvm::InlineAsm::get(Type, "", "X", /*hasSideEffects=*/true);
}

} // namespace kiln::translate
