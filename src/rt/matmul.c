/*
 * matmul.c — batched matrix products for @, np.matmul, np.dot and np.einsum.
 *
 * Operands arrive as views of shape (batch..., M, K) and (batch..., K, N) with any strides (a missing M or N is a
 * length-1 axis; batch axes of length 1 broadcast). The result is a new C-contiguous (batch..., M, N).
 *
 * Float and complex products are NumPy's matmul, step for step, over the BLAS blas.c chooses (inside Python the OpenBLAS NumPy
 * has loaded, so the bits are NumPy's; elsewhere Debian's, so they are what Debian's NumPy computes): an empty
 * product and a length-1 contraction with a vector side the plain loop, a row times a column ?dot (its result added
 * to 0.0 in double, as NumPy's dot), a vector times a matrix or a matrix times a vector ?gemv with NumPy's order
 * and transposition, and otherwise ?gemm — or ?syrk with the triangle copied where the operands are one matrix and
 * its transpose — on the operands in place where BLAS can read them (one unit stride, the other at least the row's
 * length), else on copies laid out as NumPy lays them out. Opened with dlopen on first use (a program that never
 * multiplies matrices never pays its start-up); KILN_BLAS=0 turns it off, KILN_BLAS=path picks the library.
 * Integer products, and float ones without BLAS, run the plain loop: each element 0 plus the products over k in
 * order (NumPy's own loop where it does not use BLAS; a complex product's parts (ar br - ai bi) and (ar bi + ai br)
 * as NumPy's noblas loop writes them); integer products are exact. Complex routines (z for complex128, c for
 * complex64) take their scalars by address; ?dotu_sub writes its sum through one.
 */
#include "lib.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROW_MAJOR = 101, COL_MAJOR = 102, NO_TRANS = 111, TRANS = 112, UPPER = 121 };
typedef int64_t I64;
/* cblas routines, every integer an int64_t (blas.c: the same call serves the 32-bit interface) */
typedef void (*Dgemm)(I64, I64, I64, I64, I64, I64, double, const double *, I64, const double *, I64, double, double *, I64);
typedef void (*Sgemm)(I64, I64, I64, I64, I64, I64, float, const float *, I64, const float *, I64, float, float *, I64);
typedef void (*Dgemv)(I64, I64, I64, I64, double, const double *, I64, const double *, I64, double, double *, I64);
typedef void (*Sgemv)(I64, I64, I64, I64, float, const float *, I64, const float *, I64, float, float *, I64);
typedef void (*Dsyrk)(I64, I64, I64, I64, I64, double, const double *, I64, double, double *, I64);
typedef void (*Ssyrk)(I64, I64, I64, I64, I64, float, const float *, I64, float, float *, I64);
typedef double (*Ddot)(I64, const double *, I64, const double *, I64);
typedef float (*Sdot)(I64, const float *, I64, const float *, I64);
typedef void (*Xgemm)(I64, I64, I64, I64, I64, I64, const void *, const void *, I64, const void *, I64, const void *, void *, I64);
typedef void (*Xgemv)(I64, I64, I64, I64, const void *, const void *, I64, const void *, I64, const void *, void *, I64);
typedef void (*Xsyrk)(I64, I64, I64, I64, I64, const void *, const void *, I64, const void *, void *, I64);
typedef void (*Xdotu)(I64, const void *, I64, const void *, I64, void *);
typedef void (*Xaxpy)(I64, const void *, const void *, I64, void *, I64);
static struct {
    Dgemm dgemm;
    Sgemm sgemm;
    Dgemv dgemv;
    Sgemv sgemv;
    Dsyrk dsyrk;
    Ssyrk ssyrk;
    Ddot ddot;
    Sdot sdot;
    Xgemm zgemm, cgemm;
    Xgemv zgemv, cgemv;
    Xsyrk zsyrk, csyrk;
    Xdotu zdotu, cdotu;
    Xaxpy zaxpy, caxpy;
} bl;
static const double one_z[2] = {1.0, 0.0}, zero_z[2] = {0.0, 0.0};
static const float one_c[2] = {1.0f, 0.0f}, zero_c[2] = {0.0f, 0.0f};

