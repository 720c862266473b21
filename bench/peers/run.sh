#!/bin/bash
# run.sh — kiln against its peers on the bench kernels, in one run (make
# bench-peers). Never part of make test; a peer that is not installed is
# skipped with a note.
#
# For every kernel and runner: is the answer the expected one, the first call
# in a process (compile + run), a fresh process from start to first result
# with an empty and with a warm disk cache (median of 3), the warm median, and
# kiln tier 2's warm median divided by the runner's (below 1: kiln is faster).
#   runners: kiln-base, kiln-opt (kiln bench), C (gcc -O3 -march=native,
#   compiled ahead of time), numba (@njit(cache=True) on the same file),
#   numpy / jax / torch (a vectorized form, where one exists; core op only)
# Usage: bench/peers/run.sh [KERNEL-FILE ...]   (default: all of them)
# Env: RUNS (timed calls, default 10), PY (python with the peers, default python3)
set -u
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-10}
PY=${PY:-python3}
OUT=build/bench/peers
mkdir -p "$OUT"
make -s build/kiln build/libkiln-llvm.so >/dev/null || exit 1
export KILN_LLVM_LIB=build/libkiln-llvm.so
gcc -O3 -march=native -ffp-contract=off -o "$OUT/suite" bench/suite/c/suite.c bench/c/ref.c -lm || exit 1

# file, C kernel name; FUNC, ARGS and the expected answer come from the
# file's "# suite: FUNC ARGS = EXPECT" line
KERNELS="bench/mandelbrot.py:grid bench/suite/fib.py:fib bench/suite/compute.py:compute
bench/suite/pisum.py:pisum bench/suite/quicksort.py:quicksort bench/suite/topk.py:topk
bench/suite/attention.py:attention"
[ $# -gt 0 ] && KERNELS=$(for f in "$@"; do echo "$KERNELS" | tr ' ' '\n' | grep "^$f:"; done)

now() { date +%s.%N; }
# median wall time of 3 runs of a command; its stdout (last run) in $OUT/last
proc3() {
    local t=() a b
    for i in 1 2 3; do
        [ -n "${FRESH:-}" ] && rm -rf "$OUT/cache"
        a=$(now); "$@" >"$OUT/last" 2>"$OUT/err" || { echo fail; return; }
        b=$(now); t+=("$(awk -v a="$a" -v b="$b" 'BEGIN { print b - a }')")
    done
    printf '%s\n' "${t[@]}" | sort -g | sed -n 2p
}
json() { grep -o "\"$1\": {[^}]*\"$2\": [0-9.e+-]*" "$3" | sed 's/.*: //' | head -1; }
fmt() { case "$1" in ''|-|fail|n/a*) printf '%s' "${1:-n/a}";; *) awk -v x="$1" 'BEGIN {
    if (x < 1e-3) printf "%.1f µs", x * 1e6; else if (x < 1) printf "%.2f ms", x * 1e3; else printf "%.2f s", x }';; esac; }
ratio() { case "$1$2" in *[!0-9.e+-]*|'') printf '%s' -;; *) awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }';; esac; }

row() { # runner ok first proc_empty proc_warm warm
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$(fmt "$3")" "$(fmt "$4")" "$(fmt "$5")" "$(fmt "$6")" "$(ratio "$KOPT" "$6")"
}
# yes; "≈" for a float within 1e-9 relative (a different summation order)
check() {
    [ "$1" = "$EXPECT" ] && { echo yes; return; }
    awk -v a="$1" -v b="$EXPECT" 'BEGIN { if (a ~ /^-?[0-9.e+-]+$/ && b ~ /^-?[0-9.e+-]+$/ && (a - b) ^ 2 <= 1e-18 * b ^ 2) print "≈ " a; else print "no: " a }'
}

echo "kiln peers, $(date -u +%F), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); RUNS=$RUNS"
for k in $KERNELS; do
    file=${k%%:*} cname=${k##*:}
    spec=$(grep -m1 '^# suite: ' "$file" | sed 's/^# suite: //')
    func=$(echo "${spec%% = *}" | awk '{print $1}') args=$(echo "${spec%% = *}" | cut -s -d' ' -f2-)
    EXPECT=${spec#* = }
    echo
    echo "### $func $args ($file); expect $EXPECT"
    echo
    echo "| runner | right answer | first call | process, empty cache | process, warm cache | warm median | kiln-opt / runner |"
    echo "|---|---|---|---|---|---|---|"
    KOPT=
    for tier in opt baseline; do
        ./build/kiln bench --json --no-process --tier $tier --runs "$RUNS" "$file" "$func" $args >"$OUT/k.json" 2>"$OUT/err" || { row "kiln-$tier" "error: $(head -1 "$OUT/err")" - - - -; continue; }
        res=$(grep -o '"result": "[^"]*"' "$OUT/k.json" | sed 's/"result": "//; s/"$//')
        warm=$(json warm median "$OUT/k.json")
        [ $tier = opt ] && KOPT=$warm
        # a fresh process with the disk cache emptied before each run, then (filled by one run) kept warm
        p=$(FRESH=1 proc3 env KILN_CACHE_DIR="$OUT/cache" ./build/kiln run --tier $tier "$file" "$func" $args)
        env KILN_CACHE_DIR="$OUT/cache" ./build/kiln run --tier $tier "$file" "$func" $args >/dev/null 2>&1
        w=$(proc3 env KILN_CACHE_DIR="$OUT/cache" ./build/kiln run --tier $tier "$file" "$func" $args)
        rm -rf "$OUT/cache"
        row "kiln-$tier" "$(check "$res")" "$(json first_call total "$OUT/k.json")" "$p" "$w" "$warm"
    done
    c=$("$OUT/suite" "$cname" "$RUNS" $args)
    p=$(proc3 "$OUT/suite" "$cname" 0 $args)
    row "C gcc -O3" "$(check "${c%%	*}")" "n/a (AOT)" "$p" "$p" "${c##*	}"
    for peer in numba numpy jax torch; do
        export NUMBA_CACHE_DIR=$OUT/cache JAX_PLATFORMS=cpu
        rm -rf "$OUT/cache"
        r=$($PY bench/peers/peers.py $peer "$file" "$func" "$RUNS" $args 2>"$OUT/err"); rc=$?
        case $rc in
            0) ;;
            3) continue ;;  # no vectorized form of this kernel
            4) echo "| $peer | skipped: not installed for $PY | | | | | |"; continue ;;
            *) echo "| $peer | error: $(tail -1 "$OUT/err") | | | | | |"; continue ;;
        esac
        rm -rf "$OUT/cache"
        pe=$(FRESH=1 proc3 $PY bench/peers/peers.py $peer "$file" "$func" 0 $args)
        if [ $peer = numba ]; then pw=$(proc3 $PY bench/peers/peers.py $peer "$file" "$func" 0 $args); else pw="n/a"; fi
        IFS='	' read -r res first warm <<<"$r"
        row "$peer" "$(check "$res")" "$first" "$pe" "$pw" "$warm"
    done
done
