#!/bin/sh
# cli_test.sh KILN — the command line: exit statuses, usage errors, malformed
# inputs, .npy in and out, keyword arguments, explain. Ends "N passed, N failed".
K=${1:-build/kiln}
export KILN_CACHE=0 # what most checks look at is compiles; the cache checks turn it on
T=$(mktemp -d /tmp/kiln-cli-XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
# check WANT_RC WANT_TEXT CMD...: exit status and a substring of stdout+stderr; a program that runs past 120 s
# fails with rc 124 (an AOT program that looped once held the whole suite until its 40-minute limit); the shell
# functions below (kc, kc_lib) run kiln, which has limits of its own
check() {
    want_rc=$1; want=$2; shift 2
    case $(command -v "$1") in
    /*) out=$(timeout -k 5 120 "$@" 2>&1); rc=$? ;;
    *) out=$("$@" 2>&1); rc=$? ;;
    esac
    if [ "$rc" = "$want_rc" ] && { [ -z "$want" ] || printf '%s' "$out" | grep -qF -- "$want"; }; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAIL: $* -> rc $rc (want $want_rc), output: $out (want '$want')"; fi
}
cat > "$T/k.py" <<'PY'
import numpy as np
def add(a, b=1.5, c=0):
    return a + b + c
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s = s * 10 + a[i, j]
    return s
def ramp(n):
    r = np.zeros(n, dtype=np.int32)
    for i in range(n):
        r[i] = i * i
    return r
def first(a):
    return a[0]
def last(a):
    return a[-1]
def shape(a):
    return a.shape
def fused(a, b, c):
    return np.exp(a) * b + np.sqrt(c)
def same(a):
    return a
def push(a, x):
    a.append(x)
    return a
def find(a, x):
    for i in range(len(a)):
        if a[i] == x:
            return i
def scale(a, b, k):
    for i in range(len(a)):
        b[i] = a[i] * k
def talk(n):
    print("n is", n, [n, n + 1], find([1.0, 2.0], n), sep="; ")
    return n * 2
def pick(a, mode):
    if mode == "sum":
        return a.sum()
    return a.max()
def dashes(words):
    return "-".join(words)
def shout(s, n):
    return s.upper() + "!" * n
def keys(n):
    t = 0
    for i in range(n):
        s = "k" + str(i)
        t += len(s)
    return t
PY
check 2 "usage: kiln" "$K"
check 0 "usage: kiln" "$K" --help
check 2 "unknown command 'frob'" "$K" frob
check 0 "usage: kiln run" "$K" run --help
check 0 "usage: kiln explain" "$K" explain --help
check 2 "expected FILE FUNC" "$K" run "$T/k.py"
check 2 "unknown option '--bogus'" "$K" run --bogus "$T/k.py" add 1
check 2 "unknown tier 'fast'" "$K" run --tier fast "$T/k.py" add 1
if [ -f "$(dirname "$K")/libkiln-llvm.so" ]; then
    check 0 "2.5" "$K" run --tier opt "$T/k.py" add 1
    check 0 "[0, 1, 4, 9]" "$K" run --tier opt -O3 --fastmath "$T/k.py" ramp 4
    check 1 "not available" env KILN_LLVM_LIB=/nonexistent/libkiln-llvm.so "$K" run --tier opt "$T/k.py" add 1
    # --fastmath: exp over an array through libmvec's vector exp (4 ulp); each element against libm's
    cat > "$T/fm.py" <<'PY'
import math
import numpy as np
def vexp(n):
    a = np.linspace(-700.0, 700.0, n)
    e = np.exp(a) * 2.0
    s = np.sin(a / 7.0) + 2.0
    worst = 0.0
    for i in range(n):
        worst = max(worst, abs(e[i] - math.exp(a[i]) * 2.0) / (math.exp(a[i]) * 2.0))
        worst = max(worst, abs(s[i] - (math.sin(a[i] / 7.0) + 2.0)))
    return worst < 2e-15
def fsum(n):
    a = np.linspace(-1.0, 3.0, n)
    b = np.cos(a)
    s = 0.0
    for i in range(n):
        s += a[i] * b[i]
    return abs(np.sum(a * b) - s) <= 1e-12 * abs(s), (a * 0.5 + 1.0).prod() > 0
PY
    check 0 "True" "$K" run --tier opt --fastmath "$T/fm.py" vexp 100003
    check 0 "True" "$K" run --tier opt "$T/fm.py" vexp 100003
    if grep -q avx2 /proc/cpuinfo && [ -e /lib/x86_64-linux-gnu/libmvec.so.1 ]; then
        check 0 "" sh -c "$K explain --llvm --fastmath $T/fm.py vexp 9 | grep -E 'x double> @_ZGV[de]N[48]v_exp\\(<[48] x double> %'"
        check 0 "" sh -c "$K explain --llvm --fastmath $T/fm.py vexp 9 | grep -E 'x double> @_ZGV[de]N[48]v_sin\\(<[48] x double> %'"
    fi
    check 1 "" sh -c "$K explain --llvm $T/fm.py vexp 9 | grep _ZGV"
    # --fastmath fuses float sums and products with their producer (any order goes); without it they keep NumPy's order
    check 0 "(True, True)" "$K" run --tier opt --fastmath "$T/fm.py" fsum 100003
    check 0 "(True, True)" "$K" run --tier interp --fastmath "$T/fm.py" fsum 1003
    check 0 "a reduction fused with the elementwise expression feeding it" "$K" explain --fastmath "$T/fm.py" fsum 9
    check 1 "" sh -c "$K explain $T/fm.py fsum 9 | grep 'a reduction fused'"
else
    check 1 "not built into this kiln" "$K" run --tier opt "$T/k.py" add 1
fi
check 0 "2.5" "$K" run --tier baseline "$T/k.py" add 1
check 0 "2.5" "$K" run --tier interp "$T/k.py" add 1
check 0 "x86-64 code for ramp" "$K" explain --asm "$T/k.py" ramp 3
if [ -f "$(dirname "$K")/libkiln-llvm.so" ]; then check 0 "after the pass pipeline" "$K" explain --llvm "$T/k.py" ramp 3; fi
check 0 "ret" "$K" explain --asm "$T/k.py" ramp 3
# a small scalar kernel's call is inlined (opt/inline.c) and explain says so; one with a loop stays a call
cat > "$T/inl.py" <<'PY'
def sq(x):
    return 0.0 if x < 0.0 else x * x
def looped(x):
    s = 0.0
    for i in range(3):
        s += x
    return s
def both(x):
    return sq(x) + looped(x)
PY
check 0 "line 9: sq() (5 instructions)" "$K" explain --tier baseline "$T/inl.py" both 2.0
check 1 "" sh -c "$K explain --tier baseline $T/inl.py both 2.0 | grep 'looped()'"
# a small recursion runs two levels a call (opt/recurse.c): explain lists each call replaced by the body; a kernel
# with a loop keeps its calls
cat > "$T/rec.py" <<'PY'
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def loopy(n):
    s = 0
    for i in range(2):
        s += i
    return s if n < 2 else loopy(n - 1) + loopy(n - 2)
PY
check 0 "line 4: fib() three levels a call" "$K" explain "$T/rec.py" fib 10
check 0 "[3 levels deeper]" sh -c "$K explain --ir=after:recurse $T/rec.py fib 10 | grep CALL"
check 1 "" sh -c "$K explain $T/rec.py loopy 10 | grep 'levels a call'"
check 0 "832040" "$K" run --tier baseline "$T/rec.py" fib 30
# an array each iteration makes and drops is let go at its end (opt/arrfree.c): 600 iterations of 8 MB temporaries
# (4.8 GB if each stayed until the call returned) under a 2 GB address-space limit, on every tier; explain says so
cat > "$T/churn.py" <<'PY'
import numpy as np
def churn(n):
    a = np.ones(1000000)
    t = 0.0
    for i in range(n):
        c = a * i
        t += c[i]
    return t
def kept(n):
    a = np.ones(1000000)
    xs = []
    for i in range(n):
        xs.append(a * i)
    return len(xs)
def scaled(a, i):
    return a * i
def churn_calls(n):
    a = np.ones(1000000)
    t = 0.0
    for i in range(n):
        t += scaled(a, i)[i]
    return t
PY
# (a sanitizer build reserves terabytes of shadow memory at start: it cannot run under the limit at all)
if sh -c "ulimit -v 2000000; $K run --tier interp $T/churn.py churn 1" >/dev/null 2>&1; then
    for t in interp baseline opt auto; do
        check 0 "179700.0" sh -c "ulimit -v 2000000; $K run --tier $t $T/churn.py churn 600"
        check 0 "179700.0" sh -c "ulimit -v 2000000; $K run --tier $t $T/churn.py churn_calls 600"
    done
    check 1 "MemoryError" sh -c "ulimit -v 2000000; $K run --tier interp $T/churn.py kept 600"
else
    echo "note: $K cannot start under a 2 GB address-space limit (a sanitizer build): the memory-limit checks skipped"
fi
check 0 "line 21: the scaled() result made there, by each iteration of the loop at line 20" "$K" explain "$T/churn.py" churn_calls 3
check 0 "line 6: the new array made there, by each iteration of the loop at line 5" "$K" explain "$T/churn.py" churn 3
check 1 "" sh -c "$K explain $T/churn.py kept 3 | grep 'let go'"
# new arrays nothing keeps past the call (tier 2 keeps those of a constant shape of at most 1 KiB in its frame)
check 0 "line 6: the new array does not outlive the call" "$K" explain "$T/churn.py" churn 3
check 1 "" sh -c "$K explain $T/churn.py kept 3 | grep 'line 14: the new array does not outlive'"
check 0 "10.0" "$K" run --tier interp "$T/inl.py" both 2.0
KILN_LOG=tiers check 0 "compiled to" sh -c "KILN_LOG=tiers $K run $T/k.py add 1"
# a function the baseline declines runs in the interpreter with the same answer, and says why
check 0 "stays in the interpreter: baseline bailed out" sh -c "KILN_LOG=tiers KILN_BASELINE_MAX_IR=3 $K run $T/k.py ramp 4"
check 0 "[0, 1, 4, 9]" sh -c "KILN_BASELINE_MAX_IR=3 $K run $T/k.py ramp 4"
check 0 "no x86-64 code for ramp" sh -c "KILN_BASELINE_MAX_IR=3 $K explain --asm $T/k.py ramp 4"
check 1 "cannot open" "$K" run "$T/missing.py" add 1
check 1 "has no function 'nope'" "$K" run "$T/k.py" nope 1
check 1 "add() takes 3 arguments but 4 were given" "$K" run "$T/k.py" add 1 2 3 4
check 1 "missing 1 required positional argument: 'a'" "$K" run "$T/k.py" add
check 1 "cannot read argument '1.2.3'" "$K" run "$T/k.py" add 1.2.3
check 1 "cannot read argument '(1, '" "$K" run "$T/k.py" add "(1, "
check 1 "ragged nested list" "$K" run "$T/k.py" total "[[1, 2], [3]]"
# lists and numbers at different depths (found by args_fuzz: [[], 4] overflowed its buffer); empty lists keep their depth
for a in "[[], 4]" "[4, []]" "[[1], [[2]]]" "[[[2]], [1]]" "[[], [1]]"; do check 1 "ragged nested list" "$K" run "$T/k.py" shape "$a"; done
check 0 "(2, 0)" "$K" run "$T/k.py" shape "[[], []]"
check 0 "(1, 1, 0)" "$K" run "$T/k.py" shape "[[[]]]"
# complex literals add their parts as Python does: -0.0-0.0j is (-0+0j), -0.0+0.0j is 0j, -3.5j is (-0-3.5j)
check 0 "[(-0+0j), 0j, (1+0j), (-0-3.5j), (2-1j)]" "$K" run "$T/k.py" same "[-0.0-0.0j, -0.0+0.0j, (1-0j), -3.5j, 2-1j]"
check 0 "(0,)" "$K" run "$T/k.py" shape "[]"
# a loop's strings are let go after their last read (opt/strfree.c): the call does not keep one per iteration
check 0 "LIB.str.free %" "$K" explain "$T/k.py" keys 3
check 0 "26" "$K" run "$T/k.py" keys 12
check 1 "unterminated string" "$K" run "$T/k.py" add "float('1.5"
# kiln explain shows each array expression's fusion
check 0 "line 22:12: 4 elementwise operations over 3 arrays fused into one loop nest of rank 1" "$K" explain "$T/k.py" fused "[1.0]" "[2.0]" "[3.0]"
# nesting bounds (found by args_fuzz and front_fuzz: unbounded recursion overflowed the stack)
deep=$(printf '%.0s(' $(seq 40))1$(printf '%.0s,)' $(seq 40))
check 1 "tuples nested too deeply" "$K" run "$T/k.py" add "$deep"
sig=$(printf '%.0s(' $(seq 40))int$(printf '%.0s,)' $(seq 40))
KILN_CACHE=1 KILN_CACHE_DIR="$T/c" check 2 "tuples nested too deeply" "$K" warm "$T/k.py" --sig "add($sig)"
{ printf 'def f(x):\n    return '; printf '%.0s(' $(seq 300); printf 'x'; printf '%.0s)' $(seq 300); printf '\n'; } > "$T/deep.py"
check 1 "too many nested parentheses, operators or blocks (more than 200)" "$K" run "$T/deep.py" f 1
{ printf 'def f(x):\n    return '; printf '%.0s-' $(seq 300); printf 'x\n'; } > "$T/deep.py"
check 1 "too many nested parentheses" "$K" run "$T/deep.py" f 1
{ printf 'def f(x):\n    return x'; printf '%.0s+x' $(seq 2500); printf '\n'; } > "$T/deep.py"
check 1 "expression too long (more than 2000 binary operators in a row)" "$K" run "$T/deep.py" f 1
{ printf 'def f(x):\n    return '; printf '%.0s(' $(seq 150); printf 'x'; printf '%.0s)' $(seq 150); printf ' + x'; printf '%.0s+x' $(seq 1500); printf '\n'; } > "$T/deep.py"
for t in interp baseline opt; do check 0 "1502" "$K" run --tier $t "$T/deep.py" f 1; done
check 0 "3.0" "$K" run "$T/k.py" add "float('1.5')"
check 1 "does not fit in int64" "$K" run "$T/k.py" add 99999999999999999999
check 1 "out of range for int8" "$K" run "$T/k.py" add "np.int8(300)"
check 1 "unexpected keyword argument 'z'" "$K" run "$T/k.py" add 1 z=2
check 1 "multiple values for argument 'a'" "$K" run "$T/k.py" add 1 a=2
check 0 "3.5" "$K" run "$T/k.py" add 2
check 0 "12.5" "$K" run "$T/k.py" add 1 c=10
check 0 "(3+1.5j)" "$K" run "$T/k.py" add "(1+0.5j)" 2 c=1j
check 0 "3.0" "$K" run "$T/k.py" add "np.float32(1)" 2
# NumPy's bool scalars add as NumPy bools (or), not as Python's (ints); NumPy's dtype aliases
check 0 "True" "$K" run "$T/k.py" add np.True_ np.True_ np.False_
check 0 "2" "$K" run "$T/k.py" add True True False
check 0 "False" "$K" run "$T/k.py" add np.False_ np.False_ np.False_
check 0 "7" "$K" run "$T/k.py" add "np.intp(3)" "np.int_(4)"
check 0 "[2, 3]" "$K" run "$T/k.py" add "np.array([1, 2], dtype=np.uintp)" 1
check 0 "4.0" "$K" run "$T/k.py" add "np.double(1.5)" "np.single(2.5)"
check 1 "unknown dtype" "$K" run "$T/k.py" add np.True_x
# arguments after the call: --print-args, --out-arg N=PATH.npy, and @=N for one array passed twice
check 0 "b = [3.0, 6.0]" "$K" run "$T/k.py" scale "[1.0, 2.0]" "@=1" 3.0 --print-args
check 0 "a = [3.0, 6.0]" "$K" run "$T/k.py" scale "[1.0, 2.0]" "@=1" 3.0 --print-args
check 0 "" "$K" run "$T/k.py" scale "[1.0, 2.0]" "[0.0, 0.0]" 2.0 --out-arg "2=$T/b.npy"
check 0 "[2.0, 4.0]" "$K" run "$T/k.py" same "@$T/b.npy"
check 0 "a = [1, 2, 3]" "$K" run "$T/k.py" push "[1, 2]" 3 --print-args
check 1 "names an earlier argument" "$K" run "$T/k.py" scale "[1.0]" "@=2" 1.0
check 1 "a list cannot be passed twice" "$K" run "$T/k.py" push "[1, 2]" "@=1"
check 1 "argument 3 is not an array" "$K" run "$T/k.py" scale "[1.0]" "[1.0]" 1.0 --out-arg "3=$T/x.npy"
check 1 "the call has 3 arguments" "$K" run "$T/k.py" scale "[1.0]" "[1.0]" 1.0 --out-arg "4=$T/x.npy"
check 1 "--out-arg takes N=PATH.npy" "$K" run "$T/k.py" scale "[1.0]" "[1.0]" 1.0 --out-arg x
check 2 "unknown option '--print-args'" "$K" bench "$T/k.py" same 1 --print-args
# arrays inside list and tuple arguments: @PATH.npy items (each one the file's array read again: @ twice is two arrays)
cat > "$T/la.py" <<'PY'
def first_sums(arrs, k):
    s = 0.0
    for a in arrs:
        s += a[0]
    arrs[0][0] = 9.0
    return s, len(arrs) + k
def pair(t):
    a, k = t
    return a[0] * k
PY
check 0 "(4.0, 4)" "$K" run "$T/la.py" first_sums "list([@$T/b.npy, @$T/b.npy])" 2
check 0 "arrs = [[9.0, 4.0], [2.0, 4.0]]" "$K" run "$T/la.py" first_sums "list([@$T/b.npy, @$T/b.npy])" 2 --print-args
check 0 "6.0" "$K" run "$T/la.py" pair "(@$T/b.npy, 3)"
check 1 "expected a .npy file's path after '@'" "$K" run "$T/la.py" pair "(@, 3)"
# static arguments and shapes (docs/specialization.md): the value a constant, the key shows it, errors name the option
check 0 "[0, 1, 4, 9]" "$K" run --static n "$T/k.py" ramp 4
check 0 "[0, 1, 4]" "$K" run --static=n --tier opt "$T/k.py" ramp 3
check 0 "static n: 3" "$K" explain --static n "$T/k.py" ramp 3
check 0 "static a: shape (2,)" "$K" explain --static-shapes "$T/k.py" scale "[1.0, 2.0]" "[0.0, 0.0]" 2.0
check 0 "static b: shape (2,)" "$K" explain --static-shapes=b "$T/k.py" scale "[1.0, 2.0]" "[0.0, 0.0]" 2.0
check 0 "static k: 2.0" "$K" explain --static '*' "$T/k.py" scale "[1.0, 2.0]" "[0.0, 0.0]" 2.0
# a loop of constant trips over two array arguments: tier 2's body takes them apart (scoped noalias) behind a check
# of their bytes at entry, with a copy for arguments that overlap (back/llvm/noalias.c); not with lengths read at run time
if [ -f "$(dirname "$K")/libkiln-llvm.so" ]; then
    check 0 "" sh -c "$K explain --llvm --static-shapes $T/k.py scale '[1.0, 2.0]' '[0.0, 0.0]' 2.0 | grep -E 'define internal i32 @kiln_scale.overlapping'"
    check 0 "" sh -c "$K explain --llvm --static-shapes $T/k.py scale '[1.0, 2.0]' '[0.0, 0.0]' 2.0 | grep -E 'store double .*!noalias'"
    check 1 "" sh -c "$K explain --llvm $T/k.py scale '[1.0, 2.0]' '[0.0, 0.0]' 2.0 | grep -E 'overlapping|noalias !'"
    # a vectorized loop of constant trips runs its elements as one trip of vectors (64 float32: 4 of 64 bytes with
    # AVX-512, 8 of 32 bytes without); 62 trips divide into no vectors evenly: LLVM's own choice
    cat > "$T/ic.py" <<'PY'
import numpy as np
def ic(n, m):
    a = np.zeros(64, dtype=np.float32)
    for i in range(m):
        a[i] = i * n
    return a.sum()
PY
    check 0 "8064.0" "$K" run --tier opt --static m "$T/ic.py" ic 4.0 64
    check 0 "" sh -c "$K explain --llvm --static m $T/ic.py ic 4.0 64 | grep -E '!\"llvm.loop.interleave.count\", i32 [48]}'"
    check 1 "" sh -c "$K explain --llvm --static m $T/ic.py ic 4.0 62 | grep interleave"
    check 0 "7564.0" "$K" run --tier opt --static m "$T/ic.py" ic 4.0 62
    if grep -q avx512f /proc/cpuinfo; then # 62 float32 make no whole number of 64-byte vectors: the last one masked
        check 0 "" sh -c "$K explain --llvm --static m $T/ic.py ic 4.0 62 | grep -F 'llvm.loop.vectorize.predicate.enable'"
    fi
    check 1 "" sh -c "$K explain --llvm --static m $T/ic.py ic 4.0 64 | grep predicate"
    check 1 "" sh -c "$K explain --llvm $T/ic.py ic 4.0 64 | grep interleave"
fi
check 0 "static a: shape (2,)" env KILN_STATIC_SHAPES=1 "$K" explain "$T/k.py" scale "[1.0, 2.0]" "[0.0, 0.0]" 2.0
check 0 "static mode: 'sum'" "$K" explain --static mode "$T/k.py" pick "[1.0, 2.0]" "'sum'"
check 0 "2.0" "$K" run --static mode "$T/k.py" pick "[1.0, 2.0]" "'max'"
check 1 "must be a number, a bool, None, a string (of at most 128 bytes" "$K" run --static mode "$T/k.py" pick "[1.0]" "[1.0]"
# strings as arguments and results: quoted literals with Python's escapes, the result's repr
check 0 "'HÉ\\n!!'" "$K" run "$T/k.py" shout "'h\\u00c9\\n'" 2
check 0 "('é', 'é')" "$K" run "$T/k.py" same "('é', \"\\xe9\")"
check 1 "unterminated string" "$K" run "$T/k.py" shout "'abc" 1
check 1 "truncated \\x, \\u or \\U escape" "$K" run "$T/k.py" shout "'\\x4'" 1
check 1 "unknown escape in a string" "$K" run "$T/k.py" shout "'\\q'" 1
check 1 "a string that is not valid UTF-8" "$K" run "$T/k.py" shout "$(printf "'a\\377'")" 1
# a [...] of strings is a list (kiln has no string arrays): ",".join of it; np.array of strings is refused
check 0 "'a-b-c'" "$K" run "$T/k.py" dashes "['a', 'b', 'c']"
check 1 "np.array() of strings is not supported (kiln has no string arrays)" "$K" run "$T/k.py" dashes "np.array(['a'])"

check 1 "--static: ramp() has no parameter 'q'" "$K" run --static q "$T/k.py" ramp 3
check 1 "--static-shapes: scale() has no parameter 'q'" "$K" run --static-shapes=q "$T/k.py" scale "[1.0]" "[1.0]" 1.0
check 1 "--static: an empty parameter name in 'a,,b'" "$K" run --static a,,b "$T/k.py" scale "[1.0]" "[1.0]" 1.0
check 1 "argument 'a' of scale() is static: its value must be a number, a bool, None, a string (of at most 128 bytes, no NUL) or a tuple of them, not an array" \
    "$K" run --static a "$T/k.py" scale "[1.0]" "[1.0]" 1.0
check 1 "--static needs parameter names" "$K" run --static= "$T/k.py" ramp 3
check 0 "static values and shapes" "$K" bench --help
# print() writes to stdout before the result; an Optional prints as None or its value
check 0 "n is; 2.0; [2.0, 3.0]; 1
4.0" "$K" run "$T/k.py" talk 2.0
check 0 "n is; 5.0; [5.0, 6.0]; None" "$K" run "$T/k.py" talk 5.0
# lists: [...] is a list for a parameter the kernel calls list methods on, list([...]) always, else an array
check 0 "[1, 2, 3]" "$K" run "$T/k.py" push "[1, 2]" 3
check 0 "[[1], [2]]" "$K" run "$T/k.py" push "[[1]]" "list([2])"
# sets: {a, b}, set() and set([...]); a set the kernel changed comes back (--print-args)
cat > "$T/st.py" <<'PY'
def add_all(s, xs):
    for x in xs:
        s.add(x)
    return len(s)
def member(s, k):
    return k in s, s
PY
check 0 "s = {1, 2, 3, 4, 9}" "$K" run --print-args "$T/st.py" add_all "{1, 2, 3}" "list([4, 9])"
check 0 "(True, {(1, 2.5), (3, 4.5)})" "$K" run "$T/st.py" member "{(1, 2.5), (3, 4.5)}" "(3, 4.5)"
check 0 "(False, set())" "$K" run "$T/st.py" member "set()" 1
check 0 "(True, {1, 2})" "$K" run "$T/st.py" member "set([1, 2])" 2
# dicts: {k: v, ...} and {} (a dict, as in Python); a dict the kernel changed comes back
cat > "$T/dc.py" <<'PY'
def count(d, xs):
    for x in xs:
        d[x] = d.get(x, 0) + 1
    return len(d)
def lookup(d, k):
    return d[k], k in d
PY
check 0 "d = {1: 6, 2: 0, 3: 2}" "$K" run --print-args "$T/dc.py" count "{1: 5, 2: 0}" "list([1, 3, 3])"
check 0 "d = {2.5: 2}" "$K" run --print-args "$T/dc.py" count "{}" "list([2.5, 2.5])"
check 0 "(1.5, True)" "$K" run "$T/dc.py" lookup "{(1, 2): 0.5, (3, 4): 1.5}" "(3, 4)"
check 1 "KeyError: 5" "$K" run "$T/dc.py" lookup "{1: 2}" 5
check 1 "expected ':' after a dict's key" "$K" run "$T/dc.py" lookup "{1: 2, 3}" 1
check 1 "a dict whose keys or values have different types" "$K" run "$T/dc.py" lookup "{1: 2, 2: 2.5}" 1
# an empty list or set passed in is typed by what the kernel puts in it, and comes back with it
check 0 "a = [3]" "$K" run --print-args "$T/k.py" push "list([])" 3
check 0 "s = {(1, 2.5)}" "$K" run --print-args "$T/st.py" add_all "set()" "list([(1, 2.5)])"
check 1 "a set whose key 1 is not a number or a tuple of numbers" "$K" run "$T/st.py" member "{1, [2]}" 2
check 1 "a set whose keys have different types" "$K" run "$T/st.py" member "{1, 2.5}" 2
check 1 "expected ',' or '}'" "$K" run "$T/st.py" member "{1, 2" 2
check 0 "[1.5, 2.0]" "$K" run "$T/k.py" same "list([1.5, 2.0])"
check 0 "[[1], []]" "$K" run "$T/k.py" same "list([[1], []])"
check 1 "a list whose items have different types" "$K" run "$T/k.py" same "list([1, 2.5])"
check 1 "list() takes a [...] literal here" "$K" run "$T/k.py" same "list(3)"
check 1 "expected ',' or ']'" "$K" run "$T/k.py" push "[1, 2" 3
check 1 "cannot hold a value of type float" "$K" run "$T/k.py" push "[1, 2]" 0.5
# rows written as tuples, as np.array reads them; a parenthesized number stays a number
check 0 "[[1.0, 2.0], [3.0, 4.0]]" "$K" run "$T/k.py" same "[(1.0, 2.0), (3.0, 4.0,)]"
check 0 "[[[1, 2], [3, 4]]]" "$K" run "$T/k.py" same "[((1, 2), [3, 4])]"
check 0 "[(1+2j), (3+0j)]" "$K" run "$T/k.py" same "[(1+2j), 3]"
check 0 "[[1.0, 2.0]]" "$K" run "$T/k.py" same "np.array([(1, 2)], dtype=np.float64)"
check 1 "ragged nested list" "$K" run "$T/k.py" same "[(1, 2), (3,)]"
check 1 "expected ',' or ')'" "$K" run "$T/k.py" same "[(1, 2]"
check 0 "1234.0" "$K" run "$T/k.py" total "np.asfortranarray([[1.0, 2.0], [3.0, 4.0]])"
check 0 "[]" "$K" run "$T/k.py" ramp 0
check 1 "expected ')'" "$K" run "$T/k.py" total "np.asfortranarray([[1.0]]"
check 0 "[0, 1, 4, 9]" "$K" run "$T/k.py" ramp 4
check 0 "" "$K" run "$T/k.py" ramp 5 --out "$T/r.npy"
check 0 "16" "$K" run "$T/k.py" last "@$T/r.npy"
check 0 "warning: the result is not an array: printed here, $T/x.npy not written" "$K" run "$T/k.py" add 1 --out "$T/x.npy"
check 0 "2.5" "$K" run "$T/k.py" add 1 --out "$T/x.npy"
check 0 "" test ! -e "$T/x.npy"
check 1 "not a valid .npy file" "$K" run "$T/k.py" first "@$T/k.py"
check 1 "cannot open" "$K" run "$T/k.py" first "@$T/none.npy"
# a Fortran-order array arrives as a strided view and reads the same values
hdr="{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }"
len=$(( ${#hdr} + 1 ))
printf "\223NUMPY\001\000\\$(printf %o $len)\000%s\n" "$hdr" > "$T/f.npy"
printf '\000\000\000\000\000\000\360\077\000\000\000\000\000\000\010\100\000\000\000\000\000\000\000\100\000\000\000\000\000\000\020\100' >> "$T/f.npy"
check 0 "1234.0" "$K" run "$T/k.py" total "@$T/f.npy"
check 0 "--- after dce ---" "$K" explain "$T/k.py" add 1 2
check 0 "a                int" "$K" explain "$T/k.py" add 1 2
check 0 "--- after fold ---" "$K" explain --ir=after:fold "$T/k.py" add 1
check 0 "nowrap nocheck" "$K" explain --ir=after:bce "$T/k.py" total "[[1.0, 2.0]]"
check 0 "BLT_I" "$K" explain --tier interp "$T/k.py" ramp 3
check 1 "has no function" "$K" explain "$T/k.py" nope
printf 'def f(x):\n    return x +\n' > "$T/bad.py"
check 1 "bad.py:2:15: error: invalid syntax" "$K" run "$T/bad.py" f 1
printf 'def f(x):\n    return 1 // x\n' > "$T/zd.py"
check 1 "zd.py:2: ZeroDivisionError: integer division or modulo by zero" "$K" run "$T/zd.py" f 0
KILN_LOG=recompiles check 0 "argument 'a' changed from" sh -c "printf 'def g(a):\n    return a\ndef f(x):\n    return g(x) + g(1.5)\n' > $T/rc.py && KILN_LOG=recompiles $K run $T/rc.py f 1"
# kiln bench: text and JSON, the plot, usage errors
check 0 "warm (3 calls after 1 warm-up)" "$K" bench "$T/k.py" ramp 50 --runs 3 --warmup 1 --no-process
check 0 '"warm": {"n": 3' "$K" bench "$T/k.py" ramp 50 --runs 3 --json --no-process
check 0 '"first_call": {"total"' "$K" bench "$T/k.py" ramp 50 --runs 3 --json --no-process
check 0 '"cold_process": {"n": 5' "$K" bench "$T/k.py" add 1 --runs 3 --json
check 0 '"dispatch_ns"' "$K" bench "$T/k.py" add 1 --runs 3 --json --no-process
check 0 '39601]", "result_cut": false' "$K" bench "$T/k.py" ramp 200 --runs 3 --json --no-process
check 0 "GB/s" "$K" bench "$T/k.py" ramp 1000 --runs 3 --bytes 4000 --no-process
check 0 "</svg>" sh -c "$K bench $T/k.py ramp 10 --runs 5 --no-process --plot $T/p.svg > /dev/null && cat $T/p.svg"
check 0 "usage: kiln bench" "$K" bench --help
check 1 "has no function" "$K" bench "$T/k.py" nope --runs 3
check 2 "unknown option '--frob'" "$K" bench "$T/k.py" add 1 --frob

# the benchmark kernels (bench/, bench/suite/) on small inputs, every tier
# built here: CPython's answers (see each file's "# suite:" line for the full size)
tiers="interp baseline"
"$K" run --tier opt "$T/k.py" add 1 >/dev/null 2>&1 && tiers="$tiers opt"
for t in $tiers; do
    check 0 "18934" "$K" run --tier $t bench/mandelbrot.py grid 50 50 30
    check 0 "610" "$K" run --tier $t bench/suite/fib.py fib 15
    check 0 "1000.9993328334995" "$K" run --tier $t bench/suite/compute.py compute_many 1000
    check 0 "1.6448340718480652" "$K" run --tier $t bench/suite/pisum.py pisum
    check 0 "(1, 2996.312376133632)" "$K" run --tier $t bench/suite/quicksort.py sort_check 2000
    check 0 "(9.981266975402832, 0.99993896484375, 0.9959904551506042)" "$K" run --tier $t bench/suite/topk.py top10 5000
    check 0 "-2.095935344696045" "$K" run --tier $t bench/suite/attention.py run 1 2 16 8
done

# a callee is compiled once even when its caller's inference restarts (run's
# accumulator turns float32 on the first round)
check 0 "count=1;" sh -c "KILN_LOG=compiles $K run bench/suite/attention.py run 1 1 4 4 2>&1 | grep -c 'compiled fill4(' | sed 's/.*/count=&;/'"
# a small matmul nest of constant sizes, rows shorter than a vector: tier 2's register tile (back/llvm/tile.c), behind
# the check that c is apart from a and b; an 8 x 8 float32 one is left to LLVM's loops
if [ -f "$(dirname "$K")/libkiln-llvm.so" ]; then
    check 0 "tile.check:" "$K" explain --llvm test/run/90_matmul_tiles.py f32_4x4 7
    check 0 "count=0;" sh -c "$K explain --llvm test/run/90_matmul_tiles.py more_work 9 2>&1 | grep -c '^tile' | sed 's/.*/count=&;/'"
fi
# ... and a recursive callee too (its guess of its own return type is settled by its own rounds): quicksort was
# compiled twice for sort_check, at every tier
for t in baseline opt; do
    check 0 "count=1;" sh -c "KILN_LOG=compiles $K run --tier $t bench/suite/quicksort.py sort_check 100 2>&1 | grep -c 'compiled quicksort(' | sed 's/.*/count=&;/'"
done

# np.uint64 takes integers up to 2**64 - 1; past that, and bare ints past int64, are errors
printf 'def f(a, b):\n    return a // b, a %% b, a\n' > "$T/u.py"
check 0 "(1844674407370955161, 5, 18446744073709551615)" "$K" run "$T/u.py" f "np.uint64(18446744073709551615)" "np.uint64(10)"
check 1 "integer does not fit in uint64" "$K" run "$T/u.py" f "np.uint64(18446744073709551616)" "np.uint64(10)"
check 1 "integer does not fit in int64" "$K" run "$T/u.py" f "18446744073709551615" 1
check 1 "integer does not fit in int64" "$K" run "$T/u.py" f "np.int64(9223372036854775808)" 1
check 1 "out of range for uint64" "$K" run "$T/u.py" f "np.uint64(-1)" 1
# tier auto: tier-up, OSR and their logs (deterministic: compiled by the calling thread)
M=bench/mandelbrot.py
if [ -f "$(dirname "$K")/libkiln-llvm.so" ]; then
    check 0 "kiln: osr: grid(int, int, int) jumps into opt code at the loop at line 26" \
        env KILN_TIER2_BACKGROUND=0 KILN_TIER2_LOOPS=10 KILN_TIER2_DELAY_US=0 KILN_OSR_POLL=5 KILN_LOG=osr "$K" run $M grid 20 20 50
    check 0 "4124" env KILN_TIER2_BACKGROUND=0 KILN_TIER2_LOOPS=10 KILN_TIER2_DELAY_US=0 KILN_OSR_POLL=5 "$K" run $M grid 20 20 50
    check 0 "kiln: tier-up: grid(int, int, int) now runs opt code" \
        env KILN_TIER2_BACKGROUND=0 KILN_TIER2_LOOPS=10 KILN_TIER2_DELAY_US=0 KILN_LOG=tiers "$K" run $M grid 20 20 50
    check 0 "OSR: call 1 jumped from a tier-1 loop into tier-2 code" \
        env KILN_TIER2_BACKGROUND=0 KILN_TIER2_LOOPS=10 KILN_TIER2_DELAY_US=0 KILN_OSR_POLL=5 "$K" bench $M grid 20 20 50 --runs 3 --no-process
    check 0 "tier 2 swapped in: call 2 is the first to start on it" \
        env KILN_TIER2_BACKGROUND=0 KILN_TIER2_LOOPS=10 KILN_TIER2_DELAY_US=0 KILN_OSR_POLL=5 "$K" bench $M grid 20 20 50 --runs 3 --no-process
fi
# no LLVM tier where tier auto wants one: said once, the answer still right
check 0 "stays in tier 1: the optimizing (LLVM) tier is not available" \
    env KILN_LLVM_LIB=/nonexistent KILN_TIER2_LOOPS=10 KILN_TIER2_DELAY_US=0 KILN_TIER2_BACKGROUND=0 KILN_LOG=tiers "$K" run $M grid 20 20 50
check 0 "4124" env KILN_LLVM_LIB=/nonexistent KILN_TIER2_LOOPS=10 KILN_TIER2_DELAY_US=0 "$K" run $M grid 20 20 50
check 0 "not queued: the queue is full (tier2_queue 0)" env KILN_TIER2_QUEUE=0 KILN_TIER2_LOOPS=10 KILN_TIER2_DELAY_US=0 KILN_LOG=tiers "$K" run $M grid 20 20 50
# malformed tunables in the environment are ignored
check 0 "4124" env KILN_TIER2_LOOPS=lots KILN_OSR_POLL=-3 "$K" run $M grid 20 20 50
# more parameters and arguments than any fixed array: a clear error, never a write past one (issue 18 item 6)
{ printf 'def f('; i=0; while [ $i -lt 400 ]; do printf 'p%d=0, ' $i; i=$((i + 1)); done; printf 'q=0):\n    return p0 + p65 + p399\n'; } > "$T/p400.py"
for c in run explain bench; do check 1 "has 40" "$K" $c "$T/p400.py" f p65=1 p399=2; done
check 1 "at most 64" "$K" run "$T/p400.py" f 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70
check 1 "at most 64" env KILN_CACHE=1 KILN_CACHE_DIR="$T/w400" "$K" warm "$T/p400.py" --sig 'f(int)'
check 1 "at most 64" "$K" aot "$T/p400.py" --sig 'f(int)' -o "$T/p400x"
# ---- the disk cache (tier 2 code on disk; KILN_LOG=cache says each decision) ----
if [ -f "$(dirname "$K")/libkiln-llvm.so" ]; then
C=$T/cache
kc() { env KILN_CACHE=1 KILN_CACHE_DIR=$C KILN_LOG=cache,tiers "$K" "$@"; }
kc_lib() { env KILN_CACHE=1 KILN_CACHE_DIR=$C KILN_LOG=cache,tiers KILN_LLVM_LIB="$T/lib/libkiln-llvm.so" "$K" "$@"; }
cat > "$T/c.py" <<'PY'
def g(x):
    return x * 3 + 1
def f(n):
    s = 0
    for i in range(n):
        s += g(i)
    return s
def other(x):
    return x - 1
PY
check 0 "kiln: cache: miss f()" kc run --tier opt "$T/c.py" f 10
check 0 "kiln: cache: hit f()" kc run --tier opt "$T/c.py" f 10
check 0 "145" kc run --tier opt "$T/c.py" f 10
check 0 "0" sh -c "KILN_CACHE=1 KILN_CACHE_DIR=$C KILN_LOG=tiers $K run --tier opt $T/c.py f 10 2>&1 | grep -c 'loaded the LLVM tier'; true"
check 0 "kiln: cache: miss f()" kc run --tier opt --fastmath "$T/c.py" f 10
check 0 "kiln: cache: miss f()" kc run --tier opt -O3 "$T/c.py" f 10
# another tier library, or the same one rebuilt (a newer mtime), does not reuse the entries
mkdir -p "$T/lib" && cp "$(dirname "$K")/libkiln-llvm.so" "$T/lib/"
check 0 "kiln: cache: miss f()" kc_lib run --tier opt "$T/c.py" f 10
check 0 "kiln: cache: hit f()" kc_lib run --tier opt "$T/c.py" f 10
touch -d '2031-01-01' "$T/lib/libkiln-llvm.so"
check 0 "kiln: cache: miss f()" kc_lib run --tier opt "$T/c.py" f 10
check 0 "kiln: cache: hit f()" kc run --tier opt "$T/c.py" f 10
# editing a function nothing calls keeps the entry; editing the callee does not
sed -i 's/return x - 1/return x - 2/' "$T/c.py"
check 0 "kiln: cache: hit f()" kc run --tier opt "$T/c.py" f 10
sed -i 's/return x \* 3 + 1/return x * 3 + 2/' "$T/c.py"
check 0 "kiln: cache: miss f()" kc run --tier opt "$T/c.py" f 10
check 0 "155" kc run --tier opt "$T/c.py" f 10
# the entries of f and g as they are now, by the key prefixes the log gives
hits=$(kc run --tier opt "$T/c.py" f 10 2>&1)
E=$(find "$C" -type f -name "$(printf '%s\n' "$hits" | sed -n 's/.*hit f() \([0-9a-f]*\).*/\1/p')*")
O=$(find "$C" -type f -name "$(printf '%s\n' "$hits" | sed -n 's/.*hit g() \([0-9a-f]*\).*/\1/p')*")
# broken entries: a miss, removed, and the right answer from a fresh compile
cp "$E" "$T/good"
truncate -s 100 "$E"
check 0 "truncated" kc run --tier opt "$T/c.py" f 10
check 0 "155" kc run --tier opt "$T/c.py" f 10
printf 'X' | dd of="$E" bs=1 seek=200 conv=notrunc 2>/dev/null
check 0 "checksum mismatch (corrupted)" kc run --tier opt "$T/c.py" f 10
printf '\007' | dd of="$E" bs=1 seek=8 conv=notrunc 2>/dev/null
check 0 "format 7, not 2" kc run --tier opt "$T/c.py" f 10
check 0 "155" kc run --tier opt "$T/c.py" f 10
cp "$T/good" "$O"  # f's entry under g's name
check 0 "an entry for another key" kc run --tier opt "$T/c.py" f 10
printf 'junk' > "$C/zz"
head -c 300 /dev/urandom > "$C/$(basename "$(dirname "$E")")/$(basename "$E" | sed 's/^\(.\)./\10/')" 2>/dev/null
check 1 "BAD" kc cache verify
check 0 "removed" kc cache verify --fix
check 0 "0 bad" kc cache verify
check 0 "kiln: cache: hit" kc run --tier opt "$T/c.py" f 10
# a directory that is not ours, or not a directory: the cache is off, the answer right
mkdir -p "$T/theirs"; chown nobody "$T/theirs" 2>/dev/null && \
    check 0 "belongs to another user" env KILN_CACHE=1 KILN_CACHE_DIR="$T/theirs" KILN_LOG=cache "$K" run --tier opt "$T/c.py" f 10
printf x > "$T/afile"
check 0 "155" env KILN_CACHE=1 KILN_CACHE_DIR="$T/afile" "$K" run --tier opt "$T/c.py" f 10
check 0 "kiln: cache: off for this context: $T/afile/sub is not a directory" env KILN_CACHE=1 KILN_CACHE_DIR="$T/afile/sub" KILN_LOG=cache "$K" run --tier opt "$T/c.py" f 10
check 0 "kiln: cache: miss" env KILN_CACHE=1 KILN_CACHE_DIR="$T/afile" KILN_LOG=cache "$K" run --tier opt "$T/c.py" f 10
# KILN_CACHE=0: neither read nor written
check 0 "0" sh -c "KILN_CACHE=0 KILN_CACHE_DIR=$C KILN_LOG=cache $K run --tier opt $T/c.py f 10 2>&1 | grep -c 'kiln: cache'; true"
# export / import: every entry checked on the way in
check 0 "exported" kc cache export "$T/b.kb"
check 0 "imported" env KILN_CACHE_DIR="$T/c2" "$K" cache import "$T/b.kb"
check 0 "kiln: cache: hit f()" env KILN_CACHE=1 KILN_CACHE_DIR="$T/c2" KILN_LOG=cache "$K" run --tier opt "$T/c.py" f 10
printf 'Z' | dd of="$T/b.kb" bs=1 seek=300 conv=notrunc 2>/dev/null
check 1 "skipped entry" env KILN_CACHE_DIR="$T/c3" "$K" cache import "$T/b.kb"
check 1 "not a kiln cache bundle" env KILN_CACHE_DIR="$T/c3" "$K" cache import "$T/c.py"
check 0 "entries" kc cache stats
check 0 "removed 0 entries" kc cache prune --max 100000000
check 0 "removed" kc cache prune --max 0
check 0 "removed" kc cache clear
check 2 "unknown command" kc cache bogus
# 16 processes at once, the same and different keys, into an empty cache: all right, no partial files
P=$T/par; mkdir -p "$P"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
    a=$(( i % 2 )); ( env KILN_CACHE=1 KILN_CACHE_DIR="$P" "$K" run --tier opt "$T/c.py" f $((10 + a)) > "$P.out$i" 2>&1 ) &
done
wait
check 0 "16" sh -c "cat $P.out* | grep -cE '^(155|187)$'"
check 0 "0" sh -c "find $P -name '.tmp-*' | wc -l"
check 0 "0 bad" env KILN_CACHE_DIR="$P" "$K" cache verify
# kiln warm: tier 2 ahead of time into the cache; then a first process hits (in tier auto too)
W=$T/warm
check 0 "warmed saxpy(float, f64[::1], f64[::1])" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm bench/saxpy.py --sig 'saxpy(float, f64[::1], f64[::1])'
check 0 "kiln: cache: hit saxpy()" env KILN_CACHE=1 KILN_CACHE_DIR=$W KILN_LOG=cache "$K" run bench/saxpy.py saxpy 2.0 "[1.0, 2.0]" "[3.0, 4.0]"
check 0 "[5.0, 8.0]" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" run bench/saxpy.py saxpy 2.0 "[1.0, 2.0]" "[3.0, 4.0]"
check 0 "warmed" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm "$T/k.py" --sig 'total(f64[:, :])' --sig 'add(i32, float, int)' --sig 'ramp(int)'
check 2 "expected ',' or ')'" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm bench/saxpy.py --sig 'saxpy(float, f64[::1]'
check 2 "unknown type 'q8'" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm bench/saxpy.py --sig 'saxpy(q8)'
check 2 "'::1' must be the last axis" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm bench/saxpy.py --sig 'saxpy(f64[::1, :])'
check 1 "has no function 'nope'" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm bench/saxpy.py --sig 'nope(int)'
check 1 "takes 3 positional arguments but 4 were given" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm bench/saxpy.py --sig 'saxpy(int, int, int, int)'
check 2 "expected FILE.py and at least one --sig" env KILN_CACHE=1 "$K" warm bench/saxpy.py
check 2 "the disk cache is off" env KILN_CACHE=0 "$K" warm bench/saxpy.py --sig 'saxpy(float, f64[::1], f64[::1])'
# static values in signatures (k=10) and --static-shapes (lengths given): warm, then a process with --static hits
check 0 "warmed ramp(n=4)" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm "$T/k.py" --sig 'ramp(n=4)'
check 0 "kiln: cache: hit ramp()" env KILN_CACHE=1 KILN_CACHE_DIR=$W KILN_LOG=cache "$K" run --tier opt --static n "$T/k.py" ramp 4
check 0 "warmed scale(f64[3], f64[3], float)" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm --static-shapes "$T/k.py" --sig 'scale(f64[3], f64[3], float)'
check 0 "kiln: cache: hit scale()" env KILN_CACHE=1 KILN_CACHE_DIR=$W KILN_LOG=cache "$K" run --tier opt --static-shapes "$T/k.py" scale "[1.0, 2.0, 3.0]" "[0.0, 0.0, 0.0]" 2.0
check 2 "ramp() has no parameter 'q'" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm "$T/k.py" --sig 'ramp(q=4)'
check 2 "a type after a static value (NAME=VALUE goes last)" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm "$T/k.py" --sig 'scale(b=2, f64[::1])'
check 2 "got multiple values for 'a'" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm "$T/k.py" --sig 'scale(f64[::1], a=2)'
check 2 "k=[1.0]: a static value is a number, a string, a bool, None or a tuple of them" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm "$T/k.py" --sig 'scale(f64[::1], f64[::1], k=[1.0])'
check 2 "--static-shapes: give the lengths of 'a', as float64[8, 8]" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm --static-shapes "$T/k.py" --sig 'scale(f64[::1], f64[::1], float)'
check 2 "expected a length in '[8, 8]'" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm "$T/k.py" --sig 'scale(f64[3, :], f64[3], float)'
check 2 "no type or value for parameter 'b'" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm "$T/k.py" --sig 'scale(f64[3], k=2.0)'
# parallel loops (docs/parallel.md): one answer for every thread count; --parallel on run, bench, explain, warm;
# KILN_LOG=parallel; kiln explain's section; kiln aot says it cannot export one
cat > "$T/par.py" <<'PY'
import numpy as np
from numba import prange
def total(n):
    s = 0.0
    for i in prange(n):
        s += 1.0 / (i + 1)
    return s
def scaled(n):
    a = np.arange(n) * 1.0
    b = np.exp(a * 1e-6) * 2.0 + a
    return b[n - 1]
PY
check 0 "9.787606036044371" env KILN_NUM_THREADS=1 "$K" run --tier opt "$T/par.py" total 10000
check 0 "9.787606036044371" env KILN_NUM_THREADS=7 KILN_PARALLEL_MIN=0 "$K" run --tier opt "$T/par.py" total 10000
check 0 "9.787606036044371" "$K" run --tier interp "$T/par.py" total 10000
check 0 "kiln: parallel loop total\$prange5_5: 10000 iterations, 157 chunks, 2 tasks on 2 threads" env KILN_NUM_THREADS=2 KILN_PARALLEL_MIN=0 KILN_LOG=parallel "$K" run --tier opt "$T/par.py" total 10000
check 0 "serially: a short loop with a light body (parallel_min)" env KILN_NUM_THREADS=2 KILN_LOG=parallel "$K" run --tier opt "$T/par.py" total 10000
check 0 "serially: one thread" env KILN_NUM_THREADS=1 KILN_LOG=parallel "$K" run --tier opt "$T/par.py" total 10000
check 0 "reductions: s (+)" "$K" explain "$T/par.py" total 10
check 0 "parallel=True: the array expression assigned to b is split by rows" "$K" explain --parallel "$T/par.py" scaled 10
check 0 "100001.21033962582" "$K" run --parallel --tier opt "$T/par.py" scaled 100000
check 0 "100001.21033962582" "$K" run --tier interp "$T/par.py" scaled 100000
check 0 "kiln: parallel loop scaled\$pew10_5: 100000 iterations" env KILN_LOG=parallel "$K" run --parallel --tier opt "$T/par.py" scaled 100000
check 0 "warm (" "$K" bench --parallel --no-process --runs 3 "$T/par.py" scaled 100000
check 0 "warmed scaled(int)" env KILN_CACHE=1 KILN_CACHE_DIR=$W "$K" warm --parallel "$T/par.py" --sig 'scaled(int)'
check 1 "a parallel loop (line 5) runs on kiln's thread pool, which kiln aot does not provide yet" "$K" aot "$T/par.py" --sig 'total(int)' -o "$T/parx"
printf 'def r(a, b):\n    try:\n        return a // b\n    except ZeroDivisionError:\n        return -1\n' > "$T/tryx.py"
check 1 "a try statement (line 4) catches exceptions through kiln's runtime, which kiln aot does not provide yet" "$K" aot "$T/tryx.py" --sig 'r(int, int)' -o "$T/tryx"
# kiln aot: NAME.o + NAME.h, linked into a C program with nothing of kiln; answers as kiln run's
A=$T/aot; mkdir -p "$A"
check 0 "wrote $A/kk.o and $A/kk.h: 7 functions" "$K" aot test/aot/kernels.py --sig 'dot(f64[::1], f64[::1])' --sig 'get(f64[:], int)' \
    --sig 'fib(int)' --sig 'idiv(int, int)' --sig 'idiv(i32, i32)' --sig 'norm(f64[:, :])' --sig 'bump(u8[::1], int)' -o "$A/kk"
check 0 "" cc -std=c11 -O2 -I"$A" test/aot/prog.c "$A/kk.o" -lm -o "$A/prog"
check 0 "same output" sh -c "out=\$($A/prog); if [ \"\$out\" = \"\$(cat test/aot/expected.txt)\" ]; then echo same output; else echo \"\$out\"; fi"
check 0 "32.0" "$K" run test/aot/kernels.py dot "[1.0, 2.0, 3.0]" "[4.0, 5.0, 6.0]"
check 0 "-2147483648" "$K" run test/aot/kernels.py idiv "np.int32(-2147483648)" "np.int32(-1)"
# no undefined reference to LLVM, the JIT or kiln's runtime: only the C library
check 0 "snprintf" sh -c "nm -u $A/kk.o | tr -s ' ' | cut -d' ' -f3 | tr '\n' ' '"
check 0 "0" sh -c "nm -u $A/kk.o | grep -c -e LLVM -e kiln -e fh_; true"
# a static value compiled in and left out of the C parameters; static shapes refuse other lengths
check 0 "wrote $A/ak.o and $A/ak.h: 3 functions" "$K" aot test/aot/static.py --sig 'head(f64[5], k=3)' --sig 'head(f64[5], int)' \
    --sig 'mm(f64[2, 2], f64[2, 2], f64[2, 2])' --static-shapes -o "$A/ak"
check 0 "int ak_head(const kiln_aot_array *x, double *result, kiln_aot_error *err);" cat "$A/ak.h"
check 0 "" cc -std=c11 -O2 -I"$A" test/aot/static_prog.c "$A/ak.o" -lm -o "$A/sprog"
check 0 "6;10;7 10 15 22;err ValueError: a: axis 0 must have length 2 (exported for static shapes);" sh -c "$A/sprog | tr '\n' ';'"
check 1 "cannot export alloc(int): its code calls a runtime helper (ALLOC at line 30)" "$K" aot test/aot/kernels.py --sig 'alloc(int)' -o "$A/bad"
# everything written into generated C is escaped: a path with a comment's end, a message with a trigraph
mkdir -p "$A/x*" && cat > "$A/x*/k.py" <<'PY'
def tri(n):
    if n > 0:
        raise ValueError("what??/ no*/ end")
    return n
PY
check 0 "wrote" "$K" aot "$A/x*/k.py" --sig 'tri(int)' -o "$A/tri"
check 0 "" cc -std=c11 -Werror -fsyntax-only -include "$A/tri.h" -x c /dev/null
printf '#include "tri.h"\n#include <stdio.h>\nint main(void) { int64_t r; kiln_aot_error e;\n  if (tri_tri(1, &r, &e)) printf("%%s: %%s\\n", e.ename, e.message); return 0; }\n' > "$A/tri.c"
check 0 "" cc -std=c11 -I"$A" "$A/tri.c" "$A/tri.o" -o "$A/trip"
check 0 "ValueError: what??/ no*/ end" "$A/trip"
# a failed export leaves no NAME.h or NAME.o behind
check 1 "cannot export" "$K" aot test/aot/kernels.py --sig 'alloc(int)' -o "$A/gone"
check 0 "none" sh -c "ls $A/gone.h $A/gone.o 2>/dev/null || echo none"
check 2 "NAME must be a C identifier" "$K" aot test/aot/kernels.py --sig 'fib(int)' -o "$A/1bad-name"
check 2 "expected FILE.py, at least one --sig and -o NAME" "$K" aot test/aot/kernels.py --sig 'fib(int)'
check 1 "has no function 'nope'" "$K" aot test/aot/kernels.py --sig 'nope(int)' -o "$A/x"
# one compile per key: a process finding another's lock waits for its entry, or compiles after
# cache_lock_wait_ms, and removes a lock older than a minute (its owner died)
L=$T/lock
check 0 "6765" env KILN_CACHE=1 KILN_CACHE_DIR=$L "$K" run --tier opt test/aot/kernels.py fib 20
LE=$(find "$L" -type f -path "$L/??/*" | head -1); cp "$LE" "$T/lgood"; rm "$LE"; touch "$LE.lock"
check 0 "another process holds the lock; compiling anyway" env KILN_CACHE=1 KILN_CACHE_DIR=$L KILN_CACHE_LOCK_WAIT_MS=100 KILN_LOG=cache \
    "$K" run --tier opt test/aot/kernels.py fib 20
rm -f "$LE"; touch "$LE.lock"; ( sleep 0.3; cp "$T/lgood" "$LE" ) &
check 0 "another process compiled it meanwhile" env KILN_CACHE=1 KILN_CACHE_DIR=$L KILN_LOG=cache "$K" run --tier opt test/aot/kernels.py fib 20
wait
rm -f "$LE"; touch -d '2 minutes ago' "$LE.lock"
check 0 "removed a stale lock" env KILN_CACHE=1 KILN_CACHE_DIR=$L KILN_LOG=cache "$K" run --tier opt test/aot/kernels.py fib 20
check 0 "0" sh -c "find $L -name '*.lock' | wc -l"
check 0 "1 entries, 0 bad" env KILN_CACHE_DIR=$L "$K" cache verify
# a full disk (a 16 KiB tmpfs, where mounting is allowed): not stored, the answer right, nothing left behind
F=$T/full; mkdir -p "$F"
if mount -t tmpfs -o size=16k tmpfs "$F" 2>/dev/null; then
    dd if=/dev/zero of="$F/filler" bs=1k count=64 2>/dev/null
    check 0 "not stored fib: No space left on device" env KILN_CACHE=1 KILN_CACHE_DIR=$F/c KILN_LOG=cache "$K" run --tier opt test/aot/kernels.py fib 20
    check 0 "6765" env KILN_CACHE=1 KILN_CACHE_DIR=$F/c "$K" run --tier opt test/aot/kernels.py fib 20
    check 0 "0" sh -c "find $F -name '.tmp-*' | wc -l"
    umount "$F"
fi
fi
# ---- CUDA kernels: kiln run --device cpu|cuda --grid B,T, explain --ptx (docs/gpu.md) ----
cat > "$T/g.py" <<'PY'
from numba import cuda
import math

def saxpy(a, x, y, out):
    i = cuda.grid(1)
    if i < x.size:
        out[i] = a * x[i] + y[i]

def grid2(out):
    x, y = cuda.grid(2)
    if y < out.shape[0] and x < out.shape[1]:
        out[y, x] = y * 10 + x

def oob(a):
    a[cuda.grid(1) + 1] = 1

def ret(a):
    return a[0]

def expo(a):
    i = cuda.grid(1)
    a[i] = math.exp(a[i])
PY
check 0 "out = [1.0, 3.5, 6.0, 8.5]" "$K" run --device cpu --grid 2,2 "$T/g.py" saxpy 2.5 'np.arange(4, dtype=np.float32)' 'np.ones(4, dtype=np.float32)' 'np.zeros(4, dtype=np.float32)'
check 0 "out = [[0, 1, 2], [10, 11, 12]]" "$K" run --device=cpu --grid=2x1,2x2 "$T/g.py" grid2 'np.zeros((2, 3), dtype=np.int64)'
check 0 "out = [[0, 1, 2], [10, 11, 12]]" "$K" run --tier opt --device cpu --grid 2x1,2x2 "$T/g.py" grid2 'np.zeros((2, 3), dtype=np.int64)'
check 0 "" "$K" run --device cpu --grid 1,4 "$T/g.py" saxpy 2.5 'np.arange(4, dtype=np.float64)' 'np.ones(4)' 'np.zeros(4)' --out-arg "4=$T/gout.npy"
check 0 "[1.0, 3.5, 6.0, 8.5]" "$K" run "$T/k.py" same "@$T/gout.npy"
check 1 "IndexError: index 4 is out of bounds for axis 0 with size 4" "$K" run --device cpu --grid 1,4 "$T/g.py" oob 'np.zeros(4, dtype=np.int64)'
check 1 "g.py:15:" "$K" run --device cpu --grid 1,4 "$T/g.py" oob 'np.zeros(4, dtype=np.int64)'
check 1 "a CUDA kernel returns None" "$K" run --device cpu --grid 1,1 "$T/g.py" ret 'np.zeros(4)'
check 1 "not a kernel launch" "$K" run "$T/g.py" oob 'np.zeros(4, dtype=np.int64)'
check 2 "give --grid BLOCKS,THREADS" "$K" run --device cpu "$T/g.py" oob 'np.zeros(4)'
check 2 "the devices are cpu and cuda" "$K" run --device tpu --grid 1,1 "$T/g.py" oob 'np.zeros(4)'
check 2 "expected BLOCKS,THREADS" "$K" run --device cpu --grid 4 "$T/g.py" oob 'np.zeros(4)'
check 2 "expected BLOCKS,THREADS" "$K" run --device cpu --grid 4,0 "$T/g.py" oob 'np.zeros(4)'
check 2 "expected BLOCKS,THREADS" "$K" run --device cpu --grid 4x,2 "$T/g.py" oob 'np.zeros(4)'
check 2 "expected BLOCKS,THREADS" "$K" run --device cpu --grid 1x2x3x4,2 "$T/g.py" oob 'np.zeros(4)'
check 2 "expected BLOCKS,THREADS[,SHARED_BYTES]" "$K" run --device cpu --grid 1,2,-5 "$T/g.py" oob 'np.zeros(4)'
check 2 "expected BLOCKS,THREADS[,SHARED_BYTES]" "$K" run --device cpu --grid 1,2,12k "$T/g.py" oob 'np.zeros(4)'
check 2 "expected BLOCKS,THREADS[,SHARED_BYTES]" "$K" run --device cpu --grid 1,2, "$T/g.py" oob 'np.zeros(4)'
check 2 "--out-arg N=PATH.npy" "$K" run --device cpu --grid 1,1 --out "$T/x.npy" "$T/g.py" oob 'np.zeros(4)'
check 1 "at most 1024" "$K" run --device cpu --grid 1,2048 "$T/g.py" oob 'np.zeros(4)'
check 1 "no CUDA driver" env KILN_CUDA_DRIVER=/nonexistent/libcuda.so "$K" run --device cuda --grid 1,4 "$T/g.py" oob 'np.zeros(4)'
check 0 ".visible .entry kiln_saxpy(" "$K" explain --ptx=sm_90 "$T/g.py" saxpy 2.5 'np.zeros(4, dtype=np.float32)' 'np.zeros(4, dtype=np.float32)' 'np.zeros(4, dtype=np.float32)'
check 0 "mul.rn.f32" "$K" explain --ptx "$T/g.py" saxpy 2.5 'np.zeros(4, dtype=np.float32)' 'np.zeros(4, dtype=np.float32)' 'np.zeros(4, dtype=np.float32)'
check 1 "not a GPU architecture" "$K" explain --ptx=volta "$T/g.py" saxpy 2.5 'np.zeros(4)' 'np.zeros(4)' 'np.zeros(4)'
check 1 "g.py:22:0: error: expo cannot run on the GPU: exp needs NVIDIA's libdevice (math functions for the GPU), which was not found (looked in: KILN_LIBDEVICE=$T/none.bc)" env KILN_LIBDEVICE="$T/none.bc" "$K" explain --ptx "$T/g.py" expo 'np.zeros(4)'
check 0 "np.arange" "$K" run --help
# np.linalg without a LAPACK (KILN_BLAS=0): kiln's own LU (rt/linalg.c); these small systems give LAPACK's bits
cat > "$T/la.py" <<'PY'
import numpy as np
def la(n):
    a = np.array([[4.0, 1.0], [2.0, 3.0]])
    return np.linalg.solve(a, np.array([1.0, 2.0])), np.linalg.inv(a), np.linalg.det(a), np.linalg.solve(a, a.T)
def sing(n):
    return np.linalg.inv(np.ones((n, n)))
def fact(n):
    return np.linalg.svd(np.eye(n), compute_uv=False), np.linalg.qr(np.eye(n), mode="r")
def f32(n):
    return np.linalg.solve(np.array([[4.0, 1.0], [2.0, 3.0]], dtype=np.float32), np.array([1.0, 2.0], dtype=np.float32))
PY
check 0 "([0.1, 0.6], [[0.3, -0.1], [-0.2, 0.4]], 10.000000000000002, [[1.1, 0.3], [-0.4, 0.8]])" env KILN_BLAS=0 "$K" run "$T/la.py" la 1
check 0 "([0.1, 0.6], [[0.3, -0.1], [-0.2, 0.4]], 10.000000000000002, [[1.1, 0.3], [-0.4, 0.8]])" "$K" run "$T/la.py" la 1
check 1 "LinAlgError: Singular matrix" env KILN_BLAS=0 "$K" run "$T/la.py" sing 3
check 1 "LinAlgError: Singular matrix" env KILN_BLAS=0 "$K" run --tier opt "$T/la.py" sing 3
# svd, qr, lstsq, pinv need LAPACK: a RuntimeError that says so; float32 systems solved in double, as NumPy solves them
check 1 "RuntimeError: np.linalg.svd needs LAPACK, and kiln could not open OpenBLAS" env KILN_BLAS=0 "$K" run "$T/la.py" fact 2
check 0 "([1.0, 1.0], [[1.0, 0.0], [0.0, 1.0]])" "$K" run "$T/la.py" fact 2
check 0 "[0.10000000149011612, 0.6000000238418579]" env KILN_BLAS=0 "$K" run "$T/la.py" f32 1
check 0 "[0.10000000149011612, 0.6000000238418579]" "$K" run "$T/la.py" f32 1
# *args and keyword-only parameters from the command line: by position (the extra ones the *args tuple, the
# keyword-only ones their defaults); keywords to such a function are refused with the reason
cat > "$T/va.py" <<'PY'
def total(first, *rest, scale=2.0):
    s = first
    for r in rest:
        s += r
    return s * scale, rest
def kw(a, *, b=5):
    return a + b
PY
check 0 "(20.0, (2, 3, 4))" "$K" run "$T/va.py" total 1 2 3 4
check 0 "(2.0, ())" "$K" run "$T/va.py" total 1
check 0 "6" "$K" run "$T/va.py" kw 1
check 1 "takes 1 positional argument but 2 were given" "$K" run "$T/va.py" kw 1 2
check 1 "has *args or keyword-only parameters: the command line passes its arguments by position" "$K" run "$T/va.py" total 1 scale=3.0
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
