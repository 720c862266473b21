/*
 * view.c — NumPy's basic indexing: slices, np.newaxis, a.T, reshape and
 * ravel give views that share the array's memory.
 *
 * An array value is a descriptor (data, shape, strides), so a view is new
 * descriptor parts computed with ordinary integer IR: each slice becomes a
 * start, a length and a step by Python's slice.indices rules (negative
 * bounds count from the end, out-of-range bounds clamp), and the view is one
 * MKVIEW of the base's data plus a byte offset. Every tier runs the same IR;
 * constant slices of known lengths fold, and tier 2 sees the strides it
 * vectorizes on. A view's type is C-contiguous when its elements provably
 * are (leading integer indices, then one unit-step slice, then whole axes),
 * otherwise "any" layout, whose strides the loads read. reshape and ravel of
 * an "any" array decide when they run, as NumPy does from the strides: a view
 * where the new shape can be read with strides (NumPy's no-copy attempt,
 * unrolled over the static ranks), else a C copy (view_or_copy: two branches
 * meeting in one hidden variable).
 */
#include "infer.h"
#include <string.h>


/* comparisons give bools, & | ^ the operands' type, arithmetic int64 */
static Ref op2(Inf *I, int op, Ref a, Ref b) {
    Ref ops[2] = {a, b};
    const Type *t = op >= OP_EQ && op <= OP_GE ? inf_bool(I) : op == OP_AND || op == OP_OR || op == OP_XOR ? I->f->ins.v[a].ty : inf_i64(I);
    return inf_emit(I, op, t, ops, 2, 0);
}

static Ref sel(Inf *I, Ref c, Ref a, Ref b) {
    Ref ops[3] = {c, a, b};
    return inf_emit(I, OP_SELECT, I->f->ins.v[a].ty, ops, 3, 0);
}

static bool const_of(Inf *I, Ref r, int64_t *v) {
    Ins *in = &I->f->ins.v[r];
    if (in->op != OP_CONST) return false;
    *v = I->f->cst.v[in->aux].i;
    return true;
}

bool vw_is_newaxis(Node *k) {
    return k->kind == N_NONE || (k->kind == N_ATTR && strcmp(k->name, "newaxis") == 0);
}

static bool is_ellipsis(Inf *I, const Node *k) {
    return k->kind == N_NAME && !strcmp(k->name, "Ellipsis") && !inf_has_var(I, "Ellipsis");
}

/* subscript sub of an array of rank nd with its `...` (at most one) written out as the full slices it stands for: one
 * for each axis no other index takes (None and np.newaxis take none); sub itself where it has none. *view: it had
 * one (the result is a view, a 0-d one where every axis is indexed: NumPy's a[1, 2, ...]) */
Node *vw_ellipsis(Inf *I, Node *sub, int nd, bool *view) {
    *view = false;
    int at = -1, used = 0;
    for (int i = 0; i < sub->nkids; i++) {
        if (is_ellipsis(I, sub->kids[i])) {
            if (at >= 0) inf_fail(I, sub->kids[i], "an index can only have a single ellipsis ('...')");
            at = i;
        } else if (!vw_is_newaxis(sub->kids[i])) {
            used++;
        }
    }
    if (at < 0) return sub;
    *view = true;
    int fill = nd - used > 0 ? nd - used : 0, n = sub->nkids - 1 + fill;
    Node *c = arena_alloc(I->a, sizeof *c);
    Node **kids = arena_alloc(I->a, sizeof(Node *) * (size_t)(n > 0 ? n : 1));
    if (!c || !kids) inf_oom(I);
    *c = *sub;
    for (int i = 0, j = 0; i < sub->nkids; i++) {
        if (i != at) { kids[j++] = sub->kids[i]; continue; }
        for (int f = 0; f < fill; f++) {
            Node *sl = arena_alloc(I->a, sizeof *sl);
            if (!sl) inf_oom(I);
            memset(sl, 0, sizeof *sl);
            sl->kind = N_SLICE;
            sl->line = sub->kids[i]->line; sl->col = sub->kids[i]->col;
            sl->id = -1;
            kids[j++] = sl;
        }
    }
    c->kids = kids;
    c->nkids = n;
    return c;
}

/* a slice bound or step: an int, or NULL when left out or None */
static Ref slice_part(Inf *I, Node *k) {
    if (!k || k->kind == N_NONE) return 0;
    Val v = ex_expr(I, k);
    if (v.ty->kind != T_SCALAR || !dt_is_intlike(v.ty->dtype))
        inf_fail(I, k, "slice indices must be integers or None, not %s", inf_tyname(I, v.ty));
    return ex_coerce(I, v, inf_i64(I), k).r;
}

