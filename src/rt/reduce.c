/*
 * reduce.c — reductions over axes (sum prod mean var std min max argmin
 * argmax all any) and scans (cumsum cumprod), in NumPy's order of operations.
 *
 * Float sums must match NumPy bit for bit, so this follows what its
 * iterator and add loop do (checked against NumPy 2.4 in test/run/15_*):
 *   - axes of length 1 drop out, the rest are ordered by |stride| (largest
 *     outermost, ties in C order) and adjacent axes that are contiguous in
 *     input and output alike merge into one;
 *   - the output starts at the identity (0 for sums, so -0.0 sums give 0.0);
 *   - when the innermost axis is reduced, each inner run is added with
 *     NumPy's pairwise summation (blocks of 8 partial sums up to 128
 *     elements, halves at multiples of 8 above); when two or more reduced
 *     axes are innermost, NumPy's buffered iterator copies whole rows into an
 *     8192-element buffer, so rows are grouped the same way before summing;
 *   - when the innermost axis is kept, every element is added in order.
 * Products, min/max (NaN wins, a later equal value replaces: NumPy's ±0
 * answers), all/any and scans go element by element in iteration order;
 * argmin/argmax in C order, the first extreme (or first NaN) winning.
 * var/std compute as NumPy's _var: the mean with kept axes, the squared
 * deviations into a C-contiguous temporary, their sum over n - ddof.
 */
#include "reduce.h"
#include <immintrin.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { BUFSIZE = 8192, PW_BLOCK = 128 };

/* NumPy's pairwise summation of n elements s bytes apart */
#define PAIRWISE(NAME, T)                                                                                  \
    static T NAME(const char *a, int64_t n, int64_t s) {                                                   \
        if (n < 8) {                                                                                       \
            T r = (T)-0.0;                                                                                 \
            for (int64_t i = 0; i < n; i++) r += *(const T *)(a + i * s);                                  \
            return r;                                                                                      \
        }                                                                                                  \
        if (n <= PW_BLOCK) {                                                                               \
            T r[8];                                                                                        \
            for (int j = 0; j < 8; j++) r[j] = *(const T *)(a + j * s);                                    \
            int64_t i;                                                                                     \
            for (i = 8; i < n - (n % 8); i += 8)                                                           \
                for (int j = 0; j < 8; j++) r[j] += *(const T *)(a + (i + j) * s);                        \
            T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));                    \
            for (; i < n; i++) res += *(const T *)(a + i * s);                                             \
            return res;                                                                                    \
        }                                                                                                  \
        int64_t n2 = n / 2;                                                                                \
        n2 -= n2 % 8;                                                                                      \
        return NAME(a, n2, s) + NAME(a + n2 * s, n - n2, s);                                               \
    }
PAIRWISE(pw_f64_any, double)
PAIRWISE(pw_f32_any, float)

/* Loops the compiler should vectorize are built twice, for x86-64's baseline and for AVX2, and a
 * call picks one by the CPU (tested once). Not an ifunc (target_clones): its resolver runs while the
 * dynamic loader relocates, before a sanitizer's runtime is up, and TSan's instrumentation of it
 * crashed there. gcc's -O2 vectorizes only with tree-vectorize asked for; clang's always (and it has
 * no optimize attribute). The lanes are independent sums, so either build adds in the same order. */
#if defined(__clang__)
#define VEC_OPT
#else
#define VEC_OPT __attribute__((optimize("tree-vectorize")))
#endif

/* NAME(): whether this CPU has FEATURE (a literal, as __builtin_cpu_supports wants), decided once; relaxed atomics:
 * every thread computes the same answer */
#define CPU_HAS(NAME, FEATURE)                                                                             \
    static bool NAME(void) {                                                                               \
        static int cached = -1;                                                                            \
        int v = __atomic_load_n(&cached, __ATOMIC_RELAXED);                                                \
        if (v < 0) __atomic_store_n(&cached, v = __builtin_cpu_supports(FEATURE) ? 1 : 0, __ATOMIC_RELAXED); \
        return v;                                                                                          \
    }
CPU_HAS(have_avx2, "avx2")
CPU_HAS(have_avx512, "avx512f")

