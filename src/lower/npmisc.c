/*
 * npmisc.c — NumPy functions that are views, tests or index arithmetic: np.flip, np.flipud, np.fliplr and np.rot90
 * (views with negated strides and swapped axes, view.c's vw_flip and vw_rot90), np.isclose and np.allclose (NumPy's
 * own definition, written in Python and lowered at the call: |x - y| <= atol + rtol * |y| where y is finite, or x
 * equal to y, NaNs equal under equal_nan; y made a float as NumPy's result_type(y, 1.0) makes it), and
 * np.unravel_index of one flat index (C order; NumPy's ValueError for an index outside the size).
 */
#include "infer.h"
#include "../ir/lib.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum {
    NM_FLIP, NM_FLIPUD, NM_FLIPLR, NM_ROT90, NM_ISCLOSE, NM_ALLCLOSE, NM_UNRAVEL_INDEX, NM_SWAPAXES, NM_MOVEAXIS,
    /* written in Python (py_def) */
    NM_IDENTITY, NM_TRIU, NM_TRIL, NM_DIAG, NM_DIAGFLAT, NM_OUTER, NM_INNER, NM_VSTACK, NM_HSTACK, NM_COLUMN_STACK, NM_DSTACK,
    NM_EXPAND_DIMS, NM_ATLEAST_2D, NM_RAVEL, NM_RESHAPE, NM_MEDIAN, NM_PTP, NM_NANSUM, NM_NANMEAN, NM_TRAPEZOID,
    NM_GRADIENT, NM_SEARCHSORTED, NM_DIGITIZE, NM_BINCOUNT, NM_UNIQUE, NM_ISIN, NM_ARGWHERE, NM_APPEND, NM_INSERT,
    NM_DELETE, NM_LOGSPACE, NM_MESHGRID, NM_CROSS, NM_KRON,
    NM_NAN_TO_NUM, NM_QUANTILE, NM_PERCENTILE, NM_HISTOGRAM, NM_MATRIX_POWER, NM_FLATNONZERO, NM_INTERP, NM_MATRIX_RANK, NM_COND,
    NM_CONVOLVE, NM_CORRELATE, NM_ASCONTIGUOUSARRAY, NM_ASFORTRANARRAY,
    NM_NANMAX, NM_NANMIN, NM_NANARGMAX, NM_NANARGMIN, NM_NANPROD, NM_NANVAR, NM_NANSTD, NM_ANGLE, NM_BROADCAST_TO,
    NM_COV, NM_CORRCOEF, NM_FILL_DIAGONAL, NM_ARRAY_EQUAL, NM_LEXSORT, NM_PAD, NM_SQUEEZE, NM_SELECT,
    NM_UNION1D, NM_INTERSECT1D, NM_SETDIFF1D, NM_SETXOR1D, NM_SINC, NM_FIX, NM_TAKE, NM_PUT, NM_EXTRACT, NM_VDOT, NM_NANCUMSUM, NM_NANCUMPROD, NM_TRI,
    NM_IX, NM_HANNING, NM_HAMMING, NM_BLACKMAN, NM_BARTLETT, NM_KAISER, NM_I0, NM_APPLY_ALONG_AXIS, NM_COUNT
};

static const char *const names[NM_COUNT] = {
    "flip", "flipud", "fliplr", "rot90", "isclose", "allclose", "unravel_index", "swapaxes", "moveaxis",
    "identity", "triu", "tril", "diag", "diagflat", "outer", "inner", "vstack", "hstack", "column_stack", "dstack",
    "expand_dims", "atleast_2d", "ravel", "reshape", "median", "ptp", "nansum", "nanmean", "trapezoid",
    "gradient", "searchsorted", "digitize", "bincount", "unique", "isin", "argwhere", "append", "insert",
    "delete", "logspace", "meshgrid", "cross", "kron",
    "nan_to_num", "quantile", "percentile", "histogram", "matrix_power", "flatnonzero", "interp",
    "matrix_rank", "cond", "convolve", "correlate", "ascontiguousarray", "asfortranarray",
    "nanmax", "nanmin", "nanargmax", "nanargmin", "nanprod", "nanvar", "nanstd", "angle", "broadcast_to",
    "cov", "corrcoef", "fill_diagonal", "array_equal", "lexsort", "pad", "squeeze", "select",
    "union1d", "intersect1d", "setdiff1d", "setxor1d", "sinc", "fix", "take", "put", "extract", "vdot",
    "nancumsum", "nancumprod", "tri", "ix_", "hanning", "hamming", "blackman", "bartlett", "kaiser", "i0",
    "apply_along_axis",
};

_Static_assert((int)NM_COUNT <= (int)NM_MAX, "npmisc.c's functions fit call.c's builtin range");

bool nm_linalg(int k) { return k == NM_MATRIX_POWER || k == NM_MATRIX_RANK || k == NM_COND; }

int nm_lookup(const char *name) {
    for (int k = 0; k < NM_COUNT; k++) if (!strcmp(names[k], name)) return k;
    return -1;
}

/* the call np.NAME(kids...) at `at`'s place, kiln's own numpy name as the module */
static Node *np_call(Inf *I, const char *name, Node **kids, int n, Node *at) {
    Node *c = inf_node(I, N_CALL, at), *attr = inf_node(I, N_ATTR, at), *np = inf_node(I, N_NAME, at);
    np->name = KILN_NP_NAME;
    attr->a = np; attr->name = name;
    c->a = attr; c->kids = kids; c->nkids = n;
    return c;
}

/* a.NAME(args) as np.NAME(a, args): the array held in a hidden variable, the call's own arguments after it */
Val nm_method_as_function(Inf *I, Node *call, Val a, const char *name) {
    Node **kids = arena_alloc(I->a, sizeof(Node *) * (size_t)(call->nkids + 1));
    if (!kids) inf_oom(I);
    kids[0] = it_held(I, call, 0, a);
    for (int i = 0; i < call->nkids; i++) kids[i + 1] = call->kids[i];
    Node *c = np_call(I, name, kids, call->nkids + 1, call);
    c->kids2 = call->kids2; c->nkids2 = call->nkids2; c->names = call->names; c->nnames = call->nnames; /* keywords as written */
    c->id = call->id; /* the call site's hidden variables stay named after it */
    return ex_expr(I, c);
}

/* np.asarray(n), for a tuple display NumPy reads as an array (np.polyval((1.0, 2.0), x)) */
static Val asarray_of(Inf *I, Node *n) {
    Node **kids = arena_alloc(I->a, sizeof(Node *));
    if (!kids) inf_oom(I);
    kids[0] = n;
    return ex_expr(I, np_call(I, "asarray", kids, 1, n));
}

