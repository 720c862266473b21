/* tier_test.c — tier auto: a specialization moves from the baseline tier to
 * LLVM after its counters run out; OSR inside one long call gives the same
 * result bit for bit; the recompile limit sends further signatures to the
 * interpreter and says so; a context destroyed while its worker compiles
 * shuts down cleanly; and a stress run (threads x calls x kernels x
 * signatures while tier-up happens in the background) always agrees with the
 * interpreter, with the disk cache off and on. Run under ThreadSanitizer by
 * `make test` (build/tsan).
 * Without an LLVM tier (KILN_HAVE_LLVM=0) only the interpreter-side checks run. */
#include "check.h"
#include "../../include/kiln.h"
#include <libgen.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef KILN_HAVE_LLVM
#define KILN_HAVE_LLVM 0
#endif

static const char *SRC =
    "def mix(n, x):\n"
    "    s = x\n"
    "    for i in range(n):\n"
    "        s = s * 0.999 + i % 7\n"
    "        if i % 5 == 0:\n"
    "            s = s - 1\n"
    "    return s\n"
    "def nest(w, h):\n"
    "    t = 0\n"
    "    k = 3\n"
    "    for j in range(h):\n"
    "        r = j * k\n"
    "        for i in range(w):\n"
    "            t += (i ^ r) % 11\n"
    "        t = t - r\n"
    "    return t\n"
    "def fib(n):\n"
    "    if n < 2:\n"
    "        return n\n"
    "    return fib(n - 1) + fib(n - 2)\n"
    "def fill(a, v):\n"
    "    for i in range(a.shape[0]):\n"
    "        a[i] = v * i\n"
    "    return a[a.shape[0] - 1]\n"
    "def ident(x):\n"
    "    return x\n"
    "def two(n, m):\n"
    "    s = 0\n"
    "    for i in range(n):\n"
    "        s += i % 3\n"
    "    t = 0.5\n"
    "    for j in range(m):\n"
    "        t = t * 0.999 + j % 5\n"
    "    return s + t\n";

static kiln_ctx *new_ctx(kiln_tier tier, FILE *log, unsigned bits) {
    kiln_options o;
    kiln_options_init(&o);
    o.tier = tier;
    o.log = bits;
    o.log_file = log;
    o.disk_cache = 0; /* what these tests count is compiles; test/cli_test.sh tests the cache */
    kiln_ctx *ctx = kiln_ctx_new(&o);
    if (ctx) kiln_set_tunable(ctx, "tier2_delay_us", 0); /* these tests count tier-ups; tier_up_waits tests the wait */
    return ctx;
}

static kiln_func *load(kiln_ctx *ctx, const char *name) {
    kiln_error err;
    kiln_module *m = kiln_load_source(ctx, "tier.py", SRC, strlen(SRC), &err);
    return m ? kiln_lookup(m, name) : NULL;
}

static kiln_value call2(kiln_func *f, kiln_value a, kiln_value b) {
    kiln_value args[2] = {a, b}, res;
    kiln_error err;
    if (kiln_call(f, args, 2, &res, &err)) { res.kind = KILN_NONE; printf("call failed: %s\n", err.message); }
    return res;
}

static kiln_value call1(kiln_func *f, kiln_value a) {
    kiln_value res;
    kiln_error err;
    if (kiln_call(f, &a, 1, &res, &err)) { res.kind = KILN_NONE; printf("call failed: %s\n", err.message); }
    return res;
}

static void tunables(void) {
    kiln_ctx *ctx = new_ctx(KILN_TIER_AUTO, NULL, 0);
    int64_t v = 0;
    CHECK(kiln_get_tunable(ctx, "spec_limit", &v) == 0 && v == 8);
    CHECK(kiln_set_tunable(ctx, "tier2_calls", 7) == 0 && kiln_get_tunable(ctx, "tier2_calls", &v) == 0 && v == 7);
    CHECK(kiln_set_tunable(ctx, "no_such_thing", 1) == -1);
    CHECK(kiln_set_tunable(ctx, "tier2_calls", -1) == -1);
    CHECK(kiln_get_tunable(ctx, "no_such_thing", &v) == -1);
    CHECK(kiln_set_tunable(NULL, "tier2_calls", 1) == -1);
    kiln_wait_idle(ctx); /* nothing queued: returns at once */
    kiln_ctx_free(ctx);
}

/* calls only: the second call trips the budget, the third runs tier-2 code;
 * a recursive kernel trips it within its first call and its own recursive
 * calls move to tier 2 */
