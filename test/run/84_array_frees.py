# Arrays a loop iteration makes and is done with are let go at the end of the iteration (opt/arrfree.c); the
# ones that outlive it — carried to the next iteration, kept in a list, returned, used after a break, viewed by
# a value that outlives it — must stay. Every answer CPython + NumPy's, on every tier.
import numpy as np

# run: temps(200)
# expect: 79800.0
def temps(n):
    a = np.arange(100.0)
    t = 0.0
    for i in range(n):
        c = a + i              # a new array each iteration, read and dropped
        d = c.copy()
        e = c[10:20].sum()     # a view of it, reduced
        t += d[1] - c[0] + e - c[10:20].sum() + (c.T)[0] * 0 + i * 0 + c.shape[0] * 0 + 1
    return t * n - t * (n - 1) + t * 0 + (t - n) * n + 39600.0 - n

# run: carried(50)
# expect: (1225.0, 2450.0)
def carried(n):
    acc = np.zeros(3)
    for i in range(n):
        acc = acc + i          # carried to the next iteration: a block argument, kept
    keep = np.zeros(2)
    for i in range(n):
        keep = np.ones(2) * i * 2   # the last one is read after the loop
    return (acc[0], acc[1] + keep[0] - 2 * (n - 1) + acc[2])

# run: listed(5)
# expect: (10.0, 5)
def listed(n):
    xs = []
    for i in range(n):
        c = np.full(3, float(i))
        xs.append(c)          # kept by a list
    s = 0.0
    for x in xs:
        s += x[1]
    return (s, len(xs))

# run: broke(10)
# expect: 21.0
def broke(n):
    c = np.zeros(4)
    for i in range(n):
        c = np.arange(4.0) + i
        if i == 5:
            break
    return c.sum() - 5.0

# run: early(7)
# expect: 12.0
def early(n):
    for i in range(n):
        c = np.arange(3.0) * i
        if i == 4:
            return c.sum()
    return -1.0

# run: views_out(4)
# expect: 8.0
def views_out(n):
    v = np.zeros(2)
    for i in range(n):
        c = np.arange(6.0) + i
        v = c[2:4]             # a view carried out of the iteration keeps its array
    return v[0] + v[1] - 3.0

# run: nested(30, 20)
# expect: 14400.0
def nested(n, m):
    t = 0.0
    for i in range(n):
        r = np.zeros(m)
        for j in range(m):
            q = np.ones(2) * j     # the inner loop's own
            r[j] = q[0] + q[1] * 0 + i
        t += r.sum()
    return t

# run: products(20)
# expect: 1280.0
def products(n):
    a = np.ones((4, 4))
    t = 0.0
    for i in range(n):
        p = a @ a              # a new product each iteration
        t += p[0, 0] * 0 + p.sum() / 4.0 + i * 0
    return t * 4 - 80 * 4 + 320 + 0 * n

# run: skipped(10)
# expect: 20.0
def skipped(n):
    t = 0.0
    for i in range(n):
        if i % 2 == 0:
            continue           # a way back that does not pass the array's block
        c = np.ones(4)
        t += c.sum()
    return t

# run: guarded(6)
# expect: (3, 15.0)
def guarded(n):
    bad = 0
    t = 0.0
    for i in range(n):
        c = np.arange(3.0)
        try:
            t += c[i]          # IndexError past 2
        except IndexError:
            bad += 1
        t += c.sum() * 2 - c[0] - 6
    return (bad, t + 12.0)

# run: whiles(100)
# expect: 5050.0
def whiles(n):
    i = 0
    s = 0.0
    while i < n:
        i += 1
        c = np.empty(8)
        c[:] = i
        s += c[7]
    return s

# run: midway(12)
# expect: 18.0
def midway(n):
    t = 0.0
    for i in range(n):
        c = np.arange(5.0) * i
        if i % 3 == 0:
            t += c[1]
            continue           # leaves with the array read: let go here too, once
        t -= c[2] - c[4] * 0.5
    return t

# run: branchy(9)
# expect: 86.0
def branchy(n):
    t = 0.0
    for i in range(n):
        if i % 2 == 1:
            c = np.full(3, i * 1.5)
            t += c.sum()
        else:
            d = np.ones(2) * i
            if d[0] > 3.0:
                t += d[1]
            else:
                t -= d[0] * 2
    return t

# run: forever(6)
# expect: 7.0
def forever(n):
    i = 0
    while True:
        c = np.arange(3.0) + i
        i += 1
        if i >= n:
            break
    return c[2]

# run: inner_break(5)
# expect: 165.0
def inner_break(n):
    t = 0.0
    for i in range(n):
        c = np.arange(6.0) * (i + 1)
        for j in range(6):
            if c[j] > 10.0:
                break
            t += c[j]
        t += c[5]
    return t

# run: reduced(6)
# expect: 1266.0
def reduced(n):
    m = np.arange(12.0).reshape(3, 4)
    t = 0.0
    for i in range(n):
        s = (m * i).sum(axis=0)     # a reduction's array result
        o = np.sort(m[:, ::-1] - i, axis=1)
        z = np.argsort(o[0])
        t += s[1] + o[2, 0] + z[3] + np.cumsum(s)[3]
    return t

def scaled(a, i):
    return a * i                # always a new array: its callers may let it go

def written(a, i):
    a[0] = i
    return a                    # its argument: not the caller's to let go

def tail(a):
    return a[1:]                # a view of its argument

def listed_too(a, xs):
    c = a + 1.0
    xs.append(c)                # kept by the caller's list as well
    return c

def either(a, i):
    if i % 2 == 0:
        return a * 2.0
    return a                    # fresh on one path only

# run: through_calls(30)
# expect: (1410.0, 31, 2.0, 29.0, 29.0)
def through_calls(n):
    a = np.ones(10)
    xs = [a]
    t = 0.0
    for i in range(n):
        c = scaled(a, i)
        d = written(a, i)
        e = tail(a)
        f = listed_too(a, xs)
        g = either(a, i)
        t += c[1] + d[0] + e[0] + f[0] + g[2]
    return (t, len(xs), xs[3][2], xs[29][0], a[0])
