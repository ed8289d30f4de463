;; References: null is a null pointer, ref.func N is &Functions[N].
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  (import "env" "f" (func $imported))
  (elem declare func $self $imported)

  ;; CHECK-LABEL: @wasm.self(
  ;; CHECK: [[P:%.*]] = getelementptr i8, ptr %ctx, i64 32
  ;; CHECK-NEXT: %functions = load ptr, ptr [[P]], align 8, !invariant.load
  ;; CHECK-NEXT: %ref.func1 = getelementptr i8, ptr %functions, i64 24
  (func $self (result funcref) (ref.func $self))

  ;; The import's entry is the first one.
  ;; CHECK-LABEL: @wasm.import_ref(
  ;; CHECK: %functions = load ptr
  ;; CHECK-NEXT: br label %return
  ;; CHECK: phi ptr [ %functions, %body ]
  (func $import_ref (result funcref) (ref.func $imported))

  ;; CHECK-LABEL: @wasm.is_null(
  ;; CHECK: [[N:%.*]] = icmp eq ptr %{{.*}}, null
  ;; CHECK-NEXT: %ref.is_null = zext i1 [[N]] to i32
  (func $is_null (param externref) (result i32) (ref.is_null (local.get 0)))

  ;; CHECK-LABEL: @wasm.null(
  ;; CHECK: phi ptr [ null, %body ]
  (func $null (result externref) (ref.null extern))
)
