/*
 * dict.c — Python dicts in kernels: displays and comprehensions, d[k],
 * d[k] = v, in, len, iteration in insertion order, get / pop / setdefault /
 * clear, del d[k].
 *
 * A dict is one value, the address of a run-time RtDict (rt/dict.c): its
 * keys and values are two lists in insertion order, so reading an entry is
 * finding its index (OP_LIB's LIB_DICT_FIND) and then an ordinary list item
 * of the values (LIB_DICT_PART gives the list; list.c reads it). Keys are
 * numbers or tuples of them, values anything a list holds; each of one type
 * (list.c's rule). An empty dict in a variable (`d = {}`) learns its types
 * from the first `d[k] = v`, as an empty list from its first append.
 */
#include "infer.h"
#include "../ir/lib.h"
#include "../rt/run.h"
#include <stdio.h>
#include <string.h>

static Val mk(Inf *I, Ref r) { return val_of(I, r); }
static Val none(Inf *I) { return mk(I, inf_static(I, &I->tt->none)); }

static const Type *dict_of(Inf *I, const Type *k, const Type *v) {
    const Type *t = ty_dict(I->tt, k, v);
    if (!t) inf_oom(I);
    return t;
}

static bool untyped(const Type *d) { return d->elems[0]->kind == T_UNKNOWN; }

/* a dict of key and value types k and v, a defaultdict as like is */
static const Type *dict_like(Inf *I, const Type *like, const Type *k, const Type *v) {
    const Type *t = ty_dict_as(I->tt, k, v, like->layout);
    if (!t) inf_oom(I);
    return t;
}

static Ref lib(Inf *I, const Type *t, int routine, const Ref *ops, int n) { return inf_emit(I, OP_LIB, t, ops, (uint32_t)n, routine); }

static Val new_dict(Inf *I, const Type *t) {
    Ref zero = inf_k64(I, 0);
    return mk(I, lib(I, t, LIB_DICT_NEW, &zero, 1));
}

Val dc_new(Inf *I, const Type *key, const Type *value) { return new_dict(I, dict_of(I, key, value)); }

/* the dict's keys (0) or values (1) as a list: its own entries, read right away */
static Val part(Inf *I, Val d, int which) {
    const Type *lt = ty_list(I->tt, d.ty->elems[which]);
    if (!lt) inf_oom(I);
    return mk(I, lib(I, lt, LIB_DICT_PART | which << 8, &d.r, 1));
}

/* a key of a dict or set (box): numbers or tuples of them */
void dc_key_kind(Inf *I, const char *box, const Type *t, Node *at) {
    if (t->kind == T_SCALAR) return;
    if (t->kind == T_TUPLE) { for (int i = 0; i < t->n; i++) dc_key_kind(I, box, t->elems[i], at); return; }
    if (t->kind == T_STRING && !strcmp(box, "dict")) return; /* a dict keeps insertion order: no hash shows */
    if (t->kind == T_STRING || t->kind == T_STR)
        inf_fail(I, at, "a set of strings is not supported: CPython's own order for one changes from run to run (its str hash "
                 "is salted, PYTHONHASHSEED); use a dict or a list");
    inf_fail(I, at, "unhashable type: '%s' (a %s's keys are numbers or tuples of them)", inf_tyname(I, t), box);
}

static void key_kind(Inf *I, const Type *t, Node *at) { dc_key_kind(I, "dict", t, at); }

/* v as the dict's (set's: box) key (or value): the same kind of number converted, else an error naming both */
Val dc_fit(Inf *I, const char *box, const Type *want, Val v, Node *at, const char *what) {
    if (v.ew) v = ew_force(I, v, at);
    v = tx_value(I, v);
    if (v.ty == want) return v;
    if (v.ty->kind == T_SCALAR && want->kind == T_SCALAR && dt_kind(v.ty->dtype) == dt_kind(want->dtype)) return ex_coerce(I, v, want, at);
    if (v.ty->kind == T_TUPLE && want->kind == T_TUPLE && v.ty->n == want->n) {
        Val t = v;
        t.ty = want;
        t.el = arena_alloc(I->a, sizeof(Val) * (size_t)want->n);
        if (!t.el) inf_oom(I);
        for (int i = 0; i < want->n; i++) t.el[i] = dc_fit(I, box, want->elems[i], v.el[i], at, what);
        return t;
    }
    if (ls_item_join(I, want, v.ty) == want) return v;
    char a[96], b[96];
    ty_str(want, a, sizeof a);
    ty_str(v.ty, b, sizeof b);
    if (!strcmp(box, "set")) inf_fail(I, at, "a set whose keys are %s cannot take a key %s: a kiln set holds keys of one type", a, b);
    inf_fail(I, at, "a dict whose %ss are %s cannot take a %s %s: a kiln dict holds keys of one type and values of one type",
             what, a, what, b);
}

static Val fit(Inf *I, const Type *want, Val v, Node *at, const char *what) { return dc_fit(I, "dict", want, v, at, what); }

static int leaves(Inf *I, Val v, Ref *out, int cap) { return cl_flatten(I, v, out, cap); }

static Ref find(Inf *I, Val d, Val k, int mode, Node *at) {
    Ref ops[1 + KILN_MAX_ITEM_SLOTS] = {d.r};
    int n = 1 + leaves(I, fit(I, d.ty->elems[0], k, at, "key"), ops + 1, KILN_MAX_ITEM_SLOTS);
    return lib(I, mode == DICT_FIND_IN ? inf_bool(I) : inf_i64(I), LIB_DICT_FIND | mode << 8, ops, n);
}

static void set(Inf *I, Val d, Val k, Val v, Node *at) {
    Ref ops[1 + 2 * KILN_MAX_ITEM_SLOTS] = {d.r};
    int n = 1 + leaves(I, fit(I, d.ty->elems[0], k, at, "key"), ops + 1, KILN_MAX_ITEM_SLOTS);
    n += leaves(I, fit(I, d.ty->elems[1], v, at, "value"), ops + n, KILN_MAX_ITEM_SLOTS);
    lib(I, NULL, LIB_DICT_SET, ops, n);
}

