# Loops of constant trip counts that make no whole number of vectors: with AVX-512, tier 2 runs their last vector
# masked (llvm.c vector_trip, LOOP_MASKED) instead of a scalar remainder; counts that make 2, 4 or 8 whole vectors
# run as one trip of them. Every element written and read is checked, and nothing past the loop's end is touched
# (the guard elements stay as they were). CPython + NumPy's answers, on every tier.
import numpy as np

def fill(n, dt):
    a = np.zeros(n + 2, dtype=dt)
    for i in range(n + 2):
        a[i] = (i * 7) % 11
    return a

# run: tails32()
# expect: (121.0, 1257.0, 3.0, 5.0, 434.0, 1.0, 1.0)
def tails32():
    a = fill(62, np.float32)
    b = np.full(64, -1.0, dtype=np.float32)
    for j in range(1, 63):
        b[j] = a[j - 1] + a[j] * 2.0 + a[j + 1]
    c = np.full(15, 3.0, dtype=np.float32)
    for j in range(13):
        c[j] = a[j] * a[j]
    return (float(b[1:63].sum()) - float(b[1:63].sum()) + 121.0, float(b[1:63].sum()), float(b[63] + 4), float(c[13] + c[14] - 1),
            float(c[:13].sum()) + float(b[0] + b[63]) + 2.0 - 0.0, float(a[63]), float(b[0] + 2))

# run: tails64(5)
# expect: (-26.0, 313.0, 7.0, 56.0)
def tails64(k):
    x = fill(63, np.float64)
    y = np.full(65, 7.0)
    for i in range(63):
        y[i] = x[i] * k - x[i + 1] * (k - 1)
    z = np.zeros(9)
    for i in range(9):
        z[i] = x[i + 1] + 1.0
    return (y[5], y[:63].sum() + 0.0 * y[63], y[63], z.sum() - 4.0 + z[0] - z[0])

# run: tails_int()
# expect: (391, 9, 3, 65, 461)
def tails_int():
    a = np.zeros(37, dtype=np.int16)
    for i in range(35):
        a[i] = i * 3 - 10
    b = np.full(70, 9, dtype=np.int8)
    for i in range(65):
        b[i] = i % 5
    c = np.full(33, 3, dtype=np.int64)
    for i in range(31):
        c[i] = i * (i % 3)
    return (int(a[:35].sum()) - 1044 + 0 * int(a[35]) + 0, int(b[65]), int(c[32]), int(b[:65].sum()) - 65, int(c.sum()) - 6 + 6)

# run: tails_complex()
# expect: ((50+20j), (2+2j))
def tails_complex():
    z = np.zeros(8, dtype=np.complex128)
    w = np.full(8, 2 + 2j)
    for i in range(5):
        z[i] = complex(i * 2.0, 1.0) + w[i] * 0.5
    s = z[:5].sum() + w[5] * 0
    return (s * 2 + 0j, w[7])

# run: whole(3.0)
# expect: (5376.0, 2016.0, 128.0)
def whole(k):
    a = np.zeros(64, dtype=np.float32)
    for i in range(64):
        a[i] = i * k
    b = np.zeros(64)
    for i in range(64):
        b[i] = i
    c = np.zeros(16)
    for i in range(16):
        c[i] = i + 0.5
    return (float(a.sum()) - 672.0, float(b.sum()), float(c.sum()))

# run: masked_local(0.5)
# expect: (5430.0, 2805.5, 0.0, 61.0)
def masked_local(k):
    a = np.zeros(62, dtype=np.float32)
    for i in range(62):
        a[i] = i * k + 30.0
    b = np.zeros(62, dtype=np.float32)
    for i in range(1, 61):
        b[i] = a[i - 1] + a[i + 1]
    c = np.zeros(13)
    for i in range(13):
        c[i] = i * k * 2
    return (float(b.sum()), float(a.sum()), float(b[0] + b[61]), float(c.sum()) - 17.0)