Val nm_array_arg(Inf *I, Node *n, const char *fname) {
    Val a = n->kind == N_TUPLE ? asarray_of(I, n) : ex_expr(I, n);
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

/* a constant True/False argument (a default when left out) */
static bool const_bool(Inf *I, Node *n, bool dflt, const char *fname, const char *param) {
    if (!n) return dflt;
    if (n->kind != N_BOOL) inf_fail(I, n, "np.%s(): %s must be True or False written in the call", fname, param);
    return n->v.i != 0;
}

/* np.isclose(a, b, rtol, atol, equal_nan) and np.allclose: NumPy's numeric.py definition; all (allclose) gives a
 * Python bool, one pair of numbers (isclose) an np.bool_ */
static Val close_call(Inf *I, Node *call, bool all) {
    Node *arg[5] = {NULL};
    const char *fname = all ? "allclose" : "isclose";
    cl_np_bind(I, call, fname, 0, (const char *const[]){"a", "b", "rtol", "atol", "equal_nan", NULL}, 5, arg);
    if (!arg[0] || !arg[1]) inf_fail(I, call, "%s() missing required argument '%s'", fname, arg[0] ? "b" : "a");
    bool equal_nan = const_bool(I, arg[4], false, fname, "equal_nan");
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

/* np.swapaxes(a, i, j), np.moveaxis(a, source, destination): views */
static Val axes_call(Inf *I, Node *call, int k) {
    Node *arg[3] = {NULL};
    const char *fname = names[k];
    if (k == NM_SWAPAXES) cl_np_bind(I, call, fname, 0, (const char *const[]){"a", "axis1", "axis2", NULL}, 3, arg);
    else cl_np_bind(I, call, fname, 0, (const char *const[]){"a", "source", "destination", NULL}, 3, arg);
    if (!arg[0] || !arg[1] || !arg[2]) inf_fail(I, call, "%s() takes three arguments here", fname);
    Val a = nm_array_arg(I, arg[0], fname);
    int nd = a.ty->ndim, x = axis_of(I, arg[1], nd, fname), y = axis_of(I, arg[2], nd, fname), perm[KILN_MAXDIM];
    for (int j = 0; j < nd; j++) perm[j] = j;
    if (k == NM_SWAPAXES) { perm[x] = y; perm[y] = x; }
    else { /* the axis x taken out and put back at y */
        int rest[KILN_MAXDIM], n = 0;
        for (int j = 0; j < nd; j++) if (j != x) rest[n++] = j;
        for (int j = 0, r = 0; j < nd; j++) perm[j] = j == y ? x : rest[r++];
    }
    return vw_axes(I, a, perm, call);
}

/* ---- written in Python: each argument evaluated once into a hidden variable (its type decides the text), then
 * the function below lowered at the call; "np." in a text is numpy whatever the module calls it ---- */

/* argument v the def's next parameter */
static Val hold(ItCall *p, Val v) { return it_call_hold(p, v); }

/* an argument that is an array (a list becomes one, as NumPy's asarray makes it) */
static Val hold_array(ItCall *p, Node *n, const char *fname) { return hold(p, nm_array_arg(p->I, n, fname)); }

static bool is_float(const Type *t) { return t->kind == T_ARRAY || t->kind == T_SCALAR ? dt_is_float(t->dtype) : false; }


/* np.gradient's steps along axis k of f (moved to the front: the same elementwise operations as NumPy's slices, so
 * the same bits) into out, its spacing h: a scalar (s), or the differences d of 1-d coordinates, which NumPy turns
 * back into a scalar d[0] when they are all equal (a run-time test, so both ways are written) */
static void gradient_axis(ItCall *p, int i, int k, int nd, int edge, const char *otype, bool coords) {
    it_call_put(p, "    if f.shape[%d] < %d:\n        raise ValueError(\"Shape of array too small to calculate a numerical gradient, "
           "at least (edge_order + 1) elements are required.\")\n", k, edge + 1);
    it_call_put(p, "    out%d = np.empty_like(f, dtype=np.%s)\n    g = np.moveaxis(f, %d, 0)\n    o = np.moveaxis(out%d, %d, 0)\n",
        i, otype, k, i, k);
    const char *ind = coords ? "        " : "    ";
    if (coords) it_call_put(p, "    if u%d:\n        s = d%d[0]\n", i, i);
    else it_call_put(p, "    s = h%d\n", i);
    it_call_put(p, "%so[1:-1] = (g[2:] - g[:-2]) / (2. * s)\n", ind);
    if (edge == 1) it_call_put(p, "%so[0] = (g[1] - g[0]) / s\n%so[-1] = (g[-1] - g[-2]) / s\n", ind, ind);
    else it_call_put(p, "%so[0] = (-1.5 / s) * g[0] + (2. / s) * g[1] + (-0.5 / s) * g[2]\n"
                "%so[-1] = (0.5 / s) * g[-3] + (-2. / s) * g[-2] + (1.5 / s) * g[-1]\n", ind, ind);
    if (!coords) return;
    char shape[64] = "(-1,";
    for (int j = 1; j < nd; j++) strcat(shape, " 1,");
    strcat(shape, ")");
    it_call_put(p, "    else:\n        dx1 = d%d[0:-1]\n        dx2 = d%d[1:]\n        a = (-(dx2) / (dx1 * (dx1 + dx2))).reshape(%s)\n"
           "        b = ((dx2 - dx1) / (dx1 * dx2)).reshape(%s)\n        c = (dx1 / (dx2 * (dx1 + dx2))).reshape(%s)\n"
           "        o[1:-1] = a * g[:-2] + b * g[1:-1] + c * g[2:]\n", i, i, shape, shape, shape);
    if (edge == 1) {
        it_call_put(p, "        o[0] = (g[1] - g[0]) / d%d[0]\n        o[-1] = (g[-1] - g[-2]) / d%d[-1]\n", i, i);
        return;
    }
    it_call_put(p, "        dx1 = d%d[0]\n        dx2 = d%d[1]\n        a0 = -(2. * dx1 + dx2) / (dx1 * (dx1 + dx2))\n"
           "        b0 = (dx1 + dx2) / (dx1 * dx2)\n        c0 = - dx1 / (dx2 * (dx1 + dx2))\n"
           "        o[0] = a0 * g[0] + b0 * g[1] + c0 * g[2]\n", i, i);
    it_call_put(p, "        dx1 = d%d[-2]\n        dx2 = d%d[-1]\n        a0 = (dx2) / (dx1 * (dx1 + dx2))\n"
           "        b0 = - (dx2 + dx1) / (dx1 * dx2)\n        c0 = (2. * dx2 + dx1) / (dx2 * (dx1 + dx2))\n"
           "        o[-1] = a0 * g[-3] + b0 * g[-2] + c0 * g[-1]\n", i, i);
}

/* np.gradient(f, *varargs, axis=None, edge_order=1): NumPy's steps (second-order differences inside, first- or
 * second-order at the edges; spacings one scalar for every axis, or one scalar or 1-d coordinates per axis); one
 * array for one axis, else a tuple of one per axis */
static Val gradient_call(Inf *I, Node *call) {
    ItCall *p = it_call_new(I, call, "<numpy>");
    if (!call->nkids) inf_fail(I, call, "gradient() missing required argument 'f'");
    Node *axis_n = NULL, *edge_n = NULL;
    for (int k = 0; k < call->nkids2; k++) {
        if (!strcmp(call->names[k], "axis")) axis_n = call->kids2[k];
        else if (!strcmp(call->names[k], "edge_order")) edge_n = call->kids2[k];
        else inf_fail(I, call->kids2[k], "gradient() got an unexpected keyword argument '%s'", call->names[k]);
    }
    Val f = hold_array(p, call->kids[0], "gradient");
    int nd = f.ty->ndim;
    if (nd < 1) inf_fail(I, call->kids[0], "np.gradient() of a 0-d array: Shape of array too small to calculate a numerical gradient");
    if (f.ty->dtype == KILN_BOOL)
        inf_fail(I, call->kids[0], "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` "
                                   "operator, or the logical_xor function instead.");
    int axes[KILN_MAXDIM], na = 0;
    if (!axis_n || axis_n->kind == N_NONE) for (na = 0; na < nd; na++) axes[na] = na;
    else {
        Node *const *an = axis_n->kind == N_TUPLE ? axis_n->kids : &axis_n;
        int cnt = axis_n->kind == N_TUPLE ? axis_n->nkids : 1;
        if (cnt > nd) inf_fail(I, axis_n, "np.gradient(): more axes than the array's %d", nd);
        for (; na < cnt; na++) {
            axes[na] = axis_of(I, an[na], nd, "gradient");
            for (int j = 0; j < na; j++) if (axes[j] == axes[na]) inf_fail(I, an[na], "repeated axis");
        }
    }
    int edge = edge_n ? (int)cl_const_int(I, edge_n, "edge_order", " (1 or 2)") : 1;
    if (edge > 2) inf_fail(I, edge_n, "'edge_order' greater than 2 not supported");
    if (edge < 1) inf_fail(I, edge_n, "np.gradient(): edge_order must be 1 or 2");
    int nv = call->nkids - 1;
    bool coords[KILN_MAXDIM] = {false};
    Val h[KILN_MAXDIM];
    for (int i = 0; i < nv && i < KILN_MAXDIM; i++) {
        h[i] = ex_expr(I, call->kids[1 + i]);
        if (h[i].ty->kind == T_LIST) h[i] = ls_to_array(I, h[i], call->kids[1 + i]);
        coords[i] = h[i].ty->kind == T_ARRAY && h[i].ty->ndim > 0;
        if (h[i].ty->kind == T_ARRAY && h[i].ty->ndim > 1) inf_fail(I, call->kids[1 + i], "distances must be either scalars or 1d");
        if (!coords[i] && (h[i].ty->kind != T_SCALAR || h[i].ty->dtype == KILN_BOOL))
            inf_fail(I, call->kids[1 + i], "np.gradient(): a spacing must be a number or 1-d coordinates, not %s", inf_tyname(I, h[i].ty));
    }
    if (!(nv == 0 || (nv == 1 && !coords[0]) || nv == na)) inf_fail(I, call, "invalid number of arguments");
    it_call_put(p, "def gradient(f");
    for (int i = 0; i < (nv == na ? na : 0); i++) { hold(p, h[i]); it_call_put(p, ", h%d", i); }
    if (nv == 1 && na != 1) hold(p, h[0]);
    it_call_put(p, "%s):\n", nv == 1 && na != 1 ? ", h" : "");
    if (nv == 1 && na != 1) for (int i = 0; i < na; i++) it_call_put(p, "    h%d = h\n", i);
    if (nv == 0) for (int i = 0; i < na; i++) it_call_put(p, "    h%d = 1.0\n", i);
    bool cplx = dt_is_complex(f.ty->dtype), flt = dt_is_float(f.ty->dtype);
    if (!flt && !cplx) it_call_put(p, "    f = f.astype(np.float64)\n");
    const char *otype = flt || cplx ? kiln_dtype_name(f.ty->dtype) : "float64";
    for (int i = 0; i < na; i++) { /* the coordinates' differences first, as NumPy takes them */
        if (!(nv == na && coords[i])) continue;
        it_call_put(p, "    if h%d.shape[0] != f.shape[%d]:\n        raise ValueError(\"when 1d, distances must match the length of the "
                "corresponding dimension\")\n    d%d = np.diff(h%d%s)\n    u%d = (d%d == d%d[0]).all()\n", i, axes[i], i, i,
            dt_is_float(h[i].ty->dtype) || dt_is_complex(h[i].ty->dtype) ? "" : ".astype(np.float64)", i, i, i);
    }
    for (int i = 0; i < na; i++) gradient_axis(p, i, axes[i], nd, edge, otype, nv == na && coords[i]);
    if (na == 1) it_call_put(p, "    return out0\n");
    else {
        it_call_put(p, "    return (");
        for (int i = 0; i < na; i++) it_call_put(p, "out%d, ", i);
        it_call_put(p, ")\n");
    }
    return it_call_inline(p);
}

static Val py_def2(Inf *I, Node *call, int k);

static Val py_def(Inf *I, Node *call, int k) {
    const char *f = names[k];
    ItCall *p = it_call_new(I, call, "<numpy>");
    Node *arg[6] = {NULL};
    switch (k) {
    case NM_IDENTITY:
        cl_np_bind(I, call, f, 0, (const char *const[]){"n", "dtype", NULL}, 2, arg);
        hold(p, ex_expr(I, it_need(I, call, arg[0], f, "n")));
        if (arg[1] && arg[1]->kind != N_NONE) { hold(p, ex_expr(I, arg[1])); it_call_put(p, "def identity(n, d):\n    return np.eye(n, dtype=d)\n"); }
        else it_call_put(p, "def identity(n):\n    return np.eye(n)\n");
        break;
    case NM_TRIU: case NM_TRIL: { /* a copy with the other triangle zeroed (NumPy's where(mask, 0, m)) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"m", "k", NULL}, 2, arg);
        Val m = hold_array(p, it_need(I, call, arg[0], f, "m"), f);
        if (m.ty->ndim != 2) inf_fail(I, call, "np.%s() of a %d-d array is not supported (2-d is)", f, m.ty->ndim);
        hold(p, arg[1] ? ex_expr(I, arg[1]) : val_of(I, inf_k64(I, 0)));
        it_call_put(p, "def %s(m, k):\n    r = m.copy()\n    for i in range(r.shape[0]):\n", f);
        if (k == NM_TRIU) it_call_put(p, "        for j in range(min(i + k, r.shape[1])):\n            r[i, j] = 0\n");
        else it_call_put(p, "        for j in range(max(i + k + 1, 0), r.shape[1]):\n            r[i, j] = 0\n");
        it_call_put(p, "    return r\n");
        break;
    }
    case NM_DIAG: case NM_DIAGFLAT: { /* a 1-d array on diagonal k of a square of zeros; diag of a 2-d one: its diagonal */
        cl_np_bind(I, call, f, 0, (const char *const[]){"v", "k", NULL}, 2, arg);
        Val v = hold_array(p, it_need(I, call, arg[0], f, "v"), f);
        hold(p, arg[1] ? ex_expr(I, arg[1]) : val_of(I, inf_k64(I, 0)));
        if (k == NM_DIAG && v.ty->ndim == 2) { it_call_put(p, "def diag(v, k):\n    return np.diagonal(v, k)\n"); break; }
        if (k == NM_DIAG && v.ty->ndim != 1) inf_fail(I, call, "Input must be 1- or 2-d.");
        it_call_put(p, "def %s(v, k):\n    v = v.ravel()\n    n = v.shape[0] + abs(k)\n    r = np.zeros((n, n), dtype=v.dtype)\n"
                "    for i in range(v.shape[0]):\n        if k >= 0:\n            r[i, i + k] = v[i]\n        else:\n"
                "            r[i - k, i] = v[i]\n    return r\n", f);
        break;
    }
    case NM_OUTER: case NM_KRON: case NM_INNER: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "b", NULL}, 2, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f), b = hold_array(p, it_need(I, call, arg[1], f, "b"), f);
        if (k == NM_INNER && (a.ty->ndim != 1 || b.ty->ndim != 1)) inf_fail(I, call, "np.inner() of arrays other than 1-d is not supported yet");
        if (k == NM_KRON && (a.ty->ndim > 2 || a.ty->ndim != b.ty->ndim))
            inf_fail(I, call, "np.kron() of arrays other than two 1-d or two 2-d ones is not supported yet");
        if (k == NM_INNER) it_call_put(p, "def inner(a, b):\n    return np.dot(a, b)\n");
        else if (k == NM_KRON && a.ty->ndim == 2) /* each item one product a[i, j] * b[k, l], as NumPy's */
            it_call_put(p, "def kron(a, b):\n    p = b.shape[0]\n    q = b.shape[1]\n"
                    "    r = np.empty((a.shape[0] * p, a.shape[1] * q), dtype=(a[:1, :1] * b[:1, :1]).dtype)\n"
                    "    for i in range(a.shape[0]):\n        for j in range(a.shape[1]):\n"
                    "            r[i * p:(i + 1) * p, j * q:(j + 1) * q] = a[i, j] * b\n    return r\n");
        else it_call_put(p, "def %s(a, b):\n    return (a.ravel()[:, None] * b.ravel()[None, :])%s\n", f, k == NM_KRON ? ".ravel()" : "");
        break;
    }
    case NM_VSTACK: case NM_HSTACK: case NM_COLUMN_STACK: case NM_DSTACK: {
        /* NumPy's definitions: each array made at least 2-d (vstack: a row; column_stack: a column), 1-d (hstack) or
         * 3-d (dstack: (1, N, 1) or (M, N, 1)), then one concatenate along axis 0, 1 (hstack of 1-d arrays: 0) or 2 */
        cl_np_bind(I, call, f, 0, (const char *const[]){"tup", NULL}, 1, arg);
        Node *t = it_need(I, call, arg[0], f, "tup");
        if (t->kind != N_TUPLE && t->kind != N_LIST) inf_fail(I, t, "np.%s() takes a tuple or list display of arrays here", f);
        if (t->nkids < 1 || t->nkids > 8) inf_fail(I, t, "np.%s() of 1 to 8 arrays is supported", f);
        it_call_put(p, "def %s(", f);
        for (int i = 0; i < t->nkids; i++) it_call_put(p, "%st%d", i ? ", " : "", i);
        it_call_put(p, "):\n    return np.concatenate((");
        int axis = k == NM_VSTACK ? 0 : k == NM_DSTACK ? 2 : 1;
        for (int i = 0; i < t->nkids; i++) {
            Val a = t->kids[i]->kind == N_TUPLE ? nm_array_arg(I, t->kids[i], f) : ex_expr(I, t->kids[i]);
            if (a.ty->kind == T_LIST) a = ls_to_array(I, a, t->kids[i]);
            bool scalar = a.ty->kind == T_SCALAR; /* a number: a 0-d array, as NumPy's atleast_Nd makes it */
            if (!scalar && a.ty->kind != T_ARRAY) inf_fail(I, t->kids[i], "np.%s() needs an array here, not %s", f, inf_tyname(I, a.ty));
            hold(p, a);
            int nd = scalar ? 0 : a.ty->ndim;
            if (k == NM_HSTACK && i == 0 && nd <= 1) axis = 0;
            static const char *const up[4][3] = { /* by stack, then ndim 0, 1, 2 */
                {".reshape((1, 1))", "[None, :]", ""}, {".reshape((1,))", "", ""}, {".reshape((1, 1))", "[:, None]", ""},
                {".reshape((1, 1, 1))", "[None, :, None]", "[:, :, None]"}};
            int which = k == NM_VSTACK ? 0 : k == NM_HSTACK ? 1 : k == NM_COLUMN_STACK ? 2 : 3;
            it_call_put(p, scalar ? "np.array(t%d)%s, " : "t%d%s, ", i, nd < 3 ? up[which][nd] : "");
        }
        it_call_put(p, "), axis=%d)\n", axis);
        break;
    }
    case NM_EXPAND_DIMS: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "axis", NULL}, 2, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        int nd = a.ty->ndim, ax = (int)cl_const_int(I, it_need(I, call, arg[1], f, "axis"), "axis", "");
        if (ax < -(nd + 1) || ax > nd) inf_fail(I, arg[1], "axis %d is out of bounds for array of dimension %d", ax, nd + 1);
        if (ax < 0) ax += nd + 1;
        it_call_put(p, "def expand_dims(a):\n    return a[");
        for (int i = 0; i < ax; i++) it_call_put(p, ":, ");
        it_call_put(p, "None]\n");
        break;
    }
    case NM_ATLEAST_2D: {
        Val a = hold_array(p, it_need(I, call, call->nkids ? call->kids[0] : NULL, f, "a"), f);
        if (call->nkids != 1 || call->nkids2) inf_fail(I, call, "np.atleast_2d() of one array is supported");
        if (a.ty->ndim == 0) inf_fail(I, call, "np.atleast_2d() of a 0-d array is not supported");
        it_call_put(p, "def atleast_2d(a):\n    return a%s\n", a.ty->ndim == 1 ? "[None, :]" : "");
        break;
    }
    case NM_PTP: { /* NumPy's: the maximum less the minimum, along an axis (or all), keepdims as given */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "axis", "out", "keepdims", NULL}, 4, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        if (arg[2] && arg[2]->kind != N_NONE) inf_fail(I, arg[2], "np.ptp(): out= is not supported");
        char opts[64] = "";
        int n = 0;
        if (arg[1] && arg[1]->kind != N_NONE) n += snprintf(opts + n, sizeof opts - (size_t)n, "axis=%d", axis_of(I, arg[1], a.ty->ndim, f));
        if (const_bool(I, arg[3], false, f, "keepdims")) snprintf(opts + n, sizeof opts - (size_t)n, "%skeepdims=True", n ? ", " : "");
        it_call_put(p, "def ptp(a):\n    return a.max(%s) - a.min(%s)\n", opts, opts);
        break;
    }
    case NM_RAVEL: /* one array, one expression */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "order", NULL}, 2, arg);
        hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        if (arg[1] && arg[1]->kind == N_STR) { /* checked by the method's lowering */
            it_call_put(p, "def ravel(a):\n    return a.ravel('%s')\n", arg[1]->name);
            break;
        }
        if (arg[1] && arg[1]->kind != N_NONE) inf_fail(I, arg[1], "order must be one of 'C', 'F', 'A', or 'K' written in the call");
        it_call_put(p, "def ravel(a):\n    return a.ravel()\n");
        break;
    case NM_RESHAPE:
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "shape", NULL}, 2, arg);
        hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        hold(p, ex_expr(I, it_need(I, call, arg[1], f, "shape")));
        it_call_put(p, "def reshape(a, s):\n    return a.reshape(s)\n");
        break;
    case NM_MEDIAN: { /* the middle of the sorted items, the mean of the middle two; NaN if there is one */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "axis", NULL}, 2, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        if (arg[1] && arg[1]->kind != N_NONE && a.ty->ndim > 1) { /* each lane along axis, as rows of a 2-d copy */
            int ax = axis_of(I, arg[1], a.ty->ndim, f);
            it_call_put(p, "def median(a):\n    m = np.moveaxis(a, %d, -1)\n    n = m.shape[%d]\n    h = n // 2\n"
                    "    s = np.sort(m.reshape(-1, n), axis=1)\n", ax, a.ty->ndim - 1);
            it_call_put(p, "    if n %% 2 == 1:\n        r = s[:, h:h + 1].mean(axis=1)\n    else:\n        r = s[:, h - 1:h + 1].mean(axis=1)\n");
            if (is_float(a.ty)) it_call_put(p, "    if n > 0:\n        r = np.where(s[:, n - 1] != s[:, n - 1], np.nan, r)\n");
            if (a.ty->ndim == 2) it_call_put(p, "    return r\n");
            else {
                it_call_put(p, "    return r.reshape((");
                for (int i = 0; i < a.ty->ndim - 1; i++) it_call_put(p, "m.shape[%d], ", i);
                it_call_put(p, "))\n");
            }
            break;
        }
        if (arg[1] && arg[1]->kind != N_NONE) axis_of(I, arg[1], 1, f); /* a 1-d array's only axis: the whole */
        it_call_put(p, "def median(a):\n    s = np.sort(a.ravel())\n    n = s.shape[0]\n    h = n // 2\n");
        if (is_float(a.ty)) it_call_put(p, "    if n > 0 and s[n - 1] != s[n - 1]:\n        return s[n - 1:].mean()\n");
        it_call_put(p, "    if n %% 2 == 1:\n        return s[h:h + 1].mean()\n    return s[h - 1:h + 1].mean()\n");
        break;
    }
    case NM_NANSUM: case NM_NANMEAN: { /* NaNs made 0 (nanmean: and not counted) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", NULL}, 1, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        if (!is_float(a.ty)) { it_call_put(p, "def %s(a):\n    return a.%s()\n", f, k == NM_NANSUM ? "sum" : "mean"); break; }
        it_call_put(p, "def %s(a):\n    m = a != a\n    b = np.where(m, 0, a)\n", f);
        if (k == NM_NANSUM) it_call_put(p, "    return b.sum()\n");
        else it_call_put(p, "    return np.%s(b.sum() / (~m).sum())\n", a.ty->dtype == KILN_FLOAT32 ? "float32" : "float64");
        break;
    }
    case NM_TRAPEZOID: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"y", "x", "dx", NULL}, 3, arg);
        Val y = hold_array(p, it_need(I, call, arg[0], f, "y"), f);
        if (y.ty->ndim != 1) inf_fail(I, call, "np.trapezoid() of a %d-d array is not supported (1-d is)", y.ty->ndim);
        if (arg[1] && arg[1]->kind != N_NONE) {
            hold_array(p, arg[1], f);
            it_call_put(p, "def trapezoid(y, x):\n    return (np.diff(x) * (y[1:] + y[:-1]) / 2.0).sum()\n");
        } else {
            hold(p, arg[2] ? ex_expr(I, arg[2]) : val_of(I, inf_const_f(I, ty_scalar(I->tt, KILN_FLOAT64, true), 1.0)));
            it_call_put(p, "def trapezoid(y, d):\n    return (d * (y[1:] + y[:-1]) / 2.0).sum()\n");
        }
        break;
    }
    case NM_GRADIENT: return gradient_call(I, call);
    default: inf_fail(I, call, "internal error: np.%s", f);
    }
    return it_call_inline(p);
}

/* x < y as NumPy's sorts and searches compare (a NaN after every number) */
static const char *lt_text(const Type *t) { return is_float(t) ? "(x < y or (y != y and x == x))" : "x < y"; }

static Val py_def2(Inf *I, Node *call, int k) {
    const char *f = names[k];
    ItCall *p = it_call_new(I, call, "<numpy>");
    Node *arg[6] = {NULL};
    switch (k) {
    case NM_SEARCHSORTED: case NM_DIGITIZE: { /* binary searches: side left finds the first place x <= a[i] */
        bool dig = k == NM_DIGITIZE;
        if (dig) cl_np_bind(I, call, f, 0, (const char *const[]){"x", "bins", "right", NULL}, 3, arg);
        else cl_np_bind(I, call, f, 0, (const char *const[]){"a", "v", "side", "sorter", NULL}, 4, arg);
        if (!dig && arg[3] && arg[3]->kind != N_NONE) inf_fail(I, arg[3], "np.searchsorted(): sorter= is not supported yet");
        bool right;
        if (dig) {
            right = !const_bool(I, arg[2], false, f, "right"); /* digitize(right=False) searches on the right side */
        } else {
            if (arg[2] && (arg[2]->kind != N_STR || (strcmp(arg[2]->name, "left") && strcmp(arg[2]->name, "right"))))
                inf_fail(I, arg[2], "np.searchsorted(): side must be 'left' or 'right' written in the call");
            right = arg[2] && !strcmp(arg[2]->name, "right");
        }
        Val a = hold_array(p, it_need(I, call, dig ? arg[1] : arg[0], f, dig ? "bins" : "a"), f);
        if (a.ty->ndim != 1) inf_fail(I, call, "np.%s(): the sorted array must be 1-d", f);
        Node *vn = it_need(I, call, dig ? arg[0] : arg[1], f, dig ? "x" : "v");
        Val v = ex_expr(I, vn);
        if (v.ty->kind == T_LIST || vn->kind == N_TUPLE) v = nm_array_arg(I, vn, f); /* values as NumPy's asarray makes them */
        hold(p, v);
        /* find(a, x): the first i with not (a[i] < x) (left), or x < a[i] (right) */
        it_call_put(p, "def %s(a, v):\n", f);
        it_call_put(p, "    def find(a, z):\n        lo = 0\n        hi = a.shape[0]\n        while lo < hi:\n            mid = (lo + hi) // 2\n");
        if (right) it_call_put(p, "            x = z\n            y = a[mid]\n            if %s:\n                hi = mid\n            else:\n                lo = mid + 1\n", lt_text(a.ty));
        else it_call_put(p, "            x = a[mid]\n            y = z\n            if %s:\n                lo = mid + 1\n            else:\n                hi = mid\n", lt_text(a.ty));
        it_call_put(p, "        return np.int64(lo)\n");
        const char *search = "find(a, v)";
        if (dig) { /* bins increasing, or decreasing (then searched reversed), else NumPy's ValueError */
            it_call_put(p, "    inc = True\n    dec = True\n    for i in range(1, a.shape[0]):\n        if a[i] < a[i - 1]:\n            inc = False\n"
                    "        if a[i] > a[i - 1]:\n            dec = False\n    if not inc and not dec:\n"
                    "        raise ValueError(\"bins must be monotonically increasing or decreasing\")\n");
        }
        if (v.ty->kind == T_ARRAY) {
            it_call_put(p, "    out = np.empty(v.shape, dtype=np.int64)\n    vf = v.ravel()\n    of = out.ravel()\n    for i in range(vf.shape[0]):\n");
            if (dig) it_call_put(p, "        of[i] = find(a, vf[i]) if inc else a.shape[0] - find(a[::-1], vf[i])\n");
            else it_call_put(p, "        of[i] = find(a, vf[i])\n");
            it_call_put(p, "    return out\n");
        } else {
            if (dig) it_call_put(p, "    return find(a, v) if inc else np.int64(a.shape[0]) - find(a[::-1], v)\n");
            else it_call_put(p, "    return %s\n", search);
        }
        break;
    }
    case NM_BINCOUNT: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", "weights", "minlength", NULL}, 3, arg);
        Val x = hold_array(p, it_need(I, call, arg[0], f, "x"), f);
        if (x.ty->ndim != 1 || !dt_is_intlike(x.ty->dtype)) inf_fail(I, call, "np.bincount() takes a 1-d array of integers");
        hold(p, arg[2] ? ex_expr(I, arg[2]) : val_of(I, inf_k64(I, 0)));
        bool weights = arg[1] && arg[1]->kind != N_NONE;
        if (weights) { /* NumPy's: each weight as a double, added into its bin in order */
            Val w = hold_array(p, arg[1], f);
            if (w.ty->ndim != 1) inf_fail(I, arg[1], "object too deep for desired array");
            if (dt_is_complex(w.ty->dtype))
                inf_fail(I, arg[1], "Cannot cast array data from dtype('%s') to dtype('float64') according to the rule 'safe'",
                         kiln_dtype_name((kiln_dtype)w.ty->dtype));
        }
        it_call_put(p, "def bincount(x, minlength%s):\n    if minlength < 0:\n        raise ValueError(\"'minlength' must not be negative\")\n", weights ? ", w" : "");
        if (weights) it_call_put(p, "    if w.shape[0] != x.shape[0]:\n        raise ValueError(\"The weights and list don't have the same length.\")\n");
        it_call_put(p, "    n = minlength\n    for v in x:\n        if v < 0:\n"
                "            raise ValueError(\"'list' argument must have no negative elements\")\n        if v + 1 > n:\n            n = v + 1\n");
        if (weights) it_call_put(p, "    out = np.zeros(n)\n    for i in range(x.shape[0]):\n        out[x[i]] += w[i]\n    return out\n");
        else it_call_put(p, "    out = np.zeros(n, dtype=np.int64)\n    for v in x:\n        out[v] += 1\n    return out\n");
        break;
    }
    case NM_UNIQUE: { /* sorted, each value once (NaNs one, as NumPy 2's equal_nan); NumPy's _unique1d's extras */
        cl_np_bind(I, call, f, 0, (const char *const[]){"ar", "return_index", "return_inverse", "return_counts", NULL}, 4, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "ar"), f);
        bool want[3];
        for (int i = 0; i < 3; i++) {
            Node *n = arg[1 + i];
            if (n && n->kind != N_BOOL) inf_fail(I, n, "np.unique(): return_... must be True or False written in the call");
            want[i] = n && n->v.i;
        }
        if (want[1] && a.ty->ndim != 1) /* its shape changed between NumPy 2.0 and 2.1 for other ranks */
            inf_fail(I, arg[2], "np.unique(): return_inverse=True of a %d-d array is not supported (1-d is)", a.ty->ndim);
        /* the first of equal values is kept: a stable argsort (NumPy's mergesort) where the indices are asked for */
        it_call_put(p, "def unique(a):\n    x = a.ravel()\n    n = x.shape[0]\n");
        if (want[0] || want[1]) it_call_put(p, "    perm = np.argsort(x, kind=\"stable\")\n    s = x[perm]\n");
        else it_call_put(p, "    s = np.sort(x)\n");
        it_call_put(p, "    keep = np.zeros(n, dtype=np.bool_)\n    for i in range(n):\n        if i == 0:\n            keep[i] = True\n"
                "        elif s[i] != s[i - 1]:\n            keep[i] = not (s[i] != s[i] and s[i - 1] != s[i - 1])\n");
        if (!want[0] && !want[1] && !want[2]) { it_call_put(p, "    return s[keep]\n"); break; }
        it_call_put(p, "    r0 = s[keep]\n");
        if (want[0]) it_call_put(p, "    r1 = perm[keep]\n");
        if (want[1]) it_call_put(p, "    r2 = np.empty(n, dtype=np.int64)\n    j = -1\n    for i in range(n):\n        if keep[i]:\n"
                             "            j += 1\n        r2[perm[i]] = j\n");
        if (want[2]) it_call_put(p, "    r3 = np.zeros(r0.shape[0], dtype=np.int64)\n    j = -1\n    for i in range(n):\n"
                             "        if keep[i]:\n            j += 1\n        r3[j] += 1\n");
        it_call_put(p, "    return r0%s%s%s\n", want[0] ? ", r1" : "", want[1] ? ", r2" : "", want[2] ? ", r3" : "");
        break;
    }
    case NM_ISIN: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"element", "test_elements", NULL}, 2, arg);
        hold_array(p, it_need(I, call, arg[0], f, "element"), f);
        hold_array(p, it_need(I, call, arg[1], f, "test_elements"), f);
        it_call_put(p, "def isin(e, t):\n    ef = e.ravel()\n    tf = t.ravel()\n    r = np.zeros(ef.shape[0], dtype=np.bool_)\n"
                "    for i in range(ef.shape[0]):\n        for j in range(tf.shape[0]):\n            if ef[i] == tf[j]:\n"
                "                r[i] = True\n                break\n    return r.reshape(e.shape)\n");
        break;
    }
    case NM_ARGWHERE: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", NULL}, 1, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        int nd = a.ty->ndim;
        if (nd < 1) inf_fail(I, call, "np.argwhere() of a 0-d array is not supported");
        /* NumPy's transpose(nonzero(a)): the index arrays stacked as rows, that array's transpose (F order) */
        it_call_put(p, "def argwhere(a):\n    nz = np.nonzero(a)\n    r = np.empty((%d, nz[0].shape[0]), dtype=np.int64)\n", nd);
        for (int j = 0; j < nd; j++) it_call_put(p, "    r[%d] = nz[%d]\n", j, j);
        it_call_put(p, "    return r.T\n");
        break;
    }
    case NM_APPEND: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"arr", "values", "axis", NULL}, 3, arg);
        if (arg[2] && arg[2]->kind != N_NONE) inf_fail(I, arg[2], "np.append(): axis= is not supported yet");
        hold_array(p, it_need(I, call, arg[0], f, "arr"), f);
        Val v = ex_expr(I, it_need(I, call, arg[1], f, "values"));
        if (v.ty->kind == T_LIST) v = ls_to_array(I, v, arg[1]);
        hold(p, v);
        it_call_put(p, "def append(a, v):\n    return np.concatenate((a.ravel(), %s))\n", v.ty->kind == T_ARRAY ? "v.ravel()" : "np.array([v])");
        break;
    }
    case NM_INSERT: case NM_DELETE: { /* one index, the array flattened (axis None), NumPy's IndexError */
        bool ins = k == NM_INSERT;
        if (ins) cl_np_bind(I, call, f, 0, (const char *const[]){"arr", "obj", "values", "axis", NULL}, 4, arg);
        else cl_np_bind(I, call, f, 0, (const char *const[]){"arr", "obj", "axis", NULL}, 3, arg);
        if (arg[ins ? 3 : 2] && arg[ins ? 3 : 2]->kind != N_NONE) inf_fail(I, call, "np.%s(): axis= is not supported yet", f);
        hold_array(p, it_need(I, call, arg[0], f, "arr"), f);
        Val o = hold(p, ex_expr(I, it_need(I, call, arg[1], f, "obj")));
        if (o.ty->kind != T_SCALAR || !dt_is_intlike(o.ty->dtype)) inf_fail(I, arg[1], "np.%s(): one integer index is supported here", f);
        if (ins) {
            Val v = hold(p, ex_expr(I, it_need(I, call, arg[2], f, "values")));
            if (v.ty->kind != T_SCALAR) inf_fail(I, arg[2], "np.insert(): one value is supported here");
            it_call_put(p, "def insert(arr, i, v):\n    a = arr.ravel()\n    n = a.shape[0]\n    if i < -n or i > n:\n"
                    "        raise IndexError(f\"index {i} is out of bounds for axis 0 with size {n}\")\n    if i < 0:\n        i += n\n"
                    "    r = np.empty(n + 1, dtype=a.dtype)\n    r[:i] = a[:i]\n    r[i] = v\n    r[i + 1:] = a[i:]\n    return r\n");
        } else {
            it_call_put(p, "def delete(arr, i):\n    a = arr.ravel()\n    n = a.shape[0]\n    if i < -n or i >= n:\n"
                    "        raise IndexError(f\"index {i} is out of bounds for axis 0 with size {n}\")\n    if i < 0:\n        i += n\n"
                    "    return np.concatenate((a[:i], a[i + 1:]))\n");
        }
        break;
    }
    case NM_LOGSPACE: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"start", "stop", "num", "endpoint", "base", NULL}, 5, arg);
        if (arg[3]) inf_fail(I, arg[3], "np.logspace(): endpoint= is not supported yet");
        hold(p, ex_expr(I, it_need(I, call, arg[0], f, "start")));
        hold(p, ex_expr(I, it_need(I, call, arg[1], f, "stop")));
        hold(p, arg[2] ? ex_expr(I, arg[2]) : val_of(I, inf_k64(I, 50)));
        hold(p, arg[4] ? ex_expr(I, arg[4]) : val_of(I, inf_const_f(I, ty_scalar(I->tt, KILN_FLOAT64, true), 10.0)));
        it_call_put(p, "def logspace(a, b, n, base):\n    return base ** np.linspace(a, b, n)\n");
        break;
    }
    case NM_MESHGRID: { /* each 1-d array broadcast along its own axis into copies of the grid's shape; indexing 'xy'
                         * (the default) swaps the first two axes, as NumPy's */
        int n = call->nkids;
        bool ij = false;
        for (int i = 0; i < call->nkids2; i++) {
            Node *v = call->kids2[i];
            if (!strcmp(call->names[i], "indexing") && v->kind == N_STR && (!strcmp(v->name, "ij") || !strcmp(v->name, "xy")))
                ij = v->name[0] == 'i';
            else if (!strcmp(call->names[i], "indexing"))
                inf_fail(I, v, "Valid values for `indexing` are 'xy' and 'ij'.");
            else if (!strcmp(call->names[i], "copy") && v->kind == N_BOOL && v->v.i) continue;
            else inf_fail(I, v, "np.meshgrid(): %s= is not supported (indexing= is)", call->names[i]);
        }
        if (n < 1 || n > 4) inf_fail(I, call, "np.meshgrid() of 1 to 4 arrays is supported");
        for (int i = 0; i < n; i++) {
            Val x = hold_array(p, call->kids[i], f);
            if (x.ty->ndim != 1) inf_fail(I, call->kids[i], "np.meshgrid() of 1-d arrays is supported");
        }
        int ax[4];
        for (int i = 0; i < n; i++) ax[i] = !ij && n > 1 && i < 2 ? 1 - i : i; /* the output axis of array i */
        it_call_put(p, "def meshgrid(");
        for (int i = 0; i < n; i++) it_call_put(p, "%sx%d", i ? ", " : "", i);
        it_call_put(p, "):\n    s = (");
        for (int a = 0; a < n; a++)
            for (int i = 0; i < n; i++) if (ax[i] == a) it_call_put(p, "x%d.shape[0], ", i);
        it_call_put(p, ")\n");
        for (int i = 0; i < n; i++) {
            it_call_put(p, "    r%d = np.broadcast_to(x%d.reshape((", i, i);
            for (int a = 0; a < n; a++) it_call_put(p, a == ax[i] ? "-1, " : "1, ");
            it_call_put(p, ")), s).copy()\n");
        }
        it_call_put(p, "    return (");
        for (int i = 0; i < n; i++) it_call_put(p, "r%d, ", i);
        it_call_put(p, ")\n");
        break;
    }
    case NM_CROSS: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "b", NULL}, 2, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f), b = hold_array(p, it_need(I, call, arg[1], f, "b"), f);
        if (a.ty->ndim < 1 || b.ty->ndim < 1) inf_fail(I, call, "np.cross() needs arrays of vectors");
        /* NumPy's checks; its 2-vectors (deprecated in NumPy 2) are refused with a message of their own */
        it_call_put(p, "def cross(a, b):\n    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):\n"
                "        raise ValueError(\"incompatible dimensions for cross product\\n(dimension must be 2 or 3)\")\n"
                "    if a.shape[-1] != 3 or b.shape[-1] != 3:\n"
                "        raise ValueError(\"kiln's cross product takes 3-vectors (NumPy 2 deprecates 2-vectors)\")\n");
        if (a.ty->ndim == 1 && b.ty->ndim == 1)
            it_call_put(p, "    return np.array([a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]])\n");
        else /* NumPy's: each component a product less a product, in the operands' common type, into a new C array */
            it_call_put(p, "    c0 = a[..., 1] * b[..., 2] - a[..., 2] * b[..., 1]\n"
                    "    c1 = a[..., 2] * b[..., 0] - a[..., 0] * b[..., 2]\n"
                    "    c2 = a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]\n"
                    "    r = np.empty(c0.shape + (3,), c0.dtype)\n"
                    "    r[..., 0] = c0\n    r[..., 1] = c1\n    r[..., 2] = c2\n    return r\n");
        break;
    }
    case NM_NAN_TO_NUM: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", NULL}, 1, arg);
        Val x = hold(p, ex_expr(I, it_need(I, call, arg[0], f, "x")));
        if (!is_float(x.ty)) { it_call_put(p, "def nan_to_num(x):\n    return x + 0\n"); break; }
        const char *big = x.ty->dtype == KILN_FLOAT32 ? "np.float32(3.4028234663852886e+38)" : "1.7976931348623157e+308";
        it_call_put(p, "def nan_to_num(x):\n    return np.where(x != x, 0.0, np.where(x == np.inf, %s, np.where(x == -np.inf, -%s, x)))\n", big, big);
        break;
    }
    case NM_QUANTILE: case NM_PERCENTILE: { /* NumPy's 'linear' method: the sorted items' lerp at (n - 1) q, per q */
        bool pct = k == NM_PERCENTILE;
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "q", "axis", NULL}, 3, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        if (dt_is_complex(a.ty->dtype)) inf_fail(I, arg[0], "a must be an array of real numbers");
        int ax = arg[2] && arg[2]->kind != N_NONE ? axis_of(I, arg[2], a.ty->ndim, f) : -1;
        if (a.ty->ndim < 2) ax = -1; /* a 1-d array's only axis: the whole */
        Node *qn = it_need(I, call, arg[1], f, "q");
        Val q = ex_expr(I, qn);
        bool many = q.ty->kind == T_LIST || q.ty->kind == T_ARRAY || qn->kind == N_TUPLE; /* an array of results */
        if (many) q = nm_array_arg(I, qn, f);
        if ((q.ty->kind != T_SCALAR && q.ty->kind != T_ARRAY) || dt_is_complex(q.ty->dtype) || q.ty->dtype == KILN_BOOL)
            inf_fail(I, arg[1], "np.%s() of %s is not supported (numbers q are)", f, inf_tyname(I, q.ty));
        if (many && a.ty->dtype != KILN_FLOAT64 && !dt_is_intlike(a.ty->dtype))
            inf_fail(I, arg[0], "np.%s() of a %s array at several q is not supported yet (float64 and integer arrays are)", f,
                     kiln_dtype_name((kiln_dtype)a.ty->dtype));
        hold(p, q);
        it_call_put(p, "def %s(a, q):\n", f);
        it_call_put(p, "    def at(s, n, q):\n        v = (n - 1) * q\n        if v >= n - 1:\n            i = -1\n            j = -1\n"
                "        elif v < 0:\n            i = 0\n            j = 0\n        else:\n            i = int(np.floor(v))\n"
                "            j = i + 1\n        g = v - i\n        x = s[i]\n        y = s[j]\n        d = y - x\n        r = x + d * g\n"
                "        if g >= 0.5:\n            r = y - d * (1 - g)\n");
        if (is_float(a.ty)) it_call_put(p, "        if n > 0 and s[n - 1] != s[n - 1]:\n            r = s[n - 1]\n");
        it_call_put(p, "        return r\n");
        if (pct) it_call_put(p, "    q = q / 100\n");
        it_call_put(p, many ? "    if not np.all((q >= 0.0) & (q <= 1.0)):\n" : "    if not (0.0 <= q <= 1.0):\n");
        it_call_put(p, "        raise ValueError(\"%s must be in the range [0, %s]\")\n", pct ? "Percentiles" : "Quantiles", pct ? "100" : "1");
        if (ax < 0) {
            it_call_put(p, "    s = np.sort(a.ravel())\n    n = s.shape[0]\n");
            if (!many) it_call_put(p, "    return at(s, n, q)\n");
            else it_call_put(p, "    qs = q.ravel()\n    out = np.empty(qs.shape[0])\n    for k in range(qs.shape[0]):\n"
                         "        out[k] = at(s, n, qs[k] * 1.0)\n    return out.reshape(q.shape)\n");
            break;
        }
        /* along an axis: each lane sorted as a row of a 2-d copy; the result's shape q's, then a's without the axis */
        int nd = a.ty->ndim;
        it_call_put(p, "    m = np.moveaxis(a, %d, -1)\n    n = m.shape[%d]\n    s = np.sort(m.reshape(-1, n), axis=1)\n"
                "    rows = s.shape[0]\n    qs = %s\n    out = np.empty((qs.shape[0], rows)%s)\n"
                "    for k in range(qs.shape[0]):\n        for r in range(rows):\n            out[k, r] = at(s[r], n, qs[k] * 1.0)\n"
                "    return out.reshape((", ax, nd - 1, many ? "q.ravel()" : "np.array([q])",
            a.ty->dtype == KILN_FLOAT32 && !many ? ", dtype=np.float32" : "");
        if (many) for (int i = 0; i < q.ty->ndim; i++) it_call_put(p, "q.shape[%d], ", i);
        for (int i = 0; i < nd - 1; i++) it_call_put(p, "m.shape[%d], ", i);
        it_call_put(p, "))\n");
        break;
    }
    case NM_HISTOGRAM: { /* equal bins over [min, max], NumPy's index computation and its one-ulp corrections */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "bins", "range", "density", "weights", NULL}, 5, arg);
        for (int i = 3; i < 5; i++)
            if (arg[i] && arg[i]->kind != N_NONE) inf_fail(I, arg[i], "np.histogram(): density= and weights= are not supported yet");
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        if (!(a.ty->dtype == KILN_FLOAT64 || (dt_is_intlike(a.ty->dtype) && a.ty->dtype != KILN_BOOL)))
            inf_fail(I, arg[0], "np.histogram() of %s is not supported (float64 and integer arrays are)", kiln_dtype_name((kiln_dtype)a.ty->dtype));
        Val b = hold(p, arg[1] ? ex_expr(I, arg[1]) : val_of(I, inf_k64(I, 10)));
        if (b.ty->kind != T_SCALAR || !dt_is_intlike(b.ty->dtype)) inf_fail(I, arg[1], "np.histogram(): bins must be a number of bins here");
        bool ranged = arg[2] && arg[2]->kind != N_NONE; /* range=(lo, hi): NumPy's checks, values outside left out */
        if (ranged) {
            Val r = hold(p, ex_expr(I, arg[2]));
            if (r.ty->kind != T_TUPLE || r.ty->n != 2 || r.ty->elems[0]->kind != T_SCALAR || r.ty->elems[1]->kind != T_SCALAR)
                inf_fail(I, arg[2], "np.histogram(): range must be a pair of numbers (lo, hi)");
        }
        it_call_put(p, "def histogram(a, bins%s):\n    if bins < 1:\n        raise ValueError(\"`bins` must be positive, when an integer\")\n"
                "    x = a.ravel()\n", ranged ? ", rg" : "");
        if (ranged)
            it_call_put(p, "    lo = rg[0]\n    hi = rg[1]\n    if lo > hi:\n        raise ValueError(\"max must be larger than min in range parameter.\")\n"
                    "    if not (lo - lo == 0 and hi - hi == 0):\n        raise ValueError(f\"supplied range of [{lo}, {hi}] is not finite\")\n");
        else
            it_call_put(p, "    if x.shape[0] == 0:\n        lo = 0\n        hi = 1\n    else:\n        lo = x.min()\n        hi = x.max()\n");
        if (is_float(a.ty) && !ranged)
            it_call_put(p, "        if not (lo - lo == 0 and hi - hi == 0):\n"
                    "            raise ValueError(f\"autodetected range of [{lo}, {hi}] is not finite\")\n");
        it_call_put(p, "    if lo == hi:\n        lo = lo - 0.5\n        hi = hi + 0.5\n    edges = np.linspace(lo, hi, bins + 1)\n"
                "    counts = np.zeros(bins, dtype=np.int64)\n    denom = hi - lo\n    for v in x:\n        w = v * 1.0\n"
                "        if w >= lo and w <= hi:\n            i = int(((w - lo) / denom) * bins)\n            if i == bins:\n"
                "                i -= 1\n            if w < edges[i]:\n                i -= 1\n            if w >= edges[i + 1] and i != bins - 1:\n"
                "                i += 1\n            counts[i] += 1\n    return counts, edges\n");
        break;
    }
    case NM_MATRIX_POWER: { /* np.linalg.matrix_power: NumPy's short cuts, then its binary decomposition of n */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "n", NULL}, 2, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        if (a.ty->ndim != 2) inf_fail(I, arg[0], "np.linalg.matrix_power() of a %d-d array is not supported (a square 2-d one is)", a.ty->ndim);
        Val n = hold(p, ex_expr(I, it_need(I, call, arg[1], f, "n")));
        if (n.ty->kind != T_SCALAR || !dt_is_intlike(n.ty->dtype)) inf_fail(I, arg[1], "exponent must be an integer");
        it_call_put(p, "def matrix_power(a, n):\n    if a.shape[0] != a.shape[1]:\n"
                "        raise ValueError(\"Last 2 dimensions of the array must be square\")\n"
                "    if n == 0:\n        return np.eye(a.shape[0], dtype=a.dtype)\n    if n < 0:\n");
        if (is_float(a.ty)) it_call_put(p, "        a = np.linalg.inv(a)\n        n = -n\n"); /* NumPy's: the inverse's powers */
        else it_call_put(p, "        raise NotImplementedError(\"numpy.linalg.matrix_power of an integer matrix to a negative exponent (a float "
                     "inverse) is not supported by kiln\")\n");
        it_call_put(p, "    if n == 1:\n        return a\n    if n == 2:\n        return a @ a\n    if n == 3:\n        return (a @ a) @ a\n"
                "    z = a\n    r = a\n    first = True\n    started = False\n    while n > 0:\n        if first:\n            first = False\n"
                "        else:\n            z = z @ z\n        bit = n %% 2\n        n = n // 2\n        if bit:\n            if started:\n"
                "                r = r @ z\n            else:\n                r = z\n                started = True\n    return r\n");
        break;
    }
    case NM_MATRIX_RANK: { /* NumPy 2's: the singular values above max(s) * max(m, n) * eps (or tol, or rtol) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"A", "tol", "hermitian", "rtol", NULL}, 3, arg);
        if (arg[2] && !(arg[2]->kind == N_BOOL && !arg[2]->v.i))
            inf_fail(I, arg[2], "np.linalg.matrix_rank(): only hermitian=False is supported");
        Val a = hold_array(p, it_need(I, call, arg[0], f, "A"), f);
        bool tol = arg[1] && arg[1]->kind != N_NONE, rtol = arg[3] && arg[3]->kind != N_NONE;
        if (tol) hold(p, ex_expr(I, arg[1]));
        else if (rtol) hold(p, ex_expr(I, arg[3]));
        if (a.ty->ndim < 2) { it_call_put(p, "def matrix_rank(A%s):\n    return int(not np.all(A == 0))\n", tol || rtol ? ", t" : ""); break; }
        if (a.ty->ndim > 2) inf_fail(I, arg[0], "np.linalg.matrix_rank() of a stack of matrices is not supported yet");
        /* S's epsilon in S's type: float32's for a float32 matrix (its svd is float32) */
        const char *eps = a.ty->dtype == KILN_FLOAT32 ? "np.float32(1.1920928955078125e-07)" : "2.220446049250313e-16";
        it_call_put(p, "def matrix_rank(A%s):\n    S = np.linalg.svd(A, compute_uv=False)\n    if S.shape[0] == 0:\n"
                "        return np.int64(0)\n", tol || rtol ? ", t" : ""); /* NumPy's max has initial=0 */
        if (tol) it_call_put(p, "    tol = t\n");
        else if (rtol) it_call_put(p, "    tol = S.max() * t\n");
        else it_call_put(p, "    tol = S.max() * (max(A.shape[0], A.shape[1]) * %s)\n", eps);
        it_call_put(p, "    return np.int64(np.count_nonzero(S > tol))\n");
        break;
    }
    case NM_COND: { /* p None, 2, -2: the ratio of the extreme singular values; a NaN (0 / 0) inf where x has none */
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", "p", NULL}, 2, arg);
        Val x = hold_array(p, it_need(I, call, arg[0], f, "x"), f);
        bool inv = false;
        if (arg[1] && arg[1]->kind != N_NONE) {
            Node *q = arg[1];
            bool neg = q->kind == N_UNARY && q->op == TK_MINUS;
            Node *v = neg ? q->a : q;
            if (v->kind != N_INT || v->v.i != 2)
                inf_fail(I, q, "np.linalg.cond(): only p=None, 2 and -2 are supported (the others need an inverse)");
            inv = neg;
        }
        if (x.ty->ndim != 2) inf_fail(I, arg[0], "np.linalg.cond() of a %d-d array is not supported (a 2-d one is)", x.ty->ndim);
        it_call_put(p, "def cond(x):\n    if x.shape[0] == 0 or x.shape[1] == 0:\n"
                "        raise np.linalg.LinAlgError(\"cond is not defined on empty arrays\")\n"
                "    s = np.linalg.svd(x, compute_uv=False)\n    r = %s\n"
                "    if np.isnan(r) and not np.isnan(x).any():\n        r = s.dtype.type(np.inf)\n    return r\n",
            /* in arrays: a NumPy scalar's division by zero raises in kiln (language.md 5), an array's gives NumPy's
             * inf or nan */
            inv ? "(s[-1:] / s[:1])[0]" : "(s[:1] / s[-1:])[0]");
        break;
    }
    case NM_ASCONTIGUOUSARRAY: case NM_ASFORTRANARRAY: { /* a itself where it is laid out so, else a copy: ravel's rule */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "dtype", NULL}, 2, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        const char *as = "";
        if (arg[1] && arg[1]->kind != N_NONE) {
            int dt = cl_dtype_arg(I, arg[1]);
            if (dt != (int)a.ty->dtype) { hold(p, ex_expr(I, arg[1])); as = ".astype(d)"; } /* another type: a copy */
        }
        it_call_put(p, "def %s(a%s):\n", f, *as ? ", d" : "");
        if (a.ty->ndim == 0) it_call_put(p, "    return np.ravel(a)%s\n", as);               /* NumPy's: at least 1-d */
        else if (k == NM_ASCONTIGUOUSARRAY) it_call_put(p, "    return np.ravel(a)%s.reshape(a.shape)\n", as);
        else it_call_put(p, "    return np.ravel(a.T)%s.reshape(a.T.shape).T\n", as);   /* a.T's C order is a's F order */
        break;
    }
    case NM_NANMAX: case NM_NANMIN: case NM_NANARGMAX: case NM_NANARGMIN: case NM_NANPROD: case NM_NANVAR:
    case NM_NANSTD: { /* NumPy's nanfunctions over the whole array (axis=None) */
        bool var = k == NM_NANVAR || k == NM_NANSTD;
        cl_np_bind(I, call, f, 0, var ? (const char *const[]){"a", "axis", "dtype", "out", "ddof", NULL}
                                      : (const char *const[]){"a", "axis", NULL}, 2, arg);
        if (arg[1] && arg[1]->kind != N_NONE) inf_fail(I, arg[1], "np.%s(): axis= is not supported yet (the whole array is)", f);
        if (var && ((arg[2] && arg[2]->kind != N_NONE) || (arg[3] && arg[3]->kind != N_NONE)))
            inf_fail(I, arg[2] && arg[2]->kind != N_NONE ? arg[2] : arg[3], "np.%s(): dtype= and out= are not supported", f);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        if (dt_is_complex(a.ty->dtype)) inf_fail(I, arg[0], "np.%s() of a complex array is not supported yet", f);
        if (var) hold(p, arg[4] ? ex_expr(I, arg[4]) : val_of(I, inf_k64(I, 0)));
        const char *sig = var ? "a, ddof" : "a";
        bool fl = is_float(a.ty);
        const char *T = a.ty->dtype == KILN_FLOAT32 ? "np.float32" : "np.float64";
        switch (k) {
        case NM_NANMAX: case NM_NANMIN: /* np.fmax.reduce (fmin): NaNs skipped, all NaN gives NaN */
            if (!fl) { it_call_put(p, "def %s(a):\n    return a.%s()\n", f, k == NM_NANMAX ? "max" : "min"); break; }
            it_call_put(p, "def %s(a):\n    x = a.ravel()\n    if x.shape[0] == 0:\n"
                    "        raise ValueError(\"zero-size array to reduction operation %s which has no identity\")\n"
                    "    r = x[0]\n    for i in range(1, x.shape[0]):\n        v = x[i]\n"
                    "        if not (r %s v or v != v):\n            r = v\n    return r\n",
                f, k == NM_NANMAX ? "fmax" : "fmin", k == NM_NANMAX ? ">=" : "<=");
            break;
        case NM_NANARGMAX: case NM_NANARGMIN: /* NaNs as -inf (+inf), an all-NaN array refused */
            if (!fl) { it_call_put(p, "def %s(a):\n    return np.%s(a)\n", f, k == NM_NANARGMAX ? "argmax" : "argmin"); break; }
            it_call_put(p, "def %s(a):\n    x = a.ravel()\n    m = x != x\n    if x.shape[0] > 0 and m.all():\n"
                    "        raise ValueError(\"All-NaN slice encountered\")\n    return np.%s(np.where(m, %snp.inf, x))\n",
                f, k == NM_NANARGMAX ? "argmax" : "argmin", k == NM_NANARGMAX ? "-" : "");
            break;
        case NM_NANPROD:
            it_call_put(p, "def nanprod(a):\n    return %s.prod()\n", fl ? "np.where(a != a, 1, a)" : "a");
            break;
        default: /* nanvar, nanstd: NaNs 0 and not counted; the mean and the variance divided in double, as NumPy's
                  * _divide_by_count divides a float32 sum by an integer count */
            if (!fl) { it_call_put(p, "def %s(a, ddof):\n    return np.%s(a, ddof=ddof)\n", f, k == NM_NANVAR ? "var" : "std"); break; }
            it_call_put(p, "def %s(%s):\n    m = a != a\n    x = np.where(m, 0, a)\n    cnt = (~m).sum()\n"
                    "    avg = %s(np.float64(x.sum()) / cnt)\n    d = np.where(m, 0, x - avg)\n    dof = cnt - ddof\n"
                    "    if dof <= 0:\n        v = %s(np.nan)\n    else:\n        v = %s(np.float64((d * d).sum()) / dof)\n"
                    "    return %s\n", f, sig, T, T, T, k == NM_NANVAR ? "v" : "np.sqrt(v)");
        }
        break;
    }
    case NM_ANGLE: { /* NumPy's: arctan2(z.imag, z.real) (a real z: arctan2(0, z)), times 180 / pi for deg=True */
        cl_np_bind(I, call, f, 0, (const char *const[]){"z", "deg", NULL}, 2, arg);
        Val z = hold(p, ex_expr(I, it_need(I, call, arg[0], f, "z")));
        if (z.ty->kind == T_LIST) inf_fail(I, arg[0], "np.angle() of a list is not supported (an array or a number is)");
        if (z.ty->kind != T_ARRAY && z.ty->kind != T_SCALAR) inf_fail(I, arg[0], "np.angle() needs a number or an array, not %s", inf_tyname(I, z.ty));
        bool deg = const_bool(I, arg[1], false, f, "deg");
        it_call_put(p, "def angle(z):\n    a = np.arctan2(%s)\n    return a%s\n", dt_is_complex(z.ty->dtype) ? "z.imag, z.real" : "0, z",
            deg ? " * (180 / np.pi)" : "");
        break;
    }
    case NM_FLATNONZERO: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", NULL}, 1, arg);
        hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        it_call_put(p, "def flatnonzero(a):\n    return np.nonzero(np.ravel(a))[0]\n");
        break;
    }
    case NM_INTERP: { /* NumPy's arr_interp (compiled_base.c) step for step, on float64 copies */
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", "xp", "fp", "left", "right", "period", NULL}, 6, arg);
        if (arg[5] && arg[5]->kind != N_NONE) inf_fail(I, arg[5], "np.interp(): period= is not supported yet");
        Val x = hold(p, ex_expr(I, it_need(I, call, arg[0], f, "x")));
        if (x.ty->kind == T_LIST) inf_fail(I, arg[0], "np.interp(): x must be a number or an array here (np.array(x) for a list)");
        Val xp = hold_array(p, it_need(I, call, arg[1], f, "xp"), f), fp = hold_array(p, it_need(I, call, arg[2], f, "fp"), f);
        for (int i = 0; i < 3; i++) {
            const Type *t = i == 0 ? x.ty : i == 1 ? xp.ty : fp.ty;
            if ((t->kind != T_SCALAR && t->kind != T_ARRAY) || dt_is_complex(t->dtype))
                inf_fail(I, arg[i], "np.interp() of %s is not supported (real numbers and arrays are)", inf_tyname(I, t));
        }
        if (xp.ty->ndim != 1 || fp.ty->ndim != 1) inf_fail(I, call, "Data points must be 1D sequences");
        bool scalar = x.ty->kind == T_SCALAR, lhs = arg[3] && arg[3]->kind != N_NONE, rhs = arg[4] && arg[4]->kind != N_NONE;
        if (lhs) hold(p, ex_expr(I, arg[3]));
        if (rhs) hold(p, ex_expr(I, arg[4]));
        it_call_put(p, "def interp(x, xp, fp%s%s):\n", lhs ? ", left" : "", rhs ? ", right" : "");
        it_call_put(p, "    dx = xp.astype(np.float64)\n    dy = fp.astype(np.float64)\n    n = dx.shape[0]\n"
                "    if n == 0:\n        raise ValueError(\"array of sample points is empty\")\n"
                "    if dy.shape[0] != n:\n        raise ValueError(\"fp and xp are not of the same length.\")\n");
        it_call_put(p, "    lval = %s\n    rval = %s\n", lhs ? "float(left)" : "dy[0]", rhs ? "float(right)" : "dy[n - 1]");
        it_call_put(p, "    z = %s\n    res = np.empty(z.shape[0])\n", scalar ? "np.full(1, x, dtype=np.float64)" : "np.ravel(x).astype(np.float64)");
        /* the interval by NumPy's binary_search_with_guess: the last one found tried first and its neighbours, then
         * bisection (within 8 of the guess where the key lies there); a linear scan of up to 4 points. For an
         * increasing xp any search finds the same interval; for another xp (NumPy's "nonsense") this one finds
         * NumPy's, and sorted x cost a compare or two a point instead of a search */
        it_call_put(p, "    j = 0\n    for i in range(z.shape[0]):\n        v = z[i]\n        r = v\n"
                "        if n == 1:\n            r = lval if v < dx[0] else (rval if v > dx[0] else dy[0])\n"
                "        elif v == v:\n"
                "            if v > dx[n - 1]:\n                j = n\n"
                "            elif v < dx[0]:\n                j = -1\n"
                "            elif n <= 4:\n                j = 1\n"
                "                while j < n and v >= dx[j]:\n                    j += 1\n                j -= 1\n"
                "            else:\n                g = min(max(j, 1), n - 3)\n                lo = 0\n                hi = n\n"
                "                if v < dx[g]:\n"
                "                    if v < dx[g - 1]:\n                        hi = g - 1\n"
                "                        if g > 8 and v >= dx[g - 8]:\n                            lo = g - 8\n"
                "                    else:\n                        lo = hi = g\n"
                "                elif v < dx[g + 1]:\n                    lo = hi = g + 1\n"
                "                elif v < dx[g + 2]:\n                    lo = hi = g + 2\n"
                "                else:\n                    lo = g + 2\n"
                "                    if g < n - 9 and v < dx[g + 8]:\n                        hi = g + 8\n"
                "                while lo < hi:\n                    mid = lo + ((hi - lo) >> 1)\n"
                "                    if v >= dx[mid]:\n                        lo = mid + 1\n"
                "                    else:\n                        hi = mid\n"
                "                j = lo - 1\n"
                "            if j == -1:\n                r = lval\n"
                "            elif j == n:\n                r = rval\n"
                "            elif j == n - 1 or dx[j] == v:\n                r = dy[j]\n"
                "            else:\n"
                "                slope = (dy[j + 1] - dy[j]) / (dx[j + 1] - dx[j])\n"
                "                r = slope * (v - dx[j]) + dy[j]\n"
                "                if r != r:\n"
                "                    r = slope * (v - dx[j + 1]) + dy[j + 1]\n"
                "                    if r != r and dy[j] == dy[j + 1]:\n                        r = dy[j]\n"
                "        res[i] = r\n");
        it_call_put(p, "    return %s\n", scalar ? "res[0]" : "res.reshape(x.shape)");
        break;
    }
    default: inf_fail(I, call, "internal error: np.%s", f);
    }
    return it_call_inline(p);
}

