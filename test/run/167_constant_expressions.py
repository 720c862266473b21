# Module constants and default values written as arithmetic of constants or items of constant tuples, folded as
# CPython computes them (jit/lit.c): + - * / of ints and floats, // % ** of ints (floor division and modulo), an item
# of a tuple by a constant index, negative ones too.
import math

DT = 1.0 / 60
TWO_PI = 2 * math.pi
N = 10
M = N * 2 + 1
LIMITS = (0.0, 10.0)
LO = LIMITS[0]
HI = LIMITS[-1]
Q = -7 // 2
R = -7 % 3
P = 2 ** 20
HALF = N / 4
MIX = 3 * 0.1 + True
BIG = 9223372036854775807 // 2 - 1
ONE = 1 ** 1000000000000000000  # by squaring: no long loop at compile time
SIGN = (-1) ** 999999999999


# run: consts(1.0)
# expect: (0.016666666666666666, 6.283185307179586, 21, 0.0, 10.0, -4, 2, 1048576, 2.5, 1.3, 4611686018427387902, 1, -1)
def consts(x):
    return x * DT, TWO_PI, M, LO, HI, Q, R, P, HALF, MIX, BIG, ONE, SIGN


# run: defaults(3.0)
# expect: (2.5, 9, 0.03333333333333333)
def defaults(x, lo=LIMITS[0], k=N - 1, step=DT * 2, hi=LIMITS[1] / 4):
    return min(max(x, lo), hi), k, step