/* NAME(PARAMS) with BODY compiled as NAME_base and NAME_avx2 */
#define TWICE(RET, NAME, PARAMS, ARGS, BODY)                                                               \
    VEC_OPT static RET NAME##_base PARAMS BODY                                                             \
    __attribute__((target("avx2"))) VEC_OPT static RET NAME##_avx2 PARAMS BODY                             \
    static RET NAME PARAMS { return have_avx2() ? NAME##_avx2 ARGS : NAME##_base ARGS; }

/* the same on contiguous elements, the 8 partial sums two vectors of 4 lanes (GCC's vector
 * extension: an AVX2 register each for doubles, an SSE register for floats and in the baseline
 * build). Each lane adds the same elements in the same order as r[j] above, so the bits are the
 * same. Written with vectors because the array form made gcc keep r[] in memory, storing it 16
 * bytes at a time and loading it 32: a failed store forwarding on every row (a 200-element row
 * sum took 1.5x NumPy's time); one 8-lane vector it spilled too. The halves of a long run are
 * summed by the chosen build again. */
#define PAIRWISE_CONTIG(NAME, T)                                                                           \
    typedef T NAME##_v4 __attribute__((vector_size(4 * sizeof(T))));                                      \
    static T NAME(const T *restrict a, int64_t n);                                                         \
    TWICE(T, NAME, (const T *restrict a, int64_t n), (a, n), {                                             \
        if (n < 8) {                                                                                       \
            T r = (T)-0.0;                                                                                 \
            for (int64_t i = 0; i < n; i++) r += a[i];                                                     \
            return r;                                                                                      \
        }                                                                                                  \
        if (n <= PW_BLOCK) {                                                                               \
            NAME##_v4 lo; NAME##_v4 hi; NAME##_v4 x; NAME##_v4 y;                                          \
            memcpy(&lo, a, sizeof lo);                                                                     \
            memcpy(&hi, a + 4, sizeof hi);                                                                 \
            int64_t i;                                                                                     \
            for (i = 8; i < n - (n % 8); i += 8) {                                                         \
                memcpy(&x, a + i, sizeof x);                                                               \
                memcpy(&y, a + i + 4, sizeof y);                                                           \
                lo += x;                                                                                   \
                hi += y;                                                                                   \
            }                                                                                              \
            T res = ((lo[0] + lo[1]) + (lo[2] + lo[3])) + ((hi[0] + hi[1]) + (hi[2] + hi[3]));            \
            for (; i < n; i++) res += a[i];                                                                \
            return res;                                                                                    \
        }                                                                                                  \
        int64_t n2 = n / 2;                                                                                \
        n2 -= n2 % 8;                                                                                      \
        return NAME(a, n2) + NAME(a + n2, n - n2);                                                         \
    })
PAIRWISE_CONTIG(pw_f64_contig, double)
PAIRWISE_CONTIG(pw_f32_contig, float)

static double pw_f64(const char *a, int64_t n, int64_t s) {
    return s == (int64_t)sizeof(double) ? pw_f64_contig((const double *)a, n) : pw_f64_any(a, n, s);
}
static float pw_f32(const char *a, int64_t n, int64_t s) {
    return s == (int64_t)sizeof(float) ? pw_f32_contig((const float *)a, n) : pw_f32_any(a, n, s);
}

/* the same for complex numbers, as NumPy writes it: n counts real and imaginary parts (two per
 * element) and s is half the element stride, so a + i * s for even i is element i / 2; the 8
 * partial sums are the parts of 4 elements */
#define CPAIRWISE(NAME, T)                                                                                 \
    static void NAME(T *rr, T *ri, const char *a, int64_t n, int64_t s) {                                  \
        if (n < 8) {                                                                                       \
            *rr = (T)-0.0; *ri = (T)-0.0;                                                                  \
            for (int64_t i = 0; i < n; i += 2) {                                                           \
                *rr += *(const T *)(a + i * s);                                                            \
                *ri += *(const T *)(a + i * s + sizeof(T));                                                \
            }                                                                                              \
            return;                                                                                        \
        }                                                                                                  \
        if (n <= PW_BLOCK) {                                                                               \
            T r[8];                                                                                        \
            for (int j = 0; j < 8; j += 2) {                                                               \
                r[j] = *(const T *)(a + j * s);                                                            \
                r[j + 1] = *(const T *)(a + j * s + sizeof(T));                                            \
            }                                                                                              \
            int64_t i;                                                                                     \
            for (i = 8; i < n - (n % 8); i += 8)                                                           \
                for (int j = 0; j < 8; j += 2) {                                                           \
                    r[j] += *(const T *)(a + (i + j) * s);                                                 \
                    r[j + 1] += *(const T *)(a + (i + j) * s + sizeof(T));                                 \
                }                                                                                          \
            *rr = (r[0] + r[2]) + (r[4] + r[6]);                                                           \
            *ri = (r[1] + r[3]) + (r[5] + r[7]);                                                           \
            for (; i < n; i += 2) {                                                                        \
                *rr += *(const T *)(a + i * s);                                                            \
                *ri += *(const T *)(a + i * s + sizeof(T));                                                \
            }                                                                                              \
            return;                                                                                        \
        }                                                                                                  \
        int64_t n2 = n / 2;                                                                                \
        n2 -= n2 % 8;                                                                                      \
        T r1, i1, r2, i2;                                                                                  \
        NAME(&r1, &i1, a, n2, s);                                                                          \
        NAME(&r2, &i2, a + n2 * s, n - n2, s);                                                             \
        *rr = r1 + r2;                                                                                     \
        *ri = i1 + i2;                                                                                     \
    }
CPAIRWISE(pw_c128, double)
CPAIRWISE(pw_c64, float)

static bool summed_pairwise(int dt) { return dt_is_float(dt) || dt_is_complex(dt); }

/* one axis of the iteration: length, input stride, output stride, reduced or kept */
typedef struct Ax { int64_t n, si, so; bool red; } Ax;

typedef struct Job {
    int kind;          /* RK_SUM, RK_PROD, RK_MIN, RK_MAX, RK_ALL, RK_ANY */
    int idt, odt;      /* input dtype, output (accumulator) dtype */
    Ax ax[KILN_MAXDIM];
    int nax;
    char *buf;         /* BUFSIZE+ elements of odt for grouped rows */
    int64_t bufcap;
} Job;

static int64_t iabs(int64_t x) { return x < 0 ? -x : x; }

/* the iteration order: length-1 axes out, larger strides outward, contiguous neighbours merged */
static void plan(Job *J, const RdArr *a, const int64_t *os, unsigned axes) {
    int n = 0;
    for (int k = 0; k < a->ndim; k++) {
        if (a->n[k] == 1) continue;
        Ax x = {a->n[k], a->s[k], os[k], (axes >> k) & 1};
        int j = n++;
        while (j > 0 && iabs(J->ax[j - 1].si) < iabs(x.si)) { J->ax[j] = J->ax[j - 1]; j--; }
        J->ax[j] = x;
    }
    int m = 0;
    for (int k = 0; k < n; k++) {
        Ax x = J->ax[k];
        if (m && J->ax[m - 1].red == x.red && J->ax[m - 1].si == x.si * x.n && J->ax[m - 1].so == x.so * x.n) {
            J->ax[m - 1].n *= x.n;
            J->ax[m - 1].si = x.si;
            J->ax[m - 1].so = x.so;
        } else {
            J->ax[m++] = x;
        }
    }
    J->nax = m;
}

/* one step of a float reduction: NaN wins, and of equal values the later one replaces the
 * accumulator (NumPy's answers for max(-0.0, 0.0) and max(0.0, -0.0)) */
#define FSTEP(kind, c, x)                                                                                  \
    ((kind) == RK_SUM ? (c) + (x) : (kind) == RK_PROD ? (c) * (x)                                          \
     : (kind) == RK_MAX ? (!isnan(c) && (isnan(x) || (x) >= (c)) ? (x) : (c))                              \
                        : (!isnan(c) && (isnan(x) || (x) <= (c)) ? (x) : (c)))

/* NumPy's maximum (minimum) of complex values, accumulator c and element x: c stays if it holds a
 * NaN or is >= (<=) x in NumPy's order (by real parts, a NaN imaginary part leaving only the tie
 * on them to decide, then by imaginary parts); the identity is (-inf, -inf) ((inf, inf)): below
 * (above) every other value, and an element equal to it has the same bits, so keeping it is right */
#define CSTEP(T, kind, c, x)                                                                               \
    do {                                                                                                   \
        T cr = (c)[0], ci = (c)[1], xr = (x)[0], xi = (x)[1];                                              \
        bool nonan = !isnan(ci) && !isnan(xi);                                                             \
        bool keep = isnan(cr) || isnan(ci) ||                                                              \
                    ((kind) == RK_MAX ? (cr > xr && nonan) || (cr == xr && ci >= xi)                       \
                                      : (cr < xr && nonan) || (cr == xr && ci <= xi));                     \
        if (!keep) { (c)[0] = xr; (c)[1] = xi; }                                                           \
    } while (0)

/* one input element as the accumulator's type */
static double in_f(const char *p, int dt) {
    Slot v = rt_load_elem(p, dt);
    if (dt == KILN_FLOAT64) return v.f;
    if (dt == KILN_FLOAT32) return v.f32;
    if (dt == KILN_UINT64) return (double)v.u;
    return (double)v.i;
}

/* out op= the element at p (element by element kinds, and sums along a kept axis) */
static void combine(Job *J, char *o, const char *p) {
    int dt = J->odt;
    if (J->kind == RK_ALL || J->kind == RK_ANY) {
        Slot v = rt_load_elem(p, J->idt);
        bool t = dt_is_complex(J->idt) ? (v.c64[0] != 0 || v.c64[1] != 0) : J->idt == KILN_FLOAT64 ? v.f != 0
               : J->idt == KILN_FLOAT32 ? v.f32 != 0 : v.i != 0;
        if (J->kind == RK_ALL) *(uint8_t *)o &= t; else *(uint8_t *)o |= t;
        return;
    }
    if (dt == KILN_COMPLEX128) { /* sums and products (scans too); the element is of the same type */
        double *c = (double *)o;
        const double *x = (const double *)p;
        if (J->kind == RK_MAX || J->kind == RK_MIN) { CSTEP(double, J->kind, c, x); return; }
        if (J->kind == RK_SUM) { c[0] += x[0]; c[1] += x[1]; return; }
        cplx r = rt_cmul((cplx){c[0], c[1]}, (cplx){x[0], x[1]});
        c[0] = r.re; c[1] = r.im;
        return;
    }
    if (dt == KILN_COMPLEX64) {
        float *c = (float *)o;
        const float *x = (const float *)p;
        if (J->kind == RK_MAX || J->kind == RK_MIN) { CSTEP(float, J->kind, c, x); return; }
        if (J->kind == RK_SUM) { c[0] += x[0]; c[1] += x[1]; return; }
        cplxf r = rt_cmulf((cplxf){c[0], c[1]}, (cplxf){x[0], x[1]});
        c[0] = r.re; c[1] = r.im;
        return;
    }
    if (dt == KILN_FLOAT64) { *(double *)o = FSTEP(J->kind, *(double *)o, in_f(p, J->idt)); return; }
    if (dt == KILN_FLOAT32) { *(float *)o = FSTEP(J->kind, *(float *)o, (float)in_f(p, J->idt)); return; }
    Slot c = rt_load_elem(o, dt), x = rt_load_elem(p, J->idt), r = c;
    bool u = dt_is_unsigned(dt);
    switch (J->kind) {
    case RK_SUM: r.u = c.u + x.u; break; /* wraps, as NumPy's ints do */
    case RK_PROD: r.u = c.u * x.u; break;
    case RK_MAX: if (u ? x.u >= c.u : x.i >= c.i) r = x; break;
    default: if (u ? x.u <= c.u : x.i <= c.i) r = x; break;
    }
    rt_store_elem(o, dt, &r);
}

/* o += the pairwise sum of n elements of o's type dt, s bytes apart (NumPy's add reduce loop) */
static void add_pairwise(char *o, int dt, const char *p, int64_t n, int64_t s) {
    switch (dt) {
    case KILN_FLOAT64: *(double *)o = *(double *)o + pw_f64(p, n, s); return;
    case KILN_FLOAT32: *(float *)o = *(float *)o + pw_f32(p, n, s); return;
    case KILN_COMPLEX128: {
        double r, i;
        pw_c128(&r, &i, p, 2 * n, s / 2);
        ((double *)o)[0] += r; ((double *)o)[1] += i;
        return;
    }
    default: {
        float r, i;
        pw_c64(&r, &i, p, 2 * n, s / 2);
        ((float *)o)[0] += r; ((float *)o)[1] += i;
        return;
    }
    }
}

/* o += x, row into row: a sum along a kept inner axis (each output element's additions stay in
 * order, one per row: NumPy's) */
#define ROW_ADD(NAME, T)                                                                                   \
    TWICE(void, NAME, (T *restrict o, const T *restrict x, int64_t n), (o, x, n), {                        \
        for (int64_t j = 0; j < n; j++) o[j] = o[j] + x[j];                                                \
    })
ROW_ADD(row_add_f64, double)
ROW_ADD(row_add_f32, float)

/* the better of a and r for max or min (NaNs and zeros' signs are extreme_f64's business, below) */
#define EXT_BETTER(kind, a, r) ((kind) == RK_MAX ? ((a) > (r) ? (a) : (r)) : ((a) < (r) ? (a) : (r)))

/* one vector of elements at q into the running extreme m (a lane takes x where x CMP m) and the NaN mask */
#define EXT_STEP(NAME, q, m, CMP)                                                                          \
    {                                                                                                      \
        memcpy(&x, q, sizeof x);                                                                           \
        bad |= x != x;                                                                                     \
        NAME##_m take = x CMP m;                                                                           \
        m = (NAME##_v)(((NAME##_m)x & take) | ((NAME##_m)m & ~take));                                      \
    }

/* the scan with AVX-512 (NumPy's float max/min use it where the CPU has it: with AVX2 kiln took 1.1-1.2x its
 * time on 10^6 float64): vmaxpd/vminpd are EXT_STEP's lane step itself, (x CMP m) ? x : m, keeping m where the
 * two are equal or x is NaN, and one unordered compare finds a NaN in either of two vectors */
#define EXT512(NAME, T, V, SFX)                                                                            \
    __attribute__((target("avx512f"))) static T NAME##_scan512(int kind, const T *restrict p, int64_t n,   \
                                                                bool *nan) {                               \
        enum { L = 64 / sizeof(T) };                                                                       \
        T init = kind == RK_MAX ? (T)-INFINITY : (T)INFINITY;                                              \
        V m0 = _mm512_set1_##SFX(init), m1 = m0, m2 = m0, m3 = m0;                                         \
        unsigned bad = 0;                                                                                  \
        bool any = false;                                                                                  \
        int64_t j = 0;                                                                                     \
        T r = init;                                                                                        \
        /* up to the next 64-byte boundary one by one: a 64-byte load across two cache lines costs two */  \
        for (; j < n && ((uintptr_t)(p + j) & 63); j++) {                                                  \
            any |= p[j] != p[j];                                                                           \
            r = EXT_BETTER(kind, p[j], r);                                                                 \
        }                                                                                                  \
        for (; j + 4 * L <= n; j += 4 * L) {                                                               \
            V x0 = _mm512_loadu_##SFX(p + j), x1 = _mm512_loadu_##SFX(p + j + L);                          \
            V x2 = _mm512_loadu_##SFX(p + j + 2 * L), x3 = _mm512_loadu_##SFX(p + j + 3 * L);              \
            bad |= _mm512_cmp_##SFX##_mask(x0, x1, _CMP_UNORD_Q);                                          \
            bad |= _mm512_cmp_##SFX##_mask(x2, x3, _CMP_UNORD_Q);                                          \
            if (kind == RK_MAX) {                                                                          \
                m0 = _mm512_max_##SFX(x0, m0); m1 = _mm512_max_##SFX(x1, m1);                              \
                m2 = _mm512_max_##SFX(x2, m2); m3 = _mm512_max_##SFX(x3, m3);                              \
            } else {                                                                                       \
                m0 = _mm512_min_##SFX(x0, m0); m1 = _mm512_min_##SFX(x1, m1);                              \
                m2 = _mm512_min_##SFX(x2, m2); m3 = _mm512_min_##SFX(x3, m3);                              \
            }                                                                                              \
        }                                                                                                  \
        /* without a NaN the lanes' order is free: the extreme is one value (a zero's sign is settled after) */ \
        T v = kind == RK_MAX                                                                               \
                  ? _mm512_reduce_max_##SFX(_mm512_max_##SFX(_mm512_max_##SFX(m0, m1), _mm512_max_##SFX(m2, m3))) \
                  : _mm512_reduce_min_##SFX(_mm512_min_##SFX(_mm512_min_##SFX(m0, m1), _mm512_min_##SFX(m2, m3))); \
        r = EXT_BETTER(kind, v, r);                                                                        \
        any |= bad != 0;                                                                                   \
        for (; j < n; j++) {                                                                               \
            any |= p[j] != p[j];                                                                           \
            r = EXT_BETTER(kind, p[j], r);                                                                 \
        }                                                                                                  \
        *nan = any;                                                                                        \
        return r;                                                                                          \
    }
EXT512(extreme_f64, double, __m512d, pd)
EXT512(extreme_f32, float, __m512, ps)

/* max (min) of n contiguous elements after the accumulator c, bit for bit what FSTEP's steps give one by one:
 * the first NaN (c itself if it is one) wins; else the extreme value, and where that is a zero, the last zero
 * element (a later equal value replaces, and 0.0 equals -0.0), or c if no element is a zero; any other extreme
 * has one bit pattern. The steps' chain through c made each element wait on the last compare (1.35 ns an
 * element, 14x NumPy's time): here 16 (float32: 32) independent lanes keep a running extreme and a NaN mask
 * (AVX-512: 32 and 64, NAME_scan512), and only a NaN or a zero extreme looks at the elements again */
#define EXTREME(NAME, T, TI)                                                                               \
    typedef T NAME##_v __attribute__((vector_size(32)));                                                   \
    typedef TI NAME##_m __attribute__((vector_size(32)));                                                  \
    TWICE(T, NAME##_scan, (int kind, const T *restrict p, int64_t n, bool *nan), (kind, p, n, nan), {      \
        enum { L = 32 / sizeof(T) };                                                                       \
        T init = kind == RK_MAX ? (T)-INFINITY : (T)INFINITY;                                              \
        NAME##_v m0 = (NAME##_v){0} + init;                                                                \
        NAME##_v m1 = m0;                                                                                  \
        NAME##_v m2 = m0;                                                                                  \
        NAME##_v m3 = m0;                                                                                  \
        NAME##_v x;                                                                                        \
        NAME##_m bad = {0};                                                                                \
        int64_t j = 0;                                                                                     \
        if (kind == RK_MAX)                                                                                \
            for (; j + 4 * L <= n; j += 4 * L) {                                                           \
                EXT_STEP(NAME, p + j, m0, >) EXT_STEP(NAME, p + j + L, m1, >)                              \
                EXT_STEP(NAME, p + j + 2 * L, m2, >) EXT_STEP(NAME, p + j + 3 * L, m3, >)                  \
            }                                                                                              \
        else                                                                                               \
            for (; j + 4 * L <= n; j += 4 * L) {                                                           \
                EXT_STEP(NAME, p + j, m0, <) EXT_STEP(NAME, p + j + L, m1, <)                              \
                EXT_STEP(NAME, p + j + 2 * L, m2, <) EXT_STEP(NAME, p + j + 3 * L, m3, <)                  \
            }                                                                                              \
        T r = init;                                                                                        \
        bool any = false;                                                                                  \
        for (int l = 0; l < L; l++) {                                                                      \
            any |= bad[l] != 0;                                                                            \
            r = EXT_BETTER(kind, m0[l], r); r = EXT_BETTER(kind, m1[l], r); r = EXT_BETTER(kind, m2[l], r); \
            r = EXT_BETTER(kind, m3[l], r);                                                                \
        }                                                                                                  \
        for (; j < n; j++) {                                                                               \
            any |= p[j] != p[j];                                                                           \
            r = EXT_BETTER(kind, p[j], r);                                                                 \
        }                                                                                                  \
        *nan = any;                                                                                        \
        return r;                                                                                          \
    })                                                                                                     \
    static T NAME(int kind, const T *p, int64_t n, T c) {                                                  \
        bool nan;                                                                                          \
        if (isnan(c)) return c;                                                                            \
        T m = have_avx512() ? NAME##_scan512(kind, p, n, &nan) : NAME##_scan(kind, p, n, &nan);            \
        if (nan)                                                                                           \
            for (int64_t j = 0; j < n; j++)                                                                \
                if (isnan(p[j])) return p[j];                                                              \
        T e = kind == RK_MAX ? (m > c ? m : c) : (m < c ? m : c);                                          \
        if (e != 0) return e;                                                                              \
        for (int64_t j = n - 1; j >= 0; j--)                                                               \
            if (p[j] == 0) return p[j];                                                                    \
        return c;                                                                                          \
    }
