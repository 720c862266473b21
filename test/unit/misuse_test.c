/*
 * misuse_test.c — every public entry point given what a careless caller gives
 * it (NULL pointers, negative counts and shapes, tuples with NULL items,
 * out-of-range indices, a thread with a small stack): a clear error return,
 * never a crash, never '(null)' in a message. Also the interrupt call
 * (kiln_interrupt): a long kernel (a loop, a recursion) stops with KeyboardInterrupt on every tier
 * and the function stays callable.
 */
#include "../../include/kiln.h"
#include "check.h"
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *SRC =
    "def add(a, b):\n    return a + b\n"
    "def total(a):\n    s = 0.0\n    for i in range(a.shape[0]):\n        s += a[i]\n    return s\n"
    "def first(t):\n    return t[0]\n"
    "def zero_first(a):\n    a[0] = 0.0\n    return 0\n"
    /* not a tail call with one accumulating operation: tier 2 cannot make it a loop, which would use no stack */
    "def rec(n):\n    if n == 0:\n        return 0\n    return rec(n - 1) * 3 % 1000003 + 1\n"
    "def spin(n):\n    s = 0\n    i = 0\n    while i < n:\n        s = (s + i) % 1000003\n        i += 1\n    return s\n"
    "def spin2(n):\n    s = 0\n    i = 0\n    while i < n:\n        for j in range(100):\n            s = (s + i + j) % 1000003\n        i += 1\n    return s\n"
    /* a loop whose inner loop runs on every fourth trip: tier 2 checks on the way into it */
    "def spin3(n):\n    s = 0\n    i = 0\n    while i < n:\n        if i % 4 == 0:\n            j = 0\n"
    "            while j < 50:\n                s = (s + i + j) % 1000003\n                j += 1\n"
    "        else:\n            s = (s + 1) % 1000003\n        i += 1\n    return s\n"
    "def fibr(n):\n    if n < 2:\n        return n\n    return fibr(n - 1) + fibr(n - 2)\n";

static kiln_tier tiers[] = {KILN_TIER_INTERP, KILN_TIER_BASELINE, KILN_TIER_OPT};

static kiln_func *load(kiln_ctx *ctx, const char *name) {
    kiln_error err;
    kiln_module *m = kiln_load_source(ctx, "m.py", SRC, strlen(SRC), &err);
    return m ? kiln_lookup(m, name) : NULL;
}

static bool says(const kiln_error *e, const char *what) { return strstr(e->message, what) && !strstr(e->message, "(null)"); }

