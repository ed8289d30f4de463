#!/usr/bin/env bash
# Usage: scripts/run-arm64-spec.sh HOST_BUILD AARCH64_BUILD [SCRIPT.wast...]
#
# Runs spec scripts as arm64 code under qemu-aarch64: the host's kiln (built
# with LLVM) compiles every module of the scripts for aarch64-linux-gnu into
# a folder of AOT artifacts without running anything, then the kiln
# cross-built without LLVM (cmake/aarch64-linux-gnu.cmake) runs the scripts
# under qemu, taking each module's code from that folder. Prints the
# runner's per-script lines and its closing 'N passed, N failed, N skipped'
# line; exits 1 if anything failed. Then checks that the runtime's CPU-feature
# check works under qemu too: code for a Neoverse N1 must be refused on an
# emulated Cortex-A53 (no LSE, dot product, ...) and run on qemu's default
# CPU. Last, C programs (WASI) compiled by wasm2native for aarch64 run under
# the cross-built `kiln run`, and must print what the host's JIT prints.
#
# Without SCRIPTs it runs the whole WebAssembly 2.0 suite
# ($KILN_TESTSUITE_DIR/2.0, default ../shared/wasm-testsuite/2.0).
set -euo pipefail
HOST_BUILD=${1:?usage: run-arm64-spec.sh HOST_BUILD AARCH64_BUILD [SCRIPT.wast...]}
TARGET_BUILD=${2:?usage: run-arm64-spec.sh HOST_BUILD AARCH64_BUILD [SCRIPT.wast...]}
shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
SUITE=${KILN_TESTSUITE_DIR:-$HERE/../../shared/wasm-testsuite}/2.0
OPT_LEVEL=${KILN_ARM64_OPT_LEVEL:-2}
SYSROOT=${KILN_AARCH64_SYSROOT:-/usr/aarch64-linux-gnu}

