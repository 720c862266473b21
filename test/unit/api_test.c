/* api_test.c — the public C API: contexts, loading, calls with every kind of
 * value, results and their ownership, errors, defaults, statistics, two
 * contexts side by side, and many threads calling one kernel. */
#include "check.h"
#include "../../include/kiln.h"
#include <pthread.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>

static const char *SRC =
    "import numpy as np\n"
    "from collections import defaultdict\n"
    "def add(a, b=10):\n"
    "    return a + b\n"
    "def scale(x, out):\n"
    "    for i in range(len(x)):\n"
    "        out[i] = 2 * x[i]\n"
    "    return out[0]\n"
    "def make(n):\n"
    "    a = np.zeros((n, 2))\n"
    "    a[n - 1, 1] = 7.5\n"
    "    return a, n\n"
    "def div(a, b):\n"
    "    return a // b\n"
    "def nothing():\n"
    "    pass\n"
    "def first(t):\n"
    "    return t[0] * t[1]\n"
    "def same(a):\n"
    "    return a\n"
    "def twice_plus(a, b):\n"
    "    return a * 2 + b\n"
    "def tail_view(n):\n"
    "    a = np.arange(n) * 1.5\n"
    "    return a[::-1][2:]\n"
    "def arg_view(a):\n"
    "    return a[1:]\n"
    "def named_y(p):\n"
    "    return p.y, p\n"
    "def dd_count(n):\n"
    "    d = defaultdict(int)\n"
    "    for i in range(n):\n"
    "        d[i % 2] += 1\n"
    "    return d\n"
    "def dd_len(d):\n"
    "    return len(d)\n"
    "def kw(x, *rest, scale=2.0):\n"
    "    s = x\n"
    "    for r in rest:\n"
    "        s += r\n"
    "    return s * scale\n";

static kiln_func *fadd;

static void *worker(void *arg) {
    long id = (long)arg;
    int bad = 0;
    for (int i = 0; i < 2000; i++) {
        kiln_value args[2], res;
        kiln_error err;
        if (i % 2) { args[0] = kiln_int(i); args[1] = kiln_int(id); }
        else { args[0] = kiln_float(i); args[1] = kiln_float((double)id); }
        if (kiln_call(fadd, args, 2, &res, &err) != 0) { bad++; continue; }
        double want = (double)i + (double)id;
        double got = res.dtype == KILN_INT64 ? (double)res.v.i : res.v.f;
        if (got != want) bad++;
    }
    return (void *)(long)bad;
}

