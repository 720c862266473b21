/* static_test.c — compile-time specialization through the C API: static arguments (values in the
 * key, constants in the code), static shapes, the spec_limit fallback, the recompile log, the errors,
 * shape speculation in tier auto (the profile, the guard, dropping a variant whose guard keeps
 * failing, no variant for varying shapes), and threads calling a function with static parameters
 * while it specializes (run under ThreadSanitizer by make test). */
#include "check.h"
#include "../../include/kiln.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char *SRC =
    "import numpy as np\n"
    "def head(x, k):\n"
    "    out = np.empty(k)\n"
    "    for i in range(k):\n"
    "        out[i] = x[i] * 2.0\n"
    "    return out\n"
    "def mode(x, m):\n"
    "    if m == 0:\n"
    "        return x + 1.0\n"
    "    return x * 2.0\n"
    "def mix(t, c, z, f):\n"
    "    if z is None:\n"
    "        return (t[0] * c + t[1] + f).real\n"
    "    return 0.0\n"
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
    "    return c\n"
    "def partial(a, n):\n"
    "    s = 0.0\n"
    "    for i in range(n):\n"
    "        s += a[i]\n"
    "    return s\n"
    "def total(a):\n"
    "    s = 0.0\n"
    "    for i in range(a.shape[0]):\n"
    "        s += a[i]\n"
    "    return s\n";

static double X[64], A[3][64], B[3][64];
static kiln_array xa = {X, KILN_FLOAT64, 1, {64}, {8}};

static kiln_ctx *context(kiln_tier tier, FILE *log, kiln_module **m) {
    kiln_options o;
    kiln_options_init(&o);
    o.tier = tier;
    o.disk_cache = 0;
    if (log) { o.log = KILN_LOG_RECOMPILES | KILN_LOG_TIERS; o.log_file = log; }
    kiln_ctx *ctx = kiln_ctx_new(&o);
    kiln_error err;
    *m = kiln_load_source(ctx, "static.py", SRC, strlen(SRC), &err);
    CHECK(*m != NULL);
    return ctx;
}

