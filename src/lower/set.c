/*
 * set.c — Python sets in kernels: displays and comprehensions, set(), in,
 * len, iteration, the operators | & - ^ and their in-place forms, the
 * comparisons (equality and subsets), and the methods add, discard, remove,
 * pop, clear, copy, update, union, intersection, difference,
 * symmetric_difference (and their _update forms), issubset, issuperset and
 * isdisjoint.
 *
 * A set is one value, the address of a run-time RtSet (rt/set.c), which
 * keeps CPython's own table so that loops, print and results see CPython's
 * order. That order depends on which operations run, in which sequence, so
 * each construct is lowered as CPython 3.11 evaluates it: a display of three
 * or more constants is a frozenset constant (which the compiler builds, then
 * builds again from its own order) merged into a new set, and a `for` over a
 * display of constants walks that frozenset itself; other displays add their
 * items in turn; set(x) of a set copies it, of a dict grows once and adds the
 * keys, of anything else adds its items in turn; a method given an iterable
 * that is not a set walks it as CPython does (genexp.c's gx_set_fill writes
 * the loop). Keys are numbers or tuples of them, of one type (dict.c's rule);
 * two sets combined must have the same key type. An empty set bound to a
 * variable learns its key type from what is added to it, as `d = {}` does.
 */
#include "infer.h"
#include "../ir/lib.h"
#include "../rt/run.h"
#include <stdio.h>
#include <string.h>

static Val mk(Inf *I, Ref r) { return val_of(I, r); }
static Val none(Inf *I) { return mk(I, inf_static(I, &I->tt->none)); }
static Val unknown(Inf *I) { return mk(I, inf_static(I, &I->tt->unknown)); }
static Val yes_no(Inf *I, bool v) { return mk(I, inf_const_i(I, inf_bool(I), v)); }

static const Type *set_of(Inf *I, const Type *k) {
    const Type *t = ty_set(I->tt, k);
    if (!t) inf_oom(I);
    return t;
}

static bool untyped(const Type *s) { return s->elems[0]->kind == T_UNKNOWN; }

static Ref lib(Inf *I, const Type *t, int routine, const Ref *ops, int n) { return inf_emit(I, OP_LIB, t, ops, (uint32_t)n, routine); }

static Val new_set(Inf *I, const Type *t) {
    Ref zero = inf_k64(I, 0);
    return mk(I, lib(I, t, LIB_SET_NEW, &zero, 1));
}

static Ref key_op(Inf *I, Val s, Val k, int mode, Node *at) {
    Ref ops[1 + KILN_MAX_ITEM_SLOTS] = {s.r};
    if (k.ew) k = ew_force(I, k, at);
    int n = 1 + cl_flatten(I, dc_fit(I, "set", s.ty->elems[0], k, at, "key"), ops + 1, KILN_MAX_ITEM_SLOTS);
    return lib(I, mode == SETKEY_IN ? inf_bool(I) : NULL, LIB_SET_KEY | mode << 8, ops, n);
}

/* a SETOP_* of two sets of one key type */
static Val bin(Inf *I, int op, Val a, Val b) {
    Ref ops[2] = {a.r, b.r};
    const Type *t = op <= SETOP_XOR ? a.ty : op <= SETOP_TAKE || op == SETOP_FREE ? NULL : op == SETOP_LEN ? inf_i64(I) : inf_bool(I);
    Ref r = lib(I, t, LIB_SET_BIN | op << 8, ops, 2);
    return t ? mk(I, r) : none(I);
}

/* two sets combined: an untyped one (nothing was ever added to it: empty) stands as an empty set of the other's
 * type; otherwise the key types must agree */
static bool agree(Inf *I, Val *a, Val *b, Node *at) {
    if (untyped(a->ty) && untyped(b->ty)) return false;
    if (untyped(a->ty)) *a = new_set(I, b->ty);
    else if (untyped(b->ty)) *b = new_set(I, a->ty);
    if (a->ty != b->ty)
        inf_fail(I, at, "a %s and a %s cannot be combined: kiln sets combine keys of one type", inf_tyname(I, a->ty), inf_tyname(I, b->ty));
    return true;
}

/* ---- making sets ---- */

