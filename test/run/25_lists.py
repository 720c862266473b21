# Section 6a: Python lists: displays, [x] * n, comprehensions, indexing and slicing, methods,
# operators, iteration, list() / sorted(), list arguments and results, np.array of lists, and the
# textbook kernels people write with them (sieves, sorts, histograms, stacks, matrices as lists of lists)
import numpy as np

# run: sieve(50)
# expect: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [k for k in range(n + 1) if is_p[k]]

# run: sieve(2)
# expect: [2]

# run: sieve(1)
# expect: []

# run: insertion(list([5, 2, 9, 1, 5, 6]))
# expect: [1, 2, 5, 5, 6, 9]
def insertion(a):
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a

# run: insertion(list([3.5, -1.0, 2.25]))
# expect: [-1.0, 2.25, 3.5]

# run: insertion(list([]))
# expect: []

# run: histogram(np.array([0.1, 0.5, 0.55, 0.9, 0.99, 0.3]), 4)
# expect: [1, 1, 2, 2]
def histogram(x, nbins):
    counts = [0] * nbins
    for v in x:
        b = int(v * nbins)
        if b == nbins:
            b -= 1
        counts[b] += 1
    return counts

# run: stack_eval(list([3, 4, -1, 2, -2, 5, -1]))
# expect: [19]
def stack_eval(ops):
    # positive: push; -1: add the top two; -2: multiply them
    st = []
    for op in ops:
        if op >= 0:
            st.append(op)
        elif op == -1:
            b = st.pop()
            a = st.pop()
            st.append(a + b)
        else:
            b = st.pop()
            st.append(st.pop() * b)
    return st

# run: matmul_lists(3)
# expect: [[1.5, 2.0, 2.5], [3.5, 4.0, 4.5], [5.5, 6.0, 6.5]]
def matmul_lists(n):
    a = [[float(i + j) for j in range(n)] for i in range(n)]
    b = [[1.0 if i == j else 0.5 for j in range(n)] for i in range(n)]
    c = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(n):
                s += a[i][k] * b[k][j]
            c[i][j] = s
    return c

# run: displays(3)
# expect: ([1, 2, 3], [1.5, 1.5], [[1, 2], [3]], [True, True], [], 1, [1, 3], [[]])
def displays(x):
    a = [1, 2, x]
    b = [x * 0.5, 1.5]
    c = [[1, 2], [x]]
    d = [True, x > 2]
    e = []
    return a, b, c, d, e, len(c[1]), [a[0], a[-1]], [[]]

# run: repeat(3)
# expect: ([0, 0, 0], [1.5, 1.5], [], [], [1, 2, 1, 2, 1, 2], [0, 0, 0])
def repeat(n):
    z = [0] * n
    o = [1.5] * 2
    e = [7] * 0
    neg = [1] * -3
    two = [1, 2] * n
    three = n * [0]
    return z, o, e, neg, two, three

# the same inner list n times, as in Python: a change shows in every row
# run: alias_rows(3)
# expect: [[0, 5, 0, 9], [0, 5, 0, 9], [0, 5, 0, 9]]
def alias_rows(n):
    rows = [[0] * n] * n
    rows[0][1] = 5
    b = rows[1]
    b.append(9)
    return rows

# run: indexes(list([10, 20, 30, 40]))
# expect: (11, 41, 11, [11, 40, 30, 41])
def indexes(a):
    a[-1] = 41
    a[0] += 1
    a[1] *= 2
    return a[0], a[-1], a[-4], a

# run: index_error(list([1, 2, 3]), 3)
# expect-error: line 127: IndexError: list index out of range
def index_error(a, i):
    return a[i]

# run: index_error(list([1, 2, 3]), -4)
# expect-error: line 127: IndexError: list index out of range

# run: store_error(list([1, 2, 3]), 5)
# expect-error: line 135: IndexError: list assignment index out of range
def store_error(a, i):
    a[i] = 0
    return a

# run: slices(list([0, 1, 2, 3, 4, 5]))
# expect: ([1, 2, 3], [0, 1], [3, 4, 5], [0, 2, 4], [5, 4, 3, 2, 1, 0], [4, 5], [], [1, 3], [0, 1, 2, 3, 4, 5])
def slices(a):
    return a[1:4], a[:2], a[3:], a[::2], a[::-1], a[-2:], a[4:1], a[1:-1:2], a[:]

