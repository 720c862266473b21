/*
 * list.c — Python lists in kernels: displays, indexing, slicing, methods,
 * operators, list() and sorted(), np.array of a list.
 *
 * A list is one value, the address of a run-time RtList (rt/run.h), so
 * `b = a` aliases as in Python. Its items are one type (ty_item): a scalar
 * or a list; they sit in a plain 1-d C array, so reading and writing an item
 * is OP_LVIEW (the array as it is now) and the ordinary LOAD / STORE, which
 * every tier compiles well. A view is taken afresh for every access, since
 * anything that grows a list (OP_LIB's LIB_LIST_* routines) may move its
 * items. Indexes are checked here, with CPython's messages ("list index out
 * of range"), not by OP_BOUND (NumPy's).
 *
 * An empty list (`x = []`) has no item type until something is put in it:
 * the first append to a variable holding one records the type as a hint
 * (infer.c) and inference restarts, and the next round makes the list typed.
 * Item types do not widen: a list of ints cannot take a float, which would
 * change what its items print as (kiln says so and names both types).
 */
#include "infer.h"
#include "../ir/lib.h"
#include "../rt/run.h"
#include <stdio.h>
#include <string.h>

static Val mk(Inf *I, Ref r) { return val_of(I, r); }
static Val none(Inf *I) { return mk(I, inf_static(I, &I->tt->none)); }
static Val unknown(Inf *I) { return mk(I, inf_static(I, &I->tt->unknown)); }
static const Type *i64s(Inf *I) { return ty_scalar(I->tt, KILN_INT64, false); }

static const Type *list_of(Inf *I, const Type *item) {
    const Type *t = ty_list(I->tt, item);
    if (!t) inf_oom(I);
    return t;
}

/* a list of item of lt's kind: a deque when lt is one */
static const Type *list_like(Inf *I, const Type *lt, const Type *item) {
    const Type *t = ty_list_as(I->tt, item, lt->layout);
    if (!t) inf_oom(I);
    return t;
}


/* whether a list's item type is not (wholly) known yet: unknown, or a list or a tuple with an unknown part
 * (an earlier round's hint, made before the part's type was: [(i, a) for a in arrs] while arrs was untyped) */
static bool untyped(const Type *t) {
    if (t->kind == T_TUPLE) {
        for (int i = 0; i < t->n; i++) if (untyped(t->elems[i])) return true;
        return false;
    }
    return t->kind == T_UNKNOWN || (t->kind == T_LIST && untyped(ty_item(t)));
}

static const Type *item_join(Inf *I, const Type *a, const Type *b);
static Val list_of_value(Inf *I, Val v, Node *it, Node *call);
static Val iterable(Inf *I, Node *it);

static Ref lib(Inf *I, const Type *t, int routine, const Ref *ops, int n) { return inf_emit(I, OP_LIB, t, ops, (uint32_t)n, routine); }

static Val new_list(Inf *I, const Type *lt, Ref n) { return mk(I, lib(I, lt, LIB_LIST_NEW, &n, 1)); }

Val ls_view(Inf *I, Val l) { return mk(I, inf_emit(I, OP_LVIEW, ty_array(I->tt, ty_item_dtype(l.ty), 1, LAYOUT_C), &l.r, 1, 0)); }

Ref ls_len(Inf *I, Val l) { return inf_dim(I, ls_view(I, l), 0); }

/* a leaf of a tuple item: the column of the list's records at slot offset off, as a 1-d array of the leaf's
 * storage dtype (every tier reads it with its ordinary loads and stores) */
static Val column(Inf *I, Val view, const Type *leaf, int off) {
    const Type *t = ty_array(I->tt, leaf->kind == T_SCALAR ? leaf->dtype : KILN_INT64, 1, LAYOUT_ANY);
    Ref ops[4] = {view.r, inf_k64(I, 8 * off), inf_dim(I, view, 0), inf_stride(I, view, 0)};
    return mk(I, inf_emit(I, OP_MKVIEW, t, ops, 4, 0));
}

/* item type t at slot offset off of the records in view, at index k (valid); off -1: a whole item, not a leaf */
static Val load_at(Inf *I, const Type *t, Val view, Ref k, int off) {
    if (t->kind == T_TUPLE) {
        Val v = {0};
        v.ty = t; v.str = -1;
        v.el = arena_alloc(I->a, sizeof(Val) * (size_t)(t->n ? t->n : 1));
        if (!v.el) inf_oom(I);
        for (int i = 0, o = off < 0 ? 0 : off; i < t->n; o += slots_of(t->elems[i]), i++) v.el[i] = load_at(I, t->elems[i], view, k, o);
        return v;
    }
    if (t->kind == T_ARRAY) { /* its descriptor's slots; the array is a view of the memory its data address names:
                                 MKVIEW of the list's own view, offset by that address less the view's */
        int nd = t->ndim, o = off < 0 ? 0 : off;
        Ref ops[2 + 2 * KILN_MAXDIM];
        ops[0] = view.r;
        for (int j = 0; j < 1 + 2 * nd; j++) ops[1 + j] = inf_load(I, column(I, view, i64s(I), o + j).r, i64s(I), &k, 1);
        ops[1] = inf_op2(I, OP_SUB, i64s(I), ops[1], inf_emit(I, OP_DATA, i64s(I), &view.r, 1, 0));
        return mk(I, inf_emit(I, OP_MKVIEW, t, ops, (uint32_t)(2 + 2 * nd), 0));
    }
    Val c = off < 0 ? view : column(I, view, t, off);
    if (t->kind == T_LIST) return mk(I, inf_emit(I, OP_CAST, t, (Ref[]){inf_load(I, c.r, i64s(I), &k, 1)}, 1, 0));
    return mk(I, inf_load(I, c.r, t, &k, 1));
}

static void store_at(Inf *I, const Type *t, Val view, Val v, Ref k, int off) {
    if (t->kind == T_TUPLE) {
        for (int i = 0, o = off < 0 ? 0 : off; i < t->n; o += slots_of(t->elems[i]), i++) store_at(I, t->elems[i], view, v.el[i], k, o);
        return;
    }
    if (t->kind == T_ARRAY) { /* its descriptor: data address, extents, strides */
        int nd = t->ndim, o = off < 0 ? 0 : off;
        for (int j = 0; j < 1 + 2 * nd; j++) {
            Ref x = j == 0 ? inf_emit(I, OP_DATA, i64s(I), &v.r, 1, 0)
                  : j <= nd ? inf_emit(I, OP_DIM, i64s(I), &v.r, 1, j - 1) : inf_emit(I, OP_STRIDE, i64s(I), &v.r, 1, j - 1 - nd);
            inf_store(I, column(I, view, i64s(I), o + j).r, x, &k, 1);
        }
        return;
    }
    Val c = off < 0 ? view : column(I, view, t, off);
    Ref x = t->kind == T_LIST ? inf_emit(I, OP_CAST, i64s(I), &v.r, 1, 0) : v.r; /* a list: its address */
    inf_store(I, c.r, x, &k, 1);
}

/* the item at index k (valid) of the list's view */
static Val load_item(Inf *I, const Type *lt, Val view, Ref k) {
    const Type *it = ty_item(lt);
    if (it->kind == T_UNKNOWN) { /* an untyped list is empty: what uses its item is dead code, folded away */
        st_raise_if(I, inf_const_i(I, inf_bool(I), 1), "IndexError", "list index out of range");
        return unknown(I);
    }
    return load_at(I, it, view, k, -1);
}

Val ls_item(Inf *I, Val l, Ref k) { return load_item(I, l.ty, ls_view(I, l), k); }

Val ls_list_of_untyped(Inf *I) { return new_list(I, list_of(I, &I->tt->unknown), inf_k64(I, 0)); }

Val ls_new(Inf *I, const Type *item) { return new_list(I, list_of(I, item), inf_k64(I, -1)); }

static void append(Inf *I, Val l, Val v);
void ls_append(Inf *I, Val l, Val v) { append(I, l, v); }

void ls_set_item(Inf *I, Val l, Ref k, Val v) { store_at(I, ty_item(l.ty), ls_view(I, l), v, k, -1); }