/* the key of d[k]: d[a, b] is d[(a, b)] (the parser spreads a tuple subscript) */
static Val key_of(Inf *I, Node *sub) {
    for (int i = 0; i < sub->nkids; i++)
        if (sub->kids[i]->kind == N_SLICE) inf_fail(I, sub->kids[i], "a dict's key cannot be a slice");
    if (sub->nkids == 1) return tx_value(I, ex_expr(I, sub->kids[0]));
    Node t = *sub;
    t.kind = N_TUPLE; t.a = NULL;
    return ex_expr(I, &t);
}

/* {k: v, ...} */
/* {**a, k: v, **b}: a new dict of the items in order, a later key's value winning where the first put it, as
 * CPython builds the display (a text lowered at the display, each part evaluated once, left to right) */
static Val unpacked_display(Inf *I, Node *n) {
    if (n->nkids > 32) inf_fail(I, n, "a dict display with ** of more than 32 items is not supported");
    char buf[4096];
    ItText t = {buf, sizeof buf, 0, I, n, "dict display"};
    Node *args[64];
    int na = 0;
    it_put(&t, "def display(");
    for (int i = 0; i < n->nkids; i++) {
        bool star = n->kids[i]->kind == N_STARRED;
        it_put(&t, star ? "%sm%d" : "%sk%d, v%d", i ? ", " : "", i, i);
        if (star) {
            Val m = ex_expr(I, n->kids[i]->a);
            if (m.ty->kind != T_DICT && m.ty->kind != T_UNKNOWN)
                inf_fail(I, n->kids[i]->a, "'%s' object is not a mapping", ty_name(m.ty));
            args[na] = it_held(I, n, na, m);
            na++;
        } else {
            args[na++] = n->kids[i];
            args[na++] = n->kids2[i];
        }
    }
    it_put(&t, "):\n    r = {}\n");
    for (int i = 0; i < n->nkids; i++)
        if (n->kids[i]->kind == N_STARRED) it_put(&t, "    for k in m%d:\n        r[k] = m%d[k]\n", i, i);
        else it_put(&t, "    r[k%d] = v%d\n", i, i);
    it_put(&t, "    return r\n");
    return it_inline(I, n, t.buf, t.n, "<dict display>", args, na);
}

Val dc_display(Inf *I, Node *n) {
    if (!n->nkids) return new_dict(I, dict_of(I, &I->tt->unknown, &I->tt->unknown));
    for (int i = 0; i < n->nkids; i++) if (n->kids[i]->kind == N_STARRED) return unpacked_display(I, n);
    Val *ks = arena_alloc(I->a, sizeof(Val) * (size_t)n->nkids), *vs = arena_alloc(I->a, sizeof(Val) * (size_t)n->nkids);
    if (!ks || !vs) inf_oom(I);
    const Type *kt = NULL, *vt = NULL;
    for (int i = 0; i < n->nkids; i++) {
        ks[i] = tx_value(I, ex_expr(I, n->kids[i])); /* string literals: made at run time */
        vs[i] = tx_value(I, ex_expr(I, n->kids2[i]));
        if (ks[i].ty->kind == T_UNKNOWN || vs[i].ty->kind == T_UNKNOWN) return mk(I, inf_static(I, &I->tt->unknown));
        key_kind(I, ks[i].ty, n->kids[i]);
        const Type *jk = kt ? ls_item_join(I, kt, ks[i].ty) : ks[i].ty, *jv = vt ? ls_item_join(I, vt, vs[i].ty) : vs[i].ty;
        if (!jk) inf_fail(I, n->kids[i], "a dict's keys must have one type: %s and %s", inf_tyname(I, kt), inf_tyname(I, ks[i].ty));
        if (!jv) inf_fail(I, n->kids2[i], "a dict's values must have one type: %s and %s", inf_tyname(I, vt), inf_tyname(I, vs[i].ty));
        kt = jk; vt = jv;
    }
    Val d = new_dict(I, dict_of(I, kt, vt));
    for (int i = 0; i < n->nkids; i++) set(I, d, ks[i], vs[i], n->kids[i]);
    return d;
}

/* ---- collections.defaultdict: a dict (its type's layout the factory, KILN_FACTORY_*) whose missing key, read, is given
 * the factory's value first: int 0, float 0.0, bool False, complex 0j, str '', list [], set set() ---- */

static const Type *factory_type(Inf *I, int f) {
    static const int dt[] = {0, KILN_INT64, KILN_FLOAT64, KILN_BOOL, KILN_COMPLEX128};
    if (f == KILN_FACTORY_COUNTER) f = KILN_FACTORY_INT; /* a Counter's counts */
    const Type *t = f <= KILN_FACTORY_COMPLEX ? ty_scalar(I->tt, (kiln_dtype)dt[f], true) : f == KILN_FACTORY_STR ? &I->tt->string
                  : f == KILN_FACTORY_LIST ? ty_list(I->tt, &I->tt->unknown) : ty_set(I->tt, &I->tt->unknown);
    if (!t) inf_oom(I);
    return t;
}

/* the factory's value, of the dict's value type vt */
static Val factory_value(Inf *I, int f, const Type *vt) {
    if (f == KILN_FACTORY_LIST) return ls_new(I, ty_item(vt));
    if (f == KILN_FACTORY_SET) { Ref zero = inf_k64(I, 0); return mk(I, lib(I, vt, LIB_SET_NEW, &zero, 1)); }
    if (f == KILN_FACTORY_STR) {
        Val s = mk(I, inf_static(I, &I->tt->str));
        if ((s.str = ir_str(I->f, "")) < 0) inf_oom(I);
        return tx_value(I, s);
    }
    return mk(I, inf_zero(I, I->cur, vt));
}

/* d[k] of a defaultdict: k given the factory's value where it is missing, *entry its entry (one lookup; a miss adds
 * the key last, so its entry is the last); an empty one learns its key type from k and its value type from the
 * factory (false: no entry this round) */
