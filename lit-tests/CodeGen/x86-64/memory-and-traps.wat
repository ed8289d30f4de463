;; x86-64 code for the guard-page memory model and trap checks at -O2: the
;; stack limit compare, loads with no bounds check that stay even when
;; their value is unused, the division check, and cold trap calls.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=asm --target=x86_64-unknown-linux-gnu -O2 -o - | FileCheck %s

(module
  (memory 1)
  ;; CHECK-LABEL: wasm.load:
  ;; CHECK: cmpq %rsp, 48(%rdi)
  ;; CHECK-NEXT: ja [[STACK:.LBB[0-9_]+]]
  ;; CHECK: movq (%rdi), %rax
  ;; CHECK-NEXT: movl %esi, %ecx
  ;; CHECK-NEXT: movl 16(%rax,%rcx), %eax
  ;; CHECK-NOT: cmp
  ;; CHECK: retq
  ;; CHECK: [[STACK]]:
  ;; CHECK: movl $10, %esi
  ;; CHECK-NEXT: callq kiln_rt_trap@PLT
  (func $load (param i32) (result i32) (i32.load offset=16 (local.get 0)))

  ;; CHECK-LABEL: wasm.unused:
  ;; CHECK: movq (%rax,%rcx), %rax
  ;; CHECK-NEXT: #APP
  ;; CHECK-NEXT: #NO_APP
  (func $unused (param i32) (drop (i64.load (local.get 0))))

  ;; CHECK-LABEL: wasm.div:
  ;; CHECK: testl %edx, %edx
  ;; CHECK-NEXT: je [[DIV0:.LBB[0-9_]+]]
  ;; CHECK: divl
  ;; CHECK: [[DIV0]]:
  ;; CHECK-NEXT: movl $2, %esi
  ;; CHECK-NEXT: callq kiln_rt_trap@PLT
  (func $div (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1)))

  ;; With SSE4.1, nearest is one instruction; without, a libm call.
  ;; CHECK-LABEL: wasm.nearest:
  ;; CHECK: callq roundevenf@PLT
  (func $nearest (param f32) (result f32) (f32.nearest (local.get 0)))
)
