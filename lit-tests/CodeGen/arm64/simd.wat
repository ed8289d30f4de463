;; arm64 NEON code for the same SIMD operations as x86-64/simd.wat: the IR is
;; target-independent and cross-compiles.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=asm --target=aarch64-unknown-linux-gnu --cpu=generic -O2 -o - \
;; RUN:   | FileCheck %s

(module
  (memory 1)
  ;; CHECK-LABEL: wasm.add:
  ;; CHECK: add v0.4s, v{{[01]}}.4s, v{{[01]}}.4s
  (func $add (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.interleave:
  ;; CHECK-NOT: umov
  ;; CHECK: tbl v0.16b, { v0.16b, v1.16b }, v{{[0-9]+}}.16b
  ;; CHECK-NOT: mov v0.b
  ;; CHECK: ret
  (func $interleave (param v128 v128) (result v128)
    (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.reverse:
  ;; CHECK: rev64 v0.16b, v0.16b
  ;; CHECK-NEXT: ext v0.16b, v0.16b, v0.16b, #8
  (func $reverse (param v128) (result v128)
    (i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 (local.get 0) (local.get 0)))

  ;; tbl itself gives 0 for indices past the table; the mask and the compare
  ;; are what target-independent IR costs.
  ;; CHECK-LABEL: wasm.swizzle:
  ;; CHECK-NOT: umov
  ;; CHECK: tbl v0.16b, { v0.16b }, v{{[0-9]+}}.16b
  ;; CHECK-NOT: mov v0.b
  ;; CHECK: ret
  (func $swizzle (param v128 v128) (result v128) (i8x16.swizzle (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.splat:
  ;; CHECK: dup v0.4s, w1
  (func $splat (param i32) (result v128) (i32x4.splat (local.get 0)))

  ;; CHECK-LABEL: wasm.shl:
  ;; CHECK: and w8, w1, #0xf
  ;; CHECK: ushl v0.8h, v0.8h, v1.8h
  (func $shl (param v128 i32) (result v128) (i16x8.shl (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.addsat:
  ;; CHECK: uqadd v0.16b, v0.16b, v1.16b
  (func $addsat (param v128 v128) (result v128) (i8x16.add_sat_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.min:
  ;; CHECK: smin v0.4s, v0.4s, v1.4s
  (func $min (param v128 v128) (result v128) (i32x4.min_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.avgr:
  ;; CHECK: urhadd v0.16b, v0.16b, v1.16b
  (func $avgr (param v128 v128) (result v128) (i8x16.avgr_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.dot:
  ;; CHECK: smull
  ;; CHECK: addp v0.4s
  (func $dot (param v128 v128) (result v128) (i32x4.dot_i16x8_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.extmul:
  ;; CHECK: smull v0.2d, v{{[01]}}.2s, v{{[01]}}.2s
  (func $extmul (param v128 v128) (result v128) (i64x2.extmul_low_i32x4_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.narrow:
  ;; CHECK: sqxtn v0.8b, v0.8h
  ;; CHECK-NEXT: sqxtn2 v0.16b, v1.8h
  (func $narrow (param v128 v128) (result v128) (i8x16.narrow_i16x8_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.bitselect:
  ;; CHECK: bif v0.16b, v1.16b, v2.16b
  (func $bitselect (param v128 v128 v128) (result v128)
    (v128.bitselect (local.get 0) (local.get 1) (local.get 2)))

  ;; CHECK-LABEL: wasm.fadd:
  ;; CHECK: fadd v0.4s, v0.4s, v1.4s
  (func $fadd (param v128 v128) (result v128) (f32x4.add (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.fmin:
  ;; CHECK: fmin v0.4s, v0.4s, v1.4s
  (func $fmin (param v128 v128) (result v128) (f32x4.min (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.nearest:
  ;; CHECK: frintn v0.4s, v0.4s
  (func $nearest (param v128) (result v128) (f32x4.nearest (local.get 0)))

  ;; NEON's conversion saturates and maps NaN to 0, as Wasm does.
  ;; CHECK-LABEL: wasm.truncsat:
  ;; CHECK: fcvtzs v0.4s, v0.4s
  (func $truncsat (param v128) (result v128) (i32x4.trunc_sat_f32x4_s (local.get 0)))

  ;; CHECK-LABEL: wasm.popcnt:
  ;; CHECK: cnt v0.16b, v0.16b
  (func $popcnt (param v128) (result v128) (i8x16.popcnt (local.get 0)))

  ;; CHECK-LABEL: wasm.load:
  ;; CHECK: ldr x8, [x0]
  ;; CHECK-NEXT: add x8, x8, w1, uxtw
  ;; CHECK-NEXT: ldr q0, [x8, #16]
  ;; CHECK-NEXT: //APP
  (func $load (param i32) (result v128) (v128.load offset=16 (local.get 0)))

  ;; CHECK-LABEL: wasm.loadsplat:
  ;; CHECK: ldr w8, [x8, w1, uxtw]
  ;; CHECK: dup v0.4s, w8
  (func $loadsplat (param i32) (result v128) (v128.load32_splat (local.get 0)))
)
