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
