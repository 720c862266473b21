/*
 * bisect.c — the bisect module on lists and 1-d arrays: bisect_left, bisect_right (bisect), insort_left and
 * insort_right (insort), with lo, hi and key= as CPython 3.10+ takes them.
 *
 * Each is a small Python function lowered at the call (itertools.c's it_inline), the steps of CPython's C module
 * _bisect: lo below zero is its ValueError, hi left out, None or -1 means len(a) (its C code reads -1 so), the
 * middle is (lo + hi) // 2, items compared with < only (x < a[mid] for the right side, a[mid] < x for the left),
 * and insort inserts x where bisect (of key(x), with a key) puts it. The text is written for the arguments the
 * call gives, so a key that is not given is never called.
 */
#include "infer.h"
#include <stdio.h>
#include <string.h>

enum { BS_LEFT, BS_RIGHT, BS_BISECT, BS_INSORT_LEFT, BS_INSORT_RIGHT, BS_INSORT, BS_COUNT };

static const char *const names[BS_COUNT] = {"bisect_left", "bisect_right", "bisect", "insort_left", "insort_right",
                                            "insort"};

int bs_lookup(const char *name) {
    for (int k = 0; k < BS_COUNT; k++) if (!strcmp(names[k], name)) return k;
    return -1;
}

/* the call's argument for parameter pos/name (a, x, lo, hi; key is keyword-only), NULL if not given */
static Node *arg_of(Inf *I, Node *call, int k, int pos, const char *name) {
    Node *found = pos >= 0 && pos < call->nkids ? call->kids[pos] : NULL;
    for (int i = 0; i < call->nkids2; i++) {
        if (strcmp(call->names[i], name)) continue;
        if (found) inf_fail(I, call->kids2[i], "%s() got multiple values for argument '%s'", names[k], name);
        found = call->kids2[i];
    }
    return found;
}

Val bs_call(Inf *I, Node *call, int k) {
    static const char *const params[] = {"a", "x", "lo", "hi", "key"};
    if (call->nkids > 4) inf_fail(I, call, "%s() takes at most 4 positional arguments (%d given)", names[k], call->nkids);
    for (int i = 0; i < call->nkids2; i++) {
        bool known = false;
        for (int p = 0; p < 5; p++) known |= !strcmp(call->names[i], params[p]);
        if (!known) inf_fail(I, call->kids2[i], "%s() got an unexpected keyword argument '%s'", names[k], call->names[i]);
    }
    Node *a = arg_of(I, call, k, 0, "a"), *x = arg_of(I, call, k, 1, "x"), *lo = arg_of(I, call, k, 2, "lo");
    Node *hi = arg_of(I, call, k, 3, "hi"), *key = arg_of(I, call, k, -1, "key");
    if (!a || !x) inf_fail(I, call, "%s() missing required argument '%s'", names[k], a ? "x" : "a");
    if (hi && hi->kind == N_NONE) hi = NULL;
    if (key && key->kind == N_NONE) key = NULL;
    bool insort = k >= BS_INSORT_LEFT, right = k != BS_LEFT && k != BS_INSORT_LEFT;
    Val av = ex_expr(I, a);
    if (av.ty->kind != T_LIST && av.ty->kind != T_UNKNOWN && !(av.ty->kind == T_ARRAY && av.ty->ndim == 1 && !insort))
        inf_fail(I, a, insort ? "%s() needs a list" : "%s() needs a list or a 1-d array", names[k]);
    Node *args[5];
    int na = 0;
    /* a name is passed as it is (an empty list it names learns its item type from the insert), anything else once */
    args[na++] = a->kind == N_NAME ? a : it_held(I, call, 0, av);
    args[na++] = x;
    char text[1024];
    size_t w = 0;
#define PUT(...) do { w += (size_t)snprintf(text + w, sizeof text - w, __VA_ARGS__); } while (0)
    PUT("def %s(a, x, lo", names[k]);
    args[na++] = lo ? lo : inf_node(I, N_INT, call);
    if (hi) { PUT(", hi"); args[na++] = hi; }
    if (key) { PUT(", key"); args[na++] = key; }
    PUT("):\n    if lo < 0:\n        raise ValueError(\"lo must be non-negative\")\n");
    PUT(hi ? "    if hi == -1:\n        hi = len(a)\n" : "    hi = len(a)\n");
    PUT("    v = %s\n", insort && key ? "key(x)" : "x");
    PUT("    while lo < hi:\n        mid = (lo + hi) // 2\n");
    const char *item = key ? "key(a[mid])" : "a[mid]";
    if (right) PUT("        if v < %s:\n            hi = mid\n        else:\n            lo = mid + 1\n", item);
    else PUT("        if %s < v:\n            lo = mid + 1\n        else:\n            hi = mid\n", item);
    PUT(insort ? "    a.insert(lo, x)\n" : "    return lo\n");
#undef PUT
    return it_inline(I, call, text, w, "<bisect>", args, na);
}
