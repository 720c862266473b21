# Indexing with several index arrays (a[rows, cols], a[rows, 1]: one per axis, of one shape, element by element in C
# order), one index array among slices (m[:, cols], t[:, :, [1, 2]]: the axis taken whole, rows taken or written as for
# m[cols]), their assignments and augmented assignments (a repeated index counts once, as in NumPy), and slices of
# tuples with constant bounds (a.shape[:-1], t[::-1]).
import numpy as np


# run: gathers(1)
# expect: ([1.0, 11.0, 4.0], [1.0, 9.0, 5.0], [5.0, 7.0, 4.0], [[1.0, 3.0, 0.0], [9.0, 11.0, 8.0], [5.0, 7.0, 4.0]], [[1.0, 3.0, 0.0], [5.0, 7.0, 4.0], [9.0, 11.0, 8.0]], [[4.0, 7.0], [8.0, 11.0]], [11.0, 0.0], [[[0.0, 1.0, 2.0, 3.0], [8.0, 9.0, 10.0, 11.0], [4.0, 5.0, 6.0, 7.0]], [[12.0, 13.0, 14.0, 15.0], [20.0, 21.0, 22.0, 23.0], [16.0, 17.0, 18.0, 19.0]]], [[[1.0, 2.0], [5.0, 6.0], [9.0, 10.0]], [[13.0, 14.0], [17.0, 18.0], [21.0, 22.0]]], [[[16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0]], [[4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]]], [[1.0], [11.0], [4.0]], (3, 0))
def gathers(n):
    a = np.arange(12.0).reshape(3, 4)
    r = np.array([0, 2, 1])
    c = np.array([1, 3, 0])
    t = np.arange(24.0).reshape(2, 3, 4)
    return (a[r, c], a[r, 1], a[1, c], a[r][:, c], a[:, c], a[1:, [0, 3]], a[[-1, 0], [-1, 0]], t[:, r, :],
            t[:, :, [1, 2]], t[[1, 0], 1:, :], a[r.reshape(3, 1), c.reshape(3, 1)], a[:, np.array([], dtype=np.int64)].shape)


# run: scatters(1)
# expect: ([[-2.0, 7.0, 2.0, -1.0], [18.0, 8.0, 6.0, -1.0], [-1.0, -1.0, 10.0, 9.0]], [[2.0, 0.0, 1.0], [4.0, 0.0, 3.0]], [[-6.0, -5.0, 2.0, 20.0], [1.0, 10.0, -6.0, 7.0], [1.0, 10.0, 2.0, 7.0]])
def scatters(n):
    a = np.arange(12.0).reshape(3, 4)
    r = np.array([0, 2, 1])
    c = np.array([1, 3, 0])
    a[:, c] = -1.0
    a[r, c] += 10.0
    a[:, [0]] *= 2.0
    a[[0, 1], [1, 1]] = np.array([7.0, 8.0])
    a[[2, 2], [0, 0]] += 1.0
    b = np.zeros((2, 3))
    b[:, [2, 0]] = np.array([[1.0, 2.0], [3.0, 4.0]])
    c = np.zeros((3, 4))
    c[:, [0, 2]] = np.array([1.0, 2.0])  # broadcast across the rows
    c[1:, [3]] = np.array([[5.0], [6.0]])
    c[:, [1, 3]] += np.array([10.0, 20.0])
    c[np.array([[0, 1], [2, 0]]), np.array([[1, 2], [3, 0]])] = np.array([-5.0, -6.0])
    c[np.array([1, 2]), np.array([3, 3])] = np.array([7.0])
    return a, b, c


# run: bad_index(1)
# expect-error: line 45: IndexError: index 3 is out of bounds for axis 0 with size 3
def bad_index(n):
    a = np.arange(12.0).reshape(3, 4)
    return a[np.array([0, 3]), np.array([1, 1])]


# run: bad_shapes(1)
# expect: ['shape mismatch: indexing arrays could not be broadcast together with shapes (3,) (2,)', 'shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)', 'shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (3,2)']
def bad_shapes(n):
    a = np.arange(12.0).reshape(3, 4)
    out = []
    try:
        a[np.array([0, 1, 2]), np.array([1, 1])]
    except IndexError as e:
        out.append(str(e).strip())  # NumPy's message ends with a space
    try:
        a[np.array([0, 1]), np.array([1, 2])] = np.array([1.0, 2.0, 3.0])
    except ValueError as e:
        out.append(str(e))
    try:
        a[:, [0, 2]] = np.array([1.0, 2.0, 3.0])
    except ValueError as e:
        out.append(str(e))
    return out


# run: tuple_slices(4)
# expect: ((2.5, 3), (5, 4, 3, 2.5, 1), (1, 2.5, 3, 4), (4, 5), (1, 3, 5), (), (2.5, 3, 4, 5), (1, 2.5), (2, 3), (3, 4), (2, 3), (5, 3), (1, 2.5, 3, 4, 5))
def tuple_slices(n):
    t = (1, 2.5, 3, 4, 5)
    a = np.ones((2, 3, n))
    s = a.shape
    return (t[1:3], t[::-1], t[:-1], t[-2:], t[::2], t[3:1], t[1:100], t[-100:2], s[:-1], s[1:],
            np.zeros(a.shape[:2]).shape, t[4:0:-2], t[:])


# run: broadcasts(4)
# expect: ([[9.0, 1.0, 2.0], [9.0, 1.0, 2.0]], [[1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0]], [[1, 2], [1, 2], [1, 2]], [18.0, 2.0, 4.0], [9.0, 1.0, 2.0], (4, 1, 2))
def broadcasts(n):
    a = np.arange(3.0)
    b = np.broadcast_to(a, (2, 3))
    c = np.broadcast_to(np.ones((2, 1)), (2, n))
    d = np.broadcast_to([1, 2], (3, 2))
    a[0] = 9.0  # a view: b sees it
    return b, c, d, b.sum(axis=0), np.broadcast_to(a, 3), np.broadcast_to(np.ones((1, 1)), (n, 1, 2)).shape


# run: broadcast_bad(3)
# expect-error: line 92: ValueError: operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)  and requested shape (4,3)
def broadcast_bad(n):
    return np.broadcast_to(np.ones((2, 3)), (4, n))
