/*
 * npufunc.c — NumPy ufuncs kiln writes in Python and lowers at the call: np.gcd, lcm, logaddexp, logaddexp2,
 * heaviside, modf, divmod, reciprocal, float_power, spacing, bitwise_count, deg2rad (radians), rad2deg (degrees),
 * fmax, fmin, frexp and ldexp.
 *
 * Each is NumPy's own C loop (npy_math_internal.h.src, ieee754.c.src, loops.c.src) written with the elementwise
 * operations kiln already has, so every tier computes the same bits: the operands are first cast to the loop's dtype,
 * as NumPy's ufunc machinery casts them (NEP 50: a Python scalar adopts the other operand's type, and must fit it),
 * and the loop's branches become np.where over values computed for every element (array rules: no errors raised).
 * Called with numbers only, the operands become 1-element arrays and the result is their one item, the NumPy scalar
 * NumPy's ufunc returns for numbers. Euclid's loop (gcd, lcm) runs on whole arrays until every element is done.
 */
#include "infer.h"
#include "ewise.h" /* ew_strong */
#include <stdio.h>
#include <string.h>

#define NP KILN_NP_NAME "."

enum { NU_RECIPROCAL, NU_HEAVISIDE, NU_LOGADDEXP, NU_LOGADDEXP2, NU_DIVMOD, NU_MODF, NU_FLOAT_POWER, NU_SPACING,
       NU_GCD, NU_LCM, NU_BITWISE_COUNT, NU_DEG2RAD, NU_RAD2DEG, NU_FMAX, NU_FMIN, NU_FREXP, NU_LDEXP };

/* the dtype a ufunc's loop computes in, which its operands are cast to:
 *   L_FLOAT  NumPy's smallest float loop the operands cast to safely (ewise.c's ew_float_result)
 *   L_REAL   the operands' promoted type, a real number (bools too where `bools` says so)
 *   L_INT    the operands' promoted type, an integer (a bool too where `bools` says so)
 *   L_F64    float64, or complex128 for complex operands (np.float_power)
 *   L_LDEXP  the first operand's float loop, the second an integer (as int64) */
enum { L_FLOAT, L_REAL, L_INT, L_F64, L_LDEXP };

static const struct { const char *name; int fn, nargs, loop; bool bools; } ufuncs[] = {
    {"reciprocal", NU_RECIPROCAL, 1, L_REAL, false}, {"heaviside", NU_HEAVISIDE, 2, L_FLOAT, false},
    {"logaddexp", NU_LOGADDEXP, 2, L_FLOAT, false}, {"logaddexp2", NU_LOGADDEXP2, 2, L_FLOAT, false},
    {"divmod", NU_DIVMOD, 2, L_REAL, false}, {"modf", NU_MODF, 1, L_FLOAT, false},
    {"float_power", NU_FLOAT_POWER, 2, L_F64, false}, {"spacing", NU_SPACING, 1, L_FLOAT, false},
    {"gcd", NU_GCD, 2, L_INT, false}, {"lcm", NU_LCM, 2, L_INT, false}, {"bitwise_count", NU_BITWISE_COUNT, 1, L_INT, true},
    {"deg2rad", NU_DEG2RAD, 1, L_FLOAT, false}, {"radians", NU_DEG2RAD, 1, L_FLOAT, false},
    {"rad2deg", NU_RAD2DEG, 1, L_FLOAT, false}, {"degrees", NU_RAD2DEG, 1, L_FLOAT, false},
    {"fmax", NU_FMAX, 2, L_REAL, true}, {"fmin", NU_FMIN, 2, L_REAL, true},
    {"frexp", NU_FREXP, 1, L_FLOAT, false}, {"ldexp", NU_LDEXP, 2, L_LDEXP, false},
};

_Static_assert(NELEM(ufuncs) <= NU_MAX, "npufunc.c's ufuncs fit call.c's builtin range");

int nu_lookup(const char *name) {
    for (int k = 0; k < (int)NELEM(ufuncs); k++) if (!strcmp(ufuncs[k].name, name)) return k;
    return -1;
}
const char *nu_name(int k) { return ufuncs[k].name; }
int nu_nargs(int k) { return ufuncs[k].nargs; }

