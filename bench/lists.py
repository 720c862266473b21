#!/usr/bin/env python3
"""lists.py — kernels that use Python lists, kiln against Numba's reflected lists (issue 21's
target: within 1.5x of Numba's time). The same source is compiled by both; each is warmed up, then
timed back to back, alternating, and the median of the rounds is kept.

  sieve       [True] * (n + 1), item stores in a while loop, primes appended to an empty list
  insertion   insertion sort of a list of floats built by a comprehension (item loads and stores)
  histogram   [0] * nbins, counts[b] += 1 over an array
  matmul      lists of lists: a 60x60 product of matrices built by nested comprehensions
  stack       append / pop in a loop (a stack machine)
  arg_sum     a list of 100,000 floats passed in from Python and summed (argument conversion)

usage: lists.py [ROUNDS]   (run with a Python that has kiln, NumPy 2 and Numba: build/benchenv)
"""
import sys

import numpy as np

from benchlib import against_numba

SRC = '''
import numpy as np

def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = False
    is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            j = i * i
            while j <= n:
                is_p[j] = False
                j += i
        i += 1
    primes = []
    for k in range(n + 1):
        if is_p[k]:
            primes.append(k)
    return len(primes)

def insertion(n):
    a = [((i * 7919) % 1000) * 0.5 for i in range(n)]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a[0] + a[-1]

def histogram(x, nbins):
    counts = [0] * nbins
    for v in x:
        b = int(v * nbins)
        if b == nbins:
            b -= 1
        counts[b] += 1
    return counts[0]

def matmul(n):
    a = [[float(i + j) for j in range(n)] for i in range(n)]
    b = [[float(i - j) for j in range(n)] for i in range(n)]
    c = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for k in range(n):
            aik = a[i][k]
            bk = b[k]
            ci = c[i]
            for j in range(n):
                ci[j] += aik * bk[j]
    return c[n - 1][n - 1]

def stack(n):
    st = [0]
    tot = 0
    for i in range(n):
        st.append(i)
        st.append(i * 2)
        if i % 3 == 0:
            tot += st.pop() - st.pop()
    return tot + len(st)

def arg_sum(xs):
    s = 0.0
    for x in xs:
        s += x
    return s
'''

CASES = [
    ("sieve", lambda: (200_000,)),
    ("insertion", lambda: (2_000,)),
    ("histogram", lambda: (np.random.default_rng(1).random(200_000), 64)),
    ("matmul", lambda: (60,)),
    ("stack", lambda: (200_000,)),
    ("arg_sum", lambda: ([float(i) for i in range(100_000)],)),
]


def main():
    against_numba(SRC, "listkernels", CASES, int(sys.argv[1]) if len(sys.argv) > 1 else 7)


if __name__ == "__main__":
    main()
