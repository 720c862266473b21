/*
 * arrays.c — numpy functions that make new arrays: np.arange, np.linspace,
 * np.eye, np.copy, np.concatenate, np.stack, np.roll, np.diff, np.tile, np.repeat.
 *
 * Values follow NumPy's own formulas where they decide the last bit:
 * arange's elements are start + i * delta with delta = (start + step) -
 * start (its fill function), linspace's are i * step + start with the last
 * set to stop. Arrays built from others are one allocation plus fused
 * assignments (ewise.c's ew_store) into views of it along the axis.
 */
#include "infer.h"
#include <stdio.h>
#include <string.h>

static const Type *f64(Inf *I) { return ty_scalar(I->tt, KILN_FLOAT64, false); }

static Val alloc(Inf *I, int dt, const Ref *dims, int nd, bool zero) {
    Ref r = inf_emit(I, OP_ALLOC, ty_array(I->tt, (kiln_dtype)dt, nd, LAYOUT_C), dims, (uint32_t)nd, 0);
    if (!zero) I->f->ins.v[r].flags |= ALLOC_UNINIT;
    return val_of(I, r);
}

/* a[..., start:start+len, ...] along axis ax (start and len in range) */
static Val slab(Inf *I, Val a, int ax, Ref start, Ref len, Node *at) {
    int nd = a.ty->ndim;
    Ref dims[KILN_MAXDIM], strides[KILN_MAXDIM];
    for (int k = 0; k < nd; k++) { dims[k] = k == ax ? len : inf_dim(I, a, k); strides[k] = inf_stride(I, a, k); }
    Ref off = inf_sel(I, inf_i64(I), inf_op2(I, OP_GT, inf_bool(I), len, inf_k64(I, 0)),
                      inf_op2(I, OP_MUL, inf_i64(I), start, strides[ax]), inf_k64(I, 0));
    return vw_make(I, a, off, dims, strides, nd, LAYOUT_ANY, at);
}

static Val scalar_arg(Inf *I, Node *n, const char *fn) {
    Val v = ex_expr(I, n);
    if (v.ty->kind != T_SCALAR || dt_is_complex(v.ty->dtype)) inf_fail(I, n, "np.%s() needs real numbers here, not %s", fn, inf_tyname(I, v.ty));
    return v;
}

static int const_axis(Inf *I, Node *n, int nd) {
    int64_t v = cl_const_int(I, n, "axis", " (it decides the result's shape)");
    if (v < -nd || v >= nd) inf_fail(I, n, "axis %lld is out of bounds for array of dimension %d", (long long)v, nd);
    return (int)(v < 0 ? v + nd : v);
}

/* keyword `name` of call, or NULL */
static Node *kwarg(Node *call, const char *name) {
    for (int k = 0; k < call->nkids2; k++) if (!strcmp(call->names[k], name)) return call->kids2[k];
    return NULL;
}

static void only_kwargs(Inf *I, Node *call, const char *fn, const char *const *ok) {
    for (int k = 0; k < call->nkids2; k++) {
        bool found = false;
        for (int j = 0; ok[j]; j++) found |= !strcmp(call->names[k], ok[j]);
        if (!found) inf_fail(I, call->kids2[k], "np.%s() got an unexpected keyword argument '%s' (or it is not supported)", fn, call->names[k]);
    }
}

typedef struct Fill { Val out; Ref start, step, delta, stop, last; bool is_int, linspace; Node *at; } Fill;

static void fill_body(Inf *I, const Ref *iv, Fill *q) {
    const Type *et = ty_scalar(I->tt, q->out.ty->dtype, false);
    Ref v;
    if (q->is_int) {
        v = inf_op2(I, OP_ADD, inf_i64(I), q->start, inf_op2(I, OP_MUL, inf_i64(I), iv[0], q->step));
    } else {
        Ref x = inf_emit(I, OP_CAST, f64(I), &iv[0], 1, 0);
        if (q->linspace) {
            v = inf_op2(I, OP_ADD, f64(I), inf_op2(I, OP_MUL, f64(I), x, q->step), q->start);
            if (q->last) v = inf_sel(I, f64(I), inf_op2(I, OP_EQ, inf_bool(I), iv[0], q->last), q->stop, v);
        } else { /* NumPy's fill: element 1 is start + step, then start + i * delta */
            v = inf_op2(I, OP_ADD, f64(I), q->start, inf_op2(I, OP_MUL, f64(I), x, q->delta));
            v = inf_sel(I, f64(I), inf_op2(I, OP_EQ, inf_bool(I), iv[0], inf_k64(I, 1)), inf_op2(I, OP_ADD, f64(I), q->start, q->step), v);
        }
    }
    inf_store(I, q->out.r, ex_coerce(I, val_of(I, v), et, q->at).r, iv, 1);
}

static void fill_step(Inf *I, Ref i, void *q) { fill_body(I, &i, q); }

/* for i in range(len(out)): out[i] = the i-th value */
static void fill_loop(Inf *I, Fill *q, Node *at) { st_loop(I, at, "$fill%d", inf_dim(I, q->out, 0), fill_step, q); }

static int dtype_kw(Inf *I, Node *call, int dflt) {
    Node *d = kwarg(call, "dtype");
    return d ? cl_dtype_arg(I, d) : dflt;
}