EXTREME(extreme_f64, double, int64_t)
EXTREME(extreme_f32, float, int32_t)

/* combine for float T elements of the accumulator's own type: the same operations, typed loops
 * (the innermost axis reduced keeps the accumulator in a register) */
#define TYPED(NAME, T, ROW, EXT)                                                                           \
    static void NAME(int kind, const char *p, char *o, int64_t n, int64_t si, int64_t so) {                \
        if (kind == RK_SUM && si == (int64_t)sizeof(T) && so == (int64_t)sizeof(T)) { /* a row into a row */ \
            ROW((T *)o, (const T *)p, n);                                                                  \
            return;                                                                                        \
        }                                                                                                  \
        if ((kind == RK_MAX || kind == RK_MIN) && so == 0 && si == (int64_t)sizeof(T)) {                   \
            *(T *)o = EXT(kind, (const T *)p, n, *(T *)o);                                                 \
            return;                                                                                        \
        }                                                                                                  \
        if (so == 0) {                                                                                     \
            T c = *(T *)o;                                                                                 \
            for (int64_t j = 0; j < n; j++) c = FSTEP(kind, c, *(const T *)(p + j * si));                  \
            *(T *)o = c;                                                                                   \
            return;                                                                                        \
        }                                                                                                  \
        for (int64_t j = 0; j < n; j++) {                                                                  \
            T *q = (T *)(o + j * so);                                                                      \
            *q = FSTEP(kind, *q, *(const T *)(p + j * si));                                                \
        }                                                                                                  \
    }