/* the operands an item is to a list routine: its leaves (a tuple's, in order) */
static int item_ops(Inf *I, Val v, Ref *out, int cap) { return cl_flatten(I, v, out, cap); }

/* the type two items of one list share, or NULL: one kind of number (a Python number beside NumPy's
 * of its kind is the Python type; two NumPy types promote), lists or tuples whose items share one */
const Type *ls_item_join(Inf *I, const Type *a, const Type *b) { return item_join(I, a, b); }

static const Type *item_join(Inf *I, const Type *a, const Type *b) {
    if (a == b) return a;
    if (a->kind == T_UNKNOWN) return b;
    if (b->kind == T_UNKNOWN) return a;
    if (a->kind == T_SCALAR && b->kind == T_SCALAR && dt_kind(a->dtype) == dt_kind(b->dtype)) {
        if (a->weak) return a;
        if (b->weak) return b;
        return ty_scalar(I->tt, dt_promote(a->dtype, b->dtype), false);
    }
    if (a->kind == T_LIST && b->kind == T_LIST && a->layout == b->layout) { /* a deque is no list */
        const Type *j = item_join(I, ty_item(a), ty_item(b));
        return j ? list_like(I, a, j) : NULL;
    }
    if (a->kind == T_ARRAY && b->kind == T_ARRAY && a->dtype == b->dtype && a->ndim == b->ndim) /* C-contiguous or any */
        return ty_array(I->tt, (kiln_dtype)a->dtype, a->ndim, a->layout == b->layout ? a->layout : LAYOUT_ANY);
    if (a->kind == T_TUPLE && b->kind == T_TUPLE && a->n == b->n && a->n <= TY_TUPLE_MAX && a->names == b->names) {
        const Type *e[TY_TUPLE_MAX]; /* (a Point is no plain tuple) */
        for (int i = 0; i < a->n; i++) if (!(e[i] = item_join(I, a->elems[i], b->elems[i]))) return NULL;
        const Type *t = ty_tuple_as(I->tt, a, e, a->n);
        if (!t) inf_oom(I);
        return t;
    }
    return NULL;
}

static void check_item_kind(Inf *I, const Type *t, Node *at) {
    if (t->kind == T_SCALAR || t->kind == T_LIST || t->kind == T_UNKNOWN || t->kind == T_STRING) return;
    if (t->kind == T_TUPLE) {
        for (int i = 0; i < t->n; i++) check_item_kind(I, t->elems[i], at);
        if (slots_of(t) > KILN_MAX_ITEM_SLOTS) inf_fail(I, at, "a list's tuples may have at most %d values", KILN_MAX_ITEM_SLOTS);
        return;
    }
    if (t->kind == T_ARRAY || (t->kind == T_SET && ty_item(t)->kind != T_UNKNOWN)) return;
    if (t->kind == T_SET) inf_fail(I, at, "a list cannot hold an empty set whose key type kiln cannot tell yet (start it with a key)");
    inf_fail(I, at, "a list cannot hold a %s yet (kiln lists hold numbers, arrays, sets, lists and tuples of them)", ty_name(t));
}

/* v as an item of a list whose items are `item`: the same kind of number, a list of the same items, a tuple
 * whose items fit in turn */
static Val fit(Inf *I, const Type *item, Val v, Node *at) {
    if (v.ew) v = ew_force(I, v, at);
    v = tx_value(I, v); /* a string literal: made at run time */
    if (v.ty == item || v.ty->kind == T_UNKNOWN) return v;
    check_item_kind(I, v.ty, at);
    const Type *j = item_join(I, item, v.ty);
    /* a number of the items' kind is converted (a Python float into a list of np.float64 items) */
    if (v.ty->kind == T_SCALAR && item->kind == T_SCALAR && dt_kind(v.ty->dtype) == dt_kind(item->dtype)) return ex_coerce(I, v, item, at);
    if (j == item && v.ty->kind == T_TUPLE) {
        Val t = v;
        t.ty = item;
        t.el = arena_alloc(I->a, sizeof(Val) * (size_t)(item->n ? item->n : 1));
        if (!t.el) inf_oom(I);
        for (int i = 0; i < item->n; i++) t.el[i] = fit(I, item->elems[i], v.el[i], at);
        return t;
    }
    if (j == item) return v; /* a list whose items are untyped: it is empty */
    char a[96], b[96];
    ty_str(item, a, sizeof a);
    ty_str(v.ty, b, sizeof b);
    inf_fail(I, at, "a list of %s cannot hold %s %s: a kiln list holds items of one type (write the list's first items "
             "in the type it will hold, e.g. 0.0 for floats)", a, v.ty->kind == T_LIST ? "a" : "a value of type", b);
}

static void put(Inf *I, Val view, Val v, Ref k) { store_at(I, v.ty, view, v, k, -1); }

/* [a, b, c] */
/* [a, *b, c]: the runs of plain items and list(x) of each starred x, joined with + (new lists all) */
static Val starred_display(Inf *I, Node *n) {
    Val acc = {0};
    for (int i = 0; i < n->nkids;) {
        Val part;
        if (n->kids[i]->kind == N_STARRED) {
            Node *c = inf_node(I, N_CALL, n->kids[i]);
            c->kids = &n->kids[i]->a;
            c->nkids = 1;
            part = ls_list_call(I, c);
            i++;
        } else {
            int j = i;
            while (j < n->nkids && n->kids[j]->kind != N_STARRED) j++;
            Node *d = inf_node(I, N_LIST, n->kids[i]);
            d->kids = n->kids + i;
            d->nkids = j - i;
            part = ls_display(I, d);
            i = j;
        }
        acc = acc.ty ? ls_binop(I, TK_PLUS, acc, part, n) : part;
    }
    return acc;
}

Val ls_display(Inf *I, Node *n) {
    if (!n->nkids) return new_list(I, list_of(I, &I->tt->unknown), inf_k64(I, 0));
    for (int i = 0; i < n->nkids; i++) if (n->kids[i]->kind == N_STARRED) return starred_display(I, n);
    Val *vals = arena_alloc(I->a, sizeof(Val) * (size_t)n->nkids);
    if (!vals) inf_oom(I);
    for (int i = 0; i < n->nkids; i++) vals[i] = ex_expr(I, n->kids[i]);
    return ls_display_of(I, n, vals);
}

Val ls_display_of(Inf *I, Node *n, Val *vals) {
    if (!n->nkids) return new_list(I, list_of(I, &I->tt->unknown), inf_k64(I, 0));
    const Type *item = NULL;
    int first = 0;
    for (int i = 0; i < n->nkids; i++) {
        if (vals[i].ty->kind == T_UNKNOWN) return unknown(I);
        vals[i] = tx_value(I, vals[i]);
        check_item_kind(I, vals[i].ty, n->kids[i]);
        const Type *j = item ? item_join(I, item, vals[i].ty) : vals[i].ty;
        if (!j) {
            char a[96], b[96];
            ty_str(vals[first].ty, a, sizeof a);
            ty_str(vals[i].ty, b, sizeof b);
            inf_fail(I, n->kids[i], "a list's items must have one type: item %d is %s, item %d is %s (write 1.0, not 1, "
                     "for a float)", first + 1, a, i + 1, b);
        }
        if (j != item) first = i;
        item = j;
    }
    Val l = new_list(I, list_of(I, item), inf_k64(I, n->nkids));
    Val view = ls_view(I, l);
    for (int i = 0; i < n->nkids; i++) put(I, view, fit(I, item, vals[i], n->kids[i]), inf_k64(I, i));
    return l;
}

/* a slice bound: an integer */
static Ref int_index(Inf *I, Node *n) {
    Val x = ex_expr(I, n);
    if (x.ty->kind != T_SCALAR || !dt_is_intlike(x.ty->dtype))
        inf_fail(I, n, "slice indices must be integers or None or have an __index__ method");
    return ex_coerce(I, x, inf_i64(I), n).r;
}

/* CPython's index check: i wraps once if negative, then must be in [0, n) (dq: a deque's, with its messages; else
 * msg, the list's IndexError) */
