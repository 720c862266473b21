/*
 * deque.c — collections.deque in kernels: its constructor, rotate and maxlen.
 *
 * A deque is a list to the compiler (a T_LIST of layout LIST_DEQUE) and an RtList at run time, so indexing, len,
 * iteration, `in`, ==, sum() and the rest are a list's (list.c, with the deque's own messages); popleft and
 * appendleft are O(1) because a list's items need not start their allocation (rt/list.c keeps the room a pop(0)
 * leaves before them, and makes room there for an insert(0)). A bounded deque (maxlen=k) keeps its bound in the
 * RtList, where every routine that adds items honours it as CPython does (a full deque drops an item from the other
 * end; insert raises IndexError), and its repr prints it.
 */
#include "infer.h"
#include "../ir/lib.h"
#include <string.h>

static Ref lib(Inf *I, const Type *t, int64_t routine, const Ref *ops, int n) { return inf_emit(I, OP_LIB, t, ops, (uint32_t)n, routine); }

/* deque(iterable=(), maxlen=None): a new deque, its maxlen set (ValueError if negative), the iterable's items put in
 * by extend (a bounded one keeps the last maxlen, as CPython's) */
Val dq_new(Inf *I, Node *call) {
    if (call->nkids > 2) inf_fail(I, call, "deque() takes at most 2 arguments (%d given)", call->nkids);
    Node *arg[2] = {call->nkids > 0 ? call->kids[0] : NULL, call->nkids > 1 ? call->kids[1] : NULL};
    static const char *const names[2] = {"iterable", "maxlen"};
    for (int i = 0; i < call->nkids2; i++) {
        int k = !strcmp(call->names[i], "iterable") ? 0 : !strcmp(call->names[i], "maxlen") ? 1 : -1;
        if (k < 0) inf_fail(I, call->kids2[i], "deque() got an unexpected keyword argument '%s'", call->names[i]);
        if (arg[k]) inf_fail(I, call->kids2[i], "argument for deque() given by name ('%s') and position (%d)", names[k], k + 1);
        arg[k] = call->kids2[i];
    }
    Val items = {0};
    if (arg[0]) {
        items = ls_iterable(I, arg[0]);
        if (items.ty->kind == T_UNKNOWN) return items;
    }
    const Type *item = items.ty ? ty_item(items.ty) : &I->tt->unknown;
    const Type *dt = ty_list_as(I->tt, item, LIST_DEQUE);
    if (!dt) inf_oom(I);
    Ref n = inf_k64(I, item->kind == T_UNKNOWN ? 0 : -1);
    Val d = val_of(I, lib(I, dt, LIB_LIST_NEW, &n, 1));
    if (arg[1] && arg[1]->kind != N_NONE) {
        Val m = ex_expr(I, arg[1]);
        if (m.ty->kind == T_UNKNOWN) return m;
        if (m.ty->kind != T_SCALAR || !dt_is_intlike(m.ty->dtype)) inf_fail(I, arg[1], "an integer is required");
        Ref ops[2] = {d.r, ex_coerce(I, m, inf_i64(I), arg[1]).r};
        lib(I, NULL, LIB_LIST_MAXLEN, ops, 2);
    }
    if (items.ty && item->kind != T_UNKNOWN) {
        Ref ops[2] = {d.r, items.r};
        lib(I, NULL, LIB_LIST_EXTEND | (int64_t)LISTOP_DEQUE << 8, ops, 2);
    }
    return d;
}

/* d.rotate(n=1): n steps to the right (negative: to the left), the shorter way round, each step an O(1) pop and push
 * at the ends; a bounded deque never drops an item here (each push follows a pop) */
Val dq_rotate(Inf *I, Node *call, Node *recv, Val d) {
    if (call->nkids2) inf_fail(I, call->kids2[0], "deque.rotate() takes no keyword arguments");
    if (call->nkids > 1) inf_fail(I, call, "deque.rotate expected at most 1 argument, got %d", call->nkids);
    Node *args[2] = {recv->kind == N_NAME ? recv : it_held(I, call, 0, d), NULL};
    int na = 1;
    if (call->nkids) {
        Val n = ex_expr(I, call->kids[0]);
        if (n.ty->kind == T_UNKNOWN) return n;
        if (n.ty->kind != T_SCALAR || !dt_is_intlike(n.ty->dtype))
            inf_fail(I, call->kids[0], "'%s' object cannot be interpreted as an integer", inf_tyname(I, n.ty));
        args[na++] = it_held(I, call, 1, n);
    }
    static const char text[] = "def rotate(d, n=1):\n    k = len(d)\n    if k > 1:\n        n = int(n) % k\n"
                               "        if n > k // 2:\n            for _ in range(k - n):\n                d.append(d.popleft())\n"
                               "        else:\n            for _ in range(n):\n                d.appendleft(d.pop())\n";
    it_inline(I, call, text, sizeof text - 1, "<deque.rotate>", args, na);
    return val_of(I, inf_static(I, &I->tt->none));
}

/* d.maxlen: None for an unbounded deque, else the int (the RtList's bound less one): an Optional int */
Val dq_maxlen(Inf *I, Val d, Node *at) {
    const Type *it = ty_scalar(I->tt, KILN_INT64, true), *ot = ty_optional(I->tt, it);
    if (!ot) inf_oom(I);
    Ref ops[1] = {d.r};
    Ref b = lib(I, inf_i64(I), LIB_LIST_MAXLEN | (int64_t)1 << 8, ops, 1);
    Val o = {0};
    o.ty = ot; o.str = -1;
    if (!(o.el = arena_alloc(I->a, 2 * sizeof(Val)))) inf_oom(I);
    o.el[0] = val_of(I, inf_op2(I, OP_NE, inf_bool(I), b, inf_k64(I, 0)));
    o.el[1] = ex_coerce(I, val_of(I, inf_op2(I, OP_SUB, inf_i64(I), b, inf_k64(I, 1))), it, at);
    return o;
}
