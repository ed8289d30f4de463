#!/usr/bin/env bash
# Runs every built libFuzzer target for SECONDS each, seeded with the .wasm
# files of the examples (and the spec suite's, when wast2json is available).
# Exits non-zero on the first finding; the reproducer is left in the build dir.
set -euo pipefail
FUZZ_DIR=${1:-build-fuzz}
SECONDS_EACH=${2:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS="$FUZZ_DIR/corpus"
mkdir -p "$CORPUS/wasm" "$CORPUS/text"

cp "$ROOT"/examples/modules/*.wasm "$CORPUS/wasm/" 2>/dev/null || true
cp "$ROOT"/examples/modules/*.wat "$CORPUS/text/" 2>/dev/null || true
SUITE="$ROOT/../shared/wasm-testsuite/2.0"
if command -v wast2json >/dev/null && [ -d "$SUITE" ] && [ ! -e "$CORPUS/.seeded" ]; then
  for wast in i32 memory call_indirect binary br_table elem data; do
    tmp=$(mktemp -d)
    if wast2json "$SUITE/$wast.wast" -o "$tmp/s.json" >/dev/null 2>&1; then
      for f in "$tmp"/*.wasm; do cp "$f" "$CORPUS/wasm/$wast-$(basename "$f")"; done
    fi
    rm -rf "$tmp"
  done
  cp "$SUITE"/*.wast "$CORPUS/text/" 2>/dev/null || true
  touch "$CORPUS/.seeded"
fi

run() {
  local fuzzer=$1 corpus=$2
  [ -x "$FUZZ_DIR/fuzz/$fuzzer" ] || return 0
  echo "fuzz: $fuzzer for ${SECONDS_EACH}s"
  # -rss_limit_mb and -timeout turn memory blow-ups and hangs into findings.
  (cd "$FUZZ_DIR" && "./fuzz/$fuzzer" -max_total_time="$SECONDS_EACH" -timeout=10 \
     -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "corpus/$corpus" 2>&1 |
     grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|Done)' || true)
  # libFuzzer leaves crash-*/leak-*/timeout-*/oom-* files on a finding.
  if ls "$FUZZ_DIR"/crash-* "$FUZZ_DIR"/leak-* "$FUZZ_DIR"/timeout-* "$FUZZ_DIR"/oom-* >/dev/null 2>&1; then
    echo "fuzz: $fuzzer found a problem; reproducers:" >&2
    ls "$FUZZ_DIR"/crash-* "$FUZZ_DIR"/leak-* "$FUZZ_DIR"/timeout-* "$FUZZ_DIR"/oom-* 2>/dev/null >&2
    exit 1
  fi
}

run decode-validate-fuzzer wasm
run text-parser-fuzzer text
echo "fuzz: no findings"
