# np.linalg.svd, qr, lstsq and pinv (rt/linalg.c): LAPACK's ?gesdd, ?geqrf + ?orgqr and ?gelsd as NumPy calls them,
# in double precision (a float32 matrix's results rounded back to float32), with NumPy's workspaces; pinv NumPy's
# steps on the thin SVD. The values are printed to 12 digits here: from the command line kiln calls Debian's
# OpenBLAS, which may round the last bit differently from the OpenBLAS in NumPy's wheel (inside Python kiln calls
# NumPy's own, and test_package.py checks every bit).
import numpy as np


def r12(x):
    return np.round(x, 12)


# run: svd_shapes(4, 3)
# expect: ((4, 4), (3,), (3, 3), (4, 3), (3,), (3, 3), (3,), True, True, True, [22.446748822568, 1.464058501749, 0.0])
def svd_shapes(m, n):
    a = np.arange(m * n * 1.0).reshape(m, n) + np.eye(m, n) * 0.0
    u, s, vt = np.linalg.svd(a)
    u2, s2, vt2 = np.linalg.svd(a, full_matrices=False)
    sv = np.linalg.svd(a, compute_uv=False)
    back = u2 @ np.diag(s2) @ vt2
    return (u.shape, s.shape, vt.shape, u2.shape, s2.shape, vt2.shape, sv.shape, bool(np.abs(back - a).max() < 1e-12),
            bool(np.abs(u.T @ u - np.eye(m)).max() < 1e-12), bool(np.abs(s - sv).max() < 1e-12), r12(np.abs(sv)))


# run: svd_values(3)
# expect: ([5.0, 3.0, 1.0], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [3.0, 2.0], [5.0, 3.0], (2, 2), (3, 3), True, [3.0, 2.0], True)
def svd_values(n):
    d = np.diag(np.array([5.0, 3.0, 1.0]))
    u, s, vt = np.linalg.svd(d)
    w = np.array([[2, 0, 0], [0, 3, 0]])
    f = w.astype(np.float32)
    uf, sf, vf = np.linalg.svd(f)
    return (s, np.abs(u @ vt), r12(np.linalg.svd(w, compute_uv=False)), np.linalg.svd(d[:2], compute_uv=False), uf.shape,
            vf.shape, sf.dtype == np.float32, r12(np.linalg.svd([[2.0, 0.0], [0.0, 3.0]], compute_uv=False)), np.linalg.svd(w)[1].dtype == np.float64)


# run: qr_modes(4, 3)
# expect: ((4, 3), (3, 3), (4, 4), (4, 3), (3, 3), True, True, True, True, [[-12.884098726725, -14.591629883279, -16.299161039833], [0.0, -1.041315201751, -2.082630403502], [0.0, 0.0, 0.0]])
def qr_modes(m, n):
    a = np.arange(1.0, m * n + 1.0).reshape(m, n)
    q, r = np.linalg.qr(a)
    qc, rc = np.linalg.qr(a, mode="complete")
    rr = np.linalg.qr(a, mode="r")
    return (q.shape, r.shape, qc.shape, rc.shape, rr.shape, bool(np.abs(q @ r - a).max() < 1e-12),
            bool(np.abs(qc @ rc - a).max() < 1e-12), bool(np.abs(qc.T @ qc - np.eye(m)).max() < 1e-12),
            bool(np.abs(rr - r).max() == 0.0), r12(r) + 0.0)


# run: qr_wide(2, 4)
# expect: ((2, 2), (2, 4), (2, 2), (2, 4), True, True, (2, 2))
def qr_wide(m, n):
    a = np.arange(1.0, m * n + 1.0).reshape(m, n)
    q, r = np.linalg.qr(a)
    qc, rc = np.linalg.qr(a, mode="complete")
    f32 = np.linalg.qr(a.astype(np.float32))[0]
    return q.shape, r.shape, qc.shape, rc.shape, bool(np.abs(q @ r - a).max() < 1e-12), f32.dtype == np.float32, np.linalg.qr(np.eye(m, dtype=np.int64))[0].shape


