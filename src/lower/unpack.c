/*
 * unpack.c — what a tuple target takes apart beyond a tuple of its own length: a list or an array
 * (x, y, z = point; for a, b in rows), and a starred item (first, *rest = items), CPython's rules:
 *
 * - a list or an array gives exactly as many items as there are targets, checked when it runs, with CPython's
 *   ValueError ("too many values to unpack (expected 3)", "not enough values to unpack (expected 3, got 2)"); an
 *   array's items are what iterating it gives (numbers of its dtype, or rows);
 * - a starred target takes the items the others leave, as a new list (empty where none are left); with a tuple
 *   the split is known when compiling, and too few items is the compile-time error a tuple's wrong length is.
 *
 * A list or an array goes through a text kiln writes (lower/itertools.c it_inline), so its checks and messages
 * are the language's own f-strings.
 */
#include "infer.h"


/* the starred item's place in t, or -1 (the parser lets one be there at most) */
static int star_at(Node *t) {
    for (int i = 0; i < t->nkids; i++)
        if (t->kids[i]->kind == N_STARRED) return i;
    return -1;
}

/* a tuple t's items split around the starred target at s: the middle ones made a list */
static Val star_tuple(Inf *I, Node *t, Val v, int s) {
    int m = t->nkids, n = v.ty->n, mid = n - (m - 1);
    if (mid < 0) inf_fail(I, t, "not enough values to unpack (expected at least %d, got %d)", m - 1, n);
    Val *el = arena_alloc(I->a, sizeof(Val) * (size_t)m);
    Node *disp = inf_node(I, N_LIST, t);
    Node **kids = arena_alloc(I->a, sizeof(Node *) * (size_t)(mid ? mid : 1));
    if (!el || !kids) inf_oom(I);
    for (int i = 0; i < mid; i++) kids[i] = t->kids[s];
    disp->kids = kids;
    disp->nkids = mid;
    for (int i = 0; i < s; i++) el[i] = v.el[i];
    el[s] = ls_display_of(I, disp, v.el + s);
    for (int i = s + 1; i < m; i++) el[i] = v.el[mid + i - 1];
    return inf_tuple(I, el, m);
}

/* a list or an array v taken apart for t: a tuple of its items, the starred one a list */
static Val sequence(Inf *I, Node *t, Val v, int s) {
    if (v.ty->kind == T_ARRAY && v.ty->ndim == 0) inf_fail(I, t, "iteration over a 0-d array");
    char buf[4096];
    ItText x = {buf, sizeof buf, 0, I, t, "unpacking"};
    int m = t->nkids;
#define PUT(...) it_put(&x, __VA_ARGS__)
    PUT("def unpack(v):\n    n = len(v)\n");
    if (s < 0) {
        PUT("    if n != %d:\n        if n > %d:\n            raise ValueError(\"too many values to unpack (expected %d)\")\n", m, m, m);
        PUT("        raise ValueError(f\"not enough values to unpack (expected %d, got {n})\")\n    return (", m);
        for (int i = 0; i < m; i++) PUT("v[%d], ", i);
    } else {
        int after = m - 1 - s;
        PUT("    if n < %d:\n        raise ValueError(f\"not enough values to unpack (expected at least %d, got {n})\")\n",
            m - 1, m - 1);
        PUT("    return (");
        for (int i = 0; i < s; i++) PUT("v[%d], ", i);
        PUT("list(v[%d:n - %d]), ", s, after);
        for (int i = 0; i < after; i++) PUT("v[n - %d], ", after - i);
    }
    PUT(")\n");
#undef PUT
    Node *arg = it_held(I, t, 0, v);
    return it_inline(I, t, x.buf, x.n, "<unpacking>", &arg, 1);
}

Val up_items(Inf *I, Node *t, Val v) {
    int s = star_at(t);
    if (v.ty->kind == T_LIST || v.ty->kind == T_ARRAY) return sequence(I, t, v, s);
    if (v.ty->kind == T_TUPLE && s >= 0) return star_tuple(I, t, v, s);
    return v;
}
