#!/usr/bin/env python3
"""sets.py — kernels that use Python sets, kiln against Numba's sets (issue 21: "dicts and sets ... Numba's
typed containers are the model"). The same source is compiled by both; each is warmed up, then timed back to
back, alternating, and the median of the rounds is kept. kiln's sets keep CPython's table (its iteration order);
Numba's iterate in another order (the answers below are order-free, so both can be checked against CPython).

  dedupe      s.add(x) for 200,000 ints of an array with many repeats; len(s)
  member      `x in s` for 200,000 ints against a set of 5,000
  algebra     |, &, -, ^ of two sets of 20,000 ints (built from ranges), their lengths
  visited     a set of (i, j) tuples: a flood fill over a 300x300 grid
  arg_member  a Python set of 10,000 ints passed in, `x in s` for 100,000 ints (argument conversion)

usage: sets.py [ROUNDS]   (run with a Python that has kiln, NumPy 2 and Numba: build/benchenv)
"""
import sys

import numpy as np

from benchlib import against_numba

SRC = '''
import numpy as np

def dedupe(x):
    s = set()
    for v in x:
        s.add(v)
    return len(s)

def member(x, m):
    s = set()
    for i in range(m):
        s.add(i * 7)
    k = 0
    for v in x:
        if v in s:
            k += 1
    return k

def algebra(n):
    a = set()
    b = set()
    for i in range(n):
        a.add(i * 3)
        b.add(i * 5)
    return len(a | b), len(a & b), len(a - b), len(a ^ b)

def visited(n):
    seen = set()
    seen.add((0, 0))
    frontier = [(0, 0)]
    while len(frontier) > 0:
        p = frontier.pop()
        i = p[0]
        j = p[1]
        if i + 1 < n and (i + 1, j) not in seen:
            seen.add((i + 1, j))
            frontier.append((i + 1, j))
        if j + 1 < n and (i, j + 1) not in seen:
            seen.add((i, j + 1))
            frontier.append((i, j + 1))
    return len(seen)

def arg_member(s, x):
    k = 0
    for v in x:
        if v in s:
            k += 1
    return k
'''

CASES = [
    ("dedupe", lambda: (np.random.default_rng(1).integers(0, 5000, 200_000),)),
    ("member", lambda: (np.random.default_rng(2).integers(0, 40_000, 200_000), 5000)),
    ("algebra", lambda: (20_000,)),
    ("visited", lambda: (300,)),
    ("arg_member", lambda: (set(range(0, 30_000, 3)), np.random.default_rng(3).integers(0, 30_000, 100_000))),
]


def main():
    against_numba(SRC, "setkernels", CASES, int(sys.argv[1]) if len(sys.argv) > 1 else 7)


if __name__ == "__main__":
    main()
