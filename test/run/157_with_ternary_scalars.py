# `with np.errstate(...)` (the one context manager kernels take: settings that keep what kiln's NumPy arithmetic does,
# several managers in one statement, nested in loops); a conditional expression whose test is a literal compiles only
# its live arm, as CPython does (a dead arm may name what the kernel never imports); NumPy scalars' dtype, itemsize,
# ndim, shape and size.
import numpy as np


# run: errs([0.0, 1.0, -2.0])
# expect: ([nan, inf, -inf], [-inf, 0.0, nan], [0.0, 2.0, nan], 2.0)
def errs(a):
    with np.errstate(all="ignore"):
        r = a / 0.0
        l = np.log(a)
    with np.errstate(divide="ignore", invalid="ignore"), np.errstate(over="warn"):
        q = np.sqrt(a) * 2.0
    s = 0.0
    for i in range(3):
        with np.errstate(all=None):
            s += 1.0
            if i == 1:
                break
    return r, l, q, s


# run: dead_arms(4)
# expect: (1.5, 6.0, 8, 'no', 1)
def dead_arms(n):
    a = np.arange(n * 1.0)
    x = undefined_in_this_module(a) if False else a.mean()
    y = a.sum() if True else also_undefined
    z = 7 if 0 else 8
    w = "yes" if None else "no"
    return x, y, z, w, (1 if 2.5 else 0)


# run: scalar_attrs(3)
# expect: (True, True, 4, 0, (), 1, True, True)
def scalar_attrs(n):
    a = np.arange(n, dtype=np.int32)
    s = a.sum()
    f = np.float32(1.5)
    return s.dtype == np.int64, f.dtype == np.float32, f.itemsize, s.ndim, s.shape, s.size, a[0].dtype == np.int32, (a * 2.0).max().dtype == np.float64


# A dict whose first values are empty lists learns its values' item type from a later one, as a list of lists does
# ({i: [...] for i in range(n)} starts with i = 0's empty list)
# run: dict_lists(4)
# expect: ({0: [], 1: [0], 2: [0, 1], 3: [0, 1, 2]}, {0: [], 1: [0.0], 2: [0.0, 1.0], 3: [0.0, 1.0, 2.0]}, {'x': [], 'y': [[1, 2], [3]]})
def dict_lists(n):
    a = {i: [j for j in range(i)] for i in range(n)}
    b = {}
    for i in range(n):
        b[i] = [float(j) for j in range(i)]
    c = {}
    c["x"] = []
    c["y"] = [[1, 2], [3]]
    return a, b, c