TYPED(typed_f64, double, row_add_f64, extreme_f64)
TYPED(typed_f32, float, row_add_f32, extreme_f32)

/* the same for integer elements TI into an int64 accumulator (sums and products wrap, as
 * NumPy's do: computed on the unsigned bits), or into their own type for max and min; one loop
 * per kind, so that the compiler vectorizes the contiguous case */
#define IRUN(TI, TO, STEP)                                                                                 \
    if (so == 0) {                                                                                         \
        TO c = *(TO *)o;                                                                                   \
        for (int64_t j = 0; j < n; j++) { TO x = (TO) * (const TI *)(p + j * si); c = (STEP); }            \
        *(TO *)o = c;                                                                                      \
    } else {                                                                                               \
        for (int64_t j = 0; j < n; j++) {                                                                  \
            TO *q = (TO *)(o + j * so), c = *q, x = (TO) * (const TI *)(p + j * si);                      \
            *q = (STEP);                                                                                   \
        }                                                                                                  \
    }
#define ITYPED(NAME, TI, TO)                                                                               \
    static void NAME(int kind, const char *p, char *o, int64_t n, int64_t si, int64_t so) {                \
        switch (kind) {                                                                                    \
        case RK_SUM: IRUN(TI, TO, (TO)((uint64_t)c + (uint64_t)(int64_t)x)) break;                          \
        case RK_PROD: IRUN(TI, TO, (TO)((uint64_t)c * (uint64_t)(int64_t)x)) break;                         \
        case RK_MAX: IRUN(TI, TO, x >= c ? x : c) break;                                                   \
        default: IRUN(TI, TO, x <= c ? x : c) break;                                                       \
        }                                                                                                  \
    }
ITYPED(typed_i64, int64_t, int64_t)
ITYPED(typed_i32_i64, int32_t, int64_t)
ITYPED(typed_i32, int32_t, int32_t)

/* a count (sum) of bools as int64, and their product (all of them): a bool is its byte's truth, as rt_load_elem
 * reads it (a mask's Trues counted element by element through combine() cost 20 ns each) */
static void typed_b_i64(int kind, const char *p, char *o, int64_t n, int64_t si, int64_t so) {
    if (kind == RK_SUM) IRUN(uint8_t, int64_t, c + (x != 0))
    else IRUN(uint8_t, int64_t, c * (x != 0))
}

