# Attention over q, k, v of shape (b, h, n, d) float32, with loops: scores
# q.k / sqrt(d), a numerically stable softmax over the last axis, and the
# weighted sum of v. The answer is a checksum of the output.
# suite: run 2 8 256 64 = -98.55081176757812
import math
import numpy as np

def fill4(a, seed):
    s = seed
    b, h, n, d = a.shape
    for i in range(b):
        for j in range(h):
            for k in range(n):
                for l in range(d):
                    s = (s * 1103515245 + 12345) % 2147483648
                    a[i, j, k, l] = np.float32(s / 2147483648.0 - 0.5)
    return s

def attention(q, k, v, out):
    b, h, n, d = q.shape
    scale = np.float32(1.0 / math.sqrt(d))
    p = np.empty(n, dtype=np.float32)
    for bi in range(b):
        for hi in range(h):
            for i in range(n):
                m = np.float32(-math.inf)
                for j in range(n):
                    s = np.float32(0.0)
                    for l in range(d):
                        s += q[bi, hi, i, l] * k[bi, hi, j, l]
                    s = s * scale
                    p[j] = s
                    if s > m:
                        m = s
                z = np.float32(0.0)
                for j in range(n):
                    e = np.float32(math.exp(p[j] - m))
                    p[j] = e
                    z += e
                for l in range(d):
                    acc = np.float32(0.0)
                    for j in range(n):
                        acc += p[j] * v[bi, hi, j, l]
                    out[bi, hi, i, l] = acc / z
    return out

def run(b, h, n, d):
    q = np.empty((b, h, n, d), dtype=np.float32)
    k = np.empty((b, h, n, d), dtype=np.float32)
    v = np.empty((b, h, n, d), dtype=np.float32)
    out = np.empty((b, h, n, d), dtype=np.float32)
    fill4(q, 1)
    fill4(k, 2)
    fill4(v, 3)
    attention(q, k, v, out)
    t = 0.0
    for i in range(b):
        for j in range(h):
            for r in range(n):
                for l in range(d):
                    t += out[i, j, r, l] * (1 + (r + l) % 3)
    return t
