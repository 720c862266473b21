# Tier 2's direct paths for append and pop (back/llvm/containers.c) and the doubling copy of `[x] * k`: every item
# kind the direct paths move (numbers of 1 to 16 bytes, lists, strings, sets), the edges where they hand over to the
# runtime (a full list growing, an empty list, an index that is not the last, an empty list typed by its first
# append), and the same answers on every tier as in CPython.
import numpy as np

# run: ints(50)
# expect: (1225, 25, 48, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24])
def ints(n):
    st = []
    tot = 0
    for i in range(n):
        st.append(i)
    m = len(st)
    for i in range(n // 2):
        tot += st.pop()
    tot += sum(st)
    st.append(48)
    last = st.pop(-1)
    return tot, len(st), last, st

# run: pop_index(6)
# expect: (5, 4, 0, [1, 2, 3])
def pop_index(n):
    xs = list(range(n))
    a = xs.pop(len(xs) - 1)
    b = xs.pop(4)
    c = xs.pop(0)
    return a, b, c, xs

# run: kinds(5)
# expect: ([True, False, True, False, True], [0.0, 0.5, 1.0, 1.5, 2.0], [0j, (1+2j), (2+4j), (3+6j), (4+8j)], True, 2.0, (4+8j))
def kinds(n):
    bs = []
    fs = []
    cs = []
    for i in range(n):
        bs.append(i % 2 == 0)
        fs.append(i * 0.5)
        cs.append(complex(i, 2 * i))
    out = (bs[:], fs[:], cs[:])
    return out[0], out[1], out[2], bs.pop(), fs.pop(), cs.pop()

# run: narrow(6)
# expect: ([0, 1, 2, 3, 4], -6, [0.0, 0.25, 0.5, 0.75, 1.0, 1.25], 1.25)
def narrow(n):
    small = [np.int8(0)]
    small.pop()
    f32 = [np.float32(0.0)]
    f32.pop()
    for i in range(n):
        small.append(np.int8(i))
        f32.append(np.float32(i * 0.25))
    last = f32.pop()
    f32.append(last)
    return small, -int(small.pop()) - 1, f32, float(f32[-1])

# run: refs(4)
# expect: ([[0], [0, 1], [0, 1, 2]], [0, 1, 2, 3], ['a0', 'a1', 'a2'], 'a3', {9, 3})
def refs(n):
    rows = []
    names = []
    ds = []
    for i in range(n):
        rows.append(list(range(i + 1)))
        names.append("a" + str(i))
        ds.append({i, i * i})
    last = rows.pop()
    return rows, last, names[:3], names.pop(), ds.pop()

# run: empty_pop(3)
# expect: ('pop from empty list', 'pop index out of range', 3)
def empty_pop(n):
    xs = [1.5]
    xs.pop()
    first = ""
    try:
        xs.pop()
    except IndexError as e:
        first = str(e)
    xs.append(2.5)
    second = ""
    try:
        xs.pop(n)
    except IndexError as e:
        second = str(e)
    return first, second, n

# run: grow(1000)
# expect: (999, 499500, 999, 998)
def grow(n):
    xs = []
    for i in range(n):
        xs.append(i)
    tot = 0
    for x in xs:
        tot += x
    a = xs.pop()
    b = xs.pop()
    xs.append(a)
    return len(xs), tot, xs[-1], b

# run: alias(4)
# expect: ([1, 2, 3, 4, 2, 4, 6, 8], [1, 2, 3, 4, 2, 4, 6, 8])
def alias(n):
    xs = [i + 1 for i in range(n)]
    ys = xs
    for i in range(n):
        ys.append(xs[i] * 2)
    return xs, ys

# run: untyped_rows(3)
# expect: [[], [True], [True, False]]
def untyped_rows(n):
    rows = [[] for _ in range(n)]
    for i in range(n):
        for j in range(i):
            rows[i].append(j % 2 == 0)
    return rows

# run: repeat(3)
# expect: ([True, True, True, True, True, True, True, True, True], [1.0, 2.5, 1.0, 2.5, 1.0, 2.5], [], [], 0)
def repeat(n):
    a = [True] * (n * 3)
    b = [1.0, 2.5] * n
    c = [7] * 0
    d = [3] * -n
    e = [] * n
    return a, b, c, d, len(e)

# run: repeat_big(100003)
# expect: (100003, 100003, 3, 200006)
def repeat_big(n):
    a = [np.int8(1)] * n
    b = [(1, 2)] * n
    t = 0
    for x in a:
        t += int(x)
    u = 0
    for p in b:
        u += p[0] + p[1]
    return t, len(b), b[n - 1][0] + b[n - 1][1], u - n
