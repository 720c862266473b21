# Section 12b: basic indexing gives views (slices, np.newaxis, .T, reshape, ravel), slice assignment
import numpy as np

# run: slices1([0.0, 1.0, 2.0, 3.0, 4.0])
# expect: ([1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 2.0, 3.0], [4.0, 3.0, 2.0, 1.0, 0.0], [1.0, 3.0], [3.0, 4.0], [], [4.0, 2.0, 0.0], [3.0, 2.0, 1.0])
def slices1(a):
    return (a[1:], a[:-1], a[::-1], a[1:4:2], a[-2:], a[10:], a[::-2], a[3:0:-1])

# run: slices_clamp([1, 2, 3, 4, 5])
# expect: ([1, 2, 3, 4, 5], [], [5, 4, 3, 2, 1], [], [3, 2, 1], [1, 2], [], [5, 4, 3, 2, 1])
def slices_clamp(a):
    return (a[-100:100], a[3:1], a[100:-100:-1], a[1:3:-1], a[2::-1], a[:-3], a[5:], a[-1:-100:-1])

# run: slices_var([1, 2, 3, 4, 5, 6, 7], 1, -1, 2)
# expect: ([2, 4, 6], [6, 4, 2], [7, 6, 5, 4, 3, 2, 1], [1, 3, 5, 7])
def slices_var(a, i, j, k):
    return (a[i:j:k], a[j - 1:i - 1:-k], a[::-k // k], a[::k])

# run: slices_var([1, 2, 3, 4, 5, 6, 7], 6, 0, -3)
# expect: ([7, 4], [], [7, 6, 5, 4, 3, 2, 1], [7, 4, 1])
def slices_var2(a, i, j, k):
    return (a[i:j:k], a[j - 1:i - 1:-k], a[::-k // k], a[::k])

# run: step_zero([1, 2, 3], 0)
# expect-error: line 27: ValueError: slice step cannot be zero
def step_zero(a, k):
    return a[::k]

# run: slices2([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
# expect: ([[7, 8], [11, 12]], [2, 6, 10], [4, 3, 2, 1], [[1, 5, 9]], [[6, 7]], [[12, 11, 10, 9], [4, 3, 2, 1]], [[2], [6], [10]])
def slices2(m):
    return (m[1:, 2:], m[:, 1], m[0, ::-1], m[None, :, 0], m[1:-1, 1:-1], m[::-2, ::-1], m[:, 1, np.newaxis])

# run: newaxis([1.0, 2.0, 3.0])
# expect: ((1, 3), (3, 1), (1, 3, 1), [[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [3.0, 6.0, 9.0]])
def newaxis(v):
    return (v[None].shape, v[:, None].shape, v[np.newaxis, :, np.newaxis].shape, v[:, None] * v[None, :])

# run: shapes([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
# expect: ((2, 4), (3, 2), (0, 4), (4, 3), (3,), (2, 0))
def shapes(m):
    return (m[1:].shape, m[:, ::2].shape, m[3:].shape, m.T.shape, m[:, -1].shape, m[1:, 5:].shape)

# run: transpose([[1, 2, 3], [4, 5, 6]])
# expect: ([[1, 4], [2, 5], [3, 6]], [[1, 4], [2, 5], [3, 6]], [[2, 5], [3, 6]], [1, 2, 3])
def transpose(m):
    return (m.T, m.transpose(), m.T[1:], m.T.T[0])

# run: reshape([1, 2, 3, 4, 5, 6])
# expect: ([[1, 2, 3], [4, 5, 6]], [[1, 2], [3, 4], [5, 6]], [1, 3, 5, 2, 4, 6], [[1], [2], [3], [4], [5], [6]], (1, 6), [[[1, 2], [3, 4], [5, 6]]])
def reshape(a):
    return (a.reshape(2, -1), a.reshape((3, 2)), a.reshape(3, 2).T.ravel(), a.reshape(-1, 1), a.reshape(1, 6).shape, a.reshape(1, 3, 2))

# run: reshape_view([1, 2, 3, 4, 5, 6])
# expect: ([[1, 2, 3], [4, 5, 6]], [1, 2, 3, 4, 100, 6], [0, 2, 0, 4, 0, 6])
def reshape_view(a):
    m = a.reshape(2, 3)
    r = m.copy()
    m[1, 1] = 100
    b = a.copy()
    b.reshape(3, 2)[:, 0] = 0
    return (r, a, b)

# run: reshape_bad([1, 2, 3, 4, 5, 6])
# cpython: skip (NumPy's message names the sizes: "cannot reshape array of size 6 into shape (4,newaxis)")
# expect-error: line 68: ValueError: cannot reshape array into the shape asked for (the sizes differ)
def reshape_bad(a):
    return a.reshape(4, -1)

# run: reshape_two([1, 2, 3, 4])
# expect-error: line 73: ValueError: can only specify one unknown dimension
def reshape_two(a):
    return a.reshape(-1, -1)

# run: ravel_copy([[1, 2], [3, 4]])
# expect: ([1, 3, 2, 4], [1, 2, 3, 4], [[1, 2], [3, 4]])
def ravel_copy(m):
    r = m.T.ravel()
    f = m.flatten()
    f[0] = 99
    return (r, m.ravel(), m)

# run: write_through([1, 2, 3, 4, 5])
# expect: ([1, 9, 3, 7, 5], [9, 3, 7])
def write_through(a):
    v = a[1:4]
    v[0] = 9
    w = a[::-1]
    w[1] = 7
    return (a, v)

# run: assign_scalar([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])
# expect: [[0.0, 0.0, 0.0], [4.0, -1.0, 6.0], [7.0, 8.0, 2.5]]
def assign_scalar(m):
    m[0] = 0
    m[1, 1:2] = -1
    m[2:, 2:] = 2.5
    return m

# run: assign_array([[1, 2, 3], [4, 5, 6]], [7, 8, 9])
# expect: [[7, 8, 9], [9, 8, 7]]
def assign_array(m, v):
    m[0, :] = v
    m[1] = v[::-1]
    return m

# run: assign_broadcast([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [10.0, 20.0])
# expect: [[10.0, 10.0, 10.0], [20.0, 20.0, 20.0]]
def assign_broadcast(m, c):
    m[:, :] = c[:, None]
    return m

# run: assign_cast([0, 0, 0, 0], [1.9, -2.9, 3.5, 0.2])
# expect: [1, -2, 3, 0]
def assign_cast(a, x):
    a[:] = x
    return a

# run: assign_expr([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]])
# expect: [[0.0, 0.0, 0.0, 0.0], [0.0, 6.0, 7.0, 0.0], [0.0, 10.0, 11.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
def assign_expr(u):
    v = np.zeros_like(u)
    v[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    return v

# run: assign_bad([1, 2, 3, 4], [1, 2, 3])
# expect-error: line 129: ValueError: could not broadcast input array from shape (3,) into shape (4,)
def assign_bad(a, b):
    a[:] = b
    return a

# run: alias_fwd([1, 2, 3, 4, 5])
# expect: [1, 1, 2, 3, 4]
def alias_fwd(a):
    a[1:] = a[:-1]
    return a

# run: alias_back([1, 2, 3, 4, 5])
# expect: [2, 3, 4, 5, 5]
def alias_back(a):
    a[:-1] = a[1:]
    return a

# run: alias_reverse([1, 2, 3, 4, 5])
# expect: [5, 4, 3, 2, 1]
def alias_reverse(a):
    a[:] = a[::-1]
    return a

# run: alias_stencil([0.0, 0.0, 8.0, 0.0, 0.0])
# expect: [0.0, 4.0, 0.0, 4.0, 0.0]
def alias_stencil(u):
    u[1:-1] = 0.5 * (u[:-2] + u[2:])
    return u

# run: alias_rows([[1, 2], [3, 4], [5, 6]])
# expect: [[2, 4], [6, 8], [10, 12]]
def alias_rows(m):
    m[:, :] = m[:, :] * 2
    return m

# run: alias_bcast([[1, 2], [3, 4], [5, 6]])
# expect: [[2, 4], [2, 4], [2, 4]]
def alias_bcast(m):
    m[:, :] = m[0] * 2
    return m

# run: inplace([1.0, 2.0, 3.0, 4.0], [1.0, 1.0, 1.0, 1.0])
# expect: ([20.0, 3.0, 40.0, 5.0], [20.0, 3.0, 40.0, 5.0])
def inplace(a, b):
    c = a
    a += b
    a[::2] *= 10
    return (a, c)

# run: inplace_ops([8, 6, 4], [1, 2, 3])
# expect: ([6, 7, 2], [0, 4, 1])
def inplace_ops(a, b):
    c = a.copy()
    a -= b
    a |= 1
    a ^= b
    c[1:] -= b[1:] * 1
    c[:] &= 5
    return (a, c)

# run: inplace_alias([1, 2, 3, 4, 5])
# expect: [1, 3, 5, 7, 9]
def inplace_alias(a):
    a[1:] += a[:-1]
    return a

def total(v):
    s = 0.0
    for x in v:
        s += x
    return s

def first_col(m):
    return m[:, 0]

# run: pass_views([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
# expect: (5.0, 9.0, 4.0, [1.0, 4.0], [3.0, 6.0], 17.0)
def pass_views(m):
    return (total(m[:, 0]), total(m.T[2]), total(m[::-1, ::2][1]), first_col(m), first_col(m[:, ::-1]), total(m[::-1].ravel()[1:]))

# run: loop_view([1, 2, 3, 4, 5, 6])
# expect: (9, 12)
def loop_view(a):
    s = 0
    for x in a[::2]:
        s += x
    t = 0
    for i in range(a[3:].shape[0]):
        t += a[3:][i] - 3
    return (s, t + 6)

# run: chained([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
# expect: ([5, 6], [8, 9], 6, [[8, 9]])
def chained(m):
    return (m[1][1:], m[1:][1][1:], m[1:, 1:][0, 1], m[1:][1:, 1:])

# run: empty_views([1.0, 2.0])
# expect: ([], [], (0, 2), 0.0)
def empty_views(a):
    e = a[2:]
    e[:] = 5.0
    m = np.zeros((3, 2))
    return (e, a[1:1] * 2, m[3:].shape, total(a[5:]))

# run: float32_view([1.5, 2.5, 3.5])
# expect: [3.5, 2.5]
def float32_view(a):
    b = np.zeros(3, dtype=np.float32)
    b[:] = a
    return b[::-1][:2]
