# Section 1: module-level lists are constants: each kernel call starts from their items (weights, lookup
# tables, matrices written as nested lists, records as tuples)
import numpy as np

WEIGHTS = [0.25, 0.5, 0.25]
PRIMES = [2, 3, 5, 7, 11]
M = [[1.0, 2.0], [3.0, 4.0]]
EDGES = [(0, 1), (1, 2), (2, 0)]
EMPTY = []

# run: smooth(np.array([1.0, 2.0, 4.0, 8.0, 16.0]))
# expect: [2.25, 4.5, 9.0]
def smooth(x):
    out = np.zeros(len(x) - 2)
    for i in range(len(out)):
        s = 0.0
        for k in range(3):
            s += WEIGHTS[k] * x[i + k]
        out[i] = s
    return out

# run: lookups(3)
# expect: (7, 5, True, 28, [3.0, 7.0], 3.0)
def lookups(i):
    return PRIMES[i], len(PRIMES), 7 in PRIMES, sum(PRIMES), np.array(M) @ np.array([1.0, 1.0]), M[1][0]

# a call may change its copy; another kernel it calls has a copy of its own, and the next call starts from
# the module's items again (deviation: CPython's kernels share the one global list)
# cpython: skip (deviation: each kernel's call has its own copy of a module list)
# run: changes(9)
# expect: ([2, 3, 5, 7, 11, 9], [[-1.0, 2.0], [3.0, 4.0]], (5, 1.0))
def changes(x):
    PRIMES.append(x)
    M[0][0] = -1.0
    return PRIMES, M, again()

def again():
    return len(PRIMES), M[0][0]

# run: degrees(3)
# expect: ([2, 2, 2], 0)
def degrees(n):
    deg = [0] * n
    for u, v in EDGES:
        deg[u] += 1
        deg[v] += 1
    return deg, len(EMPTY)
