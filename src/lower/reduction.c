/*
 * reduction.c — np.sum/prod/mean/var/std/min/max/argmin/argmax/all/any and
 * cumsum/cumprod, as numpy functions and as array methods.
 *
 * The axis and keepdims must be constants: they decide the result's rank,
 * which is part of its type. The result dtype follows NumPy (sums and
 * products of bools and small ints widen to int64/uint64, means and
 * variances of ints are float64, of float32 float32). The computation is one
 * OP_LIB, run by rt/reduce.c in NumPy's order of operations on every tier;
 * an array expression operand is materialized first.
 */
#include "infer.h"
#include "../ir/lib.h"
#include <string.h>

static const struct { const char *name; int kind; } reductions[] = {
    {"sum", RK_SUM}, {"prod", RK_PROD}, {"mean", RK_MEAN}, {"var", RK_VAR}, {"std", RK_STD}, {"min", RK_MIN},
    {"max", RK_MAX}, {"amin", RK_MIN}, {"amax", RK_MAX}, {"argmin", RK_ARGMIN}, {"argmax", RK_ARGMAX},
    {"all", RK_ALL}, {"any", RK_ANY}, {"cumsum", RK_CUMSUM}, {"cumprod", RK_CUMPROD},
    {"average", RK_MEAN}, /* np.average without weights is a.mean(axis): NumPy computes it so */
};

int rd_lookup(const char *name) {
    for (size_t i = 0; i < NELEM(reductions); i++)
        if (strcmp(reductions[i].name, name) == 0) return (int)i;
    return -1;
}

/* NumPy's result dtype for kind over elements of dtype d */
static int result_dtype(int kind, int d) {
    switch (kind) {
    case RK_SUM: case RK_PROD: case RK_CUMSUM: case RK_CUMPROD:
        if (dt_is_complex(d)) return d;
        if (d == KILN_BOOL || (dt_is_signed(d) && d != KILN_INT64)) return KILN_INT64;
        if (dt_is_unsigned(d)) return KILN_UINT64;
        return d;
    case RK_MEAN:
        if (dt_is_complex(d)) return d;
        return d == KILN_FLOAT32 ? KILN_FLOAT32 : KILN_FLOAT64;
    case RK_VAR: case RK_STD: /* real: the mean squared magnitude; complex64's in float32 */
        if (d == KILN_COMPLEX64) return KILN_FLOAT32;
        return d == KILN_FLOAT32 ? KILN_FLOAT32 : KILN_FLOAT64;
    case RK_MIN: case RK_MAX: return d; /* complex: in NumPy's order (rt/reduce.c) */
    case RK_ARGMIN: case RK_ARGMAX: return KILN_INT64;
    default: return KILN_BOOL;
    }
}

static int64_t const_int(Inf *I, Node *k, const char *what) {
    return cl_const_int(I, k, what, " (it decides the result's shape)");
}

/* the axes bit set of an axis argument (None: every axis) */
static unsigned axes_of(Inf *I, Node *k, int nd, bool one_only) {
    if (!k || k->kind == N_NONE) return nd ? (1u << nd) - 1 : 0;
    Node **items = &k;
    int n = 1;
    if (k->kind == N_TUPLE) {
        if (one_only) inf_fail(I, k, "axis must be an integer or None here");
        items = k->kids; n = k->nkids;
    }
    unsigned m = 0;
    for (int i = 0; i < n; i++) {
        int64_t a = const_int(I, items[i], "axis");
        if (a < -nd || a >= nd) inf_fail(I, items[i], "axis %lld is out of bounds for array of dimension %d", (long long)a, nd);
        if (a < 0) a += nd;
        if (m & (1u << a)) inf_fail(I, items[i], "duplicate value in 'axis'");
        m |= 1u << a;
    }
    return m;
}

static bool keepdims_node(Node *keep) { return keep && keep->kind == N_BOOL && keep->v.i; }

