/*
 * fancy.c — indexing with arrays (NumPy's advanced indexing, one index):
 * an integer array gathers (a[idx], fused like any elementwise operand:
 * ewise.c's EW_TAKE) and scatters (a[idx] = v), and on an n-d array takes
 * or writes whole rows (m[idx], m[idx] = row), as a 1-d boolean mask does
 * (the rows where it is True: their indices, then the same); a boolean mask of a's shape
 * compresses (a[mask]: the selected elements in C order, a new 1-d array)
 * and assigns (a[mask] = scalar, or = an array of one value per True).
 *
 * The loops are IR like every other array loop here, so every tier runs
 * them; a mask's True count comes from the sum reduction first, so the
 * result is allocated once at its size.
 *
 * Several indices with at least one integer array (a[rows, cols], a[rows, 1]): one per axis, the arrays of one shape
 * (NumPy's IndexError for shapes that differ), the result of that shape; read and written by kiln's own Python
 * (fx_multi_*), element by element in C order, so the last of repeated indices wins as in NumPy.
 */
#include "infer.h"
#include "../ir/lib.h"
#include <stdio.h>
#include <string.h>


typedef StNestBody Body;

/* for every index of `over`'s shape (C order), body */
static void each(Inf *I, Val over, Ref *iv, Node *at, Body body, void *ctx) {
    Ref dims[KILN_MAXDIM];
    for (int k = 0; k < over.ty->ndim; k++) dims[k] = inf_emit(I, OP_DIM, inf_i64(I), &over.r, 1, k);
    st_nest(I, at, "fx", dims, over.ty->ndim, iv, body, ctx, false);
}

static Ref load(Inf *I, Val a, const Ref *iv) { return inf_load(I, a.r, ty_scalar(I->tt, a.ty->dtype, false), iv, a.ty->ndim); }
static void store(Inf *I, Val a, const Ref *iv, Ref v) { inf_store(I, a.r, v, iv, a.ty->ndim); }

/* if cond: then(ctx) */
static void when(Inf *I, Ref cond, void (*then)(Inf *I, void *ctx), void *ctx) {
    uint32_t t = inf_block(I), join = inf_block(I);
    inf_branch(I, cond, t, join);
    inf_seal(I, t);
    I->cur = t;
    then(I, ctx);
    inf_jump(I, join);
    I->cur = join;
    inf_seal(I, join);
}

/* ---- boolean masks ---- */

typedef struct Mask {
    Val a, m, v, out; /* the array, the mask, the value (a scalar or one per True), the compressed result */
    Node *counter;    /* the hidden variable counting Trues so far */
    const Ref *iv;
    bool read, per_true;
    Node *at;
} Mask;

/* the mask's axes against arr's first ones: NumPy's IndexError naming the first that differs */
static void mask_fits(Inf *I, Val arr, Val m) {
    for (int k = 0; k < m.ty->ndim; k++) {
        Ref n = inf_emit(I, OP_DIM, inf_i64(I), &arr.r, 1, k), mk = inf_emit(I, OP_DIM, inf_i64(I), &m.r, 1, k);
        char axis[96];
        snprintf(axis, sizeof axis, "boolean index did not match indexed array along axis %d; size of axis is ", k);
        const char *ax = arena_strndup(I->a, axis, strlen(axis));
        if (!ax) inf_oom(I);
        TxPart msg[] = {{ax, 0}, {NULL, n}, {" but size of corresponding boolean axis is ", 0}, {NULL, mk}};
        tx_raise_if(I, inf_op2(I, OP_NE, inf_bool(I), n, mk), "IndexError", msg, 4);
    }
}

static Val mask_of(Inf *I, Val arr, Val mask, Node *at) {
    Val m = ew_force(I, mask, at);
    if (m.ty->ndim != arr.ty->ndim)
        inf_fail(I, at, "a boolean index must have the indexed array's %d dimensions here, or one to select rows (it has %d)",
                 arr.ty->ndim, m.ty->ndim);
    mask_fits(I, arr, m);
    return m;
}

