/*
 * linalg.c — np.linalg's factorizations of float64 and float32 matrices as NumPy 2 computes them: solve, inv, det,
 * cholesky, eigvalsh, eigh, eigvals, eig (real eigenvalues), svd, qr, lstsq and pinv.
 *
 * NumPy computes every one of them in double precision (its _commonType: "always double"; a float32 matrix is
 * converted, and the results rounded back to float32), on a Fortran-order (column-major) copy, with one LAPACK
 * routine each and the workspace size LAPACK asks for: solve and inv are ?gesv (inv solves against the identity),
 * det is ?getrf and then sign * exp(sum of log|u_ii|) (so det([[4, 1], [2, 3]]) is 10.000000000000002), cholesky
 * ?potrf of the lower triangle with the upper zeroed, eigvalsh and eigh ?syevd of the lower triangle, svd ?gesdd
 * ('A' all of U and V^T, 'S' their first min(m, n) columns and rows, 'N' the values only), qr ?geqrf and then
 * ?orgqr for Q, lstsq ?gelsd with rcond = eps * max(m, n) unless given, and pinv the reciprocals of the singular
 * values above rcond * max(s) put back together by a product (NumPy's matmul: BLAS's ?gemm). kiln does the same
 * steps with the LAPACK that blas.c finds — inside Python NumPy's own OpenBLAS, so the bits are NumPy's; from the
 * command line Debian's, whose kernels round differently in places. Errors are NumPy's LinAlgErrors.
 *
 * Without a LAPACK (KILN_BLAS=0, or none installed) a partial-pivoting LU written here (the unblocked algorithm of
 * LAPACK's ?getf2: pivot on the largest |a_ik|, first on ties), its two triangular solves and a column-by-column
 * Cholesky stand in for solve, inv, det and cholesky (the same answers up to rounding); the others say they need
 * LAPACK.
 *
 * Results with several arrays come back packed in one 2-d array, rows of its width (lowering, nplinalg.c, makes
 * the views): svd's U, then S, then V^T; qr's Q, then R; lstsq's x, then the residuals, then S, then the rank and
 * the residuals' count; eigh's eigenvalues, then the eigenvectors.
 */
#include "lib.h"
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* LAPACK's Fortran interface in double precision, every integer an int64_t (blas.c: the same call serves a
 * library of 32-bit integers) */
typedef int64_t I64;
typedef void (*Dgesv)(const I64 *, const I64 *, double *, const I64 *, I64 *, double *, const I64 *, I64 *);
typedef void (*Dgetrf)(const I64 *, const I64 *, double *, const I64 *, I64 *, I64 *);
typedef void (*Dpotrf)(const char *, const I64 *, double *, const I64 *, I64 *);
typedef void (*Dsyevd)(const char *, const char *, const I64 *, double *, const I64 *, double *, double *, const I64 *,
                       I64 *, const I64 *, I64 *);
typedef void (*Dgeev)(const char *, const char *, const I64 *, double *, const I64 *, double *, double *, double *,
                      const I64 *, double *, const I64 *, double *, const I64 *, I64 *);
typedef void (*Dgesdd)(const char *, const I64 *, const I64 *, double *, const I64 *, double *, double *, const I64 *,
                       double *, const I64 *, double *, const I64 *, I64 *, I64 *);
typedef void (*Dgelsd)(const I64 *, const I64 *, const I64 *, double *, const I64 *, double *, const I64 *, double *,
                       const double *, I64 *, double *, const I64 *, I64 *, I64 *);
typedef void (*Dgeqrf)(const I64 *, const I64 *, double *, const I64 *, double *, double *, const I64 *, I64 *);
typedef void (*Dorgqr)(const I64 *, const I64 *, const I64 *, double *, const I64 *, const double *, double *,
                       const I64 *, I64 *);
/* cblas_?gemm, for pinv's product (matmul.c's call) */
typedef void (*Dgemm)(I64, I64, I64, I64, I64, I64, double, const double *, I64, const double *, I64, double, double *, I64);
typedef void (*Sgemm)(I64, I64, I64, I64, I64, I64, float, const float *, I64, const float *, I64, float, float *, I64);

static struct {
    Dgesv gesv;
    Dgetrf getrf;
    Dpotrf potrf;
    Dsyevd syevd;
    Dgesdd gesdd;
    Dgelsd gelsd;
    Dgeqrf geqrf;
    Dorgqr orgqr;
    Dgemm dgemm;
    Sgemm sgemm;
    Dgeev geev;
} la;
static bool wide; /* the library's integers are 64-bit */
static pthread_once_t lapack_once = PTHREAD_ONCE_INIT;