/* NumPy's parameters of each reduction after the array, in its order (np.sum(a, axis, dtype, out,
 * keepdims, initial, where); the method a.sum(...) takes the same); *npos: how many may be positional */
static const char *const *params_of(int kind, int *npos) {
    static const char *const sum[] = {"axis", "dtype", "out", "keepdims", "initial", "where", NULL};
    static const char *const mean[] = {"axis", "dtype", "out", "keepdims", "where", NULL};
    static const char *const var[] = {"axis", "dtype", "out", "ddof", "keepdims", "where", "mean", "correction", NULL};
    static const char *const minmax[] = {"axis", "out", "keepdims", "initial", "where", NULL};
    static const char *const argm[] = {"axis", "out", "keepdims", NULL};
    static const char *const allany[] = {"axis", "out", "keepdims", "where", NULL};
    static const char *const cum[] = {"axis", "dtype", "out", NULL};
    switch (kind) {
    case RK_SUM: case RK_PROD: *npos = 6; return sum;
    case RK_MEAN: *npos = 4; return mean;
    case RK_VAR: case RK_STD: *npos = 5; return var;
    case RK_MIN: case RK_MAX: *npos = 5; return minmax;
    case RK_ARGMIN: case RK_ARGMAX: *npos = 2; return argm;
    case RK_CUMSUM: case RK_CUMPROD: *npos = 3; return cum;
    default: *npos = 3; return allany;
    }
}

/* var/std's ddof= as an int64 */
static Ref ddof_value(Inf *I, Node *ddof) {
    Val d = ex_expr(I, ddof);
    if (d.ty->kind != T_SCALAR || !dt_is_intlike(d.ty->dtype)) inf_fail(I, ddof, "ddof must be an integer");
    return ex_coerce(I, d, ty_scalar(I->tt, KILN_INT64, true), ddof).r;
}

/* var or std of a 1-d float array or expression as NumPy's _var computes it: the mean (a pairwise sum over the
 * length n), the squared deviations (a - mean) * (a - mean), their pairwise sum over max(n - ddof, 0), and the
 * square root for std; each sum inline up to 128 elements (fuse.c ew_sum_pairwise), through the runtime beyond
 * (a row of 64: 188 ns through the runtime's variance, with its temporary) */
static Val var_1d(Inf *I, Val a, int kind, Node *ddof, Node *at) {
    const Type *t = ty_scalar(I->tt, a.ty->dtype, false), *f64 = ty_scalar(I->tt, KILN_FLOAT64, false);
    Ref n;
    Val mean = ew_sum_pairwise(I, a, RK_MEAN, at, &n);
    mean.ty = t;
    Val dev = ew_binop(I, TK_MINUS, a, mean, at);
    Val ss = ew_sum_pairwise(I, ew_binop(I, TK_STAR, dev, dev, at), RK_SUM, at, NULL);
    Ref cnt = n;
    if (ddof) cnt = inf_op2(I, OP_SUB, inf_i64(I), n, ddof_value(I, ddof));
    Ref zero = inf_const_i(I, inf_i64(I), 0), sel[3] = {inf_op2(I, OP_LT, inf_bool(I), cnt, zero), zero, cnt};
    cnt = inf_emit(I, OP_SELECT, inf_i64(I), sel, 3, 0);
    Ref by = inf_emit(I, OP_CAST, t, &cnt, 1, 0);
    Ref var = inf_op2(I, OP_DIV, t, ex_coerce(I, ss, t, at).r, by);
    I->f->ins.v[var].flags |= INS_NUMPY; /* 0 / 0 is nan, not ZeroDivisionError */
    if (kind == RK_VAR) return val_of(I, var);
    Ref w = ex_coerce(I, val_of(I, var), f64, at).r;
    Ref r = inf_emit(I, OP_MATH, f64, &w, 1, MF_SQRT);
    I->f->ins.v[r].flags |= INS_NUMPY; /* NumPy's sqrt: no ValueError */
    return ex_coerce(I, val_of(I, r), t, at);
}

