# Section 6b: dicts: displays, comprehensions, d[k] and d[k] = v, in, len, iteration in insertion order,
# items/keys/values, get/pop/setdefault/clear, del; counting, memoization and graph kernels written with them
import numpy as np

# run: count(np.array([1.0, 2.0, 1.0, 3.0, 1.0]))
# expect: {1.0: 3, 2.0: 1, 3.0: 1}
def count(a):
    c = {}
    for x in a:
        c[x] = c.get(x, 0) + 1
    return c

# run: basics(5)
# expect: (2, False, True, False, 24.0, 6, {1: 1, 3: 9}, None, -1.0, 4.5, 0.5, {1: 3.5, 7: 0.5})
def basics(n):
    d = {1: 2.5, 2: 3.5}
    d[3] = 4.5
    d[1] += 1.0
    s = 0.0
    for k in d:
        s += d[k] * k
    t = 0
    for k, v in d.items():
        t += k
    del d[2]
    sq = {i: i * i for i in range(n) if i % 2}
    return len(d), 2 in d, 3 in d, 3 not in d, s, t, sq, d.get(9), d.get(9, -1.0), d.pop(3), d.setdefault(7, 0.5), d

# run: views(3)
# expect: ([0, 1, 2], [0.0, 0.5, 1.0], 0.5, [3, 2, 1, 0], 3, 0, True, False, [0, 1, 2, 3], 0.5)
def views(n):
    d = {i: i * 0.5 for i in range(n)}
    ks = list(d.keys())
    vs = list(d.values())
    d[n] = -1.0
    total = 0.0
    for v in d.values():
        total += v
    return ks, vs, total, sorted(d.keys(), reverse=True), max(d), len({}), bool(d), bool({}), list(d), sum(d.values())

# run: tuple_keys(1)
# expect: (11, 20, False, 6)
def tuple_keys(k):
    grid = {}
    for i in range(3):
        for j in range(2):
            grid[(i, j)] = i * 10 + j
    return grid[(k, 1)], grid[2, 0], (5, 5) in grid, len(grid)

# run: tuple_keys(7)
# expect-error: line 48: KeyError: (7, 1)

# run: memo_fib(40)
# expect: 102334155
def memo_fib(n):
    memo = {0: 0, 1: 1}
    for i in range(2, n + 1):
        memo[i] = memo[i - 1] + memo[i - 2]
    return memo[n]

# run: degrees(6)
# expect: ({0: 1, 1: 4, 4: 4, 2: 1, 3: 1, 5: 1}, 1)
def degrees(n):
    edges = [(i, (i * 3 + 1) % n) for i in range(n)]
    deg = {}
    for u, v in edges:
        deg[u] = deg.get(u, 0) + 1
        deg[v] = deg.get(v, 0) + 1
    return deg, max(deg, key=lambda k: deg[k])

# run: missing(3)
# expect-error: line 75: KeyError: 3
def missing(k):
    d = {1: 1.5}
    return d[k]

# run: pop_missing(3)
# expect-error: line 82: KeyError: 3
def pop_missing(k):
    d = {1: 1.5}
    d.pop(1)
    return d.pop(k)

# run: del_missing(3)
# expect-error: line 88: KeyError: 3
def del_missing(k):
    d = {1: 1.5}
    del d[k]
    return d

# run: clear_and_reuse(4)
# expect: (3, {5: [1]}, False)
def clear_and_reuse(n):
    d = {i: [i] * i for i in range(n)}
    d[2].append(9)
    first = len(d[3])
    d.clear()
    d[5] = [1]
    return first, d, 2 in d
