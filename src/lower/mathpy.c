/*
 * mathpy.c — math.isclose, math.prod, math.fsum, math.dist, math.frexp, math.ldexp, math.modf and math.hypot of other
 * than two values, and the number methods int.bit_length, int.bit_count and float.is_integer.
 *
 * Each is a small Python function (below, CPython's own steps: mathmodule.c's math_isclose, math_prod's left fold
 * from start, math_fsum's Shewchuk partials with its final half-even correction, floatobject.c's is_integer)
 * lowered at the call as mathint.c's are, so every tier runs the same IR and CPython's answers and messages come
 * with it. The sequence of prod and fsum is a list, a tuple or an array (held in a hidden variable: kiln keeps no
 * generator in one). kiln's ints are 64-bit: bit_length of -2^63 is 64, as CPython's. dist and hypot make the list of
 * values (differences) here and take CPython's vector_norm of it at run time (LIB_PYHYPOT, rt/arith.c), the routine
 * math.hypot(x, y) calls too. frexp, ldexp and modf are C's, exactly: every scaling is by a power of two and leaves a
 * normal number (exact), and a subnormal ldexp result comes from one multiplication (one rounding, as C's).
 */
#include "infer.h"
#include "../ir/lib.h"
#include <string.h>

enum { MP_ISCLOSE, MP_PROD, MP_FSUM, MP_DIST, MP_FREXP, MP_LDEXP, MP_MODF, MP_COUNT };

static const char *const names[MP_COUNT] = {"isclose", "prod", "fsum", "dist", "frexp", "ldexp", "modf"};

#define M KILN_MATH_NAME "."

/* x (not 0, finite) = m * 2**(k + e), 0.5 <= |m| < 1: a subnormal x scaled up by 2**54 first, then the exponent
 * log2 estimates, corrected by halving or doubling */
#define FREXP_STEPS                                                                                        \
    "    e = 0\n    if abs(x) < 2.2250738585072014e-308:\n        x = x * 18014398509481984.0\n        e = -54\n" \
    "    k = " M "floor(" M "log2(abs(x))) + 1\n    m = x * 2.0 ** -k\n"                                 \
    "    while abs(m) >= 1.0:\n        m = m * 0.5\n        k += 1\n"                                    \
    "    while abs(m) < 0.5:\n        m = m * 2.0\n        k -= 1\n"

static const char frexp_text[] = /* zeros, infinities and NaN: (x, 0) */
    "def frexp(x):\n    x = float(x)\n    if x == 0.0 or x - x != 0.0:\n        return (x, 0)\n" FREXP_STEPS
    "    return (m, k + e)\n";

static const char ldexp_text[] = /* x * 2**i: m * 2**(k + e + i) of x's frexp, OverflowError past the largest float */
    "def ldexp(x, i):\n    x = float(x)\n    if x == 0.0 or x - x != 0.0:\n        return x\n"
    "    if i > 5000:\n        i = 5000\n    if i < -5000:\n        i = -5000\n" FREXP_STEPS
    "    t = k + e + i\n"
    "    if t > 1024:\n        raise OverflowError(\"math range error\")\n"
    "    if t == 1024:\n        return (m * 2.0) * 2.0 ** 1023\n"
    "    if t < -1075:\n        return " M "copysign(0.0, m)\n"
    "    if t == -1075:\n        return (m * 0.5) * 2.0 ** -1074\n"
    "    return m * 2.0 ** t\n";

static const char modf_text[] = /* C's modf: both parts keep x's sign; a float of 2**52 or more is whole */
    "def modf(x):\n"
    "    x = float(x)\n"
    "    if x != x:\n        return (x, x)\n"
    "    if abs(x) >= 4503599627370496.0:\n        return (" M "copysign(0.0, x), x)\n"
    "    i = float(int(x))\n"
    "    return (" M "copysign(x - i, x), " M "copysign(i, x))\n";

static const char dist_text[] = /* p and q a list or an array: their differences, CPython's length check first */
    "def dist(p, q):\n"
    "    n = len(p)\n"
    "    if len(q) != n:\n"
    "        raise ValueError(\"both points must have the same number of dimensions\")\n"
    "    d = [0.0] * n\n"
    "    for i in range(n):\n"
    "        d[i] = float(p[i]) - float(q[i])\n"
    "    return d\n";

