# Lists (and dicts) of arrays: an item is the array itself (a view of its memory), so a change through
# one name shows through the others, as in Python; appends, pops, slices, comprehensions, tuples with
# arrays; np.array / np.concatenate / np.stack of such a list; results to the caller.
import numpy as np

# run: build(4)
# expect: (18.0, [[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [1.0, 1.0, 99.0], [2.0, 2.0, 2.0]], [3.0, 3.0, 3.0], [[1.0, 1.0], [0.0, 0.0]], 3, [2.0, 2.0, 2.0])
def build(n):
    arrs = []
    for i in range(n):
        arrs.append(np.full(3, float(i)))
    total = 0.0
    for a in arrs:
        total += a.sum()
    arrs[1][2] = 99.0
    last = arrs.pop()
    arrs.insert(0, np.ones(3))
    c = [np.zeros(2) for _ in range(2)]
    c[0] += 1.0
    return total, arrs, last, c, len(arrs[1:]), arrs[-1]

# run: aliasing([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
# expect: (-1.0, 60.0, [[1.0, 8.0], [1.0, 8.0]], [1.0, 8.0])
def aliasing(m):
    rows = [m[i] for i in range(m.shape[0])]
    rows[0][0] = -1.0
    m[2, 1] = 60.0
    a = np.zeros(2)
    keep = [a, a]
    a[1] = 7.0
    keep[0] += 1.0
    return m[0, 0], rows[2][1], keep, a

# run: joins(3)
# expect: ([[0.0, 1.0], [1.0, 2.0], [2.0, 3.0]], [0.0, 1.0, 1.0, 2.0, 2.0, 3.0], [[0.0, 1.0], [1.0, 2.0], [2.0, 3.0]], [[0.0, 1.0, 2.0], [1.0, 2.0, 3.0]], [1.0, 2.0, 2.0], [[0.0, 1.0], [1.0, 2.0], [2.0, 3.0]], 0)
def joins(n):
    arrs = [np.arange(2.0) + i for i in range(n)]
    parts = [np.zeros(i) + i for i in range(n)]
    return (np.array(arrs), np.concatenate(arrs), np.stack(arrs), np.stack(arrs, axis=1),
            np.concatenate(parts), np.concatenate([a[None, :] for a in arrs], axis=0), np.array([a for a in arrs if a[0] > 5]).size)

# run: records(3)
# expect: (2, 5.0, {0: [10.0, 10.0], 1: [1.0, 1.0], 2: [2.0, 2.0]}, 2)
def records(n):
    pts = [(i, np.full(2, i * 0.5)) for i in range(n)]
    best = min(pts, key=lambda p: -p[1][0])
    s = 0.0
    for k, v in pts:
        s += k * v.sum()
    snap = {}
    for k, v in pts:
        snap[k] = v * 2.0
    snap[0] += 10.0
    return best[0], s, snap, sorted(pts, key=lambda p: -p[0])[0][0]

# cpython: skip (NumPy's message goes on: The detected shape was (3,) + inhomogeneous part.)
# run: ragged(3)
# expect-error: line 61: ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions.
def ragged(n):
    parts = [np.zeros(i) for i in range(n)]
    return np.array(parts)

# run: none_to_join(0)
# expect-error: line 67: ValueError: need at least one array to concatenate
def none_to_join(n):
    parts = [np.zeros(2) for _ in range(n)]
    return np.concatenate(parts)

# run: mismatch(2)
# expect-error: line 73: ValueError: all input arrays must have the same shape
def mismatch(n):
    parts = [np.zeros(i + 1) for i in range(n)]
    return np.stack(parts)

# run: splits([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]])
# expect: ([[-1.0, 1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [[-1.0], [1.0], [2.0], [3.0], [4.0], [5.0], [6.0], [], []], [[-1.0, 1.0], [2.0, 3.0], [4.0, 5.0]], [[-1.0, 1.0], [2.0, 3.0, 4.0], [5.0, 6.0]], [[-1.0, 1.0, 2.0, 3.0, 4.0], [5.0, 6.0], []], [[[1.0, 2.0], [5.0, 6.0]], [[3.0, 4.0], [7.0, 8.0]]], [[[1.0, 2.0, 3.0, 4.0]], [[5.0, 6.0, 7.0, 8.0]]], -1.0, [5.0, 15.0])
def splits(v, m):
    parts = np.array_split(v, 3)
    parts[0][0] = -1.0     # views of v
    return (parts, np.array_split(v, 9), np.split(v[:6], 3), np.split(v, [2, 5]), np.split(v, [-2, 100]),
            np.array_split(m, 2, axis=1), np.split(m, [1], axis=0), v[0], [p.sum() for p in np.array_split(v, 2)])

# run: uneven([1.0, 2.0, 3.0])
# expect-error: line 86: ValueError: array split does not result in an equal division
def uneven(v):
    return np.split(v, 2)

# run: no_sections([1.0, 2.0, 3.0])
# expect-error: line 91: ValueError: number sections must be larger than 0.
def no_sections(v):
    return np.array_split(v, 0)

# list() of a 2-d array: its rows, as views (a change through one shows in the array)
# run: rows_list(2)
# expect: (2, [[0.0, 1.0, 2.0], [7.0, 4.0, 5.0]], 7.0)
def rows_list(k):
    m = np.arange(6.0).reshape(k, 3)
    rows = list(m)
    rows[1][0] += 4.0
    return len(rows), rows, m[1, 0]