/* the ufuncs whose reduce and accumulate kiln writes as NumPy's sequential fold (no pairwise order: that is add's
 * alone), with the identity an empty reduction gives (NULL: NumPy's ValueError) */
static const struct { const char *ufunc, *identity; } folds[] = {
    {"subtract", NULL}, {"bitwise_and", "~np.%s(0)"}, {"bitwise_or", "np.%s(0)"}, {"bitwise_xor", "np.%s(0)"},
    {"logical_and", "np.%s(True)"}, {"logical_or", "np.%s(False)"}, {"logical_xor", "np.%s(False)"},
    {"gcd", "np.%s(0)"}, {"lcm", NULL}, {"logaddexp", "np.%s(-np.inf)"}, {"logaddexp2", "np.%s(-np.inf)"},
    {"fmax", NULL}, {"fmin", NULL},
};

static int fold_lookup(const char *u) {
    for (int i = 0; i < (int)NELEM(folds); i++) if (!strcmp(folds[i].ufunc, u)) return i;
    return -1;
}

/* the dtype of fold f's result over elements of dtype dt (the ufunc's loop's output for two of them) */
static int fold_dtype(Inf *I, Node *call, int f, int dt) {
    const char *u = folds[f].ufunc;
    int r = -1;
    if (!strncmp(u, "logical_", 8)) r = KILN_BOOL;
    else if (!strncmp(u, "bitwise_", 8)) r = dt_is_intlike(dt) ? dt : -1;
    else if (!strcmp(u, "subtract")) r = dt == KILN_BOOL ? -1 : dt;
    else r = nu_reduce_dtype(I, nu_lookup(u), dt);
    if (r < 0) inf_fail(I, call, "ufunc '%s' did not contain a loop with signature matching types (%s)", u, kiln_dtype_name((kiln_dtype)dt));
    return r;
}