/* the complex 1 and 0 of dt, by address, for the z/c routines' alpha and beta */
static const void *one_of(int dt) { return dt == KILN_COMPLEX128 ? (const void *)one_z : one_c; }
static const void *zero_of(int dt) { return dt == KILN_COMPLEX128 ? (const void *)zero_z : zero_c; }

/* acc += x y for complex numbers as pairs of parts, as NumPy's plain loops add them: (xr yr - xi yi), (xr yi + xi yr) */
static inline void cmac_z(double *acc, const double *x, const double *y) {
    acc[0] += x[0] * y[0] - x[1] * y[1];
    acc[1] += x[0] * y[1] + x[1] * y[0];
}
static inline void cmac_c(float *acc, const float *x, const float *y) {
    acc[0] += x[0] * y[0] - x[1] * y[1];
    acc[1] += x[0] * y[1] + x[1] * y[0];
}
static pthread_once_t blas_once = PTHREAD_ONCE_INIT;

/* the routines, in bl's order (POSIX's function pointers are the size of data pointers: memcpy moves them) */
static void blas_open(void) {
    static const char *const syms[] = {"cblas_dgemm", "cblas_sgemm", "cblas_dgemv", "cblas_sgemv",
                                       "cblas_dsyrk", "cblas_ssyrk", "cblas_ddot", "cblas_sdot",
                                       "cblas_zgemm", "cblas_cgemm", "cblas_zgemv", "cblas_cgemv",
                                       "cblas_zsyrk", "cblas_csyrk", "cblas_zdotu_sub", "cblas_cdotu_sub",
                                       "cblas_zaxpy", "cblas_caxpy"};
    void *addr[18];
    bool wide;
    _Static_assert(sizeof addr == sizeof bl, "one address for each routine");
    if (rt_blas_symbols("libcblas.so.3", syms, addr, 18, &wide)) memcpy(&bl, addr, sizeof bl);
}

bool rt_blas_available(void) {
    pthread_once(&blas_once, blas_open);
    return bl.dgemm != NULL;
}

typedef struct Mat { const char *p; int64_t rows, cols, rs, cs; } Mat; /* strides in bytes */

/* NumPy's is_blasable2d: the second stride one element, the first a whole number of elements, at least d2 of them */
static bool blasable(int64_t s1, int64_t s2, int64_t d1, int64_t d2, int64_t sz) {
    (void)d1;
    return s2 == sz && s1 % sz == 0 && s1 / sz >= d2 && s1 / sz <= INT32_MAX - 1;
}

/* NumPy's gemv: op (m values, stride os) = a (m x n, strides s_m, s_n) times x (stride xs), column-major where a's
 * rows are BLAS's columns */
static void gemv(int dt, const char *a, int64_t s_m, int64_t s_n, const char *x, int64_t xs, char *op, int64_t os,
                 int64_t m, int64_t n) {
    int64_t sz = (int64_t)kiln_dtype_size((kiln_dtype)dt), order = ROW_MAJOR, lda = s_n / sz;
    if (blasable(s_m, s_n, m, n, sz)) { order = COL_MAJOR; lda = s_m / sz; }
    if (dt_is_complex(dt)) {
        (dt == KILN_COMPLEX128 ? bl.zgemv : bl.cgemv)(order, TRANS, n, m, one_of(dt), a, lda, x, xs / sz, zero_of(dt), op,
                                                      os / sz);
    } else if (dt == KILN_FLOAT64)
        bl.dgemv(order, TRANS, n, m, 1.0, (const double *)a, lda, (const double *)x, xs / sz, 0.0, (double *)op, os / sz);
    else
        bl.sgemv(order, TRANS, n, m, 1.0f, (const float *)a, lda, (const float *)x, xs / sz, 0.0f, (float *)op, os / sz);
}

/* NumPy's matrixmatrix: c (C order, m x p) = a (m x n) b (n x p), both readable by BLAS as they are or transposed;
 * ?syrk and the lower triangle copied from the upper for a matrix times its own transpose */
