;; Memory: base + zext(addr) + offset in i64 with no bounds check (the
;; guard region faults), align 1, every load kept alive, the size read from
;; the VMMemory, grow and bulk operations through builtins.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  (memory 1)
  (data $d "hello")

  ;; The base is loaded once, in the entry block.
  ;; CHECK-LABEL: @wasm.load(
  ;; CHECK: entry:
  ;; CHECK: %mem.base = load ptr, ptr %ctx, align 8, !invariant.load
  ;; CHECK: body:
  ;; CHECK: %addr = zext i32 %{{.*}} to i64
  ;; CHECK-NEXT: %addr.off = add nuw i64 %addr, 4294967295
  ;; CHECK-NEXT: %mem.ptr = getelementptr i8, ptr %mem.base, i64 %addr.off
  ;; CHECK-NEXT: %load = load i32, ptr %mem.ptr, align 1{{$}}
  ;; CHECK-NEXT: call void asm sideeffect "", "X"(i32 %load) [[KEEP:#[0-9]+]]
  ;; CHECK-NOT: trap.oob
  ;; CHECK-LABEL: define
  (func $load (param i32) (result i32) (i32.load offset=4294967295 (local.get 0)))

  ;; Narrow loads extend after the kept-alive load.
  ;; CHECK-LABEL: @wasm.narrow(
  ;; CHECK: %load = load i8, ptr %mem.ptr, align 1
  ;; CHECK-NEXT: call void asm sideeffect "", "X"(i8 %load)
  ;; CHECK-NEXT: %i64.load8_s = sext i8 %load to i64
  ;; CHECK: %load{{[0-9]+}} = load i16, ptr %mem.ptr{{[0-9]+}}, align 1
  ;; CHECK: %i32.load16_u = zext i16 %load{{[0-9]+}} to i32
  ;; CHECK: %load{{[0-9]+}} = load i32, ptr %mem.ptr{{[0-9]+}}, align 1
  ;; CHECK: %i64.load32_u = zext i32
  (func $narrow (param i32) (result i64 i32 i64)
    (i64.load8_s (local.get 0)) (i32.load16_u (local.get 0)) (i64.load32_u (local.get 0)))

  ;; A dropped load is still emitted and kept: it must trap when out of
  ;; bounds.
  ;; CHECK-LABEL: @wasm.dropped(
  ;; CHECK: %load = load double, ptr %mem.ptr, align 1
  ;; CHECK-NEXT: call void asm sideeffect "", "X"(double %load)
  (func $dropped (param i32) (drop (f64.load (local.get 0))))

  ;; CHECK-LABEL: @wasm.stores(
  ;; CHECK: [[T:%.*]] = trunc i64 %{{.*}} to i16
  ;; CHECK-NEXT: store i16 [[T]], ptr %mem.ptr, align 1
  ;; CHECK: store float %{{.*}}, ptr %mem.ptr{{[0-9]+}}, align 1
  ;; CHECK: %addr.off{{[0-9]*}} = add nuw i64 %addr{{[0-9]+}}, 8
  ;; CHECK: store i64 %{{.*}}, ptr %mem.ptr{{[0-9]+}}, align 1
  (func $stores (param i32 i64 f32)
    (i64.store16 (local.get 0) (local.get 1))
    (f32.store (local.get 0) (local.get 2))
    (i64.store offset=8 (local.get 0) (local.get 1)))

  ;; memory.size reads the current size (it changes), in pages.
  ;; CHECK-LABEL: @wasm.size(
  ;; CHECK: %memories = load ptr, ptr %{{.*}}, align 8, !invariant.load
  ;; CHECK-NEXT: %memory0 = load ptr, ptr %memories, align 8, !invariant.load
  ;; CHECK-NEXT: [[S:%.*]] = getelementptr i8, ptr %memory0, i64 8
  ;; CHECK-NEXT: %mem.bytes = load i64, ptr [[S]], align 8{{$}}
  ;; CHECK-NEXT: %mem.pages = lshr i64 %mem.bytes, 16
  ;; CHECK-NEXT: %memory.size = trunc i64 %mem.pages to i32
  (func $size (result i32) (memory.size))

  ;; CHECK-LABEL: @wasm.grow(
  ;; CHECK: %memory.grow = call i32 @kiln_rt_memory_grow(ptr %ctx, i32 0, i32 %{{.*}})
  (func $grow (param i32) (result i32) (memory.grow (local.get 0)))

  ;; Bulk operations return a trap code; non-zero branches to a shared
  ;; block that passes it on.
  ;; CHECK-LABEL: @wasm.bulk(
  ;; CHECK: %fill = call i32 @kiln_rt_memory_fill(ptr %ctx, i32 0, i32 %{{.*}}, i32 %{{.*}}, i32 %{{.*}})
  ;; CHECK-NEXT: %failed = icmp ne i32 %fill, 0
  ;; CHECK-NEXT: br i1 %failed, label %trap.builtin, label %cont
  ;; CHECK: %copy = call i32 @kiln_rt_memory_copy(ptr %ctx, i32 0, i32 0,
  ;; CHECK: %init = call i32 @kiln_rt_memory_init(ptr %ctx, i32 0, i32 0,
  ;; CHECK: call void @kiln_rt_data_drop(ptr %ctx, i32 0)
  ;; CHECK: trap.builtin:
  ;; CHECK-NEXT: %trap.code = phi i32 [ %fill, %body ], [ %copy, %cont ], [ %init, %cont{{[0-9]+}} ]
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 %trap.code)
  (func $bulk (param i32 i32 i32)
    (memory.fill (local.get 0) (local.get 1) (local.get 2))
    (memory.copy (local.get 0) (local.get 1) (local.get 2))
    (memory.init $d (local.get 0) (local.get 1) (local.get 2))
    (data.drop $d))
)

;; CHECK: attributes [[KEEP]] = { nounwind memory(inaccessiblemem: readwrite) }
