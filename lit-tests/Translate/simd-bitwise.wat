;; v128 logic works on <2 x i64> without lanes; any_true is one i128 compare.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  ;; CHECK-LABEL: @wasm.logic(
  ;; CHECK: %v128.and = and <2 x i64> %loc0.val, %loc1.val
  ;; CHECK: [[NOT:%[0-9]+]] = xor <2 x i64> %loc1.val{{[0-9]*}}, <i64 -1, i64 -1>
  ;; CHECK: %v128.andnot = and <2 x i64> %v128.and, [[NOT]]
  ;; CHECK: %v128.or = or <2 x i64> %v128.andnot,
  ;; CHECK: %v128.not = xor <2 x i64> %loc1.val{{[0-9]*}}, <i64 -1, i64 -1>
  ;; CHECK: %v128.xor = xor <2 x i64> %v128.or, %v128.not
  (func $logic (param v128 v128) (result v128)
    (v128.xor (v128.or (v128.andnot (v128.and (local.get 0) (local.get 1)) (local.get 1)) (local.get 0))
              (v128.not (local.get 1))))

  ;; (a & c) | (b & ~c)
  ;; CHECK-LABEL: @wasm.bitselect(
  ;; CHECK: [[A:%[0-9]+]] = and <2 x i64> %loc0.val, %loc2.val
  ;; CHECK: [[NC:%[0-9]+]] = xor <2 x i64> %loc2.val, <i64 -1, i64 -1>
  ;; CHECK: [[B:%[0-9]+]] = and <2 x i64> %loc1.val, [[NC]]
  ;; CHECK: %v128.bitselect = or <2 x i64> [[A]], [[B]]
  (func $bitselect (param v128 v128 v128) (result v128)
    (v128.bitselect (local.get 0) (local.get 1) (local.get 2)))

  ;; CHECK-LABEL: @wasm.anytrue(
  ;; CHECK: [[W:%[0-9]+]] = bitcast <2 x i64> %loc0.val to i128
  ;; CHECK: %any.lane = icmp ne i128 [[W]], 0
  ;; CHECK: %v128.any_true = zext i1 %any.lane to i32
  (func $anytrue (param v128) (result i32) (v128.any_true (local.get 0)))
)