/* np.<u>.reduce(a, axis) as a left fold along axis ax (-1: of every item, in C order), dtype rdt */
static void fold_reduce(ItCall *p, int f, int rdt, int ax, int nd) {
    const char *u = folds[f].ufunc, *d = kiln_dtype_name((kiln_dtype)rdt);
    if (ax < 0) it_call_put(p, "def reduce(a):\n    v = a.ravel()\n");
    else it_call_put(p, "def reduce(a):\n    v = np.moveaxis(a, %d, 0)\n", ax);
    it_call_put(p, "    if v.shape[0] == 0:\n");
    if (!folds[f].identity) it_call_put(p, "        raise ValueError(\"zero-size array to reduction operation %s which has no identity\")\n", u);
    else {
        char id[64];
        snprintf(id, sizeof id, folds[f].identity, d);
        if (ax < 0 || nd == 1) it_call_put(p, "        return %s\n", id);
        else it_call_put(p, "        return np.full(v.shape[1:], %s, dtype=np.%s)\n", id, d);
    }
    it_call_put(p, "    r = v[0].astype(np.%s)\n    for i in range(1, v.shape[0]):\n        r = np.%s(r, v[i])\n    return r\n", d, u);
}

/* a ufunc's methods: reduce (np.sum, prod, max, min are add.reduce & co.; along one axis, 0 unless given, or all of
 * them for axis=None), accumulate (cumsum, cumprod, and running maxima and minima along one axis), outer (every pair
 * of a's and b's items), at (in place at integer indices of the first axis, one by one) */