typedef void (*TypedFn)(int kind, const char *p, char *o, int64_t n, int64_t si, int64_t so);

/* the typed loop for J's element and accumulator types, or NULL (combine() element by element) */
static TypedFn typed_loop(const Job *J) {
    if (J->kind != RK_SUM && J->kind != RK_PROD && J->kind != RK_MIN && J->kind != RK_MAX) return NULL;
    if (J->idt == J->odt && J->odt == KILN_FLOAT64) return typed_f64;
    if (J->idt == J->odt && J->odt == KILN_FLOAT32) return typed_f32;
    if (J->odt == KILN_INT64 && J->idt == KILN_INT64) return typed_i64;
    if (J->odt == KILN_INT64 && J->idt == KILN_INT32) return typed_i32_i64;
    if (J->odt == KILN_INT32 && J->idt == KILN_INT32) return typed_i32;
    if (J->odt == KILN_INT64 && J->idt == KILN_BOOL && (J->kind == RK_SUM || J->kind == RK_PROD)) return typed_b_i64;
    return NULL;
}

/* the innermost block at input p, output o: one axis, or two reduced axes for grouped sums */
static void inner(Job *J, const char *p, char *o) {
    Ax *L = &J->ax[J->nax - 1];
    bool fsum = J->kind == RK_SUM && summed_pairwise(J->odt);
    TypedFn typed = typed_loop(J);
    if (typed && !(fsum && L->red)) { /* a float sum along its reduced axis is pairwise (below) */
        typed(J->kind, p, o, L->n, L->si, L->so);
        return;
    }
    if (!fsum || !L->red) {
        for (int64_t j = 0; j < L->n; j++) combine(J, o + j * L->so, p + j * L->si);
        return;
    }
    bool same = J->idt == J->odt;
    bool grouped = J->nax >= 2 && J->ax[J->nax - 2].red;
    if (!grouped && same) { add_pairwise(o, J->odt, p, L->n, L->si); return; }
    /* rows copied into the buffer as NumPy's buffered reduction does: as many whole rows as fit */
    Ax *R = grouped ? &J->ax[J->nax - 2] : NULL;
    int64_t rows = R ? R->n : 1, per = L->n >= BUFSIZE ? 1 : BUFSIZE / L->n, sz = kiln_dtype_size((kiln_dtype)J->odt);
    for (int64_t r0 = 0; r0 < rows; r0 += per) {
        int64_t k = rows - r0 < per ? rows - r0 : per, cnt = 0;
        for (int64_t r = r0; r < r0 + k; r++)
            for (int64_t j = 0; j < L->n; j++, cnt++) {
                const char *q = p + (R ? r * R->si : 0) + j * L->si;
                if (dt_is_complex(J->odt)) memcpy(J->buf + cnt * sz, q, (size_t)sz); /* complex sums keep their type */
                else if (J->odt == KILN_FLOAT64) ((double *)J->buf)[cnt] = in_f(q, J->idt);
                else ((float *)J->buf)[cnt] = (float)in_f(q, J->idt);
            }
        add_pairwise(o, J->odt, J->buf, cnt, sz);
    }
}

/* the float sums along the innermost axis L of each row along kept axis K, in one loop: o = o + the row's pairwise
 * sum, as add_pairwise computes it (fewer than 8 elements in order from -0.0, pw_f64/pw_f32 beyond). A call of
 * inner() per row had cost some 20 ns: sum(axis=-1) of a 200 x 200 x 2 array took 0.9 ms */
#define ROWS_SHORT(T, N)                                                                                   \
    case N:                                                                                                \
        for (int64_t i = 0; i < K->n; i++) {                                                               \
            const T *a = (const T *)(p + i * K->si);                                                       \
            T r = (T)-0.0;                                                                                 \
            for (int j = 0; j < N; j++) r += a[j];                                                         \
            T *d = (T *)(o + i * K->so);                                                                   \
            *d = *d + r;                                                                                   \
        }                                                                                                  \
        return;
#define ROWS_SUMMED(NAME, T, PW)                                                                           \
    static void NAME(const Ax *K, const Ax *L, const char *p, char *o) {                                    \
        if (L->si == (int64_t)sizeof(T)) /* short contiguous rows (coordinates, pairs): a loop per length */   \
            switch (L->n) { ROWS_SHORT(T, 2) ROWS_SHORT(T, 3) ROWS_SHORT(T, 4) default: break; }             \
        for (int64_t i = 0; i < K->n; i++) {                                                               \
            const char *q = p + i * K->si;                                                                 \
            T r = (T)-0.0;                                                                                 \
            if (L->n < 8)                                                                                  \
                for (int64_t j = 0; j < L->n; j++) r += *(const T *)(q + j * L->si);                      \
            else                                                                                           \
                r = PW(q, L->n, L->si);                                                                    \
            T *d = (T *)(o + i * K->so);                                                                   \
            *d = *d + r;                                                                                   \
        }                                                                                                  \
    }
ROWS_SUMMED(rows_summed_f64, double, pw_f64)
ROWS_SUMMED(rows_summed_f32, float, pw_f32)

/* every position of the axes outside the inner block, in order */
static void walk(Job *J, int k, int stop, const char *p, char *o) {
    if (k == stop) { inner(J, p, o); return; }
    const Ax *L = &J->ax[J->nax - 1];
    if (k == stop - 1 && stop == J->nax - 1 && J->kind == RK_SUM && L->red && !J->ax[k].red && J->idt == J->odt &&
        (J->odt == KILN_FLOAT64 || J->odt == KILN_FLOAT32)) {
        if (J->odt == KILN_FLOAT64) rows_summed_f64(&J->ax[k], L, p, o);
        else rows_summed_f32(&J->ax[k], L, p, o);
        return;
    }
    Ax *x = &J->ax[k];
    for (int64_t i = 0; i < x->n; i++) walk(J, k + 1, stop, p + i * x->si, o + i * x->so);
}

static void fill_identity(char *o, int64_t n, int dt, int kind) {
    size_t sz = kiln_dtype_size((kiln_dtype)dt);
    if (dt_is_complex(dt)) { /* 0 for sums, 1 + 0j for products, (-inf, -inf) for max, (inf, inf) for min */
        memset(o, 0, (size_t)n * sz);
        double re = kind == RK_PROD ? 1.0 : kind == RK_MAX ? -INFINITY : kind == RK_MIN ? INFINITY : 0.0;
        double im = kind == RK_MAX || kind == RK_MIN ? re : 0.0;
        for (int64_t i = 0; i < n; i++)
            if (dt == KILN_COMPLEX128) { ((double *)(o + i * (int64_t)sz))[0] = re; ((double *)(o + i * (int64_t)sz))[1] = im; }
            else { ((float *)(o + i * (int64_t)sz))[0] = (float)re; ((float *)(o + i * (int64_t)sz))[1] = (float)im; }
        return;
    }
    if (n <= 0) return;
    { /* one element, then copies of it: doubling the filled prefix */
        Slot v = {0};
        bool f = dt_is_float(dt);
        switch (kind) {
        case RK_PROD: case RK_ALL: if (f) v.f = 1.0; else v.i = 1; break;
        case RK_MAX:
            if (f) v.f = -INFINITY;
            else if (dt_is_unsigned(dt) || dt == KILN_BOOL) v.i = 0;
            else v.i = dt == KILN_INT64 ? INT64_MIN : -(INT64_C(1) << (dt_bits(dt) - 1));
            break;
        case RK_MIN:
            if (f) v.f = INFINITY;
            else if (dt_is_unsigned(dt)) v.i = -1;
            else v.i = dt == KILN_BOOL ? 1 : dt == KILN_INT64 ? INT64_MAX : (INT64_C(1) << (dt_bits(dt) - 1)) - 1;
            break;
        default: break;
        }
        if (dt == KILN_FLOAT32) v.f32 = (float)v.f;
        rt_store_elem(o, dt, &v);
    }
    rt_fill_copies(o, n, sz);
}