static Ref checked_index(Inf *I, Val view, Node *kn, bool dq, const char *msg) {
    if (dq) msg = "deque index out of range";
    Val x = ex_expr(I, kn);
    if (x.ty->kind == T_UNKNOWN) return 0;
    if (x.ty->kind != T_SCALAR || !dt_is_intlike(x.ty->dtype)) {
        if (dq) inf_fail(I, kn, "sequence index must be integer, not '%s'", inf_tyname(I, x.ty));
        inf_fail(I, kn, "list indices must be integers or slices, not %s", inf_tyname(I, x.ty));
    }
    Ref i = ex_coerce(I, x, inf_i64(I), kn).r, n = inf_dim(I, view, 0), zero = inf_k64(I, 0);
    Ref j = inf_sel(I, inf_i64(I), inf_op2(I, OP_LT, inf_bool(I), i, zero), inf_op2(I, OP_ADD, inf_i64(I), i, n), i);
    Ref bad = inf_op2(I, OP_OR, inf_bool(I), inf_op2(I, OP_LT, inf_bool(I), j, zero), inf_op2(I, OP_GE, inf_bool(I), j, n));
    st_raise_if(I, bad, "IndexError", msg);
    return j;
}

/* one index; a deque takes no slice (CPython's TypeError) */
static void one_index(Inf *I, Node *sub, Val l) {
    if (sub->nkids != 1) inf_fail(I, sub, ty_is_deque(l.ty) ? "sequence index must be integer, not 'tuple'" : "list indices must be integers or slices, not tuple");
    if (ty_is_deque(l.ty) && sub->kids[0]->kind == N_SLICE) inf_fail(I, sub->kids[0], "sequence index must be integer, not 'slice'");
}

/* l[i] (an item) or l[a:b:c] (a new list) */
Val ls_subscript(Inf *I, Node *sub, Val l) {
    one_index(I, sub, l);
    Val view = ls_view(I, l);
    if (sub->kids[0]->kind == N_SLICE) {
        if (ty_item(l.ty)->kind == T_UNKNOWN) return l; /* empty: so is every slice (a copy is made next round) */
        Val part = vw_subscript(I, sub, view);
        return mk(I, lib(I, l.ty, LIB_LIST_FROM, &part.r, 1));
    }
    Ref j = checked_index(I, view, sub->kids[0], ty_is_deque(l.ty), "list index out of range");
    if (!j) return unknown(I);
    return load_item(I, l.ty, view, j);
}

/* m (a list, or a 1-d array) as a list of lt's items: the same list, or its numbers converted to lt's kind of
 * number (NumPy items into a list of Python numbers of their kind) */
static Val items_for(Inf *I, Val m, const Type *lt, Node *at) {
    const Type *want = ty_item(lt);
    if (m.ty->kind == T_ARRAY && m.ty->ndim == 1) {
        if (want->kind == T_SCALAR && dt_kind(m.ty->dtype) == dt_kind(want->dtype)) {
            Val c = m.ty->dtype == want->dtype ? m : la_cast(I, m, want->dtype, at);
            return mk(I, lib(I, lt, LIB_LIST_FROM, &c.r, 1));
        }
        m = mk(I, lib(I, list_of(I, ty_scalar(I->tt, m.ty->dtype, false)), LIB_LIST_FROM, &m.r, 1));
    }
    if (m.ty->kind != T_LIST) inf_fail(I, at, "a list or a 1-d array is needed here, not %s", inf_tyname(I, m.ty));
    const Type *have = ty_item(m.ty);
    if (have == want) return m;
    if (untyped(have)) return new_list(I, lt, inf_k64(I, 0)); /* nothing in it */
    if (have->kind == T_SCALAR && want->kind == T_SCALAR && dt_kind(have->dtype) == dt_kind(want->dtype)) {
        Val c = la_cast(I, ls_view(I, m), want->dtype, at);
        return mk(I, lib(I, lt, LIB_LIST_FROM, &c.r, 1));
    }
    if (untyped(want) && item_join(I, want, have) == have) return m;
    inf_fail(I, at, "cannot put %s items into a list of %s: a kiln list holds items of one type", inf_tyname(I, have), inf_tyname(I, want));
}

/* l[a:b:c] = m and del l[a:b:c] with a step (m NULL: del), as CPython's list does them: the positions the slice
 * names (range(len(l))[a:b:c], CPython's clamping), m's items (any iterable) one to a position, or those positions'
 * items dropped in one pass keeping the others' order. A step that is 1 when the code runs (a variable) splices as
 * a plain slice does; 0 raises "slice step cannot be zero" (the slice of the positions does). A text lowered here. */
static void extended_slice(Inf *I, Node *sl, Val l, Val *m, Node *at) {
    char buf[1536];
    ItText t = {buf, sizeof buf, 0, I, at, "an extended slice"};
    Node *args[5];
    int na = 0;
    args[na++] = it_held(I, at, 0, l);
    if (m) args[na++] = it_held(I, at, 1, *m);
    bool ga = sl->a && sl->a->kind != N_NONE, gb = sl->b && sl->b->kind != N_NONE;
    if (ga) args[na++] = sl->a;
    if (gb) args[na++] = sl->b;
    args[na++] = sl->c;
    const char *a = ga ? "a" : "", *b = gb ? "b" : "";
    it_put(&t, "def %s(l%s%s%s, c):\n", m ? "assign" : "delete", m ? ", m" : "", ga ? ", a" : "", gb ? ", b" : "");
    it_put(&t, "    idx = list(range(len(l)))[%s:%s:c]\n", a, b);
    if (sl->c->kind != N_INT) /* a step known only when it runs: 1 is a plain slice */
        it_put(&t, "    if c == 1:\n        %sl[%s:%s]%s\n        return\n", m ? "" : "del ", a, b, m ? " = m" : "");
    if (m)
        it_put(&t, "    vals = list(m)\n    if len(vals) != len(idx):\n"
                   "        raise ValueError(f'attempt to assign sequence of size {len(vals)} to extended slice of size {len(idx)}')\n"
                   "    for k in range(len(idx)):\n        l[idx[k]] = vals[k]\n");
    else
        it_put(&t, "    if len(idx) == 0:\n        return\n    drop = [False] * len(l)\n    for j in idx:\n        drop[j] = True\n"
                   "    w = 0\n    for i in range(len(l)):\n        if not drop[i]:\n            l[w] = l[i]\n            w += 1\n"
                   "    del l[w:]\n");
    it_inline(I, at, t.buf, t.n, m ? "<list slice assignment>" : "<list slice deletion>", args, na);
}

/* l[a:b] = m: m's items (a list of l's items, a 1-d array, a tuple) in place of the slice's; m NULL: del */
static void splice(Inf *I, Node *sl, Val l, Val *m, Node *at) {
    if (sl->c && !(sl->c->kind == N_NONE || (sl->c->kind == N_INT && sl->c->v.i == 1))) { extended_slice(I, sl, l, m, at); return; }
    Val with = m ? items_for(I, *m, l.ty, at) : new_list(I, l.ty, inf_k64(I, 0));
    int given = (sl->a && sl->a->kind != N_NONE) | (sl->b && sl->b->kind != N_NONE) << 1;
    Ref ops[4] = {l.r, given & 1 ? int_index(I, sl->a) : inf_k64(I, 0), given & 2 ? int_index(I, sl->b) : inf_k64(I, 0), with.r};
    lib(I, NULL, LIB_LIST_SPLICE | given << 8, ops, 4);
}

/* del l[i] / del l[a:b] */
void ls_delete(Inf *I, Node *sub, Val l) {
    one_index(I, sub, l);
    if (sub->kids[0]->kind == N_SLICE) { splice(I, sub->kids[0], l, NULL, sub); return; }
    Val view = ls_view(I, l);
    Ref j = checked_index(I, view, sub->kids[0], ty_is_deque(l.ty), "list assignment index out of range");
    if (!j || ty_item(l.ty)->kind == T_UNKNOWN) return;
    Ref ops[2] = {l.r, j};
    lib(I, NULL, LIB_LIST_POP, ops, 2);
}

