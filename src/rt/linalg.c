/*
 * linalg.c — np.linalg.solve, inv, det, cholesky, eigvalsh and eigh of float64 and float32 square matrices, as NumPy 2
 * computes them.
 *
 * NumPy copies the matrix into Fortran (column) order and calls LAPACK: solve and inv are ?gesv (inv solves
 * against the identity), det is ?getrf and then, from the factors, sign * exp(sum of log|u_ii|) with the sign
 * flipped for each row interchange and each negative u_ii (so det([[4, 1], [2, 3]]) is 10.000000000000002, as
 * NumPy's); a singular matrix makes solve and inv raise LinAlgError("Singular matrix") and det 0.0. kiln does the
 * same with the LAPACK of the OpenBLAS that matmul.c opens (dlopen on first use; KILN_BLAS chooses or turns it
 * off; one call at a time, as its products: rt_blas_lock), so its factors are NumPy's wherever the two OpenBLAS
 * builds compute alike. Without one, a partial-pivoting LU written here (the unblocked algorithm of LAPACK's
 * ?getf2: pivot on the largest |a_ik|, first on ties) and the two triangular solves stand in: the same answers up
 * to rounding. cholesky is ?potrf of the lower triangle
 * (the upper one is never read) with the rest zeroed, LinAlgError("Matrix is not positive definite") where it
 * fails (kiln's own column-by-column factorization without LAPACK); eigvalsh and eigh are ?syevd of the lower
 * triangle (eigenvalues ascending; eigh's vectors the columns of a matrix) after the workspace query NumPy makes,
 * and need LAPACK.
 */
#include "lib.h"
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* LAPACK's Fortran interface (LP64: int sizes) */
typedef void (*Dgesv)(const int *, const int *, double *, const int *, int *, double *, const int *, int *);
typedef void (*Sgesv)(const int *, const int *, float *, const int *, int *, float *, const int *, int *);
typedef void (*Dgetrf)(const int *, const int *, double *, const int *, int *, int *);
typedef void (*Sgetrf)(const int *, const int *, float *, const int *, int *, int *);
typedef void (*Dpotrf)(const char *, const int *, double *, const int *, int *);
typedef void (*Spotrf)(const char *, const int *, float *, const int *, int *);
typedef void (*Dsyevd)(const char *, const char *, const int *, double *, const int *, double *, double *, const int *,
                       int *, const int *, int *);
typedef void (*Ssyevd)(const char *, const char *, const int *, float *, const int *, float *, float *, const int *,
                       int *, const int *, int *);
static Dgesv dgesv;
static Sgesv sgesv;
static Dgetrf dgetrf;
static Sgetrf sgetrf;
static Dpotrf dpotrf;
static Spotrf spotrf;
static Dsyevd dsyevd;
static Ssyevd ssyevd;
static pthread_once_t lapack_once = PTHREAD_ONCE_INIT;

static void lapack_open(void) {
    static const char *const syms[] = {"dgesv_", "sgesv_", "dgetrf_", "sgetrf_", "dpotrf_", "spotrf_", "dsyevd_", "ssyevd_"};
    void *addr[8];
    if (!rt_blas_symbols("liblapack.so.3", syms, addr, 8)) return;
    dgesv = (Dgesv)(uintptr_t)addr[0];
    sgesv = (Sgesv)(uintptr_t)addr[1];
    dgetrf = (Dgetrf)(uintptr_t)addr[2];
    sgetrf = (Sgetrf)(uintptr_t)addr[3];
    dpotrf = (Dpotrf)(uintptr_t)addr[4];
    spotrf = (Spotrf)(uintptr_t)addr[5];
    dsyevd = (Dsyevd)(uintptr_t)addr[6];
    ssyevd = (Ssyevd)(uintptr_t)addr[7];
}

static bool have_lapack(int64_t n) {
    pthread_once(&lapack_once, lapack_open);
    return dgesv && n <= INT32_MAX / 2;
}

