;; A tiny spec script for `kiln wast`: one command of each kind the validate
;; engine checks, and one (assert_return) that it must skip.
(module
  (func (export "answer") (result i32) (i32.const 42)))

(assert_invalid
  (module (func (result i32) (i64.const 1)))
  "type mismatch")

(assert_malformed
  (module binary "\00asm" "\02\00\00\00")
  "unknown binary version")

(assert_return (invoke "answer") (i32.const 42))
