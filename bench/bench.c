/*
 * bench.c — kiln's benchmark driver (make bench). For each kernel: the first
 * call (cold, compile included) reported apart, then warm calls after warmup
 * as median / p10 / p90 over many runs, next to the same kernel in C
 * (bench/c, gcc -O3 -march=native -ffp-contract=off: no FMA, so the answers
 * are bit for bit those of kiln) timed in the same process on the same
 * input, as a ratio. Every result is checked against its expected answer.
 * Also: dispatch overhead of a trivial kernel through kiln_call.
 */
#include "../include/kiln.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int64_t ref_mandel_grid(int64_t w, int64_t h, int64_t max_iter);
double ref_sum(const double *x, int64_t n);
void ref_saxpy(double a, const double *x, double *y, int64_t n);
void ref_matmul(const double *a, const double *b, double *c, int64_t n);
void ref_expk(const float *a, const float *b, const float *c, float *out, int64_t n);

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

typedef struct { double med, p10, p90, min; } Stats;

static Stats stats(double *t, int n) {
    qsort(t, (size_t)n, sizeof *t, cmp);
    Stats s = {t[n / 2], t[n / 10], t[n * 9 / 10], t[0]};
    return s;
}

static int bad;
static const char *tier_name = "interp";

static kiln_func *load(kiln_ctx *ctx, const char *file, const char *name) {
    kiln_error err;
    kiln_module *m = kiln_load_file(ctx, file, &err);
    if (!m) { char b[1024]; kiln_error_format(&err, b, sizeof b); fprintf(stderr, "%s\n", b); exit(1); }
    kiln_func *f = kiln_lookup(m, name);
    if (!f) { fprintf(stderr, "%s: no %s\n", file, name); exit(1); }
    return f;
}

static void call(kiln_func *f, kiln_value *a, int n, kiln_value *r) {
    kiln_error err;
    if (kiln_call(f, a, n, r, &err)) { char b[1024]; kiln_error_format(&err, b, sizeof b); fprintf(stderr, "%s\n", b); exit(1); }
}

static void report(const char *name, double cold, Stats k, Stats c) {
    printf("%-26s cold %8.2f ms | warm median %9.3f ms (p10 %8.3f, p90 %8.3f) | C -O3 %8.3f ms | ratio %6.2fx\n", name,
           cold * 1e3, k.med * 1e3, k.p10 * 1e3, k.p90 * 1e3, c.med * 1e3, k.med / c.med);
    if (k.p90 > 1.5 * k.p10) printf("  warning: p90/p10 = %.2f, the machine is noisy\n", k.p90 / k.p10);
}


static void bench_mandel(kiln_ctx *ctx, const char *fname, int runs) {
    kiln_func *f = load(ctx, "bench/mandelbrot.py", fname);
    kiln_value a[3] = {kiln_int(1000), kiln_int(1000), kiln_int(100)}, r;
    double t0 = now();
    call(f, a, 3, &r);
    double cold = now() - t0;
    if (r.v.i != 20114724) { printf("mandelbrot %s: wrong answer %lld\n", fname, (long long)r.v.i); bad++; }
    double tk[64], tc[64];
    for (int i = 0; i < runs; i++) {
        t0 = now(); call(f, a, 3, &r); tk[i] = now() - t0;
        t0 = now(); volatile int64_t c = ref_mandel_grid(1000, 1000, 100); tc[i] = now() - t0;
        if (c != 20114724 || r.v.i != 20114724) bad++;
    }
    char name[64];
    snprintf(name, sizeof name, "mandel %s [%s]", fname, tier_name);
    report(name, cold, stats(tk, runs), stats(tc, runs));
}

static void bench_sum_ctx(kiln_ctx *ctx, int runs, const char *label);
static void bench_sum(kiln_ctx *ctx, int runs) { bench_sum_ctx(ctx, runs, NULL); }

