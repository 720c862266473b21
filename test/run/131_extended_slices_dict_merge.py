# a list's extended slices assigned and deleted (`xs[::2] = ...`, `del xs[::3]`, negative steps, a step known only
# when the code runs), and the dict merge operators `d | e` and `d |= e` (PEP 584: a defaultdict keeps its kind);
# found by test/fuzz/containers.py's kernels
from collections import defaultdict

# run: slices(7, 2)
# expect: ([1, 2, 4, 5], [103, -1, 102, -1, 101, -1, 100], [1, 3, 5], [0.0, 2.5, -0.5, 4.5], [1, 2, 4])
# run: slices(4, 1)
# expect: ([1, 2], [0, 101, 2, 100], [], [0.0, -0.5], [1, 2, 4])
# run: slices(4, -1)
# expect: ([1, 2], [0, 101, 2, 100], [], [-0.5, 3.5, 2.5, 0.0], [1, 2, 4])
def slices(n, c):
    xs = list(range(n))
    ys = list(range(n))
    zs = list(range(n))
    del xs[::3]
    ys[1:n - 1:2] = [-1] * len(ys[1:n - 1:2])
    ys[::-2] = list(range(100, 100 + len(ys[::-2])))
    del zs[::c]
    ws = [1.5, 2.5, 3.5, 4.5]
    if c == -1:
        ws[::c] = [0.0, 2.5, 3.5, -0.5]
    else:
        ws[::c] = [0.0, -0.5]
    vs = [1, 2, 3, 4, 5]
    del vs[4:0:-2]
    return xs, ys, zs, ws, vs

# run: slice_any_iterable(6)
# expect: ([10, 1, 20, 3, 30, 5], ['a', 'x', 'c', 'y'], [0, 1, 2, 3, 4, 4])
def slice_any_iterable(n):
    xs = list(range(n))
    xs[::2] = (10, 20, 30)
    cs = ["a", "b", "c", "d"]
    cs[1::2] = "xy"
    e = list(range(n))
    e[n:n:2] = []
    del e[n::-7]
    e.extend([4, 5])
    return xs, cs, e[:n]

# run: slice_size_mismatch(7)
# expect-error: line 46: ValueError: attempt to assign sequence of size 2 to extended slice of size 4
def slice_size_mismatch(n):
    xs = list(range(n))
    xs[::2] = [1, 2]
    return xs

# run: slice_step_zero(7, 0)
# expect-error: line 53: ValueError: slice step cannot be zero
def slice_step_zero(n, c):
    xs = list(range(n))
    del xs[::c]
    return xs

# run: merges()
# expect: ({1: 1.5, 2: 9.0, 3: 3.0}, {1: 0.0, 2: 9.0, 3: 3.0, 7: 7.0}, defaultdict(<class 'float'>, {5: 1.0, 2: 9.0, 3: 3.0, 100: 1.0}), defaultdict(<class 'float'>, {2: 9.0, 3: 3.0, 5: 1.0, 200: 2.0}), {1: 2}, {1: 1.5, 2: 2.5})
def merges():
    a = {1: 1.5, 2: 2.5}
    keep = a
    b = {2: 9.0, 3: 3.0}
    c = a | b
    first = a.copy()
    a |= b
    a |= [(7, 7.0), (1, 0.0)]
    g = defaultdict(float)
    g[5] += 1.0
    h = g | b
    k = b | g
    e = {}
    e = e | {1: 2}
    h[100] += 1.0
    k[200] += 2.0
    assert keep is a
    return c, a, h, k, e, first

# run: merge_in_loop(5)
# expect: {0: 0, 1: 1, 2: 4, 3: 9, 4: 16}
def merge_in_loop(n):
    d = {}
    for i in range(n):
        d |= {i: i * i}
    return d

# run: dict_equality(1)
# expect: (True, False, False, True, False, True, True, True, False, True, False, False)
def dict_equality(n):
    a = {1: [1, 2], 2: [3]}
    b = {2: [3], 1: [1, 2]}
    c = {1: [1, 2], 2: [4]}
    e = {}
    g = defaultdict(list)
    g[1].append(1)
    g[1].append(2)
    g[2].append(3)
    z = {1: 2.0}
    w = {n: 2}
    return a == b, a != b, a == c, e == {}, a == e, g == a, a == g, z == {1: 2.0}, w == {}, e != w, a == 5, z == {1: 2.5}

# run: counter_equality([1, 1, 2])
# expect: (True, True, False, False)
def counter_equality(xs):
    from collections import Counter
    x = Counter(xs)
    y = Counter([1, 2, 1])
    y[7] += 0
    return x == y, x == {1: 2, 2: 1}, x != y, y == {1: 2, 2: 1}

# run: extremes_default(3)
# expect: (3, -1, 6, 1, 1, None)
# run: extremes_default(0)
# expect: (-1, -1, 0, None, 99, None)
def extremes_default(n):
    xs = [3, 1, 2][:n]
    e = []
    a = max(xs, default=-1)
    b = min(e, default=-1)
    c = max((x * 2 for x in xs), default=0)
    d = min(xs, default=None)
    g = max(xs, key=lambda x: -x, default=99)
    h = max([], default=None)
    return a, b, c, d, g, h

# run: unpacked_displays(1)
# expect: ({1: 5, 3: 4}, {1: 2, 9: 1}, {0: 7, 3: 4, 1: 5}, {1: 2}, False, True)
def unpacked_displays(n):
    a = {1: 2}
    b = {3: 4, 1: 5}
    c = {**a, **b}
    d = {**a, 9: n}
    e = {0: -1, **b, 0: 7}
    g = {**{}, **a}
    return c, d, e, g, {**a} is a, {**a} == a
