# np.linalg.norm as NumPy 2 computes it: vector norms along an axis (pairwise sums, exact), matrix
# 1/inf norms, and the whole-array 2-norm and Frobenius norm through dot (exact here: short vectors
# whose dot adds in order, as NumPy's BLAS does below its block size)
import numpy as np
from numpy.linalg import norm

# run: vectors([3.0, -4.0, 0.0, 12.0])
# expect: (13.0, 13.0, 19.0, 12.0, 0.0, 3.0, 19.0, 13.0)
def vectors(x):
    return (np.linalg.norm(x), norm(x, 2), norm(x, 1), norm(x, np.inf), norm(x, -np.inf), norm(x, 0),
            norm(x, ord=1, axis=0), norm(x, axis=-1))

# run: matrices([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]])
# expect: (9.539392014169456, 9.539392014169456, 9.0, 5.0, 15.0, 6.0, [4.123105625617661, 5.385164807134504, 6.708203932499369], [3.7416573867739413, 8.774964387392123], [6.0, 15.0], [4.0, 5.0, 6.0])
def matrices(m):
    return (norm(m), norm(m, 'fro'), norm(m, 1), norm(m, -1), norm(m, np.inf), norm(m, -np.inf),
            norm(m, axis=0), norm(m, axis=1), norm(m, 1, axis=1), norm(m, np.inf, 0))

# run: ints(np.array([3, 4], dtype=np.int32), np.array([[True, False], [True, True]]))
# expect: (5.0, 1.7320508075688772, [1.4142135623730951, 1.0], 2.0)
def ints(v, b):
    return norm(v), norm(b), norm(b, axis=0), norm(v, 0)

# run: complexes([3+4j, 1-1j, 2j])
# expect: (5.5677643628300215, 5.5677643628300215, 8.414213562373096, 5.0)
def complexes(z):
    return norm(z), norm(z, axis=0), norm(z, 1), norm(z, np.inf)

# run: singles(np.array([3.0, 4.0], dtype=np.float32))
# expect: (5.0, 5.0, 7.0)
def singles(s):
    return norm(s), norm(s, axis=0), norm(s, 1)

# run: convergence(2.0)
# expect: (33, [1.9999999997671694, 3.9999999995343387, 5.999999999301508])
def convergence(c):
    x = np.zeros(3)
    b = np.array([c, 2.0 * c, 3.0 * c])
    k = 0
    while np.linalg.norm(b - x) > 1e-9:
        x = x + 0.5 * (b - x)
        k += 1
    return k, x


# run: norm_keepdims(3, 2)
# expect: ([[0.8492897627764244, 0.5279269824920533], [-0.2437309221559349, -0.9698428932487042], [-0.9734670455433313, -0.22882725196343606]], (1, 2), [[1.3622762014727607, 1.1172198797382882]], (1, 1), 1.7618106336327661, [[1.6216099682706644]], [1.1774544376125373], [[1.0], [3.605551275463989]], (16, 8))
def norm_keepdims(n, m):
    x = np.cos(np.arange(n * m) * 0.9).reshape(n, m)
    r = x / np.linalg.norm(x, axis=1, keepdims=True)
    c = np.linalg.norm(x, axis=0, keepdims=True)
    w = np.linalg.norm(x, keepdims=True)
    o = np.linalg.norm(x, ord=np.inf, keepdims=True)
    v = np.linalg.norm(x[0], keepdims=True)
    i = np.linalg.norm(np.arange(4).reshape(2, 2), axis=-1, keepdims=True)
    return r.tolist(), c.shape, c.tolist(), w.shape, float(w[0, 0]), o.tolist(), v.tolist(), i.tolist(), r.strides
