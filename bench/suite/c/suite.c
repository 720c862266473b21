/* suite.c — the bench/suite kernels written by hand in C, the reference that
 * bench/suite.sh compares kiln against (gcc -O3 -march=native
 * -ffp-contract=off, so float results match kiln's bit for bit).
 *
 * usage: suite KERNEL RUNS ARGS...   prints "RESULT<TAB>MEDIAN_SECONDS";
 *        RUNS 0: one call, prints the result only (for process timing)
 * Each kernel mirrors its .py file line for line: same generator, same
 * float32/float64 types, same order of operations. */
#define _GNU_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char result[256];

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Python's repr of a float: the shortest string that reads back the same */
static void repr(char *out, double x) {
    for (int p = 1; p <= 17; p++) {
        snprintf(out, 32, "%.*g", p, x);
        if (strtod(out, NULL) == x) break;
    }
    if (!strpbrk(out, ".en")) strcat(out, ".0");
}

static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

/* bench/c/ref.c, linked in: the LLVM-tier issue's Mandelbrot grid */
int64_t ref_mandel_grid(int64_t w, int64_t h, int64_t max_iter);

static void k_grid(char **a) {
    snprintf(result, sizeof result, "%lld", (long long)ref_mandel_grid(atol(a[0]), atol(a[1]), atol(a[2])));
}

static void k_fib(char **a) { snprintf(result, sizeof result, "%ld", fib(atol(a[0]))); }

static double compute(double x) { return x * x + 2 * x + 1; }

/* gcc inlines compute here, as kiln's tier 2 does */
static void k_compute(char **a) {
    long n = atol(a[0]);
    double s = 0.0;
    for (long i = 0; i < n; i++) s += compute(i * 1e-6);
    repr(result, s);
}

static void k_pisum(char **a) {
    (void)a;
    double s = 0.0;
    for (int j = 0; j < 500; j++) {
        s = 0.0;
        for (long k = 1; k < 10001; k++) s += 1.0 / (double)(k * k);
    }
    repr(result, s);
}

static long lcg(long s) { return (s * 1103515245 + 12345) % 2147483648; }

static void quicksort(double *a, long lo, long hi) {
    while (lo < hi) {
        double p = a[(lo + hi) / 2];
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) { double t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
        else { quicksort(a, i, hi); hi = j; }
    }
}

static void k_quicksort(char **a) {
    long n = atol(a[0]), s = 42;
    double *x = malloc(n * sizeof *x);
    for (long i = 0; i < n; i++) { s = lcg(s); x[i] = s / 2147483648.0; }
    quicksort(x, 0, n - 1);
    int ok = 1;
    for (long i = 1; i < n; i++) if (x[i - 1] > x[i]) ok = 0;
    double t = 0.0;
    for (long i = 0; i < n; i++) t += x[i] * (i % 7);
    char r[32];
    repr(r, t);
    snprintf(result, sizeof result, "(%d, %s)", ok, r);
    free(x);
}

static void k_topk(char **a) {
    long n = atol(a[0]), s = 7;
    float *x = malloc(n * sizeof *x), best[10];
    for (long i = 0; i < n; i++) { s = lcg(s); x[i] = (float)(s / 2147483648.0); }
    for (int j = 0; j < 10; j++) best[j] = -1.0f;
    for (long i = 0; i < n; i++) {
        float v = x[i];
        if (v > best[9]) {
            int j = 9;
            while (j > 0 && best[j - 1] < v) { best[j] = best[j - 1]; j--; }
            best[j] = v;
        }
    }
    float t = 0.0f; /* NEP 50: a Python float plus a float32 stays float32 */
    for (int j = 0; j < 10; j++) t += best[j];
    char r0[32], r1[32], r2[32];
    repr(r0, t), repr(r1, best[0]), repr(r2, best[9]);
    snprintf(result, sizeof result, "(%s, %s, %s)", r0, r1, r2);
    free(x);
}

static long fill4(float *x, long count, long s) {
    for (long i = 0; i < count; i++) { s = lcg(s); x[i] = (float)(s / 2147483648.0 - 0.5); }
    return s;
}

static void attention(long B, long H, long N, long D, const float *q, const float *k,
                      const float *v, float *out) {
    float scale = (float)(1.0 / sqrt((double)D));
    float *p = malloc(N * sizeof *p);
    for (long bh = 0; bh < B * H; bh++) {
        const float *Q = q + bh * N * D, *K = k + bh * N * D, *V = v + bh * N * D;
        float *O = out + bh * N * D;
        for (long i = 0; i < N; i++) {
            float m = -INFINITY;
            for (long j = 0; j < N; j++) {
                float s = 0.0f;
                for (long l = 0; l < D; l++) s += Q[i * D + l] * K[j * D + l];
                s = s * scale;
                p[j] = s;
                if (s > m) m = s;
            }
            float z = 0.0f;
            for (long j = 0; j < N; j++) { float e = (float)exp((double)(p[j] - m)); p[j] = e; z += e; }
            for (long l = 0; l < D; l++) {
                float acc = 0.0f;
                for (long j = 0; j < N; j++) acc += p[j] * V[j * D + l];
                O[i * D + l] = acc / z;
            }
        }
    }
    free(p);
}

static void k_attention(char **a) {
    long B = atol(a[0]), H = atol(a[1]), N = atol(a[2]), D = atol(a[3]), c = B * H * N * D;
    float *q = malloc(c * 4), *k = malloc(c * 4), *v = malloc(c * 4), *o = malloc(c * 4);
    fill4(q, c, 1), fill4(k, c, 2), fill4(v, c, 3);
    attention(B, H, N, D, q, k, v, o);
    float t = 0.0f; /* float32, as in the .py (NEP 50) */
    for (long i = 0; i < c; i++) { long r = (i / D) % N, l = i % D; t += o[i] * (float)(1 + (r + l) % 3); }
    repr(result, t);
    free(q), free(k), free(v), free(o);
}

static const struct { const char *name; void (*fn)(char **); int nargs; } kernels[] = {
    {"grid", k_grid, 3}, {"fib", k_fib, 1}, {"compute", k_compute, 1}, {"pisum", k_pisum, 0},
    {"quicksort", k_quicksort, 1}, {"topk", k_topk, 1}, {"attention", k_attention, 4},
};

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: suite KERNEL RUNS ARGS...\n"); return 2; }
    int runs = atoi(argv[2]);
    if (runs < 0 || runs > 1000) { fprintf(stderr, "suite: RUNS must be 0..1000\n"); return 2; }
    for (size_t i = 0; i < sizeof kernels / sizeof *kernels; i++) {
        if (strcmp(argv[1], kernels[i].name)) continue;
        if (argc - 3 != kernels[i].nargs) { fprintf(stderr, "suite: %s takes %d arguments\n", argv[1], kernels[i].nargs); return 2; }
        double t[1000];
        kernels[i].fn(argv + 3); /* warm-up */
        if (runs == 0) { puts(result); return 0; }
        for (int r = 0; r < runs; r++) { double t0 = now(); kernels[i].fn(argv + 3); t[r] = now() - t0; }
        qsort(t, runs, sizeof *t, cmp);
        printf("%s\t%.9g\n", result, t[runs / 2]);
        return 0;
    }
    fprintf(stderr, "suite: no kernel %s\n", argv[1]);
    return 2;
}