Val ar_arange(Inf *I, Node *call) {
    static const char *const ok[] = {"dtype", NULL};
    only_kwargs(I, call, "arange", ok);
    int n = call->nkids;
    Node *dnode = kwarg(call, "dtype");
    if (n == 4) { /* arange(start, stop, step, dtype) */
        if (dnode) inf_fail(I, dnode, "np.arange() got multiple values for argument 'dtype'");
        dnode = call->kids[3];
        n = 3;
    }
    if (n < 1 || n > 3) inf_fail(I, call, "np.arange() takes 1 to 4 positional arguments here");
    Val a[3];
    for (int i = 0; i < n; i++) a[i] = scalar_arg(I, call->kids[i], "arange");
    bool ints = true;
    for (int i = 0; i < n; i++) ints &= dt_is_intlike(a[i].ty->dtype);
    int dt = dnode ? cl_dtype_arg(I, dnode) : ints ? KILN_INT64 : KILN_FLOAT64;
    const Type *ct = ints ? inf_i64(I) : f64(I);
    Ref start = n == 1 ? inf_const_i(I, ct, 0) : ex_coerce(I, a[0], ct, call->kids[0]).r;
    Ref stop = ex_coerce(I, a[n == 1 ? 0 : 1], ct, call->kids[n == 1 ? 0 : 1]).r;
    Ref step = n == 3 ? ex_coerce(I, a[2], ct, call->kids[2]).r : inf_const_i(I, ct, 1);
    st_raise_if(I, inf_op2(I, OP_EQ, inf_bool(I), step, inf_const_i(I, ct, 0)), "ZeroDivisionError", "division by zero");
    Ref len;
    if (ints) { /* ceil((stop - start) / step), at least 0 */
        Ref span = inf_op2(I, OP_SUB, inf_i64(I), stop, start);
        Ref up = inf_op2(I, OP_GT, inf_bool(I), step, inf_k64(I, 0));
        Ref toward = inf_sel(I, inf_i64(I), up, inf_op2(I, OP_SUB, inf_i64(I), step, inf_k64(I, 1)),
                             inf_op2(I, OP_ADD, inf_i64(I), step, inf_k64(I, 1)));
        Ref adj = inf_op2(I, OP_ADD, inf_i64(I), span, toward);
        len = inf_op2(I, OP_FLOORDIV, inf_i64(I), adj, step);
    } else {
        Ref q = inf_op2(I, OP_DIV, f64(I), inf_op2(I, OP_SUB, f64(I), stop, start), step);
        I->f->ins.v[q].flags |= INS_NUMPY;
        Ref c = inf_emit(I, OP_MATH, f64(I), &q, 1, MF_CEIL);
        I->f->ins.v[c].flags |= INS_NUMPY;
        Ref ok2 = inf_op2(I, OP_GT, inf_bool(I), c, inf_const_f(I, f64(I), 0.0)); /* also false for NaN */
        Ref c2 = inf_sel(I, f64(I), ok2, c, inf_const_f(I, f64(I), 0.0)); /* the cast must not see NaN */
        len = inf_emit(I, OP_CAST, inf_i64(I), &c2, 1, 0);
    }
    len = inf_sel(I, inf_i64(I), inf_op2(I, OP_GT, inf_bool(I), len, inf_k64(I, 0)), len, inf_k64(I, 0));
    Fill q = {alloc(I, dt, &len, 1, false), start, step, 0, 0, 0, ints, false, call};
    if (!ints) q.delta = inf_op2(I, OP_SUB, f64(I), inf_op2(I, OP_ADD, f64(I), start, step), start);
    fill_loop(I, &q, call);
    return q.out;
}

Val ar_linspace(Inf *I, Node *call) {
    static const char *const ok[] = {"num", "endpoint", "dtype", NULL};
    only_kwargs(I, call, "linspace", ok);
    if (call->nkids < 2 || call->nkids > 3) inf_fail(I, call, "np.linspace() takes start, stop and num here");
    Val s0 = scalar_arg(I, call->kids[0], "linspace"), s1 = scalar_arg(I, call->kids[1], "linspace");
    Node *nn = call->nkids == 3 ? call->kids[2] : kwarg(call, "num");
    Ref num = inf_k64(I, 50);
    if (nn) {
        Val v = scalar_arg(I, nn, "linspace");
        if (!dt_is_int(v.ty->dtype)) inf_fail(I, nn, "num must be an integer");
        num = ex_coerce(I, v, inf_i64(I), nn).r;
    }
    bool endpoint = true;
    Node *ep = kwarg(call, "endpoint");
    if (ep) {
        if (ep->kind != N_BOOL) inf_fail(I, ep, "endpoint must be True or False here");
        endpoint = ep->v.i != 0;
    }
    int dt = dtype_kw(I, call, KILN_FLOAT64);
    if (!dt_is_float(dt)) inf_fail(I, call, "np.linspace() with dtype %s is not supported (only float dtypes)", kiln_dtype_name(dt));
    st_raise_if(I, inf_op2(I, OP_LT, inf_bool(I), num, inf_k64(I, 0)), "ValueError", "Number of samples must be non-negative.");
    Ref start = ex_coerce(I, s0, f64(I), call->kids[0]).r, stop = ex_coerce(I, s1, f64(I), call->kids[1]).r;
    Ref div = endpoint ? inf_op2(I, OP_SUB, inf_i64(I), num, inf_k64(I, 1)) : num;
    Ref divf = inf_emit(I, OP_CAST, f64(I), &div, 1, 0);
    Ref delta = inf_op2(I, OP_SUB, f64(I), stop, start);
    Ref step = inf_op2(I, OP_DIV, f64(I), delta, divf);
    I->f->ins.v[step].flags |= INS_NUMPY;
    /* div == 0 (one sample): y = i * delta; NumPy's step-zero branch (y / div * delta) gives the same values
     * for the finite deltas it is reached with */
    step = inf_sel(I, f64(I), inf_op2(I, OP_GT, inf_bool(I), div, inf_k64(I, 0)), step, delta);
    Fill q = {alloc(I, dt, &num, 1, false), start, step, 0, stop, 0, false, true, call};
    if (endpoint)
        q.last = inf_sel(I, inf_i64(I), inf_op2(I, OP_GT, inf_bool(I), num, inf_k64(I, 1)),
                         inf_op2(I, OP_SUB, inf_i64(I), num, inf_k64(I, 1)), inf_k64(I, -1));
    fill_loop(I, &q, call);
    return q.out;
}

