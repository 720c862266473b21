#!/bin/sh
# hardening_test.sh KILN — inputs that used to crash or hang kiln (issue 18): long postfix chains
# and boolean/comparison chains are compile errors with a limit (no stack overflow, no quadratic
# compile), a function too big for LLVM stays on tier 1 (no crash in LLVM, also from tier auto),
# LLVM compiles on a stack of its own, RecursionError comes from the stack left on every tier,
# Ctrl-C stops `kiln run` with KeyboardInterrupt (exit 130). Ends "N passed, N failed".
K=${1:-build/kiln}
export KILN_CACHE=0
T=$(mktemp -d /tmp/kiln-hard-XXXXXX)
trap 'rm -rf "$T"' EXIT
P=0; F=0
# check WANT_RC WANT_TEXT CMD...: exit status and a substring of the output, under a time limit
check() {
    want_rc=$1; want=$2; shift 2
    out=$(timeout 120 "$@" 2>&1); rc=$?
    if [ "$rc" = "$want_rc" ] && printf '%s' "$out" | grep -qF -- "$want"; then P=$((P + 1))
    else F=$((F + 1)); echo "FAIL: $* -> rc $rc (want $want_rc), output: $(printf '%s' "$out" | cut -c1-300) (want '$want')"; fi
}
rep() { i=0; while [ $i -lt $2 ]; do printf '%s' "$1"; i=$((i + 1)); done; }
# ---- item 7: 10,000 trailers; 2,000 still compile on every tier ----
{ printf 'def f(x):\n    return x'; rep .T 10000; printf '\n'; } > "$T/t.py"
{ printf 'def f(x):\n    return x'; rep '[0]' 10000; printf '\n'; } > "$T/s.py"
{ printf 'def f(x):\n    return x'; rep .real 2000; printf '\n'; } > "$T/ok.py"
check 1 "expression too long (more than 2000 calls, subscripts or attributes in a row)" "$K" run "$T/t.py" f "[1.0]"
check 1 "expression too long (more than 2000 calls, subscripts or attributes in a row)" "$K" run "$T/s.py" f "[1.0]"
# (an ASan build's frames are several times larger: there the stack's floor may be reached first, a clear error)
deep="expression nested too deeply for the stack left"
for t in interp baseline opt; do
    case "$K" in *asan*) out=$("$K" run --tier $t "$T/ok.py" f 1.0 2>&1)
        case "$out" in 1.0|*"$deep"*) P=$((P + 1)) ;; *) F=$((F + 1)); echo "FAIL: asan 2000 trailers: $out" | cut -c1-300 ;; esac ;;
    *) check 0 "1.0" "$K" run --tier $t "$T/ok.py" f 1.0 ;; esac
