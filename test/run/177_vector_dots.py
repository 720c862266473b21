# a @ b and np.dot(a, b) of two vectors give the scalar without making a (1, 1) array (rt_vdot; a dot in a loop
# allocates nothing), with the bits of the same BLAS call: every dtype, strided and reversed views, lengths 0, 3
# and 40 (BLAS's kernel then), and the length mismatch's ValueError.
import numpy as np


def vec(n, dt):
    v = np.empty(n, dtype=dt)
    for i in range(n):
        v[i] = ((i * 7) % 5) - 1.5
    return v


# run: pair_sums(40)
# expect: 1780.125
def pair_sums(n):
    P = np.empty((n, 3))
    for i in range(n):
        for k in range(3):
            P[i, k] = ((i * 5 + k * 3) % 7) * 0.25 - k
    e = 0.0
    for i in range(n):
        for j in range(i + 1, n):
            d = P[i] - P[j]
            e += np.dot(d, d) + d @ P[i]
    return e


# run: dtypes(40)
# expect: ([90.0, -15.0, 10.0, 0.0, 8.75, 90.0, 15.0], 48, [(-270-360j), (45+60j), (-22.5+0j)])
def dtypes(n):
    a = vec(n, np.float64)
    out = [a @ a, np.dot(a[::2], a[1::2]), np.dot(a[::-1], a), a[:0] @ a[:0], np.dot(a[:3], a[5:8])]
    f = vec(n, np.float32)
    out.append(float(f @ f))
    out.append(float(np.dot(f[::3], f[:14])))
    i = vec(n, np.int64)
    c = vec(n, np.complex128) * (1 - 2j)
    z = vec(n, np.complex64) * np.complex64(0.5j)
    return out, int(i @ i), [c @ c, np.dot(c[::2], c[1::2]), complex(z @ z)]


# run: mismatch(4)
# expect-error: line 48: ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 5 is different from 4)
def mismatch(n):
    a = np.ones(n)
    b = np.ones(n + 1)
    return a @ b


# run: dot_mismatch(3)
# expect-error: line 56: ValueError: shapes (3,) and (4,) not aligned: 3 (dim 0) != 4 (dim 0)
def dot_mismatch(n):
    a = np.ones(n)
    b = np.ones(n + 1)
    return np.dot(a[::-1], b)
