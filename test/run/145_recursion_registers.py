# Calls of itself at tier 1 with their arguments and results in registers (back/x64/gen.c self_convention): int and
# float64 arguments in any order and mix, a float64 result, a bool argument, a parameter never read, more
# arguments than registers of a kind would take, results used in expressions and comparisons, and errors raised
# deep in the recursion at their own lines. Every tier prints the same.
import math

# run: simpson(0.0, 3.0, 1e-9)
# expect: 9.0
def area(a, b, fa, fm, fb):
    return (b - a) / 6.0 * (fa + 4.0 * fm + fb)

def simpson(a, b, eps):
    return refine(a, b, eps, area(a, b, a * a, (a + b) * (a + b) / 4.0, b * b))

def refine(a, b, eps, whole):
    m = (a + b) / 2.0
    left = area(a, m, a * a, (a + m) * (a + m) / 4.0, m * m)
    right = area(m, b, m * m, (m + b) * (m + b) / 4.0, b * b)
    if abs(left + right - whole) <= 15.0 * eps or b - a < 1e-3:
        return left + right + (left + right - whole) / 15.0
    return refine(a, m, eps / 2.0, left) + refine(m, b, eps / 2.0, right)

# run: power(1.5, 13)
# expect: 194.6195068359375
def power(x, n):
    if n == 0:
        return 1.0
    h = power(x, n // 2)
    return h * h if n % 2 == 0 else h * h * x

# run: harmonic(200)
# expect: 5.878030948121446
def harmonic(n):
    if n <= 0:
        return 0.0
    return 1.0 / n + harmonic(n - 1)

# run: mixed(6, 0.5, True, 3)
# expect: 30.8671875
def mixed(n, x, flag, unused):
    if n == 0:
        return x if flag else -x
    return mixed(n - 1, x * 1.5, not flag, unused) + n * x

# run: logsum(1.0, 2.0, 3.0, 4.0)
# expect: 180.50533153593236
def logsum(a, b, c, d):
    if a > 40.0:
        return math.log(a + b + c + d)
    return logsum(b, c, d, a + b) + 0.5 * d

# run: deep_raise(5, 2.0)
# expect-error: line 56: ZeroDivisionError: float division by zero
def deep_raise(n, x):
    if n == 0:
        return 1.0 / (x - 2.0)
    return deep_raise(n - 1, x) + 1.0

# run: float_depth(30.5)
# expect: 5
def float_depth(x):
    if x < 1.0:
        return 0
    return 1 + float_depth(x / 2.0)
