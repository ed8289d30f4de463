//===- kiln/Runtime/Instance.h - An instantiated module --------*- C++ -*-===//
//
// An Instance owns the VMContext its compiled code runs against, the
// arrays that context points at, and the memories, tables and globals the
// module defines; imported ones belong to their exporter. Instances are
// created and owned by a Store (Store.h) and live as long as it does, even
// when their initialisation trapped: the spec lets element segments of a
// failed instantiation leave its functions in imported tables.
//
//===----------------------------------------------------------------------===//
#ifndef KILN_RUNTIME_INSTANCE_H
#define KILN_RUNTIME_INSTANCE_H

#include "kiln/ABI/VMContext.h"
#include "kiln/Runtime/CompiledModule.h"
#include "kiln/Runtime/Extern.h"
#include "kiln/Runtime/Trap.h"
#include "kiln/Runtime/Value.h"
#include "kiln/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiln::runtime {

class Global;
class LinearMemory;
class Store;
class Table;

struct NamedExtern {
  std::string Name;
  Extern Item;
};

class Instance {
public:
  Instance(const Instance &) = delete;
  Instance &operator=(const Instance &) = delete;
  ~Instance();

  Store &store() const { return Owner; }
  const CompiledModule &compiledModule() const { return *Compiled; }
  const wasm::Module &module() const { return Compiled->module(); }

  /// The export called `Name`, if any.
  std::optional<Extern> exportNamed(std::string_view Name) const;
  /// Every export, in the module's order.
  std::span<const NamedExtern> exports() const { return Exports; }

  /// Calls the exported function `ExportName`. An unknown export or
  /// arguments that do not match its type are errors; a trap is a Trap.
  Expected<TrapOr<std::vector<Value>>> call(std::string_view ExportName,
                                            std::span<const Value> Args);

  /// Entities by index (imports first); indices must be valid.
  Function function(uint32_t FuncIndex) const;
  Table *table(uint32_t Index) const { return Tables[Index]; }
  LinearMemory *memory(uint32_t Index) const { return Memories[Index]; }
  Global *global(uint32_t Index) const { return Globals[Index]; }

  abi::VMContext *vmContext() { return &Context; }
  /// The instance a Wasm context belongs to (null for a host context).
  static Instance *fromContext(const abi::VMContext *Context) {
    return static_cast<Instance *>(Context->Instance);
  }

  /// Segment contents for bulk-memory and table builtins; empty once dropped.
  std::span<const uint8_t> dataSegment(uint32_t Index) const { return DataSegments[Index]; }
  void dropDataSegment(uint32_t Index) { DataSegments[Index] = {}; }
  std::span<void *const> elementSegment(uint32_t Index) const { return ElementSegments[Index]; }
  void dropElementSegment(uint32_t Index) { ElementSegments[Index] = {}; }

  /// The entry trampoline of this module's code for functions with
  /// canonical signature `SignatureId`, or null if the module has no such
  /// type.
  void *entryTrampolineFor(uint32_t SignatureId) const;

private:
  friend class Store;

  Instance(Store &Owner, std::shared_ptr<const CompiledModule> Compiled);

  // Instantiation, in the spec's order; Store::instantiate drives it.
  // InstanceLink.cpp: check imports and take them over.
  Expected<void> linkImports(std::span<const Extern> Imports);
  // InstanceAllocate.cpp: defined functions, globals, tables, memories,
  // evaluated element segments, data segments, exports, the VMContext.
  Expected<void> allocateDefinitions();
  // InstanceInit.cpp: active element and data segments, then start.
  TrapOr<void> runInitializers();

  Expected<void> linkFunction(const wasm::Import &Imp, const Extern &Item);
  Expected<void> allocateGlobals();
  Expected<void> evaluateElementSegments();
  void buildExports();
  void buildContext();

  Store &Owner;
  std::shared_ptr<const CompiledModule> Compiled;
  abi::VMContext Context{};

  std::vector<abi::VMFuncRef> Functions;
  /// Keeps imported host functions alive; parallel to the function imports.
  std::vector<std::shared_ptr<HostFunction>> ImportedHosts;
  std::vector<Table *> Tables;
  std::vector<abi::VMTable *> VMTables;
  std::vector<LinearMemory *> Memories;
  std::vector<abi::VMMemory *> VMMemories;
  std::vector<Global *> Globals;
  std::vector<abi::VMGlobal *> VMGlobals;

  std::vector<std::unique_ptr<Table>> OwnedTables;
  std::vector<std::unique_ptr<LinearMemory>> OwnedMemories;
  std::vector<std::unique_ptr<Global>> OwnedGlobals;

  std::vector<std::vector<void *>> ElementSegments;
  std::vector<std::span<const uint8_t>> DataSegments;
  std::vector<NamedExtern> Exports;
  /// Canonical signature id -> a type index with that signature.
  std::unordered_map<uint32_t, uint32_t> EntryTypeIndex;
};

} // namespace kiln::runtime

#endif // KILN_RUNTIME_INSTANCE_H
