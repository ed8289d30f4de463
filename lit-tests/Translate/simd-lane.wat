;; v128.const, shuffles, splats and lane access. Swizzle zeroes lanes whose
;; index is 16 or more: extracts at `index & 15`, then a compare and select.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  ;; From the bytes, little-endian: lanes 1, 2 and 3, 4.
  ;; CHECK-LABEL: @wasm.const(
  ;; CHECK: phi <2 x i64> [ <i64 8589934593, i64 17179869187>, %body ]
  (func $const (result v128) (v128.const i32x4 1 2 3 4))

  ;; CHECK-LABEL: @wasm.shuffle(
  ;; CHECK: %i8x16.shuffle = shufflevector <16 x i8> %{{[0-9]+}}, <16 x i8> %{{[0-9]+}}, <16 x i32> <i32 0, i32 17, i32 2, i32 19, i32 4, i32 21, i32 6, i32 23, i32 8, i32 25, i32 10, i32 27, i32 12, i32 29, i32 14, i32 31>
  (func $shuffle (param v128 v128) (result v128)
    (i8x16.shuffle 0 17 2 19 4 21 6 23 8 25 10 27 12 29 14 31 (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.swizzle(
  ;; CHECK: [[IDX:%[0-9]+]] = bitcast <2 x i64> %loc1.val to <16 x i8>
  ;; CHECK: [[TABLE:%[0-9]+]] = bitcast <2 x i64> %loc0.val to <16 x i8>
  ;; CHECK: %swizzle.idx = and <16 x i8> [[IDX]], <i8 15,
  ;; CHECK: [[I0:%[0-9]+]] = extractelement <16 x i8> %swizzle.idx, i64 0
  ;; CHECK-NEXT: [[E0:%[0-9]+]] = extractelement <16 x i8> [[TABLE]], i8 [[I0]]
  ;; CHECK-NEXT: insertelement <16 x i8> poison, i8 [[E0]], i64 0
  ;; CHECK: [[I15:%[0-9]+]] = extractelement <16 x i8> %swizzle.idx, i64 15
  ;; CHECK-NEXT: [[E15:%[0-9]+]] = extractelement <16 x i8> [[TABLE]], i8 [[I15]]
  ;; CHECK-NEXT: [[ALL:%[0-9]+]] = insertelement <16 x i8> %{{[0-9]+}}, i8 [[E15]], i64 15
  ;; CHECK-NEXT: %swizzle.in.range = icmp ult <16 x i8> [[IDX]], <i8 16,
  ;; CHECK-NEXT: %i8x16.swizzle = select <16 x i1> %swizzle.in.range, <16 x i8> [[ALL]], <16 x i8> zeroinitializer
  (func $swizzle (param v128 v128) (result v128) (i8x16.swizzle (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.splat8(
  ;; CHECK: [[B:%[0-9]+]] = trunc i32 %loc0.val to i8
  ;; CHECK: %i8x16.splat.splatinsert = insertelement <16 x i8> poison, i8 [[B]], i64 0
  ;; CHECK: shufflevector <16 x i8> %i8x16.splat.splatinsert, <16 x i8> poison, <16 x i32> zeroinitializer
  (func $splat8 (param i32) (result v128) (i8x16.splat (local.get 0)))

  ;; CHECK-LABEL: @wasm.splatf64(
  ;; CHECK: insertelement <2 x double> poison, double %loc0.val, i64 0
  (func $splatf64 (param f64) (result v128) (f64x2.splat (local.get 0)))

  ;; CHECK-LABEL: @wasm.extract8s(
  ;; CHECK: [[L:%[0-9]+]] = extractelement <16 x i8> %{{[0-9]+}}, i64 3
  ;; CHECK: %i8x16.extract_lane_s = sext i8 [[L]] to i32
  (func $extract8s (param v128) (result i32) (i8x16.extract_lane_s 3 (local.get 0)))

  ;; CHECK-LABEL: @wasm.extract16u(
  ;; CHECK: [[L:%[0-9]+]] = extractelement <8 x i16> %{{[0-9]+}}, i64 7
  ;; CHECK: %i16x8.extract_lane_u = zext i16 [[L]] to i32
  (func $extract16u (param v128) (result i32) (i16x8.extract_lane_u 7 (local.get 0)))

  ;; CHECK-LABEL: @wasm.extractf32(
  ;; CHECK: %f32x4.extract_lane = extractelement <4 x float> %{{[0-9]+}}, i64 2
  (func $extractf32 (param v128) (result f32) (f32x4.extract_lane 2 (local.get 0)))

  ;; CHECK-LABEL: @wasm.replace16(
  ;; CHECK: [[S:%[0-9]+]] = trunc i32 %loc1.val to i16
  ;; CHECK: %i16x8.replace_lane = insertelement <8 x i16> %{{[0-9]+}}, i16 [[S]], i64 5
  (func $replace16 (param v128 i32) (result v128) (i16x8.replace_lane 5 (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.replacef64(
  ;; CHECK: %f64x2.replace_lane = insertelement <2 x double> %{{[0-9]+}}, double %loc1.val, i64 1
  (func $replacef64 (param v128 f64) (result v128) (f64x2.replace_lane 1 (local.get 0) (local.get 1)))
)