static void matrixmatrix(int dt, Mat a, Mat b, char *c) {
    int64_t sz = (int64_t)kiln_dtype_size((kiln_dtype)dt), m = a.rows, n = a.cols, p = b.cols, ldc = p, lda, ldb;
    bool cx = dt_is_complex(dt), z = dt == KILN_COMPLEX128;
    const void *one = one_of(dt), *zero = zero_of(dt);
    int64_t t1 = NO_TRANS, t2 = NO_TRANS;
    if (blasable(a.rs, a.cs, m, n, sz)) lda = a.rs / sz;
    else { t1 = TRANS; lda = a.cs / sz; }
    if (blasable(b.rs, b.cs, n, p, sz)) ldb = b.rs / sz;
    else { t2 = TRANS; ldb = b.cs / sz; }
    if (a.p == b.p && m == p && a.rs == b.cs && a.cs == b.rs && t1 != t2) {
        int64_t ld = t1 == NO_TRANS ? lda : ldb;
        if (cx) (z ? bl.zsyrk : bl.csyrk)(ROW_MAJOR, UPPER, t1, p, n, one, a.p, ld, zero, c, ldc);
        else if (dt == KILN_FLOAT64) bl.dsyrk(ROW_MAJOR, UPPER, t1, p, n, 1.0, (const double *)a.p, ld, 0.0, (double *)c, ldc);
        else bl.ssyrk(ROW_MAJOR, UPPER, t1, p, n, 1.0f, (const float *)a.p, ld, 0.0f, (float *)c, ldc);
        for (int64_t i = 0; i < p; i++)
            for (int64_t j = i + 1; j < p; j++) memcpy(c + (j * ldc + i) * sz, c + (i * ldc + j) * sz, (size_t)sz);
    } else if (cx) {
        (z ? bl.zgemm : bl.cgemm)(ROW_MAJOR, t1, t2, m, p, n, one, a.p, lda, b.p, ldb, zero, c, ldc);
    } else if (dt == KILN_FLOAT64) {
        bl.dgemm(ROW_MAJOR, t1, t2, m, p, n, 1.0, (const double *)a.p, lda, (const double *)b.p, ldb, 0.0, (double *)c, ldc);
    } else {
        bl.sgemm(ROW_MAJOR, t1, t2, m, p, n, 1.0f, (const float *)a.p, lda, (const float *)b.p, ldb, 0.0f, (float *)c, ldc);
    }
}

/* x (rows x cols) into a new buffer, *x then reading it: C order, or (as_matmul) as NumPy's matmul's matrix_copy lays
 * it out — column-major where x's columns are closer together than its rows (|rs| < |cs|) */
static char *copy_mat(Mat *x, int64_t sz, bool as_matmul) {
    char *q = malloc((size_t)(x->rows * x->cols * sz) + 1);
    if (!q) return NULL;
    bool t = as_matmul && llabs(x->rs) < llabs(x->cs);
    int64_t rs = t ? sz : sz * x->cols, cs = t ? sz * x->rows : sz;
    for (int64_t i = 0; i < x->rows; i++)
        for (int64_t j = 0; j < x->cols; j++) memcpy(q + i * rs + j * cs, x->p + i * x->rs + j * x->cs, (size_t)sz);
    x->p = q; x->rs = rs; x->cs = cs;
    return q;
}

/* what np.dot (NumPy's cblas_matrixproduct) reads in place: no negative, zero (along more than one element) or
 * fractional stride (its _bad_strides), and a matrix — both axes longer than 1 — C- or F-contiguous (one segment); a
 * vector it reads through its stride */
static bool one_segment(const Mat *x, int64_t sz) {
    if ((x->rows > 1 && (x->rs <= 0 || x->rs % sz)) || (x->cols > 1 && (x->cs <= 0 || x->cs % sz))) return false;
    if (x->rows <= 1 || x->cols <= 1) return true;
    return (x->cs == sz && x->rs == sz * x->cols) || (x->rs == sz && x->cs == sz * x->rows);
}


static void loops(int dt, Mat a, Mat b, char *c);

