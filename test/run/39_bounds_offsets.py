# Bounds checks of a[i + c] in counted loops: the bounds-check pass (opt/bce.c) removes the ones it
# proves (i < n - 1 makes a[i + 1] safe; a constant length fixed by --static-shapes), and every other
# index still raises NumPy's IndexError at the first bad iteration.
import numpy as np

# run: stencil_diff(np.array([1.0, 2.0, 4.0, 8.0, 16.0]))
# expect: 21.0
def stencil_diff(a):
    s = 0.0
    for i in range(1, len(a) - 1):
        s += a[i + 1] - a[i - 1]
    return s

# run: two_ahead(np.array([1.0, 2.0, 3.0, 4.0]))
# expect: 7.0
def two_ahead(a):
    s = 0.0
    for i in range(len(a) - 2):
        s += a[i + 2]
    return s

# run: one_too_far(np.array([1.0, 2.0, 3.0]))
# expect-error: line 27: IndexError: index 3 is out of bounds for axis 0 with size 3
def one_too_far(a):
    s = 0.0
    for i in range(len(a) - 1):
        s += a[i + 2]
    return s

# run: past_end(np.array([1.0, 2.0, 3.0]))
# expect-error: line 35: IndexError: index 3 is out of bounds for axis 0 with size 3
def past_end(a):
    s = 0.0
    for i in range(len(a) + 1):
        s += a[i]
    return s

# run: behind(np.array([1.0, 2.0, 3.0]))
# expect: 6.0
def behind(a):
    s = 0.0
    for i in range(1, len(a) + 1):
        s += a[i - 1]
    return s

# run: rows_ahead(np.array([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]))
# expect: 45.0
def rows_ahead(m):
    s = 0.0
    for i in range(m.shape[0] - 1):
        for j in range(m.shape[1] - 1):
            s += m[i + 1, j + 1]
    return s

# run: rows_too_far(np.array([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]))
# expect-error: line 61: IndexError: index 3 is out of bounds for axis 1 with size 3
def rows_too_far(m):
    s = 0.0
    for i in range(m.shape[0] - 1):
        for j in range(m.shape[1]):
            s += m[i + 1, j + 1]
    return s

# run: fixed_len(np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]))
# expect: 28.0
def fixed_len(a):
    s = 0.0
    for i in range(7):
        s += a[i + 1]
    return s

# run: fixed_too_far(np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]))
# expect-error: line 77: IndexError: index 8 is out of bounds for axis 0 with size 8
def fixed_too_far(a):
    s = 0.0
    for i in range(8):
        s += a[i + 1]
    return s