Val ar_eye(Inf *I, Node *call) {
    static const char *const ok[] = {"M", "k", "dtype", NULL};
    only_kwargs(I, call, "eye", ok);
    if (call->nkids < 1 || call->nkids > 3) inf_fail(I, call, "np.eye() takes N, M and k here");
    Node *ns[3] = {call->kids[0], call->nkids > 1 ? call->kids[1] : kwarg(call, "M"), call->nkids > 2 ? call->kids[2] : kwarg(call, "k")};
    Ref v[3] = {0};
    for (int i = 0; i < 3; i++) {
        if (!ns[i] || ns[i]->kind == N_NONE) continue;
        Val x = scalar_arg(I, ns[i], "eye");
        if (!dt_is_int(x.ty->dtype)) inf_fail(I, ns[i], "np.eye() needs integers");
        v[i] = ex_coerce(I, x, inf_i64(I), ns[i]).r;
    }
    Ref dims[2] = {v[0], v[1] ? v[1] : v[0]}, k = v[2] ? v[2] : inf_k64(I, 0);
    Ref neg = inf_op2(I, OP_OR, inf_bool(I), inf_op2(I, OP_LT, inf_bool(I), dims[0], inf_k64(I, 0)),
                      inf_op2(I, OP_LT, inf_bool(I), dims[1], inf_k64(I, 0)));
    st_raise_if(I, neg, "ValueError", "negative dimensions are not allowed");
    int dt = dtype_kw(I, call, KILN_FLOAT64);
    Val out = alloc(I, dt, dims, 2, true);
    Val diag = vw_diagonal(I, out, k, call);
    ew_store(I, diag, val_of(I, inf_const_i(I, ty_scalar(I->tt, KILN_INT64, true), 1)), call);
    return out;
}

/* the arrays of a sequence argument (a tuple, or an array's rows are not supported) */
/* the arrays a tuple or a list display names; a list item (np.concatenate(([1], x))) is its array */
static int seq_arrays(Inf *I, Node *n, Val *out, const char *fn) {
    int count;
    if (n->kind == N_LIST) { /* [a, b]: each item on its own, so that they may differ in dtype */
        if (n->nkids > 32) inf_fail(I, n, "np.%s() of more than 32 arrays is not supported", fn);
        for (int i = 0; i < n->nkids; i++) out[i] = ex_expr(I, n->kids[i]);
        count = n->nkids;
    } else {
        Val t = ex_expr(I, n);
        if (t.ty->kind == T_LIST && ty_item(t.ty)->kind == T_ARRAY) { out[0] = t; return -1; } /* a list value: ar_join_list */
        if (t.ty->kind != T_TUPLE) inf_fail(I, n, "np.%s() takes a tuple or a list of arrays here", fn);
        if (t.ty->n > 32) inf_fail(I, n, "np.%s() of more than 32 arrays is not supported", fn);
        for (int i = 0; i < t.ty->n; i++) out[i] = t.el[i];
        count = t.ty->n;
    }
    if (count == 0) inf_fail(I, n, "need at least one array to %s", !strcmp(fn, "stack") ? "stack" : "concatenate");
    for (int i = 0; i < count; i++) {
        if (out[i].ty->kind == T_LIST) out[i] = ls_to_array(I, out[i], n);
        if (out[i].ty->kind != T_ARRAY) inf_fail(I, n, "np.%s() takes arrays here, not %s", fn, inf_tyname(I, out[i].ty));
    }
    return count;
}

static int common_dtype(const Val *v, int n) {
    int dt = v[0].ty->dtype;
    for (int i = 1; i < n; i++) dt = dt_promote((kiln_dtype)dt, (kiln_dtype)v[i].ty->dtype);
    return dt;
}

Val ar_concatenate(Inf *I, Node *call, bool stack) {
    const char *fn = stack ? "stack" : "concatenate";
    static const char *const ok[] = {"axis", NULL};
    only_kwargs(I, call, fn, ok);
    if (call->nkids < 1 || call->nkids > 2) inf_fail(I, call, "np.%s() takes a tuple of arrays and an axis here", fn);
    Val v[32];
    int n = seq_arrays(I, call->kids[0], v, fn);
    Node *an = call->nkids == 2 ? call->kids[1] : kwarg(call, "axis");
    if (n < 0) return ar_join_list(I, call, v[0], stack, an ? const_axis(I, an, ty_item(v[0].ty)->ndim + stack) : 0, false);
    return ar_join(I, call, v, n, stack, an);
}

/* np.concatenate's ValueError where bad: axis j of the array at index i has length di, the first array's d0 */
static void join_mismatch(Inf *I, Ref bad, int j, Ref d0, Ref i, Ref di) {
    TxPart msg[] = {{"all the input array dimensions except for the concatenation axis must match exactly, but along "
                     "dimension ", 0}, {NULL, inf_k64(I, j)}, {", the array at index 0 has size ", 0}, {NULL, d0},
                    {" and the array at index ", 0}, {NULL, i}, {" has size ", 0}, {NULL, di}};
    tx_raise_if(I, bad, "ValueError", msg, 8);
}

