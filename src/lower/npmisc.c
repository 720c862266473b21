/*
 * npmisc.c — NumPy functions that are views, tests or index arithmetic: np.flip, np.flipud, np.fliplr and np.rot90
 * (views with negated strides and swapped axes, view.c's vw_flip and vw_rot90), np.isclose and np.allclose (NumPy's
 * own definition, written in Python and lowered at the call: |x - y| <= atol + rtol * |y| where y is finite, or x
 * equal to y, NaNs equal under equal_nan; y made a float as NumPy's result_type(y, 1.0) makes it), and
 * np.unravel_index of one flat index (C order; NumPy's ValueError for an index outside the size).
 */
#include "infer.h"
#include <stdio.h>
#include <string.h>

enum { NM_FLIP, NM_FLIPUD, NM_FLIPLR, NM_ROT90, NM_ISCLOSE, NM_ALLCLOSE, NM_UNRAVEL_INDEX };

static const char *const names[] = {"flip", "flipud", "fliplr", "rot90", "isclose", "allclose", "unravel_index"};

int nm_lookup(const char *name) {
    for (int k = 0; k < (int)NELEM(names); k++) if (!strcmp(names[k], name)) return k;
    return -1;
}

static Val array_arg(Inf *I, Node *n, const char *fname) {
    Val a = ex_expr(I, n);
    if (a.ty->kind == T_LIST) a = ls_to_array(I, a, n);
    if (a.ty->kind != T_ARRAY) inf_fail(I, n, "np.%s() needs an array here, not %s", fname, inf_tyname(I, a.ty));
    return a;
}

static int axis_of(Inf *I, Node *n, int ndim, const char *fname) {
    int64_t ax = cl_const_int(I, n, "axis", "");
    if (ax < -ndim || ax >= ndim) inf_fail(I, n, "axis %lld is out of bounds for array of dimension %d", (long long)ax, ndim);
    (void)fname;
    return (int)(ax < 0 ? ax + ndim : ax);
}

/* np.isclose(a, b, rtol, atol, equal_nan) and np.allclose: NumPy's numeric.py definition; all (allclose) gives a
 * Python bool, one pair of numbers (isclose) an np.bool_ */
static Val close_call(Inf *I, Node *call, bool all) {
    Node *arg[5] = {NULL};
    const char *fname = all ? "allclose" : "isclose";
    cl_np_bind(I, call, fname, 0, (const char *const[]){"a", "b", "rtol", "atol", "equal_nan", NULL}, 5, arg);
    if (!arg[0] || !arg[1]) inf_fail(I, call, "%s() missing required argument '%s'", fname, arg[0] ? "b" : "a");
    bool equal_nan = false;
    if (arg[4]) {
        if (arg[4]->kind != N_BOOL) inf_fail(I, arg[4], "np.%s(): equal_nan must be True or False written in the call", fname);
        equal_nan = arg[4]->v.i != 0;
    }
    Val a = ex_expr(I, arg[0]), b = ex_expr(I, arg[1]);
    bool arrays = a.ty->kind == T_ARRAY || b.ty->kind == T_ARRAY || a.ty->kind == T_LIST || b.ty->kind == T_LIST;
    char text[1024];
    int n = snprintf(text, sizeof text,
                     "def %s(x, y, rtol, atol):\n"
                     "    y = y * 1.0\n" /* result_type(y, 1.0): ints and bools become float64, float32 stays */
                     "    r = ((abs(x - y) <= atol + rtol * abs(y)) & ((y - y) == 0)) | (x == y)\n"
                     "%s"
                     "    return %s\n",
                     fname, equal_nan ? "    r = r | ((x != x) & (y != y))\n" : "",
                     all ? (arrays ? "bool(r.all())" : "bool(r)") : "r");
    Node *hid[2] = {st_hidden(I, "$cla%d", call), st_hidden(I, "$clb%d", call)}; /* evaluated once, in order */
    if (a.ty->kind == T_LIST) a = ls_to_array(I, a, arg[0]);
    if (b.ty->kind == T_LIST) b = ls_to_array(I, b, arg[1]);
    inf_assign(I, hid[0], a);
    inf_assign(I, hid[1], b);
    Node *rtol = arg[2], *atol = arg[3];
    Node *args[4] = {hid[0], hid[1], rtol, atol};
    if (!rtol || !atol) { /* NumPy's defaults, as literals */
        Node *lit = arena_alloc(I->a, 2 * sizeof *lit);
        if (!lit) inf_oom(I);
        memset(lit, 0, 2 * sizeof *lit);
        for (int k = 0; k < 2; k++) { lit[k].kind = N_FLOAT; lit[k].line = call->line; lit[k].col = call->col; lit[k].id = -1; }
        lit[0].v.f = 1e-05;
        lit[1].v.f = 1e-08;
        if (!rtol) args[2] = &lit[0];
        if (!atol) args[3] = &lit[1];
    }
    Val r = it_inline(I, call, text, (size_t)n, "<numpy>", args, 4);
    if (!all && r.ty->kind == T_SCALAR) r = ex_coerce(I, r, ty_scalar(I->tt, KILN_BOOL, false), call); /* np.bool_ */
    return r;
}

