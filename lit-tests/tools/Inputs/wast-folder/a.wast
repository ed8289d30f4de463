;; Scripts in a folder run in name order.
(module)
(assert_invalid (module (func (result i32))) "type mismatch")