/* np.concatenate / np.stack of the arrays v along axis an (NULL: 0) */
Val ar_join(Inf *I, Node *call, Val *v, int n, bool stack, Node *an) {
    int nd = v[0].ty->ndim;
    for (int i = 1; i < n; i++)
        if (v[i].ty->ndim != nd)
            inf_fail(I, call, "all the input arrays must have same number of dimensions, but the array at index 0 has %d "
                     "dimension(s) and the array at index %d has %d dimension(s)", nd, i, v[i].ty->ndim);
    if (!stack && nd == 0) inf_fail(I, call, "zero-dimensional arrays cannot be concatenated");
    int ax = an ? const_axis(I, an, stack ? nd + 1 : nd) : 0;
    int rnd = stack ? nd + 1 : nd;
    if (rnd > KILN_MAXDIM) inf_fail(I, call, "arrays of more than %d dimensions are not supported", KILN_MAXDIM);
    Ref dims[KILN_MAXDIM], bad = inf_const_i(I, inf_bool(I), 0), total = inf_k64(I, 0);
    for (int k = 0, j = 0; k < rnd; k++) {
        if (stack && k == ax) { dims[k] = inf_k64(I, n); continue; }
        dims[k] = inf_dim(I, v[0], j);
        for (int i = 1; i < n && stack; i++)
            bad = inf_op2(I, OP_OR, inf_bool(I), bad, inf_op2(I, OP_NE, inf_bool(I), inf_dim(I, v[i], j), dims[k]));
        j++;
    }
    if (stack) st_raise_if(I, bad, "ValueError", "all input arrays must have the same shape");
    else {
        for (int i = 1; i < n; i++) /* NumPy's order: array by array, axis by axis, the first mismatch named */
            for (int j = 0; j < nd; j++) {
                if (j == ax) continue;
                Ref dj = inf_dim(I, v[i], j);
                join_mismatch(I, inf_op2(I, OP_NE, inf_bool(I), dj, dims[j]), j, dims[j], inf_k64(I, i), dj);
            }
        for (int i = 0; i < n; i++) total = inf_op2(I, OP_ADD, inf_i64(I), total, inf_dim(I, v[i], ax));
        dims[ax] = total;
    }
    Val out = alloc(I, common_dtype(v, n), dims, rnd, false);
    Ref at = inf_k64(I, 0);
    for (int i = 0; i < n; i++) {
        Ref len = stack ? inf_k64(I, 1) : inf_dim(I, v[i], ax);
        Val part = slab(I, out, ax, at, len, call);
        if (stack) { /* drop the new axis: the view has v[i]'s shape */
            Ref pd[KILN_MAXDIM], ps[KILN_MAXDIM];
            for (int k = 0, j = 0; k < rnd; k++) if (k != ax) { pd[j] = inf_dim(I, part, k); ps[j++] = inf_stride(I, part, k); }
            part = vw_make(I, part, inf_k64(I, 0), pd, ps, nd, LAYOUT_ANY, call);
        }
        ew_store_fresh(I, part, v[i], call);
        at = inf_op2(I, OP_ADD, inf_i64(I), at, len);
    }
    return out;
}

/* ---- a list of arrays, its length known when it runs: two loops over its items, one to check the
 * shapes (and add the lengths along the axis), one to copy them into their places ---- */

typedef struct JoinL {
    Val l, out;
    Ref dims0[KILN_MAXDIM]; /* the first item's shape */
    int ax, nd;
    bool stack, np_array;
    Node *pos, *at;
} JoinL;

static void join_check(Inf *I, Ref i, void *p) {
    JoinL *q = p;
    Val it = ls_item(I, q->l, i);
    Ref bad = inf_const_i(I, inf_bool(I), 0);
    for (int j = 0; j < q->nd; j++) {
        if (!q->stack && j == q->ax) continue;
        Ref ne = inf_op2(I, OP_NE, inf_bool(I), inf_dim(I, it, j), q->dims0[j]);
        if (q->stack || q->np_array) { bad = inf_op2(I, OP_OR, inf_bool(I), bad, ne); continue; }
        join_mismatch(I, ne, j, q->dims0[j], i, inf_dim(I, it, j)); /* NumPy's: the first mismatch, axis by axis */
    }
    if (q->stack || q->np_array)
        st_raise_if(I, bad, "ValueError", q->np_array ? "setting an array element with a sequence. The requested array has "
                                                        "an inhomogeneous shape after 1 dimensions."
                                                      : "all input arrays must have the same shape");
    if (!q->stack) inf_assign(I, q->pos, val_of(I, inf_op2(I, OP_ADD, inf_i64(I), inf_read_name(I, q->pos).r, inf_dim(I, it, q->ax))));
}

static void join_copy(Inf *I, Ref i, void *p) {
    JoinL *q = p;
    Val it = ls_item(I, q->l, i);
    Ref at = inf_read_name(I, q->pos).r, len = q->stack ? inf_k64(I, 1) : inf_dim(I, it, q->ax);
    Val part = slab(I, q->out, q->ax, at, len, q->at);
    if (q->stack) { /* drop the new axis: the view has the item's shape */
        Ref pd[KILN_MAXDIM], ps[KILN_MAXDIM];
        for (int k = 0, j = 0; k <= q->nd; k++) if (k != q->ax) { pd[j] = inf_dim(I, part, k); ps[j++] = inf_stride(I, part, k); }
        part = vw_make(I, part, inf_k64(I, 0), pd, ps, q->nd, LAYOUT_ANY, q->at);
    }
    ew_store_fresh(I, part, it, q->at);
    inf_assign(I, q->pos, val_of(I, inf_op2(I, OP_ADD, inf_i64(I), at, len)));
}