/* a 1-d mask selecting rows of an n-d array: the indices of its Trues */
static Val mask_rows(Inf *I, Val arr, Val mask, Node *at) {
    Val m = ew_force(I, mask, at);
    mask_fits(I, arr, m);
    return so_nonzero(I, at, m).el[0];
}

static Ref true_count(Inf *I, Val m) {
    unsigned all = (1u << m.ty->ndim) - 1;
    return inf_emit(I, OP_LIB, ty_scalar(I->tt, KILN_INT64, false), &m.r, 1, rd_pack(RK_SUM, all, -1, false, false, KILN_INT64));
}

/* a[mask] = v where mask is True */
static void mask_then(Inf *I, void *p) {
    Mask *q = p;
    Val c = inf_read_name(I, q->counter);
    Ref v = q->per_true ? load(I, q->v, &c.r) : q->v.r;
    store(I, q->a, q->iv, ex_coerce(I, val_of(I, v), ty_scalar(I->tt, q->a.ty->dtype, false), q->at).r);
    inf_assign(I, q->counter, val_of(I, inf_op2(I, OP_ADD, inf_i64(I), c.r, inf_const_i(I, inf_i64(I), 1))));
}

static void mask_body(Inf *I, const Ref *iv, void *p) {
    Mask *q = p;
    q->iv = iv;
    Val mv = val_of(I, load(I, q->m, iv));
    if (q->read) { /* without a branch: every element stored at the next free index, which moves on where mask is
                    * True (a branch on a random mask was mispredicted every other element: 17 ns an element) */
        Val c = inf_read_name(I, q->counter);
        store(I, q->out, &c.r, load(I, q->a, iv));
        Ref step = inf_emit(I, OP_CAST, inf_i64(I), &mv.r, 1, 0);
        inf_assign(I, q->counter, val_of(I, inf_op2(I, OP_ADD, inf_i64(I), c.r, step)));
        return;
    }
    when(I, mv.r, mask_then, q);
}

static void mask_loop(Inf *I, Mask *q) {
    q->counter = st_hidden(I, "$mask%d", q->at);
    inf_assign(I, q->counter, val_of(I, inf_const_i(I, inf_i64(I), 0)));
    Ref iv[KILN_MAXDIM];
    each(I, q->a, iv, q->at, mask_body, q);
}

/* a[mask]: the elements where mask is True, in C order */
static Val mask_read(Inf *I, Val arr, Val mask, Node *at) {
    Mask q = {0};
    q.a = arr; q.m = mask_of(I, arr, mask, at); q.read = true; q.at = at;
    Ref n = true_count(I, q.m);
    Ref out = inf_emit(I, OP_ALLOC, ty_array(I->tt, arr.ty->dtype, 1, LAYOUT_C), &n, 1, 0);
    I->f->ins.v[out].flags |= ALLOC_UNINIT | ALLOC_PAST;
    q.out = val_of(I, out);
    mask_loop(I, &q);
    return q.out;
}

/* a[mask] = v: a scalar everywhere mask is True, or an array's values one per True in order */
static void mask_store(Inf *I, Val arr, Val mask, Val v, Node *at) {
    Mask q = {0};
    q.a = arr; q.m = mask_of(I, arr, mask, at); q.at = at;
    q.v = v.ew ? ew_force(I, v, at) : v;
    if (q.v.ty->kind == T_ARRAY) {
        if (q.v.ty->ndim != 1) inf_fail(I, at, "a boolean-mask assignment takes a scalar or a 1-d array of values here");
        Ref n = true_count(I, q.m), given = inf_emit(I, OP_DIM, inf_i64(I), &q.v.r, 1, 0);
        TxPart msg[] = {{"NumPy boolean array indexing assignment cannot assign ", 0}, {NULL, given},
                        {" input values to the ", 0}, {NULL, n}, {" output values where the mask is true", 0}};
        tx_raise_if(I, inf_op2(I, OP_NE, inf_bool(I), given, n), "ValueError", msg, 5);
        q.per_true = true;
        /* read before any is written: values that overlap a (a[m] = a[::-1][:k]) are copied first */
        q.v = val_of(I, inf_emit(I, OP_ACOPY, ty_array(I->tt, q.v.ty->dtype, 1, LAYOUT_C), &q.v.r, 1, 0));
    } else if (q.v.ty->kind != T_SCALAR) {
        inf_fail(I, at, "cannot assign a %s through a boolean mask", inf_tyname(I, q.v.ty));
    }
    if (dt_is_complex(q.v.ty->dtype) && !dt_is_complex(arr.ty->dtype))
        inf_fail(I, at, "cannot store complex values into a %s array", kiln_dtype_name(arr.ty->dtype));
    if (q.v.ty->kind == T_SCALAR) q.v = ex_adopt(I, q.v, ty_scalar(I->tt, arr.ty->dtype, false), at); /* once, before the loop */
    mask_loop(I, &q);
}

