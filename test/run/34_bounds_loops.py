# Bounds checks a loop proves needless (issue 22): i - c in range(s, len(a)) with s >= c, on a or
# on an array made with a's length (np.empty_like(a), np.zeros(len(a))); and the checks that must
# stay: a start below the offset wraps (a[-1] is the last element), another array's length, an
# array one shorter, a bound that is not a length.
import numpy as np

# run: recurrence([1.0, 2.0, 3.0, 4.0])
# expect: ([1.0, 2.5, 4.25, 6.125], [0.0, 0.0, 5.25, 13.375])
def recurrence(a):
    out = np.empty_like(a)
    out[0] = a[0]
    for i in range(1, len(a)):
        out[i] = out[i - 1] * 0.5 + a[i]
    z = np.zeros(len(a))
    for i in range(2, len(a)):
        z[i] = a[i - 2] + z[i - 1] + out[i]
    return out, z

# run: wraps([1.0, 2.0, 3.0])
# expect: [3.0, 1.0, 2.0]
def wraps(a):
    s = []
    for i in range(0, len(a)):
        s.append(a[i - 1])
    return s

# run: other_length([1.0, 2.0], [1.0, 2.0, 3.0, 4.0])
# expect-error: line 32: IndexError: index 2 is out of bounds for axis 0 with size 2
def other_length(a, b):
    s = 0.0
    for i in range(1, len(b)):
        s += a[i - 1]
    return s

# run: shorter([1.0, 2.0, 3.0])
# expect-error: line 40: IndexError: index 2 is out of bounds for axis 0 with size 2
def shorter(a):
    out = np.empty(len(a) - 1)
    for i in range(len(a)):
        out[i] = a[i]
    return out

# run: not_a_length([1.0, 2.0, 3.0], 5)
# expect-error: line 48: IndexError: index 3 is out of bounds for axis 0 with size 3
def not_a_length(a, n):
    s = 0.0
    for i in range(1, n):
        s += a[i - 1]
    return s