static void tier_up_by_calls(void) {
    kiln_ctx *ctx = new_ctx(KILN_TIER_AUTO, NULL, 0);
    kiln_set_tunable(ctx, "tier2_background", 0);
    kiln_set_tunable(ctx, "tier2_calls", 2);
    kiln_set_tunable(ctx, "tier2_loops", 0);
    kiln_func *f = load(ctx, "mix"), *g = load(ctx, "fib");
    for (int i = 0; i < 3; i++) CHECK(call2(f, kiln_int(1000), kiln_float(1.0)).kind == KILN_SCALAR);
    CHECK(call1(g, kiln_int(20)).v.i == 6765);
    kiln_stats st, sg;
    kiln_func_stats(g, &sg);
    CHECK(sg.calls_baseline == 1 && (!KILN_HAVE_LLVM || sg.tier_ups == 1));
    kiln_func_stats(f, &st);
    CHECK(st.calls == 3);
    if (KILN_HAVE_LLVM) {
        CHECK(st.calls_baseline == 2 && st.calls_opt == 1 && st.tier_ups == 1 && st.ns_tier2 > 0);
    } else {
        CHECK(st.calls_baseline == 3 && st.tier_ups == 0);
    }
    kiln_ctx_free(ctx);
}

/* tier2_delay_us: counters that trip while the tier-1 code is younger start over (logged once); once it is
 * older, the next trip queues tier 2 */
static void tier_up_waits(void) {
    char logbuf[8192] = "";
    FILE *log = fmemopen(logbuf, sizeof logbuf - 1, "w");
    kiln_ctx *ctx = new_ctx(KILN_TIER_AUTO, log, KILN_LOG_TIERS);
    kiln_set_tunable(ctx, "tier2_delay_us", 300000);
    kiln_set_tunable(ctx, "tier2_background", 0);
    kiln_set_tunable(ctx, "tier2_calls", 2);
    kiln_set_tunable(ctx, "tier2_loops", 0);
    kiln_func *f = load(ctx, "mix");
    for (int i = 0; i < 20; i++) CHECK(call2(f, kiln_int(100), kiln_float(1.0)).kind == KILN_SCALAR);
    kiln_stats st;
    kiln_func_stats(f, &st);
    CHECK(st.tier_ups == 0 && st.calls_baseline == 20); /* twenty calls of microseconds: well inside 0.3 s */
    struct timespec nap = {0, 350000000};
    nanosleep(&nap, NULL);
    int more = 0;
    do { /* the budget started over at most 100 times its size */
        CHECK(call2(f, kiln_int(100), kiln_float(1.0)).kind == KILN_SCALAR);
        kiln_func_stats(f, &st);
    } while (KILN_HAVE_LLVM && st.tier_ups == 0 && ++more < 1000);
    if (KILN_HAVE_LLVM) CHECK(st.tier_ups == 1 && more < 300);
    fflush(log);
    CHECK(strstr(logbuf, "it waits until its tier-1 code is 300000 us old (tier2_delay_us)") != NULL);
    kiln_ctx_free(ctx);
    fclose(log);
}

/* one long call: its loop jumps into tier-2 code; the result is the interpreter's */
static void osr_in_one_call(void) {
    kiln_ctx *ref = new_ctx(KILN_TIER_INTERP, NULL, 0);
    double want = call2(load(ref, "mix"), kiln_int(200000), kiln_float(0.5)).v.f;
    int64_t want_nest = call2(load(ref, "nest"), kiln_int(300), kiln_int(200)).v.i;
    kiln_ctx_free(ref);
    char logbuf[8192] = "";
    FILE *log = fmemopen(logbuf, sizeof logbuf - 1, "w");
    kiln_ctx *ctx = new_ctx(KILN_TIER_AUTO, log, KILN_LOG_OSR);
    kiln_set_tunable(ctx, "tier2_background", 0);
    kiln_set_tunable(ctx, "tier2_calls", 0);
    kiln_set_tunable(ctx, "tier2_loops", 1000);
    kiln_func *f = load(ctx, "mix"), *g = load(ctx, "nest");
    CHECK(call2(f, kiln_int(200000), kiln_float(0.5)).v.f == want);
    CHECK(call2(g, kiln_int(300), kiln_int(200)).v.i == want_nest); /* entered at the inner loop: outer values from the frame */
    kiln_stats st, sg;
    kiln_func_stats(f, &st);
    kiln_func_stats(g, &sg);
    fclose(log);
    if (KILN_HAVE_LLVM) {
        CHECK(st.calls_baseline == 1 && st.osr_entries == 1 && st.osr_compiles == 1);
        CHECK(sg.osr_entries == 1);
        CHECK(strstr(logbuf, "kiln: osr: mix(int, float) jumps into opt code at the loop at line 3") != NULL);
    }
    kiln_ctx_free(ctx);
}

