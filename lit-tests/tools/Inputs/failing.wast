;; Commands the validate engine must report as failures, and two that pass
;; (one of them a quoted text module the parser must reject).
(module (func (result i32) (i64.const 1)))

(assert_invalid (module (func (result i32) (i32.const 1))) "type mismatch")

(assert_malformed (module quote "(func") "unexpected token")

(module (func))
