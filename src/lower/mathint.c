/*
 * mathint.c — math's integer functions: isqrt, gcd, lcm, factorial, comb and perm.
 *
 * Each is a small Python function (below, as CPython's documentation defines it) parsed here and lowered at the
 * call as an inner def is (closure.c's nf_inline), so every tier runs the same IR and CPython's checks come with
 * their messages. kiln's ints are 64-bit: where CPython's answer would not fit (factorial(21), comb(70, 35)),
 * these raise OverflowError instead of wrapping, and comb and perm reduce as they go so that every answer that
 * fits is computed (comb(62, 31) never forms a product beyond its result). Arguments must be ints (or bools), as
 * CPython's TypeError says; gcd and lcm take any number of them.
 */
#include "infer.h"
#include <stdio.h>
#include <string.h>

enum { MI_ISQRT, MI_GCD, MI_LCM, MI_FACTORIAL, MI_COMB, MI_PERM, MI_ARGS_MAX = 8 };

static const char *const names[] = {"isqrt", "gcd", "lcm", "factorial", "comb", "perm"};

/* the functions of a fixed number of arguments; gcd and lcm are written per call (their count of arguments) */
static const char isqrt_text[] =
    "def isqrt(n):\n"
    "    if n < 0:\n"
    "        raise ValueError(\"isqrt() argument must be nonnegative\")\n"
    "    if n == 0:\n"
    "        return 0\n"
    "    x = int(n ** 0.5)\n" /* a float estimate, then exact steps: x * x <= n < (x + 1) ** 2, without overflow */
    "    while x > n // x:\n"
    "        x -= 1\n"
    "    while x + 1 <= n // (x + 1):\n"
    "        x += 1\n"
    "    return x\n";

static const char factorial_text[] =
    "def factorial(n):\n"
    "    if n < 0:\n"
    "        raise ValueError(\"factorial() not defined for negative values\")\n"
    "    if n > 20:\n"
    "        raise OverflowError(\"factorial() of more than 20 does not fit kiln's 64-bit int\")\n"
    "    r = 1\n"
    "    for i in range(2, n + 1):\n"
    "        r *= i\n"
    "    return r\n";

/* comb's and perm's checks (CPython's messages) and their answer for k > n */
#define NK_CHECKS \
    "    if n < 0:\n" \
    "        raise ValueError(\"n must be a non-negative integer\")\n" \
    "    if k < 0:\n" \
    "        raise ValueError(\"k must be a non-negative integer\")\n" \
    "    if k > n:\n" \
    "        return 0\n"

static const char comb_text[] = /* C(n, i + 1) = C(n, i) * (n - i) / (i + 1), the division done first after a gcd */
    "def comb(n, k):\n" NK_CHECKS
    "    if k > n - k:\n"
    "        k = n - k\n"
    "    c = 1\n"
    "    for i in range(k):\n"
    "        a = c\n"
    "        b = i + 1\n"
    "        while b:\n"
    "            a, b = b, a % b\n"
    "        t = (n - i) // ((i + 1) // a)\n"
    "        c = c // a\n"
    "        if c > 9223372036854775807 // t:\n"
    "            raise OverflowError(\"comb() result does not fit kiln's 64-bit int\")\n"
    "        c = c * t\n"
    "    return c\n";

static const char perm_text[] =
    "def perm(n, k):\n" NK_CHECKS
    "    r = 1\n"
    "    for i in range(n - k + 1, n + 1):\n"
    "        if r > 9223372036854775807 // i:\n"
    "            raise OverflowError(\"perm() result does not fit kiln's 64-bit int\")\n"
    "        r *= i\n"
    "    return r\n";

int mi_lookup(const char *name) {
    for (int k = 0; k < (int)NELEM(names); k++) if (!strcmp(names[k], name)) return k;
    return -1;
}

/* gcd(a0, ..., an) (lcm: lcm) of n arguments: Euclid on the absolute values, folded left; none: 0 (lcm: 1) */
static size_t fold_text(char *buf, size_t cap, bool lcm, int n) {
    size_t w = (size_t)snprintf(buf, cap, "def %s(", lcm ? "lcm" : "gcd");
    for (int k = 0; k < n; k++) w += (size_t)snprintf(buf + w, cap - w, "%sa%d", k ? ", " : "", k);
    w += (size_t)snprintf(buf + w, cap - w, "):\n    r = %s\n", n ? "abs(a0)" : lcm ? "1" : "0");
    for (int k = 1; k < n; k++) {
        w += (size_t)snprintf(buf + w, cap - w, "    x = abs(a%d)\n    a = r\n    b = x\n    while b:\n        a, b = b, a %% b\n", k);
        if (lcm) w += (size_t)snprintf(buf + w, cap - w, "    r = 0 if a == 0 else r // a * x\n");
        else w += (size_t)snprintf(buf + w, cap - w, "    r = a\n");
    }
    w += (size_t)snprintf(buf + w, cap - w, "    return r\n");
    return w;
}

Val mi_call(Inf *I, Node *call, int k) {
    const char *fname = names[k];
    if (call->nkids2) inf_fail(I, call, "math.%s() takes no keyword arguments", fname);
    int lo = k == MI_GCD || k == MI_LCM ? 0 : k == MI_COMB ? 2 : 1, hi = k == MI_GCD || k == MI_LCM ? MI_ARGS_MAX : k >= MI_COMB ? 2 : 1;
    if (call->nkids < lo || call->nkids > hi)
        inf_fail(I, call, hi > lo && lo == 0 ? "math.%s() of more than %d arguments is not supported" : "math.%s() takes %d argument%s (%d given)",
                 fname, hi > lo && lo == 0 ? hi : lo, lo == 1 ? "" : "s", call->nkids);
    Node *args[MI_ARGS_MAX];
    int nargs = call->nkids;
    for (int i = 0; i < nargs; i++) { /* CPython's TypeError for a float, as a compile error; then held, so that it
                                       * is computed once */
        args[i] = call->kids[i];
        if (k == MI_PERM && i == 1 && args[i]->kind == N_NONE) continue;
        Val v = ex_expr(I, args[i]);
        if (v.ty->kind != T_SCALAR || !dt_is_intlike(v.ty->dtype))
            inf_fail(I, args[i], "'%s' object cannot be interpreted as an integer", inf_tyname(I, v.ty));
        args[i] = it_held(I, call, i, v);
    }
    char buf[4096];
    const char *text = buf;
    size_t n;
    switch (k) {
    case MI_ISQRT: text = isqrt_text; n = sizeof isqrt_text - 1; break;
    case MI_FACTORIAL: text = factorial_text; n = sizeof factorial_text - 1; break;
    case MI_COMB: text = comb_text; n = sizeof comb_text - 1; break;
    case MI_PERM: /* perm(n) and perm(n, None) are n! */
        text = perm_text; n = sizeof perm_text - 1;
        if (nargs == 1 || args[1]->kind == N_NONE) { args[1] = args[0]; nargs = 2; }
        break;
    default: n = fold_text(buf, sizeof buf, k == MI_LCM, nargs);
    }
    return it_inline(I, call, text, n, "<math>", args, nargs);
}