Val nm_ufunc_method(Inf *I, Node *call, const char *u, int nargs, const char *m) {
    ItCall *p = it_call_new(I, call, "<numpy>");
    static const struct { const char *ufunc, *reduce, *accumulate; } known[] = {
        {"add", "sum", "cumsum"}, {"multiply", "prod", "cumprod"}, {"maximum", "max", NULL}, {"minimum", "min", NULL},
    };
    int k = -1;
    for (int i = 0; i < (int)NELEM(known); i++) if (!strcmp(known[i].ufunc, u)) k = i;
    if (!strcmp(m, "outer")) {
        if (nargs != 2) inf_fail(I, call, "np.%s.outer: the ufunc takes %d operand%s, outer needs two", u, nargs, nargs == 1 ? "" : "s");
        if (call->nkids != 2 || call->nkids2) inf_fail(I, call, "np.%s.outer() of two arrays is supported", u);
        Val a = hold_array(p, call->kids[0], "outer"), b = hold_array(p, call->kids[1], "outer");
        if (a.ty->ndim != 1 || b.ty->ndim != 1) inf_fail(I, call, "np.%s.outer() of arrays other than 1-d is not supported yet", u);
        it_call_put(p, "def outer(a, b):\n    return np.%s(a[:, None], b[None, :])\n", u);
    } else if (!strcmp(m, "at")) { /* unbuffered in place: a[i] = ufunc(a[i], b[k]) index by index, repeats accumulating */
        if (call->nkids2) inf_fail(I, call->kids2[0], "np.%s.at() takes no keyword arguments", u);
        if (call->nkids != nargs + 1)
            inf_fail(I, call, "np.%s.at() takes an array, the indices%s (%d arguments given)", u, nargs == 2 ? " and the values" : "", call->nkids);
        Val a = ex_expr(I, call->kids[0]);
        if (a.ty->kind != T_ARRAY || a.ew || a.ty->ndim == 0)
            inf_fail(I, call->kids[0], "np.%s.at() needs an array of at least one dimension here, not %s", u, inf_tyname(I, a.ty));
        hold(p, a);
        Val ix = ex_expr(I, call->kids[1]);
        if (ix.ty->kind == T_LIST) ix = ls_to_array(I, ix, call->kids[1]);
        bool ok = ix.ty->kind == T_ARRAY ? dt_is_int(ix.ty->dtype) : ix.ty->kind == T_SCALAR && dt_is_int(ix.ty->dtype);
        if (!ok) inf_fail(I, call->kids[1], "np.%s.at(): the indices must be integers (an int, a list or an array of them) here, not %s",
                          u, inf_tyname(I, ix.ty));
        hold(p, ix);
        int nd = a.ty->ndim;
        bool scalar_b = false;
        it_call_put(p, "def at(a, i%s):\n    i = np.asarray(i).ravel()\n    n = a.shape[0]\n", nargs == 2 ? ", b" : "");
        if (nargs == 2) {
            Val b = ex_expr(I, call->kids[2]);
            if (b.ty->kind == T_LIST) b = ls_to_array(I, b, call->kids[2]);
            if (b.ty->kind != T_ARRAY && b.ty->kind != T_SCALAR) inf_fail(I, call->kids[2], "np.%s.at(): the values must be numbers or an array here", u);
            hold(p, b);
            Node c = *call; /* np.<u>(a, b) itself, lazy (never computed): the ufunc's own dtype rules, then same_kind into a */
            c.kids = (Node *[]){p->args[0], p->args[2]};
            c.nkids = 2;
            c.nkids2 = 0;
            Val e = ew_ufunc_call(I, &c, ew_ufunc_lookup(u));
            if (e.ty->kind != T_UNKNOWN && !dt_can_cast((int)e.ty->dtype, a.ty->dtype, CAST_SAME_KIND))
                inf_fail(I, call, "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with casting rule 'same_kind'", u,
                         kiln_dtype_name(e.ty->dtype), kiln_dtype_name(a.ty->dtype));
            scalar_b = b.ty->kind == T_SCALAR;
            if (!scalar_b) {
                it_call_put(p, "    v = np.broadcast_to(b, (i.shape[0]");
                for (int k = 1; k < nd; k++) it_call_put(p, ", a.shape[%d]", k);
                it_call_put(p, "))\n");
            }
        }
        it_call_put(p, "    for k in range(i.shape[0]):\n        j = i[k]\n        if j < -n or j >= n:\n"
                "            raise IndexError(\"index \" + str(j) + \" is out of bounds for axis 0 with size \" + str(n))\n"
                "        a[j] = np.%s(a[j]%s)\n    return None\n", u, nargs == 2 ? (scalar_b ? ", b" : ", v[k]") : "");
    } else if (!strcmp(m, "reduce") || !strcmp(m, "accumulate")) {
        bool red = m[0] == 'r';
        int f = fold_lookup(u);
        if (k < 0 && f < 0)
            inf_fail(I, call, "np.%s.%s() is not supported (add, multiply, maximum, minimum, subtract, the bitwise and logical "
                     "ufuncs, gcd, lcm, logaddexp, logaddexp2, fmax and fmin have it)", u, m);
        Node *arg[2] = {NULL};
        cl_np_bind(I, call, m, 0, (const char *const[]){"array", "axis", NULL}, 2, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], m, "array"), m);
        int nd = a.ty->ndim;
        if (nd == 0) inf_fail(I, call, "np.%s.%s() of a 0-d array is not supported", u, m);
        bool all = arg[1] && arg[1]->kind == N_NONE; /* axis=None: reduce over every axis */
        if (all && !red) inf_fail(I, arg[1], "accumulate does not allow multiple axes");
        int ax = arg[1] && !all ? axis_of(I, arg[1], nd, m) : 0;
        int rdt = k < 0 ? fold_dtype(I, call, f, a.ty->dtype) : a.ty->dtype;
        if (k < 0 && red) fold_reduce(p, f, rdt, all || nd == 1 ? -1 : ax, nd);
        else if (red && all) it_call_put(p, "def reduce(a):\n    return np.%s(a)\n", known[k].reduce);
        else if (red) it_call_put(p, "def reduce(a):\n    return np.%s(a, axis=%d)\n", known[k].reduce, ax);
        else if (k >= 0 && known[k].accumulate) it_call_put(p, "def accumulate(a):\n    return np.%s(a, axis=%d)\n", known[k].accumulate, ax);
        else /* a running fold along axis ax (maximum, minimum and the rest): NumPy's order 'K' result, NaNs carried
              * along as np.maximum and np.minimum carry them */
            it_call_put(p, "def accumulate(a):\n    out = np.empty_like(a, dtype=np.%s)\n    v = np.moveaxis(a, %d, 0)\n    o = np.moveaxis(out, %d, 0)\n"
                    "    if v.shape[0] > 0:\n        o[0] = v[0]\n        for i in range(1, v.shape[0]):\n"
                    "            o[i] = np.%s(o[i - 1], v[i])\n    return out\n", kiln_dtype_name((kiln_dtype)rdt), ax, ax, u);
    } else {
        inf_fail(I, call, "np.%s.%s() is not supported (reduce, accumulate, outer and at are)", u, m);
    }
    return it_call_inline(p);
}

/* np.convolve(a, v, mode='full') and np.correlate(a, v, mode='valid') of 1-d arrays: one LIB_CORRELATE on both as
 * their promoted type (rt/correlate.c: NumPy's steps) */