/* l[i] = v */
void ls_store(Inf *I, Node *sub, Val l, Val v) {
    one_index(I, sub, l);
    if (sub->kids[0]->kind == N_SLICE) {
        if (v.ew) v = ew_force(I, v, sub);
        if (v.ty->kind != T_UNKNOWN) splice(I, sub->kids[0], l, &v, sub);
        return;
    }
    if (v.ew) v = ew_force(I, v, sub);
    if (v.ty->kind == T_UNKNOWN) return;
    const Type *item = ty_item(l.ty);
    Val view = ls_view(I, l);
    Ref j = checked_index(I, view, sub->kids[0], ty_is_deque(l.ty), "list assignment index out of range");
    if (!j || item->kind == T_UNKNOWN) return; /* an empty list: the check raised */
    put(I, view, fit(I, item, v, sub), j);
}

/* l[i] op= v: the item read and written at one checked index */
void ls_augassign(Inf *I, Node *s, Val l) {
    Node *sub = s->a;
    one_index(I, sub, l);
    if (sub->kids[0]->kind == N_SLICE) inf_fail(I, sub, "augmented assignment to a slice of a list is not supported yet");
    Val view = ls_view(I, l);
    Ref j = checked_index(I, view, sub->kids[0], ty_is_deque(l.ty), "list index out of range");
    if (!j || ty_item(l.ty)->kind == T_UNKNOWN) return;
    Val cur = load_item(I, l.ty, view, j);
    if (cur.ty->kind == T_ARRAY) { st_inplace(I, s, cur); return; } /* the array's own elements change, as in NumPy */
    Val r = ex_binop(I, s->op, cur, ex_expr(I, s->b), s, s->b);
    if (r.ty->kind == T_UNKNOWN) return;
    put(I, view, fit(I, ty_item(l.ty), r, s), j);
}

/* ---- methods ---- */

static void nargs(Inf *I, Node *call, Val l, const char *m, int lo, int hi) {
    if (ty_is_deque(l.ty)) {
        if (call->nkids2) inf_fail(I, call->kids2[0], "deque.%s() takes no keyword arguments", m);
        if (call->nkids >= lo && call->nkids <= hi) return;
        if (!hi) inf_fail(I, call, "deque.%s() takes no arguments (%d given)", m, call->nkids);
        if (lo == 1 && hi == 1) inf_fail(I, call, "deque.%s() takes exactly one argument (%d given)", m, call->nkids);
        if (lo == hi) inf_fail(I, call, "%s() takes exactly %d arguments (%d given)", m, lo, call->nkids);
        inf_fail(I, call, call->nkids < lo ? "%s() takes at least %d argument (%d given)" : "%s() takes at most %d arguments (%d given)",
                 m, call->nkids < lo ? lo : hi, call->nkids);
    }
    if (call->nkids2) inf_fail(I, call->kids2[0], "list.%s() takes no keyword arguments", m);
    if (call->nkids < lo || call->nkids > hi) {
        if (lo == hi) inf_fail(I, call, "list.%s() takes exactly %d argument%s (%d given)", m, lo, lo == 1 ? "" : "s", call->nkids);
        inf_fail(I, call, "list.%s() takes %d to %d arguments (%d given)", m, lo, hi, call->nkids);
    }
}

/* an item v going into l: an untyped list learns v's type (and the round restarts) */
static bool typed_for(Inf *I, Node *recv, Val l, Val v, Node *at) {
    if (v.ty->kind == T_UNKNOWN) return false;
    const Type *item = ty_item(l.ty);
    if (!untyped(item)) { /* a value of a wider number type than an earlier round saw: the hint widens */
        if (!item_join(I, item, v.ty) && inf_list_widen(I, recv, v.ty)) return false;
        return true;
    }
    check_item_kind(I, v.ty, at);
    const Type *j = item_join(I, item, v.ty);
    if (j == item) return true; /* an empty list into a list of untyped lists */
    if (!j) fit(I, item, v, at); /* the error */
    inf_list_learn(I, recv, j, at);
    return false;
}

static Ref int_operand(Inf *I, Node *n, const char *what) {
    Val x = ex_expr(I, n);
    if (x.ty->kind == T_UNKNOWN) return inf_k64(I, 0);
    if (x.ty->kind != T_SCALAR || !dt_is_intlike(x.ty->dtype)) inf_fail(I, n, "%s must be an integer, not %s", what, inf_tyname(I, x.ty));
    return ex_coerce(I, x, inf_i64(I), n).r;
}

/* x in l / l.count(x) for an x of a higher kind than l's items (a float among ints): Python's == item by item */
typedef struct FindLoop { Val l, x; Node *acc, *at; int mode; } FindLoop;

static void find_step(Inf *I, Ref k, void *p) {
    FindLoop *q = p;
    Val hit = ex_compare(I, TK_EQ, ls_item(I, q->l, k), q->x, q->at);
    Val acc = inf_read_name(I, q->acc);
    Ref r = q->mode == LIST_FIND_IN ? inf_op2(I, OP_OR, inf_bool(I), acc.r, hit.r)
                                    : inf_op2(I, OP_ADD, inf_i64(I), acc.r, ex_coerce(I, hit, inf_i64(I), q->at).r);
    inf_assign(I, q->acc, mk(I, r));
}

static Val find_loop(Inf *I, Val l, Val x, int mode, Node *at) {
    FindLoop q = {l, x, st_hidden(I, "$find%d", at), at, mode};
    inf_assign(I, q.acc, mk(I, mode == LIST_FIND_IN ? inf_const_i(I, inf_bool(I), 0) : inf_k64(I, 0)));
    st_loop(I, at, "$findk%d", ls_len(I, l), find_step, &q);
    return inf_read_name(I, q.acc);
}

/* whether items of type t hold arrays (a tuple's parts, nested lists' items) */
static bool holds_array(const Type *t) {
    if (t->kind == T_ARRAY) return true;
    if (t->kind == T_LIST) return holds_array(ty_item(t));
    if (t->kind == T_TUPLE) for (int i = 0; i < t->n; i++) if (holds_array(t->elems[i])) return true;
    return false;
}

/* CPython compares list items with ==, an identity test first: for arrays that is NumPy's elementwise
 * == (whose truth is ambiguous) unless the item is the very object, which kiln cannot tell */
static void no_array_compare(Inf *I, const Type *item, Node *at) {
    if (holds_array(item))
        inf_fail(I, at, "comparing the arrays of a list (in, ==, index, count, remove) is not supported: NumPy's == of arrays is "
                 "elementwise and its truth ambiguous");
}

static Val find(Inf *I, Val l, Val x, int mode, Ref start, Ref stop, Node *at) {
    const Type *item = ty_item(l.ty);
    int dq = mode & LIST_FIND_DEQUE; /* rides along to the routine: its message */
    mode &= ~LIST_FIND_DEQUE;
    no_array_compare(I, item, at);
    const Type *rt = mode == LIST_FIND_IN ? inf_bool(I) : mode == LIST_FIND_REMOVE ? NULL : inf_i64(I);
    if (item->kind == T_UNKNOWN || x.ty->kind == T_UNKNOWN) { /* an empty list: nothing is in it */
        if (mode == LIST_FIND_IN || mode == LIST_FIND_COUNT) return mk(I, inf_const_i(I, rt, 0));
        st_raise_if(I, inf_const_i(I, inf_bool(I), 1), "ValueError", dq ? "x is not in deque (an empty deque)"
                    : mode == LIST_FIND_REMOVE ? "list.remove(x): x not in list" : "list.index(x): x not in list");
        return mode == LIST_FIND_REMOVE ? none(I) : mk(I, inf_k64(I, 0));
    }
    if (x.ew) x = ew_force(I, x, at);
    if (x.ty->kind == T_SCALAR && item->kind == T_SCALAR && dt_kind(x.ty->dtype) > dt_kind(item->dtype)) {
        if (mode == LIST_FIND_IN || mode == LIST_FIND_COUNT) return find_loop(I, l, x, mode, at); /* 2.0 in [1, 2, 3] */
        inf_fail(I, at, "looking for a %s among a list's %s items is not supported yet", inf_tyname(I, x.ty), inf_tyname(I, item));
    }
    if (x.ty->kind == T_SCALAR && item->kind == T_SCALAR) x = ex_coerce(I, x, item, at);
    else x = fit(I, item, x, at);
    Ref ops[3 + KILN_MAX_ITEM_SLOTS] = {l.r, start ? start : inf_k64(I, 0), stop ? stop : inf_k64(I, INT64_MAX)};
    int n = 3 + item_ops(I, x, ops + 3, KILN_MAX_ITEM_SLOTS);
    Ref r = lib(I, rt, LIB_LIST_FIND | (mode | dq) << 8, ops, n);
    return rt ? mk(I, r) : none(I);
}

