# New arrays that nothing keeps past the call (opt/arrfree.c marks them ALLOC_LOCAL) live in tier 2's frame when
# their shape is a constant of at most 1 KiB: zeroed again each time np.zeros runs, read by views, reductions and
# print, one per recursion level. Arrays that do outlive the call (returned, in a list, in a view that is returned,
# carried by a loop) must not be: a frame's memory would be gone. Every answer CPython + NumPy's, on every tier.
import numpy as np

# run: rezeroed(6)
# expect: 15.0
def rezeroed(n):
    s = 0.0
    for i in range(n):
        d = np.zeros(4)
        d[i % 4] += i          # the previous iteration's value must be gone
        s += d.sum()
    return s

# run: dist3(5)
# expect: 10.0
def dist3(n):
    s = 0.0
    for i in range(n):
        d = np.zeros(3)
        for k in range(3):
            d[k] = (i + k) - k
        s += np.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]) / np.sqrt(3.0)
    return round(s, 9)

# run: views(3)
# expect: (12.0, 3.0, 12.0)
def views(n):
    m = np.zeros((3, 4))
    for i in range(3):
        for j in range(4):
            m[i, j] = i * n + j - j
    row = m[1]
    col = m[:, 2]
    return (row.sum() + col[0], m.T[2, 1], m[2, ::2].sum())

# run: typed()
# expect: (12, 1.5, True)
def typed():
    a = np.zeros(4, dtype=np.int32)
    b = np.zeros((2, 2), dtype=np.float32)
    c = np.zeros(3, dtype=np.bool_)
    for i in range(4):
        a[i] = i * 2
    b[1, 1] = 1.5
    c[2] = True
    return (int(a.sum()), float(b.max()), bool(c.any()))

# run: product()
# expect: (5.0, 11.0)
def product():
    p = np.zeros(3)
    q = np.zeros((3, 3))
    for i in range(3):
        p[i] = i
        q[i, i] = i + 1
    return (np.dot(p, p), (q @ p).sum() + p.sum())

# run: depth(6)
# expect: 127.0
def depth(n):
    t = np.zeros(2)
    t[0] = 2.0 ** n
    if n == 0:
        return t[0] + t[1]
    r = depth(n - 1)           # the callee's array is its own
    return t[0] + r - t[1]

# run: returned(3)
# expect: [0.0, 1.0, 2.0, 3.0]
def returned(n):
    r = np.zeros(4)
    for i in range(4):
        r[i] = i * n / 3
    return r

# run: kept(4)
# expect: (3.0, 2.0, 6.0)
def kept(n):
    xs = []
    for i in range(n):
        t = np.zeros(2)
        t[0] = i
        xs.append(t)
    v = np.zeros(5)
    v[1] = 2.0
    w = v[1:3]
    y = viewed()
    return (xs[3][0], w[0], y[0] + y[1])

def viewed():
    a = np.zeros(6)
    a[2] = 4.0
    a[3] = 2.0
    return a[2:4]

# run: carried(4)
# expect: [4.0, 4.0]
def carried(n):
    acc = np.zeros(2)
    for i in range(n):
        nxt = np.zeros(2)
        nxt[0] = acc[0] + 1
        nxt[1] = acc[1] + 1
        acc = nxt
    return acc

# run: big(300)
# expect: 44850.0
def big(n):
    t = np.zeros(300)          # 2400 bytes: from the runtime
    for i in range(n):
        t[i] = i
    return t.sum()

# run: uninit(4)
# expect: 24.0
def uninit(n):
    a = np.arange(4.0)
    s = 0.0
    for i in range(n):
        b = a * 2 + i          # a fused expression's result: every element written first
        s += b[1] - b[0] + b[3] - b[2] + 1.0
    return s + 4.0
