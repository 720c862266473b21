# float // and % with CPython's rules (fmod is exact, so every device gives the same bits), float32 arithmetic,
# comparisons and casts to int
# launch: divmod 4,64 np.arange(256, dtype=np.float64) np.zeros((2, 256))
# launch: f32 4,64 np.arange(256, dtype=np.float32) np.zeros(256, dtype=np.float32) np.zeros(256, dtype=np.int32)
from numba import cuda


def divmod(x, out):
    i = cuda.grid(1)
    if i < x.shape[0]:
        a = float(x[i]) * 0.37 - 40.0
        b = float(i % 7) - 3.5
        out[0, i] = a // b
        out[1, i] = a % b


def f32(x, y, n):
    i = cuda.grid(1)
    if i < x.shape[0]:
        v = x[i] * x[i] / 3 - x[i] / 7
        y[i] = v if v > 100 else -v
        n[i] = int(v)