/* ---- kiln's own LU, where there is no LAPACK ---- */

/* a = P L U in place (n x n, column j at a + j * n), piv[k]: the row k was swapped with (0-based); the first zero
 * pivot's column + 1, or 0 (LAPACK's info) */
#define GETRF(NAME, T)                                                                                     \
    static int64_t NAME(int64_t n, T *a, int64_t *piv) {                                                   \
        int64_t info = 0;                                                                                  \
        for (int64_t k = 0; k < n; k++) {                                                                  \
            int64_t p = k;                                                                                 \
            for (int64_t i = k + 1; i < n; i++)                                                            \
                if (fabs((double)a[i + k * n]) > fabs((double)a[p + k * n])) p = i;                        \
            piv[k] = p;                                                                                    \
            if (a[p + k * n] == 0) {                                                                       \
                if (!info) info = k + 1;                                                                   \
                continue;                                                                                  \
            }                                                                                              \
            if (p != k)                                                                                    \
                for (int64_t j = 0; j < n; j++) { T t = a[k + j * n]; a[k + j * n] = a[p + j * n]; a[p + j * n] = t; } \
            T r = 1 / a[k + k * n]; /* ?getf2 scales the column by the reciprocal */                       \
            for (int64_t i = k + 1; i < n; i++) a[i + k * n] *= r;                                         \
            for (int64_t j = k + 1; j < n; j++)                                                            \
                for (int64_t i = k + 1; i < n; i++) a[i + j * n] -= a[i + k * n] * a[k + j * n];           \
        }                                                                                                  \
        return info;                                                                                       \
    }
GETRF(getrf_f64, double)
GETRF(getrf_f32, float)

/* b (n x m, column-major) = A^-1 b from getrf's factors */
#define GETRS(NAME, T)                                                                                     \
    static void NAME(int64_t n, int64_t m, const T *a, const int64_t *piv, T *b) {                         \
        for (int64_t c = 0; c < m; c++) {                                                                  \
            T *x = b + c * n;                                                                              \
            for (int64_t k = 0; k < n; k++)                                                                \
                if (piv[k] != k) { T t = x[k]; x[k] = x[piv[k]]; x[piv[k]] = t; }                          \
            for (int64_t k = 0; k < n; k++)                                                                \
                for (int64_t i = k + 1; i < n; i++) x[i] -= a[i + k * n] * x[k];                           \
            for (int64_t k = n - 1; k >= 0; k--) {                                                         \
                x[k] = m == 1 ? x[k] / a[k + k * n] : x[k] * (1 / a[k + k * n]); /* OpenBLAS: trsv, trsm */\
                for (int64_t i = 0; i < k; i++) x[i] -= a[i + k * n] * x[k];                               \
            }                                                                                              \
        }                                                                                                  \
    }
GETRS(getrs_f64, double)
GETRS(getrs_f32, float)

/* ---- the routines ---- */

/* m (a rows x cols view, strides in bytes) as doubles or floats in column-major order into buf */
static void to_fortran(const RdArr *m, int64_t rows, int64_t cols, int dt, void *buf) {
    for (int64_t j = 0; j < cols; j++)
        for (int64_t i = 0; i < rows; i++) {
            const char *p = m->data + i * m->s[0] + (m->ndim > 1 ? j * m->s[1] : 0);
            if (dt == KILN_FLOAT64) ((double *)buf)[i + j * rows] = *(const double *)p;
            else ((float *)buf)[i + j * rows] = *(const float *)p;
        }
}

static int raise_msg(Run *run, int line, const char *file, const char *cls, const char *msg) {
    run_raise(run, RE_RAISE, line, file);
    run->ename = cls;
    snprintf(run->msg, sizeof run->msg, "%s", msg);
    return -1;
}