/* NumPy's dotfunc of dtype dt: out = the sum of x[i] * y[i], n of them (strides in bytes). Floats (DOUBLE_dot,
 * FLOAT_dot): ?dot added to 0.0 in double where both strides are whole positive numbers of elements and BLAS is
 * there, else the products summed from 0 in order in the type; integers summed in 64 bits and wrapped to the type
 * (the same bits as NumPy's long accumulator) */
void rt_dotfunc(int dt, const char *x, int64_t sx, const char *y, int64_t sy, int64_t n, char *out) {
    int64_t sz = (int64_t)kiln_dtype_size((kiln_dtype)dt);
    bool fl = dt == KILN_FLOAT64 || dt == KILN_FLOAT32;
    if (dt_is_complex(dt) && rt_blas_available() && sx > 0 && sy > 0 && sx % sz == 0 && sy % sz == 0 &&
        sx / sz <= INT32_MAX && sy / sz <= INT32_MAX && n <= INT32_MAX) { /* CDOUBLE_dot: ?dotu_sub added to 0 in double */
        double sum[2] = {0.0, 0.0};
        if (dt == KILN_COMPLEX128) {
            double t[2];
            bl.zdotu(n, x, sx / sz, y, sy / sz, t);
            ((double *)out)[0] = sum[0] + t[0];
            ((double *)out)[1] = sum[1] + t[1];
        } else {
            float t[2];
            bl.cdotu(n, x, sx / sz, y, sy / sz, t);
            ((float *)out)[0] = (float)(sum[0] + (double)t[0]);
            ((float *)out)[1] = (float)(sum[1] + (double)t[1]);
        }
        return;
    }
    if (dt_is_complex(dt)) { /* the products' parts summed from 0 in order, in the parts' type */
        if (dt == KILN_COMPLEX128) {
            double acc[2] = {0.0, 0.0};
            for (int64_t i = 0; i < n; i++) cmac_z(acc, (const double *)(x + i * sx), (const double *)(y + i * sy));
            memcpy(out, acc, sizeof acc);
        } else {
            float acc[2] = {0.0f, 0.0f};
            for (int64_t i = 0; i < n; i++) cmac_c(acc, (const float *)(x + i * sx), (const float *)(y + i * sy));
            memcpy(out, acc, sizeof acc);
        }
        return;
    }
    if (fl && rt_blas_available() && sx > 0 && sy > 0 && sx % sz == 0 && sy % sz == 0 && sx / sz <= INT32_MAX &&
        sy / sz <= INT32_MAX && n <= INT32_MAX) {
        double sum = 0.0;
        if (dt == KILN_FLOAT64) *(double *)out = sum + bl.ddot(n, (const double *)x, sx / sz, (const double *)y, sy / sz);
        else *(float *)out = (float)(sum + (double)bl.sdot(n, (const float *)x, sx / sz, (const float *)y, sy / sz));
        return;
    }
    if (dt == KILN_FLOAT64) {
        double sum = 0;
        for (int64_t i = 0; i < n; i++) sum += *(const double *)(x + i * sx) * *(const double *)(y + i * sy);
        *(double *)out = sum;
    } else if (dt == KILN_FLOAT32) {
        float sum = 0;
        for (int64_t i = 0; i < n; i++) sum += *(const float *)(x + i * sx) * *(const float *)(y + i * sy);
        *(float *)out = sum;
    } else {
        Slot acc = {0};
        for (int64_t i = 0; i < n; i++) acc.u += rt_load_elem(x + i * sx, dt).u * rt_load_elem(y + i * sy, dt).u;
        rt_store_elem(out, dt, &acc);
    }
}

/* np.dot of complex operands one of which is a 1 x 1 "scalar" (cblas_matrixproduct's _scalar shape): the product of
 * two such, s.re x.re - s.im x.im and s.re x.im + s.im x.re, or ?axpy of the scalar over the other operand's one row
 * or column into zeros (OpenBLAS's kernel rounds as it rounds: not the plain product's bits); whether it was one */
