# zip(*rows) in a for statement or a comprehension (the starred tuple spread into zip's arguments, as in any call:
# lower/call.c cl_unstarred), and tuple(x) where a tuple's length is known when compiling: a tuple (itself), a range
# of literal bounds (its numbers), nothing (lower/call.c tuple_call).
import numpy as np

# run: transpose(3)
# expect: ([(1, 4, 7), (2, 5, 8), (3, 6, 3)], [4, 10, 18])
def transpose(n):
    rows = ([1, 2, 3], [4, 5, 6], [7, 8, n])
    cols = []
    for col in zip(*rows):
        cols.append(col)
    return cols, [a * b for a, b in zip(*rows[:2])]

# run: arrays(4)
# expect: 12.0
def arrays(n):
    pair = (np.arange(float(n)), np.ones(n))
    s = 0.0
    for i, (x, y) in enumerate(zip(*pair)):
        s += x * y + i
    return s

# run: tuples(2)
# expect: ((0, 1, 2, 3), (2, 5, 8), (5, 3, 1), (), (2, 2.5, 'x'), (), (1, 2))
def tuples(n):
    t = (n, 2.5, "x")
    return tuple(range(4)), tuple(range(2, 11, 3)), tuple(range(5, 0, -2)), tuple(range(-3)), tuple(t), tuple(), tuple((1, n))

# run: unpack_range(0)
# expect: 210
def unpack_range(n):
    a, b, c = tuple(range(3))
    return a + b * 10 + c * 100 + n
