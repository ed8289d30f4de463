;; SIMD loads and stores: the scalar addressing and keep-alive (Memory.cpp);
;; partial loads read a scalar of the accessed size and build the vector.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s
;; RUN: %wasm2native %t.wasm --emit=llvm --bounds-checks=explicit -o - \
;; RUN:   | FileCheck %s --check-prefix=EXPLICIT

(module
  (memory 1)
  ;; CHECK-LABEL: @wasm.load(
  ;; CHECK: %addr.off = add nuw i64 %addr, 16
  ;; CHECK-NEXT: %mem.ptr = getelementptr i8, ptr %mem.base, i64 %addr.off
  ;; CHECK-NEXT: %load = load <2 x i64>, ptr %mem.ptr, align 1
  ;; CHECK-NEXT: [[F:%[0-9]+]] = bitcast <2 x i64> %load to <2 x double>
  ;; CHECK-NEXT: call void asm sideeffect "", "X"(<2 x double> [[F]])
  ;; EXPLICIT-LABEL: @wasm.load(
  ;; EXPLICIT: %access.end = add nuw i64 %addr.off, 16
  ;; EXPLICIT: br i1 %mem.oob, label %trap.oob
  ;; EXPLICIT: %load = load <2 x i64>, ptr %mem.ptr, align 1
  ;; EXPLICIT-NOT: asm sideeffect
  ;; EXPLICIT: ret
  (func $load (param i32) (result v128) (v128.load offset=16 (local.get 0)))

  ;; CHECK-LABEL: @wasm.store(
  ;; CHECK: store <2 x i64> %loc1.val, ptr %mem.ptr, align 1
  (func $store (param i32 v128) (v128.store (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.extend(
  ;; CHECK: %load = load i64, ptr %mem.ptr, align 1
  ;; CHECK-NEXT: call void asm sideeffect "", "X"(i64 %load)
  ;; CHECK-NEXT: [[N:%[0-9]+]] = bitcast i64 %load to <4 x i16>
  ;; CHECK-NEXT: %v128.load16x4_u = zext <4 x i16> [[N]] to <4 x i32>
  (func $extend (param i32) (result v128) (v128.load16x4_u (local.get 0)))

  ;; CHECK-LABEL: @wasm.splat(
  ;; CHECK: %load = load i8, ptr %mem.ptr, align 1
  ;; CHECK: insertelement <16 x i8> poison, i8 %load, i64 0
  ;; CHECK: shufflevector <16 x i8> %{{.*}}, <16 x i8> poison, <16 x i32> zeroinitializer
  (func $splat (param i32) (result v128) (v128.load8_splat (local.get 0)))

  ;; CHECK-LABEL: @wasm.zero(
  ;; CHECK: %load = load i64, ptr %mem.ptr, align 1
  ;; CHECK: %v128.load64_zero = insertelement <2 x i64> zeroinitializer, i64 %load, i64 0
  (func $zero (param i32) (result v128) (v128.load64_zero (local.get 0)))

  ;; CHECK-LABEL: @wasm.loadlane(
  ;; CHECK: [[V:%[0-9]+]] = bitcast <2 x i64> %loc1.val to <4 x i32>
  ;; CHECK: %load = load i32, ptr %mem.ptr, align 1
  ;; CHECK: %v128.load32_lane = insertelement <4 x i32> [[V]], i32 %load, i64 3
  (func $loadlane (param i32 v128) (result v128) (v128.load32_lane 3 (local.get 0) (local.get 1)))

  ;; CHECK-LABEL: @wasm.storelane(
  ;; CHECK: %lane = extractelement <8 x i16> %{{[0-9]+}}, i64 5
  ;; CHECK: %addr.off = add nuw i64 %addr, 2
  ;; CHECK: store i16 %lane, ptr %mem.ptr, align 1
  (func $storelane (param i32 v128) (v128.store16_lane offset=2 5 (local.get 0) (local.get 1)))
)