/* the routines, in la's order (POSIX's function pointers are the size of data pointers: memcpy moves them) */
static void lapack_open(void) {
    static const char *const syms[] = {"dgesv_", "dgetrf_", "dpotrf_", "dsyevd_", "dgesdd_", "dgelsd_", "dgeqrf_",
                                       "dorgqr_", "cblas_dgemm", "cblas_sgemm", "dgeev_"};
    void *addr[11];
    _Static_assert(sizeof addr == sizeof la, "one address for each routine");
    if (rt_blas_symbols("liblapack.so.3", syms, addr, 11, &wide)) memcpy(&la, addr, sizeof la);
}

/* a LAPACK for matrices of these sizes (a 32-bit library's integers hold them) */
static bool have_lapack(int64_t elements) {
    pthread_once(&lapack_once, lapack_open);
    return la.gesv && elements <= INT32_MAX / 2;
}

/* an integer LAPACK wrote (info, rank, a size it asks for) */
static int64_t got(int64_t v) { return rt_blas_int(v, wide); }

/* entry k of the pivots LAPACK wrote (1-based) */
static int64_t pivot(const void *piv, int64_t k) { return wide ? ((const int64_t *)piv)[k] : ((const int32_t *)piv)[k]; }

/* ---- kiln's own LU and Cholesky, where there is no LAPACK ---- */

/* a = P L U in place (n x n, column j at a + j * n), piv[k]: the row k was swapped with (0-based); the first zero
 * pivot's column + 1, or 0 (LAPACK's info) */
static int64_t own_getrf(int64_t n, double *a, int64_t *piv) {
    int64_t info = 0;
    for (int64_t k = 0; k < n; k++) {
        int64_t p = k;
        for (int64_t i = k + 1; i < n; i++)
            if (fabs(a[i + k * n]) > fabs(a[p + k * n])) p = i;
        piv[k] = p;
        if (a[p + k * n] == 0) {
            if (!info) info = k + 1;
            continue;
        }
        if (p != k)
            for (int64_t j = 0; j < n; j++) { double t = a[k + j * n]; a[k + j * n] = a[p + j * n]; a[p + j * n] = t; }
        double r = 1 / a[k + k * n]; /* ?getf2 scales the column by the reciprocal */
        for (int64_t i = k + 1; i < n; i++) a[i + k * n] *= r;
        for (int64_t j = k + 1; j < n; j++)
            for (int64_t i = k + 1; i < n; i++) a[i + j * n] -= a[i + k * n] * a[k + j * n];
    }
    return info;
}

/* b (n x m, column-major) = A^-1 b from own_getrf's factors */
static void own_getrs(int64_t n, int64_t m, const double *a, const int64_t *piv, double *b) {
    for (int64_t c = 0; c < m; c++) {
        double *x = b + c * n;
        for (int64_t k = 0; k < n; k++)
            if (piv[k] != k) { double t = x[k]; x[k] = x[piv[k]]; x[piv[k]] = t; }
        for (int64_t k = 0; k < n; k++)
            for (int64_t i = k + 1; i < n; i++) x[i] -= a[i + k * n] * x[k];
        for (int64_t k = n - 1; k >= 0; k--) {
            x[k] = m == 1 ? x[k] / a[k + k * n] : x[k] * (1 / a[k + k * n]); /* OpenBLAS: trsv, trsm */
            for (int64_t i = 0; i < k; i++) x[i] -= a[i + k * n] * x[k];
        }
    }
}

/* ?potf2 (lower): column j's diagonal from the row before it, then the column below scaled by its reciprocal; the
 * first column whose diagonal is not positive + 1, or 0 */
static int64_t own_potrf(int64_t n, double *a) {
    for (int64_t j = 0; j < n; j++) {
        double d = a[j + j * n];
        for (int64_t k = 0; k < j; k++) d -= a[j + k * n] * a[j + k * n];
        if (!(d > 0)) return j + 1;
        d = sqrt(d);
        a[j + j * n] = d;
        for (int64_t i = j + 1; i < n; i++) {
            double v = a[i + j * n];
            for (int64_t k = 0; k < j; k++) v -= a[i + k * n] * a[j + k * n];
            a[i + j * n] = v * (1 / d);
        }
    }
    return 0;
}

/* ---- copies in and out ---- */

/* m (a rows x cols view of float32 or float64, strides in bytes; a vector is one column) as doubles in column-major
 * order into buf, leading dimension ld */
static void to_fortran(const RdArr *m, int64_t rows, int64_t cols, double *buf, int64_t ld) {
    for (int64_t j = 0; j < cols; j++)
        for (int64_t i = 0; i < rows; i++) {
            const char *p = m->data + i * m->s[0] + (m->ndim > 1 ? j * m->s[1] : 0);
            buf[i + j * ld] = m->dtype == KILN_FLOAT64 ? *(const double *)p : *(const float *)p;
        }
}