/* np.concatenate / np.stack along ax (np_array: np.array(l), a stack at 0) of the list of arrays l */
Val ar_join_list(Inf *I, Node *call, Val l, bool stack, int ax, bool np_array) {
    const Type *it = ty_item(l.ty);
    int nd = it->ndim, rnd = stack ? nd + 1 : nd;
    if (!stack && nd == 0) inf_fail(I, call, "zero-dimensional arrays cannot be concatenated");
    if (rnd > KILN_MAXDIM) inf_fail(I, call, "arrays of more than %d dimensions are not supported", KILN_MAXDIM);
    Ref n = ls_len(I, l), zero = inf_k64(I, 0);
    JoinL q = {l, {0}, {0}, ax, nd, stack, np_array, st_hidden(I, "$pos%d", call), call};
    if (!np_array) st_raise_if(I, inf_op2(I, OP_EQ, inf_bool(I), n, zero), "ValueError",
                               stack ? "need at least one array to stack" : "need at least one array to concatenate");
    /* the first item's shape, read only when there is one (np.array of an empty list: every extent 0) */
    Node *dv[KILN_MAXDIM];
    for (int j = 0; j < nd; j++) {
        char fmt[24];
        snprintf(fmt, sizeof fmt, "$dim%d_%%d", j); /* one hidden variable per axis */
        dv[j] = st_hidden(I, fmt, call);
        inf_assign(I, dv[j], val_of(I, zero));
    }
    uint32_t yes = inf_block(I), done = inf_block(I);
    inf_branch(I, inf_op2(I, OP_GT, inf_bool(I), n, zero), yes, done);
    inf_seal(I, yes);
    I->cur = yes;
    Val first = ls_item(I, l, zero);
    for (int j = 0; j < nd; j++) inf_assign(I, dv[j], val_of(I, inf_dim(I, first, j)));
    inf_jump(I, done);
    inf_seal(I, done);
    I->cur = done;
    for (int j = 0; j < nd; j++) q.dims0[j] = inf_read_name(I, dv[j]).r;
    inf_assign(I, q.pos, val_of(I, zero));
    st_loop(I, call, "$chk%d", n, join_check, &q);
    Ref dims[KILN_MAXDIM];
    for (int k = 0, j = 0; k < rnd; k++) {
        if (stack && k == ax) { dims[k] = n; continue; }
        dims[k] = !stack && j == ax ? inf_read_name(I, q.pos).r : q.dims0[j];
        j++;
    }
    q.out = alloc(I, it->dtype, dims, rnd, false);
    inf_assign(I, q.pos, val_of(I, zero));
    st_loop(I, call, "$cpy%d", n, join_copy, &q);
    return q.out;
}

/* ---- np.split / np.array_split: the parts along an axis, views of the array, as a list ---- */

typedef struct Split { Val a, l; int ax; Ref each, extras; Node *at; } Split;

/* part i of N: array_split's sizes, the first `extras` one longer (NumPy's divmod) */
static void split_part(Inf *I, Ref i, void *p) {
    Split *q = p;
    const Type *t = inf_i64(I), *b = inf_bool(I);
    Ref longer = inf_op2(I, OP_LT, b, i, q->extras);
    Ref before = inf_sel(I, t, longer, i, q->extras); /* the longer parts before part i */
    Ref start = inf_op2(I, OP_ADD, t, inf_op2(I, OP_MUL, t, i, q->each), before);
    Ref len = inf_op2(I, OP_ADD, t, q->each, inf_emit(I, OP_CAST, t, &longer, 1, 0));
    ls_append(I, q->l, slab(I, q->a, q->ax, start, len, q->at));
}

/* a[lo:hi] along the axis of length n, as a slice clamps them (a negative index counts from the end) */
static Val split_slice(Inf *I, Split *q, Ref lo, Ref hi, Ref n) {
    const Type *t = inf_i64(I), *b = inf_bool(I);
    Ref zero = inf_k64(I, 0), ends[2] = {lo, hi};
    for (int k = 0; k < 2; k++) {
        Ref x = ends[k], neg = inf_op2(I, OP_LT, b, x, zero);
        Ref up = inf_op2(I, OP_ADD, t, x, n);
        x = inf_sel(I, t, neg, inf_sel(I, t, inf_op2(I, OP_LT, b, up, zero), zero, up),
                    inf_sel(I, t, inf_op2(I, OP_GT, b, x, n), n, x));
        ends[k] = x;
    }
    Ref len = inf_op2(I, OP_SUB, t, ends[1], ends[0]);
    len = inf_sel(I, t, inf_op2(I, OP_LT, b, len, zero), zero, len);
    return slab(I, q->a, q->ax, inf_sel(I, t, inf_op2(I, OP_GT, b, len, zero), ends[0], zero), len, q->at);
}

