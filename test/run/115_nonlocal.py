# nonlocal in inner functions: the names stay the enclosing function's variables where the call is lowered in place
# (lower/closure.c), through nested inner functions too
# run: accumulate(5)
# expect: 10
def accumulate(n):
    total = 0
    def add(x):
        nonlocal total
        total += x
    for i in range(n):
        add(i)
    return total

# run: two_names(5)
# expect: (5, 6.0)
def two_names(n):
    count = 0
    best = -1.0
    def see(v):
        nonlocal count, best
        count += 1
        if v > best:
            best = v
        return count
    for i in range(n):
        see((i * 7 % 5) * 1.5)
    return count, best

# run: nested(0)
# expect: 24
def nested(n):
    x = n
    def outer(k):
        y = k
        def inner():
            nonlocal y
            y = y * 2
            return y
        inner()
        return inner()
    def bump():
        nonlocal x
        x = x + outer(3)
    bump()
    bump()
    return x

# run: local_shadow(3)
# expect: (3, 7)
def local_shadow(n):
    a = n
    b = 0
    def f():
        nonlocal b
        a = 7
        b = a
    f()
    return a, b

# run: in_branches(4)
# expect: [0, 1, 2, 3, 100]
def in_branches(n):
    log = []
    state = 0
    def step(i):
        if i >= 0:
            nonlocal state
            state = i
        log.append(state)
    for i in range(n):
        step(i)
    state = 100
    step(-1)
    return log
