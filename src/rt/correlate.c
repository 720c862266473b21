/*
 * correlate.c — np.correlate and np.convolve of 1-d arrays, as NumPy 2 computes them (its _pyarray_correlate), so
 * that the sums are NumPy's own:
 *
 * both arrays as contiguous copies where they are not (NumPy's PyArray_FromAny with NPY_ARRAY_DEFAULT); convolve
 * checks for empty arrays first ("a cannot be empty"), puts the longer first and correlates with the shorter
 * reversed (a contiguous copy, NumPy's v[::-1] made contiguous); correlate puts the longer first too and reverses its
 * result where it had to swap. The core, with n the kernel's length: the outputs whose window overhangs the left end
 * (mode 'same' n / 2 of them, 'full' n - 1), each NumPy's dotfunc (BLAS's ?dot for floats: rt_dotfunc) of the
 * overlap; the full windows — for float kernels of at most 11 taps NumPy's small_correlate, a sum from 0 in order in
 * the type, else the dotfunc; then the windows overhanging the right end.
 */
#include "lib.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* x's n elements contiguous (reversed where rev): x's own memory where it already is (*own false), else a new buffer */
static const char *contiguous(const RdArr *x, size_t sz, bool rev, bool *own) {
    int64_t n = x->n[0];
    *own = !(x->s[0] == (int64_t)sz || n <= 1) || (rev && n > 1);
    if (!*own) return x->data;
    char *q = malloc((size_t)n * sz + 1);
    if (!q) return NULL;
    for (int64_t i = 0; i < n; i++) memcpy(q + (size_t)i * sz, x->data + (rev ? n - 1 - i : i) * x->s[0], sz);
    return q;
}

/* NumPy's small_correlate: out[i] = sum over j < K of d[i + j] * k[j], from 0 in order, in the type — one loop per
 * kernel length, as NumPy's, so the compiler keeps the taps in registers and works on several outputs at once (each
 * output's sum keeps its order: the same bits) */
#if defined(__clang__)
#define SMALL_OPT
#else
#define SMALL_OPT __attribute__((optimize("tree-vectorize")))
#endif
#define SMALL_CASE(K, T)                                                                                    \
    case K:                                                                                                \
        for (int64_t i = 0; i < nd; i++) {                                                                 \
            T s = 0;                                                                                       \
            _Pragma("GCC unroll 11") for (int j = 0; j < K; j++) s += x[i + j] * w[j];                     \
            out[i] = s;                                                                                    \
        }                                                                                                  \
        break;
#define SMALL(NAME, T)                                                                                     \
    SMALL_OPT static void NAME(const T *restrict x, int64_t nd, const T *restrict w, int64_t nk, T *restrict out) { \
        switch (nk) {                                                                                      \
            SMALL_CASE(1, T) SMALL_CASE(2, T) SMALL_CASE(3, T) SMALL_CASE(4, T) SMALL_CASE(5, T)           \
            SMALL_CASE(6, T) SMALL_CASE(7, T) SMALL_CASE(8, T) SMALL_CASE(9, T) SMALL_CASE(10, T)          \
            SMALL_CASE(11, T)                                                                              \
        }                                                                                                  \
    }
SMALL(small_f64, double)
SMALL(small_f32, float)

static void small(int dt, const char *d, int64_t nd, const char *k, int64_t nk, char *out) {
    if (dt == KILN_FLOAT64) small_f64((const double *)d, nd, (const double *)k, nk, (double *)out);
    else small_f32((const float *)d, nd, (const float *)k, nk, (float *)out);
}

/* _pyarray_correlate of a (n1) with k (n2 <= n1), both contiguous, into a new array */
static int core(Run *run, int dt, int mode, const char *a, int64_t n1, const char *k, int64_t n2, Slot *out, int line,
                const char *file) {
    int64_t sz = (int64_t)kiln_dtype_size((kiln_dtype)dt), n = n2, length = n1, n_left = 0, n_right = 0;
    if (mode == 0) length = n1 - n + 1;
    else if (mode == 1) { n_left = n / 2; n_right = n - n_left - 1; }
    else { n_left = n_right = n - 1; length = n1 + n - 1; }
    if (run_alloc(run, dt, 1, &length, false, out, line, file)) return -1;
    char *op = out[0].p;
    const char *ip1 = a, *ip2 = k + n_left * sz;
    n -= n_left;
    for (int64_t i = 0; i < n_left; i++, n++, ip2 -= sz, op += sz) rt_dotfunc(dt, ip1, sz, ip2, sz, n, op);
    int64_t full = n1 - n2 + 1;
    if ((dt == KILN_FLOAT64 || dt == KILN_FLOAT32) && n <= 11) {
        small(dt, ip1, full, ip2, n, op);
        ip1 += full * sz;
        op += full * sz;
    } else {
        for (int64_t i = 0; i < full; i++, ip1 += sz, op += sz) rt_dotfunc(dt, ip1, sz, ip2, sz, n, op);
    }
    for (int64_t i = 0; i < n_right; i++, ip1 += sz, op += sz) rt_dotfunc(dt, ip1, sz, ip2, sz, --n, op);
    return 0;
}

int rt_correlate(Run *run, int how, const RdArr *a, const RdArr *v, Slot *out, int line, const char *file) {
    bool conv = how & CORR_CONVOLVE;
    int mode = how & 3, dt = a->dtype;
    size_t sz = kiln_dtype_size((kiln_dtype)dt);
    if (!a->n[0]) return run_raise_msg(run, "ValueError", conv ? "a cannot be empty" : "first array argument cannot be empty", line, file);
    if (!v->n[0]) return run_raise_msg(run, "ValueError", conv ? "v cannot be empty" : "second array argument cannot be empty", line, file);
    if (conv && v->n[0] > a->n[0]) { const RdArr *t = a; a = v; v = t; }
    bool inverted = a->n[0] < v->n[0]; /* correlate's: the longer goes first, the result is reversed after */
    if (inverted) { const RdArr *t = a; a = v; v = t; }
    bool own_x, own_k;
    const char *x = contiguous(a, sz, false, &own_x), *k = contiguous(v, sz, conv, &own_k);
    int rc = x && k ? core(run, dt, mode, x, a->n[0], k, v->n[0], out, line, file) : run_nomem(run, "for np.convolve", line, file);
    if (!rc && inverted) {
        char *p = out[0].p, tmp[16];
        for (int64_t i = 0, j = out[1].i - 1; i < j; i++, j--) {
            memcpy(tmp, p + i * (int64_t)sz, sz);
            memcpy(p + i * (int64_t)sz, p + j * (int64_t)sz, sz);
            memcpy(p + j * (int64_t)sz, tmp, sz);
        }
    }
    if (own_x) free((void *)x);
    if (own_k) free((void *)k);
    return rc;
}
