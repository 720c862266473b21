/*
 * generator.c — NumPy's Generator in kernels: `rng = np.random.default_rng(seed)`
 * and its draws rng.random(size), rng.uniform(low, high, size) and
 * rng.integers(low, high, size, endpoint=False), rng.shuffle(x),
 * rng.permutation(x) and rng.choice(a, size, replace, shuffle=True), each
 * NumPy 2's numbers.
 *
 * A Generator is one value (T_RNG, the address of an RtRng the call owns:
 * rt/pcg64.c). What NumPy's Python layer does around a draw — its argument
 * checks and messages, uniform's range, integers' span and its open or
 * closed end, the result's type (a Python float, an np.int64, an array of
 * the shape `size` in C order) — is built here; the draws themselves are
 * OP_LIB routines: LIB_RNG_DRAW for one value, LIB_RNG_FILL for an array
 * (one routine for the whole array, because NumPy's integers keep half of a
 * 64-bit draw for the next value). normal() and the other ziggurat
 * distributions are refused: rt/pcg64.c says why.
 */
#include "infer.h"
#include "../ir/lib.h"
#include <string.h>

static Val mk(Inf *I, Ref r) { return val_of(I, r); }
static const Type *f64w(Inf *I) { return ty_scalar(I->tt, KILN_FLOAT64, true); }

static Ref real_arg(Inf *I, Node *n, double dflt, const char *fname) {
    if (!n || n->kind == N_NONE) return inf_const_f(I, f64w(I), dflt);
    Val v = ex_expr(I, n);
    if (v.ty->kind != T_SCALAR || dt_is_complex(v.ty->dtype)) inf_fail(I, n, "%s() needs a real number here, not %s", fname, inf_tyname(I, v.ty));
    return ex_coerce(I, v, f64w(I), n).r;
}

static Ref int_arg(Inf *I, Node *n, const char *fname) {
    Val v = ex_expr(I, n);
    if (v.ty->kind != T_SCALAR || !dt_is_intlike(v.ty->dtype)) inf_fail(I, n, "%s() needs an integer here, not %s", fname, inf_tyname(I, v.ty));
    return ex_coerce(I, v, inf_i64(I), n).r;
}

/* np.random.default_rng(seed=None) */
Val gn_default_rng(Inf *I, Node *call) {
    Node *arg[1] = {NULL};
    cl_np_bind(I, call, "np.random.default_rng", 0, (const char *const[]){"seed", NULL}, 1, arg);
    bool given = arg[0] && arg[0]->kind != N_NONE;
    Ref seed = given ? int_arg(I, arg[0], "default_rng") : inf_k64(I, 0);
    return mk(I, inf_emit(I, OP_LIB, &I->tt->rng, &seed, 1, LIB_RNG_NEW | (int64_t)given << 8));
}

/* size (None, an int or a tuple of ints) as dims: its rank, or -1 for None (one value); NumPy's ValueError for a
 * negative dimension */
static int size_dims(Inf *I, Node *size, Ref *dims) {
    if (!size || size->kind == N_NONE) return -1;
    int nd = cl_shape_arg(I, size, dims);
    for (int k = 0; k < nd; k++)
        st_raise_if(I, inf_op2(I, OP_LT, inf_bool(I), dims[k], inf_k64(I, 0)), "ValueError", "negative dimensions are not allowed");
    return nd;
}

/* how many values dims (nd >= 0) hold; 1 for one value (nd < 0) */
static Ref count_of(Inf *I, const Ref *dims, int nd) {
    Ref n = inf_k64(I, 1);
    for (int k = 0; k < nd; k++) n = inf_op2(I, OP_MUL, inf_i64(I), n, dims[k]);
    return n;
}

/* one value of kind (RNG_*), or (nd >= 0) an array of shape dims, filled in C order */
static Val draws(Inf *I, Val g, int kind, Ref a, Ref b, Ref lo, Ref span, const Ref *dims, int nd) {
    const Type *et = kind == RNG_INTEGERS ? inf_i64(I) : f64w(I);
    if (nd < 0) {
        Ref ops[5] = {g.r, a, b, lo, span};
        const Type *t = kind == RNG_INTEGERS ? ty_scalar(I->tt, KILN_INT64, false) : et; /* np.int64; a Python float */
        return mk(I, inf_emit(I, OP_LIB, t, ops, 5, LIB_RNG_DRAW | (int64_t)kind << 8));
    }
    Val arr = mk(I, inf_emit(I, OP_ALLOC, ty_array(I->tt, kind == RNG_INTEGERS ? KILN_INT64 : KILN_FLOAT64, nd, LAYOUT_C), dims,
                             (uint32_t)nd, 0));
    Ref ops[6] = {g.r, arr.r, a, b, lo, span};
    inf_emit(I, OP_LIB, NULL, ops, 6, LIB_RNG_FILL | (int64_t)kind << 8 | (int64_t)nd << 16);
    return arr;
}

