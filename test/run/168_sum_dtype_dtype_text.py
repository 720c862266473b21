# sum()/prod() with a dtype= other than the result's own: integer dtypes wrap as NumPy's accumulator does; a float
# dtype of a 1-d array is NumPy's casting reduction (buffers of 8192 items, each summed pairwise, added in turn); and a
# dtype printed or formatted (str(a.dtype), f"{a.dtype!r}").
import numpy as np


# run: sums(20001)
# expect: (1.8686893623121963e+20, 1.868689362312196e+20, -1.3829290985770254e+20, 9.031286925815785e+19, 9.03129175352882e+19, 195, -4669, 0, 4.5761608268663125e-08, -61, 1.020677884493337e+129)
def sums(n):
    np.random.seed(4)
    x = (np.random.standard_normal(n) * 10.0 ** np.random.randint(-20, 20, n)).astype(np.float32)
    y = np.random.randint(-2 ** 62, 2 ** 62, n)
    u = (np.random.random(n - n % 4) * 256).astype(np.uint8)
    return (x.sum(dtype=np.float64), x[::-1].sum(dtype=np.float64), x[::3].sum(dtype=np.float64), np.sum(y, dtype=np.float64),
            y.sum(dtype=np.float32), u.sum(dtype=np.uint8), u.sum(dtype=np.int16), np.prod(u[:20], dtype=np.uint16),
            x[:50].prod(dtype=np.float64), u.reshape(-1, 4).sum(dtype=np.int8), y[:7].prod(dtype=np.float64))


# run: names(3)
# expect: ('float32', "int64|dtype('float32')|int8|bool", 'float64')
def names(n):
    a = np.zeros(n, dtype=np.float32)
    b = np.arange(n)
    return str(a.dtype), f"{b.dtype}|{a.dtype!r}|{np.dtype(np.int8)}|{(a > 0).dtype}", str((a + b).dtype)