/* one call being written: its operands (held in hidden variables), the loop's dtype, whether all are numbers */
typedef struct U {
    Inf *I; Node *call; int k;
    Val v[2]; int n;
    kiln_dtype dt;
    bool numbers;
    ItCall *c;
} U;

#define PUT(...) it_put(&u->c->t, __VA_ARGS__)

/* an operand's element type: an array's (strong), a number's own (a Python scalar weak) */
static const Type *elem_type(Inf *I, Val v) { return v.ty->kind == T_ARRAY ? ty_scalar(I->tt, v.ty->dtype, false) : v.ty; }

/* the loop's dtype for the operands, or the compile error NumPy's TypeError is */
static kiln_dtype loop_dtype(U *u) {
    Inf *I = u->I;
    const Type *x = elem_type(I, u->v[0]), *y = u->n == 2 ? elem_type(I, u->v[1]) : NULL;
    if (ufuncs[u->k].loop == L_LDEXP) { /* a float (or an integer made one) times 2 to an integer power */
        if (dt_is_complex(x->dtype) || x->dtype == KILN_BOOL || !dt_is_int(y->dtype))
            inf_fail(I, u->call, "ufunc 'ldexp' did not contain a loop with signature matching types (%s, %s)", ty_name(x), ty_name(y));
        return (kiln_dtype)ew_float_result(I, x, NULL)->dtype;
    }
    const Type *p = y ? ty_promote(I->tt, x, y) : x;
    if (!p) inf_fail(I, u->call, "np.%s() of %s and %s is not supported", ufuncs[u->k].name, ty_name(x), ty_name(y));
    int d = p->weak ? ty_promote(I->tt, p, p)->dtype : p->dtype;
    int loop = ufuncs[u->k].loop;
    bool ok = loop == L_F64 || !dt_is_complex(d);
    if (loop == L_INT) ok = dt_is_int(d) || (d == KILN_BOOL && ufuncs[u->k].bools);
    if (loop == L_REAL && d == KILN_BOOL) ok = ufuncs[u->k].bools;
    if (!ok)
        inf_fail(I, u->call, "ufunc '%s' did not contain a loop with signature matching types (%s%s%s)", ufuncs[u->k].name,
                 ty_name(x), y ? ", " : "", y ? ty_name(y) : "");
    if (loop == L_FLOAT) return (kiln_dtype)ew_float_result(I, x, y)->dtype;
    if (loop == L_F64) return dt_is_complex(d) ? KILN_COMPLEX128 : KILN_FLOAT64;
    return (kiln_dtype)d;
}

/* the operands evaluated and held, the def's head and the casts to the loop's dtype */
static void begin(U *u) {
    Inf *I = u->I;
    Node *call = u->call;
    const char *nm = ufuncs[u->k].name;
    if (call->nkids2) inf_fail(I, call->kids2[0], "np.%s(): the keyword argument '%s' is not supported here", nm, call->names[0]);
    if (call->nkids != ufuncs[u->k].nargs)
        inf_fail(I, call, "np.%s() takes %d argument%s (%d given)", nm, ufuncs[u->k].nargs, ufuncs[u->k].nargs == 1 ? "" : "s", call->nkids);
    u->n = call->nkids;
    u->numbers = true;
    for (int i = 0; i < u->n; i++) {
        Val v = ex_expr(I, call->kids[i]);
        if (v.ty->kind == T_LIST) v = ls_to_array(I, v, call->kids[i]);
        if (v.ty->kind != T_ARRAY && v.ty->kind != T_SCALAR)
            inf_fail(I, call->kids[i], "np.%s() of %s is not supported (numbers and arrays are)", nm, inf_tyname(I, v.ty));
        u->v[i] = v;
        u->numbers &= v.ty->kind == T_SCALAR || v.ty->ndim == 0;
    }
    u->dt = loop_dtype(u);
    u->c = it_call_new(I, call, "<numpy>");
    for (int i = 0; i < u->n; i++) it_call_hold(u->c, u->v[i]);
    PUT("def %s(a0%s):\n", nm, u->n == 2 ? ", a1" : "");
    for (int i = 0; i < u->n; i++) {
        Val v = u->v[i];
        int odt = ufuncs[u->k].loop == L_LDEXP && i == 1 ? KILN_INT64 : (int)u->dt; /* ldexp's exponent: an integer */
        const char *d = kiln_dtype_name((kiln_dtype)odt);
        if (u->numbers && v.ty->kind == T_SCALAR) PUT("    a%d = " NP "full(1, a%d, dtype=" NP "%s)\n", i, i, d);
        else if (u->numbers) PUT("    a%d = a%d.reshape(1).astype(" NP "%s)\n", i, i, d);
        else if (v.ty->kind == T_SCALAR && (v.ty->weak || (int)v.ty->dtype != odt)) PUT("    a%d = " NP "%s(a%d)\n", i, d, i);
        else if (v.ty->kind == T_ARRAY && (int)v.ty->dtype != odt) PUT("    a%d = a%d.astype(" NP "%s)\n", i, i, d);
    }
}

