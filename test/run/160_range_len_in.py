# range() outside a for loop: len(range(...)) (CPython's length; its OverflowError past sys.maxsize), `x in
# range(...)` (CPython's range_contains: ints by arithmetic, exact for every int64, floats where they equal an item,
# a zero step's ValueError), np.array(range(...)) and the consumers that walk a range.
import numpy as np


# run: lengths(1, 10, 3)
# expect: (3, 3, 1, 0, 4)
# run: lengths(-5, 7, 4)
# expect: (3, 3, 0, 0, 4)
# run: lengths(10, 1, 2)
# expect: (0, 0, 10, 9, 4)
def lengths(a, b, c):
    return len(range(a, b, c)), len(range(b, a, -c)), len(range(a)), len(range(b, a)), len(range(-2**62, 2**62, 2**61))


# run: membership(1, 10, 3)
# expect: ([False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, True, True, False, True, False, True, True, False, False, True, False, True, True, False, False, True, False, True, False, False, False, True, False, True], False, False, False, False, True, True, True)
# run: membership(-7, 8, 2)
# expect: ([False, True, False, True, False, True, False, True, False, True, True, True, False, False, True, True, False, False, True, True, False, False, True, True, False, False, True, True, False, False, True, True, False, False, True, True, False, False, True, True, False, False, False, True, False, True, False, True, False, True], False, False, False, False, True, True, True)
# run: membership(5, -6, 1)
# expect: ([False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True, False, True], False, False, False, False, True, True, True)
def membership(a, b, c):
    out = []
    for x in range(-12, 13):
        out.append(x in range(a, b, c))
        out.append(x not in range(b, a, -c))
    return (out, 2.0 in range(a, b, c), 2.5 in range(5), float("nan") in range(5), 1e300 in range(5), True in range(2),
            -0.0 in range(1), np.int8(3) in range(1, 4))


# run: extremes(0)
# expect: (True, False, True, True)
def extremes(n):
    return (2**62 in range(n, 2**63 - 1, 2), (2**62 + 1) in range(n, 2**63 - 1, 2), -2**63 in range(-2**63, n, 3),
            2**63 - 2 in range(-2**63, 2**63 - 1))


# run: too_long(0)
# expect-error: line 42: OverflowError: Python int too large to convert to C ssize_t
def too_long(n):
    return len(range(-2**63, 2**63 - 1 + n))


# run: zero_step(0)
# expect-error: line 48: ValueError: range() arg 3 must not be zero
def zero_step(n):
    return 3 in range(0, 5, n)


# run: walked(6)
# expect: ([0, 1, 2, 3, 4, 5], [2.0, 5.0, 8.0, 11.0, 14.0, 17.0], 15, 5, 2, [5, 4], [(0, 6), (1, 5), (2, 4)])
def walked(n):
    return (np.array(range(n)), np.array(range(2, 3 * n, 3), dtype=np.float32), sum(range(n)), max(range(n)),
            min(range(2, n)), sorted(range(n), reverse=True)[:2], list(zip(range(3), range(n, 0, -1))))
