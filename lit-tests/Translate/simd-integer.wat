;; Integer lanes: compares widen i1 to all-ones lanes, shift counts are
;; masked to the lane width, abs of the minimum is not poison, the widening
;; operations compute in lanes of twice the width.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  ;; CHECK-LABEL: @wasm.add(
  ;; CHECK: [[A:%[0-9]+]] = bitcast <2 x i64> %loc0.val to <4 x i32>
  ;; CHECK-NEXT: [[B:%[0-9]+]] = bitcast <2 x i64> %loc1.val to <4 x i32>
  ;; CHECK-NEXT: %i32x4.add = add <4 x i32> [[A]], [[B]]
  ;; CHECK-NEXT: bitcast <4 x i32> %i32x4.add to <2 x i64>
  (func $add (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.compare(
  ;; CHECK: [[C:%[0-9]+]] = icmp ult <16 x i8>
  ;; CHECK-NEXT: %i8x16.lt_u = sext <16 x i1> [[C]] to <16 x i8>
  (func $compare (param v128 v128) (result v128) (i8x16.lt_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.compare64(
  ;; CHECK: [[C:%[0-9]+]] = icmp sge <2 x i64> %loc0.val, %loc1.val
  ;; CHECK-NEXT: %i64x2.ge_s = sext <2 x i1> [[C]] to <2 x i64>
  (func $compare64 (param v128 v128) (result v128) (i64x2.ge_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.shl(
  ;; CHECK: %shift.count = and i32 %loc1.val, 15
  ;; CHECK-NEXT: [[N:%[0-9]+]] = trunc i32 %shift.count to i16
  ;; CHECK: %i16x8.shl = shl <8 x i16> %{{[0-9]+}}, %.splat
  (func $shl (param v128 i32) (result v128) (i16x8.shl (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.shr64(
  ;; CHECK: %shift.count = and i32 %loc1.val, 63
  ;; CHECK-NEXT: zext i32 %shift.count to i64
  ;; CHECK: %i64x2.shr_s = ashr <2 x i64> %loc0.val, %.splat
  (func $shr64 (param v128 i32) (result v128) (i64x2.shr_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.sat(
  ;; CHECK: %i8x16.sub_sat_s = call <16 x i8> @llvm.ssub.sat.v16i8(
  (func $sat (param v128 v128) (result v128) (i8x16.sub_sat_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.min(
  ;; CHECK: %i32x4.min_u = call <4 x i32> @llvm.umin.v4i32(
  (func $min (param v128 v128) (result v128) (i32x4.min_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.abs(
  ;; CHECK: %i64x2.abs = call <2 x i64> @llvm.abs.v2i64(<2 x i64> %loc0.val, i1 false)
  (func $abs (param v128) (result v128) (i64x2.abs (local.get 0)))

  ;; CHECK-LABEL: @wasm.neg(
  ;; CHECK: %i16x8.neg = sub <8 x i16> zeroinitializer,
  (func $neg (param v128) (result v128) (i16x8.neg (local.get 0)))

  ;; CHECK-LABEL: @wasm.popcnt(
  ;; CHECK: %i8x16.popcnt = call <16 x i8> @llvm.ctpop.v16i8(
  (func $popcnt (param v128) (result v128) (i8x16.popcnt (local.get 0)))

  ;; CHECK-LABEL: @wasm.alltrue(
  ;; CHECK: [[NZ:%[0-9]+]] = icmp ne <8 x i16> %{{[0-9]+}}, zeroinitializer
  ;; CHECK-NEXT: [[ALL:%[0-9]+]] = call i1 @llvm.vector.reduce.and.v8i1(<8 x i1> [[NZ]])
  ;; CHECK-NEXT: %i16x8.all_true = zext i1 [[ALL]] to i32
  (func $alltrue (param v128) (result i32) (i16x8.all_true (local.get 0)))

  ;; CHECK-LABEL: @wasm.bitmask(
  ;; CHECK: %sign = icmp slt <4 x i32> %{{[0-9]+}}, zeroinitializer
  ;; CHECK-NEXT: [[M:%[0-9]+]] = bitcast <4 x i1> %sign to i4
  ;; CHECK-NEXT: %i32x4.bitmask = zext i4 [[M]] to i32
  (func $bitmask (param v128) (result i32) (i32x4.bitmask (local.get 0)))

  ;; (a + b + 1) >> 1 in i16, so the carry is kept.
  ;; CHECK-LABEL: @wasm.avgr(
  ;; CHECK: zext <16 x i8> %{{[0-9]+}} to <16 x i16>
  ;; CHECK: add <16 x i16> %{{[0-9]+}}, <i16 1,
  ;; CHECK: lshr <16 x i16> %{{[0-9]+}}, <i16 1,
  ;; CHECK: %i8x16.avgr_u = trunc <16 x i16>
  (func $avgr (param v128 v128) (result v128) (i8x16.avgr_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.q15(
  ;; CHECK: mul <8 x i32>
  ;; CHECK: add <8 x i32> %{{[0-9]+}}, <i32 16384,
  ;; CHECK: ashr <8 x i32> %{{[0-9]+}}, <i32 15,
  ;; CHECK: call <8 x i32> @llvm.smin.v8i32(<8 x i32> %{{[0-9]+}}, <8 x i32> <i32 32767,
  ;; CHECK: %i16x8.q15mulr_sat_s = trunc <8 x i32>
  (func $q15 (param v128 v128) (result v128) (i16x8.q15mulr_sat_s (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.extmul(
  ;; CHECK: %high = shufflevector <8 x i16> %{{[0-9]+}}, <8 x i16> poison, <4 x i32> <i32 4, i32 5, i32 6, i32 7>
  ;; CHECK: [[L:%[0-9]+]] = zext <4 x i16> %high to <4 x i32>
  ;; CHECK: [[R:%[0-9]+]] = zext <4 x i16> %high1 to <4 x i32>
  ;; CHECK: %i32x4.extmul_high_i16x8_u = mul <4 x i32> [[L]], [[R]]
  (func $extmul (param v128 v128) (result v128) (i32x4.extmul_high_i16x8_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.extadd(
  ;; CHECK: shufflevector <16 x i8> [[V:%[0-9]+]], <16 x i8> poison, <8 x i32> <i32 0, i32 2,
  ;; CHECK: shufflevector <16 x i8> [[V]], <16 x i8> poison, <8 x i32> <i32 1, i32 3,
  ;; CHECK: %i16x8.extadd_pairwise_i8x16_s = add <8 x i16>
  (func $extadd (param v128) (result v128) (i16x8.extadd_pairwise_i8x16_s (local.get 0)))

  ;; CHECK-LABEL: @wasm.dot(
  ;; CHECK: [[P:%[0-9]+]] = mul <8 x i32>
  ;; CHECK: [[EVEN:%[0-9]+]] = shufflevector <8 x i32> [[P]], <8 x i32> poison, <4 x i32> <i32 0, i32 2, i32 4, i32 6>
  ;; CHECK: [[ODD:%[0-9]+]] = shufflevector <8 x i32> [[P]], <8 x i32> poison, <4 x i32> <i32 1, i32 3, i32 5, i32 7>
  ;; CHECK: %i32x4.dot_i16x8_s = add <4 x i32> [[EVEN]], [[ODD]]
  (func $dot (param v128 v128) (result v128) (i32x4.dot_i16x8_s (local.get 0) (local.get 1)))
)
