# np.<ufunc>(..., out=o), out=(o,) or o as the last positional argument (np.clip's too): the inputs broadcast to o's
# shape, the result cast into o with casting='same_kind' (a compile error otherwise: err/ufunc_out_*.py); the call's value is o.
# run: outs([0.0, 1.0, 2.0, 3.0], [1.0, 1.0, 1.0, 1.0])
# expect: ([1.5, 2.0, 2.449489742783178, 2.5], [0.0, 0.0, 1.0, 2.0], [0.0, 0.0, 1.0, 2.0], [[2.5, 2.5, 2.5, 2.5], [2.5, 2.5, 2.5, 2.5]], [7, 8, 9, 10], [-7.0, -8.0, -9.0, -10.0], [False, False, True, True], [2.718281828459045, 2.718281828459045, 2.718281828459045, 2.718281828459045], [3.0, 3.0, 3.0])
import numpy as np
def outs(a, b):
    o = np.empty_like(a)
    np.add(a, b, out=o)
    np.multiply(o, 2, out=o)
    np.sqrt(o, out=o)
    r = np.subtract(a, b, out=a)
    m = np.zeros((2, 4))
    np.add(b, 1.5, m)
    i = np.zeros(4, dtype=np.int32)
    np.add(np.arange(4), 7, out=(i,))
    f = np.zeros(4)
    np.add(np.arange(4), 7, out=f)
    np.clip(o, 1.5, 2.5, out=o)
    c = np.zeros(4, dtype=bool)
    np.greater(a, 0.5, out=c)
    np.maximum(a, 0.0, out=a)
    np.negative(f, f)
    np.exp(b, out=b)
    return o, a, r, m, i, f, c, b, np.add(1.0, 2.0, out=np.zeros(3))

# run: out_broadcast(3)
# expect: ([[0.0, 2.0, 4.0], [0.0, 2.0, 4.0]], [[2.0], [2.0], [2.0]])
def out_broadcast(n):
    o = np.zeros((2, n))
    np.multiply(np.arange(n), 2.0, out=o)
    p = np.zeros((n, 1))
    np.add(np.ones((n, 1)), np.ones(1), out=p)
    return o, p
