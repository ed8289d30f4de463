;; SIMD instructions are not translated yet: one clear error naming the
;; instruction, its offset and function.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: not %wasm2native %t.wasm --emit=llvm -o - 2>&1 | FileCheck %s
;; CHECK: wasm2native: error: {{.*}}.wasm:0x{{[0-9a-f]+}}: in function 0: unsupported: SIMD instruction i32x4.add
;; CHECK-NOT: error

(module
  (func (param v128 v128) (result v128)
    (i32x4.add (local.get 0) (local.get 1))))