/* np.unravel_index(i, shape): i's coordinates in C order, each an np.int64 */
static Val unravel(Inf *I, Node *call) {
    Node *arg[3] = {NULL};
    cl_np_bind(I, call, "unravel_index", 0, (const char *const[]){"indices", "shape", "order", NULL}, 3, arg);
    if (!arg[0] || !arg[1]) inf_fail(I, call, "unravel_index() missing required argument '%s'", arg[0] ? "shape" : "indices");
    if (arg[2] && !(arg[2]->kind == N_STR && !strcmp(arg[2]->name, "C")))
        inf_fail(I, arg[2], "np.unravel_index(): only order='C' is supported");
    Val i = ex_expr(I, arg[0]);
    if (i.ty->kind != T_SCALAR || !dt_is_intlike(i.ty->dtype))
        inf_fail(I, arg[0], "np.unravel_index() of %s is not supported (one integer index is)", inf_tyname(I, i.ty));
    const Type *t64 = ty_scalar(I->tt, KILN_INT64, false);
    Ref idx = ex_coerce(I, i, t64, arg[0]).r, dims[KILN_MAXDIM];
    int nd = cl_shape_arg(I, arg[1], dims);
    Ref size = inf_k64(I, 1);
    for (int k = 0; k < nd; k++) size = inf_op2(I, OP_MUL, inf_i64(I), size, dims[k]);
    Ref bad = inf_op2(I, OP_OR, inf_bool(I), inf_op2(I, OP_LT, inf_bool(I), idx, inf_k64(I, 0)), inf_op2(I, OP_GE, inf_bool(I), idx, size));
    TxPart msg[] = {{"index ", 0}, {NULL, idx}, {" is out of bounds for array with size ", 0}, {NULL, size}};
    tx_raise_if(I, bad, "ValueError", msg, 4);
    Val r = {0};
    r.str = -1;
    const Type *ts[KILN_MAXDIM];
    if (!(r.el = arena_alloc(I->a, sizeof(Val) * (size_t)(nd ? nd : 1)))) inf_oom(I);
    for (int k = nd - 1; k >= 0; k--) { /* the last axis varies fastest; non-negative operands: C's / and % are Python's */
        Ref d = inf_emit(I, OP_CAST, t64, &dims[k], 1, 0);
        r.el[k] = val_of(I, inf_op2(I, OP_MOD, t64, idx, d));
        idx = inf_op2(I, OP_FLOORDIV, t64, idx, d);
        ts[k] = t64;
    }
    if (!(r.ty = ty_tuple(I->tt, ts, nd))) inf_oom(I);
    return r;
}

Val nm_call(Inf *I, Node *call, int k) {
    const char *fname = names[k];
    if (k == NM_ISCLOSE || k == NM_ALLCLOSE) return close_call(I, call, k == NM_ALLCLOSE);
    if (k == NM_UNRAVEL_INDEX) return unravel(I, call);
    if (call->nkids < 1) inf_fail(I, call, "%s() missing required argument 'm'", fname);
    Node *arg[2] = {NULL};
    if (k == NM_FLIP) cl_np_bind(I, call, fname, 1, (const char *const[]){"axis", NULL}, 1, arg);
    else if (k == NM_ROT90) cl_np_bind(I, call, fname, 1, (const char *const[]){"k", "axes", NULL}, 2, arg);
    else cl_np_bind(I, call, fname, 1, (const char *const[]){NULL}, 0, arg);
    Val m = array_arg(I, call->kids[0], fname);
    int nd = m.ty->ndim;
    switch (k) {
    case NM_FLIP: return vw_flip(I, m, arg[0] && arg[0]->kind != N_NONE ? axis_of(I, arg[0], nd, fname) : -1, call);
    case NM_FLIPUD:
        if (nd < 1) inf_fail(I, call, "Input must be >= 1-d.");
        return vw_flip(I, m, 0, call);
    case NM_FLIPLR:
        if (nd < 2) inf_fail(I, call, "Input must be >= 2-d.");
        return vw_flip(I, m, 1, call);
    default: /* ROT90 */
        if (nd < 2) inf_fail(I, call, "Axes must be different.");
        if (arg[1] && arg[1]->kind != N_NONE) {
            Node *ax = arg[1];
            if (ax->kind != N_TUPLE || ax->nkids != 2 || ax->kids[0]->kind != N_INT || ax->kids[1]->kind != N_INT ||
                ax->kids[0]->v.i != 0 || ax->kids[1]->v.i != 1)
                inf_fail(I, ax, "np.rot90(): only axes=(0, 1) is supported");
        }
        return vw_rot90(I, m, arg[0] ? cl_const_int(I, arg[0], "np.rot90(): k", "") : 1, call);
    }
}
