# Generator functions, lowered where a for statement iterates them: each yield runs the loop's body;
# break leaves the generator too, continue resumes after the yield, the generator's return (or end)
# ends the loop and its else clause runs; generators iterating generators; inner generators.
import numpy as np

def pairs(n):
    for i in range(n):
        for j in range(i):
            yield i, j

def evens(a, start=0):
    k = start
    while k < len(a):
        if a[k] > 100.0:
            return
        yield a[k]
        k += 2

def fib_gen(n):
    x, y = 0, 1
    for _ in range(n):
        yield x
        x, y = y, x + y
    yield -1

def squares_of(n):
    for x in fib_gen(n):   # a generator iterating a generator
        if x >= 0:
            yield x * x

def rows(m):
    for i in range(m.shape[0]):
        yield m[i]

# run: basics(5, [1.0, -2.0, 3.0, 4.0, 200.0, 5.0])
# expect: (310, 4.0, [0, 1, 1, 2, 3, -1, 99], [0, 1, 1, -1, 100], 3)
def basics(n, a):
    s = 0
    for i, j in pairs(n):
        s += i * 10 + j
    t = 0.0
    for v in evens(a):
        if v < 0:
            continue
        t += v
    u = []
    for x in fib_gen(n):
        if x > 5:
            break
        u.append(x)
    else:
        u.append(99)
    w = []
    for x in fib_gen(3):
        w.append(x)
    else:
        w.append(100)
    k = 0
    for x in evens(a, start=1):
        k += 1
    return s, t, u, w, k

# run: early_return(5)
# expect: (2, 1)
def early_return(n):
    for i, j in pairs(n):
        if i + j > 2:
            return i, j
    return -1, -1

# run: nested(7)
# expect: [1, 2, 2, 3, 2, 3, 5, 6, 10, 11, 26, 27, 65, 66]
def nested(n):
    out = []
    for q in squares_of(n):
        for i, j in pairs(3):
            if j == 1:
                break
            out.append(q + i + j)
    return out

# run: arrays([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
# expect: ([9.0, 12.0], [[-1.0, 2.0], [-3.0, 4.0], [-5.0, 6.0]])
def arrays(m):
    total = np.zeros(2)
    for r in rows(m):
        total += r
    for r in rows(m):
        r[0] = -r[0]
    return total, m

# run: inner(4)
# expect: ([40, 30, 20, 10], 30)
def inner(n):
    scale = 10
    def countdown(k):
        while k > 0:
            yield k * scale
            k -= 1
    s = []
    for v in countdown(n):
        s.append(v)
    i = 0   # a name the generator uses too: its own stays its own
    for k in countdown(2):
        i += k
    return s, i

def upto(n):
    for i in range(n):
        if i == 3:
            return
        yield i

# run: returns_inside(5)
# expect: ([0, 2, 4], 2)
def returns_inside(n):
    def twice(x):
        return 2 * x
    got = []
    for v in upto(n):
        got.append(twice(v))   # an inner def called in the loop's body: upto's return still ends the loop
    for v in upto(n):
        if v == 2:
            return got, v      # the kernel's own return, from the loop's body
    return got, -1

# run: consumers(4)
# expect: ([0, 2, 2, 4, -2], [0, 1, 2], 3, 5, [2, 1, 1, 0, -1], 2, 2, True, {0: 0, 1: 1, 2: 4}, [(1, 0), (2, 0), (2, 1)])
def consumers(n):
    return ([x * 2 for x in fib_gen(n)], list(upto(n)), sum(upto(n)), sum(x * x for x in upto(n)),
            sorted(fib_gen(n), reverse=True), max(fib_gen(n)), min(upto(n), key=lambda v: -v),
            any(x > 1 for x in upto(n)), {x: x * x for x in upto(n)}, [(i, j) for i, j in pairs(3)])

# run: counted(3)
# expect: ([(0, 0), (2, 1), (3, -1), (5, 0), (6, 1), (7, 2)], [(0, 0), (1, 1)])
def counted(n):
    out = []
    for k, v in enumerate(fib_gen(n)):
        if k == 1:
            continue           # the count moves on all the same
        out.append((k, v))
    for k, v in enumerate(upto(n), 5):
        out.append((k, v))
    return out, [(a, b) for a, b in enumerate(upto(2))]

# a generator iterated inside its own loop's body: each copy's loops are its own (they once shared
# the hidden counters named after the loop's node, and the outer loop ran once)
# run: self_nested(4)
# expect: (176, 16)
def self_nested(n):
    s = 0
    k = 0
    for a in fib_gen(n):
        for b in fib_gen(n):
            if a >= 0 and b >= 0:
                s += a * 10 + b
                k += 1
    return s, k

# sorted() of a generator or a generator expression with a key (the keys' list once took the items' hidden
# names), and a generator expression whose element is a parenthesized tuple
# run: sorted_keyed(4)
# expect: ([(3, 1), (2, 2), (1, 3), (0, 4)], [(3, 1), (2, 2), (1, 3), (0, 4)], [(0, 4), (1, 3)])
def sorted_keyed(n):
    return (sorted(pairs_down(n), key=lambda t: t[1]), sorted(((i, n - i) for i in range(n)), key=lambda t: t[1]),
            list(((i, n - i) for i in range(2))))

def pairs_down(n):
    for i in range(n):
        yield (i, n - i)
