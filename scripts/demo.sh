#!/usr/bin/env bash
# The main job on the bundled examples: validate a good module, show the
# precise diagnostic Kiln gives for a malformed one, JIT-compile the good one
# and call its exports; then compile a C program to WebAssembly and run it
# AOT-compiled by wasm2native (as an artifact and as an executable) and
# through the JIT.
set -uo pipefail
BUILD_DIR=${1:-build}
KILN="$BUILD_DIR/tools/kiln/kiln"
cd "$(dirname "$0")/.." || exit 1

echo "== kiln validate examples/modules/fib.wasm"
"$KILN" validate examples/modules/fib.wasm || exit 1

echo
echo "== kiln validate examples/modules/truncated.wasm   (malformed on purpose)"
"$KILN" validate examples/modules/truncated.wasm
status=$?
if [ "$status" -eq 0 ]; then
  echo "demo: the malformed example was accepted; that is a bug" >&2
  exit 1
fi
echo "(exit status $status: rejected, as it should be)"

echo
echo "== kiln run examples/modules/fib.wasm --invoke fib 50"
"$KILN" run examples/modules/fib.wasm --invoke fib 50 || exit 1

echo
echo "== kiln run examples/modules/fib.wasm --invoke fib_checked 100000   (traps on purpose)"
"$KILN" run examples/modules/fib.wasm --invoke fib_checked 100000
status=$?
if [ "$status" -eq 0 ]; then
  echo "demo: the out-of-bounds store did not trap; that is a bug" >&2
  exit 1
fi
echo "(exit status $status: the trap was caught and reported)"

# A real C program, compiled to WebAssembly with clang and wasi-libc, then
# compiled ahead of time to a native artifact and run; then the same program
# through the JIT. Both must print the same line.
WASM2NATIVE="$BUILD_DIR/tools/wasm2native/wasm2native"
OUT="$BUILD_DIR/demo"
mkdir -p "$OUT"
echo
echo "== clang-19 --target=wasm32-wasi -O2 examples/programs/primes.c -o $OUT/primes.wasm"
clang-19 --target=wasm32-wasi --sysroot=/usr -O2 examples/programs/primes.c -o "$OUT/primes.wasm" || exit 1

echo
echo "== wasm2native -O2 $OUT/primes.wasm -o $OUT/primes.kart   (AOT: a native artifact)"
"$WASM2NATIVE" -O2 "$OUT/primes.wasm" -o "$OUT/primes.kart" || exit 1
echo "== kiln run --time $OUT/primes.kart -- 10000000   (no compiler runs: compile_ms is the load time)"
aot_output=$("$KILN" run --time "$OUT/primes.kart" -- 10000000) || exit 1
echo "$aot_output"

echo
echo "== wasm2native --emit=exe $OUT/primes.wasm -o $OUT/primes   (a standalone executable, no LLVM inside)"
"$WASM2NATIVE" --emit=exe "$OUT/primes.wasm" -o "$OUT/primes" || exit 1
echo "== $OUT/primes 10000000"
exe_output=$("$OUT/primes" 10000000) || exit 1
echo "$exe_output"

echo
echo "== kiln run --time $OUT/primes.wasm -- 10000000   (the same program through the JIT)"
jit_output=$("$KILN" run --time "$OUT/primes.wasm" -- 10000000) || exit 1
echo "$jit_output"
if [ "$aot_output" != "$jit_output" ] || [ "$exe_output" != "$jit_output" ]; then
  echo "demo: the artifact, the executable and the JIT printed different output; that is a bug" >&2
  exit 1
fi
echo "(the artifact, the executable and the JIT printed the same output)"
