;; At -O2, traps whose results are unused survive: an unused (even
;; dropped, or stored to a dead local, or multiplied by zero) load is kept
;; alive, and a division whose result is unused still checks its divisor.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -O2 -o - | FileCheck %s

(module
  (memory 1)
  ;; CHECK-LABEL: @wasm.dropped_load(
  ;; CHECK: [[L:%.*]] = load i32, ptr %{{.*}}, align 1
  ;; CHECK-NEXT: call void asm sideeffect "", "X"(i32 [[L]])
  (func $dropped_load (param i32) (drop (i32.load (local.get 0))))

  ;; CHECK-LABEL: @wasm.dead_local(
  ;; CHECK: [[L:%.*]] = load i64, ptr %{{.*}}, align 1
  ;; CHECK-NEXT: call void asm sideeffect "", "X"(i64 [[L]])
  (func $dead_local (param i32) (local i64) (local.set 1 (i64.load (local.get 0))))

  ;; CHECK-LABEL: @wasm.times_zero(
  ;; CHECK: [[L:%.*]] = load i32, ptr %{{.*}}, align 1
  ;; CHECK-NEXT: call void asm sideeffect "", "X"(i32 [[L]])
  ;; CHECK: ret i32 0
  (func $times_zero (param i32) (result i32) (i32.mul (i32.load (local.get 0)) (i32.const 0)))

  ;; CHECK-LABEL: @wasm.unused_div(
  ;; CHECK: %divisor.zero = icmp eq i32 %{{.*}}, 0
  ;; CHECK-NEXT: br i1 %divisor.zero, label %trap.div0
  (func $unused_div (param i32 i32) (drop (i32.div_u (local.get 0) (local.get 1))))

  ;; Likewise a trapping conversion whose result is dropped.
  ;; CHECK-LABEL: @wasm.unused_trunc(
  ;; CHECK: br i1 %{{.*}}, label %trap.badconv
  ;; CHECK: br i1 %{{.*}}, label %trap.overflow
  (func $unused_trunc (param f64) (drop (i32.trunc_f64_s (local.get 0))))
)