static bool ensure_entry(Inf *I, Node *sub, Val d, Val k, Ref *entry) {
    int f = d.ty->layout;
    if (untyped(d.ty)) {
        if (k.ty->kind != T_UNKNOWN) {
            key_kind(I, k.ty, sub);
            inf_dict_learn(I, sub->a, dict_like(I, d.ty, k.ty, factory_type(I, f)), sub);
        }
        return false;
    }
    Node *res = st_hidden(I, "$dent%d", sub);
    Ref e = find(I, d, k, DICT_FIND_OR_NEG, sub);
    inf_assign(I, res, mk(I, e));
    uint32_t miss = inf_block(I), join = inf_block(I);
    inf_branch(I, inf_op2(I, OP_GE, inf_bool(I), e, inf_k64(I, 0)), join, miss);
    inf_seal(I, miss);
    I->cur = miss;
    set(I, d, k, factory_value(I, f, d.ty->elems[1]), sub);
    inf_assign(I, res, mk(I, inf_op2(I, OP_SUB, inf_i64(I), dc_len(I, d), inf_k64(I, 1))));
    inf_jump(I, join);
    inf_seal(I, join);
    I->cur = join;
    *entry = inf_read_name(I, res).r;
    return true;
}

/* Counter(), Counter(iterable), Counter(mapping): each item counted (a mapping's counts added), as a text lowered at
 * the call (`c[x] += 1` for each x: the keys in first-seen order, as CPython's) */
/* call's argument k, what a Counter counts: a range, a generator ... (walked where written) listed first */
static Val counted(Inf *I, Node *call, int k) {
    Node *src = call->kids[k];
    if (!ls_walked(I, src)) return ex_expr(I, src);
    Node *l = inf_node(I, N_CALL, src);
    l->kids = &call->kids[k];
    l->nkids = 1;
    return ls_list_call(I, l);
}

/* Counter(iterable_or_mapping=None, **counts): the items counted (a mapping's counts added), then the keyword counts
 * added, as CPython's update does it */
Val dc_counter(Inf *I, Node *call) {
    if (call->nkids > 1) inf_fail(I, call, "expected at most 1 argument, got %d", call->nkids);
    if (call->nkids2 > 62) inf_fail(I, call, "Counter() of more than 62 keyword counts is not supported");
    if (!call->nkids && !call->nkids2)
        return new_dict(I, ty_dict_as(I->tt, &I->tt->unknown, ty_scalar(I->tt, KILN_INT64, true), KILN_FACTORY_COUNTER));
    char buf[8192];
    ItText t = {buf, sizeof buf, 0, I, call, "Counter"};
    Node *args[64];
    int na = 0;
    it_put(&t, "def counter(");
    bool mapping = false;
    if (call->nkids) {
        Val v = counted(I, call, 0);
        if (v.ty->kind == T_UNKNOWN) return v;
        mapping = v.ty->kind == T_DICT;
        args[na++] = it_held(I, call, 0, v);
        it_put(&t, call->nkids2 ? "it, " : "it");
    }
    for (int i = 0; i < call->nkids2; i++) {
        args[na++] = it_held(I, call, 1 + i, ex_expr(I, call->kids2[i]));
        it_put(&t, "%sn%d", i ? ", " : "", i);
    }
    it_put(&t, "):\n    c = " KILN_COLLECTIONS_NAME ".Counter()\n");
    if (mapping) it_put(&t, "    for k, n in it.items():\n        c[k] += n\n");
    else if (call->nkids) it_put(&t, "    for x in it:\n        c[x] += 1\n");
    for (int i = 0; i < call->nkids2; i++) it_put(&t, "    c['%s'] += n%d\n", call->names[i], i);
    it_put(&t, "    return c\n");
    return it_inline(I, call, t.buf, t.n, "<Counter>", args, na);
}

/* c + d, c - d, c | d, c & d of Counters (a new Counter of the positive counts, CPython's order: c's keys, then d's
 * new ones), and in place (op=: c changed, its non-positive counts then dropped, as Counter's __iadd__ & co.) */
Val dc_counter_binop(Inf *I, int tok, Val a, Val b, Node *at, bool inplace) {
    const char *sym = tok == TK_PLUS ? "+" : tok == TK_MINUS ? "-" : tok == TK_PIPE ? "|" : tok == TK_AMP ? "&" : NULL;
    if (!sym) inf_fail(I, at, "unsupported operand type(s) for %s: 'Counter' and 'Counter'", tok_str(tok));
    if (untyped(a.ty) && untyped(b.ty)) return a; /* nothing counted: the next round types them */
    if (!untyped(a.ty) && !untyped(b.ty) && a.ty->elems[0] != b.ty->elems[0])
        inf_fail(I, at, "Counter %s Counter of keys of two types, %s and %s: a kiln Counter holds keys of one type", sym,
                 inf_tyname(I, a.ty->elems[0]), inf_tyname(I, b.ty->elems[0]));
    char buf[2048];
    ItText t = {buf, sizeof buf, 0, I, at, sym};
    Node *args[2] = {it_held(I, at, 0, a), it_held(I, at, 1, b)};
    if (inplace) {
        it_put(&t, "def inplace(c, o):\n");
        if (tok == TK_PLUS || tok == TK_MINUS) it_put(&t, "    for k, n in o.items():\n        c[k] %s= n\n", sym);
        else if (tok == TK_PIPE) it_put(&t, "    for k, n in o.items():\n        if n > c[k]:\n            c[k] = n\n");
        else it_put(&t, "    for k, n in c.items():\n        m = o[k]\n        if m < n:\n            c[k] = m\n");
        it_put(&t, "    drop = [k for k, n in c.items() if not n > 0]\n    for k in drop:\n        del c[k]\n    return c\n");
    } else {
        it_put(&t, "def binop(c, o):\n    r = " KILN_COLLECTIONS_NAME ".Counter()\n    for k, n in c.items():\n");
        if (tok == TK_PLUS || tok == TK_MINUS) it_put(&t, "        m = n %s o[k]\n", sym);
        else it_put(&t, "        p = o[k]\n        m = %s\n", tok == TK_PIPE ? "p if n < p else n" : "n if n < p else p");
        it_put(&t, "        if m > 0:\n            r[k] = m\n");
        if (tok != TK_AMP)
            it_put(&t, "    for k, n in o.items():\n        if k not in c and %s:\n            r[k] = %s\n",
                   tok == TK_MINUS ? "n < 0" : "n > 0", tok == TK_MINUS ? "0 - n" : "n");
        it_put(&t, "    return r\n");
    }
    return it_inline(I, at, t.buf, t.n, "<Counter>", args, 2);
}

