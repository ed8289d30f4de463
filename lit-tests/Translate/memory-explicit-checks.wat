;; --bounds-checks=explicit: every access compares its end with the
;; current size (reloaded, since calls may grow the memory) and branches to
;; the trap block; the load then needs no keep-alive.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm --bounds-checks=explicit -o - | FileCheck %s
;; RUN: %wasm2native %t.wasm --emit=llvm --bounds-checks=explicit -O2 -o - | FileCheck %s --check-prefix=OPT

(module
  (memory 1)
  ;; CHECK-LABEL: @wasm.load(
  ;; CHECK: %addr = zext i32 %{{.*}} to i64
  ;; CHECK-NEXT: %addr.off = add nuw i64 %addr, 4294967295
  ;; CHECK-NEXT: %access.end = add nuw i64 %addr.off, 8
  ;; CHECK: %mem.bytes = load i64, ptr %{{.*}}, align 8{{$}}
  ;; CHECK-NEXT: %mem.oob = icmp ugt i64 %access.end, %mem.bytes
  ;; CHECK-NEXT: br i1 %mem.oob, label %trap.oob, label %cont
  ;; CHECK: cont:
  ;; CHECK-NEXT: %mem.ptr = getelementptr i8, ptr %mem.base, i64 %addr.off
  ;; CHECK-NEXT: %load = load i64, ptr %mem.ptr, align 1
  ;; CHECK-NOT: asm
  ;; CHECK: trap.oob:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 5)
  (func $load (param i32) (result i64) (i64.load offset=4294967295 (local.get 0)))

  ;; CHECK-LABEL: @wasm.store(
  ;; CHECK: %access.end = add nuw i64 %addr, 2
  ;; CHECK: br i1 %mem.oob, label %trap.oob
  ;; CHECK: store i16
  (func $store (param i32 i32) (i32.store16 (local.get 0) (local.get 1)))

  ;; An unused load may be deleted, but its check stays.
  ;; OPT-LABEL: @wasm.unused(
  ;; OPT: %mem.oob = icmp ugt i64 %{{.*}}, %mem.bytes
  ;; OPT-NEXT: br i1 %mem.oob, label %trap.oob
  ;; OPT-NOT: load i32
  ;; OPT: ret void
  (func $unused (param i32) (drop (i32.load (local.get 0))))
)
