;; wast2json cannot parse this script: `kiln wast` must say so, not skip it.
(module (func (no-such-instruction)))