/* a permutation routine (RNG_SHUFFLE, RNG_SAMPLE*, RNG_PERMUTATION) on arr, lo its integer operand */
static void permute(Inf *I, Val g, Val arr, int kind, Ref lo) {
    Ref zf = inf_const_f(I, f64w(I), 0.0);
    Ref ops[6] = {g.r, arr.r, zf, zf, lo, inf_k64(I, 0)};
    inf_emit(I, OP_LIB, NULL, ops, 6, LIB_RNG_FILL | (int64_t)kind << 8 | (int64_t)arr.ty->ndim << 16);
}

static bool bool_kw(Inf *I, Node *n, bool dflt, const char *what) {
    if (!n) return dflt;
    if (n->kind != N_BOOL && n->kind != N_INT) inf_fail(I, n, "Generator.%s must be True or False written in the call here", what);
    return n->v.i != 0;
}

static void axis_zero(Inf *I, Node *n, const char *fname) {
    if (n && !(n->kind == N_INT && n->v.i == 0))
        inf_fail(I, n, "Generator.%s(): only axis=0 is supported yet", fname);
}

/* what shuffle and permutation move: an array along its first axis (an n-d one's rows whole, so C-contiguous), or a
 * list's items; *bytes the size of one */
static Val movable(Inf *I, Val x, Node *at, const char *fname, Ref *bytes) {
    if (x.ty->kind == T_LIST) {
        const Type *it = ty_item(x.ty);
        if (it->kind != T_SCALAR && !ty_is_ref(it)) inf_fail(I, at, "Generator.%s() of a list of %s is not supported yet", fname, inf_tyname(I, it));
        *bytes = inf_k64(I, it->kind == T_SCALAR ? (int64_t)kiln_dtype_size((kiln_dtype)it->dtype) : 8);
        return ls_view(I, x);
    }
    if (x.ty->kind != T_ARRAY) inf_fail(I, at, "Generator.%s() of %s is not supported (an array or a list is)", fname, inf_tyname(I, x.ty));
    if (x.ty->ndim == 0) inf_fail(I, at, "axis 0 is out of bounds for array of dimension 0");
    if (x.ty->ndim > 1 && x.ty->layout != LAYOUT_C)
        inf_fail(I, at, "Generator.%s() of an n-d array that is not C-contiguous is not supported yet (copy it first)", fname);
    *bytes = x.ty->ndim == 1 ? inf_k64(I, (int64_t)kiln_dtype_size((kiln_dtype)x.ty->dtype)) : inf_emit(I, OP_STRIDE, inf_i64(I), &x.r, 1, 0);
    return x;
}

/* rng.choice(a, size=None, replace=True, p=None, axis=0, shuffle=True): indices as NumPy draws them (integers() with
 * replacement, Floyd's sample or a tail shuffle without), then a's items (rows) at them when a is an array */