/* what CPython's compiler folds into a constant: numbers, None, strings, and operators and tuples of them */
static bool constant(Node *n) {
    switch (n->kind) {
    case N_INT: case N_FLOAT: case N_IMAG: case N_STR: case N_BOOL: case N_NONE: return true;
    case N_UNARY: return constant(n->a);
    case N_BINARY: return constant(n->a) && constant(n->b);
    case N_TUPLE:
        for (int i = 0; i < n->nkids; i++) if (!constant(n->kids[i])) return false;
        return true;
    default: return false;
    }
}

/* {a, b, ...}; iterated: the iterable of a for (CPython folds a display of constants there into a frozenset) */
Val se_display(Inf *I, Node *n, bool iterated) {
    if (!n->nkids) return new_set(I, set_of(I, &I->tt->unknown));
    Val *ks = arena_alloc(I->a, sizeof(Val) * (size_t)n->nkids);
    if (!ks) inf_oom(I);
    const Type *kt = NULL;
    bool folded = true;
    for (int i = 0; i < n->nkids; i++) {
        ks[i] = ex_expr(I, n->kids[i]);
        if (ks[i].ty->kind == T_UNKNOWN) return unknown(I);
        if (ks[i].ew) ks[i] = ew_force(I, ks[i], n->kids[i]);
        dc_key_kind(I, "set", ks[i].ty, n->kids[i]);
        const Type *j = kt ? ls_item_join(I, kt, ks[i].ty) : ks[i].ty;
        if (!j) inf_fail(I, n->kids[i], "a set's keys must have one type: %s and %s", inf_tyname(I, kt), inf_tyname(I, ks[i].ty));
        kt = j;
        folded = folded && constant(n->kids[i]);
    }
    const Type *t = set_of(I, kt);
    Val s = new_set(I, t);
    for (int i = 0; i < n->nkids; i++) key_op(I, s, ks[i], SETKEY_ADD, n->kids[i]);
    if (!folded || (n->nkids <= 2 && !iterated)) return s; /* BUILD_SET: added in turn */
    Val f = bin(I, SETOP_REBUILD, s, s); /* the constant, built again by the compiler from its own order */
    if (iterated) return f;
    Val r = new_set(I, t);
    bin(I, SETOP_IOR, r, f);
    return r;
}

Val se_comp(Inf *I, Node *n) { return gx_setcomp(I, n); }

/* a method's or set()'s argument: a set, a dict, or another iterable (node set: walk the node itself, which is a
 * generator expression or a call that iterates; else the value v) */
typedef struct Arg { Val v; Node *node, *at; } Arg;

static bool walked(Inf *I, Node *n) {
    return n->kind == N_GENEXP || st_is_builtin_call(I, n, "range") || st_is_builtin_call(I, n, "zip") ||
           st_is_builtin_call(I, n, "enumerate") || st_is_builtin_call(I, n, "reversed") || nf_is_generator_call(I, n);
}

static Arg arg_of(Inf *I, Node *n) {
    Arg a = {{0}, NULL, n};
    if (walked(I, n)) { a.node = n; a.v.ty = &I->tt->unknown; return a; }
    a.v = ex_expr(I, n);
    if (a.v.ew) a.v = ew_force(I, a.v, n);
    return a;
}

static bool is_set(const Arg *a) { return !a->node && a->v.ty->kind == T_SET; }
static bool is_dict(const Arg *a) { return !a->node && a->v.ty->kind == T_DICT; }

/* set(a): a set's copy, a dict's keys after one resize, any other iterable's items added in turn */
static Val set_of_arg(Inf *I, Node *call, Arg *a) {
    if (is_set(a)) return untyped(a->v.ty) ? new_set(I, a->v.ty) : bin(I, SETOP_COPY, a->v, a->v);
    if (is_dict(a) && a->v.ty->elems[0]->kind != T_UNKNOWN) {
        Val s = new_set(I, set_of(I, a->v.ty->elems[0]));
        Ref ops[2] = {s.r, dc_len(I, a->v)};
        lib(I, NULL, LIB_SET_RESERVE, ops, 2);
        Val keys = dc_part(I, a->v, 0);
        gx_set_fill(I, a->at, NULL, &s, NULL, &keys, "add", NULL);
        return s;
    }
    return gx_set_of(I, call, a->node, a->node ? NULL : &a->v);
}

/* set(), set(iterable) */
Val se_call(Inf *I, Node *call) {
    if (call->nkids2) inf_fail(I, call->kids2[0], "set() takes no keyword arguments");
    if (call->nkids > 1) inf_fail(I, call, "set expected at most 1 argument, got %d", call->nkids);
    if (!call->nkids) return new_set(I, set_of(I, &I->tt->unknown));
    Arg a = arg_of(I, call->kids[0]);
    return set_of_arg(I, call, &a);
}

