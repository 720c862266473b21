# np.pad's modes 'edge', 'wrap', 'reflect' and 'symmetric' (pads longer than the array too: NumPy's repeated
# reflections), on 1-d to 3-d arrays of several dtypes; an empty axis padded raises NumPy's ValueError
import numpy as np

# run: one_d(3)
# expect: ([0.0, 0.0, 0.0, 1.0, 2.0, 2.0, 2.0], [1.0, 0.0, 1.0, 2.0, 1.0, 0.0, 1.0, 2.0], [1.0, 2.0, 2.0, 1.0, 0.0, 0.0, 1.0, 2.0, 2.0, 1.0, 0.0, 0.0, 1.0], [2.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0], [1.0, 1.0, 1.0, 1.0, 1.0], [0.0, 1.0, 2.0])
def one_d(n):
    a = np.arange(n * 1.0)
    return (np.pad(a, 2, mode='edge'), np.pad(a, (1, 4), mode='reflect'), np.pad(a, 5, mode='symmetric'),
            np.pad(a, (4, 2), 'wrap'), np.pad(np.ones(1), 2, mode='reflect'), np.pad(a, 0, mode='wrap'))

# run: two_d(2)
# expect: ([[5, 4, 3, 4, 5, 4, 3, 4, 5], [2, 1, 0, 1, 2, 1, 0, 1, 2], [5, 4, 3, 4, 5, 4, 3, 4, 5], [2, 1, 0, 1, 2, 1, 0, 1, 2], [5, 4, 3, 4, 5, 4, 3, 4, 5], [2, 1, 0, 1, 2, 1, 0, 1, 2]], [[0, 0, 1, 2, 2], [0, 0, 1, 2, 2], [3, 3, 4, 5, 5], [3, 3, 4, 5, 5]], [[0, 0, 1, 2], [3, 3, 4, 5], [3, 3, 4, 5], [0, 0, 1, 2]], [[4.0, 5.0, 3.0, 4.0, 5.0, 3.0, 4.0], [1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0], [4.0, 5.0, 3.0, 4.0, 5.0, 3.0, 4.0], [1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0]])
def two_d(n):
    m = np.arange(3 * n).reshape(n, 3)
    return (np.pad(m, ((3, 1), (2, 4)), mode='reflect'), np.pad(m, 1, mode='edge'),
            np.pad(m, ((0, 2), (1, 0)), mode='symmetric'), np.pad(m.astype(np.float32), [(1,), (2,)], mode='wrap'))

# run: three_d(2)
# expect: ([[[True, True, True, True], [True, True, True, True], [True, True, True, True], [True, True, True, True]], [[True, False, True, False], [False, False, False, False], [True, False, True, False], [False, False, False, False]], [[True, True, True, True], [True, True, True, True], [True, True, True, True], [True, True, True, True]], [[True, False, True, False], [False, False, False, False], [True, False, True, False], [False, False, False, False]]], [[[False, False], [False, False], [False, True]], [[True, True], [True, True], [True, True]], [[True, True], [True, True], [True, True]]])
def three_d(n):
    c = np.arange(8).reshape(2, 2, 2) > n
    return np.pad(c, 1, mode='wrap'), np.pad(c, ((0, 1), (1, 0), (0, 0)), mode='symmetric')

# run: empty_axis(0)
# expect-error: line 28: ValueError: can't extend empty axis 0 using modes other than 'constant' or 'empty'
def empty_axis(n):
    return np.pad(np.zeros(n), 1, mode='edge')
