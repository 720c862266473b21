/*
 * random.c — Python's `random` and NumPy's legacy `np.random` in kernels.
 *
 * Every number comes from one OP_LIB draw (LIB_RANDOM, rt/random.c: the same
 * Mersenne Twister streams as CPython's and NumPy's, one per thread); what
 * CPython's Lib/random.py and NumPy's RandomState do around the draw — the
 * argument checks and their messages, uniform's `a + (b - a) * random()`,
 * randrange's width and step, choice, shuffle's swaps, an array filled in C
 * order — is built here as IR, so the numbers, their order and the errors
 * are the libraries'. A seeded kernel gives what CPython + NumPy give.
 */
#include "infer.h"
#include "../ir/lib.h"
#include <stdio.h>
#include <string.h>

enum {
    RN_RANDOM, RN_SEED, RN_RANDINT, RN_RANDRANGE, RN_UNIFORM, RN_GAUSS, RN_GETRANDBITS, RN_CHOICE, RN_SHUFFLE, RN_SAMPLE,
    RN_CHOICES,
    RN_NP_SEED, RN_NP_RANDOM, RN_NP_RANDOM_SAMPLE, RN_NP_RAND, RN_NP_RANDN, RN_NP_STANDARD_NORMAL, RN_NP_NORMAL,
    RN_NP_UNIFORM, RN_NP_RANDINT, RN_NP_DEFAULT_RNG, RN_NP_SHUFFLE, RN_NP_PERMUTATION, RN_NP_CHOICE,
};

static const struct { int mod; const char *name; } table[] = {
    [RN_RANDOM] = {MOD_RANDOM, "random"}, [RN_SEED] = {MOD_RANDOM, "seed"}, [RN_RANDINT] = {MOD_RANDOM, "randint"},
    [RN_RANDRANGE] = {MOD_RANDOM, "randrange"}, [RN_UNIFORM] = {MOD_RANDOM, "uniform"}, [RN_GAUSS] = {MOD_RANDOM, "gauss"},
    [RN_GETRANDBITS] = {MOD_RANDOM, "getrandbits"}, [RN_CHOICE] = {MOD_RANDOM, "choice"}, [RN_SHUFFLE] = {MOD_RANDOM, "shuffle"},
    [RN_SAMPLE] = {MOD_RANDOM, "sample"}, [RN_CHOICES] = {MOD_RANDOM, "choices"},
    [RN_NP_SEED] = {MOD_NP_RANDOM, "seed"}, [RN_NP_RANDOM] = {MOD_NP_RANDOM, "random"},
    [RN_NP_RANDOM_SAMPLE] = {MOD_NP_RANDOM, "random_sample"}, [RN_NP_RAND] = {MOD_NP_RANDOM, "rand"},
    [RN_NP_RANDN] = {MOD_NP_RANDOM, "randn"}, [RN_NP_STANDARD_NORMAL] = {MOD_NP_RANDOM, "standard_normal"},
    [RN_NP_NORMAL] = {MOD_NP_RANDOM, "normal"}, [RN_NP_UNIFORM] = {MOD_NP_RANDOM, "uniform"},
    [RN_NP_RANDINT] = {MOD_NP_RANDOM, "randint"}, [RN_NP_DEFAULT_RNG] = {MOD_NP_RANDOM, "default_rng"},
    [RN_NP_SHUFFLE] = {MOD_NP_RANDOM, "shuffle"}, [RN_NP_PERMUTATION] = {MOD_NP_RANDOM, "permutation"},
    [RN_NP_CHOICE] = {MOD_NP_RANDOM, "choice"},
};

int rn_lookup(int mod, const char *name) {
    for (int k = 0; k < (int)NELEM(table); k++)
        if (table[k].mod == mod && !strcmp(table[k].name, name)) return k;
    return -1;
}

static Val mk(Inf *I, Ref r) { return val_of(I, r); }
static Val none(Inf *I) { return mk(I, inf_static(I, &I->tt->none)); }
static const Type *f64w(Inf *I) { return ty_scalar(I->tt, KILN_FLOAT64, true); }

/* one draw of stream routine `which` (RND_*) with its int operand (0 where none) */
static Ref draw(Inf *I, int which, Ref operand, const Type *t) {
    Ref op = operand ? operand : inf_k64(I, 0);
    return inf_emit(I, OP_LIB, t, &op, 1, LIB_RANDOM | (int64_t)which << 8);
}

static Ref int_arg(Inf *I, Node *n, const char *fname) {
    Val v = ex_expr(I, n);
    if (v.ty->kind != T_SCALAR || !dt_is_intlike(v.ty->dtype))
        inf_fail(I, n, "%s() needs an integer here, not %s", fname, inf_tyname(I, v.ty));
    return ex_coerce(I, v, inf_i64(I), n).r;
}

static Ref float_arg(Inf *I, Node *n, double dflt, const char *fname) {
    if (!n) return inf_const_f(I, f64w(I), dflt);
    Val v = ex_expr(I, n);
    if (v.ty->kind != T_SCALAR || dt_is_complex(v.ty->dtype)) inf_fail(I, n, "%s() needs a real number here, not %s", fname, inf_tyname(I, v.ty));
    return ex_coerce(I, v, f64w(I), n).r;
}

