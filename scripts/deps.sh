#!/bin/sh
# deps.sh — everything `make demo` and `make test` need, installed once; one list for both, so the
# README's two commands build the same kiln (the same LLVM: 16, Debian 12's newest).
#   Debian packages (as root; otherwise the exact apt-get line is printed and the script fails):
#     make gcc libc6-dev     the build
#     libb2-dev              BLAKE2b: the disk cache's key, checksum and bundle signatures
#     libopenblas0           the BLAS large matrix products use, opened at run time (optional at run time)
#     llvm-16-dev            the optimizing tier (tier 2); also what `make demo` builds against
#     python3 python3-venv python3-dev   the oracle's interpreter, its venv, and the headers the Python
#                            package's extension compiles against
#   test only: clang libclang-rt-dev (sanitizers, libFuzzer), llvm-14-dev (tier 2 keeps building
#     against LLVM 14), python3-numpy python3-setuptools python3-pytest (the Python package is also
#     built and tested against Debian's own NumPy 1.24, in build/pyenv-deb).
#   The oracle (test mode): NumPy 2 in a venv, build/pyenv, from PyPI. Debian 12 ships NumPy 1.24,
#     whose promotion rules (before NEP 50) are not kiln's reference; a NumPy 1.x oracle reports
#     false mismatches. Nothing kiln runs depends on it: only the tests. The same venv gets pytest
#     and the Python package's build backend (setuptools, wheel) for test/python.
#   sh scripts/deps.sh demo | test
set -e
mode=${1:-test}
pkgs="make gcc libc6-dev libb2-dev libopenblas0 llvm-16-dev python3 python3-venv python3-dev"
if [ "$mode" = test ]; then
    pkgs="$pkgs clang libclang-rt-dev llvm-14-dev python3-numpy python3-setuptools python3-pytest"
fi
missing=""
for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "kiln needs these Debian packages:$missing" >&2
        echo "run as root:  apt-get update && apt-get install -y$missing" >&2
        exit 1
    fi
    echo "installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
[ "$mode" = test ] || exit 0
# the oracle: Debian's python3 (not whatever python3 comes first on PATH) in a venv of its own
cd "$(dirname "$0")/.."
PY=build/pyenv/bin/python
if ! "$PY" -c 'import numpy, pytest, setuptools, wheel, sys; sys.exit(numpy.__version__.split(".")[:2] != ["2", "4"])' 2>/dev/null; then
    echo "making the test oracle: NumPy 2.4, pytest, setuptools in build/pyenv (Debian 12's python3-numpy is 1.24)"
    rm -rf build/pyenv
    mkdir -p build
    /usr/bin/python3 -m venv build/pyenv
    "$PY" -m pip install -q --disable-pip-version-check 'numpy>=2.4,<2.5' pytest 'setuptools>=61' wheel
fi
# Debian's NumPy (1.24) for the package's run-time test: a venv that sees the system's packages
[ -x build/pyenv-deb/bin/python ] || /usr/bin/python3 -m venv --system-site-packages build/pyenv-deb
