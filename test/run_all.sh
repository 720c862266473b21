#!/bin/sh
# run_all.sh — the whole suite, as `make test` runs it:
#   the kernel cases on every built tier, the diagnostics, the unit tests and
#   the command line, first with the normal build and then under
#   AddressSanitizer + UndefinedBehaviorSanitizer, then the CPython oracle.
# Ends with one line "N passed, N failed"; exits 1 if anything failed.
cd "$(dirname "$0")/.." || exit 2
P=0; F=0; T0=$(date +%s)
# the suites run without the disk cache (their logs expect compiles); the cache
# has its own suites below, in a directory of their own
export KILN_CACHE=0
# LeakSanitizer's __tls_get_addr interceptor (compiler-rt up to LLVM 16, Debian 12's clang 14) takes a
# dynamic TLS block at offset 16 of a page for a pre-2.25 glibc block and reads the two words before
# it as an address and a length; on glibc 2.36 that is garbage, and its stop-the-world tracer then
# crashes at exit ("Tracer caught signal 11", "DTLS 4 at 0x111-0x1800001213" with log_threads=1),
# deterministically for a given allocation pattern (google/sanitizers#1322). It hit one case of the
# ASan OSR suite (14_views.py pass_views, tier 2 compiled on the calling thread, whose LLVM code uses
# dynamic TLS). The workaround upstream gives: no interception; leaks are still checked.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}intercept_tls_get_addr=0"
# The kernels' expected values are NumPy's (the oracle, build/pyenv), and np.linalg, np.cov, np.dot... call BLAS,
# whose kernels round differently from one OpenBLAS build and CPU to another: Debian's 0.3.21 and the wheel's
# agree on an AMD EPYC, not on an AVX-512 Xeon (9 cases of test/run differed in the last bits there). So every
# kiln the suites start calls the oracle's own OpenBLAS (KILN_BLAS=its path, found where `import numpy` mapped
# it), as kiln inside Python calls the one NumPy loaded. The suites of the command line as users run it and of
# the package (which find their library themselves) run without it: `unblas` below.
# OpenBLAS also picks its kernels by CPU, and they round differently too: the expected values are NumPy's with its
# Haswell kernels, which every CPU with AVX2 and FMA runs (test/oracle.py), so every OpenBLAS here runs those (the
# oracle's, kiln's through KILN_BLAS, Debian's for the command line). Without AVX2 and FMA each keeps its own.
if [ -z "${OPENBLAS_CORETYPE+x}" ] && grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo; then
    export OPENBLAS_CORETYPE=Haswell
    echo "BLAS kernels: OpenBLAS's Haswell ones (OPENBLAS_CORETYPE)"
fi
if [ -z "${KILN_BLAS+x}" ] && [ -x build/pyenv/bin/python ]; then
    KILN_BLAS=$(build/pyenv/bin/python -c "import numpy; print(next((l.split()[-1] for l in open('/proc/self/maps') if 'openblas' in l), ''))" 2>/dev/null)
    if [ -n "$KILN_BLAS" ]; then export KILN_BLAS; echo "BLAS: the oracle's, $KILN_BLAS"; else unset KILN_BLAS; fi
