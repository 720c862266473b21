# Section 9a: lambdas and functions defined inside a kernel, called there: arguments, defaults and keywords,
# names of the kernel read when the call runs (late binding), inner functions' own locals, returns from loops,
# functions in variables and passed to other inner functions
import numpy as np

# run: lambdas(5)
# expect: (25, 15, 6, 7, 8, 6, 0.25)
def lambdas(n):
    sq = lambda x: x * x
    add = lambda a, b=10: a + b
    k = 3
    scale = lambda x: x * k
    k = 4
    return sq(n), add(n), add(n, b=1), add(b=2, a=n), scale(2), (lambda: n + 1)(), sq(0.5)

# run: inner_defs(np.array([0.5, -1.0, 2.0]))
# expect: (5.25, 1.5, 2.0)
def inner_defs(a):
    def norm2(v):
        s = 0.0
        for x in v:
            s += x * x
        return s

    def clamp(x, lo=0.0, hi=1.0):
        if x < lo:
            return lo
        if x > hi:
            return hi
        return x

    total = 0.0
    for i in range(len(a)):
        total += clamp(a[i])
    return norm2(a), total, clamp(5.0, hi=2.0)

# run: closures_mutate(4)
# expect: ([0, 2, 4, 6], [0.0, 0.5, 1.0, 1.5])
def closures_mutate(n):
    acc = []

    def push(x):
        acc.append(x * 2)

    for i in range(n):
        push(i)
    out = np.zeros(n)

    def put(i, v):
        out[i] = v

    for i in range(n):
        put(i, i * 0.5)
    return acc, out

# run: find_first(np.array([3.0, 8.0, 1.0, 9.0]), 5.0)
# expect: (1, -1)
def find_first(a, limit):
    def first_above(v, t):
        for i in range(len(v)):
            if v[i] > t:
                return i
        return -1

    return first_above(a, limit), first_above(a, 100.0)

# the inner function's locals are its own: the kernel's variable of the same name is untouched
# run: own_locals(2)
# expect: (4, 100)
def own_locals(n):
    x = 100

    def f(y):
        x = y * 2
        return x

    return f(n), x

# run: higher_order(3.0)
# expect: (5.0, 81.0)
def higher_order(x):
    def twice(g, v):
        return g(g(v))

    inc = lambda v: v + 1.0
    return twice(inc, x), twice(lambda v: v * v, x)

# run: integrate(0.0, 1.0, 1000)
# expect: 3.1415924869231246
def integrate(a, b, n):
    f = lambda x: 4.0 / (1.0 + x * x)
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h

# run: newton(2.0)
# expect: 1.414213562373095
def newton(c):
    f = lambda x: x * x - c
    df = lambda x: 2.0 * x
    x = c
    for _ in range(20):
        x = x - f(x) / df(x)
    return x

# run: with_lists(4)
# expect: ([0, 1, 4, 9], 14, 9)
def with_lists(n):
    sq = lambda v: v * v
    return [sq(i) for i in range(n)], sum(sq(i) for i in range(n)), max([sq(-i) for i in range(n)])

# run: inner_errors(0)
# expect-error: line 118: ZeroDivisionError: integer division or modulo by zero
def inner_errors(n):
    def div(a, b):
        return a // b

    return div(7, n)

# run: loop_after_inner_loop(10)
# expect: (20, 5)
def loop_after_inner_loop(n):
    # the inner def's loop is lowered inside the caller's: the caller's break must still leave its own loop
    def g(k):
        s = 0
        for j in range(k):
            s += j
        return s
    t = 0
    for i in range(n):
        t += g(i)
        if t > 10:
            break
    return t, i