static void bench_sum_ctx(kiln_ctx *ctx, int runs, const char *label) {
    kiln_func *f = load(ctx, "bench/sum.py", "total");
    int64_t n = 10000000;
    double *x = malloc(sizeof(double) * (size_t)n);
    uint64_t s = 12345;
    for (int64_t i = 0; i < n; i++) { s = s * 6364136223846793005ull + 1442695040888963407ull; x[i] = (double)(s >> 11) / 9007199254740992.0; }
    kiln_array xa = {x, KILN_FLOAT64, 1, {n}, {8}};
    kiln_value a = kiln_arr(&xa), r;
    double t0 = now();
    call(f, &a, 1, &r);
    double cold = now() - t0, want = ref_sum(x, n);
    double tk[64], tc[64];
    for (int i = 0; i < runs; i++) {
        t0 = now(); call(f, &a, 1, &r); tk[i] = now() - t0;
        t0 = now(); volatile double c = ref_sum(x, n); tc[i] = now() - t0;
        if (c != want || (!label && r.v.f != want)) bad++;
    }
    if (label && (r.v.f - want > 1e-6 * want || want - r.v.f > 1e-6 * want)) bad++; /* reassociated: close, not equal */
    char name[64];
    snprintf(name, sizeof name, "sum 1e7 [%s%s]", tier_name, label ? label : "");
    report(name, cold, stats(tk, runs), stats(tc, runs));
    free(x);
}

static void fill(double *x, int64_t n, uint64_t seed) {
    for (int64_t i = 0; i < n; i++) { seed = seed * 6364136223846793005ull + 1442695040888963407ull; x[i] = (double)(seed >> 11) / 9007199254740992.0; }
}

static void bench_saxpy(kiln_ctx *ctx, int runs) {
    kiln_func *f = load(ctx, "bench/saxpy.py", "saxpy");
    int64_t n = 10000000;
    double *x = malloc(8 * (size_t)n), *y = malloc(8 * (size_t)n), *y2 = malloc(8 * (size_t)n);
    fill(x, n, 1); fill(y, n, 2); memcpy(y2, y, 8 * (size_t)n);
    kiln_array xa = {x, KILN_FLOAT64, 1, {n}, {8}}, ya = {y, KILN_FLOAT64, 1, {n}, {8}};
    kiln_value a[3] = {kiln_float(1.0001), kiln_arr(&xa), kiln_arr(&ya)}, r;
    double t0 = now();
    call(f, a, 3, &r);
    double cold = now() - t0;
    ref_saxpy(1.0001, x, y2, n);
    double tk[64], tc[64];
    for (int i = 0; i < runs; i++) {
        t0 = now(); call(f, a, 3, &r); tk[i] = now() - t0; kiln_value_free(&r);
        t0 = now(); ref_saxpy(1.0001, x, y2, n); tc[i] = now() - t0;
    }
    if (memcmp(y, y2, 8 * (size_t)n) != 0) { printf("saxpy: results differ from C\n"); bad++; }
    char name[64];
    snprintf(name, sizeof name, "saxpy 1e7 [%s]", tier_name);
    report(name, cold, stats(tk, runs), stats(tc, runs));
    free(x); free(y); free(y2);
}

static void bench_matmul(kiln_ctx *ctx, int runs, int64_t n) {
    kiln_func *f = load(ctx, "bench/matmul.py", "matmul");
    size_t bytes = 8 * (size_t)(n * n);
    double *a = malloc(bytes), *b = malloc(bytes), *c = calloc(1, bytes), *c2 = calloc(1, bytes);
    fill(a, n * n, 3); fill(b, n * n, 4);
    kiln_array aa = {a, KILN_FLOAT64, 2, {n, n}, {8 * n, 8}}, ba = {b, KILN_FLOAT64, 2, {n, n}, {8 * n, 8}},
               ca = {c, KILN_FLOAT64, 2, {n, n}, {8 * n, 8}};
    kiln_value v[3] = {kiln_arr(&aa), kiln_arr(&ba), kiln_arr(&ca)}, r;
    double t0 = now();
    call(f, v, 3, &r);
    double cold = now() - t0;
    double tk[64], tc[64];
    for (int i = 0; i < runs; i++) {
        memset(c, 0, bytes); memset(c2, 0, bytes);
        t0 = now(); call(f, v, 3, &r); tk[i] = now() - t0; kiln_value_free(&r);
        t0 = now(); ref_matmul(a, b, c2, n); tc[i] = now() - t0;
    }
    if (memcmp(c, c2, bytes) != 0) { printf("matmul: results differ from C\n"); bad++; }
    char name[64];
    snprintf(name, sizeof name, "matmul %lld [%s]", (long long)n, tier_name);
    report(name, cold, stats(tk, runs), stats(tc, runs));
    free(a); free(b); free(c); free(c2);
}