/* a bound clamped as slice.indices does: negative counts from the end, then into [lo, hi] */
static Ref clamp(Inf *I, Ref x, Ref n, Ref lo, Ref hi) {
    Ref neg = op2(I, OP_LT, x, inf_k64(I, 0));
    Ref up = op2(I, OP_ADD, x, n);
    Ref a = sel(I, op2(I, OP_LT, up, lo), lo, up);
    Ref b = sel(I, op2(I, OP_GT, x, hi), hi, x);
    return sel(I, neg, a, b);
}

typedef struct Sl { Ref start, len, step; bool unit, whole; } Sl;

/* start, length and step of slice s over an axis of length n, for one sign of step */
static void bounds(Inf *I, Node *s, Ref n, Ref step, bool up, Ref *start, Ref *len) {
    Ref b = slice_part(I, s->a), e = slice_part(I, s->b);
    Ref lo = up ? inf_k64(I, 0) : inf_k64(I, -1), hi = up ? n : op2(I, OP_SUB, n, inf_k64(I, 1));
    Ref x = b ? clamp(I, b, n, lo, hi) : up ? inf_k64(I, 0) : hi;
    Ref y = e ? clamp(I, e, n, lo, hi) : up ? n : inf_k64(I, -1);
    Ref span = up ? op2(I, OP_SUB, y, x) : op2(I, OP_SUB, x, y); /* > 0 when not empty */
    Ref mag = up ? step : op2(I, OP_SUB, inf_k64(I, 0), step);
    int64_t m;
    Ref count = const_of(I, mag, &m) && m == 1 ? span
              : op2(I, OP_ADD, op2(I, OP_FLOORDIV, op2(I, OP_SUB, span, inf_k64(I, 1)), mag), inf_k64(I, 1));
    *start = x;
    *len = sel(I, op2(I, OP_GT, span, inf_k64(I, 0)), count, inf_k64(I, 0));
}

static Sl slice_of(Inf *I, Node *s, Ref n) {
    Sl r = {0};
    r.step = slice_part(I, s->c);
    int64_t st = 1;
    bool known = !r.step || const_of(I, r.step, &st);
    if (!r.step) r.step = inf_k64(I, 1);
    if (!known || st == 0) st_raise_if(I, op2(I, OP_EQ, r.step, inf_k64(I, 0)), "ValueError", "slice step cannot be zero");
    /* CPython clamps a step below -sys.maxsize to -sys.maxsize (so that it can be negated):
     * a[5:2:-2**63] is [a[5]], not [] */
    if (known && st == INT64_MIN) r.step = inf_k64(I, -INT64_MAX);
    else if (!known) r.step = sel(I, op2(I, OP_EQ, r.step, inf_k64(I, INT64_MIN)), inf_k64(I, -INT64_MAX), r.step);
    if (known) {
        bounds(I, s, n, r.step, st > 0, &r.start, &r.len);
    } else { /* the sign is known at run time only: both, then a choice */
        Ref s1, l1, s2, l2;
        bounds(I, s, n, r.step, true, &s1, &l1);
        bounds(I, s, n, r.step, false, &s2, &l2);
        Ref pos = op2(I, OP_GT, r.step, inf_k64(I, 0));
        r.start = sel(I, pos, s1, s2);
        r.len = sel(I, pos, l1, l2);
    }
    r.unit = known && st == 1;
    r.whole = !s->a && !s->b && !s->c;
    return r;
}

Val vw_make(Inf *I, Val arr, Ref off, const Ref *dims, const Ref *strides, int nd, int layout, Node *at) {
    if (nd > KILN_MAXDIM) inf_fail(I, at, "arrays of more than %d dimensions are not supported", KILN_MAXDIM);
    Ref ops[2 + 2 * KILN_MAXDIM];
    ops[0] = arr.r; ops[1] = off;
    for (int k = 0; k < nd; k++) { ops[2 + k] = dims[k]; ops[2 + nd + k] = strides[k]; }
    const Type *t = ty_array(I->tt, arr.ty->dtype, nd, layout);
    return val_of(I, inf_emit(I, OP_MKVIEW, t, ops, (uint32_t)(2 + 2 * nd), 0));
}


