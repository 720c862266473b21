# np.squeeze(a, axis) (a view without those 1-long axes), np.lexsort (stable argsorts, the last key primary), np.kron
# of two 2-d arrays, np.pad(mode='constant') with NumPy's forms of pad_width
import numpy as np

# run: squeezed(0)
# expect: ([[[9.0, 1.0, 2.0], [3.0, 4.0, 5.0]]], (2, 3), [1.0, 1.0], [0, 2], (2,))
def squeezed(n):
    a = np.arange(6.0).reshape(1, 2, 3)
    b = np.squeeze(a, axis=0)
    b[0, 0] = 9.0
    c = np.squeeze(np.ones((2, 1, 1)), axis=(1, 2))
    return a, b.shape, c, np.squeeze(np.arange(3).reshape(3, 1)[::2], axis=1), np.squeeze(np.ones((2, 1)), axis=-1).shape

# run: squeeze_bad(0)
# expect-error: line 17: ValueError: cannot select an axis to squeeze out which has size not equal to one
def squeeze_bad(n):
    return np.squeeze(np.ones((2, 3)), axis=1)

# run: lex(0)
# expect: ([2, 0, 4, 6, 5, 3, 1], [0, 2, 4, 3, 5, 6, 1], [4, 2, 6, 3, 0, 5, 1], [4, 2, 6, 0, 3, 1, 5])
def lex(n):
    a = np.array([1, 5, 1, 4, 3, 4, 4])
    b = np.array([9, 4, 0, 4, 0, 2, 1])
    c = np.array([2.0, np.nan, 1.0, 2.0, 0.5, np.nan, 1.0])
    return np.lexsort((b, a)), np.lexsort([a]), np.lexsort((a, b, c)), np.lexsort((c,))

# run: lex_random(4)
# expect: True
def lex_random(seed):
    np.random.seed(seed)
    a = np.random.randint(0, 4, 50)
    b = np.random.randint(0, 4, 50)
    idx = np.lexsort((b, a))
    ok = True
    for i in range(49):
        p = idx[i]
        q = idx[i + 1]
        ok = ok and (a[p] < a[q] or (a[p] == a[q] and (b[p] < b[q] or (b[p] == b[q] and p < q))))
    return ok

# run: krons(0)
# expect: ([[1.0, 0.0, 2.0, 0.0], [0.0, 1.0, 0.0, 2.0], [3.0, 0.0, 4.0, 0.0], [0.0, 3.0, 0.0, 4.0]], [[1, 2, 2, 4], [3, 4, 6, 8], [3, 6, 4, 8], [9, 12, 12, 16]], [[1.5, 1.5, 1.5], [2.5, 2.5, 2.5]], [0, 0, 0, 0, 1, 2])
def krons(n):
    a = np.array([[1, 2], [3, 4]])
    return np.kron(a, np.eye(2)), np.kron(a, a), np.kron(np.ones((1, 3)), np.array([[1.5], [2.5]])), np.kron(np.arange(2), np.arange(3))

# run: pads(0)
# expect: ([[0, 0, 0, 0, 0], [0, 0, 1, 2, 0], [0, 3, 4, 5, 0], [0, 0, 0, 0, 0]], [[9, 9, 0, 1, 2], [9, 9, 3, 4, 5], [9, 9, 9, 9, 9]], [0.0, 0.0, 0.0, 1.0, 2.0, 0.0], [[0, 0, 0], [0, 1, 2], [3, 4, 5], [0, 0, 0]], [-0.5, 0.0, 1.0, -0.5], [[0, 1, 2], [3, 4, 5]])
def pads(n):
    a = np.arange(6).reshape(2, 3)
    return (np.pad(a, 1), np.pad(a, ((0, 1), (2, 0)), mode="constant", constant_values=9), np.pad(np.arange(3.0), (2, 1)),
            np.pad(a, [(1,), (0,)]), np.pad(np.arange(2.0), 1, constant_values=-0.5), np.pad(a, 0))

# run: pad_negative(0)
# expect-error: line 57: ValueError: index can't contain negative values
def pad_negative(n):
    return np.pad(np.arange(3), n - 1)