static void null_and_negative(void) {
    kiln_error err;
    memset(&err, 0, sizeof err);
    CHECK(kiln_load_file(NULL, "x.py", &err) == NULL && says(&err, "context"));
    kiln_ctx *ctx = kiln_ctx_new(NULL);
    CHECK(kiln_load_file(ctx, NULL, &err) == NULL && says(&err, "path"));
    CHECK(kiln_load_source(ctx, "m.py", NULL, 3, &err) == NULL && says(&err, "source"));
    CHECK(kiln_load_source(NULL, "m.py", "x", 1, &err) == NULL);
    CHECK(kiln_load_file(ctx, "x.py", NULL) == NULL); /* no error struct: still no crash */
    CHECK(kiln_lookup(NULL, "add") == NULL);
    CHECK(kiln_func_nparams(NULL) == -1);
    CHECK(kiln_func_name(NULL) == NULL);
    kiln_func *add = load(ctx, "add"), *total = load(ctx, "total"), *first = load(ctx, "first");
    CHECK(add && total && first);
    CHECK(kiln_lookup(kiln_load_source(ctx, "m.py", SRC, strlen(SRC), &err), NULL) == NULL);
    CHECK(kiln_func_param(add, -1) == NULL && kiln_func_param(add, 2) == NULL && kiln_func_param(NULL, 0) == NULL);
    kiln_value out;
    CHECK(kiln_func_default(add, 5, &out) != 0 && kiln_func_default(NULL, 0, &out) != 0 && kiln_func_default(add, 0, NULL) != 0);
    kiln_value args[2] = {kiln_int(1), kiln_int(2)}, res;
    CHECK(kiln_call(add, args, -1, &res, &err) != 0 && says(&err, "negative"));
    CHECK(kiln_call(NULL, args, 2, &res, &err) != 0 && says(&err, "function"));
    CHECK(kiln_call(add, NULL, 2, &res, &err) != 0 && says(&err, "arguments"));
    CHECK(kiln_call(add, args, 2, NULL, &err) != 0 && says(&err, "result"));
    CHECK(kiln_call(add, args, 2, &res, NULL) == 0 && res.v.i == 3);
    CHECK(kiln_compile(add, args, -3, &err) != 0 && says(&err, "negative"));
    /* tuples: a NULL item list or a negative count */
    kiln_value t = {.kind = KILN_TUPLE};
    t.v.items = NULL; t.n = 2;
    CHECK(kiln_call(first, &t, 1, &res, &err) != 0 && says(&err, "tuple"));
    kiln_value items[2] = {kiln_int(4), kiln_int(5)};
    t.v.items = items; t.n = -1;
    CHECK(kiln_call(first, &t, 1, &res, &err) != 0 && says(&err, "tuple"));
    t.n = 2;
    CHECK(kiln_call(first, &t, 1, &res, &err) == 0 && res.v.i == 4);
    /* strings: NULL bytes with a length, a negative length; a good one (first of a str is its first character, a
     * string the result owns, NUL after it) */
    kiln_value str = {.kind = KILN_STR, .n = 3};
    CHECK(kiln_call(first, &str, 1, &res, &err) != 0 && says(&err, "string of 3 bytes"));
    str.v.s = "h\xc3\xa9"; str.n = -1;
    CHECK(kiln_call(first, &str, 1, &res, &err) != 0 && says(&err, "string"));
    str.v.s = "h\xff\xfe"; str.n = 3; /* not UTF-8 */
    CHECK(kiln_call(first, &str, 1, &res, &err) != 0 && says(&err, "not valid UTF-8"));
    str.v.s = "\xed\xa0\x80"; /* a surrogate, encoded */
    CHECK(kiln_call(first, &str, 1, &res, &err) != 0 && says(&err, "not valid UTF-8"));
    str.v.s = "h\xc3\xa9";
    CHECK(kiln_call(first, &str, 1, &res, &err) == 0 && res.kind == KILN_STR && res.n == 1 && res.owned && !strcmp(res.v.s, "h"));
    kiln_value_free(&res);
    /* lists: a NULL item list, a negative count, items of two types, a None item; a good one, with its final
     * items taken back through base */
    kiln_value l = kiln_list(NULL, 2), mixed[2] = {kiln_int(1), kiln_float(2.5)}, nones[1] = {kiln_none()}, back;
    CHECK(kiln_call(first, &l, 1, &res, &err) != 0 && says(&err, "list of 2 items"));
    l = kiln_list(items, -1);
    CHECK(kiln_call(first, &l, 1, &res, &err) != 0 && says(&err, "list"));
    l = kiln_list(mixed, 2);
    CHECK(kiln_call(first, &l, 1, &res, &err) != 0 && says(&err, "different types"));
    l = kiln_list(nones, 1);
    CHECK(kiln_call(first, &l, 1, &res, &err) != 0 && says(&err, "a list holding None"));
    l = kiln_list(items, 2);
    l.base = &back;
    CHECK(kiln_call(first, &l, 1, &res, &err) == 0 && res.v.i == 4 && back.kind == KILN_LIST && back.n == 2 && back.v.items[1].v.i == 5);
    kiln_value_free(&back);
    /* a deque (py KILN_SEQ_DEQUE[_BOUNDED]): a kind out of range, a maxlen below its items or negative; a good one comes
     * back a deque with its maxlen */
    l.py = 7;
    CHECK(kiln_call(first, &l, 1, &res, &err) != 0 && says(&err, "kiln_seq"));
    l.py = KILN_SEQ_DEQUE_BOUNDED; l.maxlen = 1;
    CHECK(kiln_call(first, &l, 1, &res, &err) != 0 && says(&err, "maxlen (1)"));
    l.maxlen = -2;
    CHECK(kiln_call(first, &l, 1, &res, &err) != 0 && says(&err, "maxlen (-2)"));
    l.maxlen = 2;
    CHECK(kiln_call(first, &l, 1, &res, &err) == 0 && res.v.i == 4 && back.kind == KILN_LIST && back.py == KILN_SEQ_DEQUE_BOUNDED &&
          back.maxlen == 2 && back.n == 2);
    kiln_value_free(&back);
    l.py = KILN_SEQ_LIST;
    /* arrays: negative shapes, NULL data, a rank out of range, a bad dtype */
    double d[4] = {1, 2, 3, 4};
    kiln_array a = {d, KILN_FLOAT64, 1, {-4}, {8}};
    kiln_value av = kiln_arr(&a);
    CHECK(kiln_call(total, &av, 1, &res, &err) != 0 && says(&err, "negative"));
    a.shape[0] = 4; a.data = NULL;
    CHECK(kiln_call(total, &av, 1, &res, &err) != 0 && says(&err, "data"));
    a.data = d; a.ndim = 99;
    CHECK(kiln_call(total, &av, 1, &res, &err) != 0 && says(&err, "dimensions"));
    a.ndim = 1; a.dtype = (kiln_dtype)77;
    CHECK(kiln_call(total, &av, 1, &res, &err) != 0 && says(&err, "dtype"));
    a.dtype = KILN_FLOAT64;
    av.v.arr = NULL;
    CHECK(kiln_call(total, &av, 1, &res, &err) != 0 && says(&err, "array"));
    av = kiln_arr(&a);
    CHECK(kiln_call(total, &av, 1, &res, &err) == 0 && res.v.f == 10.0);
    av.flags = KILN_ARRAY_READONLY; /* read: fine; written (zero_first writes a[0]): NumPy's ValueError */
    CHECK(kiln_call(total, &av, 1, &res, &err) == 0 && res.v.f == 10.0);
    kiln_func *zero_first = load(ctx, "zero_first");
    CHECK(kiln_call(zero_first, &av, 1, &res, &err) != 0 && !strcmp(err.ename, "ValueError") && says(&err, "read-only") && d[0] == 1);
    av.flags = 0;
    CHECK(kiln_call(zero_first, &av, 1, &res, &err) == 0 && d[0] == 0);
    /* files */
    kiln_array na;
    CHECK(kiln_npy_load(NULL, &na, &err) != 0 && says(&err, "path"));
    CHECK(kiln_npy_load("x.npy", NULL, &err) != 0);
    CHECK(kiln_npy_save(NULL, &a, &err) != 0 && kiln_npy_save("/tmp/x.npy", NULL, &err) != 0);
    CHECK(kiln_set_tunable(NULL, "spec_limit", 1) != 0 && kiln_set_tunable(ctx, NULL, 1) != 0);
    CHECK(kiln_value_repr(NULL, NULL, 0) < 0);
    kiln_value_free(NULL);
    kiln_ctx_free(NULL);
    kiln_ctx_free(ctx);
}