static bool dot_by_scalar(int dt, Mat a, Mat b, char *c) {
    int64_t sz = (int64_t)kiln_dtype_size((kiln_dtype)dt);
    bool as = a.rows == 1 && a.cols == 1, bs = b.rows == 1 && b.cols == 1;
    if (!dt_is_complex(dt) || !(as || bs)) return false;
    Mat s = as ? a : b, x = as ? b : a; /* NumPy makes its second operand the scalar */
    if (as && bs) {
        if (dt == KILN_COMPLEX128) {
            const double *p = (const double *)s.p, *q = (const double *)x.p;
            ((double *)c)[0] = p[0] * q[0] - p[1] * q[1];
            ((double *)c)[1] = p[0] * q[1] + p[1] * q[0];
        } else {
            const float *p = (const float *)s.p, *q = (const float *)x.p;
            ((float *)c)[0] = p[0] * q[0] - p[1] * q[1];
            ((float *)c)[1] = p[0] * q[1] + p[1] * q[0];
        }
        return true;
    }
    int64_t l = as ? x.cols : x.rows, inc = (as ? x.cs : x.rs) / sz; /* a row after a scalar, a column before one */
    if (l > INT32_MAX - 1 || inc <= 0 || inc > INT32_MAX) return false; /* NumPy's copy made it readable: not here */
    memset(c, 0, (size_t)(l * sz));
    rt_blas_lock(true);
    (dt == KILN_COMPLEX128 ? bl.zaxpy : bl.caxpy)(l, s.p, x.p, inc, c, 1);
    rt_blas_lock(false);
    return true;
}

/* np.dot of a complex column (m x 1) and row (1 x p), as cblas_matrixproduct makes it: each operand contiguous (a
 * copy where it is not), so C- and F-contiguous both, which NumPy reads as transposed: ?gemm with one term, TRANS and
 * TRANS, lda m and ldb 1 (its kernel rounds a complex product as it rounds, not as the plain loop); -1: out of memory */
static int outer_dot(int dt, Mat a, Mat b, char *c) {
    int64_t sz = (int64_t)kiln_dtype_size((kiln_dtype)dt), m = a.rows, p = b.cols;
    char *pa = a.rs == sz ? NULL : copy_mat(&a, sz, false), *pb = b.cs == sz ? NULL : copy_mat(&b, sz, false);
    if ((a.rs != sz && !pa) || (b.cs != sz && !pb)) { free(pa); free(pb); return -1; }
    rt_blas_lock(true);
    (dt == KILN_COMPLEX128 ? bl.zgemm : bl.cgemm)(ROW_MAJOR, TRANS, TRANS, m, p, 1, one_of(dt), a.p, m, b.p, 1, zero_of(dt), c, p);
    rt_blas_lock(false);
    free(pa); free(pb);
    return 0;
}

/* one float product c = a b, as NumPy's matmul makes it (its cases in its order); -1: out of memory */
static int product(int dt, Mat a, Mat b, char *c, bool dot) {
    int64_t sz = (int64_t)kiln_dtype_size((kiln_dtype)dt), m = a.rows, n = a.cols, p = b.cols;
    if (!m || !n || !p || m > INT32_MAX - 1 || n > INT32_MAX - 1 || p > INT32_MAX - 1) { loops(dt, a, b, c); return 0; }
    bool a_ok = blasable(a.rs, a.cs, m, n, sz) || blasable(a.cs, a.rs, n, m, sz);
    bool b_ok = blasable(b.rs, b.cs, n, p, sz) || blasable(b.cs, b.rs, p, n, sz);
    /* one product at a time, each on OpenBLAS's own threads: products made by a parallel loop's threads queue here
     * instead of each starting OpenBLAS's threads (cores x cores threads). OpenBLAS's thread count is its own
     * (OPENBLAS_NUM_THREADS) and deliberately not kiln's `threads`: its bits depend on it (measured: a 700 x 700
     * product sums differently with 1 thread than with 2), and kiln's results must not depend on kiln's thread
     * count. Which thread of a parallel loop asks changes nothing. */
    if (dot && dt_is_complex(dt) && n == 1 && m > 1 && p > 1) return outer_dot(dt, a, b, c);
    if (m == 1 || n == 1 || p == 1) {
        rt_blas_lock(true);
        if (m == 1 && p == 1) rt_dotfunc(dt, a.p, a.cs, b.p, b.rs, n, c);           /* row @ column */
        else if (n == 1) loops(dt, a, b, c);                                       /* a length-1 contraction */
        else if (m == 1 && b_ok && blasable(a.cs, sz, n, 1, sz)) gemv(dt, b.p, b.cs, b.rs, a.p, a.cs, c, sz, p, n);
        else if (p == 1 && a_ok && blasable(b.rs, sz, n, 1, sz)) gemv(dt, a.p, a.rs, a.cs, b.p, b.rs, c, sz, m, n);
        else loops(dt, a, b, c);
        rt_blas_lock(false);
        return 0;
    }
    char *pa = a_ok ? NULL : copy_mat(&a, sz, true), *pb = b_ok ? NULL : copy_mat(&b, sz, true);
    if ((!a_ok && !pa) || (!b_ok && !pb)) { free(pa); free(pb); return -1; }
    rt_blas_lock(true);
    matrixmatrix(dt, a, b, c);
    rt_blas_lock(false);
    free(pa); free(pb);
    return 0;
}

