# collections.deque: append/appendleft, pop/popleft (O(1) at both ends), extend/extendleft, rotate, maxlen (a full
# bounded deque drops an item from the other end), indexing, ==, *, +, copy, its repr; and a list's pop(0) and
# insert(0, x), which take the same O(1) path
from collections import deque
import collections
import numpy as np

# run: ends(5)
# expect: (deque([0, 1, 2, 3]), -1, 4, 4, 0, 3, deque([8, 7, 0, 1, 2, 3, 10, 11]), 42)
def ends(n):
    d = deque()
    for i in range(n):
        d.append(i)
    d.appendleft(-1)
    a = d.popleft()
    b = d.pop()
    first = deque(d)
    d.extend([10, 11])
    d.extendleft([7, 8])
    return first, a, b, len(first), first[0], first[-1], d, sum(d)

# run: rotations(8, 3)
# expect: (deque([5, 6, 7, 0, 1, 2, 3, 4]), deque([3, 4, 5, 6, 7, 0, 1, 2]), deque([7, 0, 1, 2, 3, 4, 5, 6]), deque([0, 1, 2, 3, 4, 5, 6, 7]), deque([6, 7, 0, 1, 2, 3, 4, 5]), deque([]), deque([1]))
# run: rotations(5, -7)
# expect: (deque([2, 3, 4, 0, 1]), deque([3, 4, 0, 1, 2]), deque([4, 0, 1, 2, 3]), deque([0, 1, 2, 3, 4]), deque([3, 4, 0, 1, 2]), deque([]), deque([1]))
def rotations(n, k):
    d = deque(range(n))
    d.rotate(k)
    a = d.copy()
    d.rotate(-2 * k)
    b = d.copy()
    d.rotate(k + 1)
    c = d.copy()
    d.rotate()
    d.rotate(-1)
    d.rotate(-1)
    e = d.copy()
    d.rotate(n * 5 - 2 + 4)
    f = deque()
    f.rotate(3)
    g = deque([1])
    g.rotate(-4)
    return a, b, c, deque(sorted(d)), d, f, g

# run: bounded(6)
# expect: (deque([3, 4, 5], maxlen=3), 3, deque([-1, 3, 4], maxlen=3), deque([4, -1, 3], maxlen=3), deque([9, 9, 3], maxlen=3), deque([2, 9, 10], maxlen=3), deque([], maxlen=0), 0, None)
def bounded(n):
    d = deque(range(n), 3)
    first = d.copy()
    d.appendleft(-1)
    second = d.copy()
    d.extendleft([4])
    third = d.copy()
    d.extend([9])
    d.popleft()
    d.append(9)
    fourth = deque(d, maxlen=3)
    fourth.rotate(2)
    e = deque([1, 2, 3], maxlen=3)
    e.extend([9, 10])
    e.popleft()
    e.appendleft(2)
    z = deque(maxlen=0)
    z.append(1)
    z.appendleft(2)
    z.extend([1, 2])
    z.extendleft([3])
    return first, first.maxlen, second, third, fourth, e, z, len(z), deque([1]).maxlen

# run: window([1.0, 3.0, 2.0, 8.0, 4.0], 3)
# expect: [1.0, 2.0, 2.0, 4.333333333333333, 4.666666666666667]
def window(xs, k):
    w = deque(maxlen=k)
    out = []
    for x in xs:
        w.append(x)
        out.append(sum(w) / len(w))
    return out

# run: sliding_max([1, 3, -1, -3, 5, 3, 6, 7], 3)
# expect: [3, 3, 5, 5, 6, 7]
def sliding_max(a, k):
    q = deque()
    out = []
    for i in range(len(a)):
        while q and a[q[-1]] <= a[i]:
            q.pop()
        q.append(i)
        if q[0] <= i - k:
            q.popleft()
        if i >= k - 1:
            out.append(a[q[0]])
    return out

# run: bfs_grid(30, 40)
# expect: (68, 1200)
def bfs_grid(h, w):
    dist = np.full((h, w), -1, dtype=np.int64)
    dist[0, 0] = 0
    q = collections.deque([(0, 0)])
    seen = 1
    while q:
        y, x = q.popleft()
        for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            ny, nx = y + dy, x + dx
            if 0 <= ny < h and 0 <= nx < w and dist[ny, nx] < 0:
                dist[ny, nx] = dist[y, x] + 1
                seen += 1
                q.append((ny, nx))
    return int(dist.max()), seen

