# dict.update: another dict's items in its order, pairs (a list, zip, enumerate, a generator), keywords after them;
# an empty dict learns its types from the update
# run: merge(3)
# expect: ({'a': 10, 'b': 2, 'c': 3}, {1: 2.5, 3: 4.5}, {'a': 1.0, 'b': 2.0, 'c': 3.0})
def merge(n):
    d = {"a": 1}
    d.setdefault("b", 2)
    d.update({"c": n, "a": 10})
    e = {}
    e.update([(1, 2.5), (3, 4.5)])
    f = {"a": 1.0}
    f.update(b=2.0, c=n * 1.0)
    f.update()
    return d, e, f

# run: iterables(3)
# expect: ({1: 9, 2: 4, 5: 2, 6: 8, 3: 0, 4: 1, 0: 0}, {'a': 1, '0': 0, '1': 1, '2': 4}, {2: 4, 1: 9})
def iterables(n):
    d = {1: 1}
    e = {2: 4, 1: 9}
    d.update(e)
    d.update(zip([5, 6], [7, 8]))
    d.update(enumerate([0, 1, 2], n))
    d.update({0: 0})
    g = {"a": 1}
    g.update((str(i), i * i) for i in range(n))
    return d, g, e

# run: later_wins(0)
# expect: {'x': 3, 'y': 2}
def later_wins(n):
    d = {"x": 0}
    d.update([("x", 1), ("y", 2), ("x", 3)])
    return d

# run: into_param({1: 1.5}, 2)
# expect: {1: 1.5, 2: 4.0}
def into_param(d, n):
    d.update({n: n * 2.0})
    return d