static void nargs(Inf *I, Node *call, const char *m, int lo, int hi);

/* a == b with a dict on either side: False when the other is not a dict; the same length and every key of a in b
 * with an equal value (dict's __eq__: order does not count); two Counters compare as Counter's __eq__ does since
 * 3.10, a missing key as a zero count. Keys of two types are a compile error (a kiln dict's keys have one) */
Val dc_equal(Inf *I, Val a, Val b, Node *at) {
    if (a.ty->kind != T_DICT || b.ty->kind != T_DICT) return mk(I, inf_const_i(I, inf_bool(I), 0));
    bool counters = a.ty->layout == KILN_FACTORY_COUNTER && b.ty->layout == KILN_FACTORY_COUNTER;
    if ((untyped(a.ty) || untyped(b.ty)) && !counters) /* one holds nothing: equal when the other holds nothing too */
        return mk(I, inf_op2(I, OP_EQ, inf_bool(I), dc_len(I, a), dc_len(I, b)));
    if (!untyped(a.ty) && !untyped(b.ty) && a.ty->elems[0] != b.ty->elems[0] &&
        !(a.ty->elems[0]->kind == T_SCALAR && b.ty->elems[0]->kind == T_SCALAR && dt_kind(a.ty->elems[0]->dtype) == dt_kind(b.ty->elems[0]->dtype)))
        inf_fail(I, at, "comparing dicts whose keys are of two types (%s and %s) is not supported", inf_tyname(I, a.ty->elems[0]),
                 inf_tyname(I, b.ty->elems[0]));
    char buf[512];
    ItText t = {buf, sizeof buf, 0, I, at, "=="};
    Node *args[2] = {it_held(I, at, 0, a), it_held(I, at, 1, b)};
    if (counters)
        it_put(&t, "def eq(a, b):\n    for k in a:\n        if a[k] != b[k]:\n            return False\n"
                   "    for k in b:\n        if a[k] != b[k]:\n            return False\n    return True\n");
    else
        it_put(&t, "def eq(a, b):\n    if len(a) != len(b):\n        return False\n    for k in a:\n        if k not in b:\n"
                   "            return False\n        if not a[k] == b[k]:\n            return False\n    return True\n");
    return it_inline(I, at, t.buf, t.n, "<dict ==>", args, 2);
}

/* the loop d.update(o), d |= o and d | o share: o's entries stored into d as d[k] = v stores them, in o's order (a
 * dict's keys, or pairs) */
static const char *store_all(bool from_dict) {
    return from_dict ? "    for k in o:\n        d[k] = o[k]\n" : "    for k, v in o:\n        d[k] = v\n";
}

/* d | e (a new dict: d's entries, then e's, a later key's value winning; of d's kind, or of e's where e is a
 * defaultdict and d a plain dict, as defaultdict's __ror__ makes it) and d |= e (d itself updated, e a dict or an
 * iterable of pairs, as d.update(e)); Counters have their own (dc_counter_binop) */
Val dc_merge(Inf *I, Val a, Val b, Node *at, bool inplace) {
    if (a.ty->layout == KILN_FACTORY_COUNTER || (!inplace && b.ty->kind == T_DICT && b.ty->layout == KILN_FACTORY_COUNTER))
        inf_fail(I, at, "%s of a Counter and a dict is not supported (both Counters, or neither)", inplace ? "|=" : "|");
    if (!inplace && b.ty->kind != T_DICT)
        inf_fail(I, at, "unsupported operand type(s) for |: '%s' and '%s'", inf_tyname(I, a.ty), inf_tyname(I, b.ty));
    if (b.ty->kind == T_UNKNOWN) return a;
    char buf[512];
    ItText t = {buf, sizeof buf, 0, I, at, inplace ? "|=" : "|"};
    Node *args[2] = {it_held(I, at, 0, a), it_held(I, at, 1, b)};
    it_put(&t, inplace ? "def ior(d, o):\n" : "def merged(a, o):\n    d = a.copy()\n");
    it_put(&t, "%s    return d\n", store_all(b.ty->kind == T_DICT));
    Val v = it_inline(I, at, t.buf, t.n, inplace ? "<dict |=>" : "<dict |>", args, 2);
    if (!inplace && !a.ty->layout && b.ty->layout && v.ty->kind == T_DICT && !untyped(v.ty) &&
        !untyped(b.ty) && v.ty->elems[0] == b.ty->elems[0] && v.ty->elems[1] == b.ty->elems[1])
        v = mk(I, inf_emit(I, OP_CAST, b.ty, &v.r, 1, 0));
    return v;
}

/* a Counter's own methods: c.most_common(n) (CPython's order: by count, the first seen first among equal counts),
 * c.update(iterable or mapping), c.total(), c.elements() (a list here: CPython's is an iterator) */
