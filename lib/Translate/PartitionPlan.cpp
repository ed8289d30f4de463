//===- PartitionPlan.cpp - Consecutive function ranges of bounded size ----===//
#include "kiln/Translate/Partition.h"

namespace kiln::translate {

/// What a body costs to compile, roughly: its encoded size.
static uint64_t bodyWeight(const wasm::FunctionBody &Body) {
  return Body.Size ? Body.Size : Body.Code.size();
}

std::vector<FunctionRange> planPartitions(const wasm::Module &M, uint64_t SizeInBytes) {
  const auto Begin = M.ImportedFuncCount;
  const auto End = static_cast<uint32_t>(M.FuncSpace.size());
  std::vector<FunctionRange> Plan;
  FunctionRange Current{Begin, Begin};
  uint64_t CurrentBytes = 0;
  for (uint32_t Index = Begin; Index < End; ++Index) {
    uint64_t Weight = bodyWeight(M.Bodies[Index - Begin]);
    bool Full = SizeInBytes != 0 && Current.End > Current.First &&
                CurrentBytes + Weight > SizeInBytes;
    if (Full) {
      Plan.push_back(Current);
      Current = {Index, Index};
      CurrentBytes = 0;
    }
    Current.End = Index + 1;
    CurrentBytes += Weight;
  }
  Plan.push_back(Current);
  return Plan;
}

} // namespace kiln::translate