static const char isclose_text[] =
    "def isclose(a, b, rel_tol, abs_tol):\n"
    "    a = float(a)\n"
    "    b = float(b)\n"
    "    if rel_tol < 0.0 or abs_tol < 0.0:\n"
    "        raise ValueError(\"tolerances must be non-negative\")\n"
    "    if a == b:\n"
    "        return True\n"
    "    if a - a != a - a or b - b != b - b:\n" /* an infinity (or a NaN, which the compares below reject too) */
    "        return False\n"
    "    diff = abs(b - a)\n"
    "    return diff <= abs(rel_tol * b) or diff <= abs(rel_tol * a) or diff <= abs_tol\n";

static const char prod_text[] =
    "def prod(seq, start):\n"
    "    r = start\n"
    "    for x in seq:\n"
    "        r = r * x\n"
    "    return r\n";

static const char fsum_text[] =
    "def fsum(seq):\n"
    "    p = [0.0]\n"                       /* the partials p[:n], by increasing magnitude, none overlapping */
    "    n = 0\n"
    "    special = 0.0\n"
    "    infs = 0.0\n"
    "    for item in seq:\n"
    "        x = float(item)\n"
    "        xsave = x\n"
    "        i = 0\n"
    "        for j in range(n):\n"
    "            y = p[j]\n"
    "            if abs(x) < abs(y):\n"
    "                x, y = y, x\n"
    "            hi = x + y\n"
    "            lo = y - (hi - x)\n"
    "            if lo != 0.0:\n"
    "                p[i] = lo\n"
    "                i += 1\n"
    "            x = hi\n"
    "        n = i\n"
    "        if x != 0.0:\n"
    "            if x - x != x - x:\n"      /* not finite: an overflow, or an infinity or NaN summed */
    "                if xsave - xsave == xsave - xsave:\n"
    "                    raise OverflowError(\"intermediate overflow in fsum\")\n"
    "                if xsave == xsave:\n"
    "                    infs += xsave\n"
    "                special += xsave\n"
    "                n = 0\n"
    "            else:\n"
    "                if n == len(p):\n"
    "                    p.append(x)\n"
    "                else:\n"
    "                    p[n] = x\n"
    "                n += 1\n"
    "    if special != 0.0:\n"
    "        if infs != infs:\n"
    "            raise ValueError(\"-inf + inf in fsum\")\n"
    "        return special\n"
    "    hi = 0.0\n"
    "    lo = 0.0\n"
    "    if n > 0:\n"
    "        n -= 1\n"
    "        hi = p[n]\n"
    "        while n > 0:\n"               /* from the top, until the sum is inexact */
    "            x = hi\n"
    "            n -= 1\n"
    "            y = p[n]\n"
    "            hi = x + y\n"
    "            lo = y - (hi - x)\n"
    "            if lo != 0.0:\n"
    "                break\n"
    "        if n > 0 and ((lo < 0.0 and p[n - 1] < 0.0) or (lo > 0.0 and p[n - 1] > 0.0)):\n"
    "            y = lo * 2.0\n"           /* half-even rounding across the partials */
    "            x = hi + y\n"
    "            if y == x - hi:\n"
    "                hi = x\n"
    "    return hi\n";

static const char bit_length_text[] =
    "def bit_length(x):\n"
    "    if x == -9223372036854775807 - 1:\n"
    "        return 64\n"
    "    v = -x if x < 0 else x\n"
    "    n = 0\n"
    "    while v:\n"
    "        v >>= 1\n"
    "        n += 1\n"
    "    return n\n";

static const char bit_count_text[] = /* the ones of |x| (-2^63: one) */
    "def bit_count(x):\n"
    "    if x == -9223372036854775807 - 1:\n"
    "        return 1\n"
    "    v = -x if x < 0 else x\n"
    "    n = 0\n"
    "    while v:\n"
    "        v &= v - 1\n"
    "        n += 1\n"
    "    return n\n";

static const char is_integer_text[] =
    "def is_integer(x):\n"
    "    if x - x != x - x:\n"
    "        return False\n"
    "    return x % 1.0 == 0.0\n";

int mp_lookup(const char *name) {
    for (int k = 0; k < MP_COUNT; k++) if (!strcmp(names[k], name)) return k;
    return -1;
}

static bool real(const Type *t) { return t->kind == T_SCALAR && !dt_is_complex(t->dtype); }

