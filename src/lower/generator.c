/*
 * generator.c — NumPy's Generator in kernels: `rng = np.random.default_rng(seed)`
 * and its draws rng.random(size), rng.uniform(low, high, size) and
 * rng.integers(low, high, size, endpoint=False), each NumPy 2's numbers.
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

/* one value of kind (RNG_*), or with size (an int or a tuple of ints) an array of that shape, filled in C order */
static Val draws(Inf *I, Val g, int kind, Ref a, Ref b, Ref lo, Ref span, Node *size) {
    const Type *et = kind == RNG_INTEGERS ? inf_i64(I) : f64w(I);
    if (!size || size->kind == N_NONE) {
        Ref ops[5] = {g.r, a, b, lo, span};
        const Type *t = kind == RNG_INTEGERS ? ty_scalar(I->tt, KILN_INT64, false) : et; /* np.int64; a Python float */
        return mk(I, inf_emit(I, OP_LIB, t, ops, 5, LIB_RNG_DRAW | (int64_t)kind << 8));
    }
    Ref dims[KILN_MAXDIM];
    int nd = cl_shape_arg(I, size, dims);
    for (int k = 0; k < nd; k++)
        st_raise_if(I, inf_op2(I, OP_LT, inf_bool(I), dims[k], inf_k64(I, 0)), "ValueError", "negative dimensions are not allowed");
    Val arr = mk(I, inf_emit(I, OP_ALLOC, ty_array(I->tt, kind == RNG_INTEGERS ? KILN_INT64 : KILN_FLOAT64, nd, LAYOUT_C), dims,
                             (uint32_t)nd, 0));
    Ref ops[6] = {g.r, arr.r, a, b, lo, span};
    inf_emit(I, OP_LIB, NULL, ops, 6, LIB_RNG_FILL | (int64_t)kind << 8 | (int64_t)nd << 16);
    return arr;
}

Val gn_method(Inf *I, Node *call, Val g, const char *m) {
    Node *arg[5] = {NULL, NULL, NULL, NULL, NULL};
    Ref zf = inf_const_f(I, f64w(I), 0.0), zi = inf_k64(I, 0);
    if (!strcmp(m, "random")) {
        cl_np_bind(I, call, "Generator.random", 0, (const char *const[]){"size", "dtype", NULL}, 2, arg);
        if (arg[1]) inf_fail(I, arg[1], "Generator.random(): dtype= is not supported yet (float64 draws)");
        return draws(I, g, RNG_RANDOM, zf, zf, zi, zi, arg[0]);
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
        return draws(I, g, RNG_UNIFORM, lo, range, zi, zi, arg[2]);
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
        st_raise_if(I, inf_op2(I, OP_GT, inf_bool(I), lo, hi), "ValueError", closed ? "low > high" : "low >= high");
        Ref span = inf_op2(I, OP_SUB, inf_i64(I), hi, lo); /* as uint64: the whole int64 range fits */
        return draws(I, g, RNG_INTEGERS, zf, zf, lo, span, arg[2]);
    }
    if (!strcmp(m, "normal") || !strcmp(m, "standard_normal") || !strcmp(m, "exponential") || !strcmp(m, "standard_exponential") ||
        !strcmp(m, "gamma") || !strcmp(m, "standard_gamma"))
        inf_fail(I, call, "Generator.%s() is not supported yet: NumPy draws it with a ziggurat whose tables kiln does not "
                 "reproduce bit for bit (np.random.%s, the legacy stream, is supported)", m, !strcmp(m, "standard_normal") ? "standard_normal" : "normal");
    inf_fail(I, call, "'Generator' object has no attribute '%s' (or kiln does not support it yet: random, uniform and integers are)", m);
}
