;; Narrowing saturates with smax/smin then truncates; float to integer is
;; llvm.fpto[su]i.sat; the _zero forms fill the upper lanes with zeros.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  ;; CHECK-LABEL: @wasm.narrow(
  ;; CHECK: %concat = shufflevector <8 x i16> %{{[0-9]+}}, <8 x i16> %{{[0-9]+}}, <16 x i32> <i32 0, i32 1,
  ;; CHECK: [[LO:%[0-9]+]] = call <16 x i16> @llvm.smax.v16i16(<16 x i16> %concat, <16 x i16> <i16 -128,
  ;; CHECK: [[HI:%[0-9]+]] = call <16 x i16> @llvm.smin.v16i16(<16 x i16> [[LO]], <16 x i16> <i16 127,
  ;; CHECK: %i8x16.narrow_i16x8_s = trunc <16 x i16> [[HI]] to <16 x i8>
  (func $narrow (param v128 v128) (result v128) (i8x16.narrow_i16x8_s (local.get 0) (local.get 1)))

  ;; The operands are signed; _u clamps them to [0, 65535].
  ;; CHECK-LABEL: @wasm.narrowu(
  ;; CHECK: call <8 x i32> @llvm.smax.v8i32(<8 x i32> %concat, <8 x i32> zeroinitializer)
  ;; CHECK: call <8 x i32> @llvm.smin.v8i32(<8 x i32> %{{[0-9]+}}, <8 x i32> <i32 65535,
  ;; CHECK: %i16x8.narrow_i32x4_u = trunc <8 x i32>
  (func $narrowu (param v128 v128) (result v128) (i16x8.narrow_i32x4_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.extend(
  ;; CHECK: %high = shufflevector <8 x i16> %{{[0-9]+}}, <8 x i16> poison, <4 x i32> <i32 4, i32 5, i32 6, i32 7>
  ;; CHECK: %i32x4.extend_high_i16x8_s = sext <4 x i16> %high to <4 x i32>
  (func $extend (param v128) (result v128) (i32x4.extend_high_i16x8_s (local.get 0)))

  ;; CHECK-LABEL: @wasm.truncsat(
  ;; CHECK: %i32x4.trunc_sat_f32x4_u = call <4 x i32> @llvm.fptoui.sat.v4i32.v4f32(<4 x float>
  (func $truncsat (param v128) (result v128) (i32x4.trunc_sat_f32x4_u (local.get 0)))

  ;; CHECK-LABEL: @wasm.truncsatzero(
  ;; CHECK: [[T:%[0-9]+]] = call <2 x i32> @llvm.fptosi.sat.v2i32.v2f64(<2 x double>
  ;; CHECK: %i32x4.trunc_sat_f64x2_s_zero = shufflevector <2 x i32> [[T]], <2 x i32> zeroinitializer, <4 x i32> <i32 0, i32 1, i32 2, i32 3>
  (func $truncsatzero (param v128) (result v128) (i32x4.trunc_sat_f64x2_s_zero (local.get 0)))

  ;; CHECK-LABEL: @wasm.convert(
  ;; CHECK: %f32x4.convert_i32x4_u = uitofp <4 x i32> %{{[0-9]+}} to <4 x float>
  (func $convert (param v128) (result v128) (f32x4.convert_i32x4_u (local.get 0)))

  ;; CHECK-LABEL: @wasm.convertlow(
  ;; CHECK: %low = shufflevector <4 x i32> %{{[0-9]+}}, <4 x i32> poison, <2 x i32> <i32 0, i32 1>
  ;; CHECK: %f64x2.convert_low_i32x4_s = sitofp <2 x i32> %low to <2 x double>
  (func $convertlow (param v128) (result v128) (f64x2.convert_low_i32x4_s (local.get 0)))

  ;; CHECK-LABEL: @wasm.demote(
  ;; CHECK: [[D:%[0-9]+]] = fptrunc <2 x double> %{{[0-9]+}} to <2 x float>
  ;; CHECK: %f32x4.demote_f64x2_zero = shufflevector <2 x float> [[D]], <2 x float> zeroinitializer, <4 x i32> <i32 0, i32 1, i32 2, i32 3>
  (func $demote (param v128) (result v128) (f32x4.demote_f64x2_zero (local.get 0)))

  ;; CHECK-LABEL: @wasm.promote(
  ;; CHECK: %low = shufflevector <4 x float> %{{[0-9]+}}, <4 x float> poison, <2 x i32> <i32 0, i32 1>
  ;; CHECK: %f64x2.promote_low_f32x4 = fpext <2 x float> %low to <2 x double>
  (func $promote (param v128) (result v128) (f64x2.promote_low_f32x4 (local.get 0)))
)