/* ---- reading ---- */

Val se_contains(Inf *I, Val s, Val k, Node *at) {
    if (untyped(s.ty)) return yes_no(I, false);
    return mk(I, key_op(I, s, k, SETKEY_IN, at));
}

Ref se_len(Inf *I, Val s) { return untyped(s.ty) ? inf_k64(I, 0) : bin(I, SETOP_LEN, s, s).r; }

/* whether expression n makes a new set that only its consumer sees (an operator's result, a new set's method) */
static bool temporary(Inf *I, Node *n) {
    static const char *const fresh[] = {"union", "intersection", "difference", "symmetric_difference", "copy"};
    if (n->kind == N_BINARY || n->kind == N_SET || n->kind == N_SETCOMP || st_is_builtin_call(I, n, "set")) return true;
    if (n->kind != N_CALL || n->a->kind != N_ATTR) return false;
    for (int k = 0; k < (int)NELEM(fresh); k++) if (!strcmp(n->a->name, fresh[k])) return true;
    return false;
}

/* len(s): of a temporary (len(a & b)), its table is let go at once (kiln frees a call's sets when it returns: a loop
 * of len(a & b) would map fresh pages for every result) */
Ref se_len_of(Inf *I, Val s, Node *n) {
    Ref r = se_len(I, s);
    if (!untyped(s.ty) && temporary(I, n)) bin(I, SETOP_FREE, s, s);
    return r;
}

/* the keys in iteration order, as a list (the set's own: a loop reads it before the set changes) */
Val se_items(Inf *I, Val s) {
    if (untyped(s.ty)) return ls_list_of_untyped(I);
    const Type *lt = ty_list(I->tt, s.ty->elems[0]);
    if (!lt) inf_oom(I);
    return mk(I, lib(I, lt, LIB_SET_ITEMS, &s.r, 1));
}

/* ---- operators ---- */

static int setop_of(int tok) {
    switch (tok) {
    case TK_PIPE: return SETOP_OR;
    case TK_AMP: return SETOP_AND;
    case TK_MINUS: return SETOP_SUB;
    case TK_CARET: return SETOP_XOR;
    default: return -1;
    }
}

/* a | b, a & b, a - b, a ^ b of two sets (CPython's TypeError for anything else) */
Val se_binop(Inf *I, int tok, Val a, Val b, Node *at) {
    int op = setop_of(tok);
    if (op < 0 || a.ty->kind != T_SET || b.ty->kind != T_SET)
        inf_fail(I, at, "unsupported operand type(s) for %s: '%s' and '%s'", tok_str(tok), ty_name(a.ty), ty_name(b.ty));
    if (!agree(I, &a, &b, at)) return new_set(I, a.ty);
    return bin(I, op, a, b);
}

/* a == b, a != b, and the subset comparisons <= < >= > */
Val se_compare(Inf *I, int tok, Val a, Val b, Node *at) {
    bool eq = tok == TK_EQ || tok == TK_NE;
    if (a.ty->kind != T_SET || b.ty->kind != T_SET) {
        if (eq) return yes_no(I, tok == TK_NE); /* a set equals no other kind of value */
        inf_fail(I, at, "'%s' not supported between instances of '%s' and '%s'", tok_str(tok), ty_name(a.ty), ty_name(b.ty));
    }
    if (tok == TK_GE || tok == TK_GT) { Val t = a; a = b; b = t; tok = tok == TK_GE ? TK_LE : TK_LT; }
    if (!agree(I, &a, &b, at)) return yes_no(I, tok != TK_NE && tok != TK_LT); /* two empty sets */
    int op = eq ? SETOP_EQ : tok == TK_LE ? SETOP_LE : tok == TK_LT ? SETOP_LT : -1;
    if (op < 0) inf_fail(I, at, "'%s' is not supported between sets", tok_str(tok));
    Val r = bin(I, op, a, b);
    return tok == TK_NE ? mk(I, inf_op2(I, OP_EQ, inf_bool(I), r.r, inf_const_i(I, inf_bool(I), 0))) : r;
}

/* ---- changing a set in place ---- */

/* the receiver of a method or an augmented assignment: an empty set in a variable learns its type from the other
 * operand (true: typed, go on) */
