# Two or three levels of a recursion a call (opt/recurse.c): a small kernel's calls of itself are replaced by copies
# of its body (fib's, and the copies' too: three levels), whose own calls count as many frames deeper; tier 2's
# direct entry makes the calls again. fib2, gcd and probe get three levels, trib, ack and count_big two. Every shape of
# call site: two and three of them, one feeding another's argument (Ackermann), in a condition, in either arm of a
# branch, over an array, with float, complex, bool and float32 results; errors raised inside a copy at their own
# lines; RecursionError and the depth left at the bottom at the same calls as a kernel that is not copied.
import numpy as np

# run: fib2(24)
# expect: 46368
def fib2(n):
    if n < 2:
        return n
    return fib2(n - 1) + fib2(n - 2)

# run: trib(15)
# expect: 1705
def trib(n):
    if n < 3:
        return 1 if n == 2 else 0
    return trib(n - 1) + trib(n - 2) + trib(n - 3)

# run: ack(2, 3)
# expect: 9
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

# run: count_big(12)
# expect: 28
def count_big(n):
    if n < 2:
        return 1
    if count_big(n - 1) > 50:
        return count_big(n - 2) + 55
    return count_big(n - 2) + count_big(n - 3 if n > 2 else 0)

# run: bsearch_run(42.0)
# expect: 14
def bsearch_run(x):
    return bsearch(np.arange(0.0, 100.0, 3.0), x, 0, 34)

def bsearch(a, x, lo, hi):
    if hi - lo <= 1:
        return lo
    mid = (lo + hi) // 2
    if x < a[mid]:
        return bsearch(a, x, lo, mid)
    return bsearch(a, x, mid, hi)

# run: tsum_run(101)
# expect: 50.5
def tsum_run(n):
    return tsum(np.linspace(0.0, 1.0, n), 0, n)

def tsum(a, lo, hi):
    if hi - lo <= 2:
        s = 0.0
        for i in range(lo, hi):
            s += a[i]
        return s
    mid = (lo + hi) // 2
    return tsum(a, lo, mid) + tsum(a, mid, hi)

# run: tprod(np.array([1.5, 2.0, 0.5, 3.0, 1.25, 0.75, 2.5]), 0, 7)
# expect: 10.546875
def tprod(a, lo, hi):
    if hi - lo == 1:
        return a[lo]
    mid = (lo + hi) // 2
    return tprod(a, lo, mid) * tprod(a, mid, hi)

# run: cwalk(0.5+0.25j, 9)
# expect: (0.30728912353515625-0.9029197692871094j)
def cwalk(z, n):
    if n == 0:
        return 1 + 0j
    return z * cwalk(z, n - 1) + 1j * cwalk(z, n // 2) * 0.5

# run: any_odd(7)
# expect: True
def any_odd(n):
    if n <= 1:
        return n == 1
    return any_odd(n - 2) or any_odd(n - 1) and n % 2 == 1

# run: half(np.float32(0.9), 11)
# expect: 0.3138104975223541
def half(x, n):
    if n == 0:
        return np.float32(1.0)
    return x * half(x, n - 1) if n % 2 else half(x, n - 1) * x

# run: gcd(1071, 462)
# expect: 21
def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)

# run: power_sum(3, 6)
# expect: 1093
def power_sum(b, n):
    if n == 0:
        return 1
    return b ** n + power_sum(b, n - 1)

# run: fives(30)
# expect: 9
def fives(n):
    # five calls of itself: more than the pass copies (the kernel runs as written)
    if n < 5:
        return 1
    return (fives(n - 5) + fives(n - 6) + fives(n - 7) + fives(n - 8) + fives(n - 9)) % 13

# run: bottom_error(9)
# expect-error: line 124: ValueError: odd bottom
def bottom_error(n):
    if n <= 1:
        if n == 1:
            raise ValueError("odd bottom")
        return 0
    return bottom_error(n - 2) + bottom_error(n - 4 if n > 4 else 0)

# run: zero_div(6)
# expect-error: line 133: ZeroDivisionError: integer modulo by zero
def zero_div(n):
    if n == 0:
        return 1
    return zero_div(n - 1) + 7 % (n - 2)

