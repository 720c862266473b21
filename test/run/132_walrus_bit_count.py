# assignment expressions (x := v: in parentheses and as an if/elif/while condition, inside comprehensions binding the
# function's variable, as Python's scoping does), and int.bit_count()

# run: walrus([1, 2, 3])
# expect: ([4, 6], 5, [4, 9], 9, 3, 14)
def walrus(xs):
    out = []
    for x in xs:
        if (y := x * 2) > 3:
            out.append(y)
    n = 0
    while (n := n + 1) < 5:
        pass
    ys = [z for x in xs if (z := x * x) > 1]
    total = 0
    if t := len(xs):
        total = t
    elif u := 0:
        total = u
    return out, n, ys, z, total, (w := 7) + w

# run: chunks(list([1, 2, 3, 4, 5]))
# expect: (6, [2, 2, 1])
def chunks(xs):
    i = 0
    sizes = []
    while chunk := xs[i:i + 2]:
        sizes.append(len(chunk))
        i += 2
    return i, sizes

# run: inner(3)
# expect: ([-1, -1, 20], 60)
def inner(n):
    def g(k):
        if (m := k * 10) > 15:
            return m
        return -1
    return [g(i) for i in range(n)], (v := g(n)) + v

# run: bit_counts(10)
# expect: (2, 8, 2, 1, 1, 0)
# run: bit_counts(-1)
# expect: (1, 8, 2, 1, 1, 0)
def bit_counts(n):
    return n.bit_count(), (255).bit_count(), (-5).bit_count(), (-9223372036854775807 - 1).bit_count(), True.bit_count(), (0).bit_count()