#define INLINE(text, args, n) it_inline(I, call, text, sizeof text - 1, "<math>", args, n)

/* CPython's vector_norm of l, a list of floats */
static Val norm_of(Inf *I, Val l) {
    if (l.ty->kind != T_LIST) return l; /* unknown this round */
    return val_of(I, inf_emit(I, OP_LIB, ty_scalar(I->tt, KILN_FLOAT64, true), &l.r, 1, LIB_PYHYPOT));
}

/* a real number (CPython's "must be real number, not str") */
static void real_item(Inf *I, Node *at, const Type *t) {
    if (t->kind != T_UNKNOWN && !real(t)) inf_fail(I, at, "must be real number, not %s", inf_tyname(I, t));
}

/* math.hypot(*coordinates) of other than two (math_call takes two): the list of them as floats, its norm */
Val mp_hypot(Inf *I, Node *call) {
    if (call->nkids2) inf_fail(I, call->kids2[0], "hypot() takes no keyword arguments");
    if (call->nkids > 64) inf_fail(I, call, "math.hypot() of more than 64 values is not supported");
    char buf[4096];
    ItText t = {buf, sizeof buf, 0, I, call, "hypot"};
    Node *args[64];
    it_put(&t, "def hypot(");
    for (int i = 0; i < call->nkids; i++) {
        Val v = ex_expr(I, call->kids[i]);
        if (v.ty->kind == T_UNKNOWN) return v;
        real_item(I, call->kids[i], v.ty);
        args[i] = it_held(I, call, i, v);
        it_put(&t, "%sa%d", i ? ", " : "", i);
    }
    it_put(&t, "):\n    d = [0.0]\n    d.pop()\n");
    for (int i = 0; i < call->nkids; i++) it_put(&t, "    d.append(float(a%d))\n", i);
    it_put(&t, "    return d\n");
    return norm_of(I, it_inline(I, call, t.buf, t.n, "<math>", args, call->nkids));
}

/* math.dist(p, q): tuples item by item (their lengths known here), lists and arrays through dist_text */
static Val dist(Inf *I, Node *call, Node **arg) {
    Val pq[2];
    Node *args[2];
    for (int i = 0; i < 2; i++) {
        if (!arg[i]) inf_fail(I, call, "dist expected 2 arguments, got %d", i);
        pq[i] = ex_expr(I, arg[i]);
        if (pq[i].ty->kind == T_UNKNOWN) return pq[i];
        const Type *t = pq[i].ty;
        if (t->kind == T_TUPLE && !ty_is_optional(t)) for (int k = 0; k < t->n; k++) real_item(I, arg[i], t->elems[k]);
        else if (t->kind == T_LIST) real_item(I, arg[i], ty_item(t));
        else if (!(t->kind == T_ARRAY && t->ndim == 1 && !dt_is_complex(t->dtype)))
            inf_fail(I, arg[i], "math.dist() of %s is not supported (tuples, lists or 1-d arrays of real numbers are)", inf_tyname(I, t));
        args[i] = it_held(I, call, i, pq[i]);
    }
    if (pq[0].ty->kind != T_TUPLE || pq[1].ty->kind != T_TUPLE) return norm_of(I, INLINE(dist_text, args, 2));
    char buf[8192];
    ItText t = {buf, sizeof buf, 0, I, call, "dist"};
    it_put(&t, "def dist(p, q):\n");
    if (pq[0].ty->n != pq[1].ty->n) it_put(&t, "    raise ValueError(\"both points must have the same number of dimensions\")\n");
    it_put(&t, "    d = [0.0]\n    d.pop()\n");
    for (int k = 0; k < pq[0].ty->n && pq[0].ty->n == pq[1].ty->n; k++) it_put(&t, "    d.append(float(p[%d]) - float(q[%d]))\n", k, k);
    it_put(&t, "    return d\n");
    return norm_of(I, it_inline(I, call, t.buf, t.n, "<math>", args, 2));
}