/* the result(s) r (and s): their one items for numbers */
static Val finish(U *u, bool two) {
    if (two) PUT(u->numbers ? "    return (r[0], s[0])\n" : "    return (r, s)\n");
    else PUT(u->numbers ? "    return r[0]\n" : "    return r\n");
    return it_call_inline(u->c);
}

/* x = |a<i>| as uint64 (NumPy's gcd, lcm and bitwise_count take the absolute value in the unsigned type; int64's
 * minimum is 2**63 there) */
static void abs_u64(U *u, const char *x, int i) {
    if (dt_is_signed(u->dt)) PUT("    %s = " NP "abs(a%d.astype(" NP "int64)).astype(" NP "uint64)\n", x, i);
    else PUT("    %s = a%d.astype(" NP "uint64)\n", x, i);
}

/* g = gcd(x, y) of uint64 operands broadcast together: NumPy's loop (while a != 0: a, b = b %% a, a; b), each
 * element stepping while its own a is not 0 */
static void euclid(U *u) {
    abs_u64(u, "x", 0);
    abs_u64(u, "y", 1);
    PUT("    z = (x ^ y) & " NP "uint64(0)\n    x = x | z\n    y = y | z\n    a = x\n    g = y\n"
        "    while (a != 0).any():\n        nz = a != 0\n        c = a\n"
        "        a = " NP "where(nz, g %% " NP "where(nz, a, " NP "uint64(1)), " NP "uint64(0))\n"
        "        g = " NP "where(nz, c, g)\n");
}

/* C's frexp (m, e: x = m * 2**e, 0.5 <= |m| < 1; zeros, infinities and NaN as themselves with e = 0) and ldexp (m * 2
 * to the e + a1, one rounding where it is subnormal, an infinity past the largest float), element by element in float64
 * (a float32's exactly; its ldexp rounded once to float32 at the end): a subnormal scaled up first, the exponent from
 * log2 and corrected by halving or doubling, the powers of two exact */