/* ---- integer arrays ---- */

/* ---- integer arrays indexing the first axis: elements of a 1-d array, whole rows of an n-d one ----
 * arr[idx] has idx's shape followed by arr's other axes (a 1-d arr's gather is ewise.c's EW_TAKE, which fuses);
 * arr[idx] = v writes v, broadcast to that shape as NumPy broadcasts it (a scalar, one row for every index, the
 * whole result), to each element or row idx names, in idx's C order (a repeated index keeps the last value) */

typedef struct Rows { Val a, idx, v, out; int ni, vfrom; Ref one[KILN_MAXDIM]; Node *at; } Rows;

/* v's shape against the result's: each of v's axes (aligned right) equal or 1; else NumPy's ValueError */
static void broadcast_check(Inf *I, Rows *q, const Ref *dims, int nd) {
    int vn = q->v.ty->ndim;
    if (vn > nd) inf_fail(I, q->at, "the assigned array has more dimensions (%d) than the indexing result (%d)", vn, nd);
    q->vfrom = nd - vn;
    Ref vd[KILN_MAXDIM], bad = inf_const_i(I, inf_bool(I), 0);
    for (int k = 0; k < vn; k++) {
        vd[k] = inf_emit(I, OP_DIM, inf_i64(I), &q->v.r, 1, k);
        q->one[k] = inf_op2(I, OP_EQ, inf_bool(I), vd[k], inf_const_i(I, inf_i64(I), 1));
        Ref ne = inf_op2(I, OP_NE, inf_bool(I), vd[k], dims[q->vfrom + k]);
        Ref not1 = inf_op2(I, OP_NE, inf_bool(I), vd[k], inf_const_i(I, inf_i64(I), 1));
        bad = inf_op2(I, OP_OR, inf_bool(I), bad, inf_op2(I, OP_AND, inf_bool(I), ne, not1));
    }
    TxPart p[4 + 2 * (2 + 2 * KILN_MAXDIM)];
    int n = 0;
    p[n++] = (TxPart){"shape mismatch: value array of shape ", 0};
    n += tx_shape_parts(p + n, vd, vn);
    p[n++] = (TxPart){" could not be broadcast to indexing result of shape ", 0};
    n += tx_shape_parts(p + n, dims, nd);
    tx_raise_if(I, bad, "ValueError", p, n);
}

static Ref row_of(Inf *I, Rows *q, const Ref *iv) {
    Ref j = ex_coerce(I, val_of(I, load(I, q->idx, iv)), inf_i64(I), q->at).r;
    Ref ops[2] = {q->a.r, j};
    Ref b = inf_emit(I, OP_BOUND, inf_i64(I), ops, 2, 0);
    if (!I->env->opt->boundscheck) I->f->ins.v[b].flags |= BOUND_NOCHECK;
    return b;
}

