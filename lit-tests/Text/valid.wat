;; A text module with every kind of field and the common abbreviations is
;; read and validated like its binary; validation errors in text modules
;; point at the instruction's line and column.
;; RUN: %kiln validate %s | FileCheck %s -DFILE=%s
;; CHECK: [[FILE]]: valid
;; RUN: sed 's/(i32.const 42)/(i64.const 42)/' %s > %t.invalid.wat
;; RUN: not %kiln validate %t.invalid.wat 2>&1 | FileCheck %s --check-prefix=INVALID -DFILE=%t.invalid.wat
;; INVALID: [[FILE]]:22:6: in function 2: type mismatch: call expects [i32]

(module $m
  (type $binop (func (param i32 i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (memory (export "mem") 1)
  (table $t funcref (elem $add $fac))
  (global $counter (mut i32) (i32.const 0))
  (data (i32.const 16) "Kiln\00\u{2603}")

  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))

  (func $fac (export "fac") (param $n i64) (result i64)
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (call $log (i32.const 42))
    (if (result i64) (i64.lt_s (local.get $n) (i64.const 2))
      (then (i64.const 1))
      (else (i64.mul (local.get $n) (call $fac (i64.sub (local.get $n) (i64.const 1)))))))

  (func (export "dispatch") (param i32 i32 i32) (result i32)
    block $out (result i32)
      local.get 1
      local.get 2
      local.get 0
      call_indirect $t (type $binop)
      br $out
    end)
)
