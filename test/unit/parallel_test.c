/* parallel_test.c — prange loops through the C API: the same bits for every thread count and tier
 * (1, 2, 3, 7 and 64 threads: oversubscribed on purpose), the error of the lowest failing iteration,
 * the threads tunable and KILN_LOG=parallel, a pool busy with another thread's loop (that loop runs
 * serially, same answer), two contexts at once, and the pool's threads joined when a context is freed.
 * make test runs it under ThreadSanitizer as well. */
#include "check.h"
#include "../../include/kiln.h"
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char *SRC =
    "import numpy as np\n"
    "def total(a):\n"
    "    s = 0.0\n"
    "    m = -1e300\n"
    "    for i in prange(a.shape[0]):\n"
    "        s += a[i] * a[i] - 0.5 * a[i]\n"
    "        m = max(m, a[i])\n"
    "    return s, m\n"
    "def scale(a, out):\n"
    "    for i in prange(a.shape[0]):\n"
    "        out[i] = 3.0 * a[i] + 1.0\n"
    "    return out[0]\n"
    "def fails(a, idx):\n"
    "    s = 0.0\n"
    "    for i in prange(idx.shape[0]):\n"
    "        s += a[idx[i]]\n"
    "    return s\n";

/* the 10^7 float64 sum (2^18 under ThreadSanitizer, where the interpreter's share would take minutes) */
#if defined(__SANITIZE_THREAD__)
#define TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TSAN 1
#endif
#endif
#ifdef TSAN
enum { N = 1 << 18 };
#else
enum { N = 10000000 };
#endif
static double *A, *OUT;
static int64_t *IDX;
static kiln_array aa = {NULL, KILN_FLOAT64, 1, {N}, {8}};
static kiln_array oa = {NULL, KILN_FLOAT64, 1, {N}, {8}};
static kiln_array ia = {NULL, KILN_INT64, 1, {N}, {8}};

static kiln_ctx *context(kiln_tier tier, kiln_module **m, FILE *log) {
    kiln_options o;
    kiln_options_init(&o);
    o.tier = tier;
    o.disk_cache = 0;
    if (log) { o.log = KILN_LOG_PARALLEL; o.log_file = log; }
    kiln_ctx *ctx = kiln_ctx_new(&o);
    kiln_error err;
    *m = kiln_load_source(ctx, "par.py", SRC, strlen(SRC), &err);
    CHECK(*m != NULL);
    return ctx;
}

/* total(A) as raw bits, both results (zeros on failure) */
static void total_bits(kiln_module *m, uint64_t out[2]) {
    kiln_value args[1] = {kiln_arr(&aa)}, res;
    kiln_error err;
    out[0] = out[1] = 0;
    if (kiln_call(kiln_lookup(m, "total"), args, 1, &res, &err)) { printf("total: %s\n", err.message); return; }
    if (res.kind != KILN_TUPLE || res.n != 2) return; /* no CHECK here: callers run on several threads */
    memcpy(&out[0], &res.v.items[0].v.f, 8);
    memcpy(&out[1], &res.v.items[1].v.f, 8);
    kiln_value_free(&res);
}

static void same_bits_everywhere(void) {
    kiln_module *m;
    uint64_t ref[2], got[2];
    kiln_ctx *c0 = context(KILN_TIER_INTERP, &m, NULL);
    total_bits(m, ref);
    kiln_ctx_free(c0);
    kiln_tier tiers[] = {KILN_TIER_BASELINE, KILN_TIER_OPT, KILN_TIER_AUTO};
    int threads[] = {1, 2, 3, 7, 64};
    for (int t = 0; t < 3; t++) {
        kiln_ctx *ctx = context(tiers[t], &m, NULL);
        for (int k = 0; k < 5; k++) {
            CHECK(kiln_set_tunable(ctx, "threads", threads[k]) == 0);
            for (int rep = 0; rep < 2; rep++) {
                total_bits(m, got);
                CHECK(got[0] == ref[0] && got[1] == ref[1]);
            }
        }
        kiln_ctx_free(ctx);
    }
}