fi
unblas="env -u KILN_BLAS"
CACHE_DIR=$(mktemp -d /tmp/kiln-cache-XXXXXX)
PV_DIR=$(mktemp -d /tmp/kiln-prange-XXXXXX)
trap 'rm -rf "$CACHE_DIR" "$PV_DIR"' EXIT
# every suite runs under a time limit (SUITE_TIMEOUT seconds, killed 10 s after the TERM): a hung
# suite is a failure with its name, never a hung `make test`
suite() {
    name=$1; shift
    t0=$(date +%s)
    out=$(timeout -k 10 "${SUITE_TIMEOUT:-2400}" "$@" 2>&1)
    secs=$(($(date +%s) - t0))
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)
    p=$(printf '%s' "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
    f=$(printf '%s' "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
    if [ -z "$line" ]; then p=0; f=1; fi
    printf '%s\n' "$out" | grep -E '^(FAIL|  want|  got|  cpython|=+ERROR|SUMMARY)' | head -40
    printf '%-34s %s  [%d s]\n' "$name" "${line:-no result (crashed?)}" "$secs"
    P=$((P + p)); F=$((F + f))
}
for b in build build/asan; do
    [ -x $b/kiln ] || continue
    tag=$(basename $b)
    suite "$tag: kernels (interp)" $b/test/runner $b/kiln --tier interp test/run/*.py
    suite "$tag: kernels (baseline)" $b/test/runner $b/kiln --tier baseline test/run/*.py
    # small functions native, large ones interpreted: calls cross tiers both ways
    suite "$tag: kernels (mixed tiers)" env KILN_BASELINE_MAX_IR=25 $b/test/runner $b/kiln --tier baseline test/run/*.py
    if [ -f $b/libkiln-llvm.so ]; then
        suite "$tag: kernels (opt)" $b/test/runner $b/kiln --tier opt test/run/*.py
        # tier auto with every budget at its smallest and tier 2 compiled in the calling
        # thread: each call tiers up at entry and its first loop jumps into an OSR entry
        # (entered on the first visit of a loop header, or after two back edges)
        poll=1; [ $b = build ] && poll=3
        suite "$tag: kernels (auto, OSR)" env KILN_TIER2_BACKGROUND=0 KILN_TIER2_CALLS=1 KILN_TIER2_DELAY_US=0 KILN_TIER2_LOOPS=1 \
            KILN_OSR_POLL=$poll $b/test/runner $b/kiln --tier auto test/run/*.py
    fi
    # compile-time specialization: every kernel with each number/tuple argument static, and with every
    # array's shape static (constants in the IR every tier runs; tier 2's shapes from them too)
    tiers="interp baseline opt auto"; [ $b = build ] || tiers="interp opt"
    for t in $tiers; do
        [ $t = interp ] || [ $t = baseline ] || [ -f $b/libkiln-llvm.so ] || continue
        suite "$tag: kernels ($t, --static '*')" $b/test/runner $b/kiln --tier $t --flag '--static=*' test/run/*.py
        suite "$tag: kernels ($t, --static-shapes)" $b/test/runner $b/kiln --tier $t --flag --static-shapes test/run/*.py
    done
    # parallel=True: every `x = <array expression>` and `return <one>` split by rows across threads, however
    # small (parallel_min 0), against the same expect lines
    for t in $tiers; do
        [ $t = interp ] || [ $t = baseline ] || [ -f $b/libkiln-llvm.so ] || continue
        suite "$tag: kernels ($t, --parallel, every array statement split)" env KILN_PARALLEL_MIN=0 KILN_NUM_THREADS=3 \
            $b/test/runner $b/kiln --tier $t --flag --parallel test/run/*.py
    done
    suite "$tag: diagnostics" $b/test/runner $b/kiln --err test/err/*.py
    # the IR after each pass, exactly (test/ir/*.ir; test/ir_golden.py build/kiln --bless when a change is meant)
    suite "$tag: golden IR" python3 test/ir_golden.py $b/kiln
    for t in $b/test/*_test; do suite "$tag: $(basename $t)" $t; done
    # CUDA kernels launched on the CPU device, on every tier (the same output), and their PTX (no GPU needed)
    suite "$tag: CUDA kernels (CPU device, PTX)" python3 test/gpu_check.py $b/kiln test/gpu/*.py
    suite "$tag: command line" $unblas sh test/cli_test.sh $b/kiln
    suite "$tag: hardening" sh test/hardening_test.sh $b/kiln
done
# prange: the test/run kernels with every loop kiln accepts as parallel made one, on tier 2 with 1, 2, 3 and 8
# threads, the baseline and tier auto, bit for bit against the interpreter on one thread (docs/parallel.md)
[ -f build/libkiln-llvm.so ] && suite "parallel: kernels made prange (6 configurations)" \
    python3 test/prange_variants.py build/kiln build/test/runner "$PV_DIR" test/run/*.py
# folders are layers: no include points up (docs/architecture.md), no cycle among the folders
suite "layers: includes point down" python3 test/layers.py src
# the disk cache as a trust boundary: owners, modes, links, file types, signatures, kiln's own names
suite "cache: trust" bash test/cache_trust_test.sh build/kiln
# the build: the toolchain stamp, kiln --version, one deps list for demo and test
suite "build: toolchain and version" sh test/build_test.sh build/kiln
# the disk cache: every kernel through tier 2 into an empty cache, then again from it
# (no LLVM), then the ASan build on the same entries (the loader and the records under ASan)
if [ -f build/libkiln-llvm.so ]; then
    suite "cache: kernels (opt, cold)" env KILN_CACHE=1 KILN_CACHE_DIR=$CACHE_DIR build/test/runner build/kiln --tier opt test/run/*.py
    suite "cache: kernels (opt, warm)" env KILN_CACHE=1 KILN_CACHE_DIR=$CACHE_DIR build/test/runner build/kiln --tier opt test/run/*.py
    [ -x build/asan/kiln ] && suite "cache: kernels (asan, warm)" env KILN_CACHE=1 KILN_CACHE_DIR=$CACHE_DIR \
        build/asan/test/runner build/asan/kiln --tier opt test/run/*.py
fi
# the threaded tests under ThreadSanitizer: tier-up while many threads call
for t in build/tsan/test/tier_test build/tsan/test/api_test build/tsan/test/static_test build/tsan/test/parallel_test; do
    [ -x $t ] && suite "tsan: $(basename $t)" env TSAN_OPTIONS=halt_on_error=1 $t
done
if [ -x build/asan/test/mutate ]; then
    suite "asan: 600 mutated kernels" build/asan/test/mutate 1 600 test/run/*.py test/err/*.py examples/kernels.py
fi
# the oracle: NumPy 2 in build/pyenv (scripts/deps.sh test makes it; never whatever python3 is first on
# PATH: Debian 12's NumPy 1.24 promotes by other rules and would report false mismatches)
PY=build/pyenv/bin/python
if $PY -c 'import numpy, sys; sys.exit(int(numpy.__version__.split(".")[0]) < 2)' 2>/dev/null; then
    echo "oracle: $($PY -c 'import numpy, sys; print("NumPy", numpy.__version__, "on Python", sys.version.split()[0])') ($PY)"
else
    echo "oracle: $PY has no NumPy 2.x: run sh scripts/deps.sh test"; PY=""; F=$((F + 1))
fi
# random kernels (test/fuzz/gen.py): every tier and CPython must agree; GEN_TEST_COUNT (2,000)
# programs of seed 1 (fixed: CI stays reproducible; make fuzz-gen GEN_SEED=S GEN_COUNT=N explores),
# two at a time; a mismatch is minimized into test/fuzz/found/
if [ -n "$PY" ] && [ -f build/libkiln-llvm.so ]; then
    GC=${GEN_TEST_COUNT:-2000}
    suite "differential: $GC random kernels" $PY test/fuzz/gen.py --kiln build/kiln --seed 1 --count $GC --jobs 2 \
        --budget ${GEN_TEST_BUDGET:-1800}
fi
# the minimizer those mismatches go through, on a stand-in kiln with a planted bug
[ -n "$PY" ] && suite "differential: minimizer" $PY test/fuzz/minimize_test.py
# libFuzzer targets (test/fuzz/*_fuzz.c) for FUZZ_TEST_TIME seconds each from their seeds (and, for
# the parser, the kernels of test/run); the seeds include every input that once crashed a target
FT=${FUZZ_TEST_TIME:-20}
for t in cache front npy args; do
    [ -x build/fuzz/${t}_fuzz ] || continue
    FZ=$(mktemp -d /tmp/kiln-fuzz-XXXXXX); cp test/fuzz/corpus/$t/* "$FZ"/ 2>/dev/null
    if [ $t = front ]; then cp test/run/*.py "$FZ"/; fi
    D=""; [ -f test/fuzz/$t.dict ] && D="-dict=test/fuzz/$t.dict"
    suite "fuzz: $t ($FT s)" sh -c "build/fuzz/${t}_fuzz $D -max_total_time=$FT -max_len=65536 -timeout=10 -artifact_prefix=$FZ/ $FZ >$FZ.log 2>&1; rc=\$?; grep -E 'ERROR|runtime error|SUMMARY' $FZ.log | head -6 | sed 's/^/FAIL fuzz: /'; tail -2 $FZ.log; if [ \$rc = 0 ]; then echo '1 passed, 0 failed'; else tail -2 $FZ.log | sed 's/^/FAIL fuzz: /'; echo '0 passed, 1 failed'; fi"
    # a failure keeps its log and artifacts (crash-*, timeout-*, oom-*, leak-*) for the next engineer
    if [ -n "$(ls "$FZ" | grep -E '^(crash|timeout|oom|leak|slow-unit)-')" ] || grep -qE 'ERROR|ALARM|deadly signal|out-of-memory' "$FZ.log"; then
        mkdir -p build/fuzz-failures/$t && cp "$FZ.log" build/fuzz-failures/$t/ &&
            cp "$FZ"/crash-* "$FZ"/timeout-* "$FZ"/oom-* "$FZ"/leak-* "$FZ"/slow-unit-* build/fuzz-failures/$t/ 2>/dev/null
        echo "  (kept in build/fuzz-failures/$t)"
    fi
    rm -rf "$FZ" "$FZ.log"
done
# tier 2 built against LLVM 14 (typed pointers) still passes
if [ -f build/llvm14/libkiln-llvm.so ]; then
    suite "LLVM 14: kernels (opt)" env KILN_LLVM_LIB=build/llvm14/libkiln-llvm.so build/test/runner build/kiln --tier opt test/run/*.py
fi
# a kiln built without LLVM passes its suite and says clearly that tier 2 is missing
if [ -x build/nollvm/kiln ]; then
    suite "LLVM=0: kernels (baseline)" build/test/runner build/nollvm/kiln --tier baseline test/run/*.py
    suite "LLVM=0: --tier opt says why" sh -c 'out=$(build/nollvm/kiln run --tier opt test/run/06_functions.py fib 5 2>&1); rc=$?; echo "$out"; if [ $rc = 1 ] && echo "$out" | grep -q "not built into this kiln (built with LLVM=0)"; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi'
fi
if [ -n "$PY" ]; then
    suite "cpython oracle" $PY test/cpython_check.py test/run/*.py
    # the Python package: installed into the oracle's venv, every kernel through it (test/python)
    suite "python package (import kiln)" $unblas sh test/python/run.sh $PY
    # and against Debian's NumPy 1.24 at run time (the kernel suite needs the NumPy 2 oracle: not here)
    [ -x build/pyenv-deb/bin/python ] && suite "python package, Debian's NumPy" $unblas sh test/python/run.sh build/pyenv-deb/bin/python test/python/test_package.py
    # random operation sequences on lists, deques, dicts, sets, Counters and heaps, every tier against CPython
    suite "containers: random operation sequences" $PY test/fuzz/containers.py --kiln build/kiln --seed 1 --count 5
    # the same under ASan + UBSan (its first run found a memmove from an empty list's NULL items in rt_list_splice)
    [ -x build/asan/kiln ] && suite "containers: under ASan" $PY test/fuzz/containers.py --kiln build/asan/kiln --seed 6 \
        --count 2 --tiers interp,baseline,opt
    # reductions bit for bit against NumPy's order of operations, on the layouts where it differs
    suite "numpy reduction order" $PY test/reduce_order_check.py build/kiln
    # random whole-array expressions against NumPy bit for bit (test/fuzz/ewise_diff.py; more: make fuzz-ewise)
    [ -f build/libkiln-llvm.so ] && suite "numpy elementwise: 40 random expressions" $PY test/fuzz/ewise_diff.py --kiln build/kiln --seed 1 --count 40
    # the same over int8..int32 and float32 with Python ints in and out of range (NEP 50)
    [ -f build/libkiln-llvm.so ] && suite "numpy elementwise: 40 narrow-dtype expressions" $PY test/fuzz/ewise_diff.py --kiln build/kiln --narrow --seed 1 --count 40
fi
echo "suites: $(($(date +%s) - T0)) s (the builds before them not counted)"
echo "$P passed, $F failed"
[ "$F" = 0 ]
