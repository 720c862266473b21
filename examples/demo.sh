#!/bin/sh
# demo.sh — run the example kernels through the kiln CLI (make demo) and show
# the first call (process start, parse, compile, run) next to a warm call in
# the same process, from the C API via build/demo.
cd "$(dirname "$0")/.." || exit 1
K=build/kiln
E=examples/kernels.py
run() {
    printf '$ kiln run %s\n' "$*"
    $K run "$@" || exit 1
}
run $E fib 25
run $E mandelbrot 200 200 100
run $E saxpy 2.0 "[1.0, 2.0, 3.0]" "[10.0, 20.0, 30.0]"
run $E stats "[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]"
run $E pi_sum
run $E matmul "[[1.0, 2.0], [3.0, 4.0]]" "[[5.0, 6.0], [7.0, 8.0]]"
run $E attention "[[[[1.0, 0.0], [0.0, 1.0]]]]" "[[[[1.0, 0.0], [0.0, 1.0]]]]" "[[[[1.0, 2.0], [3.0, 4.0]]]]"
run $E jacobi "[[0.0, 0.0, 0.0, 0.0], [0.0, 8.0, 8.0, 0.0], [0.0, 8.0, 8.0, 0.0], [0.0, 0.0, 0.0, 0.0]]" 2
echo
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -o build/demo examples/firstcall.c build/libkiln.a -lb2 -lm -lpthread -ldl || exit 1
./build/demo $E
# the Python package, in a venv of its own (Debian's python3; its NumPy if installed)
echo
if [ -x /usr/bin/python3 ] && { [ -x build/pydemo/bin/python ] || /usr/bin/python3 -m venv --system-site-packages build/pydemo; }; then
    if build/pydemo/bin/python -m pip install -q --disable-pip-version-check --no-build-isolation --no-deps . >build/pydemo.log 2>&1; then
        echo '$ python examples/demo.py'
        (cd /tmp && "$OLDPWD/build/pydemo/bin/python" "$OLDPWD/examples/demo.py") || exit 1
    else
        tail -5 build/pydemo.log; echo "demo: the Python package did not build (python3-dev, python3-venv?)"; exit 1
    fi
fi