/* a.real / a.imag of an array (not a lazy expression), as NumPy's: of a complex array a view of its float parts (the
 * item's first or second half, a's strides), so writes through it reach a; a real array's real part is a itself;
 * its imaginary part NumPy's zeros (ew_part) */
Val vw_part(Inf *I, Val a, bool imag, Node *at) {
    if (!dt_is_complex(a.ty->dtype)) return imag ? ew_part(I, a, OP_IMAG, at) : a;
    kiln_dtype ft = a.ty->dtype == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64;
    int nd = a.ty->ndim;
    Ref ops[2 + 2 * KILN_MAXDIM];
    ops[0] = a.r;
    ops[1] = inf_k64(I, imag ? (int64_t)kiln_dtype_size(ft) : 0);
    for (int k = 0; k < nd; k++) { ops[2 + k] = inf_dim(I, a, k); ops[2 + nd + k] = inf_stride(I, a, k); }
    return val_of(I, inf_emit(I, OP_MKVIEW, ty_array(I->tt, ft, nd, nd ? LAYOUT_ANY : LAYOUT_C), ops, (uint32_t)(2 + 2 * nd), 0));
}

/* diagonal k of the 2-d array a (NumPy's a.diagonal(k)): the view starting at (max(-k, 0),
 * max(k, 0)) with stride s0 + s1 and max(0, min(n0 - r0, n1 - c0)) elements; a k past either side
 * gives an empty view (its data pointer then a's own, never read) */
Val vw_diagonal(Inf *I, Val a, Ref k, Node *at) {
    const Type *i64 = inf_i64(I), *b = inf_bool(I);
    Ref zero = inf_k64(I, 0);
    Ref r0 = inf_sel(I, i64, inf_op2(I, OP_LT, b, k, zero), inf_op2(I, OP_SUB, i64, zero, k), zero);
    Ref c0 = inf_sel(I, i64, inf_op2(I, OP_GT, b, k, zero), k, zero);
    Ref nr = inf_op2(I, OP_SUB, i64, inf_dim(I, a, 0), r0), nc = inf_op2(I, OP_SUB, i64, inf_dim(I, a, 1), c0);
    Ref n = inf_sel(I, i64, inf_op2(I, OP_LT, b, nr, nc), nr, nc);
    n = inf_sel(I, i64, inf_op2(I, OP_GT, b, n, zero), n, zero);
    Ref s0 = inf_stride(I, a, 0), s1 = inf_stride(I, a, 1);
    Ref s = inf_op2(I, OP_ADD, i64, s0, s1);
    Ref off = inf_sel(I, i64, inf_op2(I, OP_GT, b, n, zero),
                      inf_op2(I, OP_ADD, i64, inf_op2(I, OP_MUL, i64, r0, s0), inf_op2(I, OP_MUL, i64, c0, s1)), zero);
    return vw_make(I, a, off, &n, &s, 1, LAYOUT_ANY, at);
}

/* a[...] where some index is a slice or np.newaxis */
Val vw_subscript(Inf *I, Node *sub, Val arr) {
    VwAdv adv;
    Val v = vw_subscript_adv(I, sub, arr, &adv);
    if (adv.axis >= 0) inf_fail(I, sub, "an index array together with slices is not supported here");
    return v;
}

/* the view of a[slices and integers], where one index may instead be an integer array (m[:, cols]): its axis is
 * then kept whole in the view and *adv says which it is (adv->axis -1: none), for fancy.c to take from or write into */
