;; Locals are allocas; globals are 16-byte cells behind VMContext::Globals.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  (import "env" "imported" (global $imported i64))
  (global $counter (mut i32) (i32.const 0))
  (global $pi f64 (f64.const 3.14))
  (global $ref (mut externref) (ref.null extern))

  ;; Parameters are stored into their locals, declared locals zeroed.
  ;; CHECK-LABEL: @wasm.locals(
  ;; CHECK: %loc.x = alloca i32, align 4
  ;; CHECK: %loc.y = alloca i64, align 8
  ;; CHECK: body:
  ;; CHECK-NEXT: store i32 %x, ptr %loc.x
  ;; CHECK-NEXT: store i64 0, ptr %loc.y
  ;; CHECK: store i64 %{{.*}}, ptr %loc.y
  ;; CHECK: %loc.y.val{{[0-9]*}} = load i64, ptr %loc.y
  (func $locals (param $x i32) (result i64) (local $y i64)
    (local.set $y (i64.extend_i32_u (local.tee $x (local.get $x))))
    (local.get $y))

  ;; Mutable globals are reloaded at every access.
  ;; CHECK-LABEL: @wasm.bump(
  ;; CHECK: [[P:%.*]] = getelementptr i8, ptr %ctx, i64 24
  ;; CHECK-NEXT: %globals = load ptr, ptr [[P]], align 8, !invariant.load
  ;; CHECK-NEXT: [[C:%.*]] = getelementptr i8, ptr %globals, i64 8
  ;; CHECK-NEXT: %global1.cell = load ptr, ptr [[C]], align 8, !invariant.load
  ;; CHECK-NEXT: %global1 = load i32, ptr %global1.cell, align 4{{$}}
  ;; CHECK: store i32 %i32.add, ptr %global1.cell{{[0-9]+}}, align 4
  (func $bump (result i32)
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (global.get $counter))

  ;; Immutable globals (imported ones too) may be loaded once.
  ;; CHECK-LABEL: @wasm.constants(
  ;; CHECK: %global0 = load i64, ptr %global0.cell, align 8, !invariant.load
  ;; CHECK: %global2 = load double, ptr %global2.cell, align 8, !invariant.load
  (func $constants (result i64 f64) (global.get $imported) (global.get $pi))

  ;; CHECK-LABEL: @wasm.refs(
  ;; CHECK: store ptr %{{.*}}, ptr %global3.cell, align 8
  (func $refs (param externref) (global.set $ref (local.get 0)))
)