Val ls_contains(Inf *I, Val l, Val x, Node *at) { return find(I, l, x, LIST_FIND_IN, 0, 0, at); }

/* a == b of lists: the same length and items equal in turn (a list is never equal to anything else) */
Val ls_equal(Inf *I, Val a, Val b, Node *at) {
    if (a.ty->kind != T_LIST || b.ty->kind != T_LIST || a.ty->layout != b.ty->layout) /* a deque is never equal to a list */
        return mk(I, inf_const_i(I, inf_bool(I), 0));
    no_array_compare(I, ty_item(a.ty), at);
    no_array_compare(I, ty_item(b.ty), at);
    const Type *j = item_join(I, ty_item(a.ty), ty_item(b.ty));
    if (!j || (j != ty_item(a.ty) && !untyped(ty_item(a.ty))) || (j != ty_item(b.ty) && !untyped(ty_item(b.ty))))
        inf_fail(I, at, "comparing lists of %s and of %s is not supported yet", inf_tyname(I, ty_item(a.ty)), inf_tyname(I, ty_item(b.ty)));
    Val l = untyped(ty_item(a.ty)) ? b : a, m = l.r == a.r ? b : a;
    Ref ops[4] = {l.r, inf_k64(I, 0), inf_k64(I, 0), m.r};
    return mk(I, lib(I, inf_bool(I), LIB_LIST_FIND | LIST_FIND_EQ << 8, ops, 4));
}

static Val copy_of(Inf *I, Val l);

/* what Python's < orders among items of one type (rt/list.c's item_lt): numbers but complex ones, strings, and
 * tuples and lists of such; NULL, or the part that is not */
static const Type *unorderable(const Type *t) {
    if (t->kind == T_SCALAR) return dt_is_complex(t->dtype) ? t : NULL;
    if (t->kind == T_STRING) return NULL;
    if (t->kind == T_LIST) return unorderable(ty_item(t));
    if (t->kind == T_TUPLE) {
        for (int k = 0; k < t->n; k++) if (unorderable(t->elems[k])) return unorderable(t->elems[k]);
        return NULL;
    }
    return t;
}

typedef struct Permute { Val l, was, order; } Permute;

static void permute_step(Inf *I, Ref k, void *p) {
    Permute *q = p;
    Ref j = inf_load(I, q->order.r, inf_i64(I), &k, 1);
    ls_set_item(I, q->l, k, ls_item(I, q->was, j));
}

/* l's items put in the order `order` (an int64 array of positions) gives */
static void permute(Inf *I, Val l, Val order, Node *at) {
    Permute q = {l, copy_of(I, l), order};
    st_loop(I, at, "$sortk%d", ls_len(I, l), permute_step, &q);
}

/* the stable order of keys (a list of tuples, strings or lists) by Python's <: an int64 array of positions */
static Val ordered(Inf *I, Val keys, Node *at) {
    const Type *bad = unorderable(ty_item(keys.ty));
    if (bad && bad->kind == T_SET) inf_fail(I, at, "sorting by sets (their < is the subset test) is not supported");
    if (bad) { /* CPython's TypeError, its type names */
        const char *n = bad->kind == T_SCALAR ? "complex" : bad->kind == T_DICT ? "dict" : bad->kind == T_NONE ? "NoneType" : inf_tyname(I, bad);
        inf_fail(I, at, "'<' not supported between instances of '%s' and '%s'", n, n);
    }
    return mk(I, lib(I, ty_array(I->tt, KILN_INT64, 1, LAYOUT_C), LIB_LIST_ARGSORT, &keys.r, 1));
}

/* l sorted in place by the items themselves: numbers by NumPy's stable sort of the view, written back; strings by
 * their text; tuples and lists by Python's < (a stable order of positions, then the items moved) */
static void sort_items(Inf *I, Val l, Node *at) {
    const Type *item = ty_item(l.ty);
    if (item->kind == T_STRING) { /* by their text */
        inf_emit(I, OP_LIB, NULL, &l.r, 1, LIB_STR | (int64_t)STR_SORT << 8);
        return;
    }
    if (item->kind != T_SCALAR) { permute(I, l, ordered(I, l, at), at); return; }
    if (dt_is_complex(item->dtype)) inf_fail(I, at, "'<' not supported between instances of 'complex' and 'complex'");
    Val view = ls_view(I, l);
    Val sorted = mk(I, inf_emit(I, OP_LIB, view.ty, &view.r, 1, LIB_SORT | (int64_t)1 << 8));
    ew_store_fresh(I, view, sorted, at);
}

enum { SORT_KEY_IDS = 1 << 28 }; /* above every node's id: parsed ones and the copies of inner functions */

/* l sorted in place by key(item): the keys computed once each, in order (a list: its item type learned as a
 * comprehension's is), a stable argsort of them (Python's sort is stable), the items moved to their places */
static void sort_keyed(Inf *I, Val l, Node *key, Node *at) {
    Node *held = st_hidden(I, "$sortl%d", at), *x = st_hidden(I, "$sortx%d", at);
    inf_assign(I, held, l);
    Node *kcall = arena_alloc(I->a, sizeof *kcall), *gen = arena_alloc(I->a, sizeof *gen), *clause = arena_alloc(I->a, sizeof *clause);
    Node *target = arena_alloc(I->a, sizeof *target), *iter = arena_alloc(I->a, sizeof *iter), *lcall = arena_alloc(I->a, sizeof *lcall);
    Node **one = arena_alloc(I->a, 3 * sizeof(Node *));
    if (!kcall || !gen || !clause || !target || !iter || !lcall || !one) inf_oom(I);
    *target = *x; *iter = *held;
    memset(kcall, 0, sizeof *kcall); memset(gen, 0, sizeof *gen); memset(clause, 0, sizeof *clause); memset(lcall, 0, sizeof *lcall);
    kcall->kind = N_CALL; kcall->line = key->line; kcall->col = key->col;
    kcall->a = key; one[0] = target; kcall->kids = &one[0]; kcall->nkids = 1;       /* key(x) */
    /* ids of their own: sorted(g(...), key=f) has already made the items' list with hidden names of at's id. Made
     * from at's id, not taken from next_id: a round that lowers another sort first (one an earlier round skipped
     * while a type was unknown) must not give this sort's keys list the other's name (and type) */
    int32_t id = SORT_KEY_IDS + at->id;
    kcall->id = id; /* a lambda's parameters are named after its call: each sort's own */
    clause->kind = N_COMPFOR; clause->id = id; clause->a = x; clause->b = iter;      /* for x in l */
    clause->line = at->line; clause->col = at->col;
    gen->kind = N_GENEXP; gen->line = at->line; gen->col = at->col; gen->id = id; /* its learned item type is this sort's */
    gen->a = kcall; one[1] = clause; gen->kids = &one[1]; gen->nkids = 1;
    lcall->kind = N_CALL; lcall->line = at->line; lcall->col = at->col; lcall->id = id;
    one[2] = gen; lcall->kids = &one[2]; lcall->nkids = 1;                           /* list(key(x) for x in l) */
    Val keys = gx_call(I, lcall, "list");
    if (keys.ty->kind != T_LIST) return;
    const Type *kt = ty_item(keys.ty);
    if (kt->kind == T_UNKNOWN) return; /* an empty list, or the key's type is learned next round */
    if (kt->kind != T_SCALAR) { permute(I, l, ordered(I, keys, key), at); return; } /* tuples, strings, lists */
    if (dt_is_complex(kt->dtype)) inf_fail(I, key, "'<' not supported between instances of 'complex' and 'complex'");
    Val kv = ls_view(I, keys);
    permute(I, l, mk(I, inf_emit(I, OP_LIB, ty_array(I->tt, KILN_INT64, 1, LAYOUT_C), &kv.r, 1, LIB_ARGSORT | (int64_t)1 << 8)), at);
}

/* sort(key=None, reverse=False) as CPython does it: reversed, sorted stably, reversed again (so items of
 * equal keys keep their order under reverse=True too) */
