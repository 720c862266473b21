# np.diff's prepend= and append= (numbers broadcast to a length-1 slab, arrays as they are, joined before the
# differences as NumPy does; none when n is 0), a.ravel(order) / a.flatten(order) / np.ravel(a, order) for 'C' and 'F',
# np.put(a, ind, v, mode) as NumPy's PyArray_PutTo (v cycled, the last write wins, its IndexErrors, 'wrap' and 'clip').
# run: diffs([1.0, 4.0, 9.0, 16.0])
# expect: ([1.0, 3.0, 5.0, 7.0], [3.0, 5.0, 7.0, 0.0], [-2.0, 4.0, 2.0, 2.0, 77.0], [[0.0, 0.0], [8.0, 12.0]], [[-4.0, 3.0], [4.0, 7.0]], [[True, False], [False, False]], [1.0, 4.0, 9.0, 16.0], True, [-0.5, 1.0, 1.0, 1.0])
import numpy as np
def diffs(a):
    m = a.reshape(2, 2)
    return (np.diff(a, prepend=0.0), np.diff(a, append=a[-1]), np.diff(a, n=2, prepend=[1.0, 2.0], append=100),
            np.diff(m, axis=0, prepend=m[:1]), np.diff(m, prepend=5), np.diff(m > 2, append=True), np.diff(a, n=0, prepend=7.0),
            np.diff(a.astype(np.int32), prepend=np.int8(3)).dtype == np.int32, np.diff(np.arange(4), prepend=0.5))

# run: ravels([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
# expect: ([1.0, 4.0, 2.0, 5.0, 3.0, 6.0], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [1.0, 4.0, 2.0, 5.0, 3.0, 6.0], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [1.0, 4.0, 2.0, 5.0, 3.0, 6.0], [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [100.0, 4.0, 2.0, 5.0, 3.0, 6.0])
def ravels(a):
    m = a.reshape(2, 3)
    c = m.ravel("F")
    c[0] = 100.0
    return m.ravel(order="F"), m.ravel("C"), m.flatten("F"), m.T.flatten(order="F"), np.ravel(m, "F"), np.ravel(m, order="C"), m, c

# run: puts(5)
# expect: ([1.5, 3.0, 2.5, 0.0, 0.0], [0, 2, 0, 0, 2], [[1.0, 3.0, 0.0], [2.0, 0.0, 0.0]], [9.0, 0.0, 9.0, 0.0, 0.0], [4.0, 0.0, 0.0, 0.0, 5.0], [0.0, 0.0, 0.0], None)
def puts(n):
    a = np.zeros(n)
    np.put(a, [0, 2], [1.5, 2.5])
    b = np.zeros(n, dtype=np.int64)
    np.put(b, [1, -1], 2.7)
    c = np.zeros((2, 3))
    np.put(c.T, [0, 1, 2], [1, 2, 3])
    d = np.zeros(n)
    np.put(d, [0, 7, -8], [9.0, 8.0], mode="wrap")
    e = np.zeros(n)
    np.put(e, np.array([-3, 12]), np.array([4.0, 5.0]), mode="clip")
    f = np.zeros(3)
    np.put(f, [5], [])
    return a, b, c, d, e, f, np.put(a, 1, 3.0)

# run: put_bad(3)
# expect-error: line 42: IndexError: index 3 is out of bounds for axis 0 with size 3
def put_bad(n):
    a = np.zeros(n)
    np.put(a, [1, n], [1.0])
    return a

# run: put_empty(3)
# expect-error: line 48: IndexError: cannot replace elements of an empty array
def put_empty(n):
    np.put(np.zeros(0), [0], [1.0], mode="clip")
    return n
