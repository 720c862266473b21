# map() and filter() (front/mapfilter.c: rewritten as the generator expressions they are) wherever kiln takes a
# generator expression, and a for loop over a generator expression (lower/genexp.c gx_for: the generator's loops
# around the body; a break leaves them all, the else clause runs where none did, continue takes the next item).
import math
import numpy as np

def sq(v):
    return v * v

# run: maps(5)
# expect: ([0, 1, 4, 9, 16], [1, 2, 3, 4, 5], 6, '0,1,2,3,4', [-4, -3, -2, -1, 0], [0, 20], 4.0, [1.0, 2.0], 30, {0, 1, 2}, True, [2.0, 3.0], [3, 5])
def maps(n):
    xs = list(range(n))
    s = 0
    for v in map(sq, xs):
        s += v
    return (list(map(sq, xs)), list(map(lambda v: v + 1, xs)), sum(map(abs, [-1, -2, 3])), ",".join(map(str, xs)),
            sorted(map(lambda v: -v, xs)), list(map(lambda u, v: u * v, xs, [10, 20])), max(map(float, xs)),
            [v for v in map(math.sqrt, [1.0, 4.0])], s, set(map(lambda v: v % 3, xs)), any(map(lambda v: v > 3, xs)),
            list(map(np.sqrt, np.array([4.0, 9.0]))), list(map(lambda a, b, c: a + b + c, [1, 2, 3], [1, 2], [1, 1, 1])))

# run: filters(6)
# expect: ([1, 3, 5], [1, 2], [4, 9, 16, 25], 9, ['b', 'c'], [0.5])
def filters(n):
    xs = list(range(n))
    odd = lambda v: v % 2
    return (list(filter(odd, xs)), list(filter(None, [0, 1, 0, 2])), list(map(sq, filter(lambda v: v > 1, xs))),
            sum(filter(lambda v: v % 2, xs)), list(filter(None, ["", "b", "c"])), list(filter(lambda f: f > 0, [-1.5, 0.5])))

# run: loops(5)
# expect: ([0, 1, 4, 9, 16], 9, [1, 9], [(0, 'a'), (1, 'b')], 'none broke', 'broke at 4', [(0, 0), (1, 0), (1, 1)], 2, [0, 2, 6, 12])
def loops(n):
    a = []
    for v in (x * x for x in range(n)):
        a.append(v)
    first_big = -1
    for v in (x * x for x in range(n) if x > 1):
        if v > 5:
            first_big = v
            break
    odd = []
    for v in (x * x for x in range(n)):
        if v % 2 == 0:
            continue
        odd.append(v)
    pairs = []
    for i, c in ((k, "ab"[k]) for k in range(2)):
        pairs.append((i, c))
    msg = ""
    for v in (x for x in range(n)):
        if v > 10:
            break
    else:
        msg = "none broke"
    msg2 = ""
    for v in (x for x in range(10)):
        try:
            if v == 4:
                msg2 = "broke at " + str(v)
                break
        except ValueError:
            pass
    else:
        msg2 = "never"
    tri = []
    for i, j in ((i, j) for i in range(n) for j in range(i + 1) if i < 2):
        tri.append((i, j))
    count = 0
    for v in (y for y in range(n)):
        for w in range(3):
            if w == v:
                break
        else:
            count += 1
    x = 7
    pron = [v for v in (x * (x + 1) for x in range(4))]
    return a, first_big, odd, pairs, msg, msg2, tri, count + x - 7, pron

# run: nested_break(3)
# expect: (3, 4)
def nested_break(n):
    hits = 0
    last = 0
    for v in (i * 10 + j for i in range(n) for j in range(n)):
        last = v
        if v >= 20:
            for w in range(3):
                pass
            else:
                hits = v // 10 + 1
                break
        hits += 1
    return hits, last // 5

# run: gen_error(4)
# expect-error: line 99: ZeroDivisionError: division by zero
def gen_error(n):
    total = 0.0
    for v in (1 / (x - 2) for x in range(n)):
        total += v
    return total