/* element i of a C array of dtype dt: v, rounded to float32 where dt is (NumPy's astype) */
static void put(int dt, void *p, int64_t i, double v) {
    if (dt == KILN_FLOAT64) ((double *)p)[i] = v;
    else ((float *)p)[i] = (float)v;
}

/* rows x cols of the column-major f (leading dimension ld) into the C array at p, row r0, width w */
static void put_rows(int dt, void *p, int64_t r0, int64_t w, const double *f, int64_t ld, int64_t rows, int64_t cols) {
    for (int64_t i = 0; i < rows; i++)
        for (int64_t j = 0; j < cols; j++) put(dt, p, (r0 + i) * w + j, f[i + j * ld]);
}

/* a new rows x cols C array of dtype dt from the column-major f (a vector: rows values) */
static int new_matrix(Run *run, int dt, const double *f, int64_t ld, int64_t rows, int64_t cols, bool vector, Slot *out,
                      int line, const char *file) {
    int64_t dims[2] = {rows, cols};
    if (run_alloc(run, dt, vector ? 1 : 2, dims, false, out, line, file)) return -1;
    put_rows(dt, out[0].p, 0, cols, f, ld, rows, cols);
    return 0;
}


static int need_lapack(Run *run, const char *what, int line, const char *file) {
    char msg[200];
    snprintf(msg, sizeof msg, "np.linalg.%s needs LAPACK, and kiln could not open OpenBLAS (libopenblas.so.0; KILN_BLAS "
             "names another library)", what);
    return run_raise_msg(run, "RuntimeError", msg, line, file);
}

/* n doubles, or NULL with MemoryError raised */
static double *dalloc(Run *run, int64_t n, int line, const char *file) {
    double *p = malloc((size_t)(n > 0 ? n : 1) * sizeof(double));
    if (!p) run_nomem(run, "for np.linalg", line, file);
    return p;
}

static bool has_nan(const double *a, int64_t n) {
    for (int64_t i = 0; i < n; i++) if (a[i] != a[i]) return true;
    return false;
}

/* ---- the square routines ---- */

/* A X = B for X (n x m, column-major, B on entry; the factors of A in a); 0, or the first zero pivot + 1 */
static int64_t gesv(int64_t n, int64_t m, double *a, double *b, int64_t *piv) {
    if (have_lapack(n * (m > n ? m : n))) {
        I64 lda = n ? n : 1, info = 0;
        rt_blas_lock(true);
        la.gesv(&n, &m, a, &lda, piv, b, &lda, &info);
        rt_blas_lock(false);
        return got(info);
    }
    int64_t info = own_getrf(n, a, piv);
    if (!info) own_getrs(n, m, a, piv, b);
    return info;
}

/* det and slogdet: the factors, the row interchanges' parity, NumPy's sign and sum of logs (sign 0 and log -inf for a
 * singular matrix); det is sign * exp(logdet), slogdet the pair in a vector */
static int det(Run *run, int op, int dt, int64_t n, double *fa, int64_t *piv, Slot *out, int line, const char *file) {
    int64_t info;
    bool odd = false;
    if (have_lapack(n * n)) {
        I64 lda = n ? n : 1, i = 0;
        rt_blas_lock(true);
        la.getrf(&n, &n, fa, &lda, piv, &i);
        rt_blas_lock(false);
        info = got(i);
        for (int64_t k = 0; k < n && !info; k++) odd ^= pivot(piv, k) != k + 1;
    } else {
        info = own_getrf(n, fa, piv);
        for (int64_t k = 0; k < n && !info; k++) odd ^= piv[k] != k;
    }
    double sign = info ? 0 : odd ? -1 : 1, logdet = info ? -INFINITY : 0;
    for (int64_t i = 0; i < n && !info; i++) {
        double u = fa[i + i * n];
        if (u < 0) { sign = -sign; u = -u; }
        logdet += log(u);
    }
    if (op == LA_DET) {
        put(dt, dt == KILN_FLOAT64 ? (void *)&out->f : (void *)&out->f32, 0, sign * exp(logdet));
        return 0;
    }
    double pair[2] = {sign, logdet};
    return new_matrix(run, dt, pair, 2, 2, 1, true, out, line, file);
}

/* solve (b's m columns) and inv (the identity's): ?gesv */
static int solve(Run *run, int op, int dt, int64_t n, int64_t m, double *fa, const RdArr *b, int64_t *piv, Slot *out,
                 int line, const char *file) {
    double *fb = dalloc(run, n * m, line, file);
    if (!fb) return -1;
    if (op == LA_INV) {
        memset(fb, 0, (size_t)(n * n) * sizeof(double));
        for (int64_t i = 0; i < n; i++) fb[i + i * n] = 1;
    } else {
        to_fortran(b, n, m, fb, n);
    }
    int rc = gesv(n, m, fa, fb, piv) ? run_raise_msg(run, "LinAlgError", "Singular matrix", line, file)
                                     : new_matrix(run, dt, fb, n, n, m, false, out, line, file);
    free(fb);
    return rc;
}