# a slice is a copy: changing it leaves the list alone
# run: slice_copy(list([1, 2, 3]))
# expect: ([1, 2, 3], [99, 2, 3], [1, 2, 3, 4])
def slice_copy(a):
    b = a[:]
    b[0] = 99
    c = a.copy()
    c.append(4)
    return a, b, c

# run: methods(5)
# expect: ([9, 3, 1, 1, 5, 5, 2, 6, 5, 3], 8, 0, 7, 2, 4, 2)
def methods(x):
    a = [3, 1, 4, 1, 5]
    a.append(x)
    a.insert(0, 9)
    a.insert(-1, 7)
    a.insert(100, 8)
    a.insert(-100, 0)
    p = a.pop()
    q = a.pop(0)
    r = a.pop(-2)
    a.extend([2, 6])
    a.extend((5, 3))
    i = a.index(1)
    j = a.index(1, 3)
    c = a.count(1)
    a.remove(4)
    return a, p, q, r, i, j, c

# run: sort_methods(list([3.5, -2.0, 7.25, 0.0, 3.5]))
# expect: ([-2.0, 0.0, 3.5, 3.5, 7.25], [-2.0, 0.0, 3.5, 3.5, 7.25], [7.25, 3.5, 3.5, 0.0, -2.0], [-2.0, 0.0, 3.5, 3.5, 7.25])
def sort_methods(a):
    b = sorted(a)
    c = sorted(a, reverse=True)
    a.sort()
    d = a.copy()
    d.sort(reverse=True)
    d.reverse()
    return a, b, c, d

# run: pop_errors(0)
# expect-error: line 190: IndexError: pop from empty list
def pop_errors(k):
    a = [1, 2]
    a.pop()
    a.pop()
    return a.pop()

# run: pop_range(list([1, 2]), 5)
# expect-error: line 195: IndexError: pop index out of range
def pop_range(a, i):
    return a.pop(i)

# run: not_found(list([1, 2, 3]), 7)
# expect-error: line 200: ValueError: 7 is not in list
def not_found(a, x):
    return a.index(x)

# run: not_found(list([1.5, 2.5]), 0.5)
# expect-error: line 200: ValueError: 0.5 is not in list

# run: remove_missing(list([1, 2]), 3)
# expect-error: line 208: ValueError: list.remove(x): x not in list
def remove_missing(a, x):
    a.remove(x)
    return a

# run: membership(list([1, 2, 3]), 2)
# expect: (True, False, False, True, True, False)
def membership(a, x):
    return x in a, x not in a, x + 10 in a, 2.0 in a, [1, 2] in [[1, 2], [3]], [2] in [[1, 2]]

# run: operators(2)
# expect: ([1, 2, 9, 8, 7], [1, 2, 3], [1, 2], [1, 2, 9, 8, 7], True, 0)
def operators(n):
    a = [1, 2]
    b = a + [3] + []
    c = [] + a
    a += [9, 8]
    d = a
    d += [7]
    return a, b, c, d, a is d, len(a * 0)

# run: equality(2)
# expect: (True, False, False, True, True, True, True)
def equality(n):
    a = [1, 2, n]
    b = [1, 2, 2]
    c = [[1], [n]]
    return a == b, a != b, a == [1, 2], c == [[1], [2]], [] == [], a == a[:], c != [[1], [2, 3]]

# run: truth(0)
# expect: 110
def truth(n):
    a = [1] * n
    r = 0
    if a:
        r += 1
    if not a:
        r += 10
    b = [0]
    if b:
        r += 100
    return r

# run: iterate(list([2, 4, 6]))
# expect: (12, 16, 7.0)
def iterate(a):
    s = 0
    for x in a:
        s += x
    t = 0
    for i, x in enumerate(a):
        t += i * x
    u = 0.0
    for x, y in zip(a, [0.5, 1.5]):
        u += x * y
    return s, t, u

# the length is read before every item, as in CPython: items appended in the loop are visited
# run: grow_while_iterating(3)
# expect: [1, 2, 3]
def grow_while_iterating(n):
    a = [1]
    for x in a:
        if x < n:
            a.append(x + 1)
    return a

# run: builtins(list([4, -1, 7, 2]))
# expect: (12, -1, 7, 4, 0.75, True, False, [-1, 2, 4, 7])
def builtins(a):
    return sum(a), min(a), max(a), len(a), sum([0.5, 0.25]), any(a), all([x > 0 for x in a]), sorted(a)