# run: lstsq_fit(6)
# expect: ([2.0, 3.0], [0.0], 2, [7.695918713477, 1.33147855993], (2, 2), (2,), 2, [-1.142857142857, 1.0], [0.285714285714], True)
def lstsq_fit(n):
    xs = np.arange(n * 1.0)
    A = np.vstack((xs, np.ones(n))).T
    y = 2.0 * xs + 3.0
    x, res, rank, s = np.linalg.lstsq(A, y, rcond=None)
    Y = np.vstack((y, y)).T
    X, R, rk, sv = np.linalg.lstsq(A, Y)
    b = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]])
    x2, r2, k2, s2 = np.linalg.lstsq(b, np.ones(3))
    return (r12(x), r12(res) + 0.0, int(rank), r12(s), X.shape, R.shape, int(rk), r12(x2), r12(r2),
            isinstance(k2, np.int32))


# run: lstsq_short(3)
# expect: ((3,), (0,), 2, (2,), (3,), (0,), 1, (0,), (3, 0), (0,))
def lstsq_short(n):
    a = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]])  # m < n: no residuals
    x, res, rank, s = np.linalg.lstsq(a, np.ones(2))
    c = np.ones((3, 3))  # rank-deficient: no residuals
    x2, res2, rank2, s2 = np.linalg.lstsq(c, np.ones(3))
    x3, res3, rank3, s3 = np.linalg.lstsq(np.eye(n), np.ones((n, 0)))
    return x.shape, res.shape, int(rank), s.shape, x2.shape, res2.shape, int(rank2), res3.shape, x3.shape, res3.shape


# run: pinv_basic(3)
# expect: ([[1.0, 0.0], [0.0, 0.5]], (3, 2), True, True, [[0.0, 0.0], [0.0, 0.0]], True, (0, 3), [[0.25, 0.0], [0.0, 0.0]])
def pinv_basic(n):
    a = np.array([[1.0, 0.0], [0.0, 2.0]])
    b = np.arange(6.0).reshape(2, 3) + 1.0
    p = np.linalg.pinv(b)
    z = np.linalg.pinv(np.zeros((2, 2)))
    f = np.linalg.pinv(b.astype(np.float32))
    small = np.array([[4.0, 0.0], [0.0, 1e-20]])
    return (np.linalg.pinv(a), p.shape, bool(np.abs(b @ p @ b - b).max() < 1e-12), bool(np.abs(p @ b @ p - p).max() < 1e-12),
            z, f.dtype == np.float32, np.linalg.pinv(np.ones((n, 0))).shape, np.linalg.pinv(small))


# run: pinv_rcond(3)
# expect: ([[0.25, 0.0], [0.0, 0.0]], [[0.25, 0.0], [0.0, 10.0]], [[0.25, 0.0], [0.0, 0.0]])
def pinv_rcond(n):
    small = np.array([[4.0, 0.0], [0.0, 0.1]])
    return np.linalg.pinv(small, 0.5), np.linalg.pinv(small, rcond=0.01), np.linalg.pinv(small, rtol=0.1)


# run: svd_nan(2)
# expect-error: line 110: LinAlgError: SVD did not converge
def svd_nan(n):
    a = np.ones((n, n))
    a[0, 1] = np.nan
    return np.linalg.svd(a)


# run: lstsq_nan(2)
# expect-error: line 118: LinAlgError: SVD did not converge in Linear Least Squares
def lstsq_nan(n):
    a = np.ones((n + 1, n))
    a[1, 1] = np.nan
    return np.linalg.lstsq(a, np.ones(n + 1))


# run: lstsq_dims(2)
# expect-error: line 124: LinAlgError: Incompatible dimensions
def lstsq_dims(n):
    return np.linalg.lstsq(np.ones((n, n)), np.ones(n + 1))


# run: caught(2)
# expect: ['SVD did not converge', 'a ValueError: SVD did not converge']
def caught(n):
    out = []
    a = np.ones((n, n))
    a[1, 1] = np.nan
    try:
        np.linalg.pinv(a)
    except np.linalg.LinAlgError as e:
        out.append(str(e))
    try:
        np.linalg.svd(a, compute_uv=False)
    except ValueError as e:
        out.append("a ValueError: " + str(e))
    return out