Val vw_subscript_adv(Inf *I, Node *sub, Val arr, VwAdv *adv) {
    const Type *t = arr.ty;
    adv->axis = -1;
    bool ints = false, newaxis = false;
    int used = 0;
    for (int i = 0; i < sub->nkids; i++) used += !vw_is_newaxis(sub->kids[i]);
    if (used > t->ndim)
        inf_fail(I, sub, "too many indices for array: array is %d-dimensional, but %d were indexed", t->ndim, used);
    Ref off = inf_k64(I, 0), dims[2 * KILN_MAXDIM], strides[2 * KILN_MAXDIM];
    int nd = 0, ax = 0;
    /* C-contiguous stays so through leading integers, one unit-step slice, then whole axes */
    int phase = t->layout == LAYOUT_C ? 0 : 2;
    for (int i = 0; i < sub->nkids && nd <= KILN_MAXDIM; i++) {
        Node *k = sub->kids[i];
        if (vw_is_newaxis(k)) {
            if (k->kind == N_ATTR) ex_expr(I, k); /* np.newaxis must name numpy's */
            dims[nd] = inf_k64(I, 1); strides[nd++] = inf_k64(I, 0);
            newaxis = true;
            continue;
        }
        Ref n = inf_dim(I, arr, ax), s = inf_stride(I, arr, ax);
        if (k->kind == N_SLICE) {
            Sl q = slice_of(I, k, n);
            /* an empty view keeps offset 0: a negative step's start may be -1 */
            Ref here = sel(I, op2(I, OP_GT, q.len, inf_k64(I, 0)), op2(I, OP_MUL, q.start, s), inf_k64(I, 0));
            off = op2(I, OP_ADD, off, here);
            dims[nd] = q.len; strides[nd++] = op2(I, OP_MUL, s, q.step);
            if (phase == 0) phase = q.unit ? 1 : 2;
            else if (phase == 1 && !q.whole) phase = 2;
        } else {
            Val x = ex_expr(I, k);
            if (x.ty->kind == T_LIST) x = ls_to_array(I, x, k);
            if (x.ew) x = ew_force(I, x, k);
            if (x.ty->kind == T_ARRAY && dt_is_int(x.ty->dtype) && x.ty->ndim == 1 && adv->axis < 0) {
                adv->idx = x; /* m[:, cols]: the axis kept whole here */
                adv->axis = nd;
                dims[nd] = n; strides[nd++] = s;
                phase = 2;
                ax++;
                continue;
            }
            if (x.ty->kind != T_SCALAR || !dt_is_int(x.ty->dtype))
                inf_fail(I, k, "only integers, slices (`:`), np.newaxis (`None`) and one 1-d integer array are valid "
                         "indices here, not %s", inf_tyname(I, x.ty));
            ints = true;
            x = ex_coerce(I, x, inf_i64(I), k);
            Ref ops[2] = {arr.r, x.r};
            Ref b = inf_emit(I, OP_BOUND, inf_i64(I), ops, 2, ax);
            if (!I->env->opt->boundscheck) I->f->ins.v[b].flags |= BOUND_NOCHECK;
            off = op2(I, OP_ADD, off, op2(I, OP_MUL, b, s));
            if (phase == 1) phase = 2;
        }
        ax++;
    }
    for (; ax < t->ndim && nd <= KILN_MAXDIM; ax++) { dims[nd] = inf_dim(I, arr, ax); strides[nd++] = inf_stride(I, arr, ax); }
    if (adv->axis >= 0 && (ints || newaxis)) /* NumPy moves the indexed axes to the front then: not done here */
        inf_fail(I, sub, "an index array with integer or np.newaxis indices beside it is not supported yet (with slices it is)");
    return vw_make(I, arr, off, dims, strides, nd, phase < 2 ? LAYOUT_C : LAYOUT_ANY, sub);
}

/* a view of a with axis k of a's axis order[k] (a permutation): a's layout where it is the identity */
Val vw_axes(Inf *I, Val a, const int *order, Node *at) {
    int nd = a.ty->ndim;
    Ref dims[KILN_MAXDIM], strides[KILN_MAXDIM];
    bool same = true;
    for (int k = 0; k < nd; k++) {
        dims[k] = inf_dim(I, a, order[k]);
        strides[k] = inf_stride(I, a, order[k]);
        same &= order[k] == k;
    }
    return vw_make(I, a, inf_k64(I, 0), dims, strides, nd, same ? a.ty->layout : LAYOUT_ANY, at);
}

/* a's axis k moved to the front (to: 0) or the front axis moved to k (to: k): a view */
Val vw_move_axis(Inf *I, Val a, int from, int to, Node *at) {
    int nd = a.ty->ndim, order[KILN_MAXDIM], n = 0;
    for (int k = 0; k < nd; k++) if (k != from) order[n++] = k;
    for (int k = n; k > to; k--) order[k] = order[k - 1];
    order[to] = from;
    return vw_axes(I, a, order, at);
}

/* a.T: the axes reversed */
Val vw_transpose(Inf *I, Val a, Node *at) {
    int nd = a.ty->ndim, order[KILN_MAXDIM];
    if (nd < 2) return a;
    for (int k = 0; k < nd; k++) order[k] = nd - 1 - k;
    return vw_axes(I, a, order, at);
}

/* a.transpose(axes), np.transpose(a, axes): a view with axis k of a's axes[k]; axes written as constants (n of them,
 * or one tuple or list of them), a permutation of a's axes (negative ones from the end) as NumPy checks it */