/* cholesky: ?potrf of the lower triangle, the strictly upper part zeroed */
static int cholesky(Run *run, int dt, int64_t n, double *fa, Slot *out, int line, const char *file) {
    int64_t info;
    if (have_lapack(n * n)) {
        I64 lda = n ? n : 1, i = 0;
        rt_blas_lock(true);
        la.potrf("L", &n, fa, &lda, &i);
        rt_blas_lock(false);
        info = got(i);
    } else {
        info = own_potrf(n, fa);
    }
    if (info) return run_raise_msg(run, "LinAlgError", "Matrix is not positive definite", line, file);
    for (int64_t j = 1; j < n; j++)
        for (int64_t i = 0; i < j; i++) fa[i + j * n] = 0;
    return new_matrix(run, dt, fa, n, n, n, false, out, line, file);
}

/* eigvalsh and eigh (vectors): ?syevd('N' or 'V', 'L'), its workspace asked for first as NumPy asks; eigh's result
 * an (n + 1) x n array, the eigenvalues in row 0 and the eigenvectors' matrix (columns) below */
static int eigh(Run *run, int dt, int64_t n, double *fa, bool vectors, Slot *out, int line, const char *file) {
    if (!have_lapack(n * n)) return need_lapack(run, vectors ? "eigh" : "eigvalsh", line, file);
    const char *jobz = vectors ? "V" : "N";
    I64 lda = n ? n : 1, info = 0, lwork = -1, liwork = -1, iquery = 0;
    double qd = 0;
    double *w = dalloc(run, n, line, file);
    if (!w) return -1;
    rt_blas_lock(true);
    la.syevd(jobz, "L", &n, fa, &lda, w, &qd, &lwork, &iquery, &liwork, &info);
    rt_blas_lock(false);
    lwork = (I64)qd;
    liwork = got(iquery);
    double *work = malloc(sizeof(double) * (size_t)(lwork > 1 ? lwork : 1));
    I64 *iwork = malloc(sizeof(I64) * (size_t)(liwork > 1 ? liwork : 1));
    int rc = 0;
    if (!work || !iwork) rc = run_nomem(run, "for np.linalg", line, file);
    else {
        rt_blas_lock(true);
        la.syevd(jobz, "L", &n, fa, &lda, w, work, &lwork, iwork, &liwork, &info);
        rt_blas_lock(false);
        int64_t dims[2] = {n + 1, n};
        if (got(info)) rc = run_raise_msg(run, "LinAlgError", "Eigenvalues did not converge", line, file);
        else if (!vectors) rc = new_matrix(run, dt, w, n, n, 1, true, out, line, file);
        else if (run_alloc(run, dt, 2, dims, false, out, line, file)) rc = -1;
        else {
            put_rows(dt, out[0].p, 0, n, w, 1, 1, n);
            put_rows(dt, out[0].p, 1, n, fa, n, n, n);
        }
    }
    free(w); free(work); free(iwork);
    return rc;
}

/* eigvals and eig (vectors) of a real matrix: ?geev('N', 'N' or 'V') with the workspace it asks for, as NumPy's
 * gufunc calls it, after NumPy's check that every entry is finite. NumPy gives real arrays when every eigenvalue's
 * imaginary part is 0 and complex ones otherwise: kiln's result type is fixed when it compiles (real), so a complex
 * eigenvalue raises here instead of coming back as something else. eig's result is an (n + 1) x n array: the
 * eigenvalues in row 0, the right eigenvectors' matrix (columns, LAPACK's normalization) below */
