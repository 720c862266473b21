# Arrays nothing keeps past the call whose shape is known only when it runs (`d = P[i] - P[j]` over a row's length)
# live in a frame buffer at tier 2 where they fit in 256 bytes, else come from the runtime (llvm.c dyn_local_array);
# rows a[i] are views made in registers. Each iteration's np.zeros is zeroed again, sizes around the buffer's
# (31, 32, 33 float64; 16-byte complex items; ALLOC_PAST's extra element for a[mask]), empty ones have NumPy's
# strides, two temporaries live at once, recursion keeps one per call.
import numpy as np


def pts(n, m):
    P = np.empty((n, m))
    for i in range(n):
        for k in range(m):
            P[i, k] = ((i * 7 + k * 3) % 11) * 0.5 - k
    return P


# run: pair_energy(40, 3)
# expect: 158.50038574070538
def pair_energy(n, m):
    P = pts(n, m)
    e = 0.0
    for i in range(n):
        for j in range(i + 1, n):
            d = P[i] - P[j]
            r2 = (d * d).sum() + 1.0
            e += 1.0 / r2
    return e


# run: around_the_buffer(5)
# expect: [-3839.0, -4131.0, -4429.0, -18524.0]
def around_the_buffer(n):
    out = []
    for m in (31, 32, 33, 64):
        P = pts(n, m)
        s = 0.0
        for i in range(n):
            z = np.zeros(m)
            z[i % m] += P[i, 0]
            t = P[i] * 2.0 + z
            s += t.sum() + z.sum()
        out.append(s)
    return out


# run: zeroed_each_time(6, 9)
# expect: [(36.0, (36+0j), 0.0), (44.0, (36-8j), 0.0), (49.0, (35-14j), 0.0), (51.0, (33-18j), 0.0), (50.0, (30-20j), 0.0), (46.0, (26-20j), 0.0)]
def zeroed_each_time(n, m):
    tot = []
    for i in range(n):
        z = np.zeros(m)
        c = np.zeros(m, dtype=np.complex128)
        for k in range(i, m):
            z[k] = k + i
            c[k] = complex(k, -i)
        tot.append((z.sum(), c.sum(), z[:i].sum()))
    return tot


# run: masks_and_empties(7)
# expect: [(0, 0.0, (0, 0), (0, 0), []), (0, 0.0, (0, 0), (1, 0), [2.0]), (0, 0.0, (0, 0), (2, 0), [1.0, 2.0]), (0, 0.0, (0, 0), (3, 0), [-0.0, 1.0]), (1, 1.0, (0, 0), (4, 0), [-1.0, -0.0]), (2, 3.0, (0, 0), (5, 0), [-2.0, -1.0]), (3, 6.0, (0, 0), (6, 0), [-3.0, -2.0])]
def masks_and_empties(n):
    out = []
    for m in range(0, n):
        a = np.arange(float(m)) - 2.0
        b = a[a > 0]
        e = np.empty((m, 0))
        out.append((b.shape[0], b.sum(), e.strides, e.shape, np.sort(a * -1.0)[:2].tolist()))
    return out


# run: two_at_once(12, 4)
# expect: 22.66325
def two_at_once(n, m):
    P = pts(n, m)
    best = 0.0
    for i in range(1, n):
        u = P[i] - P[i - 1]
        v = P[i] + P[i - 1]
        w = u * v
        if w.max() > best:
            best = w.max()
        best += np.dot(u, u) * 0.0 + w.min() * 0.001
    return best


# run: grid(5, 3)
# expect: 180.0
def grid(n, m):
    s = 0.0
    for i in range(n):
        g = np.ones((m, i + 1))
        g[0] = 2.0
        s += g.sum() + g.strides[0]
    return s


def depth_sum(P, i):
    if i == 0:
        return P[0].sum()
    d = P[i] - P[i - 1]
    return depth_sum(P, i - 1) + d.sum() * i


# run: recursive(20, 3)
# expect: -27.5
def recursive(n, m):
    P = pts(n, m)
    return depth_sum(P, n - 1)