Val vw_permute(Inf *I, Val a, Node *const *axes, int n, Node *at) {
    int nd = a.ty->ndim;
    if (n == 1 && (axes[0]->kind == N_TUPLE || axes[0]->kind == N_LIST)) { n = axes[0]->nkids; axes = axes[0]->kids; }
    if (n != nd) inf_fail(I, at, "axes don't match array (%d axes for an array of dimension %d)", n, nd);
    int order[KILN_MAXDIM];
    unsigned seen = 0;
    for (int k = 0; k < nd; k++) {
        int64_t x = cl_const_int(I, axes[k], "an axis", "");
        if (x < -nd || x >= nd) inf_fail(I, axes[k], "axis %lld is out of bounds for array of dimension %d", (long long)x, nd);
        order[k] = (int)(x < 0 ? x + nd : x);
        if (seen & 1u << order[k]) inf_fail(I, axes[k], "repeated axis in transpose");
        seen |= 1u << order[k];
    }
    return vw_axes(I, a, order, at);
}

/* np.flip(a, axis): a view walking the axis (every axis: axis < 0) backwards: its stride negated, the offset at its
 * last element (0 when the axis is empty) */
Val vw_flip(Inf *I, Val a, int axis, Node *at) {
    int nd = a.ty->ndim;
    Ref dims[KILN_MAXDIM], strides[KILN_MAXDIM], off = inf_k64(I, 0), zero = inf_k64(I, 0);
    for (int k = 0; k < nd; k++) {
        dims[k] = inf_dim(I, a, k);
        strides[k] = inf_stride(I, a, k);
        if (axis >= 0 && k != axis) continue;
        Ref last = op2(I, OP_SUB, dims[k], inf_k64(I, 1));
        Ref ops[3] = {inf_op2(I, OP_GT, inf_bool(I), dims[k], zero), op2(I, OP_MUL, last, strides[k]), zero};
        off = op2(I, OP_ADD, off, inf_emit(I, OP_SELECT, inf_i64(I), ops, 3, 0));
        strides[k] = op2(I, OP_SUB, zero, strides[k]);
    }
    return vw_make(I, a, off, dims, strides, nd, LAYOUT_ANY, at);
}

/* np.rot90(a, k) in the plane of the first two axes, NumPy's way: flips and a transpose of those two axes, a view */
Val vw_rot90(Inf *I, Val a, int64_t k, Node *at) {
    k = ((k % 4) + 4) % 4;
    if (k == 0) return a;
    if (k == 2) return vw_flip(I, vw_flip(I, a, 0, at), 1, at);
    int nd = a.ty->ndim;
    Val t = k == 1 ? vw_flip(I, a, 1, at) : a;
    Ref dims[KILN_MAXDIM], strides[KILN_MAXDIM];
    for (int j = 0; j < nd; j++) { /* axes 0 and 1 swapped */
        int from = j == 0 ? 1 : j == 1 ? 0 : j;
        dims[j] = inf_dim(I, t, from);
        strides[j] = inf_stride(I, t, from);
    }
    Val r = vw_make(I, t, inf_k64(I, 0), dims, strides, nd, LAYOUT_ANY, at);
    return k == 1 ? r : vw_flip(I, r, 1, at);
}