/* the sum or product of all of a accumulated in dtype dt (dtype=): for an integer dt the items cast to dt and added
 * in int64 or uint64, then wrapped to dt (addition and multiplication modulo 2**bits do not depend on the order); for a
 * float dt, of a 1-d array, NumPy's casting reduction: the items in order cast in buffers of 8192, each buffer's
 * pairwise sum added to the total in turn (a product: in order through them all; checked against NumPy 2.4 on strided
 * and reversed views of 50,001 items). Anything else keeps the compile error */
static Val sum_as(Inf *I, Node *call, Val a, int kind, int dt, bool axes, const char *nm, int odt) {
    bool ok = (kind == RK_SUM || kind == RK_PROD) && !axes && !dt_is_complex(dt) && !dt_is_complex(a.ty->dtype) && dt != KILN_BOOL;
    if (ok && dt_is_float(dt) && a.ty->ndim != 1) ok = false;
    if (!ok)
        inf_fail(I, call, "%s(): a dtype= other than the result's own (%s) is not supported here (an integer dtype of a whole "
                 "sum or product is, a float one of a 1-d array's)", nm, kiln_dtype_name((kiln_dtype)odt));
    ItCall *c = it_call_new(I, call, "<numpy>");
    it_call_hold(c, a);
    const char *d = kiln_dtype_name((kiln_dtype)dt), *op = kind == RK_SUM ? "sum" : "prod";
    if (dt_is_int(dt))
        it_call_put(c, "def %s_as(a):\n    return np.%s(a.astype(np.%s).%s())\n", op, d, d, op);
    else if (kind == RK_PROD) /* in order through every buffer: the cast items' product */
        it_call_put(c, "def prod_as(a):\n    return a.astype(np.%s).prod()\n", d);
    else
        it_call_put(c, "def sum_as(a):\n    f = a\n    n = f.shape[0]\n"
                       "    r = np.%s(0)\n    for i in range(0, n, 8192):\n        r = r + f[i:i + 8192].astype(np.%s).sum()\n"
                       "    return r\n", d, d);
    return it_call_inline(c);
}

/* argmin/argmax of a short 1-d array inline: the first extreme, where one is NaN the first NaN (rt/reduce.c
 * arg_reduce's rule: a float replaces the best where !(x >= best) for argmin, !(x <= best) for argmax, and nothing
 * replaces a NaN); empty or longer arrays through the runtime (its ValueError, its loop). The runtime's call was most
 * of a k-means step's assignment of a point to its nearest of 8 centres */
enum { ARG_INLINE = 32 };
typedef struct ArgSmall { Val a; int kind; Node *best, *idx; const Type *et; } ArgSmall;

static void arg_step(Inf *I, Ref i0, void *ctx) {
    ArgSmall *q = ctx;
    Ref i = inf_op2(I, OP_ADD, inf_i64(I), i0, inf_const_i(I, inf_i64(I), 1));
    Ref x = inf_load(I, q->a.r, q->et, &i, 1), b = inf_read_name(I, q->best).r;
    Ref better;
    if (dt_is_float(q->et->dtype)) {
        Ref cmp = inf_op2(I, q->kind == RK_ARGMIN ? OP_GE : OP_LE, inf_bool(I), x, b);
        Ref b_num = inf_op2(I, OP_EQ, inf_bool(I), b, b); /* a NaN best stays */
        better = inf_op2(I, OP_AND, inf_bool(I), inf_op2(I, OP_EQ, inf_bool(I), cmp, inf_const_i(I, inf_bool(I), 0)), b_num);
    } else {
        better = inf_op2(I, q->kind == RK_ARGMIN ? OP_LT : OP_GT, inf_bool(I), x, b);
    }
    Ref bo[3] = {better, x, b}, io[3] = {better, i, inf_read_name(I, q->idx).r};
    inf_assign(I, q->best, val_of(I, inf_emit(I, OP_SELECT, q->et, bo, 3, 0)));
    inf_assign(I, q->idx, val_of(I, inf_emit(I, OP_SELECT, inf_i64(I), io, 3, 0)));
}