static int eig(Run *run, int dt, int64_t n, double *fa, bool vectors, Slot *out, int line, const char *file) {
    for (int64_t i = 0; i < n * n; i++)
        if (!isfinite(fa[i])) return run_raise_msg(run, "LinAlgError", "Array must not contain infs or NaNs", line, file);
    if (!have_lapack(n * n) || !la.geev) return need_lapack(run, vectors ? "eig" : "eigvals", line, file);
    I64 lda = n ? n : 1, ldv = n ? n : 1, one = 1, info = 0, lwork = -1;
    double qd = 0, dummy = 0;
    double *wr = dalloc(run, n, line, file), *wi = dalloc(run, n, line, file), *vr = vectors ? dalloc(run, n * n, line, file) : NULL;
    if (!wr || !wi || (vectors && !vr)) { free(wr); free(wi); free(vr); return -1; }
    rt_blas_lock(true);
    la.geev("N", vectors ? "V" : "N", &n, fa, &lda, wr, wi, &dummy, &one, vectors ? vr : &dummy, vectors ? &ldv : &one, &qd, &lwork, &info);
    rt_blas_lock(false);
    lwork = (I64)qd;
    double *work = malloc(sizeof(double) * (size_t)(lwork > 1 ? lwork : 1));
    int rc = 0;
    if (!work) rc = run_nomem(run, "for np.linalg", line, file);
    else {
        rt_blas_lock(true);
        la.geev("N", vectors ? "V" : "N", &n, fa, &lda, wr, wi, &dummy, &one, vectors ? vr : &dummy, vectors ? &ldv : &one, work,
                &lwork, &info);
        rt_blas_lock(false);
        bool complex = false;
        for (int64_t i = 0; i < n; i++) complex |= wi[i] != 0;
        int64_t dims[2] = {n + 1, n};
        if (got(info)) rc = run_raise_msg(run, "LinAlgError", "Eigenvalues did not converge", line, file);
        else if (complex)
            rc = run_raise_msg(run, "NotImplementedError", "np.linalg.eig/eigvals of a real matrix with complex eigenvalues: NumPy "
                               "returns complex arrays there, kiln's result here is real (not supported)", line, file);
        else if (!vectors) rc = new_matrix(run, dt, wr, n, n, 1, true, out, line, file);
        else if (run_alloc(run, dt, 2, dims, false, out, line, file)) rc = -1;
        else {
            put_rows(dt, out[0].p, 0, n, wr, 1, 1, n);
            put_rows(dt, out[0].p, 1, n, vr, n, n, n);
        }
    }
    free(wr); free(wi); free(vr); free(work);
    return rc;
}

/* ---- the rectangular routines: svd, qr, lstsq, pinv ---- */

/* ?gesdd of the m x n column-major a (destroyed): s (k = min(m, n) values), and for jobz 'A' or 'S' u (m x ucols,
 * leading dimension max(m, 1)) and vt (vrows x n, leading dimension max(vrows, 1)); NumPy's workspace (LAPACK's
 * answer to the query) and identities for an empty 'A'. 0, or -1 with LinAlgError raised */
static int gesdd(Run *run, char jobz, int64_t m, int64_t n, double *a, double *s, double *u, double *vt, int line,
                 const char *file) {
    int64_t k = m < n ? m : n, vrows = jobz == 'A' ? n : k;
    I64 lda = m > 1 ? m : 1, ldvt = vrows > 1 ? vrows : 1, lwork = -1, info = 0;
    char jz[2] = {jobz, 0};
    double q = 0;
    I64 *iwork = malloc(sizeof(I64) * (size_t)(8 * k + 1));
    if (!iwork) return run_nomem(run, "for np.linalg", line, file);
    rt_blas_lock(true);
    la.gesdd(jz, &m, &n, a, &lda, s, u, &lda, vt, &ldvt, &q, &lwork, iwork, &info);
    rt_blas_lock(false);
    int rc = 0;
    lwork = (I64)q > 0 ? (I64)q : 1;
    double *work = got(info) ? NULL : dalloc(run, lwork, line, file);
    if (!work) rc = got(info) ? run_raise_msg(run, "LinAlgError", "SVD did not converge", line, file) : -1;
    else {
        rt_blas_lock(true);
        la.gesdd(jz, &m, &n, a, &lda, s, u, &lda, vt, &ldvt, work, &lwork, iwork, &info);
        rt_blas_lock(false);
        if (got(info)) rc = run_raise_msg(run, "LinAlgError", "SVD did not converge", line, file);
        else if (jobz == 'A' && k == 0) { /* LAPACK leaves them unset: NumPy's identities */
            for (int64_t i = 0; i < m * m; i++) u[i] = i % (m + 1) == 0;
            for (int64_t i = 0; i < n * n; i++) vt[i] = i % (n + 1) == 0;
        }
    }
    free(iwork); free(work);
    return rc;
}

/* svd: jobz 'N' the values (a vector); 'A' and 'S' packed rows of width max(m, n, 1): U (m x ucols), S, V^T */
static int svd(Run *run, char jobz, int dt, int64_t m, int64_t n, double *fa, Slot *out, int line, const char *file) {
    if (!have_lapack(m * n + m * m + n * n)) return need_lapack(run, "svd", line, file);
    int64_t k = m < n ? m : n, ucols = jobz == 'A' ? m : k, vrows = jobz == 'A' ? n : k;
    int64_t w = m > n ? m : n > 1 ? n : 1;
    double *s = dalloc(run, k, line, file), *u = jobz == 'N' ? NULL : dalloc(run, m * ucols, line, file);
    double *vt = jobz == 'N' ? NULL : dalloc(run, vrows * n, line, file);
    int rc = !s || (jobz != 'N' && (!u || !vt)) ? -1 : gesdd(run, jobz, m, n, fa, s, u, vt, line, file);
    int64_t dims[2] = {m + 1 + vrows, w};
    if (rc) {
    } else if (jobz == 'N') {
        rc = new_matrix(run, dt, s, k, k, 1, true, out, line, file);
    } else if (run_alloc(run, dt, 2, dims, true, out, line, file)) {
        rc = -1;
    } else {
        put_rows(dt, out[0].p, 0, w, u, m > 1 ? m : 1, m, ucols);
        put_rows(dt, out[0].p, m, w, s, 1, 1, k);
        put_rows(dt, out[0].p, m + 1, w, vt, vrows > 1 ? vrows : 1, vrows, n);
    }
    free(s); free(u); free(vt);
    return rc;
}