static bool typed_from(Inf *I, Node *recv, Val s, const Type *kt, Node *at) {
    if (!untyped(s.ty)) return true;
    if (kt && kt->kind != T_UNKNOWN) {
        dc_key_kind(I, "set", kt, at);
        inf_dict_learn(I, recv, set_of(I, kt), at);
    }
    return false;
}

/* the key type an iterable's items would have, or NULL (a walked node: the loop's adds will tell) */
static const Type *items_type(Inf *I, const Arg *a) {
    if (a->node) return NULL;
    const Type *t = a->v.ty;
    if (t->kind == T_SET || t->kind == T_LIST || t->kind == T_DICT) return t->elems[0];
    if (t->kind == T_ARRAY && t->ndim == 1) return ty_scalar(I->tt, t->dtype, false);
    if (t->kind == T_TUPLE && t->n) {
        const Type *j = t->elems[0];
        for (int i = 1; i < t->n && j; i++) j = ls_item_join(I, j, t->elems[i]);
        return j;
    }
    return NULL;
}

/* a non-set iterable as a set (for what depends on membership only) */
static Val as_set(Inf *I, Node *at, Arg *a) {
    if (is_set(a)) return a->v;
    Node call = *at;
    call.kind = N_CALL; call.nkids = 1; call.kids = &at; call.nkids2 = 0;
    return set_of_arg(I, &call, a);
}

/* s |= it: a set merged, a dict's keys after one resize, any other iterable's items added in turn */
static void update(Inf *I, Node *recv, Val s, Arg *a) {
    if (is_set(a)) {
        if (!untyped(a->v.ty) && agree(I, &s, &a->v, a->at)) bin(I, SETOP_IOR, s, a->v);
        return;
    }
    if (is_dict(a)) {
        if (a->v.ty->elems[0]->kind == T_UNKNOWN) return;
        Ref ops[2] = {s.r, dc_len(I, a->v)};
        lib(I, NULL, LIB_SET_RESERVE, ops, 2);
        Val keys = dc_part(I, a->v, 0);
        gx_set_fill(I, a->at, recv, &s, NULL, &keys, "add", NULL);
        return;
    }
    gx_set_fill(I, a->at, recv, &s, a->node, a->node ? NULL : &a->v, "add", NULL);
}

/* s -= it (difference_update's walk): a set's keys discarded, then dummies swept; an iterable's the same way */
static void discard_all(Inf *I, Node *recv, Val s, Arg *a) {
    if (is_set(a)) {
        if (!untyped(a->v.ty) && agree(I, &s, &a->v, a->at)) bin(I, SETOP_ISUB, s, a->v);
        return;
    }
    gx_set_fill(I, a->at, recv, &s, a->node, a->node ? NULL : &a->v, "discard", NULL);
    bin(I, SETOP_SWEEP, s, s);
}

/* s ^= it: a set's keys toggled; a dict's keys toggled in its order; another iterable made a set first */
static void toggle_all(Inf *I, Node *recv, Val s, Arg *a) {
    if (is_dict(a) && a->v.ty->elems[0]->kind != T_UNKNOWN) {
        Val keys = dc_part(I, a->v, 0);
        gx_set_fill(I, a->at, recv, &s, NULL, &keys, "$toggle", NULL);
        return;
    }
    Val o = as_set(I, a->at, a);
    if (agree(I, &s, &o, a->at)) bin(I, SETOP_IXOR, s, o);
}

/* intersection(s, it) as a new set: two sets by the smaller; an iterable walked, its items in s kept */
static Val intersect(Inf *I, Val s, Arg *a) {
    if (is_set(a)) {
        Val o = a->v;
        return agree(I, &s, &o, a->at) ? bin(I, SETOP_AND, s, o) : new_set(I, s.ty);
    }
    Val r = new_set(I, s.ty);
    gx_set_fill(I, a->at, NULL, &r, a->node, a->node ? NULL : &a->v, "add", &s);
    return r;
}

/* difference(s, it) as a new set: a set or a dict by CPython's two ways; an iterable: a copy, its items discarded */
static Val subtract(Inf *I, Val s, Arg *a) {
    if (is_set(a) || is_dict(a)) {
        Val o = as_set(I, a->at, a);
        return agree(I, &s, &o, a->at) ? bin(I, SETOP_SUB, s, o) : new_set(I, s.ty);
    }
    Val r = bin(I, SETOP_COPY, s, s);
    discard_all(I, NULL, r, a);
    return r;
}

