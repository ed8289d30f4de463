#!/usr/bin/env bash
# Prints the closing lines of the test runners that ctest wraps (the spec
# runner's "N passed, N failed, N skipped", lit's totals), which ctest only
# shows for failing tests. Reads ctest's log of the last run.
BUILD_DIR=${1:-build}
LOG="$BUILD_DIR/Testing/Temporary/LastTest.log"
[ -f "$LOG" ] || { echo "no ctest log at $LOG"; exit 0; }
echo "== closing lines of the wrapped test runners"
awk '
  /^[0-9]+\/[0-9]+ Testing: / { test = $3 }
  /^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$/ { print test ": " $0 }
  /^[0-9]+ expected failures?, / { print test ": " $0 }
  /^  (Passed|Failed|Unsupported|Expectedly Failed): / { print test ": " $0 }
' "$LOG"
