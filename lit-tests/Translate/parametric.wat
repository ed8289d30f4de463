;; drop and select (untyped and typed, including references and v128).
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  ;; CHECK-LABEL: @wasm.pick(
  ;; CHECK: %cond = icmp ne i32 %{{.*}}, 0
  ;; CHECK-NEXT: %select = select i1 %cond, i64 %{{.*}}, i64 %{{.*}}
  (func $pick (param i64 i64 i32) (result i64)
    (select (local.get 0) (local.get 1) (local.get 2)))
  ;; CHECK-LABEL: @wasm.pick_ref(
  ;; CHECK: %select = select i1 %cond, ptr %{{.*}}, ptr %{{.*}}
  (func $pick_ref (param funcref funcref i32) (result funcref)
    (select (result funcref) (local.get 0) (local.get 1) (local.get 2)))
  ;; A comparison feeding select is used as i1 directly.
  ;; CHECK-LABEL: @wasm.pick_cmp(
  ;; CHECK: [[C:%[0-9]+]] = icmp slt i32
  ;; CHECK: %select = select i1 [[C]], float
  (func $pick_cmp (param f32 f32 i32) (result f32)
    (select (local.get 0) (local.get 1) (i32.lt_s (local.get 2) (i32.const 0))))
  ;; v128 is a value type even though SIMD instructions are not translated.
  ;; CHECK-LABEL: define internal <2 x i64> @wasm.pick_v128(ptr {{.*}}, <2 x i64> %p0, <2 x i64> %p1, i32 %p2)
  ;; CHECK: %select = select i1 %cond, <2 x i64>
  (func $pick_v128 (param v128 v128 i32) (result v128)
    (select (local.get 0) (local.get 1) (local.get 2)))
  ;; CHECK-LABEL: @wasm.drops(
  ;; CHECK: body:
  ;; CHECK-NEXT: br label %return
  (func $drops (drop (i32.const 1)) (drop (f64.const 2)))
)
