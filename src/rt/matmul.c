/*
 * matmul.c — batched matrix products for @, np.matmul, np.dot and np.einsum.
 *
 * Operands arrive as views of shape (batch..., M, K) and (batch..., K, N)
 * with any strides (a missing M or N is a length-1 axis; batch axes of
 * length 1 broadcast). The result is a new C-contiguous (batch..., M, N).
 * Large float32/float64 products go to BLAS (the OpenBLAS blas.c chooses:
 * NumPy's inside Python, else Debian's; opened with dlopen on first use so
 * that programs which never multiply matrices never pay its start-up;
 * KILN_BLAS=0 turns it off, KILN_BLAS=path picks the library); a matrix BLAS cannot read in place (no unit stride on
 * either axis) is copied first. Small products, integers, and the case
 * without BLAS run a plain loop: each element a sum over k in order.
 * NumPy gives no order for these sums (it is its BLAS's), so float results
 * may differ from NumPy's in the last bits; integer products are exact.
 */
#include "lib.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };
/* cblas_?gemm, every integer an int64_t (blas.c: the same call serves the 32-bit interface) */
typedef void (*Dgemm)(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, double, const double *, int64_t,
                      const double *, int64_t, double, double *, int64_t);
typedef void (*Sgemm)(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, float, const float *, int64_t,
                      const float *, int64_t, float, float *, int64_t);
static Dgemm dgemm;
static Sgemm sgemm;
static pthread_once_t blas_once = PTHREAD_ONCE_INIT;

static void blas_open(void) {
    static const char *const syms[] = {"cblas_dgemm", "cblas_sgemm"};
    void *addr[2];
    bool wide;
    if (!rt_blas_symbols("libcblas.so.3", syms, addr, 2, &wide)) return;
    dgemm = (Dgemm)(uintptr_t)addr[0];
    sgemm = (Sgemm)(uintptr_t)addr[1];
}

bool rt_blas_available(void) {
    pthread_once(&blas_once, blas_open);
    return dgemm != NULL;
}

/* how BLAS reads a rows x cols matrix with strides (rs, cs) in elements: 0 as is (row-major,
 * leading dimension *ld), 1 transposed, -1 not at all */
static int layout(int64_t rows, int64_t cols, int64_t rs, int64_t cs, int64_t *ld) {
    if ((cs == 1 || cols == 1) && rs >= (cols > 1 ? cols : 1) && rs <= INT32_MAX) { *ld = rs; return 0; }
    if ((rs == 1 || rows == 1) && cs >= (rows > 1 ? rows : 1) && cs <= INT32_MAX) { *ld = cs; return 1; }
    return -1;
}

/* a C-contiguous copy of a rows x cols matrix (strides in bytes) */
static char *pack(const char *p, int64_t rows, int64_t cols, int64_t rs, int64_t cs, size_t sz) {
    char *q = malloc((size_t)(rows * cols) * sz + 1);
    if (!q) return NULL;
    for (int64_t i = 0; i < rows; i++)
        for (int64_t j = 0; j < cols; j++) memcpy(q + (size_t)(i * cols + j) * sz, p + i * rs + j * cs, sz);
    return q;
}

typedef struct Mat { const char *p; int64_t rows, cols, rs, cs; } Mat; /* strides in bytes */

static int gemm(int dt, Mat a, Mat b, char *c) {
    size_t sz = dt == KILN_FLOAT64 ? 8 : 4;
    int64_t M = a.rows, K = a.cols, N = b.cols, lda, ldb;
    char *pa = NULL, *pb = NULL;
    int ta = a.rs % (int64_t)sz || a.cs % (int64_t)sz ? -1 : layout(M, K, a.rs / (int64_t)sz, a.cs / (int64_t)sz, &lda);
    int tb = b.rs % (int64_t)sz || b.cs % (int64_t)sz ? -1 : layout(K, N, b.rs / (int64_t)sz, b.cs / (int64_t)sz, &ldb);
    if (ta < 0) { if (!(pa = pack(a.p, M, K, a.rs, a.cs, sz))) return -1; a.p = pa; ta = 0; lda = K; }
    if (tb < 0) { if (!(pb = pack(b.p, K, N, b.rs, b.cs, sz))) { free(pa); return -1; } b.p = pb; tb = 0; ldb = N; }
    if (lda < 1) lda = 1;
    if (ldb < 1) ldb = 1;
    int oa = ta ? TRANS : NO_TRANS, ob = tb ? TRANS : NO_TRANS;
    /* one product at a time, each on OpenBLAS's own threads: products made by a parallel loop's threads
     * queue here instead of each starting OpenBLAS's threads (cores x cores threads). OpenBLAS's thread
     * count is its own (OPENBLAS_NUM_THREADS) and deliberately not kiln's `threads`: its bits depend on it
     * (measured: a 700 x 700 product sums differently with 1 thread than with 2), and kiln's results must
     * not depend on kiln's thread count. Which thread of a parallel loop asks changes nothing. */
    rt_blas_lock(true);
    if (dt == KILN_FLOAT64)
        dgemm(ROW_MAJOR, oa, ob, M, N, K, 1.0, (const double *)a.p, lda, (const double *)b.p, ldb, 0.0, (double *)c,
              N > 0 ? N : 1);
    else
        sgemm(ROW_MAJOR, oa, ob, M, N, K, 1.0f, (const float *)a.p, lda, (const float *)b.p, ldb, 0.0f, (float *)c,
              N > 0 ? N : 1);
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

static int fail(Run *run, int line, const char *file, const char *msg) {
    run_raise(run, RE_RAISE, line, file);
    run->ename = "ValueError";
    snprintf(run->msg, sizeof run->msg, "%s", msg);
    return -1;
}

int rt_matmul(Run *run, const RdArr *a, const RdArr *b, int nb, Slot *out, int line, const char *file) {
    int dt = a->dtype;
    int64_t M = a->n[nb], K = a->n[nb + 1], N = b->n[nb + 1];
    if (b->n[nb] != K) {
        char m[200];
        snprintf(m, sizeof m, "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
                 "(n?,k),(k,m?)->(n?,m?) (size %lld is different from %lld)", (long long)b->n[nb], (long long)K);
        return fail(run, line, file, m);
    }
    int64_t dims[KILN_MAXDIM], nbatch = 1;
    for (int k = 0; k < nb; k++) {
        int64_t x = a->n[k], y = b->n[k];
        if (x != y && x != 1 && y != 1) return fail(run, line, file, "matmul: the batch dimensions could not be broadcast together");
        dims[k] = x == 1 ? y : x;
        nbatch *= dims[k];
    }
    dims[nb] = M; dims[nb + 1] = N;
    /* not zeroed: gemm with beta 0 and the loops (a memset first) write every element */
    if (run_alloc(run, dt, nb + 2, dims, false, out, line, file)) return -1;
    char *c = out[0].p;
    size_t sz = kiln_dtype_size((kiln_dtype)dt);
    bool big = (dt == KILN_FLOAT64 || dt == KILN_FLOAT32) && M * N * K >= LIB_BLAS_MIN && M <= INT32_MAX && N <= INT32_MAX &&
               K <= INT32_MAX && rt_blas_available();
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
        if (big) {
            if (gemm(dt, A, B, cq)) { run_raise(run, RE_NOMEM, line, file); return -1; }
        } else {
            loops(dt, A, B, cq);
        }
    }
    return 0;
}