static Val sort_in_place(Inf *I, Val l, Node *key, bool reverse, Node *at) {
    if (ty_item(l.ty)->kind == T_UNKNOWN) return none(I);
    if (reverse) lib(I, NULL, LIB_LIST_REVERSE, &l.r, 1);
    if (key && key->kind != N_NONE) sort_keyed(I, l, key, at);
    else sort_items(I, l, at);
    if (reverse) lib(I, NULL, LIB_LIST_REVERSE, &l.r, 1);
    return none(I);
}

/* sort(*, key=None, reverse=False): reverse a constant */
static bool reverse_arg(Inf *I, Node *call, const char *fname, Node **key) {
    bool rev = false;
    *key = NULL;
    for (int i = 0; i < call->nkids2; i++) {
        Node *v = call->kids2[i];
        if (!strcmp(call->names[i], "key")) { *key = v; continue; }
        if (strcmp(call->names[i], "reverse")) inf_fail(I, v, "%s() got an unexpected keyword argument '%s'", fname, call->names[i]);
        if (v->kind != N_BOOL && v->kind != N_INT) inf_fail(I, v, "%s(): reverse= must be True or False written in the call", fname);
        rev = v->v.i != 0;
    }
    return rev;
}

static void append(Inf *I, Val l, Val v) {
    v = tx_value(I, v);
    Ref ops[1 + KILN_MAX_ITEM_SLOTS] = {l.r};
    int n = 1 + item_ops(I, v, ops + 1, KILN_MAX_ITEM_SLOTS);
    lib(I, NULL, LIB_LIST_APPEND, ops, n);
}

/* l.insert(i, v) (op LISTOP_*: a deque's, appendleft's) */
static void insert(Inf *I, Node *recv, Val l, Ref i, Node *arg, int op) {
    Val v = tx_value(I, ex_expr(I, arg));
    if (!typed_for(I, recv, l, v, arg)) return;
    Ref ops[2 + KILN_MAX_ITEM_SLOTS] = {l.r, i};
    int n = 2 + item_ops(I, fit(I, ty_item(l.ty), v, arg), ops + 2, KILN_MAX_ITEM_SLOTS);
    lib(I, NULL, LIB_LIST_INSERT | (int64_t)op << 8, ops, n);
}

/* l.pop(i) (op LISTOP_DEQUE: a deque's pop() and popleft(), their message) */
static Val pop(Inf *I, Val l, Ref i, int op) {
    const Type *item = ty_item(l.ty);
    const char *empty = op & LISTOP_DEQUE ? "pop from an empty deque" : "pop from empty list";
    if (item->kind == T_UNKNOWN) { st_raise_if(I, inf_const_i(I, inf_bool(I), 1), "IndexError", empty); return unknown(I); }
    Ref ops[2] = {l.r, i};
    if (item->kind == T_TUPLE) { /* read through the view, then dropped: a routine gives one value */
        Val view = ls_view(I, l);
        Ref n = inf_dim(I, view, 0), zero = inf_k64(I, 0);
        st_raise_if(I, inf_op2(I, OP_EQ, inf_bool(I), n, zero), "IndexError", empty);
        Ref j = inf_sel(I, inf_i64(I), inf_op2(I, OP_LT, inf_bool(I), i, zero), inf_op2(I, OP_ADD, inf_i64(I), i, n), i);
        Ref bad = inf_op2(I, OP_OR, inf_bool(I), inf_op2(I, OP_LT, inf_bool(I), j, zero), inf_op2(I, OP_GE, inf_bool(I), j, n));
        st_raise_if(I, bad, "IndexError", "pop index out of range");
        Val v = load_at(I, item, view, j, -1);
        lib(I, NULL, LIB_LIST_POP | (int64_t)op << 8, ops, 2);
        return v;
    }
    Ref r = lib(I, item->kind == T_LIST ? i64s(I) : item, LIB_LIST_POP | (int64_t)op << 8, ops, 2);
    return item->kind == T_LIST ? mk(I, inf_emit(I, OP_CAST, item, &r, 1, 0)) : mk(I, r);
}

/* l.extend(o), o the value of arg (op LISTOP_*: a deque's extend and extendleft, which take any iterable, as
 * deque's += does) */
static Val extend(Inf *I, Node *call, Node *recv, Val l, Val o, Node *arg, int op) {
    if (o.ty->kind == T_UNKNOWN) return none(I);
    /* any iterable, as a list of its items (a set's or a dict's keys in their order, a string's characters, an
     * n-d array's rows); a list's own extend takes a tuple item by item (each fitted to the list's type) and a 1-d
     * array's elements without the copy */
    bool any = op & LISTOP_DEQUE ? o.ty->kind != T_LIST
             : o.ty->kind != T_LIST && o.ty->kind != T_TUPLE && !(o.ty->kind == T_ARRAY && o.ty->ndim == 1);
    if (any) o = list_of_value(I, o, arg, NULL);
    if (o.ty->kind == T_UNKNOWN) return none(I);
    if (o.ty->kind == T_TUPLE) { /* the tuple's items, appended in order */
        for (int k = 0; k < o.ty->n; k++) {
            if (!typed_for(I, recv, l, o.el[k], arg)) return none(I);
            append(I, l, fit(I, ty_item(l.ty), o.el[k], arg));
        }
        return none(I);
    }
    if (untyped(ty_item(l.ty))) { /* an empty list learns the items' type */
        if (o.ty->kind == T_ARRAY) o = mk(I, lib(I, list_of(I, ty_scalar(I->tt, o.ty->dtype, false)), LIB_LIST_FROM, &o.r, 1));
        if (untyped(ty_item(o.ty))) return none(I);
        inf_list_learn(I, recv, ty_item(o.ty), call);
        return none(I);
    }
    o = items_for(I, o, l.ty, arg);
    Ref ops[2] = {l.r, o.r};
    lib(I, NULL, LIB_LIST_EXTEND | (int64_t)op << 8, ops, 2);
    return none(I);
}

/* a deque's own methods, or NULL's type where it has the list's (then with the deque's messages, op) */
static Val deque_method(Inf *I, Node *call, Node *recv, Val l, const char *m) {
    Val r = {0};
    int op = LISTOP_DEQUE;
    if (!strcmp(m, "appendleft")) {
        nargs(I, call, l, m, 1, 1);
        insert(I, recv, l, inf_k64(I, 0), call->kids[0], op | LISTOP_LEFT);
        return none(I);
    }
    if (!strcmp(m, "pop") || !strcmp(m, "popleft")) {
        nargs(I, call, l, m, 0, 0);
        return pop(I, l, inf_k64(I, m[3] == 'l' ? 0 : -1), op);
    }
    if (!strcmp(m, "extend") || !strcmp(m, "extendleft")) {
        nargs(I, call, l, m, 1, 1);
        return extend(I, call, recv, l, iterable(I, call->kids[0]), call->kids[0], op | (m[6] == 'l' ? LISTOP_LEFT : 0));
    }
    if (!strcmp(m, "copy")) {
        nargs(I, call, l, m, 0, 0);
        Ref ops[2] = {l.r, inf_k64(I, 1)};
        return mk(I, lib(I, l.ty, LIB_LIST_REPEAT, ops, 2)); /* its maxlen too */
    }
    if (!strcmp(m, "rotate")) return dq_rotate(I, call, recv, l);
    if (!strcmp(m, "sort")) inf_fail(I, call, "'collections.deque' object has no attribute 'sort' (sorted(d) makes a sorted list)");
    return r;
}

