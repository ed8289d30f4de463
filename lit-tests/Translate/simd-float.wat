;; Float lanes: no fast-math flags; min/max are llvm.minimum/maximum with
;; the result quieted; pmin/pmax are the spec's compare and select; a
;; constant operand that lets LLVM fold the arithmetic away quiets too.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  ;; CHECK-LABEL: @wasm.arith(
  ;; CHECK: %f32x4.add = fadd <4 x float>
  ;; CHECK: %f32x4.sub = fsub <4 x float>
  ;; CHECK: %f32x4.mul = fmul <4 x float>
  ;; CHECK: %f32x4.div = fdiv <4 x float>
  ;; CHECK-NOT: quieted
  ;; CHECK: ret
  (func $arith (param v128 v128) (result v128)
    (f32x4.div (f32x4.mul (f32x4.sub (f32x4.add (local.get 0) (local.get 1)) (local.get 1)) (local.get 0))
               (local.get 1)))

  ;; ne is unordered (true for NaN).
  ;; CHECK-LABEL: @wasm.compare(
  ;; CHECK: [[C:%[0-9]+]] = fcmp une <2 x double>
  ;; CHECK-NEXT: %f64x2.ne = sext <2 x i1> [[C]] to <2 x i64>
  (func $compare (param v128 v128) (result v128) (f64x2.ne (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.min(
  ;; CHECK: %f32x4.min = call <4 x float> @llvm.minimum.v4f32(
  ;; CHECK: or <4 x i32> %{{[0-9]+}}, <i32 4194304, i32 4194304, i32 4194304, i32 4194304>
  ;; CHECK: %is.nan = fcmp uno <4 x float> %f32x4.min, %f32x4.min
  ;; CHECK: %quieted = bitcast <4 x i32> %{{[0-9]+}} to <4 x float>
  (func $min (param v128 v128) (result v128) (f32x4.min (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.max(
  ;; CHECK: %f64x2.max = call <2 x double> @llvm.maximum.v2f64(
  ;; CHECK: or <2 x i64> %{{[0-9]+}}, <i64 2251799813685248, i64 2251799813685248>
  (func $max (param v128 v128) (result v128) (f64x2.max (local.get 0) (local.get 1)))

  ;; pmin(a, b) = b < a ? b : a
  ;; CHECK-LABEL: @wasm.pmin(
  ;; CHECK: [[A:%[0-9]+]] = bitcast <2 x i64> %loc0.val to <4 x float>
  ;; CHECK: [[B:%[0-9]+]] = bitcast <2 x i64> %loc1.val to <4 x float>
  ;; CHECK: [[C:%[0-9]+]] = fcmp olt <4 x float> [[B]], [[A]]
  ;; CHECK: %f32x4.pmin = select <4 x i1> [[C]], <4 x float> [[B]], <4 x float> [[A]]
  (func $pmin (param v128 v128) (result v128) (f32x4.pmin (local.get 0) (local.get 1)))

  ;; pmax(a, b) = a < b ? b : a
  ;; CHECK-LABEL: @wasm.pmax(
  ;; CHECK: [[A:%[0-9]+]] = bitcast <2 x i64> %loc0.val to <2 x double>
  ;; CHECK: [[B:%[0-9]+]] = bitcast <2 x i64> %loc1.val to <2 x double>
  ;; CHECK: [[C:%[0-9]+]] = fcmp olt <2 x double> [[A]], [[B]]
  ;; CHECK: %f64x2.pmax = select <2 x i1> [[C]], <2 x double> [[B]], <2 x double> [[A]]
  (func $pmax (param v128 v128) (result v128) (f64x2.pmax (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.unary(
  ;; CHECK: %f64x2.ceil = call <2 x double> @llvm.ceil.v2f64(
  ;; CHECK: %f64x2.floor = call <2 x double> @llvm.floor.v2f64(
  ;; CHECK: %f64x2.trunc = call <2 x double> @llvm.trunc.v2f64(
  ;; CHECK: %f64x2.nearest = call <2 x double> @llvm.roundeven.v2f64(
  ;; CHECK: %f64x2.sqrt = call <2 x double> @llvm.sqrt.v2f64(
  ;; CHECK: %f64x2.abs = call <2 x double> @llvm.fabs.v2f64(
  ;; CHECK: %f64x2.neg = fneg <2 x double>
  (func $unary (param v128) (result v128)
    (f64x2.neg (f64x2.abs (f64x2.sqrt (f64x2.nearest (f64x2.trunc (f64x2.floor (f64x2.ceil (local.get 0)))))))))

  ;; x * <1, -1, 1, 1> may fold to a lane-wise (negated) x: quieted.
  ;; CHECK-LABEL: @wasm.mulone(
  ;; CHECK: %f32x4.mul = fmul <4 x float> %{{[0-9]+}}, <float 1.000000e+00, float -1.000000e+00, float 1.000000e+00, float 1.000000e+00>
  ;; CHECK: %quieted =
  (func $mulone (param v128) (result v128) (f32x4.mul (local.get 0) (v128.const f32x4 1 -1 1 1)))

  ;; CHECK-LABEL: @wasm.multwo(
  ;; CHECK: %f32x4.mul = fmul <4 x float> %{{[0-9]+}}, <float 2.000000e+00,
  ;; CHECK-NOT: quieted
  ;; CHECK: ret
  (func $multwo (param v128) (result v128) (f32x4.mul (local.get 0) (v128.const f32x4 2 2 2 2)))
)
