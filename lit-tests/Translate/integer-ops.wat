;; Integer operators: Wasm semantics where LLVM's differ (shift counts,
;; division traps, rem_s by -1, clz/ctz of zero, rotates).
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  ;; CHECK-LABEL: define internal i32 @wasm.add(ptr noundef nonnull align 8 dereferenceable(64) %ctx, i32 %a, i32 %b)
  ;; CHECK: %i32.add = add i32 %loc.a.val, %loc.b.val
  (func $add (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b)))

  ;; Shift counts are taken modulo the width: LLVM gives poison otherwise.
  ;; CHECK-LABEL: @wasm.shl(
  ;; CHECK: %shift.count = and i32 %{{.*}}, 31
  ;; CHECK: %i32.shl = shl i32 %{{.*}}, %shift.count
  (func $shl (param i32 i32) (result i32) (i32.shl (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: @wasm.shr_s64(
  ;; CHECK: %shift.count = and i64 %{{.*}}, 63
  ;; CHECK: %i64.shr_s = ashr i64 %{{.*}}, %shift.count
  (func $shr_s64 (param i64 i64) (result i64) (i64.shr_s (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: @wasm.shr_u(
  ;; CHECK: %i32.shr_u = lshr i32
  (func $shr_u (param i32 i32) (result i32) (i32.shr_u (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.rotl(
  ;; CHECK: %i32.rotl = call i32 @llvm.fshl.i32(i32 [[X:%.*]], i32 [[X]], i32 %{{.*}})
  (func $rotl (param i32 i32) (result i32) (i32.rotl (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: @wasm.rotr64(
  ;; CHECK: %i64.rotr = call i64 @llvm.fshr.i64(i64 [[Y:%.*]], i64 [[Y]], i64 %{{.*}})
  (func $rotr64 (param i64 i64) (result i64) (i64.rotr (local.get 0) (local.get 1)))

  ;; clz/ctz of zero is the width: is_zero_poison is false.
  ;; CHECK-LABEL: @wasm.clz(
  ;; CHECK: %i32.clz = call i32 @llvm.ctlz.i32(i32 %{{.*}}, i1 false)
  (func $clz (param i32) (result i32) (i32.clz (local.get 0)))
  ;; CHECK-LABEL: @wasm.ctz64(
  ;; CHECK: %i64.ctz = call i64 @llvm.cttz.i64(i64 %{{.*}}, i1 false)
  (func $ctz64 (param i64) (result i64) (i64.ctz (local.get 0)))
  ;; CHECK-LABEL: @wasm.popcnt(
  ;; CHECK: %i32.popcnt = call i32 @llvm.ctpop.i32(
  (func $popcnt (param i32) (result i32) (i32.popcnt (local.get 0)))

  ;; div_s traps on zero and on INT_MIN / -1.
  ;; CHECK-LABEL: @wasm.div_s(
  ;; CHECK: %divisor.zero = icmp eq i32 [[D:%.*]], 0
  ;; CHECK-NEXT: br i1 %divisor.zero, label %trap.div0, label %cont
  ;; CHECK: icmp eq i32 [[N:%.*]], -2147483648
  ;; CHECK: icmp eq i32 [[D]], -1
  ;; CHECK: %div.overflow = and i1
  ;; CHECK-NEXT: br i1 %div.overflow, label %trap.overflow
  ;; CHECK: %i32.div_s = sdiv i32 [[N]], [[D]]
  ;; CHECK: trap.div0:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 2)
  ;; CHECK-NEXT: unreachable
  ;; CHECK: trap.overflow:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 3)
  (func $div_s (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))

  ;; rem_s of INT_MIN by -1 is 0, not a trap: divide by 1 instead.
  ;; CHECK-LABEL: @wasm.rem_s64(
  ;; CHECK: br i1 %divisor.zero, label %trap.div0
  ;; CHECK-NOT: trap.overflow
  ;; CHECK: [[M1:%.*]] = icmp eq i64 [[D:%.*]], -1
  ;; CHECK: %rem.divisor = select i1 [[M1]], i64 1, i64 [[D]]
  ;; CHECK: %i64.rem_s = srem i64 %{{.*}}, %rem.divisor
  (func $rem_s64 (param i64 i64) (result i64) (i64.rem_s (local.get 0) (local.get 1)))

  ;; One trap block per kind per function, shared by both divisions.
  ;; CHECK-LABEL: @wasm.two_divs(
  ;; CHECK: br i1 %divisor.zero, label %trap.div0
  ;; CHECK: udiv i32
  ;; CHECK: br i1 %divisor.zero{{[0-9]+}}, label %trap.div0
  ;; CHECK: urem i32
  ;; CHECK: trap.div0:
  ;; CHECK-NOT: trap.div0{{[0-9]+}}:
  (func $two_divs (param i32 i32) (result i32)
    (i32.add (i32.div_u (local.get 0) (local.get 1)) (i32.rem_u (local.get 0) (local.get 1))))

  ;; CHECK-LABEL: @wasm.compare(
  ;; CHECK: [[C:%[0-9]+]] = icmp ult i64
  ;; CHECK: %i64.lt_u = zext i1 [[C]] to i32
  (func $compare (param i64 i64) (result i32) (i64.lt_u (local.get 0) (local.get 1)))
  ;; CHECK-LABEL: @wasm.eqz(
  ;; CHECK: [[Z:%[0-9]+]] = icmp eq i32 %{{.*}}, 0
  ;; CHECK: %i32.eqz = zext i1 [[Z]] to i32
  (func $eqz (param i32) (result i32) (i32.eqz (local.get 0)))

  ;; CHECK-LABEL: @wasm.extend8(
  ;; CHECK: [[T:%.*]] = trunc i64 %{{.*}} to i8
  ;; CHECK: %i64.extend8_s = sext i8 [[T]] to i64
  (func $extend8 (param i64) (result i64) (i64.extend8_s (local.get 0)))
  ;; CHECK-LABEL: @wasm.extend16(
  ;; CHECK: trunc i32 %{{.*}} to i16
  ;; CHECK: %i32.extend16_s = sext i16
  (func $extend16 (param i32) (result i32) (i32.extend16_s (local.get 0)))

  ;; CHECK-LABEL: @wasm.consts(
  ;; CHECK: %result = phi i64 [ -9223372036854775807, %body ]
  (func $consts (result i64) (i64.mul (i64.const -1) (i64.const 0x7fffffffffffffff)))
)
