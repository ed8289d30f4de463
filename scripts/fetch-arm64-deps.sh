#!/usr/bin/env bash
# Usage: scripts/fetch-arm64-deps.sh DIR
# Puts Debian's arm64 static Boost.Program_options archive, the one compiled
# library the cross-built kiln needs that the cross toolchain lacks, under DIR
# and prints its path. The version matches the installed (amd64) Boost
# headers, which the cross build uses (cmake/KilnCrossDependencies.cmake says
# why nothing is installed for arm64). Needs arm64 in dpkg's foreign
# architectures, for apt to know the arm64 package; adds it when missing.
# Idempotent: a second run only prints the path.
set -euo pipefail
DIR=${1:?usage: fetch-arm64-deps.sh DIR}
PACKAGE=libboost-program-options1.74-dev
ARCHIVE="$DIR/usr/lib/aarch64-linux-gnu/libboost_program_options.a"

if [ -f "$ARCHIVE" ]; then
  echo "$ARCHIVE"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
VERSION=$(dpkg-query -W -f='${Version}' "$PACKAGE" 2>/dev/null || true)
if [ -z "$VERSION" ]; then
  echo "fetch-arm64-deps: $PACKAGE (amd64) is not installed; run scripts/install-deps.sh" >&2
  exit 1
fi
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "fetch-arm64-deps: adding arm64 to dpkg's foreign architectures" >&2
  $SUDO dpkg --add-architecture arm64
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
chmod 777 "$WORK" # apt-get download runs as the unprivileged _apt user
# Only when apt does not know the package yet (arm64 just added): update.
if ! (cd "$WORK" && apt-get download -qq "$PACKAGE:arm64=$VERSION" 2>/dev/null); then
  $SUDO apt-get update -qq
  (cd "$WORK" && apt-get download -qq "$PACKAGE:arm64=$VERSION")
fi
mkdir -p "$DIR"
dpkg-deb -x "$WORK"/*.deb "$WORK/root"
mkdir -p "$(dirname "$ARCHIVE")"
cp "$WORK/root/usr/lib/aarch64-linux-gnu/libboost_program_options.a" "$ARCHIVE.tmp"
mv "$ARCHIVE.tmp" "$ARCHIVE"
echo "$ARCHIVE"