# run: index_deep(np.array([0.0, 1.0, 2.0, 3.0, 4.0]), 0)
# expect-error: line 138: IndexError: index 5 is out of bounds for axis 0 with size 5
def index_deep(a, i):
    if a[i] > 10.0:
        return 0.0
    return a[i] + index_deep(a, i + 1)

# run: runaway2(0)
# expect-error: line 147: RecursionError: maximum recursion depth exceeded
def runaway2(n):
    if n < 0:
        return 0
    return runaway2(n + 1) + runaway2(n + 2)

def sink(n):
    if n < 0:
        return 0
    r = n
    try:
        r = sink(n + 1)
    except RecursionError:
        pass
    return r

def descend2(k):
    if k <= 0:
        return sink(0) if k == 0 else -1000
    return descend2(k - 1) + descend2(-1) + 1000

# cpython: skip (the depth RecursionError comes at: kiln counts kernel frames, CPython all of its own)
# run: depths2()
# expect: (997, 997, 997, 997, 997)
def depths2():
    # descend2(k) reaches sink at frame k + 2 whether its own frames are copies or calls: sink's count is the same
    return descend2(0), descend2(1) + 1, descend2(2) + 2, descend2(7) + 7, descend2(60) + 60

def probe(n):
    if n <= 0:
        return 0
    return probe(n - 1) + 1

def probe_each(n):
    r = -1
    try:
        r = probe(n)
    except RecursionError:
        r = -2
    return r

# cpython: skip (the depth RecursionError comes at: kiln counts kernel frames, CPython all of its own)
# run: limit_edge()
# expect: (997, -2, 996, -2)
def limit_edge():
    # probe(n) needs n + 1 frames below this one's two: 997 fits the limit of 1000, 998 does not, at either parity
    return probe_each(997), probe_each(998), probe_each(996), probe_each(999)

def fill(a, lo, hi, v):
    # returns nothing: a walk that writes an array, its calls statements
    if hi - lo <= 1:
        a[lo] = v
        return
    mid = (lo + hi) // 2
    fill(a, lo, mid, v)
    fill(a, mid, hi, v * 2.0)

# run: fill_run(1000)
# expect: (58779.0, 1.0, 1024.0, 32.0)
def fill_run(n):
    a = np.zeros(n)
    fill(a, 0, n, 1.0)
    return a.sum(), a[0], a[n - 1], a[n // 3]

def mark(a, i):
    # returns None, and its calls' None is read
    if i >= len(a):
        return None
    a[i] += 1
    r = mark(a, i + 2)
    if r is None:
        a[i] += 10
    return mark(a, i + 3)

# run: mark_run(12)
# expect: [11, 0, 11, 11, 11, 22, 22, 33, 44, 55, 77, 99]
def mark_run(n):
    a = np.zeros(n, dtype=np.int64)
    mark(a, 0)
    return list(a)

def boom(a, i):
    if i == 5:
        raise ValueError("five")
    if i > 5:
        return
    a[i] = i
    boom(a, i + 1)

# run: boom_run()
# expect-error: line 226: ValueError: five
def boom_run():
    a = np.zeros(8)
    boom(a, 0)
    return a.sum()

# run: fpair(40)
# expect: (333849, 579646)
def fpair(n):
    # a tuple result, read leaf by leaf
    if n == 0:
        return 0, 1
    a, b = fpair(n - 1)
    return b, (a + b) % 1000003

def minmax(a, lo, hi):
    if hi - lo == 1:
        return a[lo], a[lo]
    mid = (lo + hi) // 2
    l0, l1 = minmax(a, lo, mid)
    r0, r1 = minmax(a, mid, hi)
    return min(l0, r0), max(l1, r1)

# run: minmax_run(37)
# expect: (-9.981366159327033, 9.997929001426693)
def minmax_run(n):
    a = np.sin(np.arange(n) * 1.7) * 10.0
    return minmax(a, 0, n)

# run: nested(9, 0.5)
# expect: ((45, -18.175437927246094), 111.91666030883789)
def nested(n, x):
    # a nested tuple of an int and two floats
    if n == 0:
        return (0, x), 1.0
    (k, y), z = nested(n - 1, x * 1.5)
    return (k + n, y - z), z * 0.5 + y
