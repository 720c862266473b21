# *args parameters (a tuple of the extra positional arguments, one specialization per count and types), keyword-only
# parameters after *args or a bare *, in kernels called from kernels, inner functions, recursive inner functions and
# kernels called from the command line (by position: the keyword-only ones take their defaults)
import math
import numpy as np


def norm(*xs):
    return math.sqrt(sum(x * x for x in xs))


def total(first, *rest, scale=1.0):
    s = first
    for r in rest:
        s += r
    return s * scale, len(rest), rest


def kw(a, *, b, c=2):
    return a + b * c


def head_tail(*items):
    if not items:
        return -1, ()
    return items[0], items[1:]

# run: norm(3.0, 4.0)
# expect: 5.0
# run: norm(1, 2, 2)
# expect: 3.0
# run: norm()
# expect: 0.0
# run: total(1)
# expect: (1.0, 0, ())
# run: total(1.5, 2.5, 3.5)
# expect: (7.5, 2, (2.5, 3.5))
# run: head_tail(7, 8.5, 9)
# expect: (7, (8.5, 9))

# run: calls(2)
# expect: (5.0, 0.0, (1.0, 0, ()), (6.0, 2, (2, 3)), (1.5, 1, (2,)), 7, 11, 2.9154759474226504, (8.0, 2, (2.5, 4.0)), (12.0, 2, (1.5, 2.5)), (-1, ()), (2, (3, 4)))
def calls(n):
    t = (1.5, 2.5)
    return (norm(3.0, 4.0), norm(), total(1), total(1, 2, 3), total(1, 2, scale=0.5), kw(1, b=3), kw(1, c=5, b=2),
            norm(*t), total(*t, 4.0), total(n, *t, scale=2.0), head_tail(), head_tail(n, n + 1, n + 2))

# run: inner(3)
# expect: ((0, ()), (2, (3, 3)), (13, (1, 2, 3)), [3.0, 5.0], [], 2)
def inner(n):
    def count(*vals, start=0):
        return start + len(vals), vals

    def scaled(k, *vals):
        return [k * v for v in vals]

    def depth(k, *path):
        if k == 0:
            return len(path)
        return depth(k - 1, *path)

    return count(), count(n, n), count(1, 2, 3, start=10), scaled(2, 1.5, 2.5), scaled(n), depth(n, 1, 2)

# run: arrays(4)
# expect: ([1.5, 2.5, 3.5, 4.5], [0.0, 0.0, 0.0, 0.0])
def arrays(n):
    def stack_sum(*arrs):
        out = np.zeros(n)
        for a in arrs:
            out += a
        return out

    return stack_sum(np.ones(n), np.arange(n) * 1.0, np.full(n, 0.5)), stack_sum()
