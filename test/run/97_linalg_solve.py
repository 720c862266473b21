# np.linalg.solve, inv, det, cholesky, eigvalsh and eigh (rt/linalg.c): LAPACK's ?gesv and ?getrf as NumPy calls them, on a Fortran-order
# copy, in double precision (ints, bools and float32 converted; float32 results rounded back, as NumPy's); det as NumPy
# forms it, sign * exp(sum(log|u_ii|)) (10.000000000000002 for a matrix whose determinant is 10); b a vector or a
# matrix; a singular matrix raises LinAlgError (a ValueError) from solve and inv, and det is 0.0. (From the command line
# kiln calls Debian's OpenBLAS, which may round differently from NumPy's wheel's; in Python NumPy's own: test_package.py.)
import numpy as np

# run: basics(3)
# expect: ([0.1, 0.6], [[0.0, 0.19999999999999996], [1.0, 1.2000000000000002]], [[0.3, -0.1], [-0.2, 0.4]], 10.000000000000002, -2.0000000000000004, 0.0, [0.5, 0.0], [[-2.0, 1.5], [1.0, -0.5]], 1.0, 1.0, (0, 0))
def basics(n):
    a = np.array([[4.0, 1.0], [2.0, 3.0]])
    b = np.array([1.0, 2.0])
    B = np.array([[1.0, 2.0], [3.0, 4.0]])
    return (np.linalg.solve(a, b), np.linalg.solve(a, B), np.linalg.inv(a), np.linalg.det(a), np.linalg.det(B),
            np.linalg.det(np.array([[1.0, 2.0], [2.0, 4.0]])), np.linalg.solve(a, b[::-1]), np.linalg.inv(B.T),
            np.linalg.det(np.eye(n)), np.linalg.det(np.ones((0, 0))), np.linalg.inv(np.ones((0, 0))).shape)

# run: kinds(3)
# expect: ([0.2, 0.6], [[0.6, -0.2], [-0.2, 0.4]], 5.000000000000001, [0.5, 0.25], [[1.100000023841858, 0.30000001192092896], [-0.4000000059604645, 0.800000011920929]], [[0.30000001192092896, -0.10000000149011612], [-0.20000000298023224, 0.4000000059604645]], 10.0, [0.1, 0.6], 1.0)
def kinds(n):
    a = np.array([[2, 1], [1, 3]])
    f = np.array([[4.0, 1.0], [2.0, 3.0]], dtype=np.float32)
    v = np.array([1.0, 2.0], dtype=np.float32)
    return (np.linalg.solve(a, np.array([1, 2])), np.linalg.inv(a), np.linalg.det(a),
            np.linalg.solve([[2.0, 0.0], [0.0, 4.0]], [1.0, 1.0]), np.linalg.solve(f, f.T), np.linalg.inv(f),
            np.linalg.det(f), np.linalg.solve(f, v.astype(np.float64)), np.linalg.det(np.array([[True, False], [True, True]])))

# run: bigger(6)
# expect: ([0.10521439980242303, 0.028493709204620486, 0.07808404240215154, 0.014293417253953965, 0.04252568225337459, 0.03889792440970358], 67441.29203472567, [0.17225369831905568, -0.020853340778730425, -0.0076129937541914465, -0.012500647209214507, -0.022016786417953814, -0.008101932569501192], True, 67441.29203472567)
def bigger(n):
    np.random.seed(7)
    a = np.random.rand(n, n) + n * np.eye(n)
    b = np.random.rand(n)
    x = np.linalg.solve(a, b)
    return x, np.linalg.det(a), np.linalg.inv(a)[0], bool(np.abs(a @ x - b).max() < 1e-12), np.linalg.det(-a)

# run: caught(3)
# expect: ['LinAlgError: Singular matrix', 'a ValueError: Singular matrix']
def caught(n):
    out = []
    try:
        np.linalg.inv(np.ones((n, n)))
    except np.linalg.LinAlgError as e:
        out.append("LinAlgError: " + str(e))
    try:
        np.linalg.solve(np.zeros((n, n)), np.ones(n))
    except ValueError as e:
        out.append("a ValueError: " + str(e))
    return out

