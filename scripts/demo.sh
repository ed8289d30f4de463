#!/usr/bin/env bash
# The main job on the bundled examples: validate a good module, then show
# the precise diagnostic Kiln gives for a malformed one.
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
