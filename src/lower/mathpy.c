/*
 * mathpy.c — math.isclose, math.prod and math.fsum, and the number methods int.bit_length and float.is_integer.
 *
 * Each is a small Python function (below, CPython's own steps: mathmodule.c's math_isclose, math_prod's left fold
 * from start, math_fsum's Shewchuk partials with its final half-even correction, floatobject.c's is_integer)
 * lowered at the call as mathint.c's are, so every tier runs the same IR and CPython's answers and messages come
 * with it. The sequence of prod and fsum is a list, a tuple or an array (held in a hidden variable: kiln keeps no
 * generator in one). kiln's ints are 64-bit: bit_length of -2^63 is 64, as CPython's.
 */
#include "infer.h"
#include <string.h>

enum { MP_ISCLOSE, MP_PROD, MP_FSUM, MP_COUNT };

static const char *const names[MP_COUNT] = {"isclose", "prod", "fsum"};

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

Val mp_call(Inf *I, Node *call, int k) {
    const char *f = names[k];
    Node *arg[4] = {NULL, NULL, NULL, NULL};
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

/* x.bit_length() of a Python int or bool, x.is_integer() of a float; false: not one of these */
bool mp_method(Inf *I, Node *call, Val o, const char *m, Val *out) {
    bool bits = !strcmp(m, "bit_length"), integral = !strcmp(m, "is_integer");
    if (o.ty->kind != T_SCALAR || !(bits || integral)) return false;
    if (bits && !(o.ty->weak && dt_is_intlike(o.ty->dtype))) return false; /* NumPy's ints have none */
    if (integral && !dt_is_float(o.ty->dtype)) return false;
    if (call->nkids || call->nkids2) inf_fail(I, call, "%s() takes no arguments (%d given)", m, call->nkids + call->nkids2);
    Node *x = it_held(I, call, 0, o);
    *out = bits ? INLINE(bit_length_text, &x, 1) : INLINE(is_integer_text, &x, 1);
    return true;
}
