# An array variable a loop gives a new array each iteration (`grid = new` after `new = grid.copy()`, `x = x + dx`) has
# the array it held let go when the iteration replaces it (opt/arrfree.c carried): never the array the loop was
# entered with (an argument, a caller's array, one kept under another name), never one kept elsewhere (a list, a
# return, a view read later), and never when the variable is not replaced on a way back (a conditional rebinding).
import cmath
import math

import numpy as np


# run: life(9)
# expect: 5
def life(steps):
    n = 8
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
    return grid.sum()


# run: steps([0.0, 1.0, 2.0, 3.0], 1000)
# expect: (500.0, 0.0)
def steps(x0, n):
    x = x0
    dx = np.full(4, 0.5)
    for _ in range(n):
        x = x + dx
    return x[0], x0[0]


# run: caller(5)
# expect: (14.0, 3.0, 3.0)
def caller(n):
    a = np.full(3, 3.0)
    b = steps_of(a, n)
    return b.sum(), a[0], a.sum() / 3


def steps_of(a, n):
    g = a
    for _ in range(n):
        g = g.copy()
        g[0] += 1
    return g


# run: aliased(4)
# expect: (0.0, 4.0)
def aliased(n):
    g = np.zeros(5)
    h = g
    for _ in range(n):
        g = g + 1.0
    return h.sum(), g[0]


# run: sometimes(10)
# expect: (5.0, 0.0)
def sometimes(n):
    g = np.zeros(3)
    first = g
    for i in range(n):
        if i % 2:
            g = g + 1.0
    return g[2], first[0]


# run: kept(6)
# expect: (17.5, 6)
def kept(n):
    g = np.zeros(2)
    seen = []
    for i in range(n):
        g = g + i
        seen.append(g)
    return sum([s[0] for s in seen]) / 2 + 0.0 * len(seen), len(seen)


# run: nested(3, 4)
# expect: (12.0, 0.0, 3)
def nested(m, n):
    total = 0.0
    zero = 0.0
    for _ in range(m):
        g = np.zeros(4)
        start = g
        for _ in range(n):
            g = g + 1.0
        total += g[0]
        zero += start[1]
    return total, zero, m


# run: with_break(100)
# expect: (7.0, 7)
def with_break(n):
    g = np.zeros(2)
    k = 0
    for i in range(n):
        new = g + 1.0
        if new[0] > 6.5:
            g = new
            k = i + 1
            break
        g = new
    return g[0], k


# run: views_in_loop(5)
# expect: (15.0, 5.0)
def views_in_loop(n):
    g = np.arange(6.0)
    acc = 0.0
    for _ in range(n):
        row = g[1:3]
        acc += row[1] - row[0]
        g = g[::-1].copy()[::-1].copy() + 1.0
        acc += 2.0
    return acc, g[0]


# run: escape(20, 30, (-0.8+0.156j))
# expect: 7971
def escape(w, h, c):
    total = 0
    for y in range(h):
        for x in range(w):
            z = complex(-1.5 + 3.0 * x / w, -1.0 + 2.0 * y / h)
            n = 0
            while cmath.polar(z)[0] <= 2.0 and n < 40:
                z = z * z + c
                n += 1
            total += n
    return total + int(0 * math.atan2(1.0, 2.0))