# run: list_calls(4)
# expect: ([0, 1, 2, 3], [2, 5, 8, 11], [0, 1, 4, 9], [1.5, 2.5], [0.0, 1.0, 2.0], [0, 1, 2, 3, 9], [])
def list_calls(n):
    a = list(range(n))
    b = list(range(2, n * 3, 3))
    c = list(x * x for x in range(n))
    d = list((1.5, 2.5))
    e = list(np.arange(3.0))
    f = list(a)
    f.append(9)
    g = list()
    return a, b, c, d, e, f, g

# run: comprehensions(4)
# expect: ([0, 1, 4, 9], [0, 3, 6, 9], [1, 2, 3, 3, 4, 5], [[0, 0, 0], [0, 1, 2], [0, 2, 4], [0, 3, 6]], [4.5, 9.5], [])
def comprehensions(n):
    a = [i * i for i in range(n)]
    b = [i for i in range(10) if i % 3 == 0]
    c = [(i + j) for i in range(n) for j in range(i)]
    d = [[i * j for j in range(3)] for i in range(n)]
    e = [x + 0.5 for x in a if x > 1]
    f = [x for x in []]
    return a, b, c, d, e, f

# run: to_array(3)
# expect: ([1, 2, 3], [[1.0, 2.0], [3.0, 3.0]], [0.0, 0.5, 1.0], [True, False], [1.0, 2.0], [])
def to_array(n):
    a = np.array([1, 2, n])
    b = np.array([[1.0, 2.0], [3.0, float(n)]])
    c = np.asarray([x * 0.5 for x in range(n)])
    d = np.array([True, False])
    e = np.array([1, 2], dtype=np.float32)
    f = np.array([])
    return a, b, c, d, e, f

# run: ragged(2)
# expect: [[1, 2], [3, 3]]
def ragged(n):
    return np.array([[1, 2], [3] * n])

# run: ragged(3)
# expect-error: line 316: ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.

# run: with_arrays(np.array([1.0, 2.0, 3.0]))
# expect: ([0.5, 2.0, 6.0], [1.0, 2.0, 3.0, 4.0], 10.0)
def with_arrays(x):
    a = [0.5, 1.0, 2.0]
    y = x * np.array(a)
    b = list(x)
    b.append(4.0)
    return y, b, sum(b)

# lists as arguments: a caller's list is read, and what comes back is a new Python list
# run: nested_arg(list([[1, 2], [3, 4, 5], []]))
# expect: ([[1, 2], [3, 4, 5], [15]], 15, [2, 3, 1])
def nested_arg(m):
    tot = 0
    for row in m:
        for v in row:
            tot += v
    m[2].append(tot)
    return m, tot, [len(r) for r in m]

# run: queue_bfs(6)
# expect: ([0, 1, 1, 2, 2, 3], [0, 1, 2, 3, 4, 5])
def queue_bfs(n):
    # a ring: node i connects to i + 1 and i + 2; breadth-first distances from 0
    dist = [-1] * n
    dist[0] = 0
    q = [0]
    head = 0
    while head < len(q):
        u = q[head]
        head += 1
        for v in ((u + 1) % n, (u + 2) % n):
            if dist[v] < 0:
                dist[v] = dist[u] + 1
                q.append(v)
    return dist, q

# run: primes_trial(30)
# expect: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
def primes_trial(n):
    ps = []
    for k in range(2, n):
        ok = True
        for p in ps:
            if p * p > k:
                break
            if k % p == 0:
                ok = False
                break
        if ok:
            ps.append(k)
    return ps

