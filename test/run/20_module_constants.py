# Section 2: module constants: NumPy scalars keep their dtype (NEP 50 "strong"), dtypes, math.nan
import math
import numpy as np

F32 = np.float32(0.1)
I8 = np.int8(-3)
U16 = np.uint16(7.9)
C64 = np.complex64(1.5 - 2j)
B = np.bool_(2)
PAIR = (np.float32(2.5), 3)
NAN = math.nan
NEG_INF = -math.inf
DT = np.float32

# run: strong(np.array([1.0, 2.0], dtype=np.float32), 2)
# expect: (0.10000000149011612, -6, 0.20000000298023224, 4, (3-4j), True, 4.5)
def strong(a, k):
    return (a[0] * F32, I8 * k, F32 * 2.0, U16 + I8, C64 * 2, B, PAIR[0] + k)

# run: kinds(1)
# expect: (nan, -inf, 7, 0.0)
def kinds(x):
    z = np.zeros(x, dtype=DT)
    return (NAN, NEG_INF, U16, z[0])

# small arrays: each kernel gets its own copy (C-contiguous, read-only), built where it starts
W = np.array((1.0, 2.0, 3.5))
M = np.array(((1, 2, 3), (4, 5, 6)), dtype=np.int32)
MIXED = np.array((True, False, 3))
Z = np.array((1, 2.5j))
F32A = np.array((0.1, 0.2), dtype=np.float32)
ALIAS = W

# run: frozen(2)
# expect: (13.0, 6, 21, [1, 0, 3], [(1+0j), 2.5j], 3.5, 0.30000001192092896)
def frozen(i):
    s = 0.0
    for k in range(W.shape[0]):
        s += W[k] * i
    return (s, M[1, 2], M.sum(), MIXED, Z, ALIAS[2], F32A[0] + F32A[1])

# run: frozen_in_loop(7)
# expect: 22
def frozen_in_loop(n):
    t = 0
    for j in range(n):
        t += M[j % 2, j % 3]
    return t

# run: frozen_copy(7.0)
# expect: (8.0, [7.0, 2.0, 3.5], [1.0, 2.0, 3.5])
def frozen_copy(x):
    c = W.copy()
    c[0] = x
    return (c[0] + W[0], c, W)

# complex constants keep CPython's signed zeros: a + bj is (a + 0.0, 0.0 + b); complex() is exact
CX1 = (-0.0-3.0j)
CX2 = (1.0-0.0j)
CX3 = complex(-0.0, -0.0)
CX4 = complex(1, math.inf)

# run: signed_zeros(1)
# expect: ((-0-3j), (1+0j), (-0-0j), (1+infj))
def signed_zeros(x):
    return (CX1, CX2, CX3, CX4)
