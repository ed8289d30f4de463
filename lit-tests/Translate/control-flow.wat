;; Structured control flow: results and loop parameters through phis,
;; br/br_if/br_table/return, unreachable code, one return block.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -o - | FileCheck %s

(module
  (type $ii_i (func (param i32 i32) (result i32)))
  (type $i_ii (func (param i32) (result i32 i32)))

  ;; A block result arrives at the end block's phi, one entry per edge.
  ;; CHECK-LABEL: @wasm.block_result(
  ;; CHECK: br i1 %{{.*}}, label %block.end, label %br_if.cont
  ;; CHECK: br_if.cont:
  ;; CHECK-NEXT: br label %block.end
  ;; CHECK: block.end:
  ;; CHECK-NEXT: %block.result = phi i32 [ 1, %body ], [ 2, %br_if.cont ]
  (func $block_result (param i32) (result i32)
    (block (result i32) (br_if 0 (i32.const 1) (local.get 0)) (drop) (i32.const 2)))

  ;; Loop parameters are phis in the header; a branch to the loop feeds them.
  ;; CHECK-LABEL: @wasm.loop_param(
  ;; CHECK: br label %loop
  ;; CHECK: loop:
  ;; CHECK-NEXT: %loop.param = phi i32 [ %{{.*}}, %body ], [ %i32.sub, %loop ]
  ;; CHECK: %i32.sub = sub i32 %loop.param, 1
  ;; CHECK: br i1 %{{.*}}, label %loop, label %br_if.cont
  (func $loop_param (param i32) (result i32)
    (local.get 0)
    (loop (param i32) (result i32)
      (i32.sub (i32.const 1))
      (br_if 0 (local.tee 0) (local.get 0))))

  ;; if/else with a parameter and two results (multi-value).
  ;; CHECK-LABEL: @wasm.if_multi(
  ;; CHECK: br i1 %{{.*}}, label %if.then, label %if.else
  ;; CHECK: if.then:
  ;; CHECK: if.else:
  ;; CHECK: if.end:
  ;; CHECK-NEXT: %if.result = phi i32 [ %{{.*}}, %if.then ], [ %{{.*}}, %if.else ]
  ;; CHECK-NEXT: %if.result{{[0-9]+}} = phi i32 [ 10, %if.then ], [ 20, %if.else ]
  ;; CHECK: %i32.add = add i32 %if.result, %if.result{{[0-9]+}}
  (func $if_multi (param i32 i32) (result i32)
    (local.get 1)
    (if (type $i_ii) (local.get 0)
      (then (i32.const 10))
      (else (i32.const 20)))
    (i32.add))

  ;; An if without else passes its parameters through as results.
  ;; CHECK-LABEL: @wasm.if_no_else(
  ;; CHECK: if.else:
  ;; CHECK-NEXT: br label %if.end
  ;; CHECK: if.end:
  ;; CHECK-NEXT: phi i32 [ %i32.mul, %if.then ], [ %{{.*}}, %if.else ]
  (func $if_no_else (param i32) (result i32)
    (local.get 0)
    (if (param i32) (result i32) (local.get 0) (then (i32.mul (i32.const 3)))))

  ;; br_table becomes a switch; every target edge gets its phi entry.
  ;; CHECK-LABEL: @wasm.table(
  ;; CHECK: switch i32 %{{.*}}, label %[[DEFAULT:block.end[0-9]*]] [
  ;; CHECK-NEXT: i32 0, label %block.end
  ;; CHECK-NEXT: i32 1, label %[[DEFAULT]]
  ;; CHECK-NEXT: i32 2, label %block.end
  ;; CHECK-NEXT: ]
  ;; CHECK: block.end:
  ;; CHECK-NEXT: phi i32 [ 7, %body ], [ 7, %body ]
  (func $table (param i32) (result i32)
    (block (result i32)
      (block (result i32)
        (br_table 0 1 0 1 (i32.const 7) (local.get 0)))
      (i32.add (i32.const 100))))

  ;; return and the fall-through both flow into the single return block.
  ;; CHECK-LABEL: @wasm.early_return(
  ;; CHECK: if.then:
  ;; CHECK-NEXT: br label %return
  ;; CHECK: return:
  ;; CHECK-NEXT: %result = phi i32 [ 5, %if.then ], [ 6, %if.end ]
  ;; CHECK-NEXT: ret i32 %result
  (func $early_return (param i32) (result i32)
    (if (local.get 0) (then (return (i32.const 5))))
    (i32.const 6))

  ;; Code after unreachable is skipped; nested blocks in it are tracked.
  ;; CHECK-LABEL: @wasm.dead_code(
  ;; CHECK: br label %trap.unreachable
  ;; CHECK-NOT: return:
  ;; CHECK: trap.unreachable:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 1)
  ;; CHECK-NEXT: unreachable
  (func $dead_code (result i32)
    (unreachable)
    (block (loop (br 0)))
    (i32.const 1))

  ;; Multi-value functions return a struct.
  ;; CHECK-LABEL: define internal { i32, i64 } @wasm.two_results(
  ;; CHECK: [[A:%.*]] = insertvalue { i32, i64 } poison, i32 %result, 0
  ;; CHECK: [[B:%.*]] = insertvalue { i32, i64 } [[A]], i64 %result{{[0-9]+}}, 1
  ;; CHECK: ret { i32, i64 } [[B]]
  (func $two_results (result i32 i64) (i32.const 1) (i64.const 2))

  ;; CHECK-LABEL: @wasm.nop(
  ;; CHECK: body:
  ;; CHECK-NEXT: br label %return
  (func $nop (nop))

  ;; Every function checks the stack limit before anything else.
  ;; CHECK-LABEL: @wasm.stack_check(
  ;; CHECK: entry:
  ;; CHECK: %sp = call ptr @llvm.stacksave.p0()
  ;; CHECK-NEXT: %sp.int = ptrtoint ptr %sp to i64
  ;; CHECK-NEXT: [[P:%.*]] = getelementptr i8, ptr %ctx, i64 48
  ;; CHECK-NEXT: %stack.limit = load i64, ptr [[P]], align 8
  ;; CHECK-NEXT: %stack.exhausted = icmp ult i64 %sp.int, %stack.limit
  ;; CHECK-NEXT: br i1 %stack.exhausted, label %trap.stack, label %body, !prof
  ;; CHECK: trap.stack:
  ;; CHECK-NEXT: call void @kiln_rt_trap(ptr %ctx, i32 10)
  (func $stack_check)
)

;; Wasm functions never become tail calls: runaway recursion must trap.
;; CHECK: attributes #0 = { nounwind uwtable "disable-tail-calls"="true" "probe-stack"="inline-asm" }