Val ar_split(Inf *I, Node *call, bool even) {
    const char *fn = even ? "split" : "array_split";
    static const char *const ok[] = {"indices_or_sections", "axis", NULL};
    only_kwargs(I, call, fn, ok);
    Node *an = call->nkids > 2 ? call->kids[2] : kwarg(call, "axis");
    Node *sn = call->nkids > 1 ? call->kids[1] : kwarg(call, "indices_or_sections");
    if (call->nkids < 1 || !sn || call->nkids > 3) inf_fail(I, call, "np.%s() takes an array, the sections and an axis", fn);
    Val a = ex_expr(I, call->kids[0]);
    if (a.ty->kind == T_UNKNOWN) return a;
    if (a.ty->kind != T_ARRAY || a.ty->ndim == 0) inf_fail(I, call->kids[0], "np.%s() needs an array of at least one dimension here", fn);
    int ax = an ? const_axis(I, an, a.ty->ndim) : 0;
    const Type *part = ty_array(I->tt, a.ty->dtype, a.ty->ndim, LAYOUT_ANY);
    Split q = {a, ls_new(I, part), ax, 0, 0, call};
    Ref n = inf_dim(I, a, ax);
    if (sn->kind == N_LIST || sn->kind == N_TUPLE) { /* split points: the parts between them, sliced */
        Ref prev = inf_k64(I, 0);
        for (int i = 0; i <= sn->nkids; i++) {
            Ref next = n;
            if (i < sn->nkids) {
                Val x = ex_expr(I, sn->kids[i]);
                if (x.ty->kind != T_SCALAR || !dt_is_int(x.ty->dtype)) inf_fail(I, sn->kids[i], "np.%s(): split points must be integers", fn);
                next = ex_coerce(I, x, inf_i64(I), sn->kids[i]).r;
            }
            ls_append(I, q.l, split_slice(I, &q, prev, next, n));
            prev = next;
        }
        return q.l;
    }
    Val k = ex_expr(I, sn);
    if (k.ty->kind != T_SCALAR || !dt_is_int(k.ty->dtype))
        inf_fail(I, sn, "np.%s(): indices_or_sections must be an integer or a list of integers here", fn);
    Ref sections = ex_coerce(I, k, inf_i64(I), sn).r;
    st_raise_if(I, inf_op2(I, OP_LE, inf_bool(I), sections, inf_k64(I, 0)), "ValueError", "number sections must be larger than 0.");
    q.each = inf_op2(I, OP_FLOORDIV, inf_i64(I), n, sections);
    q.extras = inf_op2(I, OP_MOD, inf_i64(I), n, sections);
    if (even) st_raise_if(I, inf_op2(I, OP_NE, inf_bool(I), q.extras, inf_k64(I, 0)), "ValueError", "array split does not result in an equal division");
    st_loop(I, call, "$split%d", sections, split_part, &q);
    return q.l;
}

Val ar_roll(Inf *I, Node *call) {
    static const char *const ok[] = {"shift", "axis", NULL};
    only_kwargs(I, call, "roll", ok);
    if (call->nkids < 1 || call->nkids > 3) inf_fail(I, call, "np.roll() takes an array, a shift and an axis here");
    Val a = ex_expr(I, call->kids[0]);
    if (a.ty->kind != T_ARRAY) inf_fail(I, call->kids[0], "np.roll() needs an array here");
    Node *sn = call->nkids > 1 ? call->kids[1] : kwarg(call, "shift"), *an = call->nkids > 2 ? call->kids[2] : kwarg(call, "axis");
    if (!sn) inf_fail(I, call, "np.roll() is missing the shift");
    Val sv = scalar_arg(I, sn, "roll");
    if (!dt_is_int(sv.ty->dtype)) inf_fail(I, sn, "the shift must be an integer here");
    Ref shift = ex_coerce(I, sv, inf_i64(I), sn).r;
    Val src = a;
    int ax = 0;
    bool flat = !an || an->kind == N_NONE;
    if (flat) { /* the C-order flattening, rolled, in a's shape */
        src = vw_ravel(I, a, call);
    } else {
        ax = const_axis(I, an, a.ty->ndim);
    }
    Ref n = inf_dim(I, src, ax);
    Ref dims[KILN_MAXDIM];
    for (int k = 0; k < src.ty->ndim; k++) dims[k] = inf_dim(I, src, k);
    Val out = alloc(I, src.ty->dtype, dims, src.ty->ndim, false);
    /* s = shift mod n (0 for an empty axis): out[s:] = src[:n-s], out[:s] = src[n-s:] */
    Ref safe = inf_sel(I, inf_i64(I), inf_op2(I, OP_GT, inf_bool(I), n, inf_k64(I, 0)), n, inf_k64(I, 1));
    Ref s = inf_op2(I, OP_MOD, inf_i64(I), shift, safe);
    Ref rest = inf_op2(I, OP_SUB, inf_i64(I), n, s);
    s = inf_sel(I, inf_i64(I), inf_op2(I, OP_GT, inf_bool(I), n, inf_k64(I, 0)), s, inf_k64(I, 0));
    rest = inf_sel(I, inf_i64(I), inf_op2(I, OP_GT, inf_bool(I), n, inf_k64(I, 0)), rest, inf_k64(I, 0));
    ew_store_fresh(I, slab(I, out, ax, s, rest, call), slab(I, src, ax, inf_k64(I, 0), rest, call), call);
    ew_store_fresh(I, slab(I, out, ax, inf_k64(I, 0), s, call), slab(I, src, ax, rest, s, call), call);
    if (!flat) return out;
    Ref od[KILN_MAXDIM], os[KILN_MAXDIM], st = inf_k64(I, (int64_t)kiln_dtype_size((kiln_dtype)a.ty->dtype));
    for (int k = a.ty->ndim - 1; k >= 0; k--) { od[k] = inf_dim(I, a, k); os[k] = st; st = inf_op2(I, OP_MUL, inf_i64(I), st, od[k]); }
    return vw_make(I, out, inf_k64(I, 0), od, os, a.ty->ndim, LAYOUT_C, call);
}