Val mp_call(Inf *I, Node *call, int k) {
    const char *f = names[k];
    Node *arg[4] = {NULL, NULL, NULL, NULL};
    if (k == MP_DIST) {
        if (call->nkids2) inf_fail(I, call->kids2[0], "math.dist() takes no keyword arguments");
        if (call->nkids != 2) inf_fail(I, call, "dist expected 2 arguments, got %d", call->nkids);
        return dist(I, call, call->kids);
    }
    if (k == MP_ISCLOSE) {
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "b", "rel_tol", "abs_tol", NULL}, 2, arg);
        for (int i = 0; i < 2; i++)
            if (!arg[i]) inf_fail(I, call, "isclose() missing required argument '%s' (pos %d)", i ? "b" : "a", i + 1);
        Node *args[4];
        for (int i = 0; i < 4; i++) {
            Val v = arg[i] ? ex_expr(I, arg[i]) : val_of(I, inf_const_f(I, ty_scalar(I->tt, KILN_FLOAT64, true), i == 2 ? 1e-09 : 0.0));
            if (!real(v.ty)) inf_fail(I, arg[i] ? arg[i] : call, "must be real number, not %s", inf_tyname(I, v.ty));
            args[i] = it_held(I, call, i, v);
        }
        return INLINE(isclose_text, args, 4);
    }
    if (k == MP_FREXP || k == MP_LDEXP || k == MP_MODF) {
        int n = k == MP_LDEXP ? 2 : 1;
        if (call->nkids2) inf_fail(I, call->kids2[0], "math.%s() takes no keyword arguments", f);
        if (call->nkids != n) inf_fail(I, call, "math.%s() takes exactly %s (%d given)", f, n == 2 ? "2 arguments" : "one argument", call->nkids);
        Node *args[2];
        for (int i = 0; i < n; i++) {
            Val v = ex_expr(I, call->kids[i]);
            if (v.ty->kind == T_UNKNOWN) return v;
            if (i == 0) real_item(I, call->kids[i], v.ty);
            else if (v.ty->kind != T_SCALAR || !v.ty->weak || !dt_is_intlike(v.ty->dtype)) /* a Python int (CPython's PyLong) */
                inf_fail(I, call->kids[i], "Expected an int as second argument to ldexp.");
            args[i] = it_held(I, call, i, v);
        }
        return k == MP_FREXP ? INLINE(frexp_text, args, 1) : k == MP_LDEXP ? INLINE(ldexp_text, args, 2) : INLINE(modf_text, args, 1);
    }
    const char *const params[] = {k == MP_PROD ? "iterable" : "seq", k == MP_PROD ? "start" : NULL, NULL};
    cl_np_bind(I, call, f, 0, params, 1, arg);
    if (!arg[0]) inf_fail(I, call, "%s() takes exactly one argument (0 given)", f);
    Node *seq = arg[0];
    if (seq->kind == N_GENEXP) { /* consumed whole at once: the list comprehension computes the same items in order */
        Node *lc = arena_alloc(I->a, sizeof *lc);
        if (!lc) inf_oom(I);
        *lc = *seq;
        lc->kind = N_LISTCOMP;
        seq = lc;
    }
    Val s = ex_expr(I, seq);
    if (s.ty->kind != T_LIST && s.ty->kind != T_ARRAY && s.ty->kind != T_TUPLE)
        inf_fail(I, arg[0], "math.%s() of %s is not supported (a list, a tuple or an array is)", f, inf_tyname(I, s.ty));
    Node *args[2] = {it_held(I, call, 0, s), NULL};
    if (k == MP_FSUM) return INLINE(fsum_text, args, 1);
    args[1] = it_held(I, call, 1, arg[1] ? ex_expr(I, arg[1]) : val_of(I, inf_k64(I, 1)));
    return INLINE(prod_text, args, 2);
}

/* x.bit_length() and x.bit_count() of a Python int or bool, x.is_integer() of a float; false: not one of these */
bool mp_method(Inf *I, Node *call, Val o, const char *m, Val *out) {
    bool ones = !strcmp(m, "bit_count"), bits = !strcmp(m, "bit_length") || ones, integral = !strcmp(m, "is_integer");
    if (o.ty->kind != T_SCALAR || !(bits || integral)) return false;
    if (bits && !(o.ty->weak && dt_is_intlike(o.ty->dtype))) return false; /* NumPy's ints have none */
    if (integral && !dt_is_float(o.ty->dtype)) return false;
    if (call->nkids || call->nkids2) inf_fail(I, call, "%s() takes no arguments (%d given)", m, call->nkids + call->nkids2);
    Node *x = it_held(I, call, 0, o);
    *out = ones ? INLINE(bit_count_text, &x, 1) : bits ? INLINE(bit_length_text, &x, 1) : INLINE(is_integer_text, &x, 1);
    return true;
}
