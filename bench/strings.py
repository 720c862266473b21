#!/usr/bin/env python3
"""strings.py — kernels that use Python strings, kiln against Numba's unicode type (issue 21: "strings as values for
what numeric code does with them"). The same source is compiled by both; each is warmed up, then timed back to
back, alternating, and the median of the rounds is kept; answers are checked against CPython first.

  labels     f"{prefix}{i}" for 100,000 ints, the total length (a string made and dropped per iteration)
  concat     s = "k" + str(i) + "-" + str(i % 7), 100,000 times, counting those that end with "-3"
  words      a 20,000-word text split, counted in a dict of str keys
  parse      a 10,000-field CSV line split on "," and each field parsed with float()
  scan       count the vowels of a 200,000-character string, character by character

usage: strings.py [ROUNDS]   (run with a Python that has kiln, NumPy 2 and Numba: build/benchenv)
"""
import sys

from benchlib import against_numba

SRC = '''
def labels(prefix, n):
    t = 0
    for i in range(n):
        s = f"{prefix}{i}"
        t += len(s)
    return t

def concat(n):
    k = 0
    for i in range(n):
        s = "k" + str(i) + "-" + str(i % 7)
        if s.endswith("-3"):
            k += 1
    return k

def words(text):
    counts = {}
    for w in text.split():  # not counts.get(w, 0) + 1: Numba 0.68 cannot type .get on an empty dict (kiln can)
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    best = 0
    for w in counts:
        if counts[w] > best:
            best = counts[w]
    return len(counts), best

def parse(line):
    total = 0.0
    for field in line.split(","):
        total += float(field)
    return total

def scan(s):
    k = 0
    for ch in s:
        if ch in "aeiou":
            k += 1
    return k
'''

VOCAB = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"] * 3 + ["w%d" % i for i in range(500)]

CASES = [
    ("labels", lambda: ("row", 100_000)),
    ("concat", lambda: (100_000,)),
    ("words", lambda: (" ".join(VOCAB[(i * 7919) % len(VOCAB)] for i in range(20_000)),)),
    ("parse", lambda: (",".join("%.3f" % ((i * 37 % 1000) / 7.0) for i in range(10_000)),)),
    ("scan", lambda: (("the quick brown fox jumps over the lazy dog " * 4650)[:200_000],)),
]


def main():
    against_numba(SRC, "strkernels", CASES, int(sys.argv[1]) if len(sys.argv) > 1 else 7)


if __name__ == "__main__":
    main()