int main(void) {
    kiln_ctx *ctx = kiln_ctx_new(NULL);
    CHECK(ctx != NULL);
    kiln_error err;
    kiln_module *m = kiln_load_source(ctx, "api.py", SRC, strlen(SRC), &err);
    CHECK(m != NULL);
    fadd = kiln_lookup(m, "add");
    CHECK(fadd && !strcmp(kiln_func_name(fadd), "add") && kiln_func_nparams(fadd) == 2);
    CHECK(!strcmp(kiln_func_param(fadd, 1), "b"));
    CHECK(kiln_lookup(m, "missing") == NULL);

    /* scalars, defaults, Python vs NumPy scalars */
    kiln_value args[4], res;
    args[0] = kiln_int(1);
    CHECK(kiln_call(fadd, args, 1, &res, &err) == 0 && res.v.i == 11 && res.py);
    float f32 = 1.5f;
    args[0] = kiln_scalar(KILN_FLOAT32, &f32); args[1] = kiln_float(2.0);
    CHECK(kiln_call(fadd, args, 2, &res, &err) == 0 && res.dtype == KILN_FLOAT32 && res.v.f == 3.5);
    kiln_value dv;
    CHECK(kiln_func_default(fadd, 1, &dv) == 0 && dv.v.i == 10);
    CHECK(kiln_func_default(fadd, 0, &dv) == -1);
    char buf[256];
    args[0] = kiln_complex(1, 2); args[1] = kiln_int(1);
    CHECK(kiln_call(fadd, args, 2, &res, &err) == 0);
    kiln_value_repr(&res, buf, sizeof buf);
    CHECK_STR(buf, "(2+2j)");

    /* arrays alias caller memory */
    double x[3] = {1, 2, 3}, out[3] = {0};
    kiln_array xa = {x, KILN_FLOAT64, 1, {3}, {8}}, oa = {out, KILN_FLOAT64, 1, {3}, {8}};
    args[0] = kiln_arr(&xa); args[1] = kiln_arr(&oa);
    kiln_func *fscale = kiln_lookup(m, "scale");
    CHECK(kiln_call(fscale, args, 2, &res, &err) == 0 && res.v.f == 2.0 && out[2] == 6.0);
    /* strided view: every other element */
    double y[6] = {1, -1, 2, -1, 3, -1};
    kiln_array ya = {y, KILN_FLOAT64, 1, {3}, {16}};
    args[0] = kiln_arr(&ya);
    CHECK(kiln_call(fscale, args, 2, &res, &err) == 0 && out[1] == 4.0);

    /* arrays created by the kernel are owned by the result */
    kiln_func *fmake = kiln_lookup(m, "make");
    args[0] = kiln_int(3);
    CHECK(kiln_call(fmake, args, 1, &res, &err) == 0 && res.kind == KILN_TUPLE && res.n == 2);
    kiln_array *ra = res.v.items[0].v.arr;
    CHECK(ra->ndim == 2 && ra->shape[0] == 3 && ((double *)ra->data)[5] == 7.5);
    kiln_value_repr(&res, buf, sizeof buf);
    CHECK_STR(buf, "([[0.0, 0.0], [0.0, 0.0], [0.0, 7.5]], 3)");
    kiln_value_free(&res);
    CHECK(res.kind == KILN_NONE);
    /* returning an argument aliases it and owns nothing */
    kiln_func *fsame = kiln_lookup(m, "same");
    args[0] = kiln_arr(&xa);
    CHECK(kiln_call(fsame, args, 1, &res, &err) == 0 && res.v.arr->data == x && res.base == NULL);
    kiln_value_free(&res);

    /* tuples in, None out */
    kiln_value items[2] = {kiln_int(6), kiln_float(0.5)};
    kiln_value tup = {0};
    tup.kind = KILN_TUPLE; tup.n = 2; tup.v.items = items;
    CHECK(kiln_call(kiln_lookup(m, "first"), &tup, 1, &res, &err) == 0 && res.v.f == 3.0);
    CHECK(kiln_call(kiln_lookup(m, "nothing"), NULL, 0, &res, &err) == 0 && res.kind == KILN_NONE);

    /* kiln_call_bound: every parameter given, the *args one a tuple, a keyword-only one's value (not its default) */
    kiln_func *fkw = kiln_lookup(m, "kw");
    kiln_value rest[2] = {kiln_int(2), kiln_int(3)}, bargs[3] = {kiln_int(1), {0}, kiln_float(0.5)};
    bargs[1].kind = KILN_TUPLE; bargs[1].n = 2; bargs[1].v.items = rest;
    CHECK(kiln_call_bound(fkw, bargs, 3, &res, &err, NULL) == 0 && res.v.f == 3.0);
    CHECK(kiln_call(fkw, bargs, 1, &res, &err) == 0 && res.v.f == 2.0); /* by position: scale's default */
    CHECK(kiln_call_bound(fkw, bargs, 2, &res, &err, NULL) == -1 && strstr(err.message, "one argument per parameter"));
    bargs[1] = kiln_int(7);
    CHECK(kiln_call_bound(fkw, bargs, 3, &res, &err, NULL) == -1 && strstr(err.message, "kw()'s *rest needs a tuple"));
    CHECK(kiln_call_bound(NULL, bargs, 3, &res, &err, NULL) == -1 && strstr(err.message, "no function"));

    /* a named tuple: its names in base, given back with the result (owned by it) */
    static const char *const xy[2] = {"x", "y"}, *const xbad[2] = {"x", "1y"};
    kiln_tuple_names pn = {"P", xy}, pbad = {"P", xbad};
    tup.base = &pn;
    kiln_func *fny = kiln_lookup(m, "named_y");
    CHECK(kiln_call(fny, &tup, 1, &res, &err) == 0 && res.kind == KILN_TUPLE && res.v.items[0].v.f == 0.5);
    const kiln_tuple_names *rn = res.v.items[1].base;
    CHECK(rn && rn != &pn && !strcmp(rn->name, "P") && !strcmp(rn->fields[1], "y") && res.v.items[1].v.items[0].v.i == 6);
    char text[64];
    kiln_value_repr(&res.v.items[1], text, sizeof text);
    CHECK(!strcmp(text, "P(x=6, y=0.5)"));
    kiln_value_free(&res);
    tup.base = &pbad; /* names that are no identifiers: a usage error naming them */
    CHECK(kiln_call(fny, &tup, 1, &res, &err) == -1 && err.kind == KILN_ERR_USAGE && strstr(err.message, "named tuple"));
    /* a defaultdict: its factory in py, both ways */
    kiln_value nv = kiln_int(3);
    CHECK(kiln_call(kiln_lookup(m, "dd_count"), &nv, 1, &res, &err) == 0 && res.kind == KILN_DICT && res.py == KILN_FACTORY_INT);
    kiln_value_repr(&res, text, sizeof text);
    CHECK(!strcmp(text, "defaultdict(<class 'int'>, {0: 2, 1: 1})"));
    kiln_value_free(&res);
    kiln_value dv2 = {0};
    dv2.kind = KILN_DICT; dv2.py = 99; /* no kiln_factory: a usage error */
    CHECK(kiln_call(kiln_lookup(m, "dd_len"), &dv2, 1, &res, &err) == -1 && err.kind == KILN_ERR_USAGE && strstr(err.message, "default factory"));
    tup.base = NULL; /* a plain tuple has no field y */
    CHECK(kiln_call(fny, &tup, 1, &res, &err) == -1 && err.kind == KILN_ERR_COMPILE && strstr(err.message, "no attribute 'y'"));

    /* errors: runtime (with file and line), usage */
    kiln_func *fdiv = kiln_lookup(m, "div");
    args[0] = kiln_int(1); args[1] = kiln_int(0);
    CHECK(kiln_call(fdiv, args, 2, &res, &err) == -1);
    CHECK(err.kind == KILN_ERR_RUNTIME && err.line == 14 && !strcmp(err.ename, "ZeroDivisionError"));
    kiln_error_format(&err, buf, sizeof buf);
    CHECK_STR(buf, "api.py:14: ZeroDivisionError: integer division or modulo by zero");
    CHECK(kiln_call(fdiv, args, 1, &res, &err) == -1 && err.kind == KILN_ERR_USAGE);
    CHECK(kiln_call(fdiv, args, 3, &res, &err) == -1 && err.kind == KILN_ERR_USAGE);
    kiln_array bad = {x, KILN_FLOAT64, 99, {3}, {8}};
    args[0] = kiln_arr(&bad);
    CHECK(kiln_call(fsame, args, 1, &res, &err) == -1 && err.kind == KILN_ERR_USAGE);
    /* compile errors are structured */
    kiln_module *m2 = kiln_load_source(ctx, "bad.py", "def f(x):\n    return x +\n", 25, &err);
    CHECK(m2 == NULL && err.kind == KILN_ERR_COMPILE && err.line == 2 && err.col == 15);
    CHECK(kiln_load_file(ctx, "/nonexistent/k.py", &err) == NULL && err.kind == KILN_ERR_USAGE);

    /* statistics */
    kiln_stats st;
    kiln_func_stats(fadd, &st);
    CHECK(st.calls == 3 && st.specializations == 3);

    /* a second context shares nothing */
    kiln_ctx *ctx2 = kiln_ctx_new(NULL);
    kiln_module *m3 = kiln_load_source(ctx2, "api.py", SRC, strlen(SRC), &err);
    kiln_func *fadd2 = kiln_lookup(m3, "add");
    args[0] = kiln_int(1); args[1] = kiln_int(2);
    CHECK(kiln_call(fadd2, args, 2, &res, &err) == 0 && res.v.i == 3);
    kiln_func_stats(fadd2, &st);
    CHECK(st.calls == 1 && st.specializations == 1);
    kiln_ctx_free(ctx2);

    /* many threads, two signatures, compiled while others call */
    pthread_t th[8];
    for (long i = 0; i < 8; i++) pthread_create(&th[i], NULL, worker, (void *)i);
    long bad_calls = 0;
    for (int i = 0; i < 8; i++) { void *r; pthread_join(th[i], &r); bad_calls += (long)r; }
    CHECK(bad_calls == 0);
    kiln_func_stats(fadd, &st);
    CHECK(st.calls == 3 + 8 * 2000);

    /* large results (own mappings, kept for reuse when freed): a fused expression's result is
     * written in full, then np.zeros of a reused buffer must still be all zeros */
    {
        int64_t n = 1 << 20; /* 8 MiB of float64 */
        double *x = malloc(sizeof(double) * (size_t)n), *y = malloc(sizeof(double) * (size_t)n);
        for (int64_t i = 0; i < n; i++) { x[i] = (double)i; y[i] = 0.5; }
        kiln_array ax = {x, KILN_FLOAT64, 1, {n}, {8}}, ay = {y, KILN_FLOAT64, 1, {n}, {8}};
        kiln_func *tp = kiln_lookup(m, "twice_plus"), *mk = kiln_lookup(m, "make");
        int ok = 1;
        for (int round = 0; round < 3; round++) {
            kiln_value args[2] = {kiln_arr(&ax), kiln_arr(&ay)}, res;
            if (kiln_call(tp, args, 2, &res, &err) != 0) { ok = 0; break; }
            const double *r = res.v.arr->data;
            for (int64_t i = 0; i < n; i += 4099) ok &= r[i] == 2.0 * (double)i + 0.5;
            ok &= r[n - 1] == 2.0 * (double)(n - 1) + 0.5;
            kiln_value_free(&res);
            kiln_value zargs[1] = {kiln_int(n / 2)};
            if (kiln_call(mk, zargs, 1, &res, &err) != 0) { ok = 0; break; }
            const double *z = res.v.items[0].v.arr->data;
            for (int64_t i = 0; i < n; i++) ok &= z[i] == (i == n - 1 ? 7.5 : 0.0);
            kiln_value_free(&res);
        }
        CHECK(ok);
        free(x); free(y);
    }

    /* views as results: of a new array, they hold its buffer (base); of an argument, they alias it */
    {
        kiln_func *tv = kiln_lookup(m, "tail_view"), *av = kiln_lookup(m, "arg_view");
        kiln_value a1[1] = {kiln_int(6)}, res;
        CHECK(kiln_call(tv, a1, 1, &res, &err) == 0);
        CHECK(res.kind == KILN_ARRAY && res.base != NULL && res.v.arr->shape[0] == 4 && res.v.arr->strides[0] == -8);
        CHECK(((double *)res.v.arr->data)[0] == 4.5 && *(double *)((char *)res.v.arr->data + 3 * res.v.arr->strides[0]) == 0.0);
        kiln_value_free(&res);
        double xs[3] = {1, 2, 3};
        kiln_array xa = {xs, KILN_FLOAT64, 1, {3}, {8}};
        kiln_value a2[1] = {kiln_arr(&xa)};
        CHECK(kiln_call(av, a2, 1, &res, &err) == 0);
        CHECK(res.kind == KILN_ARRAY && res.base == NULL && res.v.arr->data == (void *)&xs[1] && res.v.arr->shape[0] == 2);
        kiln_value_free(&res);
    }

    /* the repr of arrays with no elements: built only as far as the buffer reaches, the length counted
     * (a .npy of shape (9, 3444449, 24, 0) once took minutes: libFuzzer's npy target) */
    {
        static double none[1];
        kiln_array e = {none, KILN_FLOAT64, 3, {3, 2, 0}, {0, 0, 8}};
        kiln_value v = kiln_arr(&e);
        char big[64], small[5];
        CHECK(kiln_value_repr(&v, big, sizeof big) == 30);
        CHECK_STR(big, "[[[], []], [[], []], [[], []]]");
        CHECK(kiln_value_repr(&v, small, sizeof small) == 30);
        CHECK_STR(small, "[[[]");
        kiln_array huge = {none, KILN_BOOL, 4, {9, 3444449, 24, 0}, {0, 0, 0, 1}};
        v = kiln_arr(&huge);
        CHECK(kiln_value_repr(&v, big, sizeof big) == INT_MAX); /* longer than an int: clamped */
    }

    kiln_ctx_free(ctx);
    return DONE();
}
