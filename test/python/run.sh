#!/bin/sh
# run.sh PYTHON [TESTS] — install the package from this tree into PYTHON's environment (no build
# isolation: setuptools is already there, scripts/deps.sh put it in) and run TESTS (default:
# test/python) with pytest; ends "N passed, N failed" (pytest's summary line is read for the counts).
PY=${1:-build/pyenv/bin/python}
TESTS=${2:-test/python}
cd "$(dirname "$0")/../.." || exit 2
case $PY in */*) case $PY in /*) ;; *) PY=$(pwd)/$PY ;; esac ;; esac
if ! out=$($PY -m pip install -q --disable-pip-version-check --no-build-isolation --no-deps . 2>&1); then
    printf '%s\n' "$out" | tail -20
    echo "0 passed, 1 failed"; exit 1
fi
log=$(mktemp /tmp/kiln-pytest-XXXXXX)
(cd /tmp && $PY -c 'import kiln, numpy; print("kiln", kiln.__version__, "from", kiln.__file__, "with NumPy", numpy.__version__)')
$PY -m pytest -q -p no:cacheprovider $TESTS >"$log" 2>&1
rc=$?
grep -E "^(FAILED|ERROR)|Error|error" "$log" | head -30
last=$(tail -1 "$log")
echo "pytest: $last"
# each count wherever it stands ("1 failed, 103 passed, 3 skipped in 19.07s": a count first on the line too)
count() { printf '%s' "$last" | grep -o "[0-9][0-9]* $1" | head -1 | sed 's/ .*//'; }
p=$(count passed); p=${p:-0}
f=$(count failed); f=${f:-0}
e=$(count error); e=${e:-0}
rm -f "$log"
[ $rc != 0 ] && [ $((f + e)) = 0 ] && e=1  # pytest failed without a count (a crash, no tests)
echo "$p passed, $((f + e)) failed"
[ $((f + e)) = 0 ]
