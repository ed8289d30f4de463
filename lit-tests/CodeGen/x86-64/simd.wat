;; x86-64 code for representative SIMD operations at -O2 with SSE4.2
;; (x86-64-v2) and with AVX2 (haswell): single instructions where the ISA
;; has one, shuffles as one permute or blend, never a scalar loop.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=asm --target=x86_64-unknown-linux-gnu --cpu=x86-64-v2 -O2 -o - \
;; RUN:   | FileCheck %s
;; RUN: %wasm2native %t.wasm --emit=asm --target=x86_64-unknown-linux-gnu --cpu=haswell -O2 -o - \
;; RUN:   | FileCheck %s --check-prefix=AVX2

(module
  (memory 1)
  ;; CHECK-LABEL: wasm.add:
  ;; CHECK: paddd %xmm{{[01]}}, %xmm{{[01]}}
  ;; AVX2-LABEL: wasm.add:
  ;; AVX2: vpaddd %xmm{{[01]}}, %xmm{{[01]}}, %xmm0
  (func $add (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1)))

  ;; An interleave of both operands is a byte blend.
  ;; CHECK-LABEL: wasm.interleave:
  ;; CHECK-NOT: pextrb
  ;; CHECK: pblendvb
  ;; CHECK-NOT: pinsrb
  ;; CHECK: retq
  ;; AVX2-LABEL: wasm.interleave:
  ;; AVX2: vpblendvb
  (func $interleave (param v128 v128) (result v128)
    (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.reverse:
  ;; CHECK-NOT: pextrb
  ;; CHECK: pshufb .LCPI{{[0-9_]+}}(%rip), %xmm0
  ;; CHECK-NOT: pinsrb
  ;; CHECK: retq
  (func $reverse (param v128) (result v128)
    (i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 (local.get 0) (local.get 0)))

  ;; A dynamic pshufb on the indices masked to 0..15, then the lanes whose
  ;; index was 16 or more cleared.
  ;; CHECK-LABEL: wasm.swizzle:
  ;; CHECK-NOT: pextrb
  ;; CHECK: pand
  ;; CHECK-NEXT: pshufb %xmm{{[0-9]}}, %xmm0
  ;; CHECK-NEXT: pminub
  ;; CHECK-NEXT: pcmpeqb
  ;; CHECK-NEXT: pand
  ;; CHECK-NOT: pinsrb
  ;; CHECK: retq
  (func $swizzle (param v128 v128) (result v128) (i8x16.swizzle (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.splat:
  ;; CHECK: movd %esi, %xmm0
  ;; CHECK-NEXT: pshufd $0, %xmm0, %xmm0
  ;; AVX2-LABEL: wasm.splat:
  ;; AVX2: vpbroadcastd
  (func $splat (param i32) (result v128) (i32x4.splat (local.get 0)))

  ;; CHECK-LABEL: wasm.shl:
  ;; CHECK: andl $15, %esi
  ;; CHECK: psllw %xmm1, %xmm0
  (func $shl (param v128 i32) (result v128) (i16x8.shl (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.addsat:
  ;; CHECK: paddusb %xmm1, %xmm0
  (func $addsat (param v128 v128) (result v128) (i8x16.add_sat_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.min:
  ;; CHECK: pminsd %xmm1, %xmm0
  (func $min (param v128 v128) (result v128) (i32x4.min_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.avgr:
  ;; CHECK: pavgb %xmm1, %xmm0
  (func $avgr (param v128 v128) (result v128) (i8x16.avgr_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.dot:
  ;; CHECK: pmaddwd %xmm{{[01]}}, %xmm{{[01]}}
  (func $dot (param v128 v128) (result v128) (i32x4.dot_i16x8_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.extmul:
  ;; CHECK: pmuldq
  (func $extmul (param v128 v128) (result v128) (i64x2.extmul_low_i32x4_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.narrow:
  ;; CHECK: packsswb %xmm1, %xmm0
  (func $narrow (param v128 v128) (result v128) (i8x16.narrow_i16x8_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.narrowu:
  ;; CHECK: packusdw %xmm1, %xmm0
  (func $narrowu (param v128 v128) (result v128) (i16x8.narrow_i32x4_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.bitmask:
  ;; CHECK: pmovmskb %xmm0, %eax
  (func $bitmask (param v128) (result i32) (i8x16.bitmask (local.get 0)))

  ;; CHECK-LABEL: wasm.anytrue:
  ;; CHECK: ptest %xmm0, %xmm0
  ;; CHECK-NEXT: setne %al
  (func $anytrue (param v128) (result i32) (v128.any_true (local.get 0)))

  ;; CHECK-LABEL: wasm.fadd:
  ;; CHECK: addps %xmm1, %xmm0
  (func $fadd (param v128 v128) (result v128) (f32x4.add (local.get 0) (local.get 1)))

  ;; pmin(a, b) = b < a ? b : a is exactly minps(b, a).
  ;; CHECK-LABEL: wasm.pmin:
  ;; CHECK: minps %xmm0, %xmm1
  (func $pmin (param v128 v128) (result v128) (f32x4.pmin (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.nearest:
  ;; CHECK: roundps $8, %xmm0, %xmm0
  (func $nearest (param v128) (result v128) (f32x4.nearest (local.get 0)))

  ;; CHECK-LABEL: wasm.convert:
  ;; CHECK: cvtdq2ps %xmm0, %xmm0
  (func $convert (param v128) (result v128) (f32x4.convert_i32x4_s (local.get 0)))

  ;; Loads keep the guard-page addressing; the loaded vector stays alive.
  ;; CHECK-LABEL: wasm.load:
  ;; CHECK: movq (%rdi), %rax
  ;; CHECK-NEXT: movl %esi, %ecx
  ;; CHECK-NEXT: movups 16(%rax,%rcx), %xmm0
  ;; CHECK-NEXT: #APP
  (func $load (param i32) (result v128) (v128.load offset=16 (local.get 0)))

  ;; CHECK-LABEL: wasm.store:
  ;; CHECK: movups %xmm0, (%rax,%rcx)
  (func $store (param i32 v128) (v128.store (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: wasm.load8x8:
  ;; CHECK: pmovsxbw %xmm0, %xmm0
  (func $load8x8 (param i32) (result v128) (v128.load8x8_s (local.get 0)))
)
