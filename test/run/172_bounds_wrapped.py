# Bounds checks bce.c proves away: an index x % c or x & m below a constant length (a torus's wrapped neighbours),
# a copy's lengths its source's, and a loop's array variable the lengths of the array it starts as where each
# iteration gives it a copy of itself; a modulus past the length, or a variable given other shapes, keeps its checks
# (an IndexError at the same element as CPython's).
import numpy as np


# run: wrap_big(20)
# expect-error: line 14: IndexError: index 8 is out of bounds for axis 0 with size 8
def wrap_big(n):
    g = np.zeros(8)
    s = 0.0
    for i in range(n):
        s += g[i % 100]
    return s


# run: wrap_ok(50)
# expect: 692.0
def wrap_ok(n):
    g = np.arange(8.0)
    s = 0.0
    for i in range(n):
        s += g[(i * 7) % 8] + g[i & 7] + g[-i % 8] + g[(i - 30) % 8]
    return s


# run: mask_big(10)
# expect-error: line 34: IndexError: index 8 is out of bounds for axis 0 with size 8
def mask_big(n):
    g = np.zeros(8)
    s = 0.0
    for i in range(n):
        s += g[i & 15]
    return s


# run: carried(10)
# expect: (10.0, 0.0)
def carried(n):
    g = np.zeros((3, 4))
    for k in range(n):
        h = g.copy()
        h[k % 3, k % 4] += 1.0
        g = h
    return g.sum(), g[2, 3]


# run: carried_shrinks(7)
# expect-error: line 58: IndexError: index 4 is out of bounds for axis 0 with size 4
def carried_shrinks(n):
    g = np.zeros(8)
    for k in range(n):
        g = g.copy() if k % 2 else np.zeros(4)
        g[k % 2] = 1.0
    t = 0.0
    for k in range(8):
        t += g[k % 8]
    return t


# run: life(6)
# expect: [[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 1, 0], [0, 0, 1, 0, 1, 0], [0, 0, 0, 1, 1, 0]]
def life(steps):
    n = 6
    grid = np.zeros((n, n), dtype=np.int64)
    grid[1, 2] = grid[2, 3] = grid[3, 1] = grid[3, 2] = grid[3, 3] = 1
    for _ in range(steps):
        new = grid.copy()
        for i in range(n):
            for j in range(n):
                s = 0
                for di in (-1, 0, 1):
                    for dj in (-1, 0, 1):
                        if di or dj:
                            s += grid[(i + di) % n, (j + dj) % n]
                new[i, j] = 1 if s == 3 or (s == 2 and grid[i, j]) else 0
        grid = new
    return grid
