;; Conversions: trapping truncations check NaN, then the exact range;
;; saturating ones use llvm.fpto[su]i.sat; the rest are plain casts.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  ;; CHECK-LABEL: @wasm.trunc_f32_s(
  ;; CHECK: %is.nan = fcmp uno float [[X:%.*]], [[X]]
  ;; CHECK-NEXT: br i1 %is.nan, label %trap.badconv, label %cont
  ;; CHECK: [[LO:%.*]] = fcmp olt float [[X]], 0xC1E0000000000000
  ;; CHECK: [[HI:%.*]] = fcmp oge float [[X]], 0x41E0000000000000
  ;; CHECK: %out.of.range = or i1 [[LO]], [[HI]]
  ;; CHECK-NEXT: br i1 %out.of.range, label %trap.overflow
  ;; CHECK: %i32.trunc_f32_s = fptosi float [[X]] to i32
  ;; Trap blocks come last, in trap-code order.
  ;; CHECK: trap.overflow:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 3)
  ;; CHECK: trap.badconv:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 4)
  (func $trunc_f32_s (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))

  ;; f64 can hold -2^31 - 1, so the lower bound is exclusive there:
  ;; -2147483648.9 still converts.
  ;; CHECK-LABEL: @wasm.trunc_f64_s(
  ;; CHECK: fcmp ole double %{{.*}}, 0xC1E0000000200000
  ;; CHECK: fcmp oge double %{{.*}}, 0x41E0000000000000
  ;; CHECK: fptosi double %{{.*}} to i32
  (func $trunc_f64_s (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))

  ;; Unsigned: (-1, 2^64).
  ;; CHECK-LABEL: @wasm.trunc_f64_u64(
  ;; CHECK: fcmp ole double %{{.*}}, -1.000000e+00
  ;; CHECK: fcmp oge double %{{.*}}, 0x43F0000000000000
  ;; CHECK: %i64.trunc_f64_u = fptoui double %{{.*}} to i64
  (func $trunc_f64_u64 (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))

  ;; CHECK-LABEL: @wasm.trunc_f32_s64(
  ;; CHECK: fcmp olt float %{{.*}}, 0xC3E0000000000000
  ;; CHECK: fcmp oge float %{{.*}}, 0x43E0000000000000
  (func $trunc_f32_s64 (param f32) (result i64) (i64.trunc_f32_s (local.get 0)))

  ;; CHECK-LABEL: @wasm.sat(
  ;; CHECK: call i32 @llvm.fptosi.sat.i32.f32(
  ;; CHECK: call i64 @llvm.fptoui.sat.i64.f64(
  ;; CHECK-NOT: trap.{{(badconv|overflow)}}
  ;; CHECK-LABEL: define
  (func $sat (param f32 f64) (result i32 i64)
    (i32.trunc_sat_f32_s (local.get 0)) (i64.trunc_sat_f64_u (local.get 1)))

  ;; CHECK-LABEL: @wasm.casts(
  ;; CHECK: %i32.wrap_i64 = trunc i64
  ;; CHECK: %i64.extend_i32_s = sext i32
  ;; CHECK: %i64.extend_i32_u = zext i32
  ;; CHECK: %f32.convert_i32_u = uitofp i32
  ;; CHECK: %f64.convert_i64_s = sitofp i64
  ;; CHECK: %f32.demote_f64 = fptrunc double
  ;; CHECK: %f64.promote_f32 = fpext float
  ;; CHECK: %i32.reinterpret_f32 = bitcast float
  ;; CHECK: %f64.reinterpret_i64 = bitcast i64
  (func $casts (param i64 i32 f64 f32)
    (drop (i32.wrap_i64 (local.get 0)))
    (drop (i64.extend_i32_s (local.get 1)))
    (drop (i64.extend_i32_u (local.get 1)))
    (drop (f32.convert_i32_u (local.get 1)))
    (drop (f64.convert_i64_s (local.get 0)))
    (drop (f32.demote_f64 (local.get 2)))
    (drop (f64.promote_f32 (local.get 3)))
    (drop (i32.reinterpret_f32 (local.get 3)))
    (drop (f64.reinterpret_i64 (local.get 0))))
)