static Val choice(Inf *I, Node *call, Val g) {
    Node *arg[6] = {NULL};
    cl_np_bind(I, call, "Generator.choice", 0, (const char *const[]){"a", "size", "replace", "p", "axis", "shuffle", NULL}, 6, arg);
    if (!arg[0]) inf_fail(I, call, "choice() missing 1 required positional argument: 'a'");
    if (arg[3] && arg[3]->kind != N_NONE) inf_fail(I, arg[3], "Generator.choice(): p= (weighted choice) is not supported yet");
    axis_zero(I, arg[4], "choice");
    bool replace = bool_kw(I, arg[2], true, "choice()'s replace="), sh = bool_kw(I, arg[5], true, "choice()'s shuffle=");
    Val a = ex_expr(I, arg[0]);
    if (a.ty->kind == T_LIST) a = ls_to_array(I, a, arg[0]);
    bool scalar = a.ty->kind == T_SCALAR && dt_is_intlike(a.ty->dtype);
    if (!scalar && (a.ty->kind != T_ARRAY || a.ty->ndim == 0))
        inf_fail(I, arg[0], "a must be a sequence or an integer, not %s", inf_tyname(I, a.ty));
    Ref pop = scalar ? ex_coerce(I, a, inf_i64(I), arg[0]).r : inf_emit(I, OP_DIM, inf_i64(I), &a.r, 1, 0);
    Ref dims[KILN_MAXDIM];
    int nd = size_dims(I, arg[1], dims);
    Ref total = count_of(I, dims, nd), zero = inf_k64(I, 0);
    Ref empty = inf_op2(I, scalar ? OP_LE : OP_EQ, inf_bool(I), pop, zero);
    st_raise_if(I, inf_op2(I, OP_AND, inf_bool(I), empty, inf_op2(I, OP_NE, inf_bool(I), total, zero)), "ValueError",
                scalar ? "a must be a positive integer unless no samples are taken" : "a cannot be empty unless no samples are taken");
    Val idx;
    if (replace) { /* integers(0, pop, size): an empty size draws nothing, whatever pop is */
        Ref span = inf_op2(I, OP_SUB, inf_i64(I), pop, inf_k64(I, 1));
        Ref zf = inf_const_f(I, f64w(I), 0.0);
        idx = draws(I, g, RNG_INTEGERS, zf, zf, zero, span, dims, nd);
    } else {
        st_raise_if(I, inf_op2(I, OP_GT, inf_bool(I), total, pop), "ValueError", "Cannot take a larger sample than population when replace is False");
        Ref one = inf_k64(I, 1);
        idx = mk(I, inf_emit(I, OP_ALLOC, ty_array(I->tt, KILN_INT64, nd < 0 ? 1 : nd, LAYOUT_C), nd < 0 ? &one : dims,
                             (uint32_t)(nd < 0 ? 1 : nd), 0));
        permute(I, g, idx, sh ? RNG_SAMPLE_SHUFFLED : RNG_SAMPLE, pop);
        if (nd < 0) idx = mk(I, inf_load(I, idx.r, ty_scalar(I->tt, KILN_INT64, false), &zero, 1)); /* idx.item(0) */
    }
    if (scalar) return idx;
    if (nd < 0) { /* a[idx]: an item, or a row (a copy, as take() gives) */
        Ref j = ex_coerce(I, idx, inf_i64(I), call).r;
        if (a.ty->ndim == 1) return mk(I, inf_load(I, a.r, ty_scalar(I->tt, a.ty->dtype, false), &j, 1));
        Val ix = mk(I, inf_emit(I, OP_ALLOC, ty_array(I->tt, KILN_INT64, 1, LAYOUT_C), &(Ref){inf_k64(I, 1)}, 1, 0));
        inf_store(I, ix.r, j, &zero, 1);
        Val rows = fx_read(I, a, ix, call); /* one row, shape (1, ...): its view without the first axis */
        Ref rd[KILN_MAXDIM], rs[KILN_MAXDIM];
        for (int k = 1; k < rows.ty->ndim; k++) {
            rd[k - 1] = inf_emit(I, OP_DIM, inf_i64(I), &rows.r, 1, k);
            rs[k - 1] = inf_emit(I, OP_STRIDE, inf_i64(I), &rows.r, 1, k);
        }
        return vw_make(I, rows, zero, rd, rs, rows.ty->ndim - 1, LAYOUT_C, call);
    }
    return fx_read(I, a, idx, call);
}

