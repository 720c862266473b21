# np.linalg.eig and eigvals of real matrices with real eigenvalues (LAPACK's ?geev as NumPy calls it; rounded here:
# from the command line Debian's LAPACK may differ from NumPy's OpenBLAS in the last bits, which
# test/python/test_package.py's test_linalg_bits_are_numpys checks exactly inside Python), and the errors: a complex
# eigenvalue (NumPy's result would be complex: kiln refuses where it runs), NaNs, a non-square matrix
import numpy as np

# run: eigen(1)
# expect: ([1.3819660113, 3.6180339887], [[0.8506508084, 0.5257311121], [0.5257311121, 0.8506508084]], [2.0, 5.0, 7.0], [1.0, 3.0], [[1.0, 0.7071099877357483], [0.0, 0.7071099877357483]], True, [1.0, 2.0], True)
def eigen(n):
    a = np.array([[2.0, 1.0], [1.0, 3.0]])
    w, v = np.linalg.eig(a)
    b = np.array([[4.0, 1.0, 0.0], [2.0, 3.0, 0.0], [0.0, 0.0, 7.0]])
    wb = np.linalg.eigvals(b)
    c = np.array([[1.0, 2.0], [0.0, 3.0]], dtype=np.float32)
    wc, vc = np.linalg.eig(c)
    d = np.array([[1, 0], [0, 2]])
    return (np.round(w, 10), np.round(np.abs(v), 10), np.round(np.sort(wb), 10), np.round(wc, 5),
            np.round(np.abs(vc), 5), wc.dtype == np.float32, np.linalg.eigvals(d), np.allclose(a @ v, v * w))

# cpython: skip (NumPy returns [0.+1.j 0.-1.j]; kiln's result type is real, so it refuses: docs/language.md §12d)
# run: rotation(1)
# expect-error: line 24: NotImplementedError: np.linalg.eig/eigvals of a real matrix with complex eigenvalues: NumPy returns complex arrays there, kiln's result here is real (not supported)
def rotation(n):
    return np.linalg.eigvals(np.array([[0.0, -1.0], [1.0, 0.0]]))

# run: not_finite(1)
# expect-error: line 29: LinAlgError: Array must not contain infs or NaNs
def not_finite(n):
    return np.linalg.eig(np.array([[np.nan, 0.0], [0.0, 1.0]]))

# run: not_square(1)
# expect-error: line 34: LinAlgError: Last 2 dimensions of the array must be square
def not_square(n):
    return np.linalg.eigvals(np.ones((2, 3)))
