# Section 9: functions
import math

# run: fib(20)
# expect: 6765
# run: fib(0)
# expect: 0
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

# run: fact(20)
# expect: 2432902008176640000
# run: fact(5.0)
# expect: 120.0
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

# run: mutual(10)
# expect: (True, False)
def mutual(n):
    return (is_even(n), is_odd(n))

def scale(x, factor=2.0, offset=0):
    return x * factor + offset

# run: defaults(3)
# expect: (6.0, 9, 7.0, 31, 1.5)
def defaults(x):
    return (scale(x), scale(x, 3), scale(x, offset=1), scale(x, offset=1, factor=10), scale(factor=0.5, x=x))

# run: scale(4)
# expect: 8.0
# run: scale(4, offset=2)
# expect: 10.0

def divmod2(a, b):
    return a // b, a % b

# run: tuple_return(17, 5)
# expect: (17, 3, 2, (3, 2))
def tuple_return(a, b):
    q, r = divmod2(a, b)
    t = divmod2(a, b)
    return (q * b + r, t[0], t[1], t)

def nested():
    return (1, (2.5, 3))

# run: nested_tuple()
# expect: 6.5
def nested_tuple():
    a, (b, c) = nested()
    return a + b + c

def nothing(x):
    x = x + 1

# run: returns_none(1)
# expect: None
def returns_none(x):
    r = nothing(x)
    return r

# run: nothing(5)
# expect: None

def poly(x):
    return x * x + 2 * x + 1

# run: specialize()
# expect: (16, 2.25, 2j, 4)
def specialize():
    return (poly(3), poly(0.5), poly(1j), poly(True))

# run: early_return(5)
# expect: 3
# run: early_return(-5)
# expect: 0
def early_return(x):
    for i in range(100):
        if i * i > x:
            return i
    return -1

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

# run: ackermann(2, 3)
# expect: 9

# run: deep(500)
# expect: 500
def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)

N = 10
SCALE = 2.5
PAIR = (1, -2)

# run: module_consts()
# expect: 23.0
def module_consts():
    return N * SCALE + PAIR[1]