Val gn_method(Inf *I, Node *call, Val g, const char *m) {
    Node *arg[5] = {NULL, NULL, NULL, NULL, NULL};
    Ref zf = inf_const_f(I, f64w(I), 0.0), zi = inf_k64(I, 0);
    if (!strcmp(m, "random")) {
        cl_np_bind(I, call, "Generator.random", 0, (const char *const[]){"size", "dtype", NULL}, 2, arg);
        if (arg[1]) inf_fail(I, arg[1], "Generator.random(): dtype= is not supported yet (float64 draws)");
        Ref dims[KILN_MAXDIM];
        int nd = size_dims(I, arg[0], dims);
        return draws(I, g, RNG_RANDOM, zf, zf, zi, zi, dims, nd);
    }
    if (!strcmp(m, "uniform")) { /* low + (high - low) * a draw; the range must be finite */
        cl_np_bind(I, call, "Generator.uniform", 0, (const char *const[]){"low", "high", "size", NULL}, 3, arg);
        Ref lo = real_arg(I, arg[0], 0.0, "uniform"), hi = real_arg(I, arg[1], 1.0, "uniform");
        Ref range = inf_op2(I, OP_SUB, f64w(I), hi, lo);
        Ref inf = inf_const_f(I, f64w(I), __builtin_inf());
        Ref finite = inf_op2(I, OP_AND, inf_bool(I), inf_op2(I, OP_LT, inf_bool(I), range, inf),
                             inf_op2(I, OP_GT, inf_bool(I), range, inf_op2(I, OP_SUB, f64w(I), zf, inf)));
        st_raise_if(I, inf_op2(I, OP_EQ, inf_bool(I), finite, inf_const_i(I, inf_bool(I), 0)), "OverflowError",
                    "high - low range exceeds valid bounds");
        Ref dims[KILN_MAXDIM];
        int nd = size_dims(I, arg[2], dims);
        return draws(I, g, RNG_UNIFORM, lo, range, zi, zi, dims, nd);
    }
    if (!strcmp(m, "integers")) { /* low + a draw in [0, span]: span = high - low, less one for an open end */
        cl_np_bind(I, call, "Generator.integers", 0, (const char *const[]){"low", "high", "size", "dtype", "endpoint", NULL}, 5, arg);
        if (!arg[0]) inf_fail(I, call, "integers() missing 1 required positional argument: 'low'");
        if (arg[3]) inf_fail(I, arg[3], "Generator.integers(): dtype= is not supported yet (int64 draws)");
        bool closed = false;
        if (arg[4]) {
            if (arg[4]->kind != N_BOOL) inf_fail(I, arg[4], "Generator.integers(): endpoint= must be True or False here");
            closed = arg[4]->v.i != 0;
        }
        Ref lo = int_arg(I, arg[0], "integers"), hi;
        if (arg[1] && arg[1]->kind != N_NONE) hi = int_arg(I, arg[1], "integers");
        else { hi = lo; lo = zi; } /* integers(high): [0, high) */
        if (!closed) hi = inf_op2(I, OP_SUB, inf_i64(I), hi, inf_k64(I, 1)); /* NumPy's closed interval [lo, hi] */
        Ref dims[KILN_MAXDIM];
        int nd = size_dims(I, arg[2], dims);
        Ref bad = inf_op2(I, OP_GT, inf_bool(I), lo, hi); /* an empty size draws nothing and checks nothing, as NumPy's */
        if (nd >= 0) bad = inf_op2(I, OP_AND, inf_bool(I), bad, inf_op2(I, OP_NE, inf_bool(I), count_of(I, dims, nd), zi));
        st_raise_if(I, bad, "ValueError", closed ? "low > high" : "low >= high");
        Ref span = inf_op2(I, OP_SUB, inf_i64(I), hi, lo); /* as uint64: the whole int64 range fits */
        return draws(I, g, RNG_INTEGERS, zf, zf, lo, span, dims, nd);
    }
    if (!strcmp(m, "shuffle")) { /* in place, None */
        cl_np_bind(I, call, "Generator.shuffle", 0, (const char *const[]){"x", "axis", NULL}, 2, arg);
        if (!arg[0]) inf_fail(I, call, "shuffle() missing 1 required positional argument: 'x'");
        axis_zero(I, arg[1], "shuffle");
        Ref bytes;
        Val x = movable(I, ex_expr(I, arg[0]), arg[0], "shuffle", &bytes);
        permute(I, g, x, RNG_SHUFFLE, bytes);
        Val none = {0};
        none.ty = &I->tt->none; none.r = inf_static(I, none.ty); none.str = -1;
        return none;
    }
    if (!strcmp(m, "permutation")) { /* a shuffled range(n), or a shuffled copy */
        cl_np_bind(I, call, "Generator.permutation", 0, (const char *const[]){"x", "axis", NULL}, 2, arg);
        if (!arg[0]) inf_fail(I, call, "permutation() missing 1 required positional argument: 'x'");
        axis_zero(I, arg[1], "permutation");
        Val x = ex_expr(I, arg[0]);
        if (x.ty->kind == T_SCALAR && dt_is_intlike(x.ty->dtype)) { /* np.arange(n): empty for n <= 0 */
            Ref n = ex_coerce(I, x, inf_i64(I), arg[0]).r;
            n = inf_sel(I, inf_i64(I), inf_op2(I, OP_GT, inf_bool(I), n, zi), n, zi);
            Val out = mk(I, inf_emit(I, OP_ALLOC, ty_array(I->tt, KILN_INT64, 1, LAYOUT_C), &n, 1, 0));
            permute(I, g, out, RNG_PERMUTATION, zi);
            return out;
        }
        if (x.ty->kind == T_LIST) x = ls_to_array(I, x, arg[0]);
        Ref bytes;
        if (x.ty->kind == T_ARRAY && x.ty->ndim >= 1) x = cl_acopy(I, x); /* the copy shuffled: NumPy's rows, the same draws */
        x = movable(I, x, arg[0], "permutation", &bytes);
        permute(I, g, x, RNG_SHUFFLE, bytes);
        return x;
    }
    if (!strcmp(m, "choice")) return choice(I, call, g);
    if (!strcmp(m, "normal") || !strcmp(m, "standard_normal") || !strcmp(m, "exponential") || !strcmp(m, "standard_exponential") ||
        !strcmp(m, "gamma") || !strcmp(m, "standard_gamma"))
        inf_fail(I, call, "Generator.%s() is not supported yet: NumPy draws it with a ziggurat whose tables kiln does not "
                 "reproduce bit for bit (np.random.%s, the legacy stream, is supported)", m, !strcmp(m, "standard_normal") ? "standard_normal" : "normal");
    inf_fail(I, call, "'Generator' object has no attribute '%s' (or kiln does not support it yet: random, uniform, integers, "
             "shuffle, permutation and choice are)", m);
}