Val ls_method(Inf *I, Node *call, Val l, const char *m) {
    Node *recv = call->a->a;
    bool dq = ty_is_deque(l.ty);
    int op = dq ? LISTOP_DEQUE : 0;
    if (dq) {
        Val r = deque_method(I, call, recv, l, m);
        if (r.ty) return r;
    }
    if (!strcmp(m, "append")) {
        nargs(I, call, l, m, 1, 1);
        Val v = tx_value(I, ex_expr(I, call->kids[0])); /* a string literal: made at run time */
        if (typed_for(I, recv, l, v, call->kids[0])) {
            append(I, l, fit(I, ty_item(l.ty), v, call->kids[0]));
        }
        return none(I);
    }
    if (!strcmp(m, "insert")) {
        nargs(I, call, l, m, 2, 2);
        Ref i = int_operand(I, call->kids[0], dq ? "deque.insert()'s index" : "list.insert()'s index");
        insert(I, recv, l, i, call->kids[1], op);
        return none(I);
    }
    if (!strcmp(m, "extend")) { /* a generator, range, zip ... walked into a list first */
        nargs(I, call, l, m, 1, 1);
        Node *it = call->kids[0];
        return extend(I, call, recv, l, dq || ls_walked(I, it) ? iterable(I, it) : ex_expr(I, it), it, op);
    }
    if (!strcmp(m, "pop")) {
        nargs(I, call, l, m, 0, 1);
        Ref i = call->nkids ? int_operand(I, call->kids[0], "list.pop()'s index") : inf_k64(I, -1);
        return pop(I, l, i, op);
    }
    if (!strcmp(m, "clear") || !strcmp(m, "reverse")) {
        nargs(I, call, l, m, 0, 0);
        lib(I, NULL, m[0] == 'c' ? LIB_LIST_CLEAR : LIB_LIST_REVERSE, &l.r, 1);
        return none(I);
    }
    if (!strcmp(m, "copy")) {
        nargs(I, call, l, m, 0, 0);
        Val v = ls_view(I, l);
        return mk(I, lib(I, l.ty, LIB_LIST_FROM, &v.r, 1));
    }
    int fd = dq ? LIST_FIND_DEQUE : 0;
    if (!strcmp(m, "index")) {
        nargs(I, call, l, m, 1, 3);
        Ref start = call->nkids > 1 ? int_operand(I, call->kids[1], "list.index()'s start") : 0;
        Ref stop = call->nkids > 2 ? int_operand(I, call->kids[2], "list.index()'s stop") : 0;
        return find(I, l, ex_expr(I, call->kids[0]), LIST_FIND_INDEX | fd, start, stop, call);
    }
    if (!strcmp(m, "count") || !strcmp(m, "remove")) {
        nargs(I, call, l, m, 1, 1);
        return find(I, l, ex_expr(I, call->kids[0]), (m[0] == 'c' ? LIST_FIND_COUNT : LIST_FIND_REMOVE) | fd, 0, 0, call);
    }
    if (!strcmp(m, "sort")) {
        if (call->nkids) inf_fail(I, call, "sort() takes no positional arguments");
        Node *key;
        bool rev = reverse_arg(I, call, "sort", &key);
        return sort_in_place(I, l, key, rev, call);
    }
    inf_fail(I, call, "'%s' object has no attribute '%s' (or kiln does not support it yet)", dq ? "collections.deque" : "list", m);
}

/* ---- operators ---- */

Val ls_copy(Inf *I, Val l) { return copy_of(I, l); }

/* a new list of l's items (a list: list(d) of a deque d is one too) */
static Val copy_of(Inf *I, Val l) {
    Val v = ls_view(I, l);
    return mk(I, lib(I, list_of(I, ty_item(l.ty)), LIB_LIST_FROM, &v.r, 1));
}

/* a + b and a * k of lists (a new list); ty NULL when neither operand is a list */
Val ls_binop(Inf *I, int tok, Val a, Val b, Node *at) {
    Val r = {0};
    if (a.ty->kind != T_LIST && b.ty->kind != T_LIST) return r;
    if (a.ty->kind == T_UNKNOWN || b.ty->kind == T_UNKNOWN) return unknown(I); /* a recursive call's result, next round */
    if (tok == TK_PLUS && (ty_is_deque(a.ty) || ty_is_deque(b.ty)) && !(ty_is_deque(a.ty) && ty_is_deque(b.ty))) /* CPython's TypeError */
        inf_fail(I, at, "can only concatenate %s (not \"%s\") to %s", ty_is_deque(a.ty) ? "deque" : "list",
                 ty_is_deque(b.ty) ? "collections.deque" : ty_name(b.ty), ty_is_deque(a.ty) ? "deque" : "list");
    if (tok == TK_PLUS && a.ty->kind == T_LIST && b.ty->kind == T_LIST) {
        const Type *j = item_join(I, ty_item(a.ty), ty_item(b.ty));
        if (!j || (j != ty_item(a.ty) && ty_item(a.ty)->kind != T_UNKNOWN) || (j != ty_item(b.ty) && ty_item(b.ty)->kind != T_UNKNOWN)) {
            char x[96], y[96];
            ty_str(a.ty, x, sizeof x);
            ty_str(b.ty, y, sizeof y);
            inf_fail(I, at, "cannot concatenate a %s and a %s: a kiln list holds items of one type", x, y);
        }
        Val c;
        if (ty_is_deque(a.ty)) { /* a copy of a keeps its maxlen: b's items go in as its extend puts them */
            Ref ops[2] = {a.r, inf_k64(I, 1)};
            c = mk(I, lib(I, list_like(I, a.ty, j), LIB_LIST_REPEAT, ops, 2));
        } else c = ty_item(a.ty)->kind == T_UNKNOWN ? new_list(I, b.ty, inf_k64(I, 0)) : copy_of(I, a);
        Ref ops[2] = {c.r, b.r};
        lib(I, NULL, LIB_LIST_EXTEND, ops, 2);
        return c;
    }
    if (tok == TK_STAR) {
        Val l = a.ty->kind == T_LIST ? a : b, k = a.ty->kind == T_LIST ? b : a;
        if (k.ty->kind == T_SCALAR && dt_is_intlike(k.ty->dtype)) {
            Ref ops[2] = {l.r, ex_coerce(I, k, inf_i64(I), at).r};
            return mk(I, lib(I, l.ty, LIB_LIST_REPEAT, ops, 2));
        }
        inf_fail(I, at, "can't multiply sequence by non-int of type '%s'", inf_tyname(I, k.ty));
    }
    if (tok == TK_PLUS)
        inf_fail(I, at, "can only concatenate list (not \"%s\") to list", inf_tyname(I, a.ty->kind == T_LIST ? b.ty : a.ty));
    inf_fail(I, at, "unsupported operand type(s) for this operator: '%s' and '%s'", inf_tyname(I, a.ty), inf_tyname(I, b.ty));
}

/* l += m: l extended in place (every name for l sees it) */
Val ls_extend_op(Inf *I, Val l, Val m, Node *at) {
    if (ty_is_deque(l.ty)) { /* d += iterable: d.extend(iterable) */
        extend(I, at, at->a, l, m, at->b, LISTOP_DEQUE);
        return l;
    }
    if (m.ty->kind != T_LIST) inf_fail(I, at, "list += of %s is not supported (a list)", inf_tyname(I, m.ty));
    if (ty_item(m.ty) != ty_item(l.ty) && ty_item(m.ty)->kind != T_UNKNOWN) {
        if (ty_item(l.ty)->kind != T_UNKNOWN || at->a->kind != N_NAME) ls_binop(I, TK_PLUS, l, m, at); /* the error */
        inf_list_learn(I, at->a, ty_item(m.ty), at);
        return l;
    }
    Ref ops[2] = {l.r, m.r};
    lib(I, NULL, LIB_LIST_EXTEND, ops, 2);
    return l;
}

/* ---- list(), sorted(), np.array() ---- */

/* whether list(it) walks it (genexp.c): a generator expression or function, range, zip, enumerate */
bool ls_walked(Inf *I, Node *it) {
    return it->kind == N_GENEXP || st_is_builtin_call(I, it, "range") || st_is_builtin_call(I, it, "zip") ||
           st_is_builtin_call(I, it, "enumerate") || nf_is_generator_call(I, it);
}

/* list(x): a copy of a list, a 1-d array's items, a tuple's; anything else iterable through genexp.c */
Val ls_list_call(Inf *I, Node *call) {
    if (call->nkids2) inf_fail(I, call->kids2[0], "list() takes no keyword arguments");
    if (call->nkids > 1) inf_fail(I, call, "list expected at most 1 argument, got %d", call->nkids);
    if (!call->nkids) return new_list(I, list_of(I, &I->tt->unknown), inf_k64(I, 0));
    Node *it = call->kids[0];
    if (ls_walked(I, it)) return gx_call(I, call, "list");
    return list_of_value(I, ex_expr(I, it), it, call);
}

