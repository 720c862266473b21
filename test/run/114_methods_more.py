# array methods NumPy defines as its functions (a.squeeze, a.round, a.repeat, a.searchsorted, a.swapaxes), the
# attributes itemsize and nbytes, and tuple.index / tuple.count (CPython's == item by item)
import numpy as np

# run: arrays(1)
# expect: ([[0.0, 1.37, 2.74], [4.11, 5.48, 6.8500000000000005]], [[[0.0, 1.4, 2.7], [4.1, 5.5, 6.8]]], [[[0.0, 1.0, 3.0], [4.0, 5.0, 7.0]]], [0.0, 0.0, 1.37, 1.37], 3, [2, 4], (3, 2, 1), 8, 48, 12, 8)
def arrays(n):
    a = np.arange(6.0).reshape(1, 2, 3) * 1.37
    return (a.squeeze(axis=0), a.round(1), a.round(), a.ravel().repeat(2)[:4], np.arange(5).searchsorted(2.5),
            np.arange(5.0).searchsorted(np.array([1.0, 3.5]), side="right"), a.swapaxes(0, 2).shape, a.itemsize, a.nbytes,
            np.ones(3, dtype=np.int32).nbytes, np.ones((2, 2), dtype=np.complex64).itemsize)

# run: tuples(3)
# expect: (1, 2, 1, 1, 1, 2, 0)
def tuples(n):
    t = (1, 2, 3, 2)
    u = (1.5, 2, "a")
    return t.index(2), t.count(2), t.index(n - 1), u.count(2), u.index(2.0), (n, n).count(n), ("x", "y").index("x")

# run: not_there(7)
# expect-error: line 24: ValueError: tuple.index(x): x not in tuple
def not_there(n):
    t = (1, 2, 3)
    return t.index(n)