/* one OSR entry serves a function's loops one after another: asked for at the first loop (hot, then over long before
 * LLVM is done), it is entered at the second; one compile. The second loop runs long enough for the compile on
 * this machine, and longer on the next try where it did not (a slow or busy machine) */
static void osr_at_a_later_loop(void) {
    if (!KILN_HAVE_LLVM) return;
    int entered = 0;
    for (int64_t m = 100000000, tries = 0; !entered && tries < 3; m *= 4, tries++) {
        kiln_ctx *ref = new_ctx(KILN_TIER_OPT, NULL, 0);
        double want = call2(load(ref, "two"), kiln_int(2000), kiln_int(m)).v.f;
        kiln_ctx_free(ref);
        char logbuf[8192] = "";
        FILE *log = fmemopen(logbuf, sizeof logbuf - 1, "w");
        kiln_ctx *ctx = new_ctx(KILN_TIER_AUTO, log, KILN_LOG_OSR);
        kiln_set_tunable(ctx, "tier2_calls", 0);
        kiln_set_tunable(ctx, "tier2_loops", 1000);
        kiln_set_tunable(ctx, "osr_poll", 50);
        kiln_func *f = load(ctx, "two");
        CHECK(call2(f, kiln_int(2000), kiln_int(m)).v.f == want);
        kiln_wait_idle(ctx);
        kiln_stats st;
        kiln_func_stats(f, &st);
        fclose(log);
        CHECK(strstr(logbuf, "kiln: osr: two(int, int) loop at line 29 queued for an opt entry") != NULL);
        CHECK(st.osr_compiles == 1 && st.osr_entries <= 1);
        entered = strstr(logbuf, "jumps into opt code at the loop at line 32") != NULL;
        if (entered) CHECK(st.osr_entries == 1 && !strstr(logbuf, "no opt entry"));
        kiln_ctx_free(ctx);
    }
    CHECK(entered);
}

/* past spec_limit further signatures run in the interpreter, said once */
static void recompile_limit(void) {
    char logbuf[8192] = "";
    FILE *log = fmemopen(logbuf, sizeof logbuf - 1, "w");
    kiln_ctx *ctx = new_ctx(KILN_TIER_BASELINE, log, KILN_LOG_RECOMPILES);
    kiln_set_tunable(ctx, "spec_limit", 2);
    kiln_func *f = load(ctx, "ident");
    char buf[64];
    kiln_value r;
    r = call1(f, kiln_int(1)); CHECK(r.v.i == 1);
    r = call1(f, kiln_float(2.5)); CHECK(r.v.f == 2.5);
    r = call1(f, kiln_complex(1, 2)); kiln_value_repr(&r, buf, sizeof buf); CHECK_STR(buf, "(1+2j)");
    r = call1(f, kiln_bool(1)); kiln_value_repr(&r, buf, sizeof buf); CHECK_STR(buf, "True");
    kiln_stats st;
    kiln_func_stats(f, &st);
    fclose(log);
    CHECK(st.specializations == 4 && st.interp_only == 2 && st.calls_interp == 2 && st.calls_baseline == 2);
    CHECK(strstr(logbuf, "kiln: recompiling ident: argument 'x' changed from int to float (specialization 2)") != NULL);
    CHECK(strstr(logbuf, "kiln: ident has been compiled for 2 signatures (spec_limit 2): further signatures run in the interpreter") != NULL);
    const char *p = strstr(logbuf, "spec_limit");
    CHECK(p && !strstr(p + 1, "spec_limit")); /* once */
    kiln_ctx_free(ctx);
}

/* destroy the context while the worker compiles: it finishes or drops its jobs */
static void shutdown_while_compiling(void) {
    for (int k = 0; k < 3; k++) {
        kiln_ctx *ctx = new_ctx(KILN_TIER_AUTO, NULL, 0);
        kiln_set_tunable(ctx, "tier2_calls", 1);
        kiln_set_tunable(ctx, "tier2_loops", 1);
        kiln_func *f = load(ctx, "mix"), *g = load(ctx, "fib");
        CHECK(call2(f, kiln_int(1000), kiln_float(1.0)).kind == KILN_SCALAR);
        CHECK(call1(g, kiln_int(15)).v.i == 610);
        kiln_ctx_free(ctx);
    }
}

/* a full queue drops requests: the kernel stays in tier 1 and stays right */
static void queue_full(void) {
    kiln_ctx *ctx = new_ctx(KILN_TIER_AUTO, NULL, 0);
    kiln_set_tunable(ctx, "tier2_queue", 0);
    kiln_set_tunable(ctx, "tier2_loops", 10);
    kiln_func *f = load(ctx, "fib");
    for (int i = 0; i < 5; i++) CHECK(call1(f, kiln_int(12)).v.i == 144);
    kiln_wait_idle(ctx);
    kiln_stats st;
    kiln_func_stats(f, &st);
    CHECK(st.tier_ups == 0 && st.calls_baseline == 5 && st.calls_opt == 0);
    kiln_ctx_free(ctx);
}