/* iv: a position of the result (idx's axes, then arr's after the first) */
static void rows_body(Inf *I, const Ref *iv, void *p) {
    Rows *q = p;
    Ref src[KILN_MAXDIM];
    src[0] = row_of(I, q, iv);
    for (int k = 1; k < q->a.ty->ndim; k++) src[k] = iv[q->ni + k - 1];
    if (q->out.r) { store(I, q->out, iv, load(I, q->a, src)); return; }
    Ref v = q->v.r;
    if (q->v.ty->kind == T_ARRAY) { /* a broadcast axis (length 1) reads its only element */
        Ref vi[KILN_MAXDIM], zero = inf_const_i(I, inf_i64(I), 0);
        for (int k = 0; k < q->v.ty->ndim; k++) {
            Ref o[3] = {q->one[k], zero, iv[q->vfrom + k]};
            vi[k] = inf_emit(I, OP_SELECT, inf_i64(I), o, 3, 0);
        }
        v = load(I, q->v, vi);
    }
    store(I, q->a, src, ex_coerce(I, val_of(I, v), ty_scalar(I->tt, q->a.ty->dtype, false), q->at).r);
}

static void rows_setup(Inf *I, Rows *q, Val arr, Val idx, Node *at, Ref *dims) {
    q->a = arr; q->at = at;
    q->idx = ew_force(I, idx, at);
    if (!dt_is_int(q->idx.ty->dtype)) inf_fail(I, at, "arrays used as indices must be of integer (or boolean) type");
    q->ni = q->idx.ty->ndim;
    if (q->ni + arr.ty->ndim - 1 > KILN_MAXDIM)
        inf_fail(I, at, "indexing a %d-d array with a %d-d index array gives more than %d dimensions", arr.ty->ndim, q->ni, KILN_MAXDIM);
    for (int k = 0; k < q->ni; k++) dims[k] = inf_emit(I, OP_DIM, inf_i64(I), &q->idx.r, 1, k);
    for (int k = 1; k < arr.ty->ndim; k++) dims[q->ni + k - 1] = inf_emit(I, OP_DIM, inf_i64(I), &arr.r, 1, k);
}

static Val take_rows(Inf *I, Val arr, Val idx, Node *at) {
    Rows q = {0};
    Ref dims[KILN_MAXDIM], iv[KILN_MAXDIM];
    rows_setup(I, &q, arr, idx, at, dims);
    int nd = q.ni + arr.ty->ndim - 1;
    Ref out = inf_emit(I, OP_ALLOC, ty_array(I->tt, arr.ty->dtype, nd, LAYOUT_C), dims, (uint32_t)nd, 0);
    I->f->ins.v[out].flags |= ALLOC_UNINIT;
    q.out = val_of(I, out);
    st_nest(I, at, "fx", dims, nd, iv, rows_body, &q, false);
    return q.out;
}

static void put_rows(Inf *I, Val arr, Val idx, Val v, Node *at) {
    Rows q = {0};
    Ref dims[KILN_MAXDIM], iv[KILN_MAXDIM];
    rows_setup(I, &q, arr, idx, at, dims);
    int nd = q.ni + arr.ty->ndim - 1;
    q.v = v.ew ? ew_force(I, v, at) : v;
    if (q.v.ty->kind == T_ARRAY) {
        broadcast_check(I, &q, dims, nd);
        /* read before any is written: values overlapping arr are copied first */
        q.v = val_of(I, inf_emit(I, OP_ACOPY, ty_array(I->tt, q.v.ty->dtype, q.v.ty->ndim, LAYOUT_C), &q.v.r, 1, 0));
    } else if (q.v.ty->kind != T_SCALAR) {
        inf_fail(I, at, "cannot assign a %s through an index array", inf_tyname(I, q.v.ty));
    }
    if (dt_is_complex(q.v.ty->dtype) && !dt_is_complex(arr.ty->dtype))
        inf_fail(I, at, "cannot store complex values into a %s array", kiln_dtype_name(arr.ty->dtype));
    if (q.v.ty->kind == T_SCALAR) q.v = ex_adopt(I, q.v, ty_scalar(I->tt, arr.ty->dtype, false), at);
    st_nest(I, at, "fx", dims, nd, iv, rows_body, &q, false);
}

static bool is_mask(Val idx) { return idx.ty->dtype == KILN_BOOL; }

static bool row_mask(Val arr, Val idx) { return is_mask(idx) && idx.ty->ndim == 1 && arr.ty->ndim > 1; }

