#!/bin/sh
# deps.sh — install the Debian packages kiln needs, once, as root
#   (libb2-dev: BLAKE2b, the disk cache's key and checksum; libopenblas0: the BLAS large
#   matrix products use, opened at run time: without it they run kiln's own loops).
#   sh scripts/deps.sh demo   build tools only
#   sh scripts/deps.sh test   + clang and its sanitizer runtime, python3-numpy (CPython oracle),
#                             llvm-16-dev (the optimizing tier; `make demo` builds it too when present),
#                             llvm-14-dev (to keep the tier building against LLVM 14)
# Not root: prints the exact apt-get line to run and fails.
set -e
mode=${1:-test}
pkgs="make gcc libc6-dev libb2-dev libopenblas0"
if [ "$mode" = test ]; then
    pkgs="$pkgs clang libclang-rt-dev python3 python3-numpy llvm-16-dev llvm-14-dev"
fi
missing=""
for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "kiln needs these Debian packages:$missing" >&2
    echo "run as root:  apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
