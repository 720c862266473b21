#!/bin/sh
# gpu_machine.sh [check] [pytest] [bench] [steady] — make test-gpu's suites on a GPU machine that cannot build
# kiln (no package registry, no LLVM): run from the repository root where build/kiln, build/libkiln.a,
# build/libkiln-llvm.so and build/gpu-lib/libb2.so.1 were carried (docs/testing.md). It builds the Python extension
# against the machine's python3 into /tmp/pyk, then runs the suites asked for (all three by default; steady: only
# bench/gpu's steady state). Each suite prints its own "N passed, N failed" or table.
set -u
cd "$(dirname "$0")/.." || exit 2
export LD_LIBRARY_PATH="$PWD/build/gpu-lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
PYINC=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
SUF=$(python3 -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
mkdir -p /tmp/pyk/kiln && cp python/kiln/*.py /tmp/pyk/kiln/ && cp build/libkiln-llvm.so /tmp/pyk/kiln/ || exit 1
gcc -shared -fPIC -O2 -std=c11 -D_GNU_SOURCE -Wno-cast-function-type -Iinclude -I"$PYINC" python/kiln/_kiln.c \
    build/libkiln.a build/gpu-lib/libb2.so.1 -lm -lpthread -ldl -lgomp -o "/tmp/pyk/kiln/_kiln$SUF" || exit 1
export PYTHONPATH=/tmp/pyk
what=${*:-check pytest bench}
for w in $what; do
    case $w in
    check) echo "== test/gpu on the GPU against the CPU"; timeout 1200 python3 test/gpu_check.py build/kiln --cuda test/gpu/*.py ;;
    pytest) echo "== kiln.cuda's tests"; timeout 600 python3 -m pytest -q -p no:cacheprovider test/python/test_cuda.py ;;
    bench) echo "== bench/gpu"; timeout 900 python3 bench/gpu/gpu_bench.py 5 ;;
    steady) echo "== bench/gpu (steady state)"; timeout 600 python3 bench/gpu/gpu_bench.py 5 --steady-only ;;
    *) echo "gpu_machine.sh: unknown suite '$w' (check, pytest, bench, steady)"; exit 2 ;;
    esac
done