# run: singular(2)
# expect-error: line 54: LinAlgError: Singular matrix
def singular(n):
    return np.linalg.solve(np.ones((n, n)), np.ones(n))

# run: not_square(2)
# expect-error: line 59: LinAlgError: Last 2 dimensions of the array must be square
def not_square(n):
    return np.linalg.det(np.ones((n, n + 1)))

# run: mismatch(2)
# expect-error: line 64: ValueError: solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size 3 is different from 2)
def mismatch(n):
    return np.linalg.solve(np.eye(n), np.ones(n + 1))

# run: mismatch2(2)
# expect-error: line 69: ValueError: solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size 3 is different from 2)
def mismatch2(n):
    return np.linalg.solve(np.eye(n), np.ones((n + 1, 2)))

# run: factor(6)
# expect: ([[2.0, 0.0], [1.0, 1.4142135623730951]], [1.43844718719117, 5.561552812808831], [[2.0, 0.0], [1.0, 1.4142135623730951]], [[6.4031242374328485, 0.0, 0.0, 0.0, 0.0, 0.0], [1.7179113807746669, 6.4069322212588515, 0.0, 0.0, 0.0, 0.0], [5.466081666101212, 4.465437608756169, 4.60237093048987, 0.0, 0.0, 0.0], [3.7481702853265455, 2.584852631155532, 2.383488235818787, 4.193893205258915, 0.0, 0.0], [1.2493900951088486, 2.318372978459085, 0.8296119273844402, -0.39413249478579954, 4.268556518249471, 0.0], [1.8740851426632728, 1.9947905430419715, 0.8361961490303487, -1.233625478410354, -0.034218146811369705, 3.359522118580488]], [[2.0, 0.0], [1.0, 1.4142135381698608]], [1.4384472370147705, 5.561553001403809], [1.0, 3.0], [[2.0, 0.0], [1.0, 1.4142135623730951]], [1.43844718719117, 5.561552812808831])
def factor(n):
    a = np.array([[4.0, 2.0], [2.0, 3.0]])
    np.random.seed(1)
    m = np.random.randint(0, 5, (n, n)) * 1.0
    s = m @ m.T + n * np.eye(n)
    return (np.linalg.cholesky(a), np.linalg.eigvalsh(a), np.linalg.cholesky(np.array([[4.0, 99.0], [2.0, 3.0]])),
            np.linalg.cholesky(s), np.linalg.cholesky(a.astype(np.float32)), np.linalg.eigvalsh(a.astype(np.float32)),
            np.linalg.eigvalsh(np.array([[2, 1], [1, 2]])), np.linalg.cholesky(a, upper=False), np.linalg.eigvalsh(a, UPLO="L"))

# run: not_pd(2)
# expect: 'Matrix is not positive definite'
def not_pd(n):
    try:
        np.linalg.cholesky(np.array([[1.0, 2.0], [2.0, 1.0]]))
    except np.linalg.LinAlgError as e:
        return str(e)
    return "no"

# run: eigen(6)
# expect: ([100.0, 5.561552812808831], [[0.6154122094026357, -0.7882054380161092], [-0.7882054380161092, -0.6154122094026357]], True, [1.4384472370147705, 5.561553001403809], [[0.6154122352600098, -0.7882054448127747], [-0.7882054448127747, -0.6154122352600098]], (2, 2), (6, 6), [[-0.7071067811865475, 0.7071067811865475], [0.7071067811865475, 0.7071067811865475]])
def eigen(n):
    a = np.array([[4.0, 2.0], [2.0, 3.0]])
    w, v = np.linalg.eigh(a)
    np.random.seed(1)
    m = np.random.randint(0, 5, (n, n)) * 1.0
    s = m @ m.T + n * np.eye(n)
    w2, v2 = np.linalg.eigh(s)
    ok = bool(np.abs(s @ v2 - v2 * w2).max() < 1e-9)
    wf, vf = np.linalg.eigh(a.astype(np.float32))
    w[0] = 100.0
    return w, v, ok, wf, vf, v.shape, v2.shape, np.linalg.eigh(np.array([[2, 1], [1, 2]]))[1]