/* the new shape of reshape(*args) or reshape(shape), one -1 inferred; ValueError when the sizes differ */
static int new_shape(Inf *I, Node *call, Val a, Ref *dims) {
    Node **kids = call->kids;
    int n = call->nkids;
    Val one = {0};
    if (n == 1) {
        one = ex_expr(I, kids[0]);
        if (one.ty->kind == T_TUPLE) n = one.ty->n;
    }
    if (n > KILN_MAXDIM) inf_fail(I, call, "arrays of more than %d dimensions are not supported", KILN_MAXDIM);
    Ref size = inf_k64(I, 1), known = inf_k64(I, 1), free_at = inf_k64(I, -1), nfree = inf_k64(I, 0);
    for (int k = 0; k < a.ty->ndim; k++) size = op2(I, OP_MUL, size, inf_dim(I, a, k));
    for (int k = 0; k < n; k++) {
        Val v = one.ty && one.ty->kind == T_TUPLE ? one.el[k] : one.ty ? one : ex_expr(I, kids[k]);
        Node *at = call->nkids == 1 ? kids[0] : kids[k];
        if (v.ty->kind != T_SCALAR || !dt_is_int(v.ty->dtype))
            inf_fail(I, at, "reshape() needs integer lengths, not %s", inf_tyname(I, v.ty));
        Ref d = ex_coerce(I, v, inf_i64(I), at).r;
        Ref m1 = op2(I, OP_EQ, d, inf_k64(I, -1));
        st_raise_if(I, op2(I, OP_AND, op2(I, OP_LT, d, inf_k64(I, 0)), op2(I, OP_NE, d, inf_k64(I, -1))),
                    "ValueError", "negative dimensions not allowed");
        nfree = op2(I, OP_ADD, nfree, sel(I, m1, inf_k64(I, 1), inf_k64(I, 0)));
        free_at = sel(I, m1, inf_k64(I, k), free_at);
        known = op2(I, OP_MUL, known, sel(I, m1, inf_k64(I, 1), d));
        dims[k] = d;
    }
    st_raise_if(I, op2(I, OP_GT, nfree, inf_k64(I, 1)), "ValueError", "can only specify one unknown dimension");
    /* the -1 length: size / known, which must divide exactly (known == 0 cannot be inferred) */
    Ref has = op2(I, OP_EQ, nfree, inf_k64(I, 1));
    Ref bad_free = op2(I, OP_AND, has, op2(I, OP_EQ, known, inf_k64(I, 0)));
    Ref safe = sel(I, op2(I, OP_EQ, known, inf_k64(I, 0)), inf_k64(I, 1), known);
    Ref q = op2(I, OP_FLOORDIV, size, safe);
    Ref bad = op2(I, OP_OR, bad_free, sel(I, has, op2(I, OP_NE, op2(I, OP_MUL, q, safe), size), op2(I, OP_NE, known, size)));
    st_raise_if(I, bad, "ValueError", "cannot reshape array into the shape asked for (the sizes differ)");
    for (int k = 0; k < n; k++) dims[k] = sel(I, op2(I, OP_EQ, free_at, inf_k64(I, k)), q, dims[k]);
    return n;
}

/* the view of a (no copy: yes) or of a C copy of it (no) with the q lengths dims and, on the view, the strides t (the
 * copy's are C's, an empty axis counting as 1 as in NumPy's strides of an empty view); decided when it runs, as
 * NumPy decides from the strides. layout: the result's type (the view's strides are whatever t says) */
static Val view_or_copy(Inf *I, Val a, Ref yes, const Ref *dims, const Ref *t, int q, int layout, Node *at) {
    uint32_t view = inf_block(I), copy = inf_block(I), join = inf_block(I);
    inf_branch(I, yes, view, copy);
    inf_seal(I, view); inf_seal(I, copy);
    Node *res = st_hidden(I, "$shape%d", at);
    I->cur = view;
    inf_assign(I, res, vw_make(I, a, inf_k64(I, 0), dims, t, q, layout, at));
    inf_jump(I, join);
    I->cur = copy;
    Val c = val_of(I, inf_emit(I, OP_ACOPY, ty_array(I->tt, a.ty->dtype, a.ty->ndim, LAYOUT_C), &a.r, 1, 0));
    Ref cs[KILN_MAXDIM], s = inf_k64(I, (int64_t)kiln_dtype_size((kiln_dtype)a.ty->dtype));
    for (int k = q - 1; k >= 0; k--) {
        cs[k] = s;
        s = op2(I, OP_MUL, s, sel(I, op2(I, OP_EQ, dims[k], inf_k64(I, 0)), inf_k64(I, 1), dims[k]));
    }
    inf_assign(I, res, vw_make(I, c, inf_k64(I, 0), dims, cs, q, layout, at));
    inf_jump(I, join);
    I->cur = join;
    inf_seal(I, join);
    return inf_read_name(I, res);
}

/* a's elements as a 1-d array in C order (NumPy's ravel): a view of a C-contiguous array — by its static layout, or,
 * for another, by its strides when it runs (each axis longer than 1 at the C stride; an empty array is contiguous)
 * — else a C copy */
Val vw_ravel(Inf *I, Val a, Node *at) {
    Ref size = inf_k64(I, 1);
    for (int k = 0; k < a.ty->ndim; k++) size = op2(I, OP_MUL, size, inf_dim(I, a, k));
    Ref s = inf_k64(I, (int64_t)kiln_dtype_size((kiln_dtype)a.ty->dtype));
    if (a.ty->layout == LAYOUT_C) return vw_make(I, a, inf_k64(I, 0), &size, &s, 1, LAYOUT_C, at);
    Ref ok = op2(I, OP_EQ, size, inf_k64(I, 0)), want = s, all = inf_const_i(I, inf_bool(I), 1);
    for (int k = a.ty->ndim - 1; k >= 0; k--) {
        Ref d = inf_dim(I, a, k);
        all = op2(I, OP_AND, all, op2(I, OP_OR, op2(I, OP_EQ, d, inf_k64(I, 1)), op2(I, OP_EQ, inf_stride(I, a, k), want)));
        want = op2(I, OP_MUL, want, d);
    }
    return view_or_copy(I, a, op2(I, OP_OR, ok, all), &size, &s, 1, LAYOUT_C, at);
}

