;; A small module for the demo: iterative Fibonacci, and a version that keeps
;; its results in linear memory, which traps when asked for an index past the
;; one page of memory.
(module
  (memory (export "memory") 1)
  (func $fib (export "fib") (param $n i32) (result i64)
    (local $a i64) (local $b i64) (local $i i32)
    (local.set $b (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $b (i64.add (local.get $a) (local.tee $a (local.get $b))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $a))
  ;; Stores fib(n) at address 8*n and reads it back: n >= 8192 is out of bounds.
  (func (export "fib_checked") (param $n i32) (result i64)
    (i64.store (i32.mul (local.get $n) (i32.const 8)) (call $fib (local.get $n)))
    (i64.load (i32.mul (local.get $n) (i32.const 8)))))
