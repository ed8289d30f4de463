//===- BuiltinsTable.cpp - table.grow and the bulk table builtins ---------===//
#include "kiln/Runtime/Builtins.h"
#include "kiln/Runtime/Instance.h"
#include "kiln/Runtime/Table.h"

using kiln::abi::TrapCode;
using kiln::abi::VMContext;
using kiln::runtime::Instance;
using kiln::runtime::Table;

static Instance &instanceOf(VMContext *Context) { return *Instance::fromContext(Context); }

static uint32_t codeOf(TrapCode Code) { return static_cast<uint32_t>(Code); }

extern "C" uint32_t kiln_rt_table_grow(VMContext *Context, uint32_t TableIndex, uint32_t Delta,
                                       void *Init) {
  int64_t Old = instanceOf(Context).table(TableIndex)->grow(Delta, Init);
  // -1 becomes 0xffffffff, which compiled code reads as i32 -1.
  return static_cast<uint32_t>(Old);
}

extern "C" uint32_t kiln_rt_table_fill(VMContext *Context, uint32_t TableIndex, uint32_t Dest,
                                       void *Value, uint32_t Length) {
  return codeOf(instanceOf(Context).table(TableIndex)->fill(Dest, Value, Length));
}

extern "C" uint32_t kiln_rt_table_copy(VMContext *Context, uint32_t DestTable,
                                       uint32_t SourceTable, uint32_t Dest, uint32_t Source,
                                       uint32_t Length) {
  Instance &I = instanceOf(Context);
  return codeOf(Table::copy(*I.table(DestTable), Dest, *I.table(SourceTable), Source, Length));
}

extern "C" uint32_t kiln_rt_table_init(VMContext *Context, uint32_t TableIndex, uint32_t Segment,
                                       uint32_t Dest, uint32_t Source, uint32_t Length) {
  Instance &I = instanceOf(Context);
  return codeOf(I.table(TableIndex)->init(Dest, I.elementSegment(Segment), Source, Length));
}

extern "C" void kiln_rt_elem_drop(VMContext *Context, uint32_t Segment) {
  instanceOf(Context).dropElementSegment(Segment);
}