/* qr: ?geqrf, then R the upper triangle of the first rows and (op LA_QR_REDUCED, LA_QR_COMPLETE) Q from ?orgqr,
 * packed: Q (m x mc) then R (mc x n), width max(mc, n, 1); LA_QR_R: R (min(m, n) x n) alone. The workspaces
 * NumPy's: at least max(1, n) */
static int qr(Run *run, int op, int dt, int64_t m, int64_t n, double *fa, Slot *out, int line, const char *file) {
    if (!have_lapack(m * n + m * m)) return need_lapack(run, "qr", line, file);
    int64_t k = m < n ? m : n, mc = op == LA_QR_COMPLETE ? m : k;
    I64 lda = m > 1 ? m : 1, lwork = -1, info = 0;
    double q = 0, *tau = dalloc(run, k, line, file), *work = NULL, *fq = NULL;
    int rc = tau ? 0 : -1;
    if (!rc) {
        memset(tau, 0, sizeof(double) * (size_t)k);
        rt_blas_lock(true);
        la.geqrf(&m, &n, fa, &lda, tau, &q, &lwork, &info);
        lwork = (I64)q > n ? (I64)q : n > 1 ? n : 1;
        rt_blas_lock(false);
        if (!(work = dalloc(run, lwork, line, file))) rc = -1;
    }
    if (!rc) {
        rt_blas_lock(true);
        la.geqrf(&m, &n, fa, &lda, tau, work, &lwork, &info);
        rt_blas_lock(false);
    }
    if (!rc && op != LA_QR_R) { /* Q's columns: the first mc of the factored matrix (orgqr sets those past k) */
        if (!(fq = dalloc(run, m * mc, line, file))) rc = -1;
        else {
            for (int64_t j = 0; j < mc; j++)
                for (int64_t i = 0; i < m; i++) fq[i + j * m] = j < n ? fa[i + j * m] : 0;
            I64 lw = -1;
            rt_blas_lock(true);
            la.orgqr(&m, &mc, &k, fq, &lda, tau, &q, &lw, &info);
            lw = (I64)q > n ? (I64)q : n > 1 ? n : 1;
            rt_blas_lock(false);
            free(work);
            if (!(work = dalloc(run, lw, line, file))) rc = -1;
            else {
                rt_blas_lock(true);
                la.orgqr(&m, &mc, &k, fq, &lda, tau, work, &lw, &info);
                rt_blas_lock(false);
            }
        }
    }
    if (!rc) { /* R: the upper triangle of the first rows */
        int64_t rrows = op == LA_QR_R ? k : mc, w = mc > n ? mc : n > 1 ? n : 1, r0 = op == LA_QR_R ? 0 : m;
        int64_t dims[2] = {r0 + rrows, op == LA_QR_R ? n : w};
        if (run_alloc(run, dt, 2, dims, true, out, line, file)) rc = -1;
        else {
            for (int64_t i = 0; i < rrows && i < m; i++)
                for (int64_t j = i; j < n; j++) put(dt, out[0].p, (r0 + i) * dims[1] + j, fa[i + j * m]);
            if (op != LA_QR_R) put_rows(dt, out[0].p, 0, w, fq, m > 1 ? m : 1, m, mc);
        }
    }
    free(tau); free(work); free(fq);
    return rc;
}

/* lstsq: ?gelsd of a (m x n) and b (m x nrhs), rcond NumPy's eps * max(m, n) unless given (rcond_given); packed
 * rows of width max(nrhs, min(m, n), 2): x (n x nrhs), the residuals, S, then [rank, the residuals' count]. The
 * residuals are NumPy's: each column's sum of squares past row n, in order, where rank == n < m; none otherwise */