static Ref f_op(Inf *I, int op, Ref a, Ref b) { return inf_op2(I, op, f64w(I), a, b); }

static Val rn_shuffle(Inf *I, Val s, Ref n, Node *at);

/* ---- Python's random ---- */

/* randrange(start, stop=None, step=1), Lib/random.py's: one draw below the width, or below the count of steps */
static Ref randrange(Inf *I, Ref start, Ref stop, Ref step) {
    const Type *b = inf_bool(I), *i = inf_i64(I);
    Ref zero = inf_k64(I, 0);
    if (!stop) {
        st_raise_if(I, inf_op2(I, OP_LE, b, start, zero), "ValueError", "empty range for randrange()");
        return draw(I, RND_PY_RANDBELOW, start, i);
    }
    Ref width = inf_op2(I, OP_SUB, i, stop, start);
    if (!step) { /* the fast path; its message shows the three numbers: rt/random.c formats it */
        Ref ops[2] = {start, stop};
        return inf_emit(I, OP_LIB, i, ops, 2, LIB_RANDOM | (int64_t)RND_PY_RANDRANGE << 8);
    }
    st_raise_if(I, inf_op2(I, OP_EQ, b, step, zero), "ValueError", "zero step for randrange()");
    Ref pos = inf_op2(I, OP_GT, b, step, zero), one = inf_k64(I, 1);
    Ref bias = inf_sel(I, i, pos, inf_op2(I, OP_SUB, i, step, one), inf_op2(I, OP_ADD, i, step, one));
    Ref n = inf_op2(I, OP_FLOORDIV, i, inf_op2(I, OP_ADD, i, width, bias), step);
    st_raise_if(I, inf_op2(I, OP_LE, b, n, zero), "ValueError", "empty range for randrange()");
    return inf_op2(I, OP_ADD, i, start, inf_op2(I, OP_MUL, i, step, draw(I, RND_PY_RANDBELOW, n, i)));
}

/* ---- sample and choices: Lib/random.py's own steps, as a text lowered at the call ---- */

/* a population: a range (its start, stop and step the text's parameters s, e, t: its items computed, never made),
 * or a sequence (a list, a string, a 1-d array; a tuple as a list) the text indexes as `pop` */
typedef struct Pop { bool range; Node *args[3]; Node *seq; } Pop;

