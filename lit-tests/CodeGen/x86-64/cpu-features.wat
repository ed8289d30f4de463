;; --cpu and --features reach the code generator.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=asm --target=x86_64-unknown-linux-gnu --cpu=skylake -o - | FileCheck %s --check-prefix=SKYLAKE
;; RUN: %wasm2native %t.wasm --emit=asm --target=x86_64-unknown-linux-gnu --features=+sse4.1 -o - | FileCheck %s --check-prefix=SSE41
;; RUN: %wasm2native %t.wasm --emit=asm --target=x86_64-unknown-linux-gnu -o - | FileCheck %s --check-prefix=GENERIC

(module
  ;; SKYLAKE: vroundss $8,
  ;; SSE41: roundss $8,
  ;; GENERIC: callq roundevenf@PLT
  (func $nearest (param f32) (result f32) (f32.nearest (local.get 0)))
)
