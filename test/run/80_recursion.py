# Recursion: a self-recursive kernel's direct entry at tier 2 (its arguments and result in registers, its depth a
# parameter, `return f(a) + f(b)` a loop after LLVM's tail-recursion elimination; back/llvm/direct.c), kernels that
# keep the frame entry (a tuple result), errors raised deep and caught on the way up, and the depth every tier
# counts alike (an inlined callee is a frame too). CPython's answers on every tier, except where the depth at which
# RecursionError comes is the answer (kiln counts kernel frames; CPython all of its own).
import numpy as np

# run: fib(20)
# expect: 6765
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

# run: series(0.5, 30)
# expect: 1.9999999990686774
def series(x, n):
    if n == 0:
        return 1.0
    return 1.0 + x * series(x, n - 1)

# run: harmonic(40)
# expect: 4.278543038936376
def harmonic(n):
    if n == 1:
        return 1.0
    return 1.0 / n + harmonic(n - 1)

# run: cpow(0.5+1j, 7)
# expect: (0.2265625+2.171875j)
def cpow(z, n):
    if n == 0:
        return 1 + 0j
    return z * cpow(z, n - 1)

# run: is_even(11)
# expect: False
def is_even(n):
    if n == 0:
        return True
    return not is_even(n - 1)

# run: parity(37)
# expect: (False, True, True)
def parity(n):
    return is_even(n), is_even(n + 1), is_even(0)

# run: small(np.float32(0.75), 5)
# expect: 0.2373046875
def small(x, n):
    if n == 0:
        return np.float32(1.0)
    return x * small(x, n - 1)

# run: gcd_pair((1071, 462))
# expect: 21
def gcd_pair(p):
    a, b = p
    if b == 0:
        return a
    return gcd_pair((b, a % b))

# run: rev("héllo, wörld")
# expect: 'dlröw ,olléh'
def rev(s):
    if len(s) <= 1:
        return s
    return rev(s[1:]) + s[0]

def qsort(a, lo, hi):
    if lo >= hi:
        return
    p = a[hi]
    i = lo
    for j in range(lo, hi):
        if a[j] < p:
            a[i], a[j] = a[j], a[i]
            i += 1
    a[i], a[hi] = a[hi], a[i]
    qsort(a, lo, i - 1)
    qsort(a, i + 1, hi)

# run: sort_copy([5.0, 3.0, 9.0, 1.0, 7.0, 3.0, -2.0, 8.5])
# expect: [-2.0, 1.0, 3.0, 3.0, 5.0, 7.0, 8.5, 9.0]
def sort_copy(x):
    a = x.copy()
    qsort(a, 0, len(a) - 1)
    return a

# run: qsort([3.0, 1.0, 2.0], 0, 2)
# expect: None
# run: tally(10)
# expect: [18.0, 22.0, 15.0]
def tally(n):
    if n == 0:
        return np.zeros(3)
    r = tally(n - 1)
    r[n % 3] += n
    return r

def walk(out, n):
    if n == 0:
        return
    out.append(n)
    walk(out, n - 1)
    out.append(-n)

# run: walk_list(4)
# expect: [0, 4, 3, 2, 1, -1, -2, -3, -4]
def walk_list(n):
    out = [0]
    walk(out, n)
    return out

# run: divmod_rec(47, 5)
# expect: (9, 2)
def divmod_rec(a, b):
    if a < b:
        return 0, a
    q, r = divmod_rec(a - b, b)
    return q + 1, r

# run: deep_error(20)
# expect-error: line 129: ValueError: bottom
def deep_error(n):
    if n < 0:
        return 0
    if n == 0:
        raise ValueError("bottom")
    return deep_error(n - 1) + 1

# run: deep_index([0.0, 1.0, 2.0, 3.0, 4.0], 0)
# expect-error: line 135: IndexError: index 5 is out of bounds for axis 0 with size 5
def deep_index(a, i):
    if a[i] > 100.0:
        return i
    return deep_index(a, i + 1)

# run: guarded(5)
# expect: 3
def guarded(n):
    if n < 0:
        return 0
    if n == 0:
        raise ValueError("bottom")
    r = 0
    try:
        r = guarded(n - 1) + 1
    except ValueError:
        r = -n
    return r

def sink(n):
    if n < 0:
        return 0
    r = n
    try:
        r = sink(n + 1)
    except RecursionError:
        pass
    return r

def descend(k):
    if k == 0:
        return sink(0)
    return descend(k - 1)

# cpython: skip (the depth RecursionError comes at: kiln counts kernel frames, CPython all of its own)
# run: depths(100)
# expect: (997, 997, 997)
def depths(k):
    return descend(0), descend(k) + k, descend(2 * k) + 2 * k

def count(n):
    if n == 0:
        return 0
    return count(n - 1) + 1

# cpython: skip (the depth RecursionError comes at: kiln counts kernel frames, CPython all of its own)
# run: recover(900)
# expect: (998, 900, 2988)
def recover(k):
    a = sink(0)
    b = count(k)
    return a, b, chain(3)

def chain(n):
    if n == 0:
        return 0
    return sink(0) + chain(n - 1)

# run: runaway(0)
# expect-error: line 197: RecursionError: maximum recursion depth exceeded
def runaway(n):
    if n < 0:
        return 0
    return runaway(n + 1) + 1

def bump(x):
    return x + 1

def bump2(x):
    return bump(x) + 1

def sink_leaf(n, nested):
    r = n
    try:
        m = bump2(n) if nested else bump(n)
        r = -1
        r = sink_leaf(m, nested)
    except RecursionError:
        pass
    return r

# cpython: skip (the depth RecursionError comes at: kiln counts kernel frames, CPython all of its own)
# run: leaf_depths()
# expect: (998, 1994)
def leaf_depths():
    # bump and bump2 are inlined (opt/inline.c) and still count as frames, bump2's call as two: sink_leaf at depth d
    # holds n = d - 2 (bumped by 1) or 2 * (d - 2) (by 2); the call of bump raises at depth 1000 (r keeps n = 998),
    # bump2's at depth 999 (r keeps n = 2 * 997); had a check been lost, the recursive call would raise first and
    # every level would return -1
    return sink_leaf(0, False), sink_leaf(0, True)