# run: operators(3)
# expect: (deque([0, 1, 2, 0, 1, 2]), deque([1, 2, 3], maxlen=3), deque([3, 1, 2, 3], maxlen=4), deque([]), deque([0, 1, 2, 0, 1, 2]), deque([3, 4], maxlen=2), 2, True, False, False, True, True, deque([0, 1, 2, 5, 6]), deque([0.5, 1.5]))
def operators(n):
    d = deque(range(n))
    bounded = deque([1, 2, 3], maxlen=3)
    e = deque([1, 2, 3], maxlen=2) + deque([4])
    g = d + deque([5, 6])
    h = deque([0.5])
    h += [1.5]
    return (d * 2, bounded * 1, deque([1, 2, 3], maxlen=4) * 2, d * 0, 2 * d, e, e.maxlen, d == deque([0, 1, 2]),
            d == deque([0, 1]), deque([1]) == deque([2]), deque() == deque(), deque([1, 2], 3) == deque([1, 2]), g, h)

# run: items(4)
# expect: (deque([(0, 0.5), (1, 1.0), (2, 1.5), (3, 2.0)]), 3, 2.0, (0, 0.5), deque([(1, 1.0), (2, 1.5)]), deque(['w', 'a', 'bb']), True, 2, deque(['a', 'b', 'c']), [deque([1, 2]), deque([9, 3])], deque([[1], [2, 2]]))
def items(n):
    t = deque()
    for i in range(n):
        t.append((i, (i + 1) * 0.5))
    whole = t.copy()
    a, b = t.pop()
    first = t.popleft()
    s = deque(['a', 'bb'])
    s.appendleft('w')
    rows = [deque([1, 2]), deque([3])]
    rows[1].appendleft(9)
    ls = deque([[1]])
    ls.append([2, 2])
    return whole, a, b, first, t, s, 'bb' in s, s.index('bb'), deque('abc'), rows, ls

# run: sequence(6)
# expect: (deque([0, 77, 4, 12, 16, 25]), 134, 77, [25, 16, 12, 4, 77, 0], [77, 12, 16, 25], 3, 2, True, False, deque([0, 1, 6]), 3, deque([]), False)
def sequence(n):
    g = deque(i * i for i in range(n))
    g[1] = 77
    del g[2]
    g[2] += 3
    g.insert(2, 4)
    g.remove(9 + 3 + 0 if False else 4)
    g.insert(2, 4)
    r = deque(x for x in range(3))
    r.reverse()
    r.reverse()
    r[2] *= 2
    r[2] += 2
    c = deque([1, 2, 3])
    c.clear()
    return (g, sum(g), max(g), list(reversed(g)), [x for x in g if x > 5], g.index(12), g.count(4) + 1, 25 in g, 26 in g,
            r, len(r), c, bool(c))

# run: printed(3)
# expect: 'deque([0, 1, 2]) deque([0.5], maxlen=2) deque([0, 1, 2]) deque([])'
def printed(n):
    d = deque(range(n))
    e = deque([0.5], maxlen=2)
    return str(d) + " " + repr(e) + " " + f"{d}" + " " + str(deque())

# run: from_arrays(4)
# expect: (deque([0.0, 1.0, 2.0, 3.0]), deque([0, 1]), deque([1, 2, 3]), 6.0)
def from_arrays(n):
    d = deque(np.arange(n, dtype=np.float64))
    e = deque(np.arange(2, dtype=np.int32))
    f = deque((1, 2, 3))
    return d, e, f, float(np.array(d).sum())