static Val correlate_call(Inf *I, Node *call, bool conv) {
    const char *f = conv ? "convolve" : "correlate";
    Node *arg[3] = {NULL};
    cl_np_bind(I, call, f, 0, (const char *const[]){"a", "v", "mode", NULL}, 3, arg);
    Val x[2];
    for (int i = 0; i < 2; i++) {
        x[i] = nm_array_arg(I, it_need(I, call, arg[i], f, i ? "v" : "a"), f);
        if (x[i].ty->ndim != 1) inf_fail(I, arg[i], "np.%s() of a %d-d array is not supported (1-d arrays are)", f, x[i].ty->ndim);
        if (dt_is_complex(x[i].ty->dtype) || x[i].ty->dtype == KILN_BOOL)
            inf_fail(I, arg[i], "np.%s() of %s arrays is not supported yet", f, x[i].ty->dtype == KILN_BOOL ? "bool" : "complex");
    }
    int mode = conv ? 2 : 0; /* 'valid' 0, 'same' 1, 'full' 2, as NumPy numbers them */
    if (arg[2]) {
        static const char *const modes[] = {"valid", "same", "full"};
        mode = -1;
        if (arg[2]->kind == N_STR)
            for (int m = 0; m < 3; m++)
                if (!strcmp(arg[2]->name, modes[m]) || (arg[2]->name[0] == modes[m][0] && !arg[2]->name[1])) mode = m;
        if (arg[2]->kind == N_INT && arg[2]->v.i >= 0 && arg[2]->v.i <= 2) mode = (int)arg[2]->v.i;
        if (mode < 0) inf_fail(I, arg[2], "np.%s(): mode must be 'valid', 'same' or 'full' written in the call", f);
    }
    kiln_dtype dt = dt_promote(x[0].ty->dtype, x[1].ty->dtype);
    for (int i = 0; i < 2; i++) if (x[i].ty->dtype != dt) x[i] = la_cast(I, x[i], dt, call);
    Ref ops[2] = {x[0].r, x[1].r};
    return val_of(I, inf_emit(I, OP_LIB, ty_array(I->tt, dt, 1, LAYOUT_C), ops, 2,
                              LIB_CORRELATE | (int64_t)(mode | (conv ? CORR_CONVOLVE : 0)) << 8));
}

/* np.broadcast_to(array, shape): a view of the requested shape whose stretched axes (new leading ones, and those of
 * length 1) have stride 0, after NumPy's checks (its messages, its shapes written "(2,3)"). NumPy's view is read-only;
 * kiln does not refuse a write through it (language.md 12f) */
/* np.squeeze(a, axis): the view without those axes (each must be 1 long: NumPy's ValueError). Without axis= the
 * result's rank would depend on the shape when it runs, which kiln must know when it compiles */
static Val squeeze(Inf *I, Node *call) {
    Node *arg[2] = {NULL};
    cl_np_bind(I, call, "squeeze", 0, (const char *const[]){"a", "axis", NULL}, 2, arg);
    Val a = nm_array_arg(I, it_need(I, call, arg[0], "squeeze", "a"), "squeeze");
    if (a.ew) a = ew_force(I, a, call);
    int nd = a.ty->ndim;
    if (!arg[1] || arg[1]->kind == N_NONE)
        inf_fail(I, call, "np.squeeze() without axis= gives a rank known only when it runs; give axis= (an int or a tuple)");
    bool drop[KILN_MAXDIM] = {false};
    Node *ax = arg[1];
    int nax = ax->kind == N_TUPLE ? ax->nkids : 1;
    for (int i = 0; i < nax; i++) {
        int k = axis_of(I, ax->kind == N_TUPLE ? ax->kids[i] : ax, nd, "squeeze");
        if (drop[k]) inf_fail(I, ax, "repeated axis");
        drop[k] = true;
        Ref bad = inf_op2(I, OP_NE, inf_bool(I), inf_dim(I, a, k), inf_k64(I, 1));
        I->line = call->line;
        st_raise_if(I, bad, "ValueError", "cannot select an axis to squeeze out which has size not equal to one");
    }
    Ref dims[KILN_MAXDIM], strides[KILN_MAXDIM];
    int n = 0;
    for (int k = 0; k < nd; k++)
        if (!drop[k]) { dims[n] = inf_dim(I, a, k); strides[n] = inf_stride(I, a, k); n++; }
    return vw_make(I, a, inf_k64(I, 0), dims, strides, n, a.ty->layout, call); /* 1-long axes gone: C stays C, F stays F */
}

static Val broadcast_to(Inf *I, Node *call) {
    Node *arg[3] = {NULL};
    cl_np_bind(I, call, "broadcast_to", 0, (const char *const[]){"array", "shape", "subok", NULL}, 2, arg);
    Val a = nm_array_arg(I, it_need(I, call, arg[0], "broadcast_to", "array"), "broadcast_to");
    if (a.ew) a = ew_force(I, a, call);
    Ref dims[KILN_MAXDIM];
    int nd = cl_shape_arg(I, it_need(I, call, arg[1], "broadcast_to", "shape"), dims), na = a.ty->ndim;
    if (na > nd) inf_fail(I, call, "input operand has more dimensions than allowed by the axis remapping");
    /* the checks, in kiln's own Python: def check(a, s0, s1, ...) */
    ItCall *p = it_call_new(I, call, "<numpy>");
    hold(p, a);
    for (int j = 0; j < nd; j++) hold(p, val_of(I, dims[j]));
    it_call_put(p, "def check(a");
    for (int j = 0; j < nd; j++) it_call_put(p, ", s%d", j);
    it_call_put(p, "):\n    bad = False\n");
    for (int j = 0; j < nd; j++) it_call_put(p, "    if s%d < 0:\n        raise ValueError(\"all elements of broadcast shape must be non-negative\")\n", j);
    for (int k = 0; k < na; k++) it_call_put(p, "    if a.shape[%d] != s%d and a.shape[%d] != 1:\n        bad = True\n", k, k + nd - na, k);
    it_call_put(p, "    if bad:\n        raise ValueError(\"operands could not be broadcast together with remapped shapes "
            "[original->remapped]: (\"");
    for (int k = 0; k < na; k++) it_call_put(p, " + str(a.shape[%d]) + \"%s\"", k, k + 1 < na ? "," : na == 1 ? ",)" : ")");
    if (!na) it_call_put(p, " + \")\"");
    it_call_put(p, " + \"  and requested shape (\"");
    for (int j = 0; j < nd; j++) it_call_put(p, " + str(s%d) + \"%s\"", j, j + 1 < nd ? "," : nd == 1 ? ",)" : ")");
    if (!nd) it_call_put(p, " + \")\"");
    it_call_put(p, ")\n");
    it_call_inline(p);
    Ref strides[KILN_MAXDIM], zero = inf_k64(I, 0);
    for (int j = 0; j < nd; j++) {
        int k = j - (nd - na);
        if (k < 0) { strides[j] = zero; continue; }
        Ref one = inf_emit(I, OP_EQ, inf_bool(I), (Ref[]){inf_dim(I, a, k), inf_k64(I, 1)}, 2, 0);
        strides[j] = inf_emit(I, OP_SELECT, inf_i64(I), (Ref[]){one, zero, inf_stride(I, a, k)}, 3, 0);
    }
    return vw_make(I, a, zero, dims, strides, nd, LAYOUT_ANY, call);
}

/* np.cov's steps (NumPy 2.4's function_base.cov without weights) into p: X the variables as float64 rows (m's, then
 * y's), c = dot(X - mean, (X - mean).T) * (1 / fact); 1-d m without y: c is 1 x 1, which NumPy squeezes to 0-d */
static void cov_text(ItCall *p, Node *call, Node **arg, bool *zero_d, const char *f) {
    Inf *I = p->I;
    Val m = hold_array(p, it_need(I, call, arg[0], f, "m"), f);
    bool has_y = arg[1] && arg[1]->kind != N_NONE;
    Val y = has_y ? hold_array(p, arg[1], f) : m;
    if (m.ty->ndim > 2 || y.ty->ndim > 2) inf_fail(I, call, "%s has more than 2 dimensions", m.ty->ndim > 2 ? "m" : "y");
    if (dt_is_complex(m.ty->dtype) || dt_is_complex(y.ty->dtype)) inf_fail(I, call, "np.%s() of complex arrays is not supported yet", f);
    bool rowvar = const_bool(I, arg[2], true, f, "rowvar"), bias = const_bool(I, arg[3], false, f, "bias");
    bool has_ddof = arg[4] && arg[4]->kind != N_NONE;
    if (has_ddof) {
        Val d = hold(p, ex_expr(I, arg[4]));
        if (d.ty->kind != T_SCALAR || !dt_is_intlike(d.ty->dtype)) inf_fail(I, arg[4], "ddof must be integer");
    }
    *zero_d = m.ty->ndim == 1 && !has_y;
    /* the variables' rows C-contiguous, as NumPy's copy in m's own order and its transpose leave them */
    it_call_put(p, "def %s(m%s%s):\n    X = m%s.astype(np.float64)\n", f, has_y ? ", y" : "", has_ddof ? ", ddof" : "",
        m.ty->ndim == 2 && !rowvar ? ".T" : "");
    if (m.ty->ndim == 1) it_call_put(p, "    X = X.reshape(1, X.shape[0])\n");
    if (m.ty->ndim == 2) it_call_put(p, "    if X.shape[0] == 0:\n        return np.zeros((0, 0))\n");
    if (has_y) {
        it_call_put(p, "    Y = y.astype(np.float64)\n");
        if (y.ty->ndim == 1) it_call_put(p, "    Y = Y.reshape(1, Y.shape[0])\n");
        else if (!rowvar) it_call_put(p, "    if Y.shape[0] != 1:\n        Y = Y.T\n");
        it_call_put(p, "    X = np.concatenate((X, Y), axis=0)\n");
    }
    it_call_put(p, "    fact = X.shape[1] - %s\n    if fact <= 0:\n        fact = 0.0\n", has_ddof ? "ddof" : bias ? "0" : "1");
    it_call_put(p, "    X = X - X.mean(axis=1)[:, None]\n    c = np.dot(X, X.T)\n");
    it_call_put(p, "    if fact == 0:\n        c *= np.inf\n    else:\n        c *= 1 / fact\n");
    if (!*zero_d)
        it_call_put(p, "    if c.shape[0] == 1:\n        raise NotImplementedError(\"numpy.%s() of one variable in a 2-d array: NumPy "
               "gives a 0-d array, which kiln's result type cannot be here (pass the variable as a 1-d array)\")\n", f);
}

/* np.select(condlist, choicelist, default=0), NumPy 2's: the result's dtype is the choices' and the default's
 * result_type (a Python int, float or complex weak, as NEP 50 has them; anything else an array, a Python bool too),
 * its shape the broadcast of them all with the conditions, each element the first true condition's choice: as
 * nested np.where of the choices cast to that dtype (NumPy burns them in with copyto, in reverse). The lists are
 * written in the call (kiln needs their lengths) */
static void select_text(ItCall *p, Node *call, Node **arg) {
    Inf *I = p->I;
    cl_np_bind(I, call, "select", 0, (const char *const[]){"condlist", "choicelist", "default", NULL}, 3, arg);
    Node *cl = it_need(I, call, arg[0], "select", "condlist"), *ch = it_need(I, call, arg[1], "select", "choicelist");
    for (int k = 0; k < 2; k++) {
        Node *l = k ? ch : cl;
        if (l->kind != N_LIST && l->kind != N_TUPLE)
            inf_fail(I, l, "np.select(): the %s must be a list or a tuple written in the call", k ? "choices" : "conditions");
    }
    int n = cl->nkids;
    if (ch->nkids != n) inf_fail(I, call, "list of cases must be same length as list of conditions");
    if (!n) inf_fail(I, call, "select with an empty condition list is not possible");
    if (n > 15) inf_fail(I, call, "np.select() of more than 15 conditions is not supported");
    const Type *dt = NULL;
    bool arrays = false;
    bool arr[16];
    for (int i = 0; i <= n; i++) { /* the choices, then the default */
        Node *e = i < n ? ch->kids[i] : arg[2];
        Val v = e ? ex_expr(I, e) : val_of(I, inf_const_i(I, ty_scalar(I->tt, KILN_INT64, true), 0));
        if (v.ty->kind == T_LIST) v = ls_to_array(I, v, e);
        if (v.ty->kind != T_SCALAR && v.ty->kind != T_ARRAY)
            inf_fail(I, e ? e : call, "np.select(): a choice is a number or an array, not %s", inf_tyname(I, v.ty));
        hold(p, v);
        arrays |= v.ty->kind == T_ARRAY;
        const Type *t = v.ty->kind == T_SCALAR && v.ty->weak && v.ty->dtype != KILN_BOOL ? v.ty
                      : ty_scalar(I->tt, (kiln_dtype)v.ty->dtype, false);
        dt = dt ? ty_promote(I->tt, dt, t) : t;
        arr[i] = v.ty->kind == T_ARRAY;
    }
    if (!dt) inf_oom(I);
    const char *dn = kiln_dtype_name((kiln_dtype)(dt->weak ? ty_scalar(I->tt, (kiln_dtype)dt->dtype, false)->dtype : dt->dtype));
    if (!strcmp(dn, "bool")) dn = "bool_";
    for (int i = 0; i < n; i++) {
        Val c = ex_expr(I, cl->kids[i]);
        if (c.ty->kind == T_LIST) c = ls_to_array(I, c, cl->kids[i]);
        if ((c.ty->kind != T_SCALAR && c.ty->kind != T_ARRAY) || c.ty->dtype != KILN_BOOL)
            inf_fail(I, cl->kids[i], "invalid entry %d in condlist: should be boolean ndarray", i);
        hold(p, c);
        arrays |= c.ty->kind == T_ARRAY;
    }
    if (!arrays) inf_fail(I, call, "np.select() of numbers only (its result a 0-d array) is not supported");
    it_call_put(p, "def select(");
    for (int i = 0; i <= n; i++) it_call_put(p, "h%d, ", i);
    for (int i = 0; i < n; i++) it_call_put(p, "c%d, ", i);
    it_call_put(p, "):\n    return ");
    for (int i = 0; i < n; i++) {
        it_call_put(p, "np.where(c%d, ", i);
        if (arr[i]) it_call_put(p, "h%d.astype(np.%s), ", i, dn);
        else it_call_put(p, "np.%s(h%d), ", dn, i);
    }
    if (arr[n]) it_call_put(p, "h%d.astype(np.%s)", n, dn);
    else it_call_put(p, "np.%s(h%d)", dn, n);
    for (int i = 0; i < n; i++) it_call_put(p, ")");
    it_call_put(p, "\n");
}

