;; Per type index: an entry trampoline (runtime -> Wasm through 16-byte
;; slots) and a host adapter (Wasm -> host through kiln_rt_call_host),
;; shared between equal types; and the three ABI tables.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  (type $a (func (param i32 f64) (result i64 f32)))
  (type $b (func))
  (type $same_as_a (func (param i32 f64) (result i64 f32)))
  (func $f (type $a) (i64.const 1) (f32.const 2))
  (func $g (type $b))

  ;; CHECK: @kiln_functions = constant [2 x ptr] [ptr @wasm.f, ptr @wasm.g], align 8
  ;; CHECK: @kiln_entries = constant [3 x ptr] [ptr @kiln.entry.0, ptr @kiln.entry.1, ptr @kiln.entry.0], align 8
  ;; CHECK: @kiln_host_adapters = constant [3 x ptr] [ptr @kiln.host_adapter.0, ptr @kiln.host_adapter.1, ptr @kiln.host_adapter.0], align 8

  ;; CHECK-LABEL: define internal void @kiln.entry.0(ptr %ctx, ptr %code, ptr %slots)
  ;; CHECK: %arg0 = load i32, ptr %slot0, align 16
  ;; CHECK: %slot1 = getelementptr i8, ptr %slots, i64 16
  ;; CHECK-NEXT: %arg1 = load double, ptr %slot1, align 16
  ;; CHECK-NEXT: [[R:%.*]] = call { i64, float } %code(ptr %ctx, i32 %arg0, double %arg1)
  ;; CHECK-NEXT: %result = extractvalue { i64, float } [[R]], 0
  ;; CHECK: store i64 %result, ptr %slot0{{[0-9]+}}, align 16
  ;; CHECK: %result{{[0-9]+}} = extractvalue { i64, float } [[R]], 1
  ;; CHECK: store float %result{{[0-9]+}}, ptr %slot1{{[0-9]+}}, align 16
  ;; CHECK-NEXT: ret void

  ;; CHECK-LABEL: define internal { i64, float } @kiln.host_adapter.0(ptr %host.ctx, i32 %0, double %1)
  ;; CHECK: %slots = alloca [32 x i8], align 16
  ;; CHECK: store i32 %0, ptr %slot0, align 16
  ;; CHECK: store double %1, ptr %slot1, align 16
  ;; CHECK-NEXT: %code = call i32 @kiln_rt_call_host(ptr %host.ctx, ptr %slots)
  ;; CHECK-NEXT: %failed = icmp ne i32 %code, 0
  ;; CHECK-NEXT: br i1 %failed, label %trap.host, label %done
  ;; CHECK: trap.host:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %host.ctx, i32 %code)
  ;; CHECK: done:
  ;; CHECK: %result0 = load i64, ptr %slot0{{[0-9]+}}, align 16
  ;; CHECK: %result1 = load float, ptr %slot1{{[0-9]+}}, align 16
  ;; CHECK: ret { i64, float }

  ;; A type without parameters or results still gets one slot.
  ;; CHECK-LABEL: define internal void @kiln.host_adapter.1(ptr %host.ctx)
  ;; CHECK: %slots = alloca [16 x i8], align 16
  ;; CHECK: ret void
)