Val fx_read(Inf *I, Val arr, Val idx, Node *at) {
    if (row_mask(arr, idx)) return take_rows(I, arr, mask_rows(I, arr, idx, at), at);
    if (is_mask(idx)) return mask_read(I, arr, idx, at);
    if (arr.ty->ndim >= 2) return take_rows(I, arr, idx, at);
    return ew_take(I, arr, idx, at);
}

void fx_store(Inf *I, Val arr, Val idx, Val v, Node *at) {
    if (v.ty->kind == T_UNKNOWN) return;
    if (row_mask(arr, idx)) put_rows(I, arr, mask_rows(I, arr, idx, at), v, at);
    else if (is_mask(idx)) mask_store(I, arr, idx, v, at);
    else put_rows(I, arr, idx, v, at);
}

/* ---- several indices, one or more of them integer arrays (ex_index packs them in a tuple, nidx -3) ---- */

/* the def's text for arr and the indices of tuple idx (array k: i<k>, scalars s<k>), reading (v NULL: a new array of
 * the arrays' shape) or writing v (a number, or an array broadcast to that shape) */
static size_t multi_text(Inf *I, Val arr, Val idx, const Val *v, Node *at, char *buf, size_t cap) {
    int k = idx.ty->n, first = -1, nd = -1;
    if (k != arr.ty->ndim)
        inf_fail(I, at, "indexing a %d-d array with %d indices where one is an array is not supported yet (one index per axis is)",
                 arr.ty->ndim, k);
    bool one_rank = true; /* every index array of one rank: their shapes most likely equal, no broadcast copies */
    for (int i = 0; i < k; i++) {
        const Type *t = idx.el[i].ty;
        if (t->kind == T_ARRAY && !dt_is_int(t->dtype))
            inf_fail(I, at, "arrays used as indices must be of integer type here (boolean masks index alone)");
        if (t->kind == T_ARRAY) {
            if (first < 0) first = i;
            one_rank &= nd < 0 || t->ndim == nd;
            if (t->ndim > nd) nd = t->ndim;
        } else if (t->kind != T_SCALAR || !dt_is_int(t->dtype)) {
            inf_fail(I, at, "only integers and integer arrays are valid indices here, not %s", inf_tyname(I, t));
        }
    }
    size_t w = 0;
#define PUT(...) do { int n_ = snprintf(buf + w, cap - w, __VA_ARGS__); if (n_ < 0 || (size_t)n_ >= cap - w) inf_fail(I, at, "internal error: an indexing expansion is too long"); w += (size_t)n_; } while (0)
    PUT("def index(a");
    for (int i = 0; i < k; i++) PUT(", %c%d", idx.el[i].ty->kind == T_ARRAY ? 'i' : 's', i);
    PUT("%s):\n", v ? ", v" : "");
    /* the index arrays broadcast together (NumPy's rule, aligned from the right) into shape s = (d0, d1, ...) */
    PUT("    bad = False\n");
    for (int d = 0; d < nd; d++) PUT("    d%d = 1\n", d);
    for (int i = 0; i < k; i++) {
        int m = idx.el[i].ty->kind == T_ARRAY ? idx.el[i].ty->ndim : 0;
        for (int j = 0; j < m; j++)
            PUT("    if i%d.shape[%d] != 1:\n        if d%d != 1 and d%d != i%d.shape[%d]:\n            bad = True\n"
                "        d%d = i%d.shape[%d]\n", i, j, j + nd - m, j + nd - m, i, j, j + nd - m, i, j);
    }
    PUT("    if bad:\n        raise IndexError(\"shape mismatch: indexing arrays could not be broadcast together with shapes \"");
    for (int i = 0; i < k; i++) { /* each array's shape as NumPy writes it: (2,1), (3,), () */
        int m = idx.el[i].ty->kind == T_ARRAY ? idx.el[i].ty->ndim : -1;
        if (m < 0) continue;
        PUT(" + \"(\"");
        for (int j = 0; j < m; j++) PUT(" + str(i%d.shape[%d]) + \"%s\"", i, j, j + 1 < m || m == 1 ? "," : "");
        PUT(" + \") \"");
    }
    PUT(")\n    s = (");
    for (int d = 0; d < nd; d++) PUT("d%d,%s", d, d + 1 < nd ? " " : "");
    PUT(")\n");
    if (one_rank) { /* equal shapes: the arrays' own elements in order */
        PUT("    if True");
        for (int i = 0; i < k; i++) if (idx.el[i].ty->kind == T_ARRAY) PUT(" and i%d.shape == s", i);
        PUT(":\n");
        for (int i = 0; i < k; i++) if (idx.el[i].ty->kind == T_ARRAY) PUT("        f%d = i%d.ravel()\n", i, i);
        PUT("    else:\n");
        for (int i = 0; i < k; i++)
            if (idx.el[i].ty->kind == T_ARRAY) PUT("        f%d = " KILN_NP_NAME ".broadcast_to(i%d, s).ravel()\n", i, i);
    } else {
        for (int i = 0; i < k; i++)
            if (idx.el[i].ty->kind == T_ARRAY) PUT("    f%d = " KILN_NP_NAME ".broadcast_to(i%d, s).ravel()\n", i, i);
    }
    if (!v) PUT("    out = " KILN_NP_NAME ".empty(s, dtype=a.dtype)\n    fo = out.ravel()\n");
    else if (v->ty->kind == T_ARRAY) { /* of the selection's shape, or broadcast to it (np.broadcast_to's checks) */
        if (v->ty->ndim > nd)
            inf_fail(I, at, "storing a %d-d array into the selection of %d-d index arrays: NumPy cannot broadcast it",
                     v->ty->ndim, nd);
        int vd = v->ty->ndim;
        for (int j = 0; j < vd; j++) /* NumPy's setitem message where v does not broadcast (aligned from the right) */
            PUT("    if v.shape[%d] != s[%d] and v.shape[%d] != 1:\n        raise ValueError(\"shape mismatch: value array "
                "of shape \" + str(v.shape) + \" could not be broadcast to indexing result of shape \" + str(s))\n",
                j, j + nd - vd, j);
        PUT("    fv = " KILN_NP_NAME ".broadcast_to(v, s).ravel()\n");
    }
    PUT("    for k in range(f%d.shape[0]):\n        ", first);
    if (!v) PUT("fo[k] = a[");
    else PUT("a[");
    for (int i = 0; i < k; i++) {
        if (idx.el[i].ty->kind == T_ARRAY) PUT("%sf%d[k]", i ? ", " : "", i);
        else PUT("%ss%d", i ? ", " : "", i);
    }
    if (!v) PUT("]\n    return out\n");
    else PUT("] = %s\n", v->ty->kind == T_ARRAY ? "fv[k]" : "v");
#undef PUT
    return w;
}