/* rec(999) on a 256 KiB thread: the answer or RecursionError, never a crash (the stack decides) */
typedef struct Job { kiln_tier tier; int64_t n; int rc; kiln_value res; kiln_error err; } Job;
static void *deep(void *p) {
    Job *j = p;
    kiln_options o;
    kiln_options_init(&o);
    o.tier = j->tier;
    o.disk_cache = 0;
    o.max_recursion = 100000000;
    kiln_ctx *ctx = kiln_ctx_new(&o);
    kiln_func *rec = load(ctx, "rec");
    kiln_value a = kiln_int(j->n);
    j->rc = kiln_call(rec, &a, 1, &j->res, &j->err);
    kiln_ctx_free(ctx);
    return NULL;
}

static void small_stack(void) {
    for (size_t t = 0; t < sizeof tiers / sizeof *tiers; t++) {
        for (int64_t n = 999; n <= 100000; n *= 100) {
            Job j;
            memset(&j, 0, sizeof j);
            j.tier = tiers[t];
            j.n = n;
            pthread_attr_t attr;
            pthread_attr_init(&attr);
            pthread_attr_setstacksize(&attr, 256 << 10);
            pthread_t th;
            CHECK(pthread_create(&th, &attr, deep, &j) == 0);
            pthread_join(th, NULL);
            pthread_attr_destroy(&attr);
            int64_t want = 0;
            for (int64_t i = 0; i < n; i++) want = want * 3 % 1000003 + 1;
            bool ok = (j.rc == 0 && j.res.v.i == want) || (j.rc != 0 && !strcmp(j.err.ename, "RecursionError"));
            if (!ok) printf("tier %d rec(%lld): rc %d %s %s\n", (int)tiers[t], (long long)n, j.rc, j.err.ename, j.err.message);
            CHECK(ok);
            if (n == 99900) CHECK(j.rc != 0); /* 100,000 frames never fit in 256 KiB */
        }
    }
}