/* c[i, j] = sum over k in order of a[i, k] * b[k, j]; j innermost so the loop runs along c's rows */
static void loops(int dt, Mat a, Mat b, char *c) {
    int64_t M = a.rows, K = a.cols, N = b.cols;
    size_t sz = kiln_dtype_size((kiln_dtype)dt);
    memset(c, 0, (size_t)(M * N) * sz);
    for (int64_t i = 0; i < M; i++)
        for (int64_t k = 0; k < K; k++) {
            const char *ap = a.p + i * a.rs + k * a.cs, *bp = b.p + k * b.rs;
            switch (dt) {
            case KILN_FLOAT64: {
                double x = *(const double *)ap, *cr = (double *)c + i * N;
                for (int64_t j = 0; j < N; j++) cr[j] += x * *(const double *)(bp + j * b.cs);
                break;
            }
            case KILN_FLOAT32: {
                float x = *(const float *)ap, *cr = (float *)c + i * N;
                for (int64_t j = 0; j < N; j++) cr[j] += x * *(const float *)(bp + j * b.cs);
                break;
            }
            case KILN_COMPLEX128:
                for (int64_t j = 0; j < N; j++)
                    cmac_z((double *)c + 2 * (i * N + j), (const double *)ap, (const double *)(bp + j * b.cs));
                break;
            case KILN_COMPLEX64:
                for (int64_t j = 0; j < N; j++)
                    cmac_c((float *)c + 2 * (i * N + j), (const float *)ap, (const float *)(bp + j * b.cs));
                break;
            default: { /* integers wrap, as NumPy's do */
                Slot x = rt_load_elem(ap, dt);
                for (int64_t j = 0; j < N; j++) {
                    char *cp = c + (size_t)(i * N + j) * sz;
                    Slot y = rt_load_elem(bp + j * b.cs, dt), acc = rt_load_elem(cp, dt);
                    acc.u += x.u * y.u;
                    rt_store_elem(cp, dt, &acc);
                }
            }
            }
        }
}


/* matmul's ValueError: b's core length (got) is not a's (want) */
static int core_mismatch(Run *run, int64_t got, int64_t want, int line, const char *file) {
    char m[200];
    snprintf(m, sizeof m, "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
             "(n?,k),(k,m?)->(n?,m?) (size %lld is different from %lld)", (long long)got, (long long)want);
    return run_raise_msg(run, "ValueError", m, line, file);
}

/* one product of matrices A and B into c: BLAS where it takes the dtype (after np.dot's copies of operands that are
 * not one segment), else the loops; -1 with MemoryError raised */