static Val counter_method(Inf *I, Node *call, Node *recv, Val c, const char *m) {
    char buf[1024];
    ItText t = {buf, sizeof buf, 0, I, call, m};
    Node *args[2] = {recv->kind == N_NAME ? recv : it_held(I, call, 0, c), NULL};
    int na = 1;
    if (!strcmp(m, "most_common")) {
        if (call->nkids2 || call->nkids > 1) inf_fail(I, call, "most_common() takes at most one argument (n) here");
        it_put(&t, "def most_common(c%s):\n    items = list(c.items())\n    items.sort(key=lambda kv: kv[1], reverse=True)\n"
                   "    return items%s\n", call->nkids ? ", n" : "", call->nkids ? "[:max(n, 0)]" : "");
        if (call->nkids) args[na++] = call->kids[0];
    } else if (!strcmp(m, "total")) {
        nargs(I, call, m, 0, 0);
        it_put(&t, "def total(c):\n    s = 0\n    for v in c.values():\n        s += v\n    return s\n");
    } else if (!strcmp(m, "elements")) {
        nargs(I, call, m, 0, 0);
        it_put(&t, "def elements(c):\n    out = [k for k in c for _ in range(c[k])]\n    return out\n");
    } else if (!strcmp(m, "subtract")) { /* counts may go to 0 and below: nothing is dropped */
        if (call->nkids2 || call->nkids != 1) inf_fail(I, call, "Counter.subtract() takes one iterable or mapping here");
        Val v = counted(I, call, 0);
        it_put(&t, v.ty->kind == T_DICT ? "def subtract(c, m):\n    for k, n in m.items():\n        c[k] -= n\n"
                                        : "def subtract(c, it):\n    for x in it:\n        c[x] -= 1\n");
        args[na++] = it_held(I, call, 1, v);
    } else { /* update */
        if (call->nkids2 || call->nkids != 1) inf_fail(I, call, "Counter.update() takes one iterable or mapping here");
        Val v = counted(I, call, 0);
        it_put(&t, v.ty->kind == T_DICT ? "def update(c, m):\n    for k, n in m.items():\n        c[k] += n\n"
                                        : "def update(c, it):\n    for x in it:\n        c[x] += 1\n");
        args[na++] = it_held(I, call, 1, v);
    }
    return it_inline(I, call, t.buf, t.n, "<Counter>", args, na);
}

/* defaultdict(factory): an empty one (the factory a builtin type written in the call) */
Val dc_defaultdict(Inf *I, Node *call) {
    if (call->nkids2) inf_fail(I, call, "defaultdict() takes no keyword arguments here");
    if (call->nkids > 2) inf_fail(I, call, "defaultdict() takes a factory and a mapping here (%d arguments given)", call->nkids);
    Node *fn = call->nkids ? call->kids[0] : NULL;
    int f = KILN_FACTORY_COUNT;
    if (fn && fn->kind == N_NAME && !st_is_var(I, fn->name))
        for (f = KILN_FACTORY_INT; f < KILN_FACTORY_COUNTER && strcmp(ty_factory_names[f], fn->name); f++) {}
    if (f >= KILN_FACTORY_COUNTER)
        inf_fail(I, fn ? fn : call, "defaultdict()'s factory is one of int, float, bool, complex, str, list and set here");
    if (call->nkids < 2) return new_dict(I, ty_dict_as(I->tt, &I->tt->unknown, &I->tt->unknown, f));
    /* defaultdict(factory, mapping): its entries (a dict's, or an iterable of pairs), in their order */
    Val m = counted(I, call, 1);
    if (m.ty->kind == T_UNKNOWN) return m;
    char buf[512];
    ItText t = {buf, sizeof buf, 0, I, call, "defaultdict"};
    it_put(&t, "def filled(m):\n    d = " KILN_COLLECTIONS_NAME ".defaultdict(%s)\n    for k, v in m%s:\n        d[k] = v\n"
               "    return d\n", ty_factory_names[f], m.ty->kind == T_DICT ? ".items()" : "");
    Node *arg = it_held(I, call, 1, m);
    return it_inline(I, call, t.buf, t.n, "<defaultdict>", &arg, 1);
}

static Val value_or(Inf *I, Val d, Ref e, Val *dflt, Node *at);

/* d[k] (KeyError with the key's repr; a defaultdict's missing key given its factory's value; a Counter's read as 0,
 * not added) */
Val dc_get(Inf *I, Node *sub, Val d) {
    Val k = key_of(I, sub);
    if (d.ty->layout == KILN_FACTORY_COUNTER && !untyped(d.ty)) {
        Val zero = mk(I, inf_const_i(I, d.ty->elems[1], 0));
        return value_or(I, d, find(I, d, k, DICT_FIND_OR_NEG, sub), &zero, sub);
    }
    if (d.ty->layout) {
        Ref e;
        if (!ensure_entry(I, sub, d, k, &e)) return mk(I, inf_static(I, &I->tt->unknown));
        return ls_item(I, part(I, d, 1), e);
    }
    if (untyped(d.ty)) { /* empty: every key is missing */
        st_raise_if(I, inf_const_i(I, inf_bool(I), 1), "KeyError", "the dict is empty");
        return mk(I, inf_static(I, &I->tt->unknown));
    }
    Ref e = find(I, d, k, DICT_FIND_OR_RAISE, sub);
    return ls_item(I, part(I, d, 1), e);
}

/* an empty dict in a variable learns its types from what is put in it */
static bool typed_for(Inf *I, Node *recv, Val d, Val k, Val v, Node *at) {
    if (k.ty->kind == T_UNKNOWN || v.ty->kind == T_UNKNOWN) return false;
    if (d.ty->layout == KILN_FACTORY_COUNTER && !(v.ty->kind == T_SCALAR && dt_is_int(v.ty->dtype)))
        inf_fail(I, at, "a Counter's counts are ints in kiln (this one is given %s: a missing key reads as the int 0, which "
                        "would print differently)", inf_tyname(I, v.ty));
    if (!untyped(d.ty)) { /* values that were empty lists so far learn the item type of a later one ({i: [...]}) */
        const Type *vt = d.ty->elems[1], *j = vt->kind == T_LIST && v.ty->kind == T_LIST && v.ty != vt ? ls_item_join(I, vt, v.ty) : NULL;
        if (!j || j == vt) return true;
        inf_dict_learn(I, recv, dict_like(I, d.ty, d.ty->elems[0], j), at);
        return false;
    }
    key_kind(I, k.ty, at);
    inf_dict_learn(I, recv, dict_like(I, d.ty, k.ty, v.ty), at);
    return false;
}