/* the output's shape: kept axes, or length 1 where reduced with keepdims */
static int out_shape(const RdArr *a, unsigned axes, bool keepdims, int64_t *dims) {
    int n = 0;
    for (int k = 0; k < a->ndim; k++)
        if (!((axes >> k) & 1)) dims[n++] = a->n[k];
        else if (keepdims) dims[n++] = 1;
    return n;
}

static int64_t count_of(const RdArr *a, unsigned axes) {
    int64_t c = 1;
    for (int k = 0; k < a->ndim; k++) if ((axes >> k) & 1) c *= a->n[k];
    return c;
}

/* reduce a into the C-contiguous buffer o (zeroed: set to the identity here) */
static int reduce_into(Run *run, int kind, const RdArr *a, unsigned axes, int odt, char *o, int64_t onum) {
    Job J = {0};
    J.kind = kind; J.idt = a->dtype; J.odt = odt;
    fill_identity(o, onum, odt, kind);
    for (int k = 0; k < a->ndim; k++) if (a->n[k] == 0) return 0;
    /* output strides per input axis: C order over the kept axes, 0 on reduced ones */
    int64_t os[KILN_MAXDIM], s = (int64_t)kiln_dtype_size((kiln_dtype)odt);
    for (int k = a->ndim - 1; k >= 0; k--) {
        if ((axes >> k) & 1) { os[k] = 0; continue; }
        os[k] = s; s *= a->n[k];
    }
    plan(&J, a, os, axes);
    if (J.nax == 0) { combine(&J, o, a->data); return 0; } /* one element */
    Ax *L = &J.ax[J.nax - 1];
    bool grouped = J.nax >= 2 && J.ax[J.nax - 2].red && L->red && kind == RK_SUM && summed_pairwise(odt);
    if (kind == RK_SUM && summed_pairwise(odt) && L->red && (grouped || J.idt != J.odt)) {
        J.bufcap = L->n >= BUFSIZE ? L->n : BUFSIZE;
        J.buf = malloc((size_t)J.bufcap * kiln_dtype_size((kiln_dtype)odt));
        if (!J.buf) { run_raise(run, RE_NOMEM, run->line, run->file); return -1; }
    }
    walk(&J, 0, J.nax - (grouped ? 2 : 1), a->data, o);
    free(J.buf);
    return 0;
}


/* argmin/argmax along axis ax (-1: the C-order flattening) */
static int arg_reduce(Run *run, int kind, const RdArr *a, int ax, int64_t *o, int line, const char *file) {
    int64_t total = 1;
    for (int k = 0; k < a->ndim; k++) total *= a->n[k];
    int64_t len = ax < 0 ? total : a->n[ax];
    if (len == 0) return run_raise_msg(run, "ValueError", kind == RK_ARGMAX ? "attempt to get argmax of an empty sequence"
                                                                 : "attempt to get argmin of an empty sequence", line, file);
    int64_t outer = total / len, idx[KILN_MAXDIM] = {0};
    bool f = dt_is_float(a->dtype), u = dt_is_unsigned(a->dtype), cx = dt_is_complex(a->dtype);
    for (int64_t q = 0; q < outer; q++) {
        /* the C-order position q over the axes other than ax */
        int64_t rem = q;
        for (int k = a->ndim - 1; k >= 0; k--) {
            if (k == ax || ax < 0) { idx[k] = 0; continue; }
            idx[k] = rem % a->n[k]; rem /= a->n[k];
        }
        int64_t best = 0;
        Slot bv = {0};
        double br = 0, bi = 0; /* the best complex value's parts */
        for (int64_t i = 0; i < len; i++) {
            int64_t off = 0, r = i;
            if (ax < 0) {
                for (int k = a->ndim - 1; k >= 0; k--) { off += (r % a->n[k]) * a->s[k]; r /= a->n[k]; }
            } else {
                for (int k = 0; k < a->ndim; k++) off += (k == ax ? i : idx[k]) * a->s[k];
            }
            if (cx) { /* NumPy's complex argmax: plain lexicographic order, the first NaN part wins */
                double xr, xi;
                if (a->dtype == KILN_COMPLEX64) { float z[2]; memcpy(z, a->data + off, sizeof z); xr = z[0]; xi = z[1]; }
                else { double z[2]; memcpy(z, a->data + off, sizeof z); xr = z[0]; xi = z[1]; }
                bool nan = isnan(xr) || isnan(xi);
                if (i == 0 || nan || (kind == RK_ARGMAX ? xr > br || (xr == br && xi > bi) : xr < br || (xr == br && xi < bi))) {
                    best = i; br = xr; bi = xi;
                    if (nan) break;
                }
                continue;
            }
            Slot v = rt_load_elem(a->data + off, a->dtype);
            if (i == 0) { bv = v; if (f && isnan(a->dtype == KILN_FLOAT32 ? v.f32 : v.f)) break; continue; }
            bool better;
            if (f) {
                double x = a->dtype == KILN_FLOAT32 ? v.f32 : v.f, b = a->dtype == KILN_FLOAT32 ? bv.f32 : bv.f;
                better = kind == RK_ARGMAX ? !(x <= b) : !(x >= b); /* NaN compares false: the first NaN wins */
            } else {
                better = kind == RK_ARGMAX ? (u ? v.u > bv.u : v.i > bv.i) : (u ? v.u < bv.u : v.i < bv.i);
            }
            if (better) {
                best = i; bv = v;
                if (f && isnan(a->dtype == KILN_FLOAT32 ? v.f32 : v.f)) break;
            }
        }
        o[q] = best;
    }
    return 0;
}

/* the typed scans: a C-contiguous input seen as (outer, len, inner), or a 1-d one of any stride
 * (outer = inner = 1, si its stride): o[l] = o[l - 1] op x[l] along len, in NumPy's order, the
 * inner axis innermost so that the compiler vectorizes across it; o[0] is x[0] converted */
#define SCAN(NAME, TI, TO)                                                                                 \
    static void NAME(bool sum, const char *p, int64_t si, TO *o, int64_t outer, int64_t len, int64_t inner) { \
        for (int64_t u = 0; u < outer; u++, o += len * inner) {                                            \
            const char *x = p + u * len * inner * si;                                                      \
            if (inner == 1) { /* the running value in a register, not read back from o */                 \
                TO c = (TO) * (const TI *)x;                                                               \
                o[0] = c;                                                                                  \
                if (sum) for (int64_t l = 1; l < len; l++) o[l] = c = c + (TO) * (const TI *)(x + l * si); \
                else for (int64_t l = 1; l < len; l++) o[l] = c = c * (TO) * (const TI *)(x + l * si);     \
                continue;                                                                                  \
            }                                                                                              \
            for (int64_t i = 0; i < inner; i++) o[i] = (TO) * (const TI *)(x + i * si);                   \
            for (int64_t l = 1; l < len; l++) {                                                            \
                TO *y = o + l * inner;                                                                     \
                const char *xl = x + l * inner * si;                                                       \
                if (sum) for (int64_t i = 0; i < inner; i++) y[i] = y[i - inner] + (TO) * (const TI *)(xl + i * si); \
                else for (int64_t i = 0; i < inner; i++) y[i] = y[i - inner] * (TO) * (const TI *)(xl + i * si); \
            }                                                                                              \
        }                                                                                                  \
    }