static Val arg_small(Inf *I, Val a, int kind, int64_t aux, Node *at) {
    ArgSmall q = {a, kind, st_hidden(I, "$argb%d", at), st_hidden(I, "$argi%d", at), ty_scalar(I->tt, a.ty->dtype, false)};
    Node *res = st_hidden(I, "$arg%d", at);
    Ref n = inf_emit(I, OP_DIM, inf_i64(I), &a.r, 1, 0), zero = inf_const_i(I, inf_i64(I), 0);
    uint32_t small = inf_block(I), big = inf_block(I), done = inf_block(I);
    Ref fits = inf_op2(I, OP_AND, inf_bool(I), inf_op2(I, OP_GT, inf_bool(I), n, zero),
                       inf_op2(I, OP_LE, inf_bool(I), n, inf_const_i(I, inf_i64(I), ARG_INLINE)));
    inf_branch(I, fits, small, big);
    inf_seal(I, small); inf_seal(I, big);
    I->cur = small;
    inf_assign(I, q.best, val_of(I, inf_load(I, a.r, q.et, &zero, 1)));
    inf_assign(I, q.idx, val_of(I, zero));
    st_loop(I, at, "$argl%d", inf_op2(I, OP_SUB, inf_i64(I), n, inf_const_i(I, inf_i64(I), 1)), arg_step, &q);
    inf_assign(I, res, inf_read_name(I, q.idx));
    inf_jump(I, done);
    I->cur = big;
    inf_assign(I, res, val_of(I, inf_emit(I, OP_LIB, ty_scalar(I->tt, KILN_INT64, false), &a.r, 1, aux)));
    inf_jump(I, done);
    I->cur = done;
    inf_seal(I, done);
    return inf_read_name(I, res);
}

/* the runtime's sum or mean along axis 1 of the 2-d array or expression a (ew_sum_rows' way for long rows) */
typedef struct RowsLib { Val a; int kind, odt; Node *at; } RowsLib;
static Val rows_lib(Inf *I, void *ctx) {
    RowsLib *q = ctx;
    Val a = q->a.ew ? ew_force(I, q->a, q->at) : q->a;
    const Type *rt = ty_array(I->tt, (kiln_dtype)q->odt, 1, LAYOUT_C);
    return val_of(I, inf_emit(I, OP_LIB, rt, &a.r, 1, rd_pack(q->kind, 2u, -1, false, true, q->odt)));
}

