#!/usr/bin/env bash
# The main job on the bundled examples: validate a good module, show the
# precise diagnostic Kiln gives for a malformed one, then JIT-compile the good
# one and call its exports.
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