# run: list_queue(2000)
# expect: (1332000, 2000000, 999000, [1999, 1998, 1997], 1999)
def list_queue(n):
    q = list(range(n))
    total = 0
    while q:
        total += q.pop(0)
        if q:
            q.pop(0)
            total += q.pop(0) if q else 0
    a = []
    for i in range(n):
        a.insert(0, i)
    s = 0
    for i in range(n // 2):
        s += a.pop(0) - a.pop()
    b = []
    for i in range(n):
        b.insert(0, i)
        if i % 3 == 0:
            b.remove(b[0])
            b.insert(0, i)
    return total, s + 1000000, sum(a) + 999000, b[:3], len(b) - 1

# run: churn(20000, 7)
# expect: (19985013, 7, 10)
def churn(n, k):
    d = deque()
    tot = 0
    for i in range(n):
        if i % 3 == 0:
            d.appendleft(i)
        else:
            d.append(i)
        if len(d) > k:
            tot += d.popleft() if i % 2 else d.pop()
    w = deque(maxlen=10)
    for i in range(n):
        if i % 4 == 0:
            w.appendleft(i)
        else:
            w.append(i)
    return tot // 10, len(d), len(w)

# run: returns_none(2)
# expect: (None, None, None, None, None, None, None)
def returns_none(n):
    d = deque([1])
    return d.append(n), d.appendleft(n), d.extend([n]), d.extendleft([n]), d.rotate(), d.clear(), d.insert(0, n)

# run: errors(0)
# expect-error: line 254: IndexError: pop from an empty deque
# run: errors(1)
# expect-error: line 258: IndexError: pop from an empty deque
# run: errors(2)
# expect-error: line 260: IndexError: deque index out of range
# run: errors(3)
# expect-error: line 262: IndexError: deque index out of range
# run: errors(4)
# expect-error: line 264: IndexError: deque index out of range
# run: errors(5)
# expect-error: line 266: IndexError: deque already at its maximum size
# run: errors(6)
# expect-error: line 268: ValueError: maxlen must be non-negative
# run: errors(7)
# expect-error: line 270: ValueError: 5 is not in deque
# run: errors(8)
# expect-error: line 272: ValueError: (3, 4.5) is not in deque
# run: errors(9)
# expect-error: line 274: ValueError: 'b' is not in deque
# run: errors(10)
# expect-error: line 276: IndexError: deque index out of range
def errors(k):
    d = deque([1, 2])
    e = deque([(1, 2.5)], maxlen=1)
    if k == 0:
        d.pop()
        d.pop()
        d.pop()
    if k == 1:
        d.popleft()
        d.popleft()
        d.popleft()
    if k == 2:
        d.append(d[2])
    if k == 3:
        d[-3] = 4
    if k == 4:
        del d[5]
    if k == 5:
        e.insert(0, (2, 3.5))
    if k == 6:
        d = deque([1], maxlen=k - 7)
    if k == 7:
        d.remove(5)
    if k == 8:
        d.append(e.index((3, 4.5)))
    if k == 9:
        d.append(deque(['a']).index('b'))
    if k == 10:
        d[-3] += 1
    return d

# run: nested(7)
# expect: ([deque([-1, 0, 3, 6]), deque([1, 4]), deque([2, 5])], {1: deque([0, 7])}, [[deque([]), deque([])], [deque([2.5]), deque([])]])
def nested(n):
    qs = [deque() for _ in range(3)]
    for i in range(n):
        qs[i % 3].append(i)
    qs[0].appendleft(-1)
    d = {}
    d.setdefault(1, deque()).append(n)
    d.setdefault(1, deque()).appendleft(0)
    grid = [[deque() for _ in range(2)] for _ in range(2)]
    grid[1][0].append(2.5)
    return qs, d, grid

# run: merged(16, 1)
# expect: (deque([17], maxlen=1), [8.0], {16: 2.5}, {16})
# run: merged(16, -1)
# expect: (deque([16, 17]), [8.0], {16: 2.5}, {16})
def merged(v, k):
    # an empty container that reaches its variable through a conditional expression is typed by what is put in it
    # (its appends were silently skipped before the twenty-fourth session)
    d = deque(maxlen=k) if k >= 0 else deque()
    d.append(v)
    d.append(v + 1)
    l = [] if k >= 0 else []
    l.append(v * 0.5)
    m = {} if k else {}
    m[v] = 2.5
    s = set() if k else set()
    s.add(v)
    return d, l, m, s

# run: empty_repeat(5)
# expect: (deque([], maxlen=3), deque([], maxlen=2), deque([], maxlen=0), deque([], maxlen=0), deque([2, 1, 2, 1, 2], maxlen=5))
def empty_repeat(n):
    # an empty bounded deque repeated (a division by zero in the runtime before; found by the mutation test)
    d = deque(maxlen=3)
    e = deque([1.5], maxlen=2)
    e.clear()
    return d * n, e * 4, deque(maxlen=0) * 2, deque([1, 2], maxlen=0) * 3, deque([1, 2], maxlen=5) * n