/* list(v) of a value v (written at it; call a list() call of it, NULL: one is made where needed) */
static Val list_of_value(Inf *I, Val v, Node *it, Node *call) {
    if (v.ty->kind == T_UNKNOWN) return v;
    if (v.ty->kind == T_DICT) v = dc_part(I, v, 0); /* list(d): its keys */
    if (v.ty->kind == T_SET) return copy_of(I, se_items(I, v)); /* list(s): its keys in its order */
    if (v.ty->kind == T_LIST) return copy_of(I, v);
    if (tx_is(v.ty)) return tx_chars(I, v); /* list(s): its characters (a new list) */
    if (v.ty->kind == T_ARRAY && v.ty->ndim == 1)
        return mk(I, lib(I, list_of(I, ty_scalar(I->tt, v.ty->dtype, false)), LIB_LIST_FROM, &v.r, 1));
    if (v.ty->kind == T_TUPLE) {
        const Type *item = NULL;
        for (int k = 0; k < v.ty->n; k++) {
            check_item_kind(I, v.el[k].ty, it);
            item = item ? item_join(I, item, v.el[k].ty) : v.el[k].ty;
            if (!item) inf_fail(I, it, "list() of a tuple whose items have different types is not supported (a kiln list holds one type)");
        }
        if (!item) return new_list(I, list_of(I, &I->tt->unknown), inf_k64(I, 0));
        Val l = new_list(I, list_of(I, item), inf_k64(I, v.ty->n));
        Val view = ls_view(I, l);
        for (int k = 0; k < v.ty->n; k++) put(I, view, fit(I, item, v.el[k], it), inf_k64(I, k));
        return l;
    }
    if (v.ty->kind == T_ARRAY) { /* its rows: views, as NumPy iterates them */
        if (!call) {
            Node *f = inf_node(I, N_NAME, it), **kids = arena_alloc(I->a, sizeof(Node *));
            if (!kids) inf_oom(I);
            call = inf_node(I, N_CALL, it);
            f->name = "list"; kids[0] = it;
            call->a = f; call->kids = kids; call->nkids = 1; call->id = it->id;
        }
        return gx_call_value(I, call, "list", v);
    }
    inf_fail(I, it, "'%s' object is not iterable", inf_tyname(I, v.ty));
}

/* the items of the iterable written at it, as a list: what list(it) makes (a generator, a range, zip and enumerate
 * walked; a list, a deque, a tuple, a string, a dict's keys, a set's, an array's items or rows) */
static Val iterable(Inf *I, Node *it) {
    Node *c = inf_node(I, N_CALL, it), *f = inf_node(I, N_NAME, it);
    Node **kids = arena_alloc(I->a, sizeof(Node *));
    if (!kids) inf_oom(I);
    f->name = "list"; kids[0] = it;
    c->a = f; c->kids = kids; c->nkids = 1; c->id = it->id;
    if (ls_walked(I, it)) return ls_list_call(I, c);
    Val v = ex_expr(I, it);
    return v.ty->kind == T_LIST ? v : list_of_value(I, v, it, c); /* a list (a deque) as it is: no copy */
}

Val ls_iterable(Inf *I, Node *it) { return iterable(I, it); }

Val ls_of_value(Inf *I, Val v, Node *it) { return list_of_value(I, v, it, NULL); }

/* sorted(iterable, *, key=None, reverse=False): a new list */
Val ls_sorted_call(Inf *I, Node *call) {
    if (call->nkids != 1) inf_fail(I, call, "sorted expected 1 argument, got %d", call->nkids);
    Node *key;
    bool rev = reverse_arg(I, call, "sorted", &key);
    Node c = *call;
    c.nkids2 = 0;
    Val l = ls_list_call(I, &c);
    if (l.ty->kind != T_LIST) return l;
    sort_in_place(I, l, key, rev, call);
    return l;
}

/* a tuple value read as NumPy reads one where an array goes (a[i] = (x, y, z)): its items as a new 1-d array */
Val ls_tuple_to_array(Inf *I, Val t, Node *at) {
    Node fake = *at, **kids = arena_alloc(I->a, sizeof(Node *) * (size_t)(t.ty->n ? t.ty->n : 1));
    if (!kids) inf_oom(I);
    for (int i = 0; i < t.ty->n; i++) kids[i] = at;
    fake.kids = kids;
    fake.nkids = t.ty->n;
    Val *vals = arena_alloc(I->a, sizeof(Val) * (size_t)(t.ty->n ? t.ty->n : 1));
    if (!vals) inf_oom(I);
    int dt = -1; /* numbers: NumPy's common dtype (Python ints int64, floats float64) */
    for (int i = 0; i < t.ty->n; i++) {
        const Type *e = t.el[i].ty;
        if (e->kind != T_SCALAR) { dt = -1; break; }
        int d = e->weak ? (int)ty_promote(I->tt, e, e)->dtype : (int)e->dtype;
        dt = dt < 0 ? d : (int)dt_promote((kiln_dtype)dt, (kiln_dtype)d);
    }
    for (int i = 0; i < t.ty->n; i++)
        vals[i] = dt < 0 ? t.el[i] : ex_coerce(I, t.el[i], ty_scalar(I->tt, (kiln_dtype)dt, false), at);
    return ls_to_array(I, ls_display_of(I, &fake, vals), at);
}

/* np.array(l) / np.asarray(l) of a list: the items (lists of lists: as many axes as the nesting) in a new C
 * array of the items' dtype; NumPy's ValueError for ragged lists */
Val ls_to_array(Inf *I, Val l, Node *at) {
    int nd = 1;
    const Type *t = ty_item(l.ty);
    if (t->kind == T_ARRAY) return ar_join_list(I, at, l, true, 0, true); /* the arrays stacked */
    while (t->kind == T_LIST) { t = ty_item(t); nd++; }
    if (t->kind == T_TUPLE) inf_fail(I, at, "np.array of a list of tuples is not supported yet");
    if (t->kind == T_UNKNOWN) t = ty_scalar(I->tt, KILN_FLOAT64, false); /* np.array([]) is float64 */
    if (nd > KILN_MAXDIM) inf_fail(I, at, "arrays of more than %d dimensions are not supported", KILN_MAXDIM);
    const Type *at_ = ty_array(I->tt, t->dtype, nd, LAYOUT_C);
    if (nd == 1) {
        Val v = ls_view(I, l);
        if (ty_item(l.ty)->kind == T_UNKNOWN) return mk(I, inf_emit(I, OP_ALLOC, at_, (Ref[]){inf_k64(I, 0)}, 1, 0));
        return mk(I, inf_emit(I, OP_ACOPY, at_, &v.r, 1, 0));
    }
    return mk(I, lib(I, at_, LIB_LIST_ARRAY, &l.r, 1));
}

/* `x = []` binds x: a list made untyped takes the item type an earlier round learned for x */
Val ls_typed(Inf *I, const Type *item, Val v) {
    Ins *in = &I->f->ins.v[v.r];
    /* a new empty list, or an empty list passed in (its items take their size at the first append, rt/list.c) */
    if (in->op == OP_ARG || (in->op == OP_LIB && (in->aux & 0xff) == LIB_LIST_NEW)) {
        in->ty = list_like(I, in->ty, item);
        v.ty = in->ty;
        return v;
    }
    /* a list of empty lists made elsewhere (a comprehension's): the same address, seen as lists of item's items
     * (an empty list holds nothing to convert; its item size is taken at its first append) */
    if (ty_item(v.ty)->kind == T_LIST) return mk(I, inf_emit(I, OP_CAST, list_like(I, v.ty, item), &v.r, 1, 0));
    /* an empty list that reached the variable through a merge (`d = [] if k else []`, `deque(maxlen=k) if k else
     * deque()`): the same list, seen as one of item's items (it holds none yet; its item size is taken at its first
     * append). Without this its appends were skipped: the variable stayed untyped and the hint was known already */
    if (ty_item(v.ty)->kind == T_UNKNOWN && in->op == OP_PARAM) return mk(I, inf_emit(I, OP_CAST, list_like(I, v.ty, item), &v.r, 1, 0));
    return v; /* an empty list read out of another container (x = rows[0]): that container's type would not learn it */
}