/* np.diff's prepend or append value v (node n) beside a along axis ax, as NumPy makes it: an array of a's rank as it is
 * (a list as an array), a number (or 0-d array) broadcast to a's shape with length 1 along ax */
static Val diff_part(Inf *I, Node *n, Val a, int ax, bool after) {
    Val v = ex_expr(I, n);
    if (v.ty->kind == T_LIST) v = ls_to_array(I, v, n);
    if (v.ty->kind == T_ARRAY && v.ty->ndim > 0) {
        if (v.ty->ndim != a.ty->ndim)
            inf_fail(I, n, "all the input arrays must have same number of dimensions, but the array at index 0 has %d "
                     "dimension(s) and the array at index 1 has %d dimension(s)", after ? a.ty->ndim : v.ty->ndim,
                     after ? v.ty->ndim : a.ty->ndim);
        return ew_force(I, v, n);
    }
    if (v.ty->kind == T_ARRAY) v = val_of(I, inf_load(I, v.r, ty_scalar(I->tt, v.ty->dtype, false), NULL, 0));
    if (v.ty->kind != T_SCALAR) inf_fail(I, n, "np.diff(): prepend and append must be numbers or arrays here, not %s", inf_tyname(I, v.ty));
    Ref dims[KILN_MAXDIM];
    for (int k = 0; k < a.ty->ndim; k++) dims[k] = k == ax ? inf_k64(I, 1) : inf_dim(I, a, k);
    int dt = v.ty->weak ? (int)ty_promote(I->tt, v.ty, v.ty)->dtype : (int)v.ty->dtype; /* np.asanyarray's dtype */
    Val out = alloc(I, dt, dims, a.ty->ndim, false);
    ew_store_fresh(I, out, v, n);
    return out;
}

/* np.diff(a, n=1, axis=-1, prepend=, append=): n rounds of differences along axis (bools: !=), after joining the
 * prepended and appended values to a as NumPy does (none when n is 0) */
Val ar_diff(Inf *I, Node *call) {
    static const char *const ok[] = {"n", "axis", "prepend", "append", NULL};
    only_kwargs(I, call, "diff", ok);
    if (call->nkids < 1 || call->nkids > 5) inf_fail(I, call, "np.diff() takes an array, n, an axis, prepend and append here");
    Val a = ex_expr(I, call->kids[0]);
    if (a.ty->kind != T_ARRAY || a.ty->ndim == 0) inf_fail(I, call->kids[0], "diff requires input that is at least one dimensional");
    Node *nn = call->nkids > 1 ? call->kids[1] : kwarg(call, "n"), *an = call->nkids > 2 ? call->kids[2] : kwarg(call, "axis");
    Node *pn = call->nkids > 3 ? call->kids[3] : kwarg(call, "prepend"), *apn = call->nkids > 4 ? call->kids[4] : kwarg(call, "append");
    int64_t times = 1;
    if (nn) {
        if (nn->kind != N_INT) inf_fail(I, nn, "n must be a non-negative integer constant here");
        times = nn->v.i;
    }
    int ax = an ? const_axis(I, an, a.ty->ndim) : a.ty->ndim - 1;
    if (times > 0 && ((pn && pn->kind != N_NONE) || (apn && apn->kind != N_NONE))) {
        Val parts[3];
        int np = 0;
        a = ew_force(I, a, call->kids[0]);
        if (pn && pn->kind != N_NONE) parts[np++] = diff_part(I, pn, a, ax, false);
        parts[np++] = a;
        if (apn && apn->kind != N_NONE) parts[np++] = diff_part(I, apn, a, ax, true);
        Node axis = *call;
        axis.kind = N_INT;
        axis.v.i = ax;
        axis.nkids = axis.nkids2 = 0;
        a = ar_join(I, call, parts, np, false, &axis);
    }
    for (int64_t t = 0; t < times; t++) {
        Ref n = inf_dim(I, a, ax);
        Ref m = inf_op2(I, OP_SUB, inf_i64(I), n, inf_k64(I, 1));
        m = inf_sel(I, inf_i64(I), inf_op2(I, OP_GT, inf_bool(I), m, inf_k64(I, 0)), m, inf_k64(I, 0));
        Val hi = slab(I, a, ax, inf_k64(I, 1), m, call), lo = slab(I, a, ax, inf_k64(I, 0), m, call);
        a = ew_force(I, a.ty->dtype == KILN_BOOL ? ew_compare(I, TK_NE, hi, lo, call) : ew_binop(I, TK_MINUS, hi, lo, call), call);
    }
    return a;
}