static void nargs(Inf *I, Node *call, const char *m, int lo, int hi) {
    if (call->nkids2) inf_fail(I, call->kids2[0], "set.%s() takes no keyword arguments", m);
    if (call->nkids < lo || call->nkids > hi) {
        if (lo == hi) inf_fail(I, call, "set.%s() takes exactly %d argument%s (%d given)", m, lo, lo == 1 ? "" : "s", call->nkids);
        inf_fail(I, call, "set.%s() takes at least %d argument (%d given)", m, lo, call->nkids);
    }
}

static Arg *args_of(Inf *I, Node *call) {
    Arg *a = arena_alloc(I->a, sizeof(Arg) * (size_t)(call->nkids ? call->nkids : 1));
    if (!a) inf_oom(I);
    for (int i = 0; i < call->nkids; i++) a[i] = arg_of(I, call->kids[i]);
    return a;
}

/* the method m of an untyped (empty) set, which nothing was ever added to */
static Val empty_method(Inf *I, Node *call, Node *recv, Val s, const char *m) {
    Arg *a = args_of(I, call);
    if (!strcmp(m, "add") || !strcmp(m, "remove") || !strcmp(m, "$toggle")) {
        nargs(I, call, m, 1, 1);
        typed_from(I, recv, s, a[0].v.ty, call);
        return none(I);
    }
    if (!strcmp(m, "update") || !strcmp(m, "symmetric_difference_update") || !strcmp(m, "union") ||
        !strcmp(m, "symmetric_difference")) {
        bool fresh = m[0] == 'u' ? m[1] == 'n' : strcmp(m, "symmetric_difference") == 0;
        if (fresh) { /* a new set: the empty one's keys (none), then the arguments' */
            const Type *kt = NULL;
            for (int i = 0; i < call->nkids && !kt; i++) kt = items_type(I, &a[i]);
            Val r = new_set(I, kt && kt->kind != T_UNKNOWN ? set_of(I, kt) : s.ty);
            Node *hid = st_hidden(I, "$s%d.result", call);
            inf_assign(I, hid, r);
            for (int i = 0; i < call->nkids; i++) update(I, hid, inf_read_name(I, hid), &a[i]);
            return inf_read_name(I, hid);
        }
        for (int i = 0; i < call->nkids; i++) {
            const Type *kt = items_type(I, &a[i]);
            if (kt) { typed_from(I, recv, s, kt, call); return none(I); }
            if (a[i].node) update(I, recv, s, &a[i]); /* a walked iterable: its adds teach the variable */
        }
        return none(I);
    }
    if (!strcmp(m, "pop")) {
        nargs(I, call, m, 0, 0);
        st_raise_if(I, inf_const_i(I, inf_bool(I), 1), "KeyError", "'pop from an empty set'");
        return none(I);
    }
    if (!strcmp(m, "issubset") || !strcmp(m, "isdisjoint")) { nargs(I, call, m, 1, 1); return yes_no(I, true); }
    if (!strcmp(m, "issuperset")) {
        nargs(I, call, m, 1, 1);
        Val o = as_set(I, call->kids[0], &a[0]);
        return mk(I, inf_op2(I, OP_EQ, inf_bool(I), se_len(I, o), inf_k64(I, 0)));
    }
    if (!strcmp(m, "copy") || !strcmp(m, "intersection") || !strcmp(m, "difference")) return new_set(I, s.ty);
    if (!strcmp(m, "discard")) { nargs(I, call, m, 1, 1); return none(I); }
    return none(I); /* clear, intersection_update, difference_update: nothing to do */
}

static const struct { const char *name; int mode; } key_methods[] = {
    {"add", SETKEY_ADD}, {"discard", SETKEY_DISCARD}, {"remove", SETKEY_REMOVE}, {"$toggle", SETKEY_TOGGLE},
};

static const char *const method_names[] = {
    "add", "discard", "remove", "$toggle", "pop", "clear", "copy", "update", "union", "intersection", "intersection_update",
    "difference", "difference_update", "symmetric_difference", "symmetric_difference_update", "issubset", "issuperset",
    "isdisjoint",
};

