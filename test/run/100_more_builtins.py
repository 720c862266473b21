# next() of a generator expression (first match, a default, StopIteration), enumerate's start, math.isclose, prod
# and fsum (CPython's steps: Shewchuk's partials and the half-even correction), int.bit_length, float.is_integer.
import math
from math import fsum, isclose
import numpy as np

# run: firsts(5)
# expect: (8, -1, None, True, 8, 2, [(1, 'a'), (2, 'b')], [5, 6], [(-2, 7.5)])
def firsts(n):
    xs = [4, 8, 15, 16]
    a = next(x for x in xs if x > n)
    b = next((x for x in xs if x > 99), -1)
    c = next((x for x in xs if x > 99), None)
    d = next(map(lambda v: v * 2, xs))
    e = next((i for i, x in enumerate(xs) if x == 15), None)
    r = []
    for i, ch in enumerate("ab", 1):
        r.append((i, ch))
    return a, b, c, c is None, d, e, r, [i for i, ch in enumerate("ab", start=n)], list(enumerate([7.5], -2))

# run: exhausted(3)
# expect-error: line 24: StopIteration
def exhausted(n):
    return next(x for x in range(n) if x > n)

# run: maths(5)
# expect: (True, True, True, True, False, False, 30, 6.0, 24.0, 1, 1.0, 1e-100, 1.0000000000000002e+16, 0.6, 0.0, inf, 6.0, 3, 3, 0, 64, 1, False, True, True, False, True, True)
def maths(n):
    return (math.isclose(1.0, 1.0 + 1e-12), isclose(1, 1.0000001, rel_tol=1e-6), math.isclose(0.0, 1e-10, abs_tol=1e-9),
            math.isclose(math.inf, math.inf), math.isclose(math.inf, 1e308), math.isclose(math.nan, math.nan),
            math.prod([1, 2, 3, n]), math.prod([1.5, 2.0], start=2), math.prod(np.arange(1.0, 5.0)), math.prod([]),
            fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), fsum([1e-16, 1.0, 1e16]),
            math.fsum(np.array([0.1, 0.2, 0.3])), math.fsum([]), math.fsum([math.inf, 1.0]), math.fsum((1, 2, 3)),
            n.bit_length(), (-n).bit_length(), (0).bit_length(), (-9223372036854775807 - 1).bit_length(), True.bit_length(),
            (1.5).is_integer(), (2.0).is_integer(), (-3.0).is_integer(), math.inf.is_integer(), np.float64(4.0).is_integer(),
            (1e300).is_integer())

# run: fsum_infs(1)
# expect-error: line 41: ValueError: -inf + inf in fsum
def fsum_infs(n):
    return math.fsum([math.inf, -math.inf])

# run: fsum_overflow(1)
# expect-error: line 46: OverflowError: intermediate overflow in fsum
def fsum_overflow(n):
    return math.fsum([1.7976931348623157e308, 1.7976931348623157e308])

# run: bad_tolerance(1)
# expect-error: line 51: ValueError: tolerances must be non-negative
def bad_tolerance(n):
    return math.isclose(1.0, 2.0, rel_tol=-1.0)

# run: empty_loops(5)
# expect: (11, 0, 0, [], 1, 0.0)
def empty_loops(n):
    # a list nothing stores into is always empty: its loop never runs (and its body, typed from nothing, is not built)
    r = 1
    for x in []:
        r = r * x
    else:
        r += 10
    s = []
    t = 0
    for x in s:
        t += x
    return r, t, sum([]), [y for y in []], math.prod([]), math.fsum([])


# run: sums_of_generators(10)
# expect: (4.5, 362880, 59.0625, 0.0)
def sums_of_generators(n):
    import math
    return (math.fsum(i * 0.1 for i in range(n)), math.prod(i for i in range(1, n)),
            math.prod((x * 0.5 for x in range(1, n) if x % 2), start=2.0), math.fsum(x for x in []))


# run: contiguous(2)
# expect: (99.0, 5.0, [[-1.0, 2.0], [3.0, 5.0]], [[99.0, 1.0, 2.0], [3.0, 4.0, 5.5]], True, 3.0)
def contiguous(n):
    a = np.arange(n * 3.0).reshape(n, 3)
    c = np.ascontiguousarray(a)
    c[0, 0] = 99.0  # a C-contiguous array: itself
    t = np.ascontiguousarray(a[:, ::2])  # a copy
    t[0, 0] = -1.0
    f = np.asfortranarray(a)
    f[1, 2] = 5.5  # a copy
    return (a[0, 0], a[1, 2], t, f, np.ascontiguousarray(a, dtype=np.float32).dtype == np.float32,
            np.asfortranarray(a).T.reshape(a.size)[1])