static Pop population(Inf *I, Node *call, Node *n, const char *fn) {
    Pop p = {0};
    if (st_is_builtin_call(I, n, "range") && n->nkids >= 1 && n->nkids <= 3 && !n->nkids2) {
        p.range = true;
        Node *zero = inf_node(I, N_INT, n), *one = inf_node(I, N_INT, n);
        zero->v.i = 0; one->v.i = 1;
        p.args[0] = n->nkids == 1 ? zero : n->kids[0];
        p.args[1] = n->nkids == 1 ? n->kids[0] : n->kids[1];
        p.args[2] = n->nkids == 3 ? n->kids[2] : one;
        return p;
    }
    Val v = ex_expr(I, n);
    if (v.ty->kind == T_TUPLE) v = ls_iterable(I, n);
    if (v.ty->kind == T_SET || v.ty->kind == T_DICT)
        inf_fail(I, n, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    if (!(v.ty->kind == T_LIST || tx_is(v.ty) || (v.ty->kind == T_ARRAY && v.ty->ndim == 1) || v.ty->kind == T_UNKNOWN))
        inf_fail(I, n, "random.%s() of %s is not supported (a list, a tuple, a string, a range or a 1-d array)", fn, inf_tyname(I, v.ty));
    p.seq = it_held(I, call, 0, v);
    return p;
}

static void pop_params(ItText *t, const Pop *p) { it_put(t, p->range ? "s, e, t" : "pop"); }

/* n = len(population) (a range's as CPython's range counts it) */
static void pop_len(ItText *t, const Pop *p) {
    if (!p->range) { it_put(t, "    n = len(pop)\n"); return; }
    it_put(t, "    if t == 0:\n        raise ValueError('range() arg 3 must not be zero')\n    n = 0\n"
              "    if t > 0 and s < e:\n        n = (e - s - 1) // t + 1\n"
              "    if t < 0 and s > e:\n        n = (s - e - 1) // (-t) + 1\n");
}

static const char *pop_item(const Pop *p, const char *i, char *buf, size_t cap) {
    snprintf(buf, cap, p->range ? "(s + (%s) * t)" : "pop[%s]", i);
    return buf;
}

static int pop_args(const Pop *p, Node **args) {
    if (!p->range) { args[0] = p->seq; return 1; }
    for (int i = 0; i < 3; i++) args[i] = p->args[i];
    return 3;
}

/* random.sample(population, k): k distinct positions, by a shrinking pool when the population is small next to k,
 * else by rejection from a set, as CPython 3.11 chooses between them */
static Val sample(Inf *I, Node *call) {
    Node *arg[3] = {NULL};
    cl_np_bind(I, call, "sample", 0, (const char *const[]){"population", "k", "counts", NULL}, 3, arg);
    if (!arg[0] || !arg[1]) inf_fail(I, call, "sample() missing 1 required positional argument: '%s'", arg[0] ? "k" : "population");
    if (arg[2] && arg[2]->kind != N_NONE) inf_fail(I, arg[2], "random.sample(): counts= is not supported");
    Pop p = population(I, call, arg[0], "sample");
    char buf[2048], a[64], b[64];
    ItText t = {buf, sizeof buf, 0, I, call, "random.sample"};
    it_put(&t, "def sample("); pop_params(&t, &p); it_put(&t, ", k):\n");
    pop_len(&t, &p);
    it_put(&t, "    if not 0 <= k <= n:\n        raise ValueError('Sample larger than population or is negative')\n"
               "    result = []\n    setsize = 21\n    if k > 5:\n"
               "        setsize += 4 ** " KILN_MATH_NAME ".ceil(" KILN_MATH_NAME ".log(k * 3, 4))\n"
               "    if n <= setsize:\n        pool = [%s for i in range(n)]\n        for i in range(k):\n"
               "            j = " KILN_RANDOM_NAME ".randrange(n - i)\n            result.append(pool[j])\n"
               "            pool[j] = pool[n - i - 1]\n    else:\n        selected = set()\n        for i in range(k):\n"
               "            j = " KILN_RANDOM_NAME ".randrange(n)\n            while j in selected:\n"
               "                j = " KILN_RANDOM_NAME ".randrange(n)\n            selected.add(j)\n"
               "            result.append(%s)\n    return result\n", pop_item(&p, "i", a, sizeof a), pop_item(&p, "j", b, sizeof b));
    Node *args[5];
    int na = pop_args(&p, args);
    args[na++] = arg[1];
    return it_inline(I, call, t.buf, t.n, "<random.sample>", args, na);
}

/* random.choices(population, weights=None, *, cum_weights=None, k=1): floor(random() * n) without weights, else a
 * bisection of the cumulative weights at random() * their total, CPython's steps and messages */
static Val choices(Inf *I, Node *call) {
    Node *arg[4] = {NULL};
    cl_np_bind(I, call, "choices", 0, (const char *const[]){"population", "weights", "cum_weights", "k", NULL}, 4, arg);
    if (!arg[0]) inf_fail(I, call, "choices() missing 1 required positional argument: 'population'");
    bool w = arg[1] && arg[1]->kind != N_NONE, cw = arg[2] && arg[2]->kind != N_NONE;
    if (w && cw) inf_fail(I, call, "Cannot specify both weights and cumulative weights");
    Pop p = population(I, call, arg[0], "choices");
    char buf[2048], a[64];
    ItText t = {buf, sizeof buf, 0, I, call, "random.choices"};
    it_put(&t, "def choices("); pop_params(&t, &p); it_put(&t, "%s, k):\n", w || cw ? ", ws" : "");
    pop_len(&t, &p);
    it_put(&t, "    result = []\n");
    if (!w && !cw) {
        it_put(&t, "    nf = n + 0.0\n    for i in range(k):\n        result.append(%s)\n    return result\n",
               pop_item(&p, KILN_MATH_NAME ".floor(" KILN_RANDOM_NAME ".random() * nf)", a, sizeof a));
    } else {
        if (w) it_put(&t, "    cum = []\n    for x in ws:\n        cum.append(x if len(cum) == 0 else cum[-1] + x)\n");
        else it_put(&t, "    cum = list(ws)\n");
        it_put(&t, "    if len(cum) != n:\n        raise ValueError('The number of weights does not match the population')\n"
                   "    total = cum[-1] + 0.0\n    if total <= 0.0:\n        raise ValueError('Total of weights must be greater than zero')\n"
                   "    if not " KILN_MATH_NAME ".isfinite(total):\n        raise ValueError('Total of weights must be finite')\n"
                   "    hi = n - 1\n    for i in range(k):\n        x = " KILN_RANDOM_NAME ".random() * total\n"
                   "        lo = 0\n        h = hi\n        while lo < h:\n            mid = (lo + h) // 2\n"
                   "            if x < cum[mid]:\n                h = mid\n            else:\n                lo = mid + 1\n"
                   "        result.append(%s)\n    return result\n", pop_item(&p, "lo", a, sizeof a));
    }
    Node *args[6];
    int na = pop_args(&p, args);
    if (w || cw) args[na++] = w ? arg[1] : arg[2];
    Node *one = inf_node(I, N_INT, call);
    one->v.i = 1;
    args[na++] = arg[3] ? arg[3] : one;
    return it_inline(I, call, t.buf, t.n, "<random.choices>", args, na);
}

static Val py_call(Inf *I, Node *call, int k) {
    const char *fn = table[k].name;
    Node *arg[3] = {NULL, NULL, NULL};
    switch (k) {
    case RN_RANDOM:
        cl_np_bind(I, call, "random", 0, (const char *const[]){NULL}, 0, arg);
        return mk(I, draw(I, RND_PY_RANDOM, 0, f64w(I)));
    case RN_SEED:
        cl_np_bind(I, call, "seed", 0, (const char *const[]){"a", NULL}, 1, arg);
        if (!arg[0] || arg[0]->kind == N_NONE) inf_fail(I, call, "random.seed() needs an int here (seeding from the system is what an unseeded kernel does)");
        draw(I, RND_PY_SEED, int_arg(I, arg[0], "random.seed"), NULL);
        return none(I);
    case RN_RANDINT: {
        cl_np_bind(I, call, "randint", 0, (const char *const[]){"a", "b", NULL}, 2, arg);
        if (!arg[1]) inf_fail(I, call, "randint() missing required positional argument%s", arg[0] ? ": 'b'" : "s: 'a' and 'b'");
        Ref a = int_arg(I, arg[0], "randint"), b = int_arg(I, arg[1], "randint");
        return mk(I, randrange(I, a, inf_op2(I, OP_ADD, inf_i64(I), b, inf_k64(I, 1)), 0));
    }
    case RN_RANDRANGE: {
        cl_np_bind(I, call, "randrange", 0, (const char *const[]){"start", "stop", "step", NULL}, 3, arg);
        if (!arg[0]) inf_fail(I, call, "randrange() missing 1 required positional argument: 'start'");
        Ref start = int_arg(I, arg[0], "randrange");
        Ref stop = arg[1] && arg[1]->kind != N_NONE ? int_arg(I, arg[1], "randrange") : 0;
        bool unit = !arg[2] || (arg[2]->kind == N_INT && arg[2]->v.i == 1);
        if (!stop && !unit) inf_fail(I, call, "Missing a non-None stop argument");
        return mk(I, randrange(I, start, stop, unit ? 0 : int_arg(I, arg[2], "randrange")));
    }
    case RN_UNIFORM: { /* a + (b - a) * random() */
        cl_np_bind(I, call, "uniform", 0, (const char *const[]){"a", "b", NULL}, 2, arg);
        if (!arg[1]) inf_fail(I, call, "uniform() missing required positional argument%s", arg[0] ? ": 'b'" : "s: 'a' and 'b'");
        Ref a = float_arg(I, arg[0], 0, "uniform"), b = float_arg(I, arg[1], 0, "uniform");
        return mk(I, f_op(I, OP_ADD, a, f_op(I, OP_MUL, f_op(I, OP_SUB, b, a), draw(I, RND_PY_RANDOM, 0, f64w(I)))));
    }
    case RN_GAUSS: { /* mu + z * sigma */
        cl_np_bind(I, call, "gauss", 0, (const char *const[]){"mu", "sigma", NULL}, 2, arg);
        Ref mu = float_arg(I, arg[0], 0.0, "gauss"), sigma = float_arg(I, arg[1], 1.0, "gauss");
        return mk(I, f_op(I, OP_ADD, mu, f_op(I, OP_MUL, draw(I, RND_PY_GAUSS, 0, f64w(I)), sigma)));
    }
    case RN_GETRANDBITS: {
        cl_np_bind(I, call, "getrandbits", 0, (const char *const[]){"k", NULL}, 1, arg);
        if (!arg[0]) inf_fail(I, call, "getrandbits() takes exactly one argument (0 given)");
        Ref bits = int_arg(I, arg[0], "getrandbits");
        st_raise_if(I, inf_op2(I, OP_LT, inf_bool(I), bits, inf_k64(I, 0)), "ValueError", "number of bits must be non-negative");
        st_raise_if(I, inf_op2(I, OP_GT, inf_bool(I), bits, inf_k64(I, 63)), "OverflowError",
                    "getrandbits(k) for k > 63 does not fit kiln's 64-bit ints");
        return mk(I, draw(I, RND_PY_GETRANDBITS, bits, inf_i64(I)));
    }
    case RN_CHOICE: case RN_SHUFFLE: {
        cl_np_bind(I, call, fn, 0, (const char *const[]){k == RN_CHOICE ? "seq" : "x", NULL}, 1, arg);
        if (!arg[0]) inf_fail(I, call, "%s() missing 1 required positional argument: '%s'", fn, k == RN_CHOICE ? "seq" : "x");
        Val s = ex_expr(I, arg[0]);
        if (s.ty->kind == T_UNKNOWN) return s;
        if (k == RN_CHOICE && (s.ty->kind == T_TUPLE || tx_is(s.ty))) s = ls_of_value(I, s, arg[0]); /* seq[i] alike */
        bool list = s.ty->kind == T_LIST;
        if (!list && !(s.ty->kind == T_ARRAY && s.ty->ndim == 1))
            inf_fail(I, arg[0], "random.%s() of %s is not supported (a list%s or a 1-d array)", fn, inf_tyname(I, s.ty),
                     k == RN_CHOICE ? ", a tuple, a string" : "");
        Ref n = list ? ls_len(I, s) : inf_dim(I, s, 0);
        if (k == RN_CHOICE) {
            st_raise_if(I, inf_op2(I, OP_EQ, inf_bool(I), n, inf_k64(I, 0)), "IndexError", "Cannot choose from an empty sequence");
            Ref j = draw(I, RND_PY_RANDBELOW, n, inf_i64(I));
            return list ? ls_item(I, s, j) : mk(I, inf_load(I, s.r, ty_scalar(I->tt, s.ty->dtype, false), &j, 1));
        }
        return rn_shuffle(I, s, n, call);
    }
    case RN_SAMPLE: return sample(I, call);
    case RN_CHOICES: return choices(I, call);
    }
    inf_fail(I, call, "random.%s is not supported", fn);
}

/* for i in reversed(range(1, n)): j = _randbelow(i + 1); x[i], x[j] = x[j], x[i] */
typedef struct Shuffle { Val s; Ref n; } Shuffle;

static void shuffle_step(Inf *I, Ref k, void *p) {
    Shuffle *q = p;
    const Type *t = inf_i64(I);
    Ref i = inf_op2(I, OP_SUB, t, inf_op2(I, OP_SUB, t, q->n, inf_k64(I, 1)), k); /* n - 1 down to 1 */
    Ref j = draw(I, RND_PY_RANDBELOW, inf_op2(I, OP_ADD, t, i, inf_k64(I, 1)), t);
    if (q->s.ty->kind == T_LIST) {
        Val xi = ls_item(I, q->s, i), xj = ls_item(I, q->s, j);
        ls_set_item(I, q->s, i, xj);
        ls_set_item(I, q->s, j, xi);
        return;
    }
    const Type *et = ty_scalar(I->tt, q->s.ty->dtype, false);
    Ref xi = inf_load(I, q->s.r, et, &i, 1), xj = inf_load(I, q->s.r, et, &j, 1);
    inf_store(I, q->s.r, xj, &i, 1);
    inf_store(I, q->s.r, xi, &j, 1);
}

static Val rn_shuffle(Inf *I, Val s, Ref n, Node *at) {
    Shuffle q = {s, n};
    const Type *t = inf_i64(I);
    Ref count = inf_op2(I, OP_SUB, t, n, inf_k64(I, 1)); /* range(1, n) reversed: n - 1 swaps (none for n < 2) */
    count = inf_sel(I, t, inf_op2(I, OP_LT, inf_bool(I), count, inf_k64(I, 0)), inf_k64(I, 0), count);
    st_loop(I, at, "$shuffle%d", count, shuffle_step, &q);
    return none(I);
}

/* ---- NumPy's legacy np.random ---- */

typedef struct Fill { Val flat; int kind; Ref a, b; Node *at; } Fill;

/* one value of np.random function `kind` (its parameters a, b) */
static Ref np_value(Inf *I, int kind, Ref a, Ref b) {
    switch (kind) {
    case RN_NP_RANDN: case RN_NP_STANDARD_NORMAL: return draw(I, RND_NP_GAUSS, 0, f64w(I));
    case RN_NP_NORMAL: return f_op(I, OP_ADD, a, f_op(I, OP_MUL, b, draw(I, RND_NP_GAUSS, 0, f64w(I))));
    case RN_NP_UNIFORM: return f_op(I, OP_ADD, a, f_op(I, OP_MUL, b, draw(I, RND_NP_RANDOM, 0, f64w(I))));
    case RN_NP_RANDINT: return inf_op2(I, OP_ADD, inf_i64(I), a, draw(I, RND_NP_BOUNDED, b, inf_i64(I)));
    default: return draw(I, RND_NP_RANDOM, 0, f64w(I));
    }
}

static void fill_step(Inf *I, Ref k, void *p) {
    Fill *q = p;
    Ref v = np_value(I, q->kind, q->a, q->b);
    const Type *et = ty_scalar(I->tt, q->flat.ty->dtype, false);
    inf_store(I, q->flat.r, ex_coerce(I, val_of(I, v), et, q->at).r, &k, 1);
}

/* a value, or an array of the shape size (an int or a tuple) filled in C order */
static Val np_values(Inf *I, int kind, Ref a, Ref b, Node *size, const Ref *dims, int nd, Node *at) {
    Ref d[KILN_MAXDIM];
    if (size && size->kind != N_NONE) { nd = cl_shape_arg(I, size, d); dims = d; }
    else if (!dims) return mk(I, np_value(I, kind, a, b));
    int dt = kind == RN_NP_RANDINT ? KILN_INT64 : KILN_FLOAT64;
    Ref count = inf_k64(I, 1);
    for (int k = 0; k < nd; k++) {
        st_raise_if(I, inf_op2(I, OP_LT, inf_bool(I), dims[k], inf_k64(I, 0)), "ValueError", "negative dimensions are not allowed");
        count = inf_op2(I, OP_MUL, inf_i64(I), count, dims[k]);
    }
    Val arr = mk(I, inf_emit(I, OP_ALLOC, ty_array(I->tt, (kiln_dtype)dt, nd, LAYOUT_C), dims, (uint32_t)nd, 0));
    Fill q = {nd == 1 ? arr : vw_ravel(I, arr, at), kind, a, b, at};
    st_loop(I, at, "$fill%d", count, fill_step, &q);
    return arr;
}

/* ---- np.random.shuffle, permutation and choice: RandomState's own steps, written in Python ---- */

/* RandomState.shuffle: for i from n - 1 down to 1, j = random_interval(i), which is randint(0, i + 1)'s draw
 * (rt_np_bounded), then x[i] and x[j] swapped: items of a 1-d array or a list, rows of an n-d array (through a copy,
 * skipped where i == j, as NumPy's) */
#define NP_SWAP_ROWS(X, IND)                                                      \
    IND "    if i_ != j_:\n"                                                      \
    IND "        t_ = " X "[j_].copy()\n"                                         \
    IND "        " X "[j_] = " X "[i_]\n"                                         \
    IND "        " X "[i_] = t_\n"
#define NP_SWAP_ITEMS(X, IND) IND "    " X "[i_], " X "[j_] = " X "[j_], " X "[i_]\n"
#define NP_SHUFFLE(X, IND, SWAP)                                                  \
    IND "for i_ in range(len(" X ") - 1, 0, -1):\n"                               \
    IND "    j_ = " KILN_NP_NAME ".random.randint(0, i_ + 1)\n"                   \
    SWAP(X, IND)

static const char shuffle_items_text[] = "def shuffle(x):\n" NP_SHUFFLE("x", "    ", NP_SWAP_ITEMS);
static const char shuffle_rows_text[] = "def shuffle(x):\n" NP_SHUFFLE("x", "    ", NP_SWAP_ROWS);

/* permutation(n): arange(n) shuffled; of an array: a shuffled copy (1-d), or its rows in a shuffled order */
static const char permutation_int_text[] =
    "def permutation(n):\n"
    "    x = " KILN_NP_NAME ".arange(n)\n" NP_SHUFFLE("x", "    ", NP_SWAP_ITEMS) "    return x\n";
static const char permutation_rows_text[] =
    "def permutation(a):\n"
    "    x = " KILN_NP_NAME ".arange(len(a))\n" NP_SHUFFLE("x", "    ", NP_SWAP_ITEMS) "    return a[x]\n";
static const char permutation_items_text[] =
    "def permutation(a):\n"
    "    x = " KILN_NP_NAME ".array(a)\n" NP_SHUFFLE("x", "    ", NP_SWAP_ITEMS) "    return x\n";

/* choice(a, size, replace): RandomState.choice without p: randint(0, pop, size) with replacement, else the first
 * count of a permutation of range(pop) (shaped as size); of a's items, or (a an int) the indices themselves. pop and
 * count are the def's parameters; `one` (no size): a single item */
static const char *choice_text(bool replace, bool one, bool items, bool tuple, const char *atol, char *buf, size_t cap) {
    int w = snprintf(buf, cap,
        "def choice(a, pop, count, size%s):\n"
        "    if pop <= 0 and count != 0:\n"
        "        raise ValueError(\"%s\")\n", atol ? ", p" : "", items ? "'a' cannot be empty unless no samples are taken"
                                                  : "a must be greater than 0 unless no samples are taken");
    if (atol) { /* p: RandomState's checks (its Kahan sum), then the first cdf entry above a draw */
        w += snprintf(buf + w, cap - (size_t)w,
            "    if p.shape[0] != pop:\n"
            "        raise ValueError(\"'a' and 'p' must have same size\")\n"
            "    s = 0.0\n"
            "    if p.shape[0] > 0:\n"
            "        s = p[0]\n"
            "    c = 0.0\n"
            "    for i in range(1, p.shape[0]):\n"
            "        y = p[i] - c\n"
            "        t = s + y\n"
            "        c = (t - s) - y\n"
            "        s = t\n"
            "    if s != s:\n"
            "        raise ValueError(\"probabilities contain NaN\")\n"
            "    if (p < 0).any():\n"
            "        raise ValueError(\"probabilities are not non-negative\")\n"
            "    if abs(s - 1.0) > %s:\n"
            "        raise ValueError(\"probabilities do not sum to 1\")\n"
            "    cdf = " KILN_NP_NAME ".cumsum(p)\n"
            "    cdf /= cdf[-1]\n"
            "    idx = " KILN_NP_NAME ".searchsorted(cdf, " KILN_NP_NAME ".random.random_sample(%s), side=\"right\")\n",
            atol, one ? "" : "size");
    } else if (replace) {
        w += snprintf(buf + w, cap - (size_t)w, "    idx = " KILN_NP_NAME ".random.randint(0, pop%s)\n", one ? "" : ", size=size");
    } else {
        w += snprintf(buf + w, cap - (size_t)w,
            "    if count > pop:\n"
            "        raise ValueError(\"Cannot take a larger sample than population when 'replace=False'\")\n"
            "    if count < 0:\n"
            "        raise ValueError(\"negative dimensions are not allowed\")\n"
            "    x = " KILN_NP_NAME ".arange(pop)\n" NP_SHUFFLE("x", "    ", NP_SWAP_ITEMS)
            "    idx = %s\n", one ? "x[0]" : tuple ? "x[:count].reshape(size)" : "x[:count]");
    }
    snprintf(buf + w, cap - (size_t)w, "    return %s\n", items ? "a[idx]" : "idx");
    return buf;
}

/* the argument a of shuffle/permutation/choice: a list or an array, or (ints) an int */
static Val np_seq(Inf *I, Node *n, const char *fname, bool ints) {
    Val v = ex_expr(I, n);
    if (v.ty->kind == T_LIST || (v.ty->kind == T_ARRAY && v.ty->ndim >= 1)) return v;
    if (ints && v.ty->kind == T_SCALAR && dt_is_intlike(v.ty->dtype)) return v;
    if (ints && v.ty->kind == T_SCALAR) inf_fail(I, n, "x must be an integer or at least 1-dimensional");
    inf_fail(I, n, "%s() of %s is not supported (a list or an array%s)", fname, inf_tyname(I, v.ty), ints ? ", or an int" : "");
}

#define INLINE(text, args, n) it_inline(I, call, text, sizeof text - 1, "<numpy.random>", args, n)

static Val np_shuffle_call(Inf *I, Node *call, int k, const char *fname) {
    Node *arg[4] = {NULL, NULL, NULL, NULL};
    if (k != RN_NP_CHOICE) {
        cl_np_bind(I, call, fname, 0, (const char *const[]){"x", NULL}, 1, arg);
        if (!arg[0]) inf_fail(I, call, "%s() missing 1 required positional argument: 'x'", fname);
        if (k == RN_NP_SHUFFLE && arg[0]->kind != N_NAME) /* it shuffles in place: the caller's own array or list */
            inf_fail(I, arg[0], "np.random.shuffle() shuffles a variable's array or list in place: pass the name");
        Val x = np_seq(I, arg[0], fname, k == RN_NP_PERMUTATION);
        bool rows = x.ty->kind == T_ARRAY && x.ty->ndim > 1;
        if (k == RN_NP_SHUFFLE) return rows ? INLINE(shuffle_rows_text, arg, 1) : INLINE(shuffle_items_text, arg, 1);
        Node *held = it_held(I, call, 0, x);
        if (x.ty->kind == T_SCALAR) return INLINE(permutation_int_text, &held, 1);
        return rows ? INLINE(permutation_rows_text, &held, 1) : INLINE(permutation_items_text, &held, 1);
    }
    cl_np_bind(I, call, fname, 0, (const char *const[]){"a", "size", "replace", "p", NULL}, 4, arg);
    if (!arg[0]) inf_fail(I, call, "choice() missing 1 required positional argument: 'a'");
    if (arg[2] && arg[2]->kind != N_BOOL) inf_fail(I, arg[2], "np.random.choice(): replace must be True or False written there");
    bool replace = !arg[2] || arg[2]->v.i, weighted = arg[3] && arg[3]->kind != N_NONE;
    if (weighted && !replace) inf_fail(I, arg[3], "np.random.choice(): p= with replace=False is not supported yet");
    Val a = np_seq(I, arg[0], fname, true);
    if (a.ty->kind == T_LIST) a = ls_to_array(I, a, arg[0]); /* NumPy's asarray(a): its items come back as NumPy's */
    bool items = a.ty->kind != T_SCALAR;
    if (a.ty->kind == T_ARRAY && a.ty->ndim != 1) inf_fail(I, arg[0], "a must be 1-dimensional");
    Node *held = it_held(I, call, 0, a);
    Ref pop = items ? (a.ty->kind == T_LIST ? ls_len(I, a) : inf_dim(I, a, 0)) : ex_coerce(I, a, inf_i64(I), arg[0]).r;
    bool one = !arg[1] || arg[1]->kind == N_NONE, tuple = false;
    Ref count = inf_k64(I, 1);
    Val size = val_of(I, inf_k64(I, 1));
    if (!one) {
        size = ex_expr(I, arg[1]);
        tuple = size.ty->kind == T_TUPLE;
        Ref d[KILN_MAXDIM];
        int nd = cl_shape_arg(I, arg[1], d);
        for (int i = 0; i < nd; i++) count = inf_op2(I, OP_MUL, inf_i64(I), count, d[i]);
    }
    Node *args[5] = {held, it_held(I, call, 1, val_of(I, pop)), it_held(I, call, 2, val_of(I, count)), it_held(I, call, 3, size)};
    const char *atol = NULL;
    if (weighted) { /* p as float64 (a list too); the tolerance RandomState allows: sqrt of float64's eps, or float32's */
        Val p = np_seq(I, arg[3], fname, false);
        if (p.ty->kind == T_LIST) p = ls_to_array(I, p, arg[3]);
        if (p.ty->ndim != 1) inf_fail(I, arg[3], "'p' must be 1-dimensional");
        if (dt_is_complex(p.ty->dtype)) inf_fail(I, arg[3], "np.random.choice(): p must be real");
        atol = p.ty->dtype == KILN_FLOAT32 ? "0.00034526698300124393" : "1.4901161193847656e-08";
        if (p.ty->dtype != KILN_FLOAT64) p = la_cast(I, p, KILN_FLOAT64, arg[3]);
        args[4] = it_held(I, call, 4, p);
    }
    char buf[4096];
    const char *text = choice_text(replace, one, items, tuple, atol, buf, sizeof buf);
    return it_inline(I, call, text, strlen(text), "<numpy.random>", args, weighted ? 5 : 4);
}

static Val np_call(Inf *I, Node *call, int k) {
    char fname[48];
    snprintf(fname, sizeof fname, "np.random.%s", table[k].name);
    Node *arg[4] = {NULL, NULL, NULL, NULL};
    switch (k) {
    case RN_NP_DEFAULT_RNG: return gn_default_rng(I, call); /* generator.c */
    case RN_NP_SHUFFLE: case RN_NP_PERMUTATION: case RN_NP_CHOICE: return np_shuffle_call(I, call, k, fname);
    case RN_NP_SEED: {
        cl_np_bind(I, call, fname, 0, (const char *const[]){"seed", NULL}, 1, arg);
        if (!arg[0] || arg[0]->kind == N_NONE) inf_fail(I, call, "np.random.seed() needs an int here (seeding from the system is what an unseeded kernel does)");
        Ref s = int_arg(I, arg[0], fname);
        Ref bad = inf_op2(I, OP_OR, inf_bool(I), inf_op2(I, OP_LT, inf_bool(I), s, inf_k64(I, 0)),
                          inf_op2(I, OP_GT, inf_bool(I), s, inf_k64(I, 0xffffffffLL)));
        st_raise_if(I, bad, "ValueError", "Seed must be between 0 and 2**32 - 1");
        draw(I, RND_NP_SEED, s, NULL);
        return none(I);
    }
    case RN_NP_RANDOM: case RN_NP_RANDOM_SAMPLE: case RN_NP_STANDARD_NORMAL:
        cl_np_bind(I, call, fname, 0, (const char *const[]){"size", NULL}, 1, arg);
        return np_values(I, k, 0, 0, arg[0], NULL, 0, call);
    case RN_NP_RAND: case RN_NP_RANDN: { /* rand(d0, d1, ...): the dimensions as arguments */
        if (call->nkids2) inf_fail(I, call->kids2[0], "%s() takes no keyword arguments", fname);
        if (call->nkids > KILN_MAXDIM) inf_fail(I, call, "arrays of more than %d dimensions are not supported", KILN_MAXDIM);
        Ref dims[KILN_MAXDIM];
        for (int i = 0; i < call->nkids; i++) dims[i] = int_arg(I, call->kids[i], fname);
        return np_values(I, k, 0, 0, NULL, call->nkids ? dims : NULL, call->nkids, call);
    }
    case RN_NP_NORMAL: case RN_NP_UNIFORM: {
        bool normal = k == RN_NP_NORMAL;
        cl_np_bind(I, call, fname, 0, normal ? (const char *const[]){"loc", "scale", "size", NULL} : (const char *const[]){"low", "high", "size", NULL}, 3, arg);
        Ref a = float_arg(I, arg[0], 0.0, fname), b = float_arg(I, arg[1], 1.0, fname);
        if (normal) st_raise_if(I, inf_op2(I, OP_LT, inf_bool(I), b, inf_const_f(I, f64w(I), 0.0)), "ValueError", "scale < 0");
        else b = f_op(I, OP_SUB, b, a); /* uniform: low + (high - low) * draw */
        return np_values(I, k, a, b, arg[2], NULL, 0, call);
    }
    case RN_NP_RANDINT: { /* randint(low, high=None, size=None): low + a draw in [0, high - low - 1] */
        cl_np_bind(I, call, fname, 0, (const char *const[]){"low", "high", "size", "dtype", NULL}, 4, arg);
        if (!arg[0]) inf_fail(I, call, "randint() missing 1 required positional argument: 'low'");
        if (arg[3]) inf_fail(I, arg[3], "np.random.randint(): dtype= is not supported yet");
        Ref lo = int_arg(I, arg[0], fname), hi;
        if (arg[1] && arg[1]->kind != N_NONE) {
            hi = int_arg(I, arg[1], fname);
            st_raise_if(I, inf_op2(I, OP_GE, inf_bool(I), lo, hi), "ValueError", "low >= high");
        } else {
            hi = lo;
            lo = inf_k64(I, 0);
            st_raise_if(I, inf_op2(I, OP_LE, inf_bool(I), hi, lo), "ValueError", "high <= 0");
        }
        Ref rng = inf_op2(I, OP_SUB, inf_i64(I), inf_op2(I, OP_SUB, inf_i64(I), hi, lo), inf_k64(I, 1));
        return np_values(I, k, lo, rng, arg[2], NULL, 0, call);
    }
    }
    inf_fail(I, call, "%s is not supported", fname);
}

Val rn_call(Inf *I, Node *call, int k) { return table[k].mod == MOD_RANDOM ? py_call(I, call, k) : np_call(I, call, k); }