Val se_method(Inf *I, Node *call, Val s, const char *m) {
    Node *recv = call->a->a;
    bool known = false;
    for (int k = 0; k < (int)NELEM(method_names); k++) known = known || !strcmp(m, method_names[k]);
    if (!known) inf_fail(I, call, "'set' object has no attribute '%s' (or kiln does not support it yet)", m);
    if (untyped(s.ty)) return empty_method(I, call, recv, s, m);
    for (int k = 0; k < (int)NELEM(key_methods); k++)
        if (!strcmp(m, key_methods[k].name)) {
            nargs(I, call, m, 1, 1);
            key_op(I, s, ex_expr(I, call->kids[0]), key_methods[k].mode, call);
            return none(I);
        }
    if (!strcmp(m, "pop")) {
        nargs(I, call, m, 0, 0);
        const Type *lt = ty_list(I->tt, s.ty->elems[0]);
        if (!lt) inf_oom(I);
        return ls_item(I, mk(I, lib(I, lt, LIB_SET_POP, &s.r, 1)), inf_k64(I, 0));
    }
    if (!strcmp(m, "clear")) { nargs(I, call, m, 0, 0); lib(I, NULL, LIB_SET_CLEAR, &s.r, 1); return none(I); }
    if (!strcmp(m, "copy")) { nargs(I, call, m, 0, 0); return bin(I, SETOP_COPY, s, s); }
    bool one_arg = !strcmp(m, "symmetric_difference") || !strcmp(m, "symmetric_difference_update") || !strcmp(m, "issubset") ||
                   !strcmp(m, "issuperset") || !strcmp(m, "isdisjoint");
    if (one_arg) nargs(I, call, m, 1, 1);
    else if (call->nkids2) nargs(I, call, m, 0, 0);
    Arg *a = args_of(I, call);
    if (!strcmp(m, "update")) {
        for (int i = 0; i < call->nkids; i++) update(I, recv->kind == N_NAME ? recv : NULL, s, &a[i]);
        return none(I);
    }
    if (!strcmp(m, "union")) { /* a copy, then each argument merged into it */
        Val r = bin(I, SETOP_COPY, s, s);
        for (int i = 0; i < call->nkids; i++) update(I, NULL, r, &a[i]);
        return r;
    }
    if (!strcmp(m, "intersection") || !strcmp(m, "intersection_update")) {
        Val r = call->nkids ? s : bin(I, SETOP_COPY, s, s);
        for (int i = 0; i < call->nkids; i++) r = intersect(I, r, &a[i]);
        if (m[12] != '_') return r;
        if (call->nkids) bin(I, SETOP_TAKE, s, r);
        return none(I);
    }
    if (!strcmp(m, "difference")) {
        if (!call->nkids) return bin(I, SETOP_COPY, s, s);
        Val r = subtract(I, s, &a[0]);
        for (int i = 1; i < call->nkids; i++) discard_all(I, NULL, r, &a[i]);
        return r;
    }
    if (!strcmp(m, "difference_update")) {
        for (int i = 0; i < call->nkids; i++) discard_all(I, recv->kind == N_NAME ? recv : NULL, s, &a[i]);
        return none(I);
    }
    if (!strcmp(m, "symmetric_difference")) { /* a new set of the argument's items, then s's toggled in it */
        Val o = set_of_arg(I, call, &a[0]);
        if (!agree(I, &s, &o, call)) return o;
        bin(I, SETOP_IXOR, o, s);
        return o;
    }
    if (!strcmp(m, "symmetric_difference_update")) { toggle_all(I, recv->kind == N_NAME ? recv : NULL, s, &a[0]); return none(I); }
    Val o = as_set(I, call->kids[0], &a[0]);
    if (!agree(I, &s, &o, call)) return yes_no(I, true);
    if (!strcmp(m, "issubset")) return bin(I, SETOP_LE, s, o);
    if (!strcmp(m, "issuperset")) return bin(I, SETOP_LE, o, s);
    return bin(I, SETOP_DISJOINT, s, o); /* isdisjoint */
}

/* s op= t: the set itself changes (every other name for it sees the change), and stays bound to s */
Val se_augassign(Inf *I, Node *st, Val s, Val b) {
    int op = setop_of(st->op);
    if (op < 0 || b.ty->kind != T_SET)
        inf_fail(I, st, "unsupported operand type(s) for %s=: 'set' and '%s'", tok_str(st->op), ty_name(b.ty));
    if (!typed_from(I, st->a, s, b.ty->elems[0], st)) return s;
    if (untyped(b.ty)) b = new_set(I, s.ty);
    if (!agree(I, &s, &b, st)) return s;
    bin(I, op + (SETOP_IOR - SETOP_OR), s, b);
    return s;
}