/* kind (an index into reductions) of a, called as np.NAME(a, ...) (self NULL) or a.NAME(...) */
Val rd_call(Inf *I, Node *call, int which, const Val *self) {
    const char *nm = reductions[which].name;
    int kind = reductions[which].kind;
    int first = self ? 0 : 1;
    if (!self && call->nkids < 1) inf_fail(I, call, "%s() missing required argument 'a'", nm);
    Node *arg[8];
    int npos;
    const char *const *params = params_of(kind, &npos);
    static const char *const average[] = {"axis", "weights", "returned", "keepdims", NULL};
    bool is_average = !strcmp(nm, "average");
    if (is_average) { params = average; npos = 4; }
    cl_np_bind(I, call, nm, first, params, npos, arg);
    if (is_average && arg[1] && arg[1]->kind != N_NONE) { /* weights */
        if ((arg[0] && arg[0]->kind != N_NONE) || (arg[2] && !(arg[2]->kind == N_BOOL && !arg[2]->v.i)) || arg[3])
            inf_fail(I, call, "np.average() with weights= takes no axis=, returned= or keepdims= yet");
        return nm_average_weighted(I, call, call->kids[0], arg[1]);
    }
    Node *axis = NULL, *keep = NULL, *ddof = NULL, *dtype = NULL;
    for (int i = 0; params[i]; i++) {
        const char *p = params[i];
        if (!strcmp(p, "axis")) axis = arg[i];
        else if (!strcmp(p, "keepdims")) keep = arg[i];
        else if (!strcmp(p, "ddof")) ddof = arg[i];
        else if (!strcmp(p, "dtype")) dtype = arg[i];
        else if (!strcmp(p, "out") || !strcmp(p, "weights")) cl_np_default(I, arg[i], nm, p, N_NONE);
        else if (!strcmp(p, "returned")) {
            if (arg[i] && !(arg[i]->kind == N_BOOL && !arg[i]->v.i))
                inf_fail(I, arg[i], "%s(): returned= other than False is not supported", nm);
        }
        else if (!strcmp(p, "where") && arg[i] && !(arg[i]->kind == N_BOOL && arg[i]->v.i))
            inf_fail(I, arg[i], "%s(): where= other than True is not supported", nm);
        else if (strcmp(p, "where") && arg[i]) inf_fail(I, arg[i], "%s(): %s= is not supported", nm, p);
    }
    Val a = self ? *self : ex_value(I, call->kids[0]);
    if (a.ty->kind == T_UNKNOWN) return a;
    bool whole = (!axis || axis->kind == N_NONE) && !keepdims_node(keep);
    bool one_d = whole && a.ty->kind == T_ARRAY && a.ty->ndim == 1; /* all of a 1-d array or expression */
    int odt = result_dtype(kind, a.ty->dtype);
    /* a float sum, mean, var or std of one: NumPy's pairwise sums, inline when short */
    bool flat = one_d && (!dtype || dtype->kind == N_NONE) && dt_is_float(odt) && odt == (int)a.ty->dtype;
    if (flat && (kind == RK_SUM || kind == RK_MEAN)) return ew_sum_pairwise(I, a, kind, call, NULL);
    if (flat && (kind == RK_VAR || kind == RK_STD)) return var_1d(I, a, kind, ddof, call);
    if ((kind == RK_SUM || kind == RK_MEAN) && a.ty->kind == T_ARRAY && a.ty->ndim == 2 && axis && axis->kind != N_NONE &&
        (!keep || (keep->kind == N_BOOL && !keep->v.i)) && (!dtype || dtype->kind == N_NONE) && dt_is_float(odt) &&
        odt == (int)a.ty->dtype && axes_of(I, axis, 2, false) == 2u && ew_rows_fit(I, a, call)) {
        RowsLib q = {a, kind, odt, self ? call : call->kids[0]}; /* the rows' sums inline where they are short */
        return ew_sum_rows(I, a, kind, call, rows_lib, &q);
    }
    if (a.ew) { /* an array expression: fused into the reduction when the order cannot matter */
        if (whole && ew_fusable_reduction(I, kind, odt)) return ew_reduce(I, a, kind, odt, call);
        a = ew_force(I, a, self ? call : call->kids[0]);
    } else if (one_d && (kind == RK_MAX || kind == RK_MIN) && (dt_is_float(odt) || dt_is_int(odt)) &&
               ew_fusable_reduction(I, kind, odt)) { /* a short 1-d array: a loop here rather than the runtime's call */
        return ew_extreme_small(I, a, kind, odt, call);
    }
    if (a.ty->kind == T_SCALAR) a = cl_zero_d(I, a, call); /* np.sum(x) of a number reduces np.asarray(x) */
    if (a.ty->kind != T_ARRAY) inf_fail(I, call, "%s() needs an array here, not %s", nm, inf_tyname(I, a.ty));
    int nd = a.ty->ndim;
    bool keepdims = false;
    if (keep) {
        if (keep->kind != N_BOOL) inf_fail(I, keep, "keepdims must be True or False here (it decides the result's shape)");
        keepdims = keep->v.i != 0;
    }
    bool one_axis = kind == RK_ARGMIN || kind == RK_ARGMAX || kind == RK_CUMSUM || kind == RK_CUMPROD;
    int axis1 = -1;
    unsigned axes = axes_of(I, axis, nd, one_axis);
    if (one_axis && axis && axis->kind != N_NONE)
        for (int k = 0; k < nd; k++) if (axes == 1u << k) axis1 = k;
    odt = result_dtype(kind, a.ty->dtype);
    if (dtype && dtype->kind != N_NONE && cl_dtype_arg(I, dtype) != odt) /* another accumulator: another order */
        return sum_as(I, call, a, kind, cl_dtype_arg(I, dtype), (axis && axis->kind != N_NONE) || keepdims, nm, odt);
    int rnd; /* the result's rank */
    if (kind == RK_CUMSUM || kind == RK_CUMPROD) rnd = axis1 < 0 ? 1 : nd;
    else if (one_axis) rnd = keepdims ? nd : axis1 < 0 ? 0 : nd - 1;
    else rnd = keepdims ? nd : nd - __builtin_popcount(axes);
    bool array_result = rnd > 0 || (kind == RK_CUMSUM || kind == RK_CUMPROD);
    const Type *rt = array_result ? ty_array(I->tt, (kiln_dtype)odt, rnd, LAYOUT_C) : ty_scalar(I->tt, (kiln_dtype)odt, false);
    Ref ops[2] = {a.r, 0};
    uint32_t n = 1;
    if (ddof) {
        ops[1] = ddof_value(I, ddof);
        n = 2;
    }
    int64_t aux = rd_pack(kind, axes, axis1, keepdims, array_result, odt);
    if ((kind == RK_ARGMIN || kind == RK_ARGMAX) && nd == 1 && !array_result &&
        (dt_is_float(a.ty->dtype) || dt_is_int(a.ty->dtype)))
        return arg_small(I, a, kind, aux, call);
    return val_of(I, inf_emit(I, OP_LIB, rt, ops, n, aux));
}