/* d[k] = v */
void dc_store(Inf *I, Node *sub, Val d, Val v) {
    if (v.ew) v = ew_force(I, v, sub);
    v = tx_value(I, v);
    Val k = key_of(I, sub);
    if (typed_for(I, sub->a, d, k, v, sub)) set(I, d, k, v, sub);
}

/* d[k] op= v */
void dc_augassign(Inf *I, Node *s, Val d) {
    Node *sub = s->a;
    Val k = key_of(I, sub);
    Ref e;
    if (d.ty->layout) {
        if (!ensure_entry(I, sub, d, k, &e)) return;
    } else if (untyped(d.ty)) {
        st_raise_if(I, inf_const_i(I, inf_bool(I), 1), "KeyError", "the dict is empty");
        return;
    } else e = find(I, d, k, DICT_FIND_OR_RAISE, sub);
    Val cur = ls_item(I, part(I, d, 1), e);
    if (cur.ty->kind == T_ARRAY) { st_inplace(I, s, cur); return; } /* the array's own elements change, as in NumPy */
    Val r = ex_binop(I, s->op, cur, ex_expr(I, s->b), s, s->b);
    if (r.ty->kind == T_UNKNOWN) return;
    set(I, d, k, r, s); /* by key, not entry e: the right side may have deleted or added keys (CPython sets by key too) */
}

Val dc_contains(Inf *I, Val d, Val k, Node *at) {
    if (untyped(d.ty)) return mk(I, inf_const_i(I, inf_bool(I), 0));
    return mk(I, find(I, d, k, DICT_FIND_IN, at));
}

Ref dc_len(Inf *I, Val d) { return untyped(d.ty) ? inf_k64(I, 0) : ls_len(I, part(I, d, 0)); }

/* what a for loop walks: the keys, the values, or (items) both */
Val dc_part(Inf *I, Val d, int which) {
    if (untyped(d.ty)) return ls_list_of_untyped(I);
    return part(I, d, which);
}

void dc_delete(Inf *I, Node *sub, Val d) {
    Val k = key_of(I, sub);
    if (untyped(d.ty)) { st_raise_if(I, inf_const_i(I, inf_bool(I), 1), "KeyError", "the dict is empty"); return; }
    Ref ops[1 + KILN_MAX_ITEM_SLOTS] = {d.r};
    int n = 1 + leaves(I, fit(I, d.ty->elems[0], k, sub, "key"), ops + 1, KILN_MAX_ITEM_SLOTS);
    lib(I, NULL, LIB_DICT_DEL, ops, n);
}

/* the value at entry e if e >= 0, else `dflt` (a value, or the Optional's None when dflt is NULL) */
static Val value_or(Inf *I, Val d, Ref e, Val *dflt, Node *at) {
    uint32_t yes = inf_block(I), no = inf_block(I), join = inf_block(I);
    inf_branch(I, inf_op2(I, OP_GE, inf_bool(I), e, inf_k64(I, 0)), yes, no);
    inf_seal(I, yes); inf_seal(I, no);
    Node *res = st_hidden(I, "$dget%d", at);
    const Type *vt = d.ty->elems[1];
    I->cur = yes;
    Val v = ls_item(I, part(I, d, 1), e);
    if (dflt && dflt->ty->kind == T_NONE) dflt = NULL;
    if (!dflt) { /* an Optional: (found, value) */
        const Type *ot = ty_optional(I->tt, vt);
        if (!ot) inf_oom(I);
        Val o = {0};
        o.ty = ot; o.str = -1;
        o.el = arena_alloc(I->a, 2 * sizeof(Val));
        if (!o.el) inf_oom(I);
        o.el[0] = mk(I, inf_const_i(I, inf_bool(I), 1)); o.el[1] = v;
        inf_assign(I, res, o);
        inf_jump(I, join);
        I->cur = no;
        Val z = o;
        z.el = arena_alloc(I->a, 2 * sizeof(Val));
        if (!z.el) inf_oom(I);
        z.el[0] = mk(I, inf_const_i(I, inf_bool(I), 0)); z.el[1] = mk(I, inf_zero(I, I->cur, vt));
        inf_assign(I, res, z);
    } else {
        inf_assign(I, res, v);
        inf_jump(I, join);
        I->cur = no;
        inf_assign(I, res, fit(I, vt, *dflt, at, "value"));
    }
    inf_jump(I, join);
    I->cur = join;
    inf_seal(I, join);
    return inf_read_name(I, res);
}

static void nargs(Inf *I, Node *call, const char *m, int lo, int hi) {
    if (call->nkids2) inf_fail(I, call->kids2[0], "dict.%s() takes no keyword arguments", m);
    if (call->nkids < lo || call->nkids > hi) inf_fail(I, call, "dict.%s() takes %d to %d arguments (%d given)", m, lo, hi, call->nkids);
}

/* the call node name(args) at `at` (a builtin the lowering spells) */
static Node *call_of(Inf *I, const char *name, Node **args, int n, Node *at) {
    Node *c = arena_alloc(I->a, sizeof *c), *f = arena_alloc(I->a, sizeof *f), **kids = arena_alloc(I->a, sizeof(Node *) * (size_t)n);
    if (!c || !f || !kids) inf_oom(I);
    memset(c, 0, sizeof *c);
    memset(f, 0, sizeof *f);
    f->kind = N_NAME; f->name = name; f->line = at->line; f->col = at->col; f->id = -1;
    memcpy(kids, args, sizeof(Node *) * (size_t)n);
    c->kind = N_CALL; c->a = f; c->kids = kids; c->nkids = n; c->line = at->line; c->col = at->col; c->id = at->id;
    return c;
}

