#!/usr/bin/env bash
# Installs the Debian 12 packages Kiln needs, and only those that are missing.
# Idempotent: when everything is present it prints one line and changes nothing.
set -euo pipefail

PACKAGES=(
  cmake ninja-build ccache make python3
  llvm-19-dev clang-19 lld-19 llvm-19-tools libclang-rt-19-dev
  libtbb-dev libboost-program-options-dev libgtest-dev nlohmann-json3-dev
  wabt wasi-libc libclang-rt-19-dev-wasm32
  qemu-user gcc-aarch64-linux-gnu g++-aarch64-linux-gnu libc6-dev-arm64-cross
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
