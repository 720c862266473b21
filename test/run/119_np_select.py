# np.select(condlist, choicelist, default=0): NumPy 2's result dtype (the choices' and the default's result_type,
# Python int/float/complex weak as NEP 50 has them, a Python bool or a NumPy scalar strong), the broadcast shape, the
# first true condition's choice
import numpy as np

# run: floats(5)
# expect: ([-4.0, -2.0, 0.0, 0.0, 4.0], [-4.0, -2.0, -1.0, -1.0, 7.0])
def floats(n):
    x = np.arange(n) - 2.0
    a = np.select([x < 0, x > 1], [x * 2, x ** 2])
    b = np.select([x < 0, x > 1], [x * 2, 7], default=-1)
    return a, b

# run: float32s(5)
# expect: ([-2.0, -1.0, 0.0, 0.0, 0.0], 'float32', [-2.0, -1.0, 9.0, 1.5, 1.5], 'float32', 'float64', [-2.0, -1.0, 2.5, 2.5, 2.5], 'float32')
def float32s(n):
    x = (np.arange(n) - 2.0).astype(np.float32)
    c = np.select([x < 0], [x])
    d = np.select((x < 0, x > 0), (x, 1.5), default=np.float32(9))
    e = np.select([x < 0], [x], default=np.float64(1))
    f = np.select([x < 0], [x], default=2.5)
    return c, c.dtype.name, d, d.dtype.name, e.dtype.name, f, f.dtype.name

# run: ints(5)
# expect: ([0, -5, 20, -5, 40], 'int64', [False, False, True, True, True], 'bool', 'int8', [-1, -1, 2, 3, 4], 'int16')
def ints(n):
    i = np.arange(n)
    e = np.select([i % 2 == 0], [i * 10], default=-5)
    g = np.select([i > 1], [True], default=False)
    s = np.select([i > 1], [i.astype(np.int8)], default=3)
    u = np.select([i > 1], [i.astype(np.uint8)], default=np.int8(-1))
    return e, e.dtype.name, g, g.dtype.name, s.dtype.name, u, u.dtype.name

# run: mixed(5)
# expect: ([(-2+0j), (2+0j), 0j, 1j, 1j], 'complex128', [[0, 1, 2], [10, 20, 30]], [[0, 1, 2], [-1, -1, -1]])
def mixed(n):
    x = np.arange(n) - 2.0
    h = np.select([x > 0, [True, False, True, False, True]], [1j, x], default=2)
    m = np.arange(6).reshape(2, 3)
    row = np.select([m > 2], [np.array([10, 20, 30])], default=m)
    col = np.select([np.array([[True], [False]])], [m], default=-1)
    return h, h.dtype.name, row, col

