# np.copyto (NumPy's casting rules, where=, broadcasting), np.diagonal / a.diagonal() (a view),
# np.trace / a.trace() (the diagonal's sum, NumPy's order and result dtype), with offsets.
import numpy as np

# run: copies([1.5, 2.5, 3.5], np.array([1, 2, 3], dtype=np.int32))
# expect: ([0.0, 0.0, 0.0], [[1.5, 2.5, 3.5], [1.5, 2.5, 3.5]], [1, 2, 3], [7.0, 1.0, 7.0], [0, 5, 7], [1.5, 2.5, 3.5], [100, 1, 1], None)
def copies(x, k):
    a = np.zeros(3)
    np.copyto(a, x)
    b = np.zeros((2, 3))
    np.copyto(b, x)
    c = np.zeros(3, dtype=np.int64)
    np.copyto(c, k)
    np.copyto(c, x, casting='unsafe')
    d = np.ones(3)
    np.copyto(d, 7.0, where=np.array([True, False, True]))
    e = np.zeros(3, dtype=np.int64)
    np.copyto(e, x * 2, 'unsafe', x > 2.0)
    f = np.zeros(3, dtype=np.float32)
    np.copyto(f, x)
    g = np.zeros(3, dtype=np.int8)
    np.copyto(g, 100)
    np.copyto(g, True, where=k > 1)
    return a, b, c, d, e, f, g, np.copyto(a, 0.0)

# run: narrow_python_int(np.array([0, 0, 0], dtype=np.int8))
# expect-error: line 29: OverflowError: Python integer 1000 out of bounds for int8
def narrow_python_int(g):
    np.copyto(g, 1000)
    return g

# run: bad_shape([1.0, 2.0])
# expect-error: line 36: ValueError: could not broadcast input array from shape (2,) into shape (3,)
def bad_shape(x):
    a = np.zeros(3)
    np.copyto(a, x)
    return a

# run: diagonals([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]])
# expect: ([([], [], 0.0, 0.0), ([], [], 0.0, 0.0), ([4.0], [4.0], 4.0, 4.0), ([1.0, 5.0], [1.0, 5.0], 6.0, 6.0), ([2.0, 6.0], [2.0, 6.0], 8.0, 8.0), ([3.0], [3.0], 3.0, 3.0), ([], [], 0.0, 0.0), ([], [], 0.0, 0.0)], [0, 5, 10, 15], 30, 27, [4.0], 6.0, 2, 3.0)
def diagonals(m, n):
    out = []
    for k in range(-3, 5):
        out.append((list(np.diagonal(m, k)), list(m.diagonal(k)), np.trace(m, k), m.trace(offset=k)))
    d = n.diagonal()
    t = m.T
    return out, d, n.trace(), np.trace(n, -1), t.diagonal(1), np.trace(t), np.trace(n > 5), np.trace(np.eye(3, dtype=np.float32))

# run: diagonal_writes([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
# expect: (3.0, 3, (3,))
def diagonal_writes(z):
    s = 0.0
    d = np.diagonal(z)
    for i in range(len(d)):
        s += d[i] + i
    return s, len(d), d.shape

# run: indices([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
# expect: (36.0, [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)], [(0, 0), (0, 1), (1, 0)], 3)
def indices(m):
    s = 0.0
    seen = []
    for idx in np.ndindex(m.shape):
        s += m[idx] * (idx[0] + 1)
        seen.append(idx)
    firsts = []
    for i, j in np.ndindex(2, 3):
        if j == 2:
            continue
        if i == 1 and j == 1:
            break
        firsts.append((i, j))
    count = 0
    for t in np.ndindex(3):
        count += t[0]
    for z in np.ndindex(0, 5):
        count += 100
    return s, seen, firsts, count

# run: tuple_index([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
# expect: (51.0, [2.0, 3.0, 4.0], [[2.0, 3.0, 4.0], [5.0, 6.0, 51.0]])
def tuple_index(m):
    t = (1, 2)
    m[t] = 50.0
    u = (0,)
    r = m[u]
    for idx in np.ndindex(m.shape):
        m[idx] += 1.0
    return m[t], r, m
