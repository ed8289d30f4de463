;; Scripts in a folder run in name order.
(module)
