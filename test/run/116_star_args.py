# f(*t): a tuple's items as positional arguments, for kernels, inner functions, builtins, NumPy functions and
# methods; the tuple is evaluated once
import numpy as np

def add3(a, b, c):
    return a * 100 + b * 10 + c

# run: calls(3)
# expect: (123, 56, 4.5, -1, 8, (2, 3), -1, (3, 2), (3, 1), '1-2')
def calls(n):
    t = (1, 2)
    u = (n, 4.5)
    def inner(x, y, z=0):
        return x - y + z
    shape = (2, n)
    a = np.ones(shape)
    return (add3(*t, n), add3(0, *(5, 6)), max(*u), inner(*t), inner(*t, z=9), np.zeros((2,) + (n,)).shape, min(*t, -1),
            a.reshape(*shape[::-1]).shape, divmod(*(7, 2)), "{}-{}".format(*(1, 2)))

# run: once(2)
# expect: ([1, 2], 240)
def once(n):
    log = []
    def pair(k):
        log.append(k)
        return (k, k * 10)
    r = add3(*pair(1), 0) + add3(0, *pair(2))
    return log, r