/* kiln_interrupt from another thread stops a long call with KeyboardInterrupt; the function stays usable */
typedef struct Stop { kiln_ctx *ctx; int ms; } Stop;
static void *stopper(void *p) {
    Stop *s = p;
    struct timespec ts = {0, s->ms * 1000000L};
    nanosleep(&ts, NULL);
    kiln_interrupt(s->ctx);
    return NULL;
}

static void interrupt(void) {
    /* spin: one innermost loop (checked in tiers 0 and 1; tier 2 leaves such loops unchecked: kiln.h);
     * spin2: a loop around a loop, checked on every tier; spin3: a loop around a loop entered on some trips */
    static const char *names[] = {"spin2", "spin3", "spin"};
    static const int64_t at1000[] = {899838, 531982, 499500};
    for (size_t t = 0; t < 3 * sizeof tiers / sizeof *tiers; t++) {
        const char *name = names[t / 3];
        if (tiers[t % 3] == KILN_TIER_OPT && t >= 6) continue;
        kiln_options o;
        kiln_options_init(&o);
        o.tier = tiers[t % 3];
        o.disk_cache = 0;
        kiln_ctx *ctx = kiln_ctx_new(&o);
        kiln_func *spin = load(ctx, name);
        kiln_value a = kiln_int(INT64_MAX / 2), res;
        kiln_error err;
        memset(&err, 0, sizeof err);
        kiln_value ten = kiln_int(10);
        kiln_call(spin, &ten, 1, &res, &err); /* compiled before the clock starts */
        Stop s = {ctx, 200};
        pthread_t th;
        pthread_create(&th, NULL, stopper, &s);
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        int rc = kiln_call(spin, &a, 1, &res, &err);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        pthread_join(th, NULL);
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        CHECK(rc != 0 && !strcmp(err.ename, "KeyboardInterrupt") && secs < 5);
        if (rc == 0 || strcmp(err.ename, "KeyboardInterrupt")) printf("tier %d %s: rc %d %s %s\n", (int)tiers[t % 3], name, rc, err.ename, err.message);
        a = kiln_int(1000);
        CHECK(kiln_call(spin, &a, 1, &res, &err) == 0 && res.v.i == at1000[t / 3]); /* later calls run */
        kiln_ctx_free(ctx);
    }
}

/* a recursion with no loop (fibr(60): hours) stops too: every tier tests kiln_interrupt at every 16th level of depth,
 * tier 2 in each of the two levels its direct function runs a call (back/llvm/direct.c) */
static void interrupt_recursion(void) {
    for (size_t t = 0; t < sizeof tiers / sizeof *tiers; t++) {
        kiln_options o;
        kiln_options_init(&o);
        o.tier = tiers[t];
        o.disk_cache = 0;
        kiln_ctx *ctx = kiln_ctx_new(&o);
        kiln_func *fibr = load(ctx, "fibr");
        kiln_value a = kiln_int(20), res;
        kiln_error err;
        memset(&err, 0, sizeof err);
        CHECK(kiln_call(fibr, &a, 1, &res, &err) == 0 && res.v.i == 6765); /* compiled before the clock starts */
        Stop s = {ctx, 200};
        pthread_t th;
        pthread_create(&th, NULL, stopper, &s);
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        a = kiln_int(60);
        int rc = kiln_call(fibr, &a, 1, &res, &err);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        pthread_join(th, NULL);
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        CHECK(rc != 0 && !strcmp(err.ename, "KeyboardInterrupt") && secs < 5);
        if (rc == 0 || strcmp(err.ename, "KeyboardInterrupt")) printf("tier %d fibr: rc %d %s %s\n", (int)tiers[t], rc, err.ename, err.message);
        a = kiln_int(25);
        CHECK(kiln_call(fibr, &a, 1, &res, &err) == 0 && res.v.i == 75025); /* later calls run */
        kiln_ctx_free(ctx);
    }
}

int main(int argc, char **argv) {
    (void)argc;
    check_llvm_next_to(argv[0]);
    null_and_negative();
    small_stack();
    interrupt();
    interrupt_recursion();
    return DONE();
}
