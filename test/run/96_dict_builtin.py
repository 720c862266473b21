# dict(): empty (learning its types from the first store), of keywords, a copy of a dict (in its order, apart from
# it), of pairs from a list, zip(), enumerate(), map() or a generator expression (lower/dict.c dc_call)

# run: dicts(3)
# expect: ({1: 2.5}, {'a': 1, 'b': 3}, {'x': 0, 'y': 1, 'z': 2}, {0: 0, 1: 1, 2: 4}, {'x': 0, 'y': 1, 'z': 2, 'w': 9}, {'x': 0, 'y': 1, 'z': 2}, {1: 'one', 2: 'two'}, {0: 'a', 1: 'b'}, {0: 0, 1: -1}, {0: 2, 1: 1}, 0)
def dicts(n):
    d0 = dict()
    d0[1] = 2.5
    d1 = dict(a=1, b=n)
    d2 = dict(zip(["x", "y", "z"], range(n)))
    d3 = dict((k, k * k) for k in range(n))
    d4 = dict(d2)
    d4["w"] = 9
    d5 = dict([(1, "one"), (2, "two")])
    d6 = dict(enumerate("ab"))
    d7 = dict(map(lambda k: (k, -k), range(2)))
    e = dict()
    for i in range(n):
        e[i % 2] = e.get(i % 2, 0) + i
    return d0, d1, d2, d3, d4, d2, d5, d6, d7, e, len(dict())

# run: by_value(1)
# expect: ('b', 'a', ['a', 'c', 'b'], 'x')
def by_value(n):
    d = {"a": 3, "b": 7, "c": 5}
    counts = dict()
    for w in "x y x z x y".split():
        counts[w] = counts.get(w, 0) + 1
    return max(d, key=d.get), min(d, key=d.get), sorted(d, key=d.get), max(counts, key=counts.get)