SCAN(scan_f64, double, double)
SCAN(scan_f32, float, float)
SCAN(scan_i64, int64_t, uint64_t)
SCAN(scan_i32, int32_t, uint64_t)
SCAN(scan_u64, uint64_t, uint64_t)

/* a scan the typed loops do, or false */
static bool scan_typed(int kind, const RdArr *a, int ax, int odt, char *o) {
    int64_t isz = (int64_t)kiln_dtype_size((kiln_dtype)a->dtype), outer = 1, len, inner = 1, si = isz, want = isz;
    bool contig = true;
    for (int k = a->ndim - 1; k >= 0; k--) { /* C-contiguous (an axis of one element has any stride) */
        if (a->n[k] != 1 && a->s[k] != want) contig = false;
        want *= a->n[k];
    }
    if (a->ndim == 1) { len = a->n[0]; si = a->s[0]; }
    else if (!contig) return false;
    else if (ax < 0) { len = 1; for (int k = 0; k < a->ndim; k++) len *= a->n[k]; }
    else {
        len = a->n[ax];
        for (int k = 0; k < ax; k++) outer *= a->n[k];
        for (int k = ax + 1; k < a->ndim; k++) inner *= a->n[k];
    }
    bool sum = kind == RK_CUMSUM;
    if (a->dtype == KILN_FLOAT64 && odt == KILN_FLOAT64) scan_f64(sum, a->data, si, (double *)o, outer, len, inner);
    else if (a->dtype == KILN_FLOAT32 && odt == KILN_FLOAT32) scan_f32(sum, a->data, si, (float *)o, outer, len, inner);
    else if (a->dtype == KILN_INT64 && odt == KILN_INT64) scan_i64(sum, a->data, si, (uint64_t *)o, outer, len, inner);
    else if (a->dtype == KILN_INT32 && odt == KILN_INT64) scan_i32(sum, a->data, si, (uint64_t *)o, outer, len, inner);
    else if (a->dtype == KILN_UINT64 && odt == KILN_UINT64) scan_u64(sum, a->data, si, (uint64_t *)o, outer, len, inner);
    else return false;
    return true;
}

/* cumsum/cumprod along ax (-1: the C-order flattening) into the C-contiguous o. The first
 * element is the input's own, converted (NumPy's accumulate copies it: cumsum keeps a -0.0) */
static void scan(int kind, const RdArr *a, int ax, int odt, char *o) {
    int64_t total = 1;
    for (int k = 0; k < a->ndim; k++) total *= a->n[k];
    int64_t len = ax < 0 ? total : a->n[ax], inner_n = 1;
    if (len == 0 || scan_typed(kind, a, ax, odt, o)) return;
    if (ax >= 0) for (int k = ax + 1; k < a->ndim; k++) inner_n *= a->n[k];
    int64_t sz = (int64_t)kiln_dtype_size((kiln_dtype)odt);
    Job J = {0};
    J.kind = kind == RK_CUMSUM ? RK_SUM : RK_PROD; J.idt = a->dtype; J.odt = odt;
    for (int64_t e = 0; e < total; e++) {
        int64_t off = 0, r = e, pos = ax < 0 ? e : (e / inner_n) % len;
        for (int k = a->ndim - 1; k >= 0; k--) { off += (r % a->n[k]) * a->s[k]; r /= a->n[k]; }
        char *q = o + e * sz;
        if (pos == 0 && odt == a->dtype) { memcpy(q, a->data + off, (size_t)sz); continue; }
        if (pos == 0) { /* converted (ints to a wider int or a float): 1 * x, exact, where 0 + x would lose a -0.0 */
            fill_identity(q, 1, odt, RK_PROD);
            J.kind = RK_PROD;
            combine(&J, q, a->data + off);
            J.kind = kind == RK_CUMSUM ? RK_SUM : RK_PROD;
            continue;
        }
        memcpy(q, q - (ax < 0 ? 1 : inner_n) * sz, (size_t)sz);
        combine(&J, q, a->data + off);
    }
}

/* (re, im) / (d + 0j) by NumPy's complex division, whose Smith-style formula multiplies by the
 * reciprocal and so rounds unlike re / d */
static void cdiv_real(double *re, double *im, double d) {
    if (d == 0) { *re /= d; *im /= d; return; }
    double rat = 0.0 / d, scl = 1.0 / (d + 0.0 * rat), r = (*re + *im * rat) * scl;
    *im = (*im - *re * rat) * scl;
    *re = r;
}

/* o /= by, as NumPy's mean divides: by the count as an int64 (a NumPy scalar, so float32 and
 * complex64 sums are divided in double and rounded back; for float32 that is the same as a
 * float division, for complex64 it is not) */
static void divide(char *o, int64_t n, int dt, int64_t by) {
    for (int64_t i = 0; i < n && dt == KILN_COMPLEX128; i++) cdiv_real((double *)o + 2 * i, (double *)o + 2 * i + 1, (double)by);
    for (int64_t i = 0; i < n && dt == KILN_COMPLEX64; i++) {
        float *z = (float *)o + 2 * i;
        double re = z[0], im = z[1];
        cdiv_real(&re, &im, (double)by);
        z[0] = (float)re; z[1] = (float)im;
    }
    for (int64_t i = 0; i < n && !dt_is_complex(dt); i++) {
        if (dt == KILN_FLOAT64) ((double *)o)[i] = ((double *)o)[i] / (double)by;
        else ((float *)o)[i] = ((float *)o)[i] / (float)by;
    }
}

/* dev = |a - mean|**2 element by element (the temporary t's layout, the mean's strides ms in
 * elements), walking a's index space as an odometer with the last axis as a tight inner loop */
