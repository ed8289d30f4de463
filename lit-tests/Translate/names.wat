;; Function symbols carry the name section's names under "wasm.", so perf
;; and gdb show them and no Wasm name can capture a libc or runtime symbol;
;; without a name an export name serves, else "wasm.func<N>"; duplicates
;; get their index.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s
;; RUN: %wat2wasm %s -o %t.nonames.wasm
;; RUN: %wasm2native %t.nonames.wasm --emit=llvm -o - | FileCheck %s --check-prefix=NONAMES

(module
  (import "env" "imp" (func $imp))
  ;; CHECK: define internal void @wasm.memset(ptr {{.*}} %ctx)
  ;; NONAMES: define internal void @wasm.func1(ptr {{.*}} %ctx)
  (func $memset)
  ;; CHECK: define internal void @wasm.kiln_rt_trap(ptr {{.*}} %ctx)
  ;; NONAMES: define internal void @wasm.func2(
  (func $kiln_rt_trap)
  ;; Whitespace, quotes and backslashes become '_' (a perf map line ends at
  ;; a newline, debuggers need quoting); other printable characters stay.
  ;; Parameter and local names come from the name section too.
  ;; CHECK: define internal void @"wasm.a_b_c<i32>"(ptr {{.*}} %ctx, i32 %count)
  ;; CHECK: %loc.count = alloca i32
  ;; NONAMES: define internal void @wasm.func3(ptr {{.*}} %ctx, i32 %p0)
  ;; NONAMES: %loc0 = alloca i32
  (func $a\b'c<i32> (param $count i32))
  ;; CHECK: define internal void @wasm.exported(
  ;; NONAMES: define internal void @wasm.exported(
  (func (export "exported"))
  ;; CHECK: define internal void @wasm.dup(
  ;; NONAMES: define internal void @wasm.func5(
  (func $dup)
  ;; CHECK: define internal void @wasm.dup.6(
  ;; NONAMES: define internal void @wasm.dup(
  (func (export "dup"))
)
;; The runtime's symbols stay distinct.
;; CHECK: declare void @kiln_rt_trap(ptr, i32)
