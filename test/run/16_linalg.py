# Section 12d: matrix products (@, np.matmul, np.dot, np.einsum) and astype
import numpy as np

def ramp(n, m, k):
    a = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            a[i, j] = float((i * 7 + j * k) % 11 - 5)
    return a

# run: matmul2([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [[1.0, 0.0, 2.0], [0.5, 1.0, 1.0]])
# expect: ([[2.0, 2.0, 4.0], [5.0, 4.0, 10.0], [8.0, 6.0, 16.0]], [[2.0, 2.0, 4.0], [5.0, 4.0, 10.0], [8.0, 6.0, 16.0]], [2.0, 5.0, 8.0], [2.0, 2.0, 4.0], 2.0, [[35.0, 44.0], [44.0, 56.0]], [[4.0, 2.0, 2.0], [10.0, 4.0, 5.0]], [[2.0, 2.0, 4.0], [5.0, 4.0, 10.0], [8.0, 6.0, 16.0]])
def matmul2(a, b):
    return (a @ b, np.matmul(a, b), np.dot(a, b[:, 0]), a[0] @ b, a[0] @ b[:, 1], np.dot(a.T, a), a.T[:, :2].T @ b[:, ::-1], a.dot(b))

# run: matmul_ints([[1, 2], [3, 4]], [[5, 6], [7, 8]])
# expect: ([[19, 22], [43, 50]], [[19, 43], [22, 50]], 11, [17, 39])
def matmul_ints(a, b):
    return (a @ b, b.T @ a.T, a[0] @ a[1], np.dot(a, b[0]))

# run: batched(3, 4, 5)
# expect: ((2, 3, 5), 19.0, (2, 3, 5), 16.0, (3, 3, 3), 3.0)
def batched(n, k, m):
    a = ramp(2 * n, k, 3).reshape(2, n, k)
    b = ramp(k, m, 5)
    c = a @ b
    d = np.matmul(a, ramp(2 * k, m, 2).reshape(2, k, m))
    e = ramp(n, k, 1)[None, :, :] @ ramp(3 * k, n, 4).reshape(3, k, n)
    return (c.shape, c[1, 2, 3], d.shape, d[0, 1, 4], e.shape, e[2, 2, 1])

# run: big(70, 90, 50)
# expect: (-379.0, 967.0, -289.0, 4.0, 392.0, 10.0)
def big(n, k, m):
    a = ramp(n, k, 3)
    b = ramp(k, m, 5)
    c = a @ b
    f = a.astype(np.float32) @ b.astype(np.float32)
    t = b.T.copy().T
    return (c[3, 7], c.sum(), c[69, 49], (a @ t)[4, 4], (a[:, ::2] @ ramp(45, 4, 1))[::10].sum(), f[10, 20])

# run: vectors([1.0, 2.0, 3.0], [4.0, 5.0, 6.0])
# expect: (32.0, 32.0, [[4.0, 5.0, 6.0], [8.0, 10.0, 12.0], [12.0, 15.0, 18.0]], [2.0, 4.0, 6.0], 2.0)
def vectors(a, b):
    return (a @ b, np.dot(a, b), np.einsum("i,j->ij", a, b), np.dot(2.0, a), np.dot(2.0, 1.0))

# run: einsums([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [[1.0, 0.0, 2.0], [0.5, 1.0, 1.0]])
# expect: ([[2.0, 2.0, 4.0], [5.0, 4.0, 10.0], [8.0, 6.0, 16.0]], [[2.0, 2.0, 4.0], [5.0, 4.0, 10.0], [8.0, 6.0, 16.0]], [[2.0, 5.0, 8.0], [2.0, 4.0, 6.0], [4.0, 10.0, 16.0]], 2.0, [5.0, 11.0, 17.0])
def einsums(a, b):
    return (np.einsum("ij,jk->ik", a, b), np.einsum("ij,kj->ik", a, b.T), np.einsum("ij,jk->ki", a, b), np.einsum("i,i->", a[0], b[:, 0]), np.einsum("ij,j", a, a[0]))

# run: attention(2, 3, 4, 2)
# expect: ((2, 3, 4, 2), 1.0, 2.0, 1.0, (2, 3, 4, 4), 0.795495128834866)
def attention(b, h, n, d):
    q = ramp(b * h * n, d, 3).reshape(b, h, n, d) * 0.25
    k = ramp(b * h * n, d, 5).reshape(b, h, n, d) * 0.25
    v = ramp(b * h * n, d, 2).reshape(b, h, n, d) * 0.0 + 1.0
    v[:, :, :, 1] = 2.0
    s = np.einsum("bhqd,bhkd->bhqk", q, k) / np.sqrt(q.shape[-1])
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w = w / w.sum(axis=-1, keepdims=True)
    o = np.einsum("bhqk,bhkd->bhqd", w, v)
    return (o.shape, o[1, 2, 3, 0], o[0, 1, 2, 1], w[1, 1, 1].sum(), s.shape, s[1, 2, 3, 1])

# run: astype([1.7, -2.5, 3.0])
# expect: ([1, -2, 3], [1.7000000476837158, -2.5, 3.0], [True, True, True], [0.0, 1.0, 1.0])
def astype(a):
    return (a.astype(np.int64), a.astype(np.float32), a.astype(bool), (a > 2.0).astype(np.float64) + (a < 0.0))

# run: core_mismatch([[1.0, 2.0]], [[1.0, 2.0]])
# cpython: skip (the same message; CPython's traceback line is the call's)
# expect-error: line 73: ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 1 is different from 2)
def core_mismatch(a, b):
    return a @ b