static void bench_expk(kiln_ctx *ctx, int runs) {
    kiln_func *f = load(ctx, "bench/expk.py", "expk");
    int64_t n = 10000000;
    float *a = malloc(4 * (size_t)n), *b = malloc(4 * (size_t)n), *c = malloc(4 * (size_t)n), *o = malloc(4 * (size_t)n),
          *o2 = malloc(4 * (size_t)n);
    uint64_t s = 7;
    for (int64_t i = 0; i < n; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        a[i] = (float)((s >> 40) % 1000) / 250.0f - 2.0f;
        b[i] = (float)((s >> 20) % 1000) / 100.0f;
        c[i] = (float)((s >> 30) % 10000) / 10.0f;
    }
    kiln_array aa = {a, KILN_FLOAT32, 1, {n}, {4}}, ba = {b, KILN_FLOAT32, 1, {n}, {4}}, ca = {c, KILN_FLOAT32, 1, {n}, {4}},
               oa = {o, KILN_FLOAT32, 1, {n}, {4}};
    kiln_value v[4] = {kiln_arr(&aa), kiln_arr(&ba), kiln_arr(&ca), kiln_arr(&oa)}, r;
    double t0 = now();
    call(f, v, 4, &r);
    double cold = now() - t0;
    kiln_value_free(&r);
    double tk[64], tc[64];
    for (int i = 0; i < runs; i++) {
        t0 = now(); call(f, v, 4, &r); tk[i] = now() - t0; kiln_value_free(&r);
        t0 = now(); ref_expk(a, b, c, o2, n); tc[i] = now() - t0;
    }
    if (memcmp(o, o2, 4 * (size_t)n) != 0) { printf("expk: results differ from C\n"); bad++; }
    char name[64];
    snprintf(name, sizeof name, "exp*b+sqrt f32 1e7 [%s]", tier_name);
    report(name, cold, stats(tk, runs), stats(tc, runs));
    free(a); free(b); free(c); free(o); free(o2);
}

static void bench_dispatch(kiln_ctx *ctx) {
    const char *src = "def ident(x):\n    return x\n";
    kiln_error err;
    kiln_module *m = kiln_load_source(ctx, "ident.py", src, strlen(src), &err);
    kiln_func *f = kiln_lookup(m, "ident");
    kiln_value a = kiln_int(7), r;
    call(f, &a, 1, &r);
    double t[15];
    int n = 1000000;
    for (int k = 0; k < 15; k++) {
        double t0 = now();
        for (int i = 0; i < n; i++) kiln_call(f, &a, 1, &r, &err);
        t[k] = (now() - t0) / n;
    }
    Stats s = stats(t, 15);
    printf("dispatch ident(int) [%s] %.1f ns per call (median of 15 x 1e6 calls; p10 %.1f, p90 %.1f), kernel included\n",
           tier_name, s.med * 1e9, s.p10 * 1e9, s.p90 * 1e9);
}