static int lstsq(Run *run, int dt, int64_t m, int64_t n, double *fa, const RdArr *b, double rcond, bool rcond_given,
                 Slot *out, int line, const char *file) {
    if (!have_lapack(m * n + (m > n ? m : n) * (b->n[1] + 1))) return need_lapack(run, "lstsq", line, file);
    if (has_nan(fa, m * n)) return run_raise_msg(run, "LinAlgError", "SVD did not converge in Linear Least Squares", line, file);
    int64_t nrhs = b->n[1], k = m < n ? m : n, nr = nrhs > 0 ? nrhs : 1; /* NumPy solves a zero column for none */
    I64 lda = m > 1 ? m : 1, ldb = m > n ? m : n > 1 ? n : 1, lwork = -1, info = 0, rank = 0, iq = 0;
    if (!rcond_given) rcond = 2.220446049250313e-16 * (double)(m > n ? m : n);
    double q = 0, *fb = dalloc(run, ldb * nr, line, file), *s = dalloc(run, k, line, file), *work = NULL;
    I64 *iwork = NULL;
    int rc = fb && s ? 0 : -1;
    if (!rc) {
        memset(fb, 0, sizeof(double) * (size_t)(ldb * nr));
        if (nrhs) to_fortran(b, m, nrhs, fb, ldb);
        rt_blas_lock(true);
        la.gelsd(&m, &n, &nr, fa, &lda, fb, &ldb, s, &rcond, &rank, &q, &lwork, &iq, &info);
        rt_blas_lock(false);
        lwork = (I64)q > 0 ? (I64)q : 1;
        int64_t li = got(iq);
        work = dalloc(run, lwork, line, file);
        iwork = work ? malloc(sizeof(I64) * (size_t)(li > 1 ? li : 1)) : NULL;
        if (!iwork) rc = work ? run_nomem(run, "for np.linalg", line, file) : -1;
    }
    if (!rc) {
        rt_blas_lock(true);
        la.gelsd(&m, &n, &nr, fa, &lda, fb, &ldb, s, &rcond, &rank, work, &lwork, iwork, &info);
        rt_blas_lock(false);
        if (got(info)) rc = run_raise_msg(run, "LinAlgError", "SVD did not converge in Linear Least Squares", line, file);
    }
    if (!rc) {
        rank = got(rank);
        if (m == 0) memset(fb, 0, sizeof(double) * (size_t)(ldb * nr)); /* NumPy's x[...] = 0 */
        int64_t w = nrhs > k ? nrhs : k > 2 ? k : 2, dims[2] = {n + 3, w};
        int64_t count = rank == n && m > n ? nrhs : 0;
        if (run_alloc(run, dt, 2, dims, true, out, line, file)) rc = -1;
        else {
            put_rows(dt, out[0].p, 0, w, fb, ldb, n, nrhs);
            for (int64_t c = 0; c < count; c++) {
                double r = 0;
                for (int64_t i = n; i < m; i++) r += fb[i + c * ldb] * fb[i + c * ldb];
                put(dt, out[0].p, n * w + c, r);
            }
            put_rows(dt, out[0].p, n + 1, w, s, 1, 1, k);
            put(dt, out[0].p, (n + 2) * w, (double)rank);
            put(dt, out[0].p, (n + 2) * w + 1, (double)count);
        }
    }
    free(fb); free(s); free(work); free(iwork);
    return rc;
}

/* the singular values' reciprocals above the cutoff, zeros below, as NumPy forms them in dtype dt: the cutoff is
 * rcond (a float64 array) times max(s), a double; 1 / s in dt */
static double pinv_recip(int dt, double s, double cutoff) {
    if (!(s > cutoff)) return 0;
    return dt == KILN_FLOAT64 ? 1 / s : (double)(1.0f / (float)s);
}

/* pinv: NumPy's steps on svd(a, full_matrices=False) (its results rounded to dt): s's reciprocals above the cutoff,
 * B = s[:, None] * u.T (in dt, Fortran order, as NumPy's multiply lays it out), and vt.T @ B by ?gemm as NumPy's
 * matmul calls it (both operands transposed); without a BLAS product the sums in order */
