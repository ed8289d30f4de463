;; -g: a subprogram per function, named after it, and a location per
;; instruction whose line is the instruction's byte offset in the module.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %wasm2native %t.wasm --emit=llvm -g -o - | FileCheck %s
;; RUN: %wasm2native %t.wasm --emit=llvm -g -O2 -o - | FileCheck %s --check-prefix=OPT
;; RUN: %wasm2native %t.wasm --emit=obj -g -o %t.o

(module
  ;; CHECK: define internal i32 @wasm.add({{.*}}) {{.*}}!dbg [[SP:![0-9]+]]
  ;; CHECK: %i32.add = add i32 %{{.*}}, %{{.*}}, !dbg [[ADD:![0-9]+]]
  (func $add (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
)
;; CHECK: !llvm.dbg.cu = !{[[CU:![0-9]+]]}
;; CHECK: [[CU]] = distinct !DICompileUnit(language: DW_LANG_C, file: [[FILE:![0-9]+]], producer: "Kiln"
;; CHECK: [[FILE]] = !DIFile(filename: "{{.*}}.wasm", directory: ".")
;; The body starts at byte 0x18 (its size field), the add (0x6a) is at 0x1e.
;; CHECK: [[SP]] = distinct !DISubprogram(name: "add", linkageName: "wasm.add", scope: [[FILE]], file: [[FILE]], line: 24,
;; CHECK: [[ADD]] = !DILocation(line: 30, scope: [[SP]])
;; OPT: define internal i32 @wasm.add({{.*}}!dbg