/* d.update(other, k=v, ...): other's items (a dict's, in its order, or pairs), then the keywords', each stored as
 * d[k] = v does; a text lowered at the call. The dict is passed as the name it is (an empty one learns its types
 * from the stores), anything else once */
static Val update(Inf *I, Node *call, Node *recv, Val d) {
    if (call->nkids > 1) inf_fail(I, call, "update expected at most 1 argument, got %d", call->nkids);
    if (call->nkids2 > 16) inf_fail(I, call, "update() with more than 16 keywords is not supported");
    char buf[4096];
    ItText t = {buf, sizeof buf, 0, I, call, "update() call"};
    Node *args[2 + 16];
    int na = 0;
    args[na++] = recv->kind == N_NAME ? recv : it_held(I, call, 0, d);
#define PUT(...) it_put(&t, __VA_ARGS__)
    PUT("def update(d");
    if (call->nkids) PUT(", o");
    for (int i = 0; i < call->nkids2; i++) PUT(", v%d", i);
    PUT("):\n    pass\n");
    if (call->nkids) {
        Node *on = call->kids[0];
        /* zip(), enumerate(), a generator: iterables only, so their pairs made a dict first (the same stores in the
         * same order: a later pair of one key wins in both) */
        if (on->kind == N_GENEXP || st_is_builtin_call(I, on, "zip") || st_is_builtin_call(I, on, "enumerate"))
            on = call_of(I, "dict", (Node *[]){on}, 1, call);
        Val o = ex_expr(I, on);
        args[na] = it_held(I, call, na, o);
        na++;
        PUT("%s", store_all(o.ty->kind == T_DICT));
    }
    for (int i = 0; i < call->nkids2; i++) {
        args[na++] = call->kids2[i];
        PUT("    d[\"%s\"] = v%d\n", call->names[i], i);
    }
#undef PUT
    return it_inline(I, call, t.buf, t.n, "<dict.update>", args, na);
}

/* d.popitem(): the last entry in the dict's order (CPython's LIFO), taken out, as a (key, value) pair */
static Val popitem(Inf *I, Node *call, Val d) {
    nargs(I, call, "popitem", 0, 0);
    const char *empty = "'popitem(): dictionary is empty'";
    if (untyped(d.ty)) { st_raise_if(I, inf_const_i(I, inf_bool(I), 1), "KeyError", empty); return mk(I, inf_static(I, &I->tt->unknown)); }
    Val keys = part(I, d, 0);
    Ref n = ls_len(I, keys);
    st_raise_if(I, inf_op2(I, OP_EQ, inf_bool(I), n, inf_k64(I, 0)), "KeyError", empty);
    Ref last = inf_op2(I, OP_SUB, inf_i64(I), n, inf_k64(I, 1));
    Val kv[2] = {ls_item(I, keys, last), ls_item(I, part(I, d, 1), last)};
    dc_delete_key(I, d, kv[0], call);
    return inf_tuple(I, kv, 2);
}

Val dc_method(Inf *I, Node *call, Val d, const char *m) {
    Node *recv = call->a->a;
    if (d.ty->layout == KILN_FACTORY_COUNTER && (!strcmp(m, "most_common") || !strcmp(m, "update") || !strcmp(m, "total") ||
                                                 !strcmp(m, "elements") || !strcmp(m, "subtract")))
        return counter_method(I, call, recv, d, m);
    if (!strcmp(m, "get") || !strcmp(m, "pop")) {
        bool pop = m[0] == 'p';
        nargs(I, call, m, 1, 2);
        Val k = tx_value(I, ex_expr(I, call->kids[0]));
        Val dflt = call->nkids > 1 ? tx_value(I, ex_expr(I, call->kids[1])) : none(I);
        if (untyped(d.ty)) {
            if (pop && call->nkids < 2) st_raise_if(I, inf_const_i(I, inf_bool(I), 1), "KeyError", "the dict is empty");
            return dflt;
        }
        if (pop && call->nkids < 2) { /* d.pop(k): KeyError when missing */
            Ref e = find(I, d, k, DICT_FIND_OR_RAISE, call);
            Val v = ls_item(I, part(I, d, 1), e);
            dc_delete_key(I, d, k, call);
            return v;
        }
        Ref e = find(I, d, k, DICT_FIND_OR_NEG, call);
        Val v = value_or(I, d, e, &dflt, call);
        if (pop) { /* delete only what is there */
            uint32_t yes = inf_block(I), join = inf_block(I);
            inf_branch(I, inf_op2(I, OP_GE, inf_bool(I), find(I, d, k, DICT_FIND_OR_NEG, call), inf_k64(I, 0)), yes, join);
            inf_seal(I, yes);
            I->cur = yes;
            dc_delete_key(I, d, k, call);
            inf_jump(I, join);
            I->cur = join;
            inf_seal(I, join);
        }
        return v;
    }
    if (!strcmp(m, "setdefault")) {
        nargs(I, call, m, 2, 2);
        Val k = tx_value(I, ex_expr(I, call->kids[0])), v = tx_value(I, ex_expr(I, call->kids[1]));
        if (!typed_for(I, recv, d, k, v, call)) return v;
        uint32_t add = inf_block(I), join = inf_block(I);
        inf_branch(I, find(I, d, k, DICT_FIND_IN, call), join, add);
        inf_seal(I, add);
        I->cur = add;
        set(I, d, k, v, call);
        inf_jump(I, join);
        I->cur = join;
        inf_seal(I, join);
        return ls_item(I, part(I, d, 1), find(I, d, k, DICT_FIND_OR_RAISE, call));
    }
    if (!strcmp(m, "popitem")) return popitem(I, call, d);
    if (!strcmp(m, "copy")) { /* of d's type: a defaultdict's copy is one, a Counter's a Counter */
        nargs(I, call, m, 0, 0);
        if (untyped(d.ty)) return new_dict(I, d.ty);
        return mk(I, lib(I, d.ty, LIB_DICT_COPY, &d.r, 1));
    }
    if (!strcmp(m, "clear")) { nargs(I, call, m, 0, 0); lib(I, NULL, LIB_DICT_CLEAR, &d.r, 1); return none(I); }
    if (!strcmp(m, "items")) { /* list(zip(keys, values)) now (a view in Python: read it, do not keep it) */
        nargs(I, call, m, 0, 0);
        Node *ks = st_hidden(I, "$ik%d", call), *vs = st_hidden(I, "$iv%d", call);
        inf_assign(I, ks, dc_part(I, d, 0));
        inf_assign(I, vs, dc_part(I, d, 1));
        Node *pair[2] = {ks, vs};
        return ex_expr(I, call_of(I, "list", (Node *[]){call_of(I, "zip", pair, 2, call)}, 1, call));
    }
    if (!strcmp(m, "update")) return update(I, call, recv, d);
    if (!strcmp(m, "keys") || !strcmp(m, "values")) { /* a list of them now (Python's view: read it, do not keep it) */
        nargs(I, call, m, 0, 0);
        Val l = dc_part(I, d, m[0] == 'v');
        return ls_copy(I, l);
    }
    inf_fail(I, call, "'%s' object has no attribute '%s' (or kiln does not support it yet)", ty_name(d.ty), m);
}

