//===- ModuleCompare.h - Structural equality of modules for tests -*- C++ -*-===//
//
// Compares two modules field by field, ignoring where things were (offsets,
// body sizes) and custom sections, so a module read from text can be checked
// against the same module decoded from binary.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_UNITTESTS_TEXT_MODULECOMPARE_H
#define KILN_UNITTESTS_TEXT_MODULECOMPARE_H

#include "kiln/Wasm/Module.h"

#include <string>

namespace kiln::testutil {

inline std::string diffInstrs(const std::vector<wasm::Instruction> &A,
                              const std::vector<wasm::Instruction> &B,
                              const std::vector<uint32_t> &TargetsA,
                              const std::vector<uint32_t> &TargetsB, const std::string &Where) {
  if (A.size() != B.size())
    return Where + ": " + std::to_string(A.size()) + " vs " + std::to_string(B.size()) +
           " instructions";
  for (size_t I = 0; I < A.size(); ++I) {
    const wasm::Instruction &X = A[I], &Y = B[I];
    std::string At = Where + " instruction " + std::to_string(I) + " (" +
                     std::string(wasm::opcodeName(X.Op)) + ")";
    if (X.Op != Y.Op)
      return At + ": opcode differs: " + std::string(wasm::opcodeName(Y.Op));
    if (X.AlignLog2 != Y.AlignLog2 || X.Lane != Y.Lane || X.Bytes != Y.Bytes)
      return At + ": immediates differ";
    if (X.Op == wasm::Opcode::BrTable) {
      if (X.Index2 != Y.Index2)
        return At + ": br_table sizes differ";
      for (uint32_t K = 0; K <= X.Index2; ++K)
        if (TargetsA.at(X.Index + K) != TargetsB.at(Y.Index + K))
          return At + ": br_table targets differ";
      continue;
    }
    if (X.Index != Y.Index || X.Index2 != Y.Index2)
      return At + ": index " + std::to_string(X.Index) + "/" + std::to_string(X.Index2) +
             " vs " + std::to_string(Y.Index) + "/" + std::to_string(Y.Index2);
  }
  return {};
}

inline std::string diffConst(const wasm::ConstExpr &A, const wasm::ConstExpr &B,
                             const std::string &Where) {
  return diffInstrs(A.Code, B.Code, {}, {}, Where);
}

/// Empty if `A` and `B` are the same module, else the first difference.
inline std::string describeModuleDifference(const wasm::Module &A, const wasm::Module &B,
                                            bool CompareNames = false) {
  using namespace wasm;
  if (A.Types != B.Types)
    return "types differ (" + std::to_string(A.Types.size()) + " vs " +
           std::to_string(B.Types.size()) + ")";
  if (A.Imports.size() != B.Imports.size())
    return "import counts differ";
  for (size_t I = 0; I < A.Imports.size(); ++I) {
    const Import &X = A.Imports[I], &Y = B.Imports[I];
    if (X.ModuleName != Y.ModuleName || X.FieldName != Y.FieldName || X.Kind != Y.Kind ||
        (X.Kind == ExternKind::Func && X.FuncTypeIndex != Y.FuncTypeIndex) ||
        (X.Kind == ExternKind::Table && X.Table != Y.Table) ||
        (X.Kind == ExternKind::Memory && X.Memory != Y.Memory) ||
        (X.Kind == ExternKind::Global && X.Global != Y.Global))
      return "import " + std::to_string(I) + " differs";
  }
  if (A.FunctionTypeIndices != B.FunctionTypeIndices)
    return "function type indices differ";
  if (A.Tables != B.Tables)
    return "tables differ";
  if (A.Memories != B.Memories)
    return "memories differ";
  if (A.Globals.size() != B.Globals.size())
    return "global counts differ";
  for (size_t I = 0; I < A.Globals.size(); ++I) {
    if (A.Globals[I].Type != B.Globals[I].Type)
      return "global " + std::to_string(I) + " type differs";
    if (auto D = diffConst(A.Globals[I].Init, B.Globals[I].Init, "global " + std::to_string(I));
        !D.empty())
      return D;
  }
  if (A.Exports.size() != B.Exports.size())
    return "export counts differ";
  for (size_t I = 0; I < A.Exports.size(); ++I)
    if (A.Exports[I].Name != B.Exports[I].Name || A.Exports[I].Kind != B.Exports[I].Kind ||
        A.Exports[I].Index != B.Exports[I].Index)
      return "export " + std::to_string(I) + " differs";
  if (A.Start != B.Start)
    return "start differs";
  if (A.Elements.size() != B.Elements.size())
    return "element segment counts differ";
  for (size_t I = 0; I < A.Elements.size(); ++I) {
    const ElementSegment &X = A.Elements[I], &Y = B.Elements[I];
    std::string Where = "elem " + std::to_string(I);
    if (X.Mode != Y.Mode || X.ElemType != Y.ElemType || X.Items.size() != Y.Items.size())
      return Where + " differs";
    if (X.Mode == SegmentMode::Active) {
      if (X.TableIndex != Y.TableIndex)
        return Where + " table differs";
      if (auto D = diffConst(X.TableOffset, Y.TableOffset, Where + " offset"); !D.empty())
        return D;
    }
    for (size_t K = 0; K < X.Items.size(); ++K)
      if (auto D = diffConst(X.Items[K], Y.Items[K], Where + " item " + std::to_string(K));
          !D.empty())
        return D;
  }
  if (A.DataCount != B.DataCount)
    return "data count differs";
  if (A.Bodies.size() != B.Bodies.size())
    return "body counts differ";
  for (size_t I = 0; I < A.Bodies.size(); ++I) {
    const FunctionBody &X = A.Bodies[I], &Y = B.Bodies[I];
    std::string Where = "body " + std::to_string(I);
    if (X.Locals != Y.Locals)
      return Where + " locals differ";
    if (auto D = diffInstrs(X.Code, Y.Code, X.BranchTargets, Y.BranchTargets, Where); !D.empty())
      return D;
  }
  if (A.Data.size() != B.Data.size())
    return "data segment counts differ";
  for (size_t I = 0; I < A.Data.size(); ++I) {
    const DataSegment &X = A.Data[I], &Y = B.Data[I];
    std::string Where = "data " + std::to_string(I);
    if (X.Mode != Y.Mode || X.Bytes != Y.Bytes)
      return Where + " differs";
    if (X.Mode == SegmentMode::Active) {
      if (X.MemoryIndex != Y.MemoryIndex)
        return Where + " memory differs";
      if (auto D = diffConst(X.MemoryOffset, Y.MemoryOffset, Where + " offset"); !D.empty())
        return D;
    }
  }
  if (CompareNames && (A.Names.ModuleName != B.Names.ModuleName ||
                       A.Names.FunctionNames != B.Names.FunctionNames ||
                       A.Names.LocalNames != B.Names.LocalNames))
    return "names differ";
  return {};
}

} // namespace kiln::testutil

#endif // KILN_UNITTESTS_TEXT_MODULECOMPARE_H
