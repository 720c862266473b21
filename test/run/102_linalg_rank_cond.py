# np.linalg.slogdet (?getrf's factors: NumPy's sign and sum of log|u_ii|, sign 0 and -inf for a singular matrix),
# matrix_rank and cond (NumPy 2's own definitions on the singular values, written in Python in kiln), the matrix
# norms that need them (ord 2, -2, 'nuc': the largest, the smallest, the sum of the singular values), and
# `raise np.linalg.LinAlgError(...)` in a kernel. Values to 12 digits (Debian's OpenBLAS from the command line).
import numpy as np


def r12(x):
    return np.round(x, 12)


# run: slog(2)
# expect: ((-1.0, 0.69314718056), (0.0, -inf), (1.0, 0.0), True, True)
def slog(n):
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    s, l = np.linalg.slogdet(a)
    f32 = np.linalg.slogdet(a.astype(np.float32))
    return ((s, float(np.round(l, 11))), np.linalg.slogdet(np.ones((n, n))), np.linalg.slogdet(np.eye(n)),
            isinstance(f32[1], np.float32), bool(abs(s * np.exp(l) - np.linalg.det(a)) < 1e-12))


# run: ranks(4)
# expect: (2, 1, 0, 4, 1, 2, 1, 3, 2)
def ranks(n):
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    b = np.arange(n * n * 1.0).reshape(n, n)
    return (int(np.linalg.matrix_rank(a)), int(np.linalg.matrix_rank(np.ones((n, n)))), int(np.linalg.matrix_rank(np.zeros((n, 3)))),
            int(np.linalg.matrix_rank(np.eye(n))), np.linalg.matrix_rank(np.ones(3)), int(np.linalg.matrix_rank(b)),
            int(np.linalg.matrix_rank(a, tol=1.0)), int(np.linalg.matrix_rank(np.eye(3, dtype=np.float32))),
            int(np.linalg.matrix_rank(a, rtol=0.01)))


# run: conds(2)
# expect: (14.933034373659, 0.066965626341, 1.0, True, inf, True)
def conds(n):
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    return (r12(np.linalg.cond(a)), r12(np.linalg.cond(a, -2)), np.linalg.cond(np.eye(n)), bool(np.linalg.cond(np.ones((n, n))) > 1e15),
            np.linalg.cond(np.zeros((n, n))), isinstance(np.linalg.cond(a.astype(np.float32)), np.float32))


# run: norms(2)
# expect: (5.464985704219, 5.830951894845, 0.365966190626, 5.464985704219, 5.4649858474731445, 1.0)
def norms(n):
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    return (r12(np.linalg.norm(a, 2)), r12(np.linalg.norm(a, "nuc")), r12(np.linalg.norm(a, -2)),
            r12(np.linalg.norm(np.array([[1, 2], [3, 4]]), 2)), float(np.round(np.linalg.norm(a.astype(np.float32), 2), 6)),
            np.linalg.norm(np.eye(n), 2))


# run: raised(0)
# expect: ['LinAlgError: my message', 'a ValueError: cond is not defined on empty arrays']
def raised(n):
    out = []
    try:
        if n == 0:
            raise np.linalg.LinAlgError("my message")
    except np.linalg.LinAlgError as e:
        out.append("LinAlgError: " + str(e))
    try:
        np.linalg.cond(np.ones((n, 2)))
    except ValueError as e:
        out.append("a ValueError: " + str(e))
    return out


# run: uncaught(2)
# expect-error: line 69: LinAlgError: singular 2
def uncaught(n):
    raise np.linalg.LinAlgError("singular " + str(n))