static int one_product(Run *run, int dt, bool dot, Mat A, Mat B, char *c, int line, const char *file) {
    size_t sz = kiln_dtype_size((kiln_dtype)dt);
    bool blas = (dt == KILN_FLOAT64 || dt == KILN_FLOAT32 || dt_is_complex(dt)) && rt_blas_available();
    if (!blas) { loops(dt, A, B, c); return 0; }
    char *pa = NULL, *pb = NULL; /* np.dot's copies */
    if (dot && !one_segment(&A, (int64_t)sz) && !(pa = copy_mat(&A, (int64_t)sz, false))) { run_raise(run, RE_NOMEM, line, file); return -1; }
    if (dot && !one_segment(&B, (int64_t)sz) && !(pb = copy_mat(&B, (int64_t)sz, false))) { free(pa); run_raise(run, RE_NOMEM, line, file); return -1; }
    int rc = dot && dot_by_scalar(dt, A, B, c) ? 0 : product(dt, A, B, c, dot);
    free(pa); free(pb);
    if (rc) { run_raise(run, RE_NOMEM, line, file); return -1; }
    return 0;
}

int rt_matmul(Run *run, const RdArr *a, const RdArr *b, int nb, bool dot, Slot *out, int line, const char *file) {
    int dt = a->dtype;
    int64_t M = a->n[nb], K = a->n[nb + 1], N = b->n[nb + 1];
    if (b->n[nb] != K) return core_mismatch(run, b->n[nb], K, line, file);
    int64_t dims[KILN_MAXDIM], nbatch = 1;
    for (int k = 0; k < nb; k++) {
        int64_t x = a->n[k], y = b->n[k];
        if (x != y && x != 1 && y != 1) return run_raise_msg(run, "ValueError", "matmul: the batch dimensions could not be broadcast together", line, file);
        dims[k] = x == 1 ? y : x;
        nbatch *= dims[k];
    }
    dims[nb] = M; dims[nb + 1] = N;
    /* not zeroed: gemm with beta 0 and the loops (a memset first) write every element */
    if (run_alloc(run, dt, nb + 2, dims, false, out, line, file)) return -1;
    char *c = out[0].p;
    size_t sz = kiln_dtype_size((kiln_dtype)dt);
    for (int64_t q = 0; q < nbatch; q++) {
        /* batch position q, C order; an axis of length 1 repeats */
        const char *ap = a->data, *bp = b->data;
        for (int64_t k = nb - 1, r = q; k >= 0; k--) {
            int64_t i = r % dims[k];
            r /= dims[k];
            if (a->n[k] > 1) ap += i * a->s[k];
            if (b->n[k] > 1) bp += i * b->s[k];
        }
        Mat A = {ap, M, K, a->s[nb], a->s[nb + 1]}, B = {bp, K, N, b->s[nb], b->s[nb + 1]};
        char *cq = c + (size_t)(q * M * N) * sz;
        if (!M || !N) continue;
        if (one_product(run, dt, dot, A, B, cq, line, file)) return -1;
    }
    return 0;
}

/* a @ b or np.dot(a, b) of two vectors (1-d, of one dtype): the scalar, into out's slots, as rt_matmul gives it as
 * the one element of a (1, K) @ (K, 1) product — with no array made for it (a dot in a loop: no allocation) */
int rt_vdot(Run *run, const RdArr *a, const RdArr *b, bool dot, Slot *out, int line, const char *file) {
    int dt = a->dtype;
    int64_t K = a->n[0];
    if (b->n[0] != K && !dot) return core_mismatch(run, b->n[0], K, line, file);
    if (b->n[0] != K) {
        char m[200];
        snprintf(m, sizeof m, "shapes (%lld,) and (%lld,) not aligned: %lld (dim 0) != %lld (dim 0)", (long long)K,
                 (long long)b->n[0], (long long)K, (long long)b->n[0]);
        return run_raise_msg(run, "ValueError", m, line, file);
    }
    Mat A = {a->data, 1, K, 0, a->s[0]}, B = {b->data, K, 1, b->s[0], 0};
    _Alignas(16) char c[16] = {0};
    if (one_product(run, dt, dot, A, B, c, line, file)) return -1;
    if (dt == KILN_COMPLEX128) memcpy(out, c, 16); /* two slots: the parts */
    else out[0] = rt_load_elem(c, dt);
    return 0;
}