/* A X = B for X (n x m, column-major, B on entry, the factors of A in a); 0, or the first zero pivot + 1 */
static int64_t gesv(int dt, int64_t n, int64_t m, void *a, void *b, void *piv) {
    if (have_lapack(n * (m > n ? m : n))) {
        int in = (int)n, im = (int)m, lda = n ? (int)n : 1, info = 0;
        rt_blas_lock(true);
        if (dt == KILN_FLOAT64) dgesv(&in, &im, a, &lda, piv, b, &lda, &info);
        else sgesv(&in, &im, a, &lda, piv, b, &lda, &info);
        rt_blas_lock(false);
        return info;
    }
    int64_t info = dt == KILN_FLOAT64 ? getrf_f64(n, a, piv) : getrf_f32(n, a, piv);
    if (info) return info;
    if (dt == KILN_FLOAT64) getrs_f64(n, m, a, piv, b);
    else getrs_f32(n, m, a, piv, b);
    return 0;
}

/* the determinant from the factors as NumPy forms it: a sign and a sum of logs */
#define DET(NAME, T, LOG, EXP)                                                                             \
    static T NAME(int64_t n, const T *a, bool swapped_odd) {                                               \
        T sign = swapped_odd ? (T)-1 : (T)1, logdet = 0;                                                   \
        for (int64_t i = 0; i < n; i++) {                                                                  \
            T u = a[i + i * n];                                                                            \
            if (u < 0) { sign = -sign; u = -u; }                                                           \
            logdet += LOG(u);                                                                              \
        }                                                                                                  \
        return sign * EXP(logdet);                                                                         \
    }
DET(det_f64, double, log, exp)
DET(det_f32, float, logf, expf)

/* kiln's own ?potf2 (lower): column j's diagonal from the row before it, then the column below scaled by its
 * reciprocal; the first column whose diagonal is not positive + 1, or 0 */
#define POTRF(NAME, T, SQRT)                                                                               \
    static int64_t NAME(int64_t n, T *a) {                                                                 \
        for (int64_t j = 0; j < n; j++) {                                                                  \
            T d = a[j + j * n];                                                                            \
            for (int64_t k = 0; k < j; k++) d -= a[j + k * n] * a[j + k * n];                              \
            if (!(d > 0)) return j + 1;                                                                    \
            d = SQRT(d);                                                                                   \
            a[j + j * n] = d;                                                                              \
            for (int64_t i = j + 1; i < n; i++) {                                                          \
                T v = a[i + j * n];                                                                        \
                for (int64_t k = 0; k < j; k++) v -= a[i + k * n] * a[j + k * n];                          \
                a[i + j * n] = v * (1 / d);                                                                \
            }                                                                                              \
        }                                                                                                  \
        return 0;                                                                                          \
    }
POTRF(potrf_f64, double, sqrt)
POTRF(potrf_f32, float, sqrtf)

/* m (n x cols, column-major at f) into a new C array of out: rows x cols, or (vector) n values */
static int from_fortran(Run *run, int dt, const void *f, int64_t n, int64_t cols, bool vector, Slot *out, int line,
                        const char *file) {
    int64_t dims[2] = {n, cols};
    if (run_alloc(run, dt, vector ? 1 : 2, dims, false, out, line, file)) return -1;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < cols; j++) {
            if (dt == KILN_FLOAT64) ((double *)out[0].p)[i * cols + j] = ((const double *)f)[i + j * n];
            else ((float *)out[0].p)[i * cols + j] = ((const float *)f)[i + j * n];
        }
    return 0;
}

