;; Calls: direct calls pass the caller's context; imports go through
;; VMContext::Functions; call_indirect checks bounds, null and signature.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  (type $sig (func (param i32) (result i32)))
  (import "env" "host" (func $host (param i64) (result f32)))
  (table 4 funcref)

  ;; CHECK-LABEL: @wasm.direct(
  ;; CHECK: %call = call i32 @wasm.callee(ptr %ctx, i32 %{{.*}})
  (func $direct (param i32) (result i32) (call $callee (local.get 0)))
  (func $callee (type $sig) (local.get 0))

  ;; Imports: Functions[0] = {Code, Context, SignatureId}, 24 bytes each.
  ;; CHECK-LABEL: @wasm.import(
  ;; CHECK: [[P:%.*]] = getelementptr i8, ptr %ctx, i64 32
  ;; CHECK-NEXT: %functions = load ptr, ptr [[P]], align 8, !invariant.load
  ;; CHECK-NEXT: %import.code = load ptr, ptr %functions, align 8, !invariant.load
  ;; CHECK-NEXT: [[C:%.*]] = getelementptr i8, ptr %functions, i64 8
  ;; CHECK-NEXT: %import.ctx = load ptr, ptr [[C]], align 8, !invariant.load
  ;; CHECK: %call = call float %import.code(ptr %import.ctx, i64 %{{.*}})
  (func $import (param i64) (result f32) (call $host (local.get 0)))

  ;; CHECK-LABEL: @wasm.indirect(
  ;; CHECK: %table.size = load i64
  ;; CHECK: %elem.index = zext i32 %{{.*}} to i64
  ;; CHECK: %elem.oob = icmp uge i64 %elem.index, %table.size
  ;; CHECK-NEXT: br i1 %elem.oob, label %trap.undef, label %cont
  ;; CHECK: %table.elements = load ptr, ptr
  ;; CHECK: %elem.ptr = getelementptr ptr, ptr %table.elements, i64 %elem.index
  ;; CHECK: %funcref = load ptr, ptr %elem.ptr
  ;; CHECK: %funcref.null = icmp eq ptr %funcref, null
  ;; CHECK-NEXT: br i1 %funcref.null, label %trap.uninit
  ;; CHECK: [[S:%.*]] = getelementptr i8, ptr %funcref, i64 16
  ;; CHECK: %sig.actual = load i32, ptr [[S]]
  ;; CHECK: %sig.ids = load ptr
  ;; CHECK: %sig.expected = load i32, ptr %sig.ids, align 4, !invariant.load
  ;; CHECK: %sig.mismatch = icmp ne i32 %sig.actual, %sig.expected
  ;; CHECK-NEXT: br i1 %sig.mismatch, label %trap.sig
  ;; CHECK: %callee.code = load ptr, ptr %funcref
  ;; CHECK: %callee.ctx = load ptr
  ;; CHECK: %call = call i32 %callee.code(ptr %callee.ctx, i32 %{{.*}})
  ;; CHECK: trap.sig:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 7)
  ;; CHECK: trap.uninit:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 8)
  ;; CHECK: trap.undef:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 9)
  (func $indirect (param i32 i32) (result i32)
    (call_indirect (type $sig) (local.get 0) (local.get 1)))

  ;; Multiple results come back as a struct and are split.
  ;; CHECK-LABEL: @wasm.multi(
  ;; CHECK: %call = call { i32, i32 } @wasm.pair(ptr %ctx)
  ;; CHECK-NEXT: %call.result = extractvalue { i32, i32 } %call, 0
  ;; CHECK-NEXT: %call.result{{[0-9]+}} = extractvalue { i32, i32 } %call, 1
  (func $multi (result i32) (i32.sub (call $pair)))
  (func $pair (result i32 i32) (i32.const 1) (i32.const 2))
)