void dc_delete_key(Inf *I, Val d, Val k, Node *at) {
    Ref ops[1 + KILN_MAX_ITEM_SLOTS] = {d.r};
    int n = 1 + leaves(I, fit(I, d.ty->elems[0], k, at, "key"), ops + 1, KILN_MAX_ITEM_SLOTS);
    lib(I, NULL, LIB_DICT_DEL, ops, n);
}

/* `d = {}` (`s = set()`) binds d: a dict (set) made untyped, or passed in empty, takes the types an earlier round
 * learned for d (an empty one passed in sizes its entries at the first store, rt/dict.c and rt/set.c) */
Val dc_typed(Inf *I, const Type *t, Val v) {
    Ins *in = &I->f->ins.v[v.r];
    /* a new empty one, or (sets) an empty set passed in, whose entries take their size at the first key (rt/set.c) */
    bool arg = in->op == OP_ARG && (t->kind == T_SET || t->kind == T_DICT);
    if (!arg && (in->op != OP_LIB || ((in->aux & 0xff) != LIB_DICT_NEW && (in->aux & 0xff) != LIB_SET_NEW))) {
        /* an empty one that reached the variable through a merge (`d = {} if k else {}`): the same table, seen as t
         * (it holds nothing yet; its entries take their size at the first key) */
        if (v.ty->kind == t->kind && v.ty->layout == t->layout && v.ty->elems[0]->kind == T_UNKNOWN && in->op == OP_PARAM)
            return val_of(I, inf_emit(I, OP_CAST, t, &v.r, 1, 0));
        return v;
    }
    in->ty = t;
    v.ty = t;
    return v;
}

/* ---- dict(...) ---- */

static Node *name_at(Inf *I, const char *name, Node *at) {
    Node *n = inf_node(I, N_NAME, at);
    n->name = name;
    return n;
}

/* dict(), dict(k=v, ...), dict(mapping) (a copy, in its order) or dict(pairs): a display, or the comprehension
 * {k: v for k, v in pairs} (mapping.items() for a dict). A generator expression, map(), zip() or enumerate()
 * argument is iterated where it is written; anything else is evaluated once into a hidden variable */
Val dc_call(Inf *I, Node *call) {
    if (call->nkids > 1) inf_fail(I, call, "dict expected at most 1 argument, got %d", call->nkids);
    if (call->nkids == 0) { /* {k: v, ...} of the keywords (none: an empty dict, which learns its types) */
        Node *d = inf_node(I, N_DICT, call);
        Node **ks = arena_alloc(I->a, sizeof(Node *) * (size_t)(call->nkids2 ? call->nkids2 : 1));
        if (!ks) inf_oom(I);
        for (int k = 0; k < call->nkids2; k++) {
            ks[k] = inf_node(I, N_STR, call->kids2[k]);
            ks[k]->name = call->names[k];
        }
        d->kids = ks; d->nkids = call->nkids2;
        d->kids2 = call->kids2; d->nkids2 = call->nkids2;
        return dc_display(I, d);
    }
    if (call->nkids2) inf_fail(I, call, "dict() of an argument and keywords together is not supported (set the keys after)");
    Node *src = call->kids[0];
    bool iterated = src->kind == N_GENEXP || st_is_builtin_call(I, src, "zip") || st_is_builtin_call(I, src, "enumerate");
    if (!iterated) {
        Val v = ex_expr(I, src);
        src = it_held(I, call, 0, v);
        if (v.ty->kind == T_DICT) { /* its items */
            Node *m = inf_node(I, N_ATTR, call), *c = inf_node(I, N_CALL, call);
            m->a = src; m->name = "items";
            c->a = m;
            src = c;
        }
    }
    Node *k = name_at(I, "$dk", call), *v = name_at(I, "$dv", call);
    Node *target = inf_node(I, N_TUPLE, call), *pair = inf_node(I, N_TUPLE, call);
    Node **tk = arena_alloc(I->a, 2 * sizeof(Node *)), **pk = arena_alloc(I->a, 2 * sizeof(Node *));
    if (!tk || !pk) inf_oom(I);
    tk[0] = k; tk[1] = v; pk[0] = name_at(I, "$dk", call); pk[1] = name_at(I, "$dv", call);
    target->kids = tk; target->nkids = 2;
    pair->kids = pk; pair->nkids = 2;
    Node *clause = inf_node(I, N_COMPFOR, call), *comp = inf_node(I, N_DICTCOMP, call);
    clause->id = call->id; /* the loop's id: stable across rounds, as the call's */
    clause->a = target; clause->b = src;
    comp->id = call->id;
    comp->a = pair;
    comp->kids = arena_alloc(I->a, sizeof(Node *));
    if (!comp->kids) inf_oom(I);
    comp->kids[0] = clause; comp->nkids = 1;
    return gx_dictcomp(I, comp);
}