static char *slurp_log(FILE *f) {
    static char buf[16384];
    fflush(f);
    rewind(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    return buf;
}

static double head_sum(kiln_func *f, int k, kiln_error *err) {
    kiln_value args[2] = {kiln_arr(&xa), kiln_int(k)}, res;
    if (kiln_call(f, args, 2, &res, err)) return -1;
    double s = 0;
    for (int i = 0; i < res.v.arr->shape[0]; i++) s += ((double *)res.v.arr->data)[i];
    kiln_value_free(&res);
    return s;
}

static void static_values(kiln_tier tier) {
    FILE *log = tmpfile();
    kiln_module *m;
    kiln_ctx *ctx = context(tier, log, &m);
    kiln_set_tunable(ctx, "spec_limit", 3);
    kiln_func *f = kiln_lookup(m, "head");
    CHECK(kiln_func_param_index(f, "k") == 1 && kiln_func_param_index(f, "q") == -1);
    CHECK(kiln_func_set_static(f, 1, 1) == 0);
    kiln_error err;
    /* each k its own specialization while under spec_limit, then one generic one */
    for (int k = 1; k <= 6; k++) {
        double want = 0;
        for (int i = 0; i < k; i++) want += 2 * X[i];
        CHECK(head_sum(f, k, &err) == want);
        CHECK(head_sum(f, k, &err) == want); /* the key found again */
    }
    kiln_stats st;
    kiln_func_stats(f, &st);
    CHECK(st.fixed_specs == 3 && st.specializations == 4);
    const char *text = slurp_log(log);
    CHECK(strstr(text, "kiln: recompiling head: static argument 'k' changed from 1 to 2 (specialization 2)") != NULL);
    CHECK(strstr(text, "further ones run one generic specialization") != NULL);
    /* a branch on a static value folds; every tier computes the same */
    kiln_func *g = kiln_lookup(m, "mode");
    CHECK(kiln_func_set_static(g, -1, 1) == 0);
    kiln_value args[2] = {kiln_float(3.0), kiln_int(0)}, res;
    CHECK(kiln_call(g, args, 2, &res, &err) == 0 && res.v.f == 4.0);
    args[1] = kiln_int(1);
    CHECK(kiln_call(g, args, 2, &res, &err) == 0 && res.v.f == 6.0);
    /* tuples, complex, None, float32: static leaves of every kind */
    kiln_func *h = kiln_lookup(m, "mix");
    CHECK(kiln_func_set_static(h, -1, 1) == 0);
    kiln_value t2[2] = {kiln_int(3), kiln_float(0.5)};
    kiln_value tup = {.kind = KILN_TUPLE, .n = 2, .v.items = t2};
    float f32 = 0.25f;
    kiln_value margs[4] = {tup, kiln_complex(2.0, 1.0), kiln_none(), kiln_scalar(KILN_FLOAT32, &f32)};
    CHECK(kiln_call(h, margs, 4, &res, &err) == 0 && res.v.f == 6.75);
    t2[0] = kiln_int(5);
    CHECK(kiln_call(h, margs, 4, &res, &err) == 0 && res.v.f == 10.75);
    kiln_func_stats(h, &st);
    CHECK(st.fixed_specs == 2);
    /* errors: an array for a parameter made static by index; parameters that do not exist */
    CHECK(kiln_func_set_static(g, 0, 1) == 0);
    kiln_value bad[2] = {kiln_arr(&xa), kiln_int(0)};
    CHECK(kiln_call(g, bad, 2, &res, &err) == -1 && err.kind == KILN_ERR_USAGE);
    CHECK_STR(err.message, "argument 'x' of mode() is static: its value must be a number, a bool, None, a string (of at most 128 bytes, no NUL) or a tuple of them, not an array");
    CHECK(kiln_func_set_static(g, 2, 1) == -1 && kiln_func_set_static(g, -2, 1) == -1 && kiln_func_set_static(NULL, 0, 1) == -1);
    CHECK(kiln_func_set_static_shape(g, 0, 0x100) == -1 && kiln_func_set_static_shape(g, 5, 1) == -1);
    kiln_ctx_free(ctx);
    fclose(log);
}

static kiln_array sq(int n, double *data) { return (kiln_array){data, KILN_FLOAT64, 2, {n, n}, {8 * n, 8}}; }

static double matmul_00(kiln_func *f, int s, int n, kiln_error *err) {
    kiln_array a = sq(n, A[s]), b = sq(n, B[s]);
    kiln_value args[2] = {kiln_arr(&a), kiln_arr(&b)}, res;
    if (kiln_call(f, args, 2, &res, err)) return -1;
    double v = ((double *)res.v.arr->data)[n * n - 1];
    kiln_value_free(&res);
    return v;
}

static double want_00(int s, int n) {
    double v = 0;
    for (int k = 0; k < n; k++) v += A[s][(n - 1) * n + k] * B[s][k * n + n - 1];
    return v;
}

static void static_shapes(kiln_tier tier) {
    kiln_module *m;
    kiln_ctx *ctx = context(tier, NULL, &m);
    kiln_func *f = kiln_lookup(m, "matmul");
    CHECK(kiln_func_set_static_shape(f, -1, KILN_ALL_AXES) == 0);
    kiln_error err;
    for (int r = 0; r < 2; r++)
        for (int s = 0; s < 3; s++) CHECK(matmul_00(f, s, 4 + s, &err) == want_00(s, 4 + s));
    kiln_stats st;
    kiln_func_stats(f, &st);
    CHECK(st.fixed_specs == 3 && st.specializations == 3);
    /* one axis only: the lengths of axis 0 of a; a different length of axis 1 keeps the spec */
    kiln_func *t = kiln_lookup(m, "total");
    CHECK(kiln_func_set_static_shape(t, 0, 1) == 0);
    kiln_array v5 = {X, KILN_FLOAT64, 1, {5}, {8}}, v7 = {X, KILN_FLOAT64, 1, {7}, {8}};
    kiln_value res, a1 = kiln_arr(&v5), a2 = kiln_arr(&v7);
    CHECK(kiln_call(t, &a1, 1, &res, &err) == 0 && res.v.f == X[0] + X[1] + X[2] + X[3] + X[4]);
    CHECK(kiln_call(t, &a2, 1, &res, &err) == 0 && res.v.f == X[0] + X[1] + X[2] + X[3] + X[4] + X[5] + X[6]);
    kiln_func_stats(t, &st);
    CHECK(st.fixed_specs == 2);
    kiln_ctx_free(ctx);
    /* the static_shapes tunable: every function of the context */
    ctx = context(tier, NULL, &m);
    kiln_set_tunable(ctx, "static_shapes", 1);
    t = kiln_lookup(m, "total");
    CHECK(kiln_call(t, &a1, 1, &res, &err) == 0 && kiln_call(t, &a2, 1, &res, &err) == 0);
    kiln_func_stats(t, &st);
    CHECK(st.fixed_specs == 2);
    kiln_ctx_free(ctx);
}

/* tier auto, tier 2 compiled by the calling thread after 150 calls: speculation decides on call 151 */
static kiln_ctx *speculating(FILE *log, kiln_module **m) {
    kiln_ctx *ctx = context(KILN_TIER_AUTO, log, m);
    kiln_set_tunable(ctx, "tier2_background", 0);
    kiln_set_tunable(ctx, "tier2_delay_us", 0);
    kiln_set_tunable(ctx, "tier2_calls", 150);
    kiln_set_tunable(ctx, "tier2_loops", 0);
    return ctx;
}

/* tier auto: one shape on every call gets a variant behind a guard; a guard that keeps failing is
 * dropped for good; varying shapes get none */
static void speculation(void) {
    FILE *log = tmpfile();
    kiln_module *m;
    kiln_ctx *ctx = speculating(log, &m);
    kiln_set_tunable(ctx, "speculate_misses", 20);
    kiln_func *f = kiln_lookup(m, "matmul");
    kiln_error err;
    int bad = 0;
    for (int i = 0; i < 400; i++) bad += matmul_00(f, 0, 8, &err) != want_00(0, 8);
    kiln_stats st;
    kiln_func_stats(f, &st);
    CHECK(bad == 0 && st.speculations == 1 && st.specializations == 2 && st.guard_hits > 200 && st.guard_misses == 0);
    const char *text = slurp_log(log);
    CHECK(strstr(text, "kiln: speculate: matmul profile: a (8, 8), b (8, 8) on 151 of 151 calls: compiling a variant for these shapes") != NULL);
    /* the workload changes shape: the generic code runs them, then the variant goes */
    for (int i = 0; i < 100; i++) bad += matmul_00(f, 1, 6, &err) != want_00(1, 6);
    for (int i = 0; i < 50; i++) bad += matmul_00(f, 0, 8, &err) != want_00(0, 8);
    kiln_func_stats(f, &st);
    CHECK(bad == 0 && st.guard_misses == 20 && st.specializations == 2);
    text = slurp_log(log);
    CHECK(strstr(text, "the variant is dropped, no more speculation") != NULL);
    kiln_ctx_free(ctx);
    fclose(log);
    /* three shapes at random: no variant, one specialization */
    log = tmpfile();
    ctx = speculating(log, &m);
    f = kiln_lookup(m, "matmul");
    unsigned r = 7;
    for (int i = 0; i < 600; i++) {
        r = r * 1103515245u + 12345u;
        int s = (int)((r >> 16) % 3);
        bad += matmul_00(f, s, 5 + s, &err) != want_00(s, 5 + s);
    }
    kiln_func_stats(f, &st);
    CHECK(bad == 0 && st.speculations == 0 && st.specializations == 1);
    CHECK(strstr(slurp_log(log), "no variant, the shapes vary") != NULL);
    kiln_ctx_free(ctx);
    fclose(log);
    /* an int argument always the same is speculated on with the shapes; kiln explain shows the state */
    log = tmpfile();
    ctx = speculating(log, &m);
    f = kiln_lookup(m, "partial");
    kiln_value pa[2] = {kiln_arr(&xa), kiln_int(5)}, res;
    double want5 = X[0] + X[1] + X[2] + X[3] + X[4];
    for (int i = 0; i < 300; i++) { bad += kiln_call(f, pa, 2, &res, &err) != 0 || res.v.f != want5; }
    pa[1] = kiln_int(3);
    bad += kiln_call(f, pa, 2, &res, &err) != 0 || res.v.f != X[0] + X[1] + X[2]; /* the guard turns it away */
    kiln_func_stats(f, &st);
    CHECK(bad == 0 && st.speculations == 1 && st.guard_misses == 1);
    CHECK(strstr(slurp_log(log), "kiln: speculate: partial profile: a (64,), n = 5 on 151 of 151 calls: compiling a variant") != NULL);
    FILE *ex = tmpfile();
    pa[1] = kiln_int(5);
    CHECK(kiln_explain(f, pa, 2, ex, NULL, &err) == 0);
    const char *etext = slurp_log(ex);
    CHECK(strstr(etext, "speculation: a variant for a (64,), n = 5 (profile: 151 of 151 calls); the guard let in") != NULL);
    fclose(ex);
    kiln_ctx_free(ctx);
    fclose(log);
    /* speculate = 0: never */
    ctx = context(KILN_TIER_AUTO, NULL, &m);
    kiln_set_tunable(ctx, "tier2_background", 0);
    kiln_set_tunable(ctx, "tier2_delay_us", 0);
    kiln_set_tunable(ctx, "tier2_calls", 150);
    kiln_set_tunable(ctx, "speculate", 0);
    f = kiln_lookup(m, "matmul");
    for (int i = 0; i < 300; i++) bad += matmul_00(f, 0, 8, &err) != want_00(0, 8);
    kiln_func_stats(f, &st);
    CHECK(bad == 0 && st.speculations == 0 && st.specializations == 1);
    kiln_ctx_free(ctx);
}

static kiln_func *shared;

static void *worker(void *arg) {
    long id = (long)arg;
    kiln_error err;
    long bad = 0;
    for (int i = 0; i < 300; i++) {
        int k = 1 + (int)((i + id) % 12);
        double want = 0;
        for (int j = 0; j < k; j++) want += 2 * X[j];
        bad += head_sum(shared, k, &err) != want;
    }
    return (void *)bad;
}

static void threads(void) {
    kiln_module *m;
    kiln_ctx *ctx = context(KILN_TIER_AUTO, NULL, &m);
    kiln_set_tunable(ctx, "tier2_delay_us", 0);
    kiln_set_tunable(ctx, "tier2_calls", 20);
    shared = kiln_lookup(m, "head");
    kiln_func_set_static(shared, 1, 1);
    pthread_t t[4];
    for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, (void *)i);
    long bad = 0;
    for (int i = 0; i < 4; i++) { void *r; pthread_join(t[i], &r); bad += (long)r; }
    CHECK(bad == 0);
    kiln_wait_idle(ctx);
    kiln_stats st;
    kiln_func_stats(shared, &st);
    CHECK(st.fixed_specs == 8 && st.specializations == 9); /* spec_limit 8 values, then the generic one */
    kiln_ctx_free(ctx);
}

int main(int argc, char **argv) {
    check_llvm_next_to(argc ? argv[0] : NULL);
    for (int i = 0; i < 64; i++) X[i] = i * 0.5 + 1;
    for (int s = 0; s < 3; s++)
        for (int i = 0; i < 64; i++) { A[s][i] = (i * 7 + s) % 11 - 5; B[s][i] = (i * 5 + s) % 13 * 0.25; }
    static_values(KILN_TIER_INTERP);
    static_values(KILN_TIER_BASELINE);
    static_values(KILN_TIER_OPT);
    static_shapes(KILN_TIER_INTERP);
    static_shapes(KILN_TIER_BASELINE);
    static_shapes(KILN_TIER_OPT);
    speculation();
    threads();
    return DONE();
}