static void squared_deviations(const RdArr *a, const RdArr *t, const char *mean, const int64_t *ms, int mdt, int odt) {
    int nd = a->ndim, last = nd - 1;
    int64_t idx[KILN_MAXDIM] = {0}, off = 0, toff = 0, moff = 0;
    int64_t n = nd ? a->n[last] : 1, si = nd ? a->s[last] : 0, st = nd ? t->s[last] : 0, sm = nd ? ms[last] : 0;
    for (;;) {
        const char *x = a->data + off;
        char *d = t->data + toff;
        if (mdt == KILN_COMPLEX128) {
            const double *m = (const double *)mean + 2 * moff;
            for (int64_t j = 0; j < n; j++) {
                const double *xj = (const double *)(x + j * si), *mj = m + 2 * j * sm;
                double re = xj[0] - mj[0], im = xj[1] - mj[1];
                *(double *)(d + j * st) = re * re + im * im;
            }
        } else if (mdt == KILN_COMPLEX64) {
            const float *m = (const float *)mean + 2 * moff;
            for (int64_t j = 0; j < n; j++) {
                const float *xj = (const float *)(x + j * si), *mj = m + 2 * j * sm;
                float re = xj[0] - mj[0], im = xj[1] - mj[1];
                *(float *)(d + j * st) = re * re + im * im;
            }
        } else if (odt == KILN_FLOAT64 && a->dtype == KILN_FLOAT64) {
            const double *m = (const double *)mean + moff;
            for (int64_t j = 0; j < n; j++) {
                double v = *(const double *)(x + j * si) - m[j * sm];
                *(double *)(d + j * st) = v * v;
            }
        } else if (odt == KILN_FLOAT64) {
            const double *m = (const double *)mean + moff;
            for (int64_t j = 0; j < n; j++) {
                double v = in_f(x + j * si, a->dtype) - m[j * sm];
                *(double *)(d + j * st) = v * v;
            }
        } else {
            const float *m = (const float *)mean + moff;
            for (int64_t j = 0; j < n; j++) {
                float v = (float)in_f(x + j * si, a->dtype) - m[j * sm];
                *(float *)(d + j * st) = v * v;
            }
        }
        int k = last - 1; /* the next position of the outer axes */
        for (; k >= 0; k--) {
            off += a->s[k]; toff += t->s[k]; moff += ms[k];
            if (++idx[k] < a->n[k]) break;
            off -= a->n[k] * a->s[k]; toff -= a->n[k] * t->s[k]; moff -= a->n[k] * ms[k];
            idx[k] = 0;
        }
        if (k < 0) return;
    }
}

/* var/std: NumPy's _var, step by step */
static int variance(Run *run, const RdArr *a, unsigned axes, int odt, int64_t ddof, char *o, int64_t onum, bool sd,
                    int line, const char *file) {
    int64_t cnt = count_of(a, axes), total = 1, mdims[KILN_MAXDIM];
    for (int k = 0; k < a->ndim; k++) total *= a->n[k];
    int md = out_shape(a, axes, true, mdims);
    int64_t mnum = 1;
    for (int k = 0; k < md; k++) mnum *= mdims[k];
    /* complex: the mean and the deviations are complex, their squared magnitudes (re*re + im*im,
     * written over the real parts) real; the second sum reads those real parts in place */
    bool cx = dt_is_complex(a->dtype);
    int mdt = cx ? a->dtype : odt;
    size_t sz = kiln_dtype_size((kiln_dtype)mdt);
    char *mean = calloc((size_t)(mnum ? mnum : 1), sz), *dev = calloc((size_t)(total ? total : 1), sz);
    if (!mean || !dev) { free(mean); free(dev); run_raise(run, RE_NOMEM, line, file); return -1; }
    int rc = reduce_into(run, RK_SUM, a, axes, mdt, mean, mnum);
    if (!rc) {
        divide(mean, mnum, mdt, cnt);
        /* (a - mean)**2 into a temporary laid out in a's memory order (NumPy's order='K' for
         * a new ufunc result), which decides the order of the second sum */
        RdArr t = *a;
        t.data = dev; t.dtype = odt; /* complex: the real parts, at the complex temporary's strides */
        int perm[KILN_MAXDIM];
        for (int k = 0; k < a->ndim; k++) {
            int j = k;
            while (j > 0 && iabs(a->s[perm[j - 1]]) < iabs(a->s[k])) { perm[j] = perm[j - 1]; j--; }
            perm[j] = k;
        }
        int64_t s = (int64_t)sz;
        for (int k = a->ndim - 1; k >= 0; k--) { t.s[perm[k]] = s; s *= a->n[perm[k]]; }
        /* the mean broadcasts along the reduced axes: its stride is 0 there */
        int64_t ms[KILN_MAXDIM], mstride = 1;
        for (int k = a->ndim - 1; k >= 0; k--) {
            ms[k] = (axes >> k) & 1 ? 0 : mstride;
            if (!((axes >> k) & 1)) mstride *= a->n[k];
        }
        if (total > 0) squared_deviations(a, &t, mean, ms, mdt, odt);
        rc = reduce_into(run, RK_SUM, &t, axes, odt, o, onum);
        if (!rc) {
            divide(o, onum, odt, cnt - ddof > 0 ? cnt - ddof : 0);
            if (sd)
                for (int64_t i = 0; i < onum; i++) {
                    if (odt == KILN_FLOAT64) ((double *)o)[i] = sqrt(((double *)o)[i]);
                    else ((float *)o)[i] = sqrtf(((float *)o)[i]);
                }
        }
    }
    free(mean); free(dev);
    return rc;
}

static const char *ufunc_of(int kind) { return kind == RK_MAX ? "maximum" : "minimum"; }

int rt_reduce(Run *run, const RdSpec *q, const RdArr *a, Slot *out, int line, const char *file) {
    int kind = q->kind;
    unsigned axes = q->axes;
    int64_t dims[KILN_MAXDIM];
    bool scan_kind = kind == RK_CUMSUM || kind == RK_CUMPROD;
    int nd;
    if (scan_kind) {
        nd = q->axis < 0 ? 1 : a->ndim;
        int64_t total = 1;
        for (int k = 0; k < a->ndim; k++) total *= a->n[k];
        if (q->axis < 0) dims[0] = total; else memcpy(dims, a->n, sizeof(int64_t) * (size_t)a->ndim);
    } else if (kind == RK_ARGMIN || kind == RK_ARGMAX) {
        nd = out_shape(a, q->axis < 0 ? (1u << a->ndim) - 1 : 1u << q->axis, q->keepdims, dims);
    } else {
        nd = out_shape(a, axes, q->keepdims, dims);
    }
    if ((kind == RK_MIN || kind == RK_MAX) && count_of(a, axes) == 0) {
        int64_t onum = 1;
        for (int k = 0; k < nd; k++) onum *= dims[k];
        if (onum || !nd) {
            char m[120];
            snprintf(m, sizeof m, "zero-size array to reduction operation %s which has no identity", ufunc_of(kind));
            return run_raise_msg(run, "ValueError", m, line, file);
        }
    }
    bool scalar = !q->array_result;
    char local[16] = {0};
    char *o = local;
    int64_t onum = 1;
    if (!scalar) {
        if (run_alloc(run, q->odt, nd, dims, true, out, line, file)) return -1;
        o = out[0].p;
        for (int k = 0; k < nd; k++) onum *= dims[k];
    }
    int rc = 0;
    switch (kind) {
    case RK_ARGMIN: case RK_ARGMAX: rc = arg_reduce(run, kind, a, q->axis, (int64_t *)o, line, file); break;
    case RK_CUMSUM: case RK_CUMPROD: scan(kind, a, q->axis, q->odt, o); break;
    case RK_MEAN:
        rc = reduce_into(run, RK_SUM, a, axes, q->odt, o, onum);
        if (!rc) divide(o, onum, q->odt, count_of(a, axes));
        break;
    case RK_VAR: case RK_STD: rc = variance(run, a, axes, q->odt, q->ddof, o, onum, kind == RK_STD, line, file); break;
    default: rc = reduce_into(run, kind, a, axes, q->odt, o, onum); break;
    }
    if (rc) return -1;
    if (scalar && q->odt == KILN_COMPLEX128) { memcpy(&out[0].f, local, 8); memcpy(&out[1].f, local + 8, 8); }
    else if (scalar) out[0] = rt_load_elem(local, q->odt);
    return 0;
}