/* NumPy's _attempt_nocopy_reshape in C order, unrolled over a's axes and the q new lengths n: the new strides into t,
 * and whether they exist. Axes of length 1 take no part. Two neighbouring axes k, r of a (r the next one to the right
 * longer than 1) merge where s_k = d_r s_r; where they do not, the count of elements below k (G_k, the product of
 * the lengths right of k) must also be one of the new shape's (F_j, the product right of j): then new axis j reads
 * the merged run of a's axes that holds a step of F_j elements, t_j = s_b F_j / G_b with b that run's last axis.
 * An empty array is copied (nothing to read; C strides). */
static Ref nocopy_strides(Inf *I, Val a, const Ref *n, int q, Ref *t) {
    int p = a.ty->ndim;
    Ref d[KILN_MAXDIM], s[KILN_MAXDIM], G[KILN_MAXDIM], F[KILN_MAXDIM], long1[KILN_MAXDIM], bs[KILN_MAXDIM], bG[KILN_MAXDIM];
    Ref one = inf_k64(I, 1), size = one, yes = inf_const_i(I, inf_bool(I), 1), no = inf_const_i(I, inf_bool(I), 0);
    for (int k = p - 1; k >= 0; k--) {
        d[k] = inf_dim(I, a, k); s[k] = inf_stride(I, a, k);
        G[k] = size;
        size = op2(I, OP_MUL, size, d[k]);
    }
    for (int j = q - 1, f = 0; j >= 0; j--, f = 1) F[j] = f ? op2(I, OP_MUL, F[j + 1], n[j + 1]) : one;
    Ref ok = op2(I, OP_NE, size, inf_k64(I, 0)), has_r = no, d_r = one, s_r = one, base_s = one, base_G = one;
    for (int k = p - 1; k >= 0; k--) {
        long1[k] = op2(I, OP_NE, d[k], one);
        Ref soft = op2(I, OP_AND, has_r, op2(I, OP_EQ, s[k], op2(I, OP_MUL, d_r, s_r)));
        Ref hard = op2(I, OP_AND, long1[k], op2(I, OP_AND, has_r, op2(I, OP_EQ, soft, no)));
        Ref cut = no;
        for (int j = 0; j < q; j++) cut = op2(I, OP_OR, cut, op2(I, OP_EQ, F[j], G[k]));
        ok = op2(I, OP_AND, ok, op2(I, OP_OR, op2(I, OP_EQ, hard, no), cut));
        bs[k] = sel(I, soft, base_s, s[k]);
        bG[k] = sel(I, soft, base_G, G[k]);
        has_r = sel(I, long1[k], yes, has_r);
        d_r = sel(I, long1[k], d[k], d_r); s_r = sel(I, long1[k], s[k], s_r);
        base_s = sel(I, long1[k], bs[k], base_s); base_G = sel(I, long1[k], bG[k], base_G);
    }
    Ref item = inf_k64(I, (int64_t)kiln_dtype_size((kiln_dtype)a.ty->dtype)), trail = item, f[KILN_MAXDIM];
    for (int j = 0; j < q; j++) {
        Ref ts = item, tG = one; /* no axis longer than 1 */
        for (int k = p - 1; k >= 0; k--) { /* the leftmost axis longer than 1 with G_k <= F_j */
            Ref c = op2(I, OP_AND, long1[k], op2(I, OP_LE, G[k], F[j]));
            ts = sel(I, c, bs[k], ts);
            tG = sel(I, c, bG[k], tG);
        }
        tG = sel(I, op2(I, OP_EQ, tG, inf_k64(I, 0)), one, tG); /* an empty array's (copied: no strides read) */
        f[j] = op2(I, OP_MUL, ts, op2(I, OP_FLOORDIV, F[j], tG));
        trail = sel(I, op2(I, OP_NE, n[j], one), f[j], trail); /* the last new axis longer than 1 */
    }
    /* a new axis of length 1 belongs to the run on its right: the stride of the axis after it times that one's
     * length; those after the last longer one take its stride (NumPy's last_stride) */
    Ref later = no;
    for (int j = q - 1; j >= 0; j--) {
        Ref is1 = op2(I, OP_EQ, n[j], one);
        t[j] = sel(I, is1, j + 1 < q ? sel(I, later, op2(I, OP_MUL, t[j + 1], n[j + 1]), trail) : trail, f[j]);
        later = op2(I, OP_OR, later, op2(I, OP_EQ, is1, no));
    }
    if (q == p) { /* the same shape: NumPy's view with a's own strides */
        Ref same = yes;
        for (int k = 0; k < p; k++) same = op2(I, OP_AND, same, op2(I, OP_EQ, n[k], d[k]));
        for (int k = 0; k < p; k++) t[k] = sel(I, same, s[k], t[k]);
        ok = op2(I, OP_OR, ok, same);
    }
    return ok;
}