/* np.tile(a, reps): out viewed as (r0, n0, r1, n1, ...) takes a viewed with stride 0 on every r axis */
Val ar_tile(Inf *I, Node *call) {
    if (call->nkids != 2 || call->nkids2) inf_fail(I, call, "np.tile() takes an array and the repetitions here");
    Val a = ex_expr(I, call->kids[0]), r = ex_expr(I, call->kids[1]);
    if (a.ty->kind != T_ARRAY) inf_fail(I, call->kids[0], "np.tile() needs an array here");
    int nr = r.ty->kind == T_TUPLE ? r.ty->n : 1, nd = a.ty->ndim > nr ? a.ty->ndim : nr;
    if (2 * nd > KILN_MAXDIM) inf_fail(I, call, "np.tile() of more than %d dimensions is not supported", KILN_MAXDIM / 2);
    Ref reps[KILN_MAXDIM], dims[KILN_MAXDIM], an[KILN_MAXDIM], as[KILN_MAXDIM];
    for (int k = 0; k < nd; k++) {
        int kr = k - (nd - nr), ka = k - (nd - a.ty->ndim);
        Val x = kr < 0 ? val_of(I, inf_k64(I, 1)) : r.ty->kind == T_TUPLE ? r.el[kr] : r;
        if (x.ty->kind != T_SCALAR || !dt_is_int(x.ty->dtype)) inf_fail(I, call->kids[1], "the repetitions must be integers");
        reps[k] = ex_coerce(I, x, inf_i64(I), call->kids[1]).r;
        st_raise_if(I, inf_op2(I, OP_LT, inf_bool(I), reps[k], inf_k64(I, 0)), "ValueError", "negative dimensions are not allowed");
        an[k] = ka < 0 ? inf_k64(I, 1) : inf_dim(I, a, ka);
        as[k] = ka < 0 ? inf_k64(I, 0) : inf_stride(I, a, ka);
        /* reps * n past int64 is NumPy's "array is too big", not a wrapped negative dimension */
        Ref one = inf_k64(I, 1), sops[3] = {inf_op2(I, OP_GT, inf_bool(I), reps[k], one), reps[k], one};
        Ref rp = inf_emit(I, OP_SELECT, inf_i64(I), sops, 3, 0);
        Ref lim = inf_op2(I, OP_FLOORDIV, inf_i64(I), inf_k64(I, INT64_MAX), rp);
        st_raise_if(I, inf_op2(I, OP_GT, inf_bool(I), an[k], lim), "ValueError",
                    "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
        dims[k] = inf_op2(I, OP_MUL, inf_i64(I), reps[k], an[k]);
    }
    Val out = alloc(I, a.ty->dtype, dims, nd, false);
    Ref od[KILN_MAXDIM], os[KILN_MAXDIM], sd[KILN_MAXDIM], ss[KILN_MAXDIM];
    for (int k = 0; k < nd; k++) {
        Ref st = inf_stride(I, out, k);
        od[2 * k] = reps[k]; os[2 * k] = inf_op2(I, OP_MUL, inf_i64(I), an[k], st);
        od[2 * k + 1] = an[k]; os[2 * k + 1] = st;
        sd[2 * k] = reps[k]; ss[2 * k] = inf_k64(I, 0);
        sd[2 * k + 1] = an[k]; ss[2 * k + 1] = as[k];
    }
    ew_store_fresh(I, vw_make(I, out, inf_k64(I, 0), od, os, 2 * nd, LAYOUT_ANY, call), vw_make(I, a, inf_k64(I, 0), sd, ss, 2 * nd, LAYOUT_ANY, call), call);
    return out;
}

/* np.repeat(a, n, axis=None): out viewed with an extra axis of n after `axis` takes a with stride 0 there */
Val ar_repeat(Inf *I, Node *call) {
    static const char *const ok[] = {"axis", NULL};
    only_kwargs(I, call, "repeat", ok);
    if (call->nkids < 2 || call->nkids > 3) inf_fail(I, call, "np.repeat() takes an array, a count and an axis here");
    Val a = ex_expr(I, call->kids[0]);
    if (a.ty->kind != T_ARRAY) inf_fail(I, call->kids[0], "np.repeat() needs an array here");
    Val nv = scalar_arg(I, call->kids[1], "repeat");
    if (!dt_is_int(nv.ty->dtype)) inf_fail(I, call->kids[1], "the repeat count must be an integer here (an array of counts is not supported)");
    Ref n = ex_coerce(I, nv, inf_i64(I), call->kids[1]).r;
    st_raise_if(I, inf_op2(I, OP_LT, inf_bool(I), n, inf_k64(I, 0)), "ValueError", "negative dimensions are not allowed");
    Node *an = call->nkids == 3 ? call->kids[2] : kwarg(call, "axis");
    Val src = a;
    int ax;
    if (!an || an->kind == N_NONE) {
        src = vw_ravel(I, a, call);
        ax = 0;
    } else {
        ax = const_axis(I, an, a.ty->ndim);
    }
    int nd = src.ty->ndim;
    if (nd + 1 > KILN_MAXDIM) inf_fail(I, call, "arrays of more than %d dimensions are not supported", KILN_MAXDIM);
    Ref dims[KILN_MAXDIM];
    for (int k = 0; k < nd; k++) dims[k] = k == ax ? inf_op2(I, OP_MUL, inf_i64(I), inf_dim(I, src, k), n) : inf_dim(I, src, k);
    Val out = alloc(I, src.ty->dtype, dims, nd, false);
    Ref od[KILN_MAXDIM], os[KILN_MAXDIM], sd[KILN_MAXDIM], ss[KILN_MAXDIM];
    for (int k = 0, j = 0; k < nd; k++) {
        od[j] = inf_dim(I, src, k); sd[j] = od[j]; ss[j] = inf_stride(I, src, k);
        os[j] = k == ax ? inf_op2(I, OP_MUL, inf_i64(I), inf_stride(I, out, k), n) : inf_stride(I, out, k);
        j++;
        if (k == ax) { od[j] = n; sd[j] = n; ss[j] = inf_k64(I, 0); os[j] = inf_stride(I, out, k); j++; }
    }
    ew_store_fresh(I, vw_make(I, out, inf_k64(I, 0), od, os, nd + 1, LAYOUT_ANY, call), vw_make(I, src, inf_k64(I, 0), sd, ss, nd + 1, LAYOUT_ANY, call), call);
    return out;
}