static void frexp_ldexp(U *u, bool ld) {
    bool f32 = u->dt == KILN_FLOAT32;
    PUT("    x0 = a0.astype(" NP "float64)\n    bad = (x0 == 0) | (x0 - x0 != 0)\n"
        "    sub = " NP "abs(x0) < 2.2250738585072014e-308\n"
        "    x = " NP "where(bad, 1.0, " NP "where(sub, x0 * 18014398509481984.0, x0))\n"
        "    k = (" NP "floor(" NP "log2(" NP "abs(x))) + 1).astype(" NP "int64)\n"
        "    m = x * " NP "power(2.0, (-k).astype(" NP "float64))\n"
        "    while (" NP "abs(m) >= 1.0).any():\n        big = " NP "abs(m) >= 1.0\n"
        "        m = " NP "where(big, m * 0.5, m)\n        k = " NP "where(big, k + 1, k)\n"
        "    while (" NP "abs(m) < 0.5).any():\n        small = " NP "abs(m) < 0.5\n"
        "        m = " NP "where(small, m * 2.0, m)\n        k = " NP "where(small, k - 1, k)\n"
        "    k = k - " NP "where(sub, 54, 0)\n");
    if (!ld) {
        PUT("    r = " NP "where(bad, x0, m)%s\n    s = " NP "where(bad, 0, k).astype(" NP "int32)\n", f32 ? ".astype(" NP "float32)" : "");
        return;
    }
    PUT("    t = k + " NP "clip(a1, -5000, 5000)\n"
        "    r = m * " NP "power(2.0, " NP "clip(t, -1074, 1023).astype(" NP "float64))\n"
        "    r = " NP "where(t == 1024, (m * 2.0) * 8.98846567431158e+307, r)\n"
        "    r = " NP "where(t == -1075, (m * 0.5) * 5e-324, r)\n"
        "    r = " NP "where(t < -1075, " NP "copysign(0.0, m), r)\n"
        "    r = " NP "where(t > 1024, " NP "copysign(" NP "inf, m), r)\n"
        "    r = " NP "where(bad, x0, r)%s\n", f32 ? ".astype(" NP "float32)" : "");
}

