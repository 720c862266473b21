# a.transpose(axes) and np.transpose(a, axes) (views with the axes in the order given: as separate ints, a tuple or a
# list, negative ones from the end; a.transpose() and axes=None reverse them), and `...` in array subscripts (the
# full slices of every axis no other index takes: reads, views, stores, augmented stores, with None and slices).
import numpy as np


def cube(a, b, c):
    return np.arange(a * b * c * 1.0).reshape(a, b, c)


# run: permuted(2, 3, 4)
# expect: ((3, 2, 4), (32, 96, 8), (4, 2, 3), (8, 96, 32), (3, 4, 2), (8, 96, 32), (4, 3, 2), (4, 3, 2), (8, 32, 96), [4.0, 5.0, 6.0, 7.0], [15.0, 19.0, 23.0], 51.0, (8, 96, 32), True)
def permuted(a, b, c):
    x = cube(a, b, c)
    y = x.transpose(1, 0, 2)
    z = x.transpose((2, 0, 1))
    w = np.transpose(x, [1, 2, 0])
    v = x.transpose(-1, 0, 1)
    return (y.shape, y.strides, z.shape, z.strides, w.shape, v.strides, x.transpose().shape, x.transpose(None).shape,
            np.transpose(x, None).strides, y[1, 0].tolist(), z[3, 1].tolist(), float(w.sum(axis=0)[1, 1]),
            (z * 2.0).strides, x.transpose(0, 1, 2).flags.c_contiguous)


# run: permuted_writes(2, 3)
# expect: ([[5.0, 0.0, 0.0], [5.0, 2.0, 2.0]], [0, 1, 2, 3])
def permuted_writes(a, b):
    x = np.zeros((a, b))
    t = x.transpose(1, 0)
    t[0] = 5.0
    t[1:, 1] += 2.0
    return x.tolist(), np.arange(4).transpose(0).tolist()


# run: ellipsis_reads(2, 3, 4)
# expect: ([[0.0, 4.0, 8.0], [12.0, 16.0, 20.0]], (3, 4), [[4.0, 8.0], [16.0, 20.0]], (1, 2, 3), (2, 3, 4), [15.0, 19.0, 23.0], (2, 3, 4, 1), 86.0, ())
def ellipsis_reads(a, b, c):
    x = cube(a, b, c)
    return (x[..., 0].tolist(), x[0, ...].shape, x[..., 1:, 0].tolist(), x[None, ..., 2].shape, x[...].shape,
            x[1, ..., 3].tolist(), x[..., None].shape, float(x[1, 2, ...].sum()), x[1, 2, 3, ...].shape)


# run: ellipsis_writes(2, 3)
# expect: ([[0.0, 1.5, 1.5], [11.0, 11.5, 11.5]], [[[-0.0, -0.0], [-0.0, -1.5], [-0.0, -1.5]], [[0.0, 11.0], [0.0, 11.5], [0.0, 11.5]]])
def ellipsis_writes(a, b):
    x = np.zeros((a, b))
    x[...] = 1.5
    x[..., 0] = np.arange(a)
    x[1, ...] += 10.0
    y = np.zeros((a, b, 2))
    y[..., 1] = x
    y[0, ...] *= -1.0
    return x.tolist(), y.tolist()


# run: open_mesh(4, 5)
# expect: ([[1.0, 3.0, 4.0], [11.0, 13.0, 14.0]], [[-1.0, 101.0, -1.0, 103.0, -1.0], [5.0, 6.0, 7.0, 8.0, 9.0], [-1.0, 111.0, -1.0, 113.0, -1.0], [15.0, 16.0, 17.0, 18.0, 19.0]], (2, 1), (24, 8), [[1.0], [11.0]], [1.0, 13.0], 'shape mismatch: indexing arrays could not be broadcast together with shapes (2,1) (3,1) ')
def open_mesh(n, m):
    # np.ix_ and index arrays that broadcast together (NumPy's rule; its message where they do not)
    a = np.arange(n * m * 1.0).reshape(n, m)
    r = np.array([0, 2])
    c = np.array([1, 3, 4])
    mask = np.array([True, False, True, False, True])
    sub = a[np.ix_(r, c)]
    b = a.copy()
    b[np.ix_(r, mask)] = -1.0
    b[r[:, None], c[None, :2]] += 100.0
    i, j = np.ix_(r, c)
    msg = ""
    try:
        a[r[:, None], c[:, None]]
    except IndexError as e:
        msg = str(e)
    return sub.tolist(), b.tolist(), i.shape, j.strides, a[r[:, None], 1].tolist(), a[r, c[:2]].tolist(), msg


# run: cross_rows(4)
# expect: ([[-0.23050396497858203, 0.5155013718214642, -0.963558185417193], [1.030007878968041, -0.7526657070678402, 0.2020199988080898], [0.40188167794654645, -0.36858526222451476, 0.34268211053082787], [-0.6794869672502939, 1.1035008356961147, -0.9945687821838943]], [[-0.23050396497858203, 0.5155013718214642, -0.963558185417193], [-0.31469110593236843, 0.332017637147788, 0.3574220821896307], [0.6873928442601316, -0.9975460285610239, 0.4446297140253312], [-0.6833102367165218, 1.1162841369702172, -1.002964227826147]], (24, 8), [[0, 0, 0], [3, -6, 3]], 'float32', ['incompatible dimensions for cross produc', 'incompatible dimensions for cross produc'])
def cross_rows(n):
    u = np.sin(np.arange(n * 3) * 1.3).reshape(n, 3)
    v = np.cos(np.arange(n * 3) * 0.7).reshape(n, 3)
    w = np.arange(6, dtype=np.int8).reshape(2, 3)
    msgs = []
    for x, y in ((np.ones((2, 4)), np.ones((2, 3))), (np.ones((3, 5)), np.ones(3))):
        try:
            np.cross(x, y)
        except ValueError as e:
            msgs.append(str(e)[:40])
    return (np.cross(u, v).tolist(), np.cross(u, v[0]).tolist(), np.cross(u.T.T[:, ::-1], v).strides,
            np.cross(w, np.arange(3, dtype=np.int16)).tolist(), np.cross(u[:2].astype(np.float32), v[:2].astype(np.float32)).dtype.name,
            msgs)