Val rd_whole(Inf *I, Val a, int kind, Node *at) { return rd_axes(I, a, kind, a.ty->ndim ? (1u << a.ty->ndim) - 1 : 0, at); }

Val rd_axes(Inf *I, Val a, int kind, unsigned axes, Node *at) {
    (void)at;
    int odt = result_dtype(kind, a.ty->dtype), rnd = a.ty->ndim - __builtin_popcount(axes);
    const Type *rt = rnd > 0 ? ty_array(I->tt, (kiln_dtype)odt, rnd, LAYOUT_C) : ty_scalar(I->tt, (kiln_dtype)odt, false);
    int64_t aux = rd_pack(kind, axes, -1, false, rnd > 0, odt);
    return val_of(I, inf_emit(I, OP_LIB, rt, &a.r, 1, aux));
}

/* x in a, for an array a: NumPy's ndarray.__contains__, (a == x).any(), fused into one loop that
 * stops at nothing (the comparisons are pure) and is a Python bool, as `in` always gives */
Val rd_contains(Inf *I, Val a, Val x, Node *at) {
    if (x.ty->kind != T_SCALAR && !ew_is_array(x))
        inf_fail(I, at, "'in' on an array needs a number to look for, not %s", inf_tyname(I, x.ty));
    Val eq = ew_compare(I, TK_EQ, a, x, at);
    Val any;
    if (eq.ew && ew_fusable_reduction(I, RK_ANY, KILN_BOOL)) any = ew_reduce(I, eq, RK_ANY, KILN_BOOL, at);
    else {
        if (eq.ew) eq = ew_force(I, eq, at);
        const Type *nb = ty_scalar(I->tt, KILN_BOOL, false);
        unsigned axes = axes_of(I, NULL, eq.ty->ndim, false); /* every axis */
        any = val_of(I, inf_emit(I, OP_LIB, nb, &eq.r, 1, rd_pack(RK_ANY, axes, -1, false, false, KILN_BOOL)));
    }
    if (any.ty->kind != T_SCALAR) return any; /* unknown: inferred again */
    return ex_coerce(I, any, ty_scalar(I->tt, KILN_BOOL, true), at);
}