static Val multi(Inf *I, Val arr, Val idx, const Val *v, Node *at) {
    char buf[8192];
    size_t n = multi_text(I, arr, idx, v, at, buf, sizeof buf);
    Node *args[KILN_MAXDIM + 2];
    int na = 0;
    args[na] = it_held(I, at, na, arr), na++;
    for (int i = 0; i < idx.ty->n; i++) args[na] = it_held(I, at, na, idx.el[i]), na++;
    if (v) args[na] = it_held(I, at, na, *v), na++;
    return it_inline(I, at, buf, n, "<indexing>", args, na);
}

Val fx_multi_read(Inf *I, Val arr, Val idx, Node *at) { return multi(I, arr, idx, NULL, at); }

void fx_multi_store(Inf *I, Val arr, Val idx, Val v, Node *at) {
    if (v.ty->kind == T_UNKNOWN) return;
    if (v.ew) v = ew_force(I, v, at);
    if (v.ty->kind == T_LIST) v = ls_to_array(I, v, at);
    if (v.ty->kind != T_SCALAR && v.ty->kind != T_ARRAY) inf_fail(I, at, "cannot store a %s into array elements", inf_tyname(I, v.ty));
    if (dt_is_complex(v.ty->dtype) && !dt_is_complex(arr.ty->dtype))
        inf_fail(I, at, "cannot store complex values into a %s array", kiln_dtype_name(arr.ty->dtype));
    multi(I, arr, idx, &v, at);
}

