//===- BuiltinsMemory.cpp - memory.grow and the bulk memory builtins ------===//
#include "kiln/Runtime/Builtins.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/LinearMemory.h"

using kiln::abi::TrapCode;
using kiln::abi::VMContext;
using kiln::runtime::Instance;
using kiln::runtime::LinearMemory;

static Instance &instanceOf(VMContext *Context) { return *Instance::fromContext(Context); }

static uint32_t codeOf(TrapCode Code) { return static_cast<uint32_t>(Code); }

extern "C" uint32_t kiln_rt_memory_grow(VMContext *Context, uint32_t Memory, uint32_t DeltaPages) {
  int64_t Old = instanceOf(Context).memory(Memory)->grow(DeltaPages);
  // -1 becomes 0xffffffff, which compiled code reads as i32 -1.
  return static_cast<uint32_t>(Old);
}

extern "C" uint32_t kiln_rt_memory_fill(VMContext *Context, uint32_t Memory, uint32_t Dest,
                                        uint32_t Value, uint32_t Length) {
  LinearMemory *Mem = instanceOf(Context).memory(Memory);
  return codeOf(Mem->fill(Dest, static_cast<uint8_t>(Value), Length));
}

extern "C" uint32_t kiln_rt_memory_copy(VMContext *Context, uint32_t DestMemory,
                                        uint32_t SourceMemory, uint32_t Dest, uint32_t Source,
                                        uint32_t Length) {
  Instance &I = instanceOf(Context);
  return codeOf(LinearMemory::copy(*I.memory(DestMemory), Dest, *I.memory(SourceMemory), Source,
                                   Length));
}

extern "C" uint32_t kiln_rt_memory_init(VMContext *Context, uint32_t Memory, uint32_t Segment,
                                        uint32_t Dest, uint32_t Source, uint32_t Length) {
  Instance &I = instanceOf(Context);
  return codeOf(I.memory(Memory)->init(Dest, I.dataSegment(Segment), Source, Length));
}

extern "C" void kiln_rt_data_drop(VMContext *Context, uint32_t Segment) {
  instanceOf(Context).dropDataSegment(Segment);
}