# run: merge_sorted(list([1, 4, 9]), list([2, 3, 10, 11]))
# expect: [1, 2, 3, 4, 9, 10, 11]
def merge_sorted(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out

# run: quicksort_list(list([5, 3, 8, 1, 9, 2, 7]))
# expect: [1, 2, 3, 5, 7, 8, 9]
def quicksort_list(a):
    if len(a) <= 1:
        return a
    pivot = a[0]
    left = [x for x in a[1:] if x < pivot]
    right = [x for x in a[1:] if x >= pivot]
    return quicksort_list(left) + [pivot] + quicksort_list(right)

# run: pascal(6)
# expect: [[1], [1, 1], [1, 2, 1], [1, 3, 3, 1], [1, 4, 6, 4, 1], [1, 5, 10, 10, 5, 1]]
def pascal(n):
    rows = [[1]]
    for i in range(1, n):
        prev = rows[-1]
        row = [1]
        for k in range(1, i):
            row.append(prev[k - 1] + prev[k])
        row.append(1)
        rows.append(row)
    return rows

# run: numpy_items(np.array([1.5, 2.5, 3.5], dtype=np.float32))
# expect: ([1.5, 2.5, 3.5], [3.0, 5.0, 7.0], [1, 2, 3])
def numpy_items(x):
    a = [x[0], x[1]]
    a.append(x[2])
    b = [0.0] * 3
    for i in range(3):
        b[i] = x[i] * 2
    c = [int(v) for v in x]
    return a, b, c

# run: bool_list(5)
# expect: ([True, False, True, False, True], 3, True, 3)
def bool_list(n):
    flags = [False] * n
    for i in range(0, n, 2):
        flags[i] = True
    return flags, flags.count(True), True in flags, sum(flags)

# run: clear_reuse(3)
# expect: [20, 10, 0]
def clear_reuse(n):
    a = [1, 2, 3]
    a.clear()
    for i in range(n):
        a.append(i * 10)
    b = a
    a.reverse()
    return b

# run: complex_list(2.0)
# expect: ([1j, (2+2j), (2-1j)], (-2+2j), True)
def complex_list(x):
    a = [1j, x + 2j]
    a.append(complex(x, -1.0))
    return a, a[1] * a[0], 1j in a

# run: pass_through(list([1.5, 2.5]))
# expect: (4.0, 3, [1.5, 2.5, 3.5])
def pass_through(a):
    return helper_sum(a), helper_push(a, 3.5), a

def helper_sum(v):
    s = 0.0
    for x in v:
        s += x
    return s

def helper_push(v, x):
    v.append(x)
    return len(v)

# lists where NumPy takes arrays: np.concatenate and np.stack of lists and arrays, np.array of a
# list of arrays (stacked), a list as an index array
# run: numpy_takes_lists(np.array([1.0, 2.0]))
# expect: ([0.0, 1.0, 2.0], [1.0, 2.0, 1.0, 2.0, 5.0], [[1.0, 2.0], [2.0, 4.0]], [[1.0, 2.0], [2.0, 3.0]], [[0.5, 1.0], [7.0, 8.0]], [2.0, 1.0, 2.0], [0, 2, 4], [9.0, 2.0])
def numpy_takes_lists(x):
    a = np.concatenate(([0.0], x))
    b = np.concatenate([x, x, [5.0]])
    c = np.stack([x, x * 2])
    d = np.array([x, x + 1])
    e = np.array([x * 0.5, [7, 8]])
    f = x[[1, 0, 1]]
    g = np.arange(10)[[i * 2 for i in range(3)]]
    x[[0]] = 9.0
    return a, b, c, d, e, f, g, x

# lists of tuples: points, edges, (value, index) pairs; unpacked in for loops, compared whole
# run: tuples_in_lists(3)
# expect: ([(0.0, 1.0), (2.0, 3.5), (3.0, -1.0)], 4.0, [(9, 9), (1, 2)], [2, 2, 2], (2, 0), (0, 1), [(3.5, 0), (0.5, 7)], False, 1, 3.5, 2)
def tuples_in_lists(n):
    pts = [(0.0, 1.0), (2.0, 3.5)]
    pts.append((n * 1.0, -1.0))
    sx = 0.0
    for x, y in pts:
        sx += x * y
    edges = [(i, (i + 1) % n) for i in range(n)]
    deg = [0] * n
    for u, v in edges:
        deg[u] += 1
        deg[v] += 1
    last = edges.pop()
    first = edges.pop(0)
    edges.insert(0, (9, 9))
    pairs = [(v, i) for i, v in enumerate([3.5, 1.5])]
    pairs[1] = (0.5, 7)
    return pts, sx, edges, deg, last, first, pairs, (2, 0) in edges, edges.index((1, 2)), pts[1][1], len(pairs)

# run: nested_records(2)
# expect: ([(0, (0.0, [])), (1, (0.5, [1])), (2, (1.0, [2, 2, 99]))], 2, 1.0, True)
def nested_records(n):
    recs = [(i, (i * 0.5, [i] * i)) for i in range(n + 1)]
    a, (b, c) = recs[-1]
    c.append(99)
    return recs, a, b, recs == [(0, (0.0, [])), (1, (0.5, [1])), (2, (1.0, [2, 2, 99]))]

# run: tuple_arg(list([(1, 2.5), (3, 4.5)]))
# expect: (16.0, [(1, 2.5), (3, 4.5), (5, 0.5)])
def tuple_arg(ps):
    s = 0.0
    for k, v in ps:
        s += k * v
    ps.append((5, 0.5))
    return s, ps

# sort(key=...) and sorted(key=..., reverse=...): stable, as CPython's; lists of tuples copied and sliced
# run: keyed_sorts(1)
# expect: ([(3.0, 1), (2.0, 1), (1.0, 2), (0.5, 2)], [(3.0, 1), (2.0, 1), (1.0, 2), (0.5, 2)], [1, 2, -3, 5, -8], [3, 2, 1], [2, 5, 1, -8, -3], [(1.0, 2), (2.0, 1), (3.0, 1)], [(0.5, 2), (1.0, 2), (2.0, 1), (3.0, 1)], [(3.0, 1), (1.0, 2), (2.0, 1), (0.5, 2)])
def keyed_sorts(n):
    pts = [(3.0, 1), (1.0, 2), (2.0, 1), (0.5, 2)]
    a = sorted(pts, key=lambda p: p[1])
    b = sorted(pts, key=lambda p: p[0], reverse=True)
    c = [5, -3, 2, -8, 1]
    c.sort(key=abs)
    d = sorted([3, 1, 2], key=lambda v: -v)
    e = sorted(c, key=lambda v: v % 3, reverse=True)
    f = pts[1:3] + pts[:1]
    g = pts.copy()
    g.sort(key=lambda p: p[0] * n)
    return a, b, c, d, e, f, g, pts

# run: keyed_sorts(-1)
# expect: ([(3.0, 1), (2.0, 1), (1.0, 2), (0.5, 2)], [(3.0, 1), (2.0, 1), (1.0, 2), (0.5, 2)], [1, 2, -3, 5, -8], [3, 2, 1], [2, 5, 1, -8, -3], [(1.0, 2), (2.0, 1), (3.0, 1)], [(3.0, 1), (2.0, 1), (1.0, 2), (0.5, 2)], [(3.0, 1), (1.0, 2), (2.0, 1), (0.5, 2)])

# del and slice assignment: CPython's clamping of unit-step slices, growing and shrinking lists
# run: del_and_splice(list([0, 1, 2, 3, 4, 5, 6]))
# expect: ([], [1, 4, 5], [1, 9, 9, 9, 9, 4, 5], [], [-1, 1, 2, 3, 4, 5, 7], [1, 2, 3, 0, 1, 2], [1, 1, 2, 3, 4, 5, 3, 4, 5])
def del_and_splice(a):
    del a[0]
    del a[-1]
    b = a.copy()
    del b[1:3]
    c = a.copy()
    c[1:3] = [9, 9, 9, 9]
    d = a.copy()
    d[:] = []
    e = a.copy()
    e[10:] = [7]
    e[:0] = [-1]
    f = a.copy()
    f[-2:] = np.arange(3)
    g = a.copy()
    g[1:2] = g
    del a[:]
    return a, b, c, d, e, f, g

# run: del_error(list([1, 2]), 5)
# expect-error: line 562: IndexError: list assignment index out of range
def del_error(a, i):
    del a[i]
    return a

# min / max with key=: the first item of the extreme key, each key computed once
# run: keyed_extremes(4)
# expect: ((1.0, 2), (0.5, 2), -7, 4, 0, -3.0)
def keyed_extremes(n):
    pts = [(3.0, 1), (1.0, 2), (2.0, 1), (0.5, 2)]
    a = max(pts, key=lambda p: p[1])
    b = min(pts, key=lambda p: p[0])
    c = max([3, -7, 5, 7], key=abs)
    d = min(range(10), key=lambda i: (i - n) ** 2)
    e = max((i * 2 for i in range(5)), key=lambda v: -v)
    f = max(np.array([1.0, -3.0, 2.0]), key=abs)
    return a, b, c, d, e, f

# run: keyed_empty(0)
# expect-error: line 581: ValueError: max() arg is an empty sequence
def keyed_empty(n):
    return max([i for i in range(n)], key=lambda v: v)

# generators and comprehensions inside each other; a list whose items' type widens as inference settles
# (a sum that starts as the int 0 and adds floats)
# run: nested_generators(3)
# expect: ([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]], [0, 0, 1, 3, 6], 12, 36.0)
def nested_generators(n):
    a = [[float(i * n + j) for j in range(n)] for i in range(n)]
    b = [[float(i == j) for j in range(n)] for i in range(n)]
    c = [[sum(a[i][k] * b[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
    d = [sum(i for i in range(i)) for i in range(5)]
    e = sum(max(x * y for y in range(3)) for x in range(4))
    f = sum(sum(x for x in row) for row in a)
    return c, d, e, f
