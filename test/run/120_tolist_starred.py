# a.tolist() and a.item() (NumPy's Python objects of the elements, nested lists per axis; a NumPy scalar's Python
# value), and starred items in tuple and list displays: (*t, x) splices a tuple, [*a, x, *b] joins any iterables
import numpy as np

# run: tolists(3)
# expect: ([0, 1, 2], [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[[False, False], [False, False]], [[True, True], [True, True]]], [(1+2j)], [], 3.5, [0, 1, 2])
def tolists(n):
    a = np.arange(n)
    b = np.arange(6.0).reshape(2, 3).astype(np.float32)
    c = np.arange(8).reshape(2, 2, 2) > 3
    d = np.array([1 + 2j])
    e = np.zeros((0, 2))
    u = np.arange(n, dtype=np.uint8)
    return a.tolist(), b.tolist(), c.tolist(), d.tolist(), e.tolist(), np.array(3.5).tolist(), u.tolist()

# run: items(3)
# expect: (2.5, 3, 5.0, 7, True, 1, 1.0)
def items(n):
    a = np.arange(n, dtype=np.int8)
    s = a.sum()
    x = np.float32(2.5)
    return x.item(), s.item(), (x * 2).tolist(), np.uint8(7).item(), np.bool_(True).item(), a[1:2].item(), np.ones((1, 1)).item()

# run: item_size(3)
# expect-error: line 27: ValueError: can only convert an array of size 1 to a Python scalar
def item_size(n):
    return np.arange(n).item()

# run: starred(5)
# expect: ((3, 4, 5), (0, 3, 4, 3, 4), [1, 2, 5, 3, 4, 0, 1], [1, 2], [0, 1, 2], ['a', 'b'], 1, [2, 1, 2], [], ())
def starred(n):
    a = [1, 2]
    t = (3, 4)
    u = (*t, n)
    v = (0, *t, *t)
    l = [*a, n, *t, *range(2)]
    w = [*np.arange(3)]
    c = [*"ab"]
    x, *rest = [*a, *a]
    return u, v, l, [*a], w, c, x, rest, [*[]], (*(),)