/* ---- one index array among slices (m[:, cols]; ex_index packs the view, the array and its axis, nidx -4): the
 * axis moved to the front, the rows taken or written as for m[cols], the axis moved back ---- */

static int adv_axis(Inf *I, Val p) { return (int)I->f->cst.v[I->f->ins.v[p.el[2].r].aux].i; }

Val fx_adv_read(Inf *I, Val p, Node *at) {
    int ax = adv_axis(I, p);
    Val r = fx_read(I, vw_move_axis(I, p.el[0], ax, 0, at), p.el[1], at);
    return ax ? vw_move_axis(I, r, 0, ax, at) : r;
}

/* NumPy's check that v broadcasts to the selection's shape dims (nd of them), with its message: shapes as "(3,2)" */
static void adv_check(Inf *I, Val v, const Ref *dims, int nd, Node *at) {
    char buf[2048];
    size_t w = 0;
    int vd = v.ty->ndim;
#define PUT(...) do { int n_ = snprintf(buf + w, sizeof buf - w, __VA_ARGS__); if (n_ < 0 || (size_t)n_ >= sizeof buf - w) inf_fail(I, at, "internal error: an indexing expansion is too long"); w += (size_t)n_; } while (0)
    PUT("def check(v");
    for (int k = 0; k < nd; k++) PUT(", s%d", k);
    PUT("):\n    bad = False\n");
    for (int j = 0; j < vd; j++) PUT("    if v.shape[%d] != s%d and v.shape[%d] != 1:\n        bad = True\n", j, j + nd - vd, j);
    PUT("    if bad:\n        raise ValueError(\"shape mismatch: value array of shape (\"");
    for (int j = 0; j < vd; j++) PUT(" + str(v.shape[%d]) + \"%s\"", j, j + 1 < vd ? "," : vd == 1 ? ",)" : ")");
    PUT(" + \" could not be broadcast to indexing result of shape (\"");
    for (int k = 0; k < nd; k++) PUT(" + str(s%d) + \"%s\"", k, k + 1 < nd ? "," : nd == 1 ? ",)" : ")");
    PUT(")\n");
#undef PUT
    Node *args[KILN_MAXDIM + 1];
    args[0] = it_held(I, at, 0, v);
    for (int k = 0; k < nd; k++) args[1 + k] = it_held(I, at, 1 + k, val_of(I, dims[k]));
    it_inline(I, at, buf, w, "<indexing>", args, nd + 1);
}

void fx_adv_store(Inf *I, Val p, Val v, Node *at) {
    if (v.ty->kind == T_UNKNOWN) return;
    int ax = adv_axis(I, p);
    Val view = p.el[0];
    if (v.ew) v = ew_force(I, v, at);
    if (v.ty->kind == T_LIST) v = ls_to_array(I, v, at);
    if (v.ty->kind == T_ARRAY && ax) { /* broadcast to the selection's shape (ew_store's checks), then its axis first */
        if (v.ty->ndim > view.ty->ndim)
            inf_fail(I, at, "storing a %d-d array into a %d-d selection: NumPy cannot broadcast it", v.ty->ndim, view.ty->ndim);
        Ref dims[KILN_MAXDIM];
        for (int k = 0; k < view.ty->ndim; k++) dims[k] = k == ax ? inf_dim(I, p.el[1], 0) : inf_dim(I, view, k);
        adv_check(I, v, dims, view.ty->ndim, at);
        Val full = val_of(I, inf_emit(I, OP_ALLOC, ty_array(I->tt, v.ty->dtype, view.ty->ndim, LAYOUT_C), dims,
                                      (uint32_t)view.ty->ndim, 0));
        ew_store(I, full, v, at);
        v = vw_move_axis(I, full, ax, 0, at);
    }
    fx_store(I, vw_move_axis(I, view, ax, 0, at), p.el[1], v, at);
}