done
# the compiler's recursion stops at the stack's floor: a 1 MiB stack gets a clear error, not a crash
check 1 "$deep" sh -c "ulimit -s 1024; $K run $T/ok.py f 1.0"
# ---- item 11: 100,000 operands of and/or/< : an error at once; 2,000 compile on every tier ----
{ printf 'def f(x):\n    return x'; rep ' and x' 100000; printf '\n'; } > "$T/and.py"
{ printf 'def f(x):\n    return x'; rep ' or x' 100000; printf '\n'; } > "$T/or.py"
{ printf 'def f(x):\n    return x'; rep ' < x' 100000; printf '\n'; } > "$T/lt.py"
check 1 "more than 2000 'and' operators in a row" "$K" run "$T/and.py" f 1
check 1 "more than 2000 'or' operators in a row" "$K" run "$T/or.py" f 1
check 1 "more than 2000 comparisons in a chain" "$K" run "$T/lt.py" f 1
{ printf 'def f(x):\n    return x'; rep ' and x' 1999; printf '\n'; } > "$T/and2.py"
{ printf 'def f(x):\n    return x'; rep ' <= x' 2000; printf '\n'; } > "$T/le2.py"
for t in interp baseline opt; do check 0 "3" "$K" run --tier $t "$T/and2.py" f 3; check 0 "True" "$K" run --tier $t "$T/le2.py" f 3; done
# ---- item 8: 2,000 loops in one function: past tier2_max_ir, tier 2 says why and tier 1 runs it ----
{ printf 'def f(n):\n    s = 0\n'; i=0; while [ $i -lt 2000 ]; do printf '    i = 0\n    while i < n:\n        s += i\n        i += 1\n'; i=$((i + 1)); done; printf '    return s\n'; } > "$T/big.py"
check 0 "more than tier2_max_ir" env KILN_LOG=tiers "$K" run --tier opt "$T/big.py" f 3
check 0 "6000" "$K" run --tier opt "$T/big.py" f 3
check 0 "stays in tier 1" env KILN_LOG=tiers KILN_TIER2_CALLS=1 KILN_TIER2_DELAY_US=0 KILN_TIER2_BACKGROUND=0 "$K" run --tier auto "$T/big.py" f 3
check 0 "6000" env KILN_TIER2_CALLS=1 KILN_TIER2_DELAY_US=0 KILN_TIER2_LOOPS=1 "$K" run --tier auto "$T/big.py" f 3
# LLVM runs on a stack of its own: 600 loops compile with LLVM under a 512 KiB main stack
{ printf 'def f(n):\n    s = 0\n'; i=0; while [ $i -lt 600 ]; do printf '    i = 0\n    while i < n:\n        s += i\n        i += 1\n'; i=$((i + 1)); done; printf '    return s\n'; } > "$T/mid.py"
check 0 "compiled by LLVM" sh -c "ulimit -s 512; KILN_LOG=tiers $K run --tier opt $T/mid.py f 3"
check 0 "1800" sh -c "ulimit -s 512; $K run --tier opt $T/mid.py f 3"
# ---- item 9: RecursionError from the stack left, with the frame limit raised out of the way ----
# (rec's call is not a tail call with one accumulating operation: tier 2 cannot turn it into a loop, which
# would use no stack; tail is such a one, and tier 2 counts its depth all the same)
cat > "$T/rec.py" <<'PY'
def rec(n):
    if n == 0:
        return 0
    return rec(n - 1) * 3 % 1000003 + 1

def tail(n):
    if n == 0:
        return 0
    return tail(n - 1) + 1
PY
for t in interp baseline opt; do
    check 1 "RecursionError: maximum recursion depth exceeded" env KILN_MAX_RECURSION=100000000 "$K" run --tier $t "$T/rec.py" rec 10000000
    check 0 "845538" "$K" run --tier $t "$T/rec.py" rec 999
    check 1 "RecursionError" sh -c "ulimit -s 256; KILN_MAX_RECURSION=100000000 $K run --tier $t $T/rec.py rec 100000"
    check 0 "999" "$K" run --tier $t "$T/rec.py" tail 999
    check 1 "RecursionError: maximum recursion depth exceeded" "$K" run --tier $t "$T/rec.py" tail 1000
done
# tier 2's loop for tail: the depth counted (above), no stack used
check 0 "10000000" env KILN_MAX_RECURSION=100000000 "$K" run --tier opt "$T/rec.py" tail 10000000
# ---- item 13: Ctrl-C: KeyboardInterrupt at the loop's line, exit status 130, on every tier ----
cat > "$T/spin.py" <<'PY'
def spin(n):
    s = 0
    i = 0
    while i < n:
        for j in range(100):
            s = (s + i + j) % 1000003
        i += 1
    return s
PY
for t in interp baseline opt auto; do
    check 130 "spin.py:" sh -c "$K run --tier $t $T/spin.py spin 100000000000 & p=\$!; sleep 0.5; kill -INT \$p; wait \$p"
done
# a long recursion without loops stops too (tier 2 checks every 16th level of a self-call)
cat > "$T/rfib.py" <<'PY'
def rfib(n):
    return n if n < 2 else rfib(n - 1) + rfib(n - 2)
PY
for t in interp baseline opt; do
    check 130 "KeyboardInterrupt" sh -c "$K run --tier $t $T/rfib.py rfib 60 & p=\$!; sleep 0.5; kill -INT \$p; wait \$p"
done
# ---- item 18: a UTF-8 byte-order mark is allowed at the start of a kernel file, as CPython allows it ----
printf '\357\273\277def f():\n    return 7\n' > "$T/bom.py"
for t in interp baseline opt; do check 0 "7" "$K" run --tier $t "$T/bom.py" f; done
echo "$P passed, $F failed"
[ $F = 0 ]