static void lowest_error_and_log(void) {
    char *text = NULL;
    size_t len = 0;
    FILE *log = open_memstream(&text, &len);
    kiln_module *m;
    kiln_ctx *ctx = context(KILN_TIER_OPT, &m, log);
    CHECK(kiln_set_tunable(ctx, "threads", 4) == 0);
    for (int i = 0; i < N; i++) IDX[i] = i % 7;
    IDX[N / 3] = N + 5;  /* the lowest bad index: its error wins */
    IDX[N / 2] = -N - 9;
    IDX[N - 1] = N + 1;
    kiln_value args[2] = {kiln_arr(&aa), kiln_arr(&ia)}, res;
    kiln_error err;
    for (int rep = 0; rep < 3; rep++) {
        CHECK(kiln_call(kiln_lookup(m, "fails"), args, 2, &res, &err) == -1);
        CHECK(err.kind == KILN_ERR_RUNTIME && err.line == 16);
        char want[128];
        snprintf(want, sizeof want, "index %d is out of bounds for axis 0 with size %d", N + 5, N);
        CHECK_STR(err.message, want);
    }
    kiln_value sargs[2] = {kiln_arr(&aa), kiln_arr(&oa)};
    CHECK(kiln_call(kiln_lookup(m, "scale"), sargs, 2, &res, &err) == 0);
    int bad = 0;
    for (int i = 0; i < N; i++) bad += OUT[i] != 3.0 * A[i] + 1.0;
    CHECK(bad == 0);
    fflush(log);
    char want[160];
    snprintf(want, sizeof want, "kiln: parallel loop scale$prange10_5: %d iterations, 4 tasks on 4 threads", N);
    CHECK(strstr(text, want) != NULL);
    snprintf(want, sizeof want, "kiln: parallel loop fails$prange15_5: %d iterations, 1024 chunks, 4 tasks on 4 threads", N);
    CHECK(strstr(text, want) != NULL);
    CHECK(kiln_set_tunable(ctx, "threads", 1) == 0);
    CHECK(kiln_call(kiln_lookup(m, "scale"), sargs, 2, &res, &err) == 0);
    fflush(log);
    CHECK(strstr(text, "serially: one thread") != NULL);
    kiln_ctx_free(ctx);
    fclose(log);
    free(text);
}

/* two threads calling parallel loops of one context (the second finds the pool busy and runs serially),
 * and a second context beside it: every answer the same */
typedef struct Caller { kiln_module *m; uint64_t want[2]; int ok; } Caller;

static void *caller(void *p) {
    Caller *c = p;
    for (int i = 0; i < 20; i++) {
        uint64_t got[2];
        total_bits(c->m, got);
        c->ok += got[0] == c->want[0] && got[1] == c->want[1];
    }
    return NULL;
}

static void concurrent(void) {
    kiln_module *m1, *m2;
    kiln_ctx *c1 = context(KILN_TIER_OPT, &m1, NULL), *c2 = context(KILN_TIER_OPT, &m2, NULL);
    CHECK(kiln_set_tunable(c1, "threads", 2) == 0 && kiln_set_tunable(c2, "threads", 3) == 0);
    uint64_t want[2];
    total_bits(m1, want);
    Caller cs[3] = {{m1, {want[0], want[1]}, 0}, {m1, {want[0], want[1]}, 0}, {m2, {want[0], want[1]}, 0}};
    pthread_t th[3];
    for (int i = 0; i < 3; i++) pthread_create(&th[i], NULL, caller, &cs[i]);
    for (int i = 0; i < 3; i++) pthread_join(th[i], NULL);
    for (int i = 0; i < 3; i++) CHECK(cs[i].ok == 20);
    kiln_ctx_free(c1);
    kiln_ctx_free(c2);
}

int main(int argc, char **argv) {
    (void)argc;
    check_llvm_next_to(argv[0]);
    A = malloc(sizeof(double) * N); OUT = malloc(sizeof(double) * N); IDX = malloc(sizeof(int64_t) * N);
    if (!A || !OUT || !IDX) return 1;
    aa.data = A; oa.data = OUT; ia.data = IDX;
    for (int i = 0; i < N; i++) A[i] = sin(0.001 * i) * 1000.0 + 1e-3 * (i % 13);
    same_bits_everywhere();
    lowest_error_and_log();
    concurrent();
    return DONE();
}