if [ $# -eq 0 ]; then set -- "$SUITE"; fi

HOST_KILN="$HOST_BUILD/tools/kiln/kiln"
TARGET_KILN="$TARGET_BUILD/tools/kiln/kiln"
for tool in "$HOST_KILN" "$TARGET_KILN"; do
  [ -x "$tool" ] || { echo "run-arm64-spec: $tool is missing; build it first" >&2; exit 2; }
done
command -v qemu-aarch64 >/dev/null || { echo "run-arm64-spec: qemu-aarch64 is missing (Debian: qemu-user)" >&2; exit 2; }

# An artifact folder is a cache keyed by module, features and level; it
# cannot tell that the compiler changed, so it goes whenever the host's kiln
# is newer.
fresh_folder() {
  if [ -f "$1/target" ] && [ "$HOST_KILN" -nt "$1/target" ]; then rm -rf "$1"; fi
}
ARTIFACTS="$TARGET_BUILD/spec-artifacts"
fresh_folder "$ARTIFACTS"

start=$(date +%s)
# Compiling prints a line per script too ('PASS  x.wast  N/N' = N modules
# compiled or already there); only its closing line is kept.
if ! compile_log=$("$HOST_KILN" wast --engine=aot --target=aarch64-linux-gnu --cpu=generic \
                     -O"$OPT_LEVEL" --artifact-dir="$ARTIFACTS" "$@"); then
  echo "$compile_log"
  echo "run-arm64-spec: compiling for aarch64 failed" >&2
  exit 1
fi
compiled=$(date +%s)
echo "compiled for aarch64-linux-gnu (generic) in $((compiled - start)) s: $(echo "$compile_log" | tail -n 1)"

status=0
qemu-aarch64 -L "$SYSROOT" "$TARGET_KILN" wast --engine=aot -O"$OPT_LEVEL" \
  --artifact-dir="$ARTIFACTS" "$@" || status=$?
echo "ran under qemu-aarch64 in $(( $(date +%s) - compiled )) s"

N1_ARTIFACTS="$TARGET_BUILD/spec-artifacts-neoverse-n1"
fresh_folder "$N1_ARTIFACTS"
N1_SCRIPT="$SUITE/fac.wast"
"$HOST_KILN" wast --engine=aot --target=aarch64-linux-gnu --cpu=neoverse-n1 -O"$OPT_LEVEL" \
  --artifact-dir="$N1_ARTIFACTS" "$N1_SCRIPT" >/dev/null
run_n1() {
  qemu-aarch64 "$@" -L "$SYSROOT" "$TARGET_KILN" wast --engine=aot -O"$OPT_LEVEL" \
    --artifact-dir="$N1_ARTIFACTS" "$N1_SCRIPT" 2>&1 || true
}
refused=$(run_n1 -cpu cortex-a53 | grep -o "artifact needs [^;]*; this CPU lacks them" | head -n 1 || true)
accepted=$(run_n1 | tail -n 1)
if [[ "$refused" == *lse* ]] && [[ "$accepted" == *" passed, 0 failed, 0 skipped" ]]; then
  echo "CPU features: neoverse-n1 code refused on cortex-a53 ('$refused'), runs on qemu's max CPU ($accepted)"
else
  echo "CPU features: FAILED; on cortex-a53: '${refused:-no refusal}'; on max: '$accepted'"
  status=1
fi
# WASI programs as arm64 artifacts, run by the cross-built `kiln run`.
REPO="$HERE/.."
WASM2NATIVE="$HOST_BUILD/tools/wasm2native/wasm2native"
PROGRAMS="$TARGET_BUILD/programs"
mkdir -p "$PROGRAMS"
run_program() { # NAME SOURCE KILN-RUN-ARGUMENTS...
  local name=$1 source=$2
  shift 2
  clang-19 --target=wasm32-wasi --sysroot=/usr -O2 "$source" -o "$PROGRAMS/$name.wasm"
  "$WASM2NATIVE" --target=aarch64-linux-gnu --cpu=generic -O"$OPT_LEVEL" \
    "$PROGRAMS/$name.wasm" -o "$PROGRAMS/$name.kart"
  local expected actual
  # Output and exit status of both runs.
  expected=$("$HOST_KILN" run "$@" "$PROGRAMS/$name.wasm" -- one 'two words' 2>&1
             echo "exit status $?")
  actual=$(qemu-aarch64 -L "$SYSROOT" "$TARGET_KILN" run "$@" "$PROGRAMS/$name.kart" \
             -- one 'two words' 2>&1
           echo "exit status $?")
  # argv[0] is the file's base name: name.wasm on the host, name.kart here.
  actual=${actual//$name.kart/$name.wasm}
  if [ "$actual" == "$expected" ]; then
    echo "WASI program $name: arm64 output equals the host JIT's ($(echo "$actual" | wc -l) lines)"
  else
    echo "WASI program $name: FAILED"
    diff <(echo "$expected") <(echo "$actual") | head -n 10
    status=1
  fi
}
run_program hello "$REPO/examples/wasi/hello.c" --env GREETING=hi
run_program exit3 "$REPO/examples/wasi/exit3.c"

# The same program as a standalone arm64 executable: linked with the
# cross-built runtime archive by the cross compiler driver.
RUNTIME_ARCHIVE="$TARGET_BUILD/lib/libkiln-runtime.a"
KILN_RUNTIME_ARCHIVE="$RUNTIME_ARCHIVE" KILN_CXX=aarch64-linux-gnu-g++ \
  "$WASM2NATIVE" --emit=exe --target=aarch64-linux-gnu --cpu=generic -O"$OPT_LEVEL" \
  "$PROGRAMS/hello.wasm" -o "$PROGRAMS/hello"
expected=$(env -i GREETING=hi "$HOST_KILN" run --env GREETING=hi "$PROGRAMS/hello.wasm" -- one 'two words' 2>&1
           echo "exit status $?")
# qemu's -0 sets argv[0], which the guest sees as its program name.
actual=$(env -i GREETING=hi qemu-aarch64 -L "$SYSROOT" -0 hello.wasm "$PROGRAMS/hello" one 'two words' 2>&1
         echo "exit status $?")
if [ "$actual" == "$expected" ]; then
  echo "arm64 executable hello (wasm2native --emit=exe): output equals the host JIT's"
else
  echo "arm64 executable hello: FAILED"
  diff <(echo "$expected") <(echo "$actual") | head -n 10
  status=1
fi
exit $status