static int pinv(Run *run, int dt, int64_t m, int64_t n, double *fa, double rcond, Slot *out, int line, const char *file) {
    int64_t dims[2] = {n, m};
    if (m == 0 || n == 0) return run_alloc(run, dt, 2, dims, false, out, line, file);
    if (!have_lapack(m * n + m * m + n * n)) return need_lapack(run, "pinv", line, file);
    int64_t k = m < n ? m : n;
    size_t sz = dt == KILN_FLOAT64 ? 8 : 4;
    double *s = dalloc(run, k, line, file), *u = dalloc(run, m * k, line, file), *vt = dalloc(run, k * n, line, file);
    char *bt = malloc(sz * (size_t)(m * k) + 1), *vr = malloc(sz * (size_t)(k * n) + 1);
    int rc = s && u && vt && bt && vr ? gesdd(run, 'S', m, n, fa, s, u, vt, line, file) : run_nomem(run, "for np.linalg", line, file);
    if (!rc) {
        double smax = dt == KILN_FLOAT64 ? s[0] : (float)s[0]; /* s descends */
        for (int64_t i = 0; i < k; i++) {
            double si = dt == KILN_FLOAT64 ? s[i] : (float)s[i];
            if (si > smax || si != si) smax = si;
        }
        double cutoff = rcond * smax;
        for (int64_t i = 0; i < k; i++) {
            double r = pinv_recip(dt, dt == KILN_FLOAT64 ? s[i] : (float)s[i], cutoff);
            for (int64_t j = 0; j < m; j++) { /* B[i, j] = r * u[j, i], stored Fortran order: bt[j * k + i] */
                double uji = dt == KILN_FLOAT64 ? u[j + i * m] : (float)u[j + i * m];
                put(dt, bt, j * k + i, dt == KILN_FLOAT64 ? r * uji : (double)((float)r * (float)uji));
            }
        }
        for (int64_t i = 0; i < k; i++) /* vt (k x n) in C order */
            for (int64_t j = 0; j < n; j++) put(dt, vr, i * n + j, vt[i + j * k]);
        if (run_alloc(run, dt, 2, dims, false, out, line, file)) rc = -1;
        else if (dt == KILN_FLOAT64) {
            rt_blas_lock(true);
            la.dgemm(101, 112, 112, n, m, k, 1.0, (const double *)vr, n, (const double *)bt, k, 0.0, out[0].p, m);
            rt_blas_lock(false);
        } else {
            rt_blas_lock(true);
            la.sgemm(101, 112, 112, n, m, k, 1.0f, (const float *)vr, n, (const float *)bt, k, 0.0f, out[0].p, m);
            rt_blas_lock(false);
        }
    }
    free(s); free(u); free(vt); free(bt); free(vr);
    return rc;
}

int rt_linalg(Run *run, int op, const RdArr *a, const RdArr *b, double rcond, bool rcond_given, Slot *out, int line,
              const char *file) {
    int dt = a->dtype;
    int64_t m = a->n[0], n = a->n[1];
    bool square = op <= LA_SOLVE1 || op == LA_SLOGDET || op == LA_EIG || op == LA_EIGVALS;
    if (square && (a->ndim != 2 || m != n))
        return run_raise_msg(run, "LinAlgError", "Last 2 dimensions of the array must be square", line, file);
    bool solving = op == LA_SOLVE || op == LA_SOLVE1;
    if (solving && b->n[0] != n) {
        char msg[200];
        snprintf(msg, sizeof msg, "%s: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature %s "
                 "(size %lld is different from %lld)", op == LA_SOLVE1 ? "solve1" : "solve",
                 op == LA_SOLVE1 ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)", (long long)b->n[0], (long long)n);
        return run_raise_msg(run, "ValueError", msg, line, file);
    }
    if (op == LA_LSTSQ && b->n[0] != m) return run_raise_msg(run, "LinAlgError", "Incompatible dimensions", line, file);
    double *fa = dalloc(run, m * n, line, file);
    int64_t *piv = malloc(sizeof(int64_t) * (size_t)(n + 1)); /* room for LAPACK's integers or kiln's */
    if (!fa || !piv) {
        free(fa); free(piv);
        return fa ? run_nomem(run, "for np.linalg", line, file) : -1;
    }
    to_fortran(a, m, n, fa, m);
    int rc = 0;
    switch (op) {
    case LA_DET: case LA_SLOGDET: rc = det(run, op, dt, n, fa, piv, out, line, file); break;
    case LA_CHOLESKY: rc = cholesky(run, dt, n, fa, out, line, file); break;
    case LA_EIGVALSH: case LA_EIGH: rc = eigh(run, dt, n, fa, op == LA_EIGH, out, line, file); break;
    case LA_EIGVALS: case LA_EIG: rc = eig(run, dt, n, fa, op == LA_EIG, out, line, file); break;
    case LA_SOLVE: case LA_SOLVE1: case LA_INV: rc = solve(run, op, dt, n, solving ? b->n[1] : n, fa, b, piv, out, line, file); break;
    case LA_SVD_N: case LA_SVD_S: case LA_SVD_A:
        rc = svd(run, op == LA_SVD_N ? 'N' : op == LA_SVD_S ? 'S' : 'A', dt, m, n, fa, out, line, file);
        break;
    case LA_QR_R: case LA_QR_REDUCED: case LA_QR_COMPLETE: rc = qr(run, op, dt, m, n, fa, out, line, file); break;
    case LA_LSTSQ: rc = lstsq(run, dt, m, n, fa, b, rcond, rcond_given, out, line, file); break;
    default: rc = pinv(run, dt, m, n, fa, rcond, out, line, file); break; /* LA_PINV */
    }
    free(fa); free(piv);
    return rc;
}