/* reshape of a C-contiguous array is a view with C strides; of another layout a view wherever NumPy's reshape makes
 * one (nocopy_strides, decided when it runs), else a C copy */
/* the order argument of a.ravel(order) / a.flatten(order), the call's only one: whether it is 'F' (a.T in C order);
 * 'C' the default; 'A' and 'K' (orders that depend on the strides at run time) are refused */
bool vw_order_f(Inf *I, Node *call, Val a, const char *fname) {
    (void)a;
    Node *o = call->nkids ? call->kids[0] : NULL;
    if (call->nkids > 1) inf_fail(I, call, "%s() takes at most 1 argument (%d given)", fname, call->nkids);
    for (int k = 0; k < call->nkids2; k++) {
        if (strcmp(call->names[k], "order")) inf_fail(I, call->kids2[k], "'%s' is an invalid keyword argument for %s()", call->names[k], fname);
        if (o) inf_fail(I, call->kids2[k], "argument for %s() given by name ('order') and position (1)", fname);
        o = call->kids2[k];
    }
    if (!o || o->kind == N_NONE) return false;
    if (o->kind != N_STR || !o->name[0] || o->name[1] || !strchr("CFAKcfak", o->name[0]))
        inf_fail(I, o, "order must be one of 'C', 'F', 'A', or 'K' written in the call");
    char c = (char)(o->name[0] & ~0x20);
    if (c == 'A' || c == 'K') inf_fail(I, o, "%s(order='%c') is not supported yet ('C' and 'F' are)", fname, c);
    return c == 'F';
}

Val vw_reshape(Inf *I, Node *call, Val a, bool ravel) {
    Ref dims[KILN_MAXDIM], strides[KILN_MAXDIM];
    int nd;
    if (ravel) return vw_ravel(I, vw_order_f(I, call, a, "ravel") ? vw_transpose(I, a, call) : a, call);
    if (call->nkids2) inf_fail(I, call, "reshape() takes no keyword arguments here");
    if (!call->nkids) inf_fail(I, call, "reshape() takes at least 1 argument (0 given)");
    nd = new_shape(I, call, a, dims);
    if (a.ty->layout != LAYOUT_C) {
        Ref ok = nocopy_strides(I, a, dims, nd, strides);
        return view_or_copy(I, a, ok, dims, strides, nd, LAYOUT_ANY, call);
    }
    Ref s = inf_k64(I, (int64_t)kiln_dtype_size((kiln_dtype)a.ty->dtype));
    for (int k = nd - 1; k >= 0; k--) { /* an empty axis counts as length 1 here (NumPy's strides of an empty view) */
        strides[k] = s;
        Ref empty = inf_op2(I, OP_EQ, inf_bool(I), dims[k], inf_k64(I, 0));
        s = op2(I, OP_MUL, s, inf_sel(I, inf_i64(I), empty, inf_k64(I, 1), dims[k]));
    }
    if (nd == a.ty->ndim) { /* the same shape: NumPy's view keeps a's strides (a length-1 axis's may be any) */
        Ref same = inf_const_i(I, inf_bool(I), 1);
        for (int k = 0; k < nd; k++) same = op2(I, OP_AND, same, op2(I, OP_EQ, dims[k], inf_dim(I, a, k)));
        for (int k = 0; k < nd; k++) strides[k] = sel(I, same, inf_stride(I, a, k), strides[k]);
    }
    return vw_make(I, a, inf_k64(I, 0), dims, strides, nd, LAYOUT_C, call);
}
