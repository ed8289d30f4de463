;; Tables: explicit bounds checks (tables have no guard region), sizes
;; reloaded at every access, grow/fill/copy/init through builtins.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  (table $t 2 funcref)
  (table $e 1 externref)
  (elem $seg func $get)

  ;; CHECK-LABEL: @wasm.get(
  ;; CHECK: [[P:%.*]] = getelementptr i8, ptr %ctx, i64 16
  ;; CHECK-NEXT: %tables = load ptr, ptr [[P]], align 8, !invariant.load
  ;; CHECK-NEXT: [[T:%.*]] = getelementptr i8, ptr %tables, i64 8
  ;; CHECK-NEXT: %table1 = load ptr, ptr [[T]], align 8, !invariant.load
  ;; CHECK-NEXT: [[S:%.*]] = getelementptr i8, ptr %table1, i64 8
  ;; CHECK-NEXT: %table.size = load i64, ptr [[S]], align 8{{$}}
  ;; CHECK-NEXT: %elem.index = zext i32 %{{.*}} to i64
  ;; CHECK-NEXT: %elem.oob = icmp uge i64 %elem.index, %table.size
  ;; CHECK-NEXT: br i1 %elem.oob, label %trap.table.oob, label %cont
  ;; CHECK: %table.elements = load ptr, ptr %table1, align 8{{$}}
  ;; CHECK-NEXT: %elem.ptr = getelementptr ptr, ptr %table.elements, i64 %elem.index
  ;; CHECK-NEXT: %table.get = load ptr, ptr %elem.ptr, align 8
  ;; CHECK: trap.table.oob:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 6)
  (func $get (param i32) (result externref) (table.get $e (local.get 0)))

  ;; CHECK-LABEL: @wasm.set(
  ;; CHECK: br i1 %elem.oob, label %trap.table.oob
  ;; CHECK: store ptr %{{.*}}, ptr %elem.ptr, align 8
  (func $set (param i32 funcref) (table.set $t (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.size(
  ;; CHECK: %table.size = load i64
  ;; CHECK-NEXT: %table.size.i32 = trunc i64 %table.size to i32
  (func $size (result i32) (table.size $t))

  ;; CHECK-LABEL: @wasm.grow(
  ;; CHECK: %table.grow = call i32 @kiln_rt_table_grow(ptr %ctx, i32 1, i32 %{{.*}}, ptr %{{.*}})
  (func $grow (param externref i32) (result i32) (table.grow $e (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.bulk(
  ;; CHECK: %fill = call i32 @kiln_rt_table_fill(ptr %ctx, i32 0, i32 %{{.*}}, ptr null, i32 %{{.*}})
  ;; CHECK: br i1 %failed, label %trap.builtin
  ;; CHECK: %copy = call i32 @kiln_rt_table_copy(ptr %ctx, i32 0, i32 0,
  ;; CHECK: %init = call i32 @kiln_rt_table_init(ptr %ctx, i32 0, i32 0,
  ;; CHECK: call void @kiln_rt_elem_drop(ptr %ctx, i32 0)
  (func $bulk (param i32 i32 i32)
    (table.fill $t (local.get 0) (ref.null func) (local.get 2))
    (table.copy $t $t (local.get 0) (local.get 1) (local.get 2))
    (table.init $t $seg (local.get 0) (local.get 1) (local.get 2))
    (elem.drop $seg))
)
