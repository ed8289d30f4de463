;; arm64 code for the same model: the same IR cross-compiles.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=asm --target=aarch64-unknown-linux-gnu -O2 -o - | FileCheck %s

(module
  (memory 1)
  ;; CHECK-LABEL: wasm.load:
  ;; CHECK: ldr x8, [x0, #48]
  ;; CHECK-NEXT: mov x9, sp
  ;; CHECK-NEXT: cmp x8, x9
  ;; CHECK-NEXT: b.hi [[STACK:.LBB[0-9_]+]]
  ;; CHECK: ldr x8, [x0]
  ;; CHECK-NEXT: add x8, x8, w1, uxtw
  ;; CHECK-NEXT: ldr w0, [x8, #16]
  ;; CHECK: ret
  ;; CHECK: [[STACK]]:
  ;; CHECK: mov w1, #10
  ;; CHECK-NEXT: bl kiln_rt_trap
  (func $load (param i32) (result i32) (i32.load offset=16 (local.get 0)))

  ;; CHECK-LABEL: wasm.unused:
  ;; CHECK: ldr x8, [x8, w1, uxtw]
  ;; CHECK-NEXT: //APP
  (func $unused (param i32) (drop (i64.load (local.get 0))))

  ;; CHECK-LABEL: wasm.div:
  ;; CHECK: cbz w2, [[DIV0:.LBB[0-9_]+]]
  ;; CHECK: udiv w0, w1, w2
  ;; CHECK: [[DIV0]]:
  ;; CHECK: mov w1, #2
  ;; CHECK-NEXT: bl kiln_rt_trap
  (func $div (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.nearest:
  ;; CHECK: frintn s0, s0
  (func $nearest (param f32) (result f32) (f32.nearest (local.get 0)))
)
