/*
 * speculate.c — issue 23's speculation targets, through the C API (no Python in the loop):
 *   one shape   a loop calling an 8 x 8 float64 matmul 10^6 times with one shape, in tier auto
 *               (speculation on), against the same loop with the shapes made static by hand
 *               (kiln_func_set_static_shape) and with speculation off: auto should be within
 *               10% of static
 *   3 shapes    the loop alternating 8 x 8, 6 x 6 and 7 x 7 at random, speculation on against off:
 *               on should be at most 5% slower, and compile at most 4 specializations
 * Each configuration runs in a fresh context; the first 5,000 calls (compiles, tier-up, the
 * speculation's decision) are not timed. Rounds alternate the configurations; medians are printed.
 *
 * usage: build/bench/speculate [CALLS [ROUNDS]]   (make bench-static builds and runs it)
 */
#include "../include/kiln.h"
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *SRC =
    "import numpy as np\n"
    "def matmul(a, b):\n"
    "    n, m = a.shape\n"
    "    p = b.shape[1]\n"
    "    c = np.zeros((n, p))\n"
    "    for i in range(n):\n"
    "        for j in range(p):\n"
    "            s = 0.0\n"
    "            for k in range(m):\n"
    "                s += a[i, k] * b[k, j]\n"
    "            c[i, j] = s\n"
    "    return c\n";

enum { AUTO, STATIC, OFF };
static const char *names[] = {"auto (speculate)", "static shapes", "speculate off"};

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return (double)t.tv_sec + (double)t.tv_nsec * 1e-9; }

static double A[3][64], B[3][64];

/* ns per call after the warm-up, and the function's specializations */
static double run(int mode, long calls, int nshapes, unsigned long long *specs) {
    kiln_options o;
    kiln_options_init(&o);
    o.disk_cache = 0;
    kiln_ctx *ctx = kiln_ctx_new(&o);
    if (mode == OFF) kiln_set_tunable(ctx, "speculate", 0);
    kiln_error err;
    kiln_module *m = kiln_load_source(ctx, "speculate.py", SRC, strlen(SRC), &err);
    if (!m) { fprintf(stderr, "%s\n", err.message); exit(1); }
    kiln_func *f = kiln_lookup(m, "matmul");
    if (mode == STATIC) kiln_func_set_static_shape(f, -1, KILN_ALL_AXES);
    static const int size[3] = {8, 6, 7};
    kiln_array a[3], b[3];
    for (int s = 0; s < 3; s++) {
        int n = size[s];
        a[s] = (kiln_array){A[s], KILN_FLOAT64, 2, {n, n}, {8 * n, 8}};
        b[s] = (kiln_array){B[s], KILN_FLOAT64, 2, {n, n}, {8 * n, 8}};
    }
    unsigned r = 12345;
    double t0 = 0, sum = 0;
    for (long i = 0; i < calls + 5000; i++) {
        if (i == 5000) { kiln_wait_idle(ctx); t0 = now(); }
        int s = 0;
        if (nshapes > 1) { r = r * 1103515245u + 12345u; s = (int)((r >> 16) % (unsigned)nshapes); }
        kiln_value args[2] = {kiln_arr(&a[s]), kiln_arr(&b[s])}, res;
        if (kiln_call(f, args, 2, &res, &err)) { fprintf(stderr, "%s\n", err.message); exit(1); }
        sum += ((double *)res.v.arr->data)[0];
        kiln_value_free(&res);
    }
    double t = now() - t0;
    kiln_stats st;
    kiln_func_stats(f, &st);
    *specs = st.specializations;
    kiln_ctx_free(ctx);
    if (sum == 1e300) printf("unlikely\n");
    return t / (double)calls * 1e9;
}

static int cmp(const void *x, const void *y) { double a = *(const double *)x, b = *(const double *)y; return a < b ? -1 : a > b; }

static double median(double *v, int n) { qsort(v, (size_t)n, sizeof *v, cmp); return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2; }

int main(int argc, char **argv) {
    if (!getenv("KILN_LLVM_LIB")) { /* the LLVM tier of this build: build/bench/.. */
        static char path[4096], tmp[4096];
        snprintf(tmp, sizeof tmp, "%s", argv[0]);
        snprintf(path, sizeof path, "%s/../libkiln-llvm.so", dirname(tmp));
        setenv("KILN_LLVM_LIB", path, 1);
    }
    long calls = argc > 1 ? atol(argv[1]) : 1000000;
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    if (rounds < 1 || rounds > 64 || calls < 1) { fprintf(stderr, "usage: speculate [CALLS [ROUNDS <= 64]]\n"); return 2; }
    for (int s = 0; s < 3; s++)
        for (int i = 0; i < 64; i++) { A[s][i] = (i * 7 + s) % 11 - 5; B[s][i] = (i * 5 + s) % 13 * 0.25; }
    for (int nshapes = 1; nshapes <= 3; nshapes += 2) {
        double t[3][64];
        unsigned long long specs[3] = {0};
        int modes = nshapes == 1 ? 3 : 2;
        for (int r = 0; r < rounds; r++)
            for (int md = 0; md < 3; md++) {
                int mode = nshapes == 1 ? md : md == 0 ? AUTO : OFF;
                if (md >= modes) continue;
                t[md][r] = run(mode, calls, nshapes, &specs[md]);
            }
        printf("%s, %ld calls, median of %d rounds:\n", nshapes == 1 ? "one shape (8 x 8)" : "3 shapes at random", calls, rounds);
        double base = median(t[0], rounds);
        for (int md = 0; md < modes; md++) {
            int mode = nshapes == 1 ? md : md == 0 ? AUTO : OFF;
            double v = median(t[md], rounds);
            printf("  %-18s %7.1f ns/call  (%.3fx auto)  specializations %llu\n", names[mode], v, v / base, specs[md]);
        }
    }
    return 0;
}