/* det: the factors, the row interchanges' parity, NumPy's sum of logs (0.0 for a singular matrix) */
static void det(int dt, int64_t n, void *fa, int64_t *piv, Slot *out) {
    int64_t info;
    bool odd = false;
    if (have_lapack(n)) {
        int in = (int)n, lda = n ? (int)n : 1, i32 = 0;
        rt_blas_lock(true);
        if (dt == KILN_FLOAT64) dgetrf(&in, &in, fa, &lda, (int *)piv, &i32);
        else sgetrf(&in, &in, fa, &lda, (int *)piv, &i32);
        rt_blas_lock(false);
        info = i32;
        for (int64_t k = 0; k < n && !info; k++) odd ^= ((int *)piv)[k] != k + 1;
    } else {
        info = dt == KILN_FLOAT64 ? getrf_f64(n, fa, piv) : getrf_f32(n, fa, piv);
        for (int64_t k = 0; k < n && !info; k++) odd ^= piv[k] != k;
    }
    if (dt == KILN_FLOAT64) out->f = info ? 0.0 : det_f64(n, fa, odd);
    else out->f32 = info ? 0.0f : det_f32(n, fa, odd);
}

/* solve (b's m columns) and inv (the identity's): ?gesv */
static int solve(Run *run, int op, int dt, int64_t n, int64_t m, void *fa, const RdArr *b, int64_t *piv, Slot *out,
                 int line, const char *file) {
    size_t sz = dt == KILN_FLOAT64 ? 8 : 4;
    void *fb = malloc((size_t)(n * m) * sz + 8);
    if (!fb) return run_nomem(run, "for np.linalg", line, file);
    if (op == LA_INV) {
        memset(fb, 0, (size_t)(n * n) * sz);
        for (int64_t i = 0; i < n; i++) {
            if (dt == KILN_FLOAT64) ((double *)fb)[i + i * n] = 1;
            else ((float *)fb)[i + i * n] = 1;
        }
    } else {
        to_fortran(b, n, m, dt, fb);
    }
    int rc = gesv(dt, n, m, fa, fb, piv) ? raise_msg(run, line, file, "LinAlgError", "Singular matrix")
                                         : from_fortran(run, dt, fb, n, m, false, out, line, file);
    free(fb);
    return rc;
}

/* cholesky: ?potrf of the lower triangle, the strictly upper part zeroed */
static int cholesky(Run *run, int dt, int64_t n, void *fa, Slot *out, int line, const char *file) {
    int64_t info;
    if (have_lapack(n)) {
        int in = (int)n, lda = n ? (int)n : 1, i32 = 0;
        rt_blas_lock(true);
        if (dt == KILN_FLOAT64) dpotrf("L", &in, fa, &lda, &i32);
        else spotrf("L", &in, fa, &lda, &i32);
        rt_blas_lock(false);
        info = i32;
    } else {
        info = dt == KILN_FLOAT64 ? potrf_f64(n, fa) : potrf_f32(n, fa);
    }
    if (info) return raise_msg(run, line, file, "LinAlgError", "Matrix is not positive definite");
    for (int64_t j = 1; j < n; j++)
        for (int64_t i = 0; i < j; i++) {
            if (dt == KILN_FLOAT64) ((double *)fa)[i + j * n] = 0;
            else ((float *)fa)[i + j * n] = 0;
        }
    return from_fortran(run, dt, fa, n, n, false, out, line, file);
}

/* eigvalsh and eigh (vectors): ?syevd('N' or 'V', 'L'), its workspace asked for first as NumPy asks; eigh's result
 * an (n + 1) x n array, the eigenvalues in row 0 and the eigenvectors' matrix (columns) below */