/* compile time, IR to callable code, in fresh contexts: median of 21 */
static void bench_compile(kiln_tier tier, const char *file, const char *src, const char *fn, const char *fn2, kiln_value *args, int nargs) {
    double t[21], lower[21], init[21] = {0};
    uint64_t nir = 0, bytes = 0;
    for (int k = 0; k < 21; k++) {
        kiln_options o;
        kiln_options_init(&o);
        o.tier = tier;
        kiln_ctx *ctx = kiln_ctx_new(&o);
        kiln_error err;
        if (tier == KILN_TIER_OPT) { /* LLVM's one-time start-up is reported apart */
            const char *w = "def w(x):\n    return x\n";
            kiln_module *wm = kiln_load_source(ctx, "w.py", w, strlen(w), &err);
            kiln_value a = kiln_int(1), r;
            double t0 = now();
            call(kiln_lookup(wm, "w"), &a, 1, &r);
            init[k] = now() - t0;
        }
        kiln_module *m = src ? kiln_load_source(ctx, file, src, strlen(src), &err) : kiln_load_file(ctx, file, &err);
        kiln_value r;
        kiln_func *f = kiln_lookup(m, fn);
        call(f, args, nargs, &r);
        kiln_stats st, st2 = {0};
        kiln_func_stats(f, &st);
        if (fn2) kiln_func_stats(kiln_lookup(m, fn2), &st2);
        t[k] = (double)(st.ns_infer + st.ns_opt + st.ns_codegen) * 1e-9;
        lower[k] = (double)(st.ns_codegen + st2.ns_codegen) * 1e-9;
        nir = st.ir_instructions + st2.ir_instructions;
        bytes = st.native_bytes + st2.native_bytes;
        kiln_ctx_free(ctx);
    }
    Stats a = stats(t, 21), l = stats(lower, 21), in = stats(init, 21);
    if (tier == KILN_TIER_OPT) printf("LLVM load + init + first tiny compile: %.2f ms (median of 21 contexts)\n", in.med * 1e3);
    printf("compile %-14s [%s] first call: %7.1f us total (infer+passes+lowering), lowering %6.1f us; %llu IR ins, %.1f IR ins/us lowered; %llu bytes\n",
           fn2 ? "grid+point" : fn, tier == KILN_TIER_INTERP ? "interp" : tier == KILN_TIER_BASELINE ? "baseline" : "opt", a.med * 1e6, l.med * 1e6,
           (unsigned long long)nir, (double)nir / (l.med * 1e6), (unsigned long long)bytes);
}

int main(int argc, char **argv) {
    int runs = argc > 1 ? atoi(argv[1]) : 11;
    if (runs < 3) runs = 3;
    if (runs > 64) runs = 64;
    printf("kiln %s bench, %d warm runs each\n", KILN_VERSION, runs);
    for (int t = 0; t < 3; t++) {
        kiln_options o;
        kiln_options_init(&o);
        static const kiln_tier tiers[3] = {KILN_TIER_INTERP, KILN_TIER_BASELINE, KILN_TIER_OPT};
        static const char *names[3] = {"interp", "baseline", "opt"};
        o.tier = tiers[t];
        tier_name = names[t];
        if (argc > 2 && strcmp(argv[2], tier_name) != 0) continue;
        kiln_ctx *ctx = kiln_ctx_new(&o);
        bench_mandel(ctx, "grid", runs);
        bench_mandel(ctx, "grid_calls", runs);
        bench_sum(ctx, runs);
        bench_saxpy(ctx, runs);
        bench_matmul(ctx, runs, 256);
        if (t > 0) bench_matmul(ctx, runs < 5 ? runs : 5, 512); /* the interpreter would take minutes */
        bench_expk(ctx, runs);
        bench_dispatch(ctx);
        kiln_ctx_free(ctx);
        if (tiers[t] == KILN_TIER_OPT) {
            o.fastmath = 1;
            ctx = kiln_ctx_new(&o);
            bench_sum_ctx(ctx, runs, ", fastmath");
            kiln_ctx_free(ctx);
        }
    }
    const char *compute = "def compute(x):\n    return x * x + 2 * x + 1\n";
    kiln_value x = kiln_float(1.5);
    kiln_value g[3] = {kiln_int(2), kiln_int(2), kiln_int(1)};
    for (int t = 0; t < 3; t++) {
        static const kiln_tier tiers[3] = {KILN_TIER_INTERP, KILN_TIER_BASELINE, KILN_TIER_OPT};
        kiln_tier tier = tiers[t];
        bench_compile(tier, "compute.py", compute, "compute", NULL, &x, 1);
        bench_compile(tier, "bench/mandelbrot.py", NULL, "grid_calls", "point", g, 3);
    }
    if (bad) printf("%d wrong answers\n", bad);
    return bad ? 1 : 0;
}
