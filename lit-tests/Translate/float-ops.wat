;; Float operators: NaN-propagating min/max, roundeven for nearest,
;; sign-bit operations, constants from their bits, unordered ne.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  ;; CHECK-LABEL: @wasm.min(
  ;; CHECK: %f32.min = call float @llvm.minimum.f32(
  (func $min (param f32 f32) (result f32) (f32.min (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: @wasm.max64(
  ;; CHECK: %f64.max = call double @llvm.maximum.f64(
  (func $max64 (param f64 f64) (result f64) (f64.max (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: @wasm.nearest(
  ;; CHECK: %f32.nearest = call float @llvm.roundeven.f32(
  (func $nearest (param f32) (result f32) (f32.nearest (local.get 0)))
  ;; CHECK-LABEL: @wasm.unary64(
  ;; CHECK: %f64.ceil = call double @llvm.ceil.f64(
  ;; CHECK: %f64.floor = call double @llvm.floor.f64(
  ;; CHECK: %f64.trunc = call double @llvm.trunc.f64(
  ;; CHECK: %f64.sqrt = call double @llvm.sqrt.f64(
  ;; CHECK: %f64.abs = call double @llvm.fabs.f64(
  ;; CHECK: %f64.neg = fneg double
  (func $unary64 (param f64) (result f64)
    (f64.neg (f64.abs (f64.sqrt (f64.trunc (f64.floor (f64.ceil (local.get 0))))))))
  ;; CHECK-LABEL: @wasm.copysign(
  ;; CHECK: %f32.copysign = call float @llvm.copysign.f32(
  (func $copysign (param f32 f32) (result f32) (f32.copysign (local.get 0) (local.get 1)))
  ;; No fast-math flags: the default environment is Wasm's.
  ;; CHECK-LABEL: @wasm.arith(
  ;; CHECK: %f64.add = fadd double
  ;; CHECK: %f64.sub = fsub double
  ;; CHECK: %f64.mul = fmul double
  ;; CHECK: %f64.div = fdiv double
  (func $arith (param f64 f64) (result f64)
    (f64.div (f64.mul (f64.sub (f64.add (local.get 0) (local.get 1)) (local.get 1)) (local.get 0))
             (local.get 1)))
  ;; ne is unordered (true for NaN), the others ordered.
  ;; CHECK-LABEL: @wasm.compare(
  ;; CHECK: fcmp une float
  ;; CHECK: fcmp oeq float
  ;; CHECK: fcmp olt double
  ;; CHECK: fcmp oge double
  (func $compare (param f32 f64) (result i32)
    (i32.add
      (i32.add (f32.ne (local.get 0) (local.get 0)) (f32.eq (local.get 0) (local.get 0)))
      (i32.add (f64.lt (local.get 1) (local.get 1)) (f64.ge (local.get 1) (local.get 1)))))
  ;; A signalling NaN with a payload is kept bit for bit.
  ;; CHECK-LABEL: @wasm.nan_const(
  ;; CHECK: phi float [ 0x7FF4000000000000, %body ]
  (func $nan_const (result f32) (f32.const nan:0x200000))
  ;; CHECK-LABEL: @wasm.neg_zero(
  ;; CHECK: phi double [ -0.000000e+00, %body ]
  (func $neg_zero (result f64) (f64.const -0x0p+0))
)