/* ---- stress: threads x calls x kernels x signatures while tiering up ---- */

static kiln_func *sf_mix, *sf_fib, *sf_fill, *sf_nest;
static double want_mix[2];
static int64_t want_fib, want_nest;

static void *stress(void *arg) {
    long id = (long)arg;
    int bad = 0;
    double buf[64];
    for (int i = 0; i < 1500; i++) {
        switch ((i + id) % 4) {
        case 0: {
            kiln_value r = call2(sf_mix, kiln_int(300 + i % 2), kiln_float(0.25));
            if (r.v.f != want_mix[i % 2]) bad++;
            break;
        }
        case 1: if (call1(sf_fib, kiln_int(12)).v.i != want_fib) bad++; break;
        case 2: {
            kiln_array a = {buf, KILN_FLOAT64, 1, {64}, {8}};
            kiln_value args[2] = {kiln_arr(&a), (i & 1) ? kiln_int(3) : kiln_float(3.0)}, r;
            kiln_error err;
            if (kiln_call(sf_fill, args, 2, &r, &err) || r.v.f != 189.0 || buf[10] != 30.0) bad++;
            break;
        }
        default: if (call2(sf_nest, kiln_int(20), kiln_int(20)).v.i != want_nest) bad++;
        }
    }
    return (void *)(long)bad;
}

/* cache_dir: the disk cache on there (the worker stores, a later context starts from it) */
static void stress_test(const char *cache_dir) {
    kiln_ctx *ref = new_ctx(KILN_TIER_INTERP, NULL, 0);
    want_mix[0] = call2(load(ref, "mix"), kiln_int(300), kiln_float(0.25)).v.f;
    want_mix[1] = call2(load(ref, "mix"), kiln_int(301), kiln_float(0.25)).v.f;
    want_fib = call1(load(ref, "fib"), kiln_int(12)).v.i;
    want_nest = call2(load(ref, "nest"), kiln_int(20), kiln_int(20)).v.i;
    kiln_ctx_free(ref);
    kiln_options o;
    kiln_options_init(&o);
    o.disk_cache = cache_dir != NULL;
    o.cache_dir = cache_dir;
    kiln_ctx *ctx = kiln_ctx_new(&o);
    kiln_set_tunable(ctx, "tier2_delay_us", 0);
    kiln_set_tunable(ctx, "tier2_calls", 20);
    kiln_set_tunable(ctx, "tier2_loops", 500);
    kiln_set_tunable(ctx, "osr_poll", 50);
    sf_mix = load(ctx, "mix"); sf_fib = load(ctx, "fib"); sf_fill = load(ctx, "fill"); sf_nest = load(ctx, "nest");
    enum { NT = 6 };
    pthread_t th[NT];
    for (long t = 0; t < NT; t++) pthread_create(&th[t], NULL, stress, (void *)t);
    long bad = 0;
    for (int t = 0; t < NT; t++) { void *r; pthread_join(th[t], &r); bad += (long)r; }
    CHECK(bad == 0);
    kiln_wait_idle(ctx); /* and again, now on tier-2 code */
    for (long t = 0; t < NT; t++) pthread_create(&th[t], NULL, stress, (void *)t);
    for (int t = 0; t < NT; t++) { void *r; pthread_join(th[t], &r); bad += (long)r; }
    CHECK(bad == 0);
    kiln_stats st;
    kiln_func_stats(sf_mix, &st);
    CHECK(st.calls == 2 * NT * 1500 / 4);
    if (KILN_HAVE_LLVM) CHECK(st.tier_ups >= 1 && st.calls_opt > 0);
    kiln_ctx_free(ctx);
}

int main(int argc, char **argv) {
    check_llvm_next_to(argc > 0 ? argv[0] : NULL);
    tunables();
    tier_up_by_calls();
    tier_up_waits();
    osr_in_one_call();
    osr_at_a_later_loop();
    recompile_limit();
    shutdown_while_compiling();
    queue_full();
    stress_test(NULL);
    /* the same with the disk cache: the worker fills it, then a new context starts from it */
    char dir[] = "/tmp/kiln-tier-test-XXXXXX";
    if (mkdtemp(dir)) {
        setenv("KILN_CACHE", "1", 1);
        stress_test(dir);
        stress_test(dir);
        char cmd[64];
        snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
        CHECK(system(cmd) == 0);
    }
    return DONE();
}
