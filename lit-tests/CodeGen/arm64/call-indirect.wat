;; call_indirect on arm64: the index is bounds-checked against the table's
;; size, a null entry traps, the entry's canonical signature id is compared
;; with the one the caller's type index expects, and the call goes through
;; the funcref's code pointer with the funcref's own context as the first
;; argument (docs/ABI.md). Trap codes: 7 indirect call type mismatch,
;; 8 uninitialized element, 9 undefined element, 10 stack exhausted.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=asm --target=aarch64-unknown-linux-gnu -O2 -o - | FileCheck %s

(module
  (type $ii (func (param i32) (result i32)))
  (type $dd (func (param f64) (result f64)))
  (table 4 funcref)
  (table $t1 2 funcref)

  ;; CHECK-LABEL: wasm.call:
  ;; CHECK: b.hi [[STACK:.LBB[0-9_]+]]
  ;; Table 0 is VMContext::Tables[0] (offset 16); a VMTable is {elements, size}.
  ;; The i32 index is zero-extended, and the compare is unsigned.
  ;; CHECK-NEXT: ldr [[TABLES:x[0-9]+]], [x0, #16]
  ;; CHECK-NEXT: mov w[[INDEX:[0-9]+]], w1
  ;; CHECK-NEXT: ldr [[TABLE:x[0-9]+]], {{\[}}[[TABLES]]{{\]}}
  ;; CHECK-NEXT: ldr [[SIZE:x[0-9]+]], {{\[}}[[TABLE]], #8]
  ;; CHECK-NEXT: cmp [[SIZE]], x[[INDEX]]
  ;; CHECK-NEXT: b.ls [[UNDEFINED:.LBB[0-9_]+]]
  ;; CHECK-NEXT: ldr [[ELEMENTS:x[0-9]+]], {{\[}}[[TABLE]]{{\]}}
  ;; CHECK-NEXT: ldr [[REF:x[0-9]+]], {{\[}}[[ELEMENTS]], x[[INDEX]], lsl #3]
  ;; CHECK-NEXT: cbz [[REF]], [[NULL:.LBB[0-9_]+]]
  ;; VMFuncRef::SignatureId (offset 16) against TypeSignatureIds[0] (context offset 40).
  ;; CHECK-NEXT: ldr [[IDS:x[0-9]+]], [x0, #40]
  ;; CHECK-NEXT: ldr [[ACTUAL:w[0-9]+]], {{\[}}[[REF]], #16]
  ;; CHECK-NEXT: ldr [[EXPECTED:w[0-9]+]], {{\[}}[[IDS]]{{\]}}
  ;; CHECK-NEXT: cmp [[ACTUAL]], [[EXPECTED]]
  ;; CHECK-NEXT: b.ne [[MISMATCH:.LBB[0-9_]+]]
  ;; VMFuncRef {Code, Context}: one load pair, the context straight into x0.
  ;; CHECK-NEXT: ldp [[CODE:x[0-9]+]], x0, {{\[}}[[REF]]{{\]}}
  ;; CHECK-NEXT: mov w1, w2
  ;; CHECK-NEXT: blr [[CODE]]
  ;; CHECK: ret
  ;; CHECK: [[STACK]]:
  ;; CHECK: mov w1, #10
  ;; CHECK-NEXT: bl kiln_rt_trap
  ;; CHECK-NEXT: [[UNDEFINED]]:
  ;; CHECK-NEXT: mov w1, #9
  ;; CHECK-NEXT: bl kiln_rt_trap
  ;; CHECK-NEXT: [[NULL]]:
  ;; CHECK-NEXT: mov w1, #8
  ;; CHECK-NEXT: bl kiln_rt_trap
  ;; CHECK-NEXT: [[MISMATCH]]:
  ;; CHECK-NEXT: mov w1, #7
  ;; CHECK-NEXT: bl kiln_rt_trap
  (func $call (param i32 i32) (result i32)
    (call_indirect (type $ii) (local.get 1) (local.get 0)))

  ;; Table 1 is the second pointer of Tables; type index 1's expected id is
  ;; the second entry of TypeSignatureIds. The f64 argument stays in d0.
  ;; CHECK-LABEL: wasm.call_d:
  ;; CHECK: ldr [[TABLES1:x[0-9]+]], [x0, #16]
  ;; CHECK: ldr {{x[0-9]+}}, {{\[}}[[TABLES1]], #8]
  ;; CHECK: ldr [[IDS1:x[0-9]+]], [x0, #40]
  ;; CHECK: ldr {{w[0-9]+}}, {{\[}}[[IDS1]], #4]
  ;; CHECK: ldp [[CODE1:x[0-9]+]], x0,
  ;; CHECK-NEXT: blr [[CODE1]]
  (func $call_d (param f64 i32) (result f64)
    (call_indirect $t1 (type $dd) (local.get 0) (local.get 1)))
)