static int eigh(Run *run, int dt, int64_t n, void *fa, bool vectors, Slot *out, int line, const char *file) {
    if (!have_lapack(n))
        return raise_msg(run, line, file, "RuntimeError", "np.linalg.eigh and eigvalsh need LAPACK, and kiln could not "
                         "open OpenBLAS (libopenblas.so.0; KILN_BLAS names another library)");
    size_t sz = dt == KILN_FLOAT64 ? 8 : 4;
    const char *jobz = vectors ? "V" : "N";
    int in = (int)n, lda = n ? (int)n : 1, info = 0, lwork = -1, liwork = -1, iquery = 0;
    void *w = malloc((size_t)n * sz + 8);
    if (!w) return run_nomem(run, "for np.linalg", line, file);
    double qd = 0;
    float qf = 0;
    rt_blas_lock(true);
    if (dt == KILN_FLOAT64) dsyevd(jobz, "L", &in, fa, &lda, w, &qd, &lwork, &iquery, &liwork, &info);
    else ssyevd(jobz, "L", &in, fa, &lda, w, &qf, &lwork, &iquery, &liwork, &info);
    rt_blas_lock(false);
    lwork = dt == KILN_FLOAT64 ? (int)qd : (int)qf;
    liwork = iquery;
    void *work = malloc((size_t)(lwork > 1 ? lwork : 1) * sz);
    int *iwork = malloc(sizeof(int) * (size_t)(liwork > 1 ? liwork : 1));
    int rc = 0;
    if (!work || !iwork) rc = run_nomem(run, "for np.linalg", line, file);
    else {
        rt_blas_lock(true);
        if (dt == KILN_FLOAT64) dsyevd(jobz, "L", &in, fa, &lda, w, work, &lwork, iwork, &liwork, &info);
        else ssyevd(jobz, "L", &in, fa, &lda, w, work, &lwork, iwork, &liwork, &info);
        rt_blas_lock(false);
        if (info) rc = raise_msg(run, line, file, "LinAlgError", "Eigenvalues did not converge");
        else if (!vectors) rc = from_fortran(run, dt, w, n, 1, true, out, line, file);
        else {
            int64_t dims[2] = {n + 1, n};
            if (run_alloc(run, dt, 2, dims, false, out, line, file)) rc = -1;
            else {
                char *p = out[0].p;
                memcpy(p, w, (size_t)n * sz);
                for (int64_t i = 0; i < n; i++) /* row i + 1: the eigenvectors' components i, in C order */
                    for (int64_t j = 0; j < n; j++) memcpy(p + ((i + 1) * n + j) * (int64_t)sz, (char *)fa + (i + j * n) * (int64_t)sz, sz);
            }
        }
    }
    free(w); free(work); free(iwork);
    return rc;
}

int rt_linalg(Run *run, int op, const RdArr *a, const RdArr *b, Slot *out, int line, const char *file) {
    int dt = a->dtype;
    int64_t n = a->n[a->ndim - 1];
    if (a->ndim != 2 || a->n[0] != n)
        return raise_msg(run, line, file, "LinAlgError", "Last 2 dimensions of the array must be square");
    bool solving = op == LA_SOLVE || op == LA_SOLVE1;
    int64_t m = solving ? b->n[1] : n;
    if (solving && b->n[0] != n) {
        char msg[200];
        snprintf(msg, sizeof msg, "%s: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature %s "
                 "(size %lld is different from %lld)", op == LA_SOLVE1 ? "solve1" : "solve",
                 op == LA_SOLVE1 ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)", (long long)b->n[0], (long long)n);
        return raise_msg(run, line, file, "ValueError", msg);
    }
    size_t sz = dt == KILN_FLOAT64 ? 8 : 4;
    void *fa = malloc((size_t)(n * n) * sz + 8);
    int64_t *piv = malloc(sizeof(int64_t) * (size_t)(n + 1)); /* room for LAPACK's ints or kiln's int64s */
    if (!fa || !piv) { free(fa); free(piv); return run_nomem(run, "for np.linalg", line, file); }
    to_fortran(a, n, n, dt, fa);
    int rc = 0;
    switch (op) {
    case LA_DET: det(dt, n, fa, piv, out); break;
    case LA_CHOLESKY: rc = cholesky(run, dt, n, fa, out, line, file); break;
    case LA_EIGVALSH: case LA_EIGH: rc = eigh(run, dt, n, fa, op == LA_EIGH, out, line, file); break;
    default: rc = solve(run, op, dt, n, m, fa, b, piv, out, line, file);
    }
    free(fa); free(piv);
    return rc;
}
