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
#include <string.h>

enum { BS_LEFT, BS_RIGHT, BS_BISECT, BS_INSORT_LEFT, BS_INSORT_RIGHT, BS_INSORT, BS_COUNT };

static const char *const names[BS_COUNT] = {"bisect_left", "bisect_right", "bisect", "insort_left", "insort_right",
                                            "insort"};

int bs_lookup(const char *name) {
    for (int k = 0; k < BS_COUNT; k++) if (!strcmp(names[k], name)) return k;
    return -1;
}

Val bs_call(Inf *I, Node *call, int k) {
    Node *arg[5];
    cl_np_bind(I, call, names[k], 0, (const char *const[]){"a", "x", "lo", "hi", "key", NULL}, 4, arg);
    Node *a = arg[0], *x = arg[1], *lo = arg[2], *hi = arg[3], *key = arg[4];
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
    char buf[1024];
    ItText t = {buf, sizeof buf, 0, I, call, "bisect call"};
#define PUT(...) it_put(&t, __VA_ARGS__)
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
    return it_inline(I, call, t.buf, t.n, "<bisect>", args, na);
}
