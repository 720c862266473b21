# A tuple assigned into an array is read as NumPy reads it: a 1-d array of its items' common dtype (Python ints as
# int64, floats as float64), then broadcast into the target and cast to its dtype; a shape that does not fit raises
# NumPy's ValueError naming both shapes.
import numpy as np


# run: sir(0.3, 0.1, 6)
# expect: [[0.98703, 0.01197, 0.001], [0.9834855752699999, 0.014317424729999998, 0.002197], [0.9792612810609093, 0.01710997646609069, 0.003628742473], [0.9742347398189775, 0.02042552006141341, 0.005339740119609069], [0.9682649644521679, 0.02435274342208159, 0.0073822921257504105], [0.9611909919789995, 0.028991441553041813, 0.00981756646795857]]
def sir(beta, gamma, days):
    S, I, R = 0.99, 0.01, 0.0
    hist = np.empty((days, 3))
    for d in range(days):
        new_inf = beta * S * I
        new_rec = gamma * I
        S -= new_inf
        I += new_inf - new_rec
        R += new_rec
        hist[d] = (S, I, R)
    return hist


# run: mixed(3)
# expect: ([[0, 0], [1, 2], [2, 5]], [[0.0, 1.0, 0.0], [0.0, 2.0, 0.0], [7.0, 8.5, 1.0]], [[1.5, 2.5, 3.0], [1.5, 2.5, 3.0]], [[4.0, 0.0], [5.0, 5.0]])
def mixed(n):
    a = np.zeros((n, 2), dtype=np.int32)
    for i in range(n):
        a[i] = (i, i * 2.7)
    b = np.zeros((3, 3))
    b[:, 1] = (1, 2, 3)
    b[2] = (7, 8.5, True)
    c = np.zeros((2, 3), dtype=np.float32)
    c[...] = (1.5, np.float32(2.5), 3)
    t = (4.0, 5.0)
    d = np.zeros((2, 2))
    d[1] = t
    d[:, 0] = t
    return a, b, c, d


# run: wrong_length(3)
# expect-error: line 44: ValueError: could not broadcast input array from shape (2,) into shape (3,)
def wrong_length(n):
    a = np.zeros((n, 3))
    a[0] = (1.0, 2.0)
    return a


# run: wrong_shape_2d(3)
# expect-error: line 52: ValueError: could not broadcast input array from shape (2,3) into shape (2,4)
def wrong_shape_2d(n):
    a = np.zeros((n, 4))
    a[1:] = np.ones((n - 1, 3)) * 2.0
    return a


# A store whose value is a bare view of its own target (m[:] = m.T) copies the view first, as NumPy does; the
# temporary is a copy in order 'K' (it raised an internal SystemError in the thirtieth session's build)
# run: overlapping_views(3)
# expect: ([[0.0, 3.0, 6.0], [1.0, 4.0, 7.0], [2.0, 5.0, 8.0]], [[[0, 3, 6], [1, 4, 7], [2, 5, 8]], [[9, 12, 15], [10, 13, 16], [11, 14, 17]]], [5.0, 4.0, 3.0, 2.0, 1.0, 0.0], [[0.0, 1.0, 2.0], [2.0, 1.0, 0.0], [5.0, 4.0, 3.0]])
def overlapping_views(n):
    m = np.arange(n * n * 1.0).reshape(n, n)
    m[:] = m.T
    c = np.arange(n * n * 2).reshape(2, n, n)
    c[...] = c.transpose(0, 2, 1)
    v = np.arange(6.0)
    v[:] = v[::-1]
    w = np.arange(n * n * 1.0).reshape(n, n)
    w[1:, :] = w[:-1, ::-1]
    return m, c, v, w