static Val py_def3(Inf *I, Node *call, int k) {
    const char *f = names[k];
    ItCall *p = it_call_new(I, call, "<numpy>");
    Node *arg[7] = {NULL};
    switch (k) {
    case NM_COV: case NM_CORRCOEF: {
        if (k == NM_COV) cl_np_bind(I, call, f, 0, (const char *const[]){"m", "y", "rowvar", "bias", "ddof", NULL}, 5, arg);
        else cl_np_bind(I, call, f, 0, (const char *const[]){"x", "y", "rowvar", NULL}, 3, arg);
        bool zero_d;
        cov_text(p, call, arg, &zero_d, f);
        if (k == NM_COV) it_call_put(p, zero_d ? "    return c.reshape(())\n" : "    return c\n");
        else if (zero_d) it_call_put(p, "    v = c[0, 0]\n    return v / v\n"); /* NumPy's c / c of 0-d arrays: a scalar */
        else it_call_put(p, "    s = np.sqrt(np.diag(c))\n    c /= s[:, None]\n    c /= s[None, :]\n    return np.clip(c, -1, 1)\n");
        break;
    }
    case NM_IX: { /* np.ix_(a, b, ...): each 1-d sequence (a boolean one: its nonzero positions) reshaped to lie along
                   * its own axis of an open mesh, for A[np.ix_(rows, cols)] */
        if (call->nkids2) inf_fail(I, call, "np.ix_() takes no keyword arguments");
        int n = call->nkids;
        if (n < 1 || n > KILN_MAXDIM) inf_fail(I, call, "np.ix_() of 1 to %d sequences is supported", KILN_MAXDIM);
        bool mask[KILN_MAXDIM];
        it_call_put(p, "def ix_(");
        for (int i = 0; i < n; i++) {
            Val a = hold_array(p, call->kids[i], f);
            if (a.ty->ndim != 1) inf_fail(I, call->kids[i], "Cross index must be 1 dimensional");
            mask[i] = a.ty->dtype == KILN_BOOL;
            it_call_put(p, "%sa%d", i ? ", " : "", i);
        }
        it_call_put(p, "):\n");
        for (int i = 0; i < n; i++) {
            it_call_put(p, "    r%d = %s%d%s.reshape((", i, mask[i] ? "np.nonzero(a" : "a", i, mask[i] ? ")[0]" : "");
            for (int j = 0; j < n; j++) it_call_put(p, j == i ? "-1, " : "1, ");
            it_call_put(p, "))\n");
        }
        it_call_put(p, "    return (");
        for (int i = 0; i < n; i++) it_call_put(p, "r%d, ", i);
        it_call_put(p, ")\n");
        break;
    }
    case NM_FILL_DIAGONAL: { /* a.flat[:end:step] = val, NumPy's positions: a[i, i] (2-d: row p // ncol of flat p) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "val", "wrap", NULL}, 3, arg);
        Val a = hold(p, ex_expr(I, it_need(I, call, arg[0], f, "a")));
        if (a.ty->kind != T_ARRAY) inf_fail(I, arg[0], "np.fill_diagonal() needs an array, not %s", inf_tyname(I, a.ty));
        if (a.ty->ndim < 2) inf_fail(I, arg[0], "array must be at least 2-d");
        Val v = ex_expr(I, it_need(I, call, arg[1], f, "val"));
        if (v.ty->kind == T_LIST) v = ls_to_array(I, v, arg[1]);
        hold(p, v);
        bool many = v.ty->kind == T_ARRAY; /* NumPy's flat assignment repeats val's items in turn */
        if (many && v.ty->ndim != 1) inf_fail(I, arg[1], "np.fill_diagonal(): val must be a number or 1-d here");
        bool wrap = const_bool(I, arg[2], false, f, "wrap");
        it_call_put(p, "def fill_diagonal(a, val):\n");
        if (many) it_call_put(p, "    nv = val.shape[0]\n    if nv == 0:\n        return\n");
        const char *v1 = many ? "val[k % nv]" : "val";
        if (a.ty->ndim == 2) {
            it_call_put(p, "    nc = a.shape[1]\n    size = a.shape[0] * nc\n    end = %s\n", wrap ? "size" : "min(size, nc * nc)");
            it_call_put(p, "    k = 0\n    q = 0\n    while q < end:\n        a[q // nc, q %% nc] = ");
            it_call_put(p, "%s", v1);
            it_call_put(p, "\n        k += 1\n        q += nc + 1\n");
        } else {
            it_call_put(p, "    n = a.shape[0]\n    for d in a.shape:\n        if d != n:\n"
                    "            raise ValueError(\"All dimensions of input must be of equal length\")\n    for k in range(n):\n        a[k");
            for (int d = 1; d < a.ty->ndim; d++) it_call_put(p, ", k");
            it_call_put(p, "] = ");
            it_call_put(p, "%s", v1);
            it_call_put(p, "\n");
        }
        break;
    }
    case NM_LEXSORT: { /* stable argsorts from the first key to the last (the primary): lexsort's one permutation */
        cl_np_bind(I, call, f, 0, (const char *const[]){"keys", "axis", NULL}, 2, arg);
        if (arg[1] && !(arg[1]->kind == N_INT && arg[1]->v.i == -1)) inf_fail(I, arg[1], "np.lexsort(): axis= other than -1 is not supported yet");
        Node *t = it_need(I, call, arg[0], f, "keys");
        if (t->kind != N_TUPLE && t->kind != N_LIST) inf_fail(I, t, "np.lexsort() takes a tuple or list display of 1-d arrays here");
        if (t->nkids < 1 || t->nkids > 6) inf_fail(I, t, "np.lexsort() of 1 to 6 keys is supported");
        it_call_put(p, "def lexsort(");
        for (int i = 0; i < t->nkids; i++) {
            if (hold_array(p, t->kids[i], f).ty->ndim != 1) inf_fail(I, t->kids[i], "np.lexsort(): each key must be 1-d here");
            it_call_put(p, "%sk%d", i ? ", " : "", i);
        }
        it_call_put(p, "):\n");
        for (int i = 1; i < t->nkids; i++)
            it_call_put(p, "    if k%d.shape[0] != k0.shape[0]:\n        raise ValueError(\"all keys need to be the same shape\")\n", i);
        it_call_put(p, "    idx = np.argsort(k0, kind=\"stable\")\n");
        for (int i = 1; i < t->nkids; i++) it_call_put(p, "    idx = idx[np.argsort(k%d[idx], kind=\"stable\")]\n", i);
        it_call_put(p, "    return idx\n");
        break;
    }
    case NM_PAD: { /* mode 'constant': a new array of the value, a copied in (pad widths as NumPy reads them); 'edge',
                    * 'wrap', 'reflect' and 'symmetric': each axis's positions mapped to the array's (NumPy pads axis by
                    * axis from what it padded before, which for these modes is the map of each axis on its own, periodic
                    * past one array's length as NumPy's repeated reflections are) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"array", "pad_width", "mode", "constant_values", NULL}, 4, arg);
        static const char *const modes[] = {"constant", "edge", "wrap", "reflect", "symmetric"};
        int mode = 0;
        if (arg[2]) {
            if (arg[2]->kind != N_STR) inf_fail(I, arg[2], "np.pad(): mode must be a string written in the call");
            while (mode < 5 && strcmp(arg[2]->name, modes[mode])) mode++;
            if (mode == 5) inf_fail(I, arg[2], "np.pad(): mode '%s' is not supported (constant, edge, wrap, reflect and symmetric are)", arg[2]->name);
        }
        if (mode && arg[3]) inf_fail(I, arg[3], "unsupported keyword arguments for mode '%s': {'constant_values'}", modes[mode]);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "array"), f);
        int nd = a.ty->ndim;
        if (nd < 1) inf_fail(I, arg[0], "np.pad() of a 0-d array is not supported");
        Node *w = it_need(I, call, arg[1], f, "pad_width");
        /* an int, (before, after) for every axis, or one pair per axis: the widths' nodes, before and after per axis */
        Node *wb[KILN_MAXDIM], *wa[KILN_MAXDIM];
        bool pairs = w->kind == N_TUPLE || w->kind == N_LIST;
        bool per_axis = pairs && w->nkids > 0 && (w->kids[0]->kind == N_TUPLE || w->kids[0]->kind == N_LIST);
        if (per_axis && w->nkids != nd) inf_fail(I, w, "operands could not be broadcast together with remapped shapes (pad_width)");
        for (int d = 0; d < nd; d++) {
            Node *e = per_axis ? w->kids[d] : w;
            if ((pairs || per_axis) && (e->kind == N_TUPLE || e->kind == N_LIST)) {
                if (e->nkids == 1) { wb[d] = wa[d] = e->kids[0]; continue; }
                if (e->nkids != 2) inf_fail(I, e, "np.pad(): a pad width is one number or a (before, after) pair");
                wb[d] = e->kids[0];
                wa[d] = e->kids[1];
            } else {
                wb[d] = wa[d] = e;
            }
        }
        it_call_put(p, "def pad(a");
        for (int d = 0; d < nd; d++) {
            Val b = hold(p, ex_expr(I, wb[d])), e = hold(p, ex_expr(I, wa[d]));
            if (b.ty->kind != T_SCALAR || !dt_is_intlike(b.ty->dtype) || e.ty->kind != T_SCALAR || !dt_is_intlike(e.ty->dtype))
                inf_fail(I, w, "`pad_width` must be of integral type.");
            it_call_put(p, ", b%d, e%d", d, d);
        }
        bool cv = arg[3] && arg[3]->kind != N_NONE;
        if (cv) {
            Val v = hold(p, ex_expr(I, arg[3]));
            if (v.ty->kind != T_SCALAR) inf_fail(I, arg[3], "np.pad(): constant_values must be one number here");
            it_call_put(p, ", v");
        }
        it_call_put(p, "):\n");
        for (int d = 0; d < nd; d++)
            it_call_put(p, "    if b%d < 0 or e%d < 0:\n        raise ValueError(\"index can't contain negative values\")\n", d, d);
        if (mode) {
            static const char *const map[] = {"", "        m = min(max(q, 0), n - 1)\n", "        m = q % n\n",
                "        m = 0\n        if n > 1:\n            m = q % (2 * n - 2)\n            if m >= n:\n                m = 2 * n - 2 - m\n",
                "        m = q % (2 * n)\n        if m >= n:\n            m = 2 * n - 1 - m\n"};
            for (int d = 0; d < nd; d++) {
                it_call_put(p, "    n = a.shape[%d]\n    if n == 0 and b%d + e%d > 0:\n        raise ValueError(\"can't extend empty axis "
                        "%d using modes other than 'constant' or 'empty'\")\n", d, d, d, d);
                it_call_put(p, "    i%d = np.empty(n + b%d + e%d, dtype=np.int64)\n    for p in range(n + b%d + e%d):\n        q = p - b%d\n",
                    d, d, d, d, d, d);
                it_call_put(p, "%s", map[mode]);
                it_call_put(p, "        i%d[p] = m\n", d);
            }
            it_call_put(p, "    r = np.empty((");
            for (int d = 0; d < nd; d++) it_call_put(p, "i%d.shape[0], ", d);
            it_call_put(p, "), dtype=a.dtype)\n");
            for (int d = 0; d < nd; d++) it_call_put(p, "%*sfor p%d in range(i%d.shape[0]):\n", 4 + 4 * d, "", d, d);
            it_call_put(p, "%*sr[", 4 + 4 * nd, "");
            for (int d = 0; d < nd; d++) it_call_put(p, "%sp%d", d ? ", " : "", d);
            it_call_put(p, "] = a[");
            for (int d = 0; d < nd; d++) it_call_put(p, "%si%d[p%d]", d ? ", " : "", d, d);
            it_call_put(p, "]\n    return r\n");
            break;
        }
        it_call_put(p, "    r = np.full((");
        for (int d = 0; d < nd; d++) it_call_put(p, "a.shape[%d] + b%d + e%d, ", d, d, d);
        it_call_put(p, "), %s, dtype=a.dtype)\n    r[", cv ? "v" : "0");
        for (int d = 0; d < nd; d++) it_call_put(p, "%sb%d:b%d + a.shape[%d]", d ? ", " : "", d, d, d);
        it_call_put(p, "] = a\n    return r\n");
        break;
    }
    case NM_SELECT: select_text(p, call, arg); break;
    case NM_UNION1D: case NM_INTERSECT1D: case NM_SETDIFF1D: case NM_SETXOR1D: { /* NumPy's own steps on unique() */
        cl_np_bind(I, call, f, 0, (const char *const[]){"ar1", "ar2", "assume_unique", NULL}, 3, arg);
        hold_array(p, it_need(I, call, arg[0], f, "ar1"), f);
        hold_array(p, it_need(I, call, arg[1], f, "ar2"), f);
        if (arg[2] && !(arg[2]->kind == N_BOOL && !arg[2]->v.i)) inf_fail(I, arg[2], "np.%s(): only assume_unique=False is supported", f);
        it_call_put(p, "def %s(a, b):\n", f);
        if (k == NM_UNION1D) it_call_put(p, "    return np.unique(np.concatenate((a.ravel(), b.ravel())))\n");
        else if (k == NM_SETDIFF1D) it_call_put(p, "    x = np.unique(a)\n    return x[np.logical_not(np.isin(x, np.unique(b)))]\n");
        else {
            it_call_put(p, "    aux = np.sort(np.concatenate((np.unique(a), np.unique(b))))\n");
            if (k == NM_INTERSECT1D) it_call_put(p, "    return aux[:-1][aux[1:] == aux[:-1]]\n");
            else it_call_put(p, "    if aux.shape[0] == 0:\n        return aux\n"
                         "    flag = np.concatenate((np.array([True]), aux[1:] != aux[:-1], np.array([True])))\n"
                         "    return aux[flag[1:] & flag[:-1]]\n");
        }
        break;
    }
    case NM_SINC: /* NumPy's: pi * x (1e-20 for 0), then sin(y) / y */
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", NULL}, 1, arg);
        hold(p, ex_expr(I, it_need(I, call, arg[0], f, "x")));
        it_call_put(p, "def sinc(x):\n    y = np.pi * np.where(x == 0, 1.0e-20, x)\n    return np.sin(y) / y\n");
        break;
    case NM_FIX: /* floor where x >= 0, else ceil: NumPy's np.fix, which is np.trunc for every value and dtype */
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", NULL}, 1, arg);
        hold(p, ex_expr(I, it_need(I, call, arg[0], f, "x")));
        it_call_put(p, "def fix(x):\n    return np.trunc(x)\n");
        break;
    case NM_TAKE: { /* a's items at the indices (flattened without an axis), as indexing picks them: NumPy's
                     * IndexError for an index out of range (mode='raise', the only mode here), negative ones wrapped */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "indices", "axis", "out", "mode", NULL}, 5, arg);
        if (arg[3] && arg[3]->kind != N_NONE) inf_fail(I, arg[3], "np.take(): out= is not supported");
        if (arg[4] && !(arg[4]->kind == N_STR && !strcmp(arg[4]->name, "raise")))
            inf_fail(I, arg[4], "np.take(): only mode='raise' is supported");
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        Val ix = hold(p, ex_expr(I, it_need(I, call, arg[1], f, "indices")));
        if (ix.ty->kind == T_LIST) { p->n--; hold(p, ls_to_array(I, ix, arg[1])); }
        if (!arg[2] || arg[2]->kind == N_NONE) { it_call_put(p, "def take(a, i):\n    return a.ravel()[i]\n"); break; }
        int ax = axis_of(I, arg[2], a.ty->ndim, f);
        it_call_put(p, "def take(a, i):\n    return a[");
        for (int d = 0; d < ax; d++) it_call_put(p, ":, ");
        it_call_put(p, "i]\n");
        break;
    }
    case NM_PUT: { /* NumPy's PyArray_PutTo: a.flat[ind[i]] = v[i % len(v)] in order (a repeated index: the last write),
                    * its IndexErrors (an empty a; an index out of range for mode 'raise'), wrapped or clipped indices
                    * for 'wrap' / 'clip'; v converted to a's dtype; None */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "ind", "v", "mode", NULL}, 4, arg);
        const char *mode = "raise";
        if (arg[3]) {
            if (arg[3]->kind != N_STR || (strcmp(arg[3]->name, "raise") && strcmp(arg[3]->name, "wrap") && strcmp(arg[3]->name, "clip")))
                inf_fail(I, arg[3], "np.put(): mode must be 'raise', 'wrap' or 'clip' written in the call");
            mode = arg[3]->name;
        }
        Val a = ex_expr(I, it_need(I, call, arg[0], f, "a"));
        if (a.ty->kind != T_ARRAY) inf_fail(I, arg[0], "argument a of np.put() must be an array, not %s", inf_tyname(I, a.ty));
        hold(p, a);
        for (int i = 1; i < 3; i++) {
            Val v = ex_expr(I, it_need(I, call, arg[i], f, i == 1 ? "ind" : "v"));
            if (v.ty->kind == T_LIST) v = ls_to_array(I, v, arg[i]);
            if (v.ty->kind != T_ARRAY && v.ty->kind != T_SCALAR) inf_fail(I, arg[i], "np.put(): %s must be numbers or an array here, not %s", i == 1 ? "ind" : "v", inf_tyname(I, v.ty));
            hold(p, v);
        }
        it_call_put(p, "def put(a, ind, v):\n    ind = np.asarray(ind).ravel()\n    v = np.asarray(v).ravel()\n    n = a.size\n"
                "    if ind.shape[0] > 0 and n == 0:\n        raise IndexError(\"cannot replace elements of an empty array\")\n"
                "    m = v.shape[0]\n    if m == 0:\n        return None\n    for i in range(ind.shape[0]):\n        j = int(ind[i])\n");
        if (!strcmp(mode, "raise"))
            it_call_put(p, "        if j < -n or j >= n:\n            raise IndexError(\"index \" + str(j) + \" is out of bounds for axis 0 with "
                    "size \" + str(n))\n        if j < 0:\n            j += n\n");
        else if (!strcmp(mode, "wrap")) it_call_put(p, "        j = j %% n\n");
        else it_call_put(p, "        j = 0 if j < 0 else (n - 1 if j >= n else j)\n");
        it_call_put(p, "        a.flat[j] = v[i %% m]\n    return None\n");
        break;
    }
    case NM_EXTRACT: /* NumPy's: take(ravel(arr), nonzero(ravel(condition))[0]) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"condition", "arr", NULL}, 2, arg);
        hold_array(p, it_need(I, call, arg[0], f, "condition"), f);
        hold_array(p, it_need(I, call, arg[1], f, "arr"), f);
        it_call_put(p, "def extract(c, a):\n    return a.ravel()[np.nonzero(c.ravel())[0]]\n");
        break;
    case NM_VDOT: { /* the dot of the flattened arrays (NumPy's dot routine on them, BLAS's for floats), a complex
                     * first one conjugated */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "b", NULL}, 2, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f), b = hold_array(p, it_need(I, call, arg[1], f, "b"), f);
        bool cx = dt_is_complex(a.ty->dtype) || dt_is_complex(b.ty->dtype);
        /* NumPy's reshape(-1) of each: a view through the strides wherever one can be (BLAS's ?dot then reads the
         * strided elements, whose sum rounds otherwise than a copy's), else a copy */
        it_call_put(p, "def vdot(a, b):\n    a = a.reshape(-1)\n    b = b.reshape(-1)\n    if a.shape[0] != b.shape[0]:\n"
                "        raise ValueError(f\"cannot reshape array of size {b.shape[0]} into shape ({a.shape[0]},)\")\n"
                "    return np.dot(%s, b)\n", /* NumPy 2.4's message: it reshapes b to a's length */
            cx ? "np.conj(a)" : "a"); /* ?dotc_sub's sum is ?dotu_sub's of the conjugate, bit for bit (checked on
                                       * 5,000 random pairs, strided too, against NumPy's OpenBLAS) */
        break;
    }
    case NM_NANCUMSUM: case NM_NANCUMPROD: { /* NumPy's: NaNs made 0 (1), then cumsum (cumprod) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "axis", NULL}, 2, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a"), f);
        bool sum = k == NM_NANCUMSUM;
        char ax[32] = "";
        if (arg[1] && arg[1]->kind != N_NONE) snprintf(ax, sizeof ax, ", axis=%d", axis_of(I, arg[1], a.ty->ndim, f));
        it_call_put(p, "def %s(a):\n    return np.%s(%s%s)\n", f, sum ? "cumsum" : "cumprod",
            is_float(a.ty) || dt_is_complex(a.ty->dtype) ? (sum ? "np.where(a != a, 0, a)" : "np.where(a != a, 1, a)") : "a", ax);
        break;
    }
    case NM_TRI: { /* ones at and below diagonal k of an n x m array, zeros above */
        cl_np_bind(I, call, f, 0, (const char *const[]){"N", "M", "k", "dtype", NULL}, 4, arg);
        Val n = hold(p, ex_expr(I, it_need(I, call, arg[0], f, "N")));
        hold(p, arg[1] && arg[1]->kind != N_NONE ? ex_expr(I, arg[1]) : n);
        hold(p, arg[2] ? ex_expr(I, arg[2]) : val_of(I, inf_k64(I, 0)));
        bool dt = arg[3] && arg[3]->kind != N_NONE;
        if (dt) hold(p, ex_expr(I, arg[3]));
        it_call_put(p, "def tri(n, m, k%s):\n    r = np.zeros((n, m)%s)\n    for i in range(n):\n"
                "        for j in range(min(max(i + k + 1, 0), m)):\n            r[i, j] = 1\n    return r\n",
            dt ? ", d" : "", dt ? ", dtype=d" : "");
        break;
    }
    default: { /* NM_ARRAY_EQUAL: shapes, then every element (NaNs at the same places equal under equal_nan) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a1", "a2", "equal_nan", NULL}, 3, arg);
        Val a = hold_array(p, it_need(I, call, arg[0], f, "a1"), f), b = hold_array(p, it_need(I, call, arg[1], f, "a2"), f);
        bool eq_nan = const_bool(I, arg[2], false, f, "equal_nan");
        it_call_put(p, "def array_equal(a, b):\n");
        if (a.ty->ndim != b.ty->ndim) { it_call_put(p, "    return False\n"); break; }
        it_call_put(p, "    if a.shape != b.shape:\n        return False\n");
        if (eq_nan && (is_float(a.ty) || is_float(b.ty)))
            it_call_put(p, "    an = np.isnan(a)\n    if not (an == np.isnan(b)).all():\n        return False\n"
                    "    return bool((a[~an] == b[~an]).all())\n");
        else it_call_put(p, "    return bool((a == b).all())\n");
        break;
    }
    }
    return it_call_inline(p);
}

/* a.tolist() and a.item(): NumPy's Python objects of the elements (bool, int, float or complex: a float32 becomes
 * a Python float), nested lists for each axis; a.item() of a one-element array, with NumPy's ValueError otherwise;
 * of a NumPy scalar (or a Python one), its Python value */
Val nm_tolist(Inf *I, Node *call, Val a, bool item) {
    const char *m = item ? "item" : "tolist";
    if (call->nkids || call->nkids2) inf_fail(I, call, "a.%s() takes no arguments here", m);
    int d = a.ty->dtype, nd = a.ty->ndim;
    const char *conv = d == KILN_BOOL ? "bool" : dt_is_complex(d) ? "complex" : dt_is_float(d) ? "float" : "int";
    ItCall *p = it_call_new(I, call, "<numpy>");
    hold(p, a);
    if (a.ty->kind == T_SCALAR) it_call_put(p, "def %s(a):\n    return %s(a)\n", m, conv); /* a NumPy scalar's Python value */
    else if (item) it_call_put(p, "def item(a):\n    if a.size != 1:\n        raise ValueError(\"can only convert an array of size 1 to a "
                     "Python scalar\")\n    return %s(a.ravel()[0])\n", conv);
    else if (nd == 0) it_call_put(p, "def tolist(a):\n    return %s(a.ravel()[0])\n", conv);
    else {
        it_call_put(p, "def tolist(a):\n    return ");
        for (int k = 0; k < nd; k++) it_call_put(p, "[");
        it_call_put(p, "%s(x%d)", conv, nd - 1);
        for (int k = nd - 1; k >= 0; k--) {
            if (k) it_call_put(p, " for x%d in x%d]", k, k - 1);
            else it_call_put(p, " for x0 in a]");
        }
        it_call_put(p, "\n");
    }
    return it_call_inline(p);
}

/* np.average(a, weights=w) over all of a (NumPy's function_base.average): the weights' sum and the products' sum in
 * the result type (a's and w's, at least float64 for integers), its ZeroDivisionError and its TypeError for shapes
 * that differ */
Val nm_average_weighted(Inf *I, Node *call, Node *an, Node *wn) {
    ItCall *p = it_call_new(I, call, "<numpy>");
    Val a = hold_array(p, an, "average"), w = hold_array(p, wn, "average");
    if (dt_is_complex(a.ty->dtype) || dt_is_complex(w.ty->dtype)) inf_fail(I, call, "np.average() of complex arrays is not supported yet");
    kiln_dtype rd = dt_promote(a.ty->dtype, w.ty->dtype);
    if (!dt_is_float(a.ty->dtype)) rd = dt_promote(rd, KILN_FLOAT64);
    const char *t = kiln_dtype_name(rd);
    it_call_put(p, "def average(a, w):\n");
    if (a.ty->ndim != w.ty->ndim) it_call_put(p, "    raise TypeError(\"Axis must be specified when shapes of a and weights differ.\")\n");
    else it_call_put(p, "    if a.shape != w.shape:\n        raise TypeError(\"Axis must be specified when shapes of a and weights differ.\")\n");
    it_call_put(p, "    a = a.astype(np.%s)\n    w = w.astype(np.%s)\n    scl = w.sum()\n    if scl == 0.0:\n", t, t);
    it_call_put(p, "        raise ZeroDivisionError(\"Weights sum to zero, can't be normalized\")\n    return (a * w).sum() / scl\n");
    return it_call_inline(p);
}

/* ---- window functions and the Bessel function they use ---- */

/* the Chebyshev coefficients NumPy's i0 sums (its function_base.py, from Cephes): |x| <= 8, then 32/|x| - 2 */
static const double i0_a[30] = {
    -4.4153416464793395e-18, 3.3307945188222384e-17, -2.431279846547955e-16, 1.715391285555133e-15,
    -1.1685332877993451e-14, 7.676185498604936e-14, -4.856446783111929e-13, 2.95505266312964e-12,
    -1.726826291441556e-11, 9.675809035373237e-11, -5.189795601635263e-10, 2.6598237246823866e-09,
    -1.300025009986248e-08, 6.046995022541919e-08, -2.670793853940612e-07, 1.1173875391201037e-06,
    -4.4167383584587505e-06, 1.6448448070728896e-05, -5.754195010082104e-05, 0.00018850288509584165,
    -0.0005763755745385824, 0.0016394756169413357, -0.004324309995050576, 0.010546460394594998, -0.02373741480589947,
    0.04930528423967071, -0.09490109704804764, 0.17162090152220877, -0.3046826723431984, 0.6767952744094761,
};
static const double i0_b[25] = {
    -7.233180487874754e-18, -4.830504485944182e-18, 4.46562142029676e-17, 3.461222867697461e-17,
    -2.8276239805165836e-16, -3.425485619677219e-16, 1.7725601330565263e-15, 3.8116806693526224e-15,
    -9.554846698828307e-15, -4.150569347287222e-14, 1.54008621752141e-14, 3.8527783827421426e-13,
    7.180124451383666e-13, -1.7941785315068062e-12, -1.3215811840447713e-11, -3.1499165279632416e-11,
    1.1889147107846439e-11, 4.94060238822497e-10, 3.3962320257083865e-09, 2.266668990498178e-08,
    2.0489185894690638e-07, 2.8913705208347567e-06, 6.889758346916825e-05, 0.0033691164782556943, 0.8044904110141088,
};

/* NumPy's _chbevl(y, vals) into variable r: b0, b1, b2 start as arrays (y * 0.0 is 0 for the finite y of the branch
 * np.where keeps, and a NaN y is NaN either way) so that each keeps one type through the loop */
static void chbevl(ItCall *p, const char *r, const char *coef) {
    it_call_put(p, "    z = y * 0.0\n    b0 = z + %s[0]\n    b1 = z\n    b2 = z\n    for i in range(1, len(%s)):\n"
           "        b2 = b1\n        b1 = b0\n        b0 = y * b1 - b2 + %s[i]\n    %s = 0.5 * (b0 - b2)\n", coef, coef, coef, r);
}

static void coefficients(ItCall *p, const char *name, const double *v, int n) {
    it_call_put(p, "    %s = [", name);
    for (int i = 0; i < n; i++) it_call_put(p, "%.17g, ", v[i]);
    it_call_put(p, "]\n");
}

/* np.hanning/hamming/blackman/bartlett(M), np.kaiser(M, beta) and np.i0(x): NumPy's formulas, step for step (M and
 * beta made float64 first, n from a float arange, cos and exp NumPy's), so the same bits; np.i0 of a number is a 0-d
 * array, as NumPy's */
static Val window_call(Inf *I, Node *call, int k) {
    const char *f = names[k];
    Node *arg[2] = {NULL};
    ItCall *p = it_call_new(I, call, "<numpy>");
    if (k == NM_I0) {
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", NULL}, 1, arg);
        Val x = ex_expr(I, it_need(I, call, arg[0], f, "x"));
        if (x.ty->kind == T_LIST) x = ls_to_array(I, x, arg[0]);
        if (x.ty->kind != T_ARRAY && x.ty->kind != T_SCALAR) inf_fail(I, arg[0], "np.i0() of %s is not supported", inf_tyname(I, x.ty));
        if (dt_is_complex(x.ty->dtype)) inf_fail(I, arg[0], "i0 not supported for complex values");
        hold(p, x);
        it_call_put(p, "def i0(x):\n    x = np.abs(%s%s)\n", x.ty->kind == T_SCALAR ? "np.array(x)" : "x",
            dt_is_float(x.ty->dtype) ? "" : ".astype(np.float64)");
        coefficients(p, "A", i0_a, 30);
        coefficients(p, "B", i0_b, 25);
        it_call_put(p, "    y = x / 2.0 - 2\n");
        chbevl(p, "c1", "A");
        /* the second branch of the values it keeps (x > 8 or NaN; 32 elsewhere, whose result is dropped): a number's
         * division by zero would raise */
        it_call_put(p, "    w = np.where(x <= 8.0, 32.0, x)\n    y = 32.0 / w - 2.0\n");
        chbevl(p, "c2", "B");
        it_call_put(p, "    return np.where(x <= 8.0, np.exp(x) * c1, np.exp(w) * c2 / np.sqrt(w))\n");
        return it_call_inline(p);
    }
    if (k == NM_KAISER) cl_np_bind(I, call, f, 0, (const char *const[]){"M", "beta", NULL}, 2, arg);
    else cl_np_bind(I, call, f, 0, (const char *const[]){"M", NULL}, 1, arg);
    for (int i = 0; i < (k == NM_KAISER ? 2 : 1); i++) {
        Val v = ex_expr(I, it_need(I, call, arg[i], f, i ? "beta" : "M"));
        if (v.ty->kind != T_SCALAR || dt_is_complex(v.ty->dtype))
            inf_fail(I, arg[i], "np.%s(): %s must be a real number, not %s", f, i ? "beta" : "M", inf_tyname(I, v.ty));
        hold(p, v);
    }
    if (k == NM_KAISER) {
        it_call_put(p, "def kaiser(M, beta):\n    M = float(M)\n    beta = float(beta)\n    if M == 1:\n        return np.ones(1)\n"
                "    n = np.arange(0, M)\n    alpha = (M - 1) / 2.0\n"
                "    return np.i0(beta * np.sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / np.i0(beta)\n");
        return it_call_inline(p);
    }
    it_call_put(p, "def %s(M):\n    M = float(M)\n    if M < 1:\n        return np.zeros(0)\n    if M == 1:\n        return np.ones(1)\n"
            "    n = np.arange(1 - M, M, 2)\n    return ", f);
    switch (k) {
    case NM_HANNING: it_call_put(p, "0.5 + 0.5 * np.cos(np.pi * n / (M - 1))\n"); break;
    case NM_HAMMING: it_call_put(p, "0.54 + 0.46 * np.cos(np.pi * n / (M - 1))\n"); break;
    case NM_BLACKMAN: it_call_put(p, "0.42 + 0.5 * np.cos(np.pi * n / (M - 1)) + 0.08 * np.cos(2.0 * np.pi * n / (M - 1))\n"); break;
    default: it_call_put(p, "np.where(n <= 0, 1 + n / (M - 1), 1 - n / (M - 1))\n"); break; /* bartlett */
    }
    return it_call_inline(p);
}

/* np.apply_along_axis(func1d, axis, arr): NumPy's steps — func1d called once on each lane of arr along axis, in C
 * order of the other axes, its first result (np.asarray of it) giving the buffer's dtype and trailing shape, the
 * others stored into the buffer as NumPy's setitem stores them — and NumPy's result: the buffer (iteration axes, then
 * the result's) with the result's axes moved to where axis was, a view; NumPy's ValueError where an iteration axis
 * is empty. Extra arguments for func1d (NumPy's *args, **kwargs) are not taken. */
static Val along_axis(Inf *I, Node *call) {
    const char *f = names[NM_APPLY_ALONG_AXIS];
    Node *arg[3] = {NULL};
    cl_np_bind(I, call, f, 0, (const char *const[]){"func1d", "axis", "arr", NULL}, 3, arg);
    ItCall *p = it_call_new(I, call, "<numpy>");
    hold(p, ex_expr(I, it_need(I, call, arg[0], f, "func1d")));
    Val a = hold_array(p, it_need(I, call, arg[2], f, "arr"), f);
    int nd = a.ty->ndim;
    if (nd < 1) inf_fail(I, arg[2], "np.apply_along_axis() of a 0-d array: axis 0 is out of bounds for array of dimension 0");
    int ax = axis_of(I, it_need(I, call, arg[1], f, "axis"), nd, f);
    it_call_put(p, "def apply_along_axis(f, arr):\n    v = np.moveaxis(arr, %d, -1)\n    m = 1\n", ax);
    for (int k = 0; k < nd - 1; k++) it_call_put(p, "    m *= v.shape[%d]\n", k);
    it_call_put(p, "    if m == 0:\n        raise ValueError(\"Cannot apply_along_axis when any iteration dimensions are 0\")\n"
            "    rows = v.reshape((m, v.shape[%d]))\n    r0 = np.asarray(f(rows[0]))\n"
            "    buff = np.zeros((m,) + r0.shape, dtype=r0.dtype)\n    buff[0] = r0\n    for i in range(1, m):\n"
            "        buff[i] = f(rows[i])\n    return buff.reshape(v.shape[:%d] + r0.shape)\n", nd - 1, nd - 1);
    Val out = it_call_inline(p);
    if (out.ty->kind != T_ARRAY) return out; /* unknown yet: the next round */
    int k = out.ty->ndim - (nd - 1), order[KILN_MAXDIM], n = 0; /* the result's axes back where axis was */
    for (int j = 0; j < ax; j++) order[n++] = j;
    for (int j = 0; j < k; j++) order[n++] = nd - 1 + j;
    for (int j = ax; j < nd - 1; j++) order[n++] = j;
    return vw_axes(I, out, order, call);
}

Val nm_call(Inf *I, Node *call, int k) {
    const char *fname = names[k];
    if (k == NM_ISCLOSE || k == NM_ALLCLOSE) return close_call(I, call, k == NM_ALLCLOSE);
    if (k == NM_UNRAVEL_INDEX) return unravel(I, call);
    if (k == NM_SWAPAXES || k == NM_MOVEAXIS) return axes_call(I, call, k);
    if (k == NM_CONVOLVE || k == NM_CORRELATE) return correlate_call(I, call, k == NM_CONVOLVE);
    if (k == NM_BROADCAST_TO) return broadcast_to(I, call);
    if (k == NM_SQUEEZE) return squeeze(I, call);
    if (k >= NM_HANNING && k <= NM_I0) return window_call(I, call, k);
    if (k == NM_APPLY_ALONG_AXIS) return along_axis(I, call);
    if ((k >= NM_IDENTITY && k <= NM_GRADIENT) || k == NM_KRON) return py_def(I, call, k);
    if (k >= NM_COV) return py_def3(I, call, k);
    if (k > NM_GRADIENT) return py_def2(I, call, k);
    if (call->nkids < 1) inf_fail(I, call, "%s() missing required argument 'm'", fname);
    Node *arg[2] = {NULL};
    if (k == NM_FLIP) cl_np_bind(I, call, fname, 1, (const char *const[]){"axis", NULL}, 1, arg);
    else if (k == NM_ROT90) cl_np_bind(I, call, fname, 1, (const char *const[]){"k", "axes", NULL}, 2, arg);
    else cl_np_bind(I, call, fname, 1, (const char *const[]){NULL}, 0, arg);
    Val m = nm_array_arg(I, call->kids[0], fname);
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