Val nu_call(Inf *I, Node *call, int k) {
    U *u = arena_alloc(I->a, sizeof *u);
    if (!u) inf_oom(I);
    memset(u, 0, sizeof *u);
    u->I = I; u->call = call; u->k = k;
    begin(u);
    const char *d = kiln_dtype_name(u->dt);
    bool f32 = u->dt == KILN_FLOAT32;
    switch (ufuncs[k].fn) {
    case NU_RECIPROCAL: /* 1.0 / x; an integer's is C's conversion of that double: 0 for |x| > 1, and for 0 the
                         * x86-64 conversion of inf (int32's and int64's minimum, 0 for the narrower types) */
        if (dt_is_float(u->dt)) { PUT("    r = " NP "%s(1) / a0\n", d); break; }
        PUT("    r = " NP "where((a0 == 1) | (a0 == -1), a0, " NP "%s(0))\n", d);
        if (u->dt == KILN_INT32 || u->dt == KILN_INT64)
            PUT("    r = " NP "where(a0 == 0, " NP "%s(%s), r)\n", d, u->dt == KILN_INT32 ? "-2147483648" : "-9223372036854775807 - 1");
        break;
    case NU_HEAVISIDE: /* NaN for NaN, h0 at 0, else 0 or 1 */
        PUT("    r = " NP "where(a0 != a0, " NP "%s(" NP "nan), " NP "where(a0 == 0, a1, " NP "where(a0 < 0, " NP "%s(0), " NP "%s(1))))\n", d, d, d);
        break;
    case NU_LOGADDEXP: case NU_LOGADDEXP2: { /* x == y: x + log(2) (or + 1); else the larger plus log1p(exp(-|x - y|)) */
        bool two = ufuncs[k].fn == NU_LOGADDEXP2;
        const char *same = two ? "1" : "0.6931471805599453"; /* NumPy's NPY_LOGE2 */
        PUT("    t = a0 - a1\n");
        if (two) /* npy_log2_1p: log2(e) * log1p(x) */
            PUT("    r = " NP "where(a0 == a1, a0 + " NP "%s(%s), " NP "where(t > 0, a0 + " NP "%s(1.4426950408889634) * " NP "log1p(" NP "exp2(-t)), "
                NP "where(t <= 0, a1 + " NP "%s(1.4426950408889634) * " NP "log1p(" NP "exp2(t)), t)))\n", d, same, d, d);
        else
            PUT("    r = " NP "where(a0 == a1, a0 + " NP "%s(%s), " NP "where(t > 0, a0 + " NP "log1p(" NP "exp(-t)), "
                NP "where(t <= 0, a1 + " NP "log1p(" NP "exp(t)), t)))\n", d, same);
        break;
    }
    case NU_DIVMOD: /* NumPy's divmod loop is floor_divide's and remainder's (npy_divmod) */
        PUT("    r = a0 // a1\n    s = a0 %% a1\n");
        return finish(u, true);
    case NU_MODF: /* C's modf: the fraction keeps x's sign (-0.0 too), and is 0 for infinities */
        PUT("    s = " NP "trunc(a0)\n    r = " NP "copysign(" NP "where(" NP "isinf(a0), " NP "%s(0), a0 - s), a0)\n", d);
        return finish(u, true);
    case NU_FLOAT_POWER: PUT("    r = a0 ** a1\n"); break;
    case NU_SPACING: /* NumPy's _next(x, 1) - x: one step away from 0 (from either zero, the least subnormal) */
        if (f32) inf_fail(I, call, "np.spacing of float32 values is not supported yet (float64 is)");
        PUT("    r = " NP "where(a0 == 0, 5e-324, " NP "nextafter(a0, " NP "copysign(" NP "inf, a0)) - a0)\n"
            "    r = " NP "where(" NP "isinf(a0), " NP "nan, r)\n");
        break;
    case NU_GCD: euclid(u); PUT("    r = g.astype(" NP "%s)\n", d); break;
    case NU_LCM: /* NumPy's: 0 where the gcd is 0, else |x| / gcd * |y| (wrapping in the unsigned type) */
        euclid(u);
        PUT("    r = " NP "where(g == 0, " NP "uint64(0), x // " NP "where(g == 0, " NP "uint64(1), g) * y).astype(" NP "%s)\n", d);
        break;
    case NU_BITWISE_COUNT: /* the ones of |x|, a uint8: the usual count in halves, nibbles and bytes */
        abs_u64(u, "x", 0);
        PUT("    v = x - ((x >> " NP "uint64(1)) & " NP "uint64(6148914691236517205))\n"
            "    v = (v & " NP "uint64(3689348814741910323)) + ((v >> " NP "uint64(2)) & " NP "uint64(3689348814741910323))\n"
            "    v = (v + (v >> " NP "uint64(4))) & " NP "uint64(1085102592571150095)\n"
            "    r = ((v * " NP "uint64(72340172838076673)) >> " NP "uint64(56)).astype(" NP "uint8)\n");
        break;
    case NU_DEG2RAD: case NU_RAD2DEG: { /* NumPy's x * (pi / 180) (180 / pi), the constant in the float type */
        bool to_rad = ufuncs[k].fn == NU_DEG2RAD;
        const char *c = to_rad ? (f32 ? NP "float32(3.141592653589793) / " NP "float32(180.0)" : "0.017453292519943295")
                               : (f32 ? NP "float32(180.0) / " NP "float32(3.141592653589793)" : "57.29577951308232");
        PUT("    r = a0 * (%s)\n", c);
        break;
    }
    case NU_FREXP: case NU_LDEXP: frexp_ldexp(u, ufuncs[k].fn == NU_LDEXP); return finish(u, ufuncs[k].fn == NU_FREXP);
    case NU_FMAX: case NU_FMIN: /* NumPy's loops as its oracle runs them (AVX2): the first where it is greater (less)
                                 * or the second is NaN, else the second: fmax(-0.0, 0.0) is 0.0 (NumPy's AVX-512 loop
                                 * gives -0.0 there) */
        PUT("    r = " NP "where((a0 %s a1) | (a1 != a1), a0, a1)\n", ufuncs[k].fn == NU_FMAX ? ">" : "<");
        break;
    }
    return finish(u, false);
}

/* the dtype of a reduction by np.<name> (an npufunc.c ufunc of two operands) of elements of dtype dt, or -1 where it
 * has no reduction kiln writes */
int nu_reduce_dtype(Inf *I, int k, int dt) {
    switch (ufuncs[k].fn) {
    case NU_GCD: case NU_LCM: return dt_is_int(dt) ? dt : -1;
    case NU_LOGADDEXP: case NU_LOGADDEXP2:
        return dt_is_complex(dt) ? -1 : ew_float_result(I, ty_scalar(I->tt, (kiln_dtype)dt, false), NULL)->dtype;
    case NU_FMAX: case NU_FMIN: return dt_is_complex(dt) ? -1 : dt;
    default: return -1;
    }
}
