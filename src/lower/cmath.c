/*
 * cmath.c — the cmath module in kernels: sqrt, exp, log (with a base too), log10, the trigonometric and hyperbolic
 * functions and their inverses as OP_MATH on a complex value (CPython's algorithms and special values at run time,
 * rt/cmath.c), rect(r, phi) as OP_MATH CRECT, phase and polar from atan2 and hypot with _Py_c_abs's OverflowError,
 * isfinite/isinf/isnan from the parts, isclose as CPython's steps in Python (below). Arguments convert as CPython's
 * "D" format does: any real or complex number (ints through float, NumPy scalars by value); the constants pi, e,
 * tau, inf, nan, infj and nanj are call.c's module attributes.
 */
#include "infer.h"
#include "../ir/mathfn.h"
#include <string.h>

enum { CM_PHASE = -1, CM_POLAR = -2, CM_ISFINITE = -3, CM_ISINF = -4, CM_ISNAN = -5, CM_ISCLOSE = -6, CM_RECT = -7 };

static const struct { const char *name; int fn; } table[] = { /* fn: an MF_ id (one complex argument), or CM_* */
    {"sqrt", MF_SQRT}, {"exp", MF_EXP}, {"log", MF_LOG}, {"log10", MF_LOG10}, {"sin", MF_SIN}, {"cos", MF_COS},
    {"tan", MF_TAN}, {"asin", MF_ASIN}, {"acos", MF_ACOS}, {"atan", MF_ATAN}, {"sinh", MF_SINH}, {"cosh", MF_COSH},
    {"tanh", MF_TANH}, {"asinh", MF_ASINH}, {"acosh", MF_ACOSH}, {"atanh", MF_ATANH}, {"phase", CM_PHASE},
    {"polar", CM_POLAR}, {"rect", CM_RECT}, {"isfinite", CM_ISFINITE}, {"isinf", CM_ISINF}, {"isnan", CM_ISNAN},
    {"isclose", CM_ISCLOSE},
};

static const char isclose_text[] = /* CPython's cmath_isclose_impl; np.hypot is C's hypot, as _Py_c_abs's */
    "def isclose(a, b, rel_tol, abs_tol):\n"
    "    if rel_tol < 0.0 or abs_tol < 0.0:\n"
    "        raise ValueError(\"tolerances must be non-negative\")\n"
    "    if a.real == b.real and a.imag == b.imag:\n"
    "        return True\n"
    "    if " KILN_MATH_NAME ".isinf(a.real) or " KILN_MATH_NAME ".isinf(a.imag) or " KILN_MATH_NAME ".isinf(b.real) or "
    KILN_MATH_NAME ".isinf(b.imag):\n"
    "        return False\n"
    "    d = a - b\n"
    "    diff = " KILN_NP_NAME ".hypot(d.real, d.imag)\n"
    "    return bool(diff <= rel_tol * " KILN_NP_NAME ".hypot(b.real, b.imag) or diff <= rel_tol * " KILN_NP_NAME
    ".hypot(a.real, a.imag) or diff <= abs_tol)\n";

int cm_lookup(const char *name) {
    for (int k = 0; k < (int)NELEM(table); k++) if (!strcmp(table[k].name, name)) return k;
    return -1;
}

static const Type *f64(Inf *I) { return ty_scalar(I->tt, KILN_FLOAT64, true); }
static const Type *c128(Inf *I) { return ty_scalar(I->tt, KILN_COMPLEX128, true); }

/* argument n as CPython's "D" converts it: a complex number, or a real one with imaginary part 0.0 */
static Val complex_arg(Inf *I, Node *n) {
    Val v = ex_expr(I, n);
    if (v.ty->kind == T_UNKNOWN) return v;
    if (v.ty->kind != T_SCALAR) inf_fail(I, n, "must be real number, not %s", inf_tyname(I, v.ty));
    if (dt_is_complex(v.ty->dtype)) return ex_coerce(I, v, c128(I), n);
    Val re = ex_coerce(I, v, f64(I), n);
    return val_of(I, inf_op2(I, OP_CPLX, c128(I), re.r, inf_const_f(I, f64(I), 0.0)));
}

/* a real argument (CPython's "d": rect's r and phi, isclose's tolerances) */
static Val real_arg(Inf *I, Node *n) {
    Val v = ex_expr(I, n);
    if (v.ty->kind == T_UNKNOWN) return v;
    if (v.ty->kind != T_SCALAR || dt_is_complex(v.ty->dtype)) inf_fail(I, n, "must be real number, not %s", inf_tyname(I, v.ty));
    return ex_coerce(I, v, f64(I), n);
}

static Ref part(Inf *I, Val z, int op) { return inf_emit(I, op, f64(I), &z.r, 1, 0); }

static void nargs(Inf *I, Node *call, const char *f, int lo, int hi) {
    if (call->nkids2) inf_fail(I, call->kids2[0], "%s() takes no keyword arguments", f);
    if (call->nkids < lo || call->nkids > hi) {
        if (lo == 1 && hi == 1) inf_fail(I, call, "%s() takes exactly one argument (%d given)", f, call->nkids);
        if (lo == hi) inf_fail(I, call, "%s expected %d arguments, got %d", f, lo, call->nkids);
        if (call->nkids < lo) inf_fail(I, call, "%s expected at least %d argument, got %d", f, lo, call->nkids);
        inf_fail(I, call, "%s expected at most %d arguments, got %d", f, hi, call->nkids);
    }
}

static Val isclose(Inf *I, Node *call) {
    Node *arg[4] = {NULL, NULL, NULL, NULL};
    if (call->nkids > 2) inf_fail(I, call, "isclose() takes exactly 2 positional arguments (%d given)", call->nkids);
    cl_np_bind(I, call, "isclose", 0, (const char *const[]){"a", "b", "rel_tol", "abs_tol", NULL}, 2, arg);
    for (int i = 0; i < 2; i++)
        if (!arg[i]) inf_fail(I, call, "isclose() missing required argument '%s' (pos %d)", i ? "b" : "a", i + 1);
    Node *held[4];
    for (int i = 0; i < 4; i++) {
        Val v = i < 2 ? complex_arg(I, arg[i]) : arg[i] ? real_arg(I, arg[i]) : val_of(I, inf_const_f(I, f64(I), i == 2 ? 1e-09 : 0.0));
        if (v.ty->kind == T_UNKNOWN) return v;
        held[i] = it_held(I, call, i, v);
    }
    return it_inline(I, call, isclose_text, sizeof isclose_text - 1, "<cmath>", held, 4);
}

Val cm_call(Inf *I, Node *call, int k) {
    const char *f = table[k].name;
    int fn = table[k].fn;
    if (fn == CM_ISCLOSE) return isclose(I, call);
    if (fn == CM_RECT) {
        nargs(I, call, f, 2, 2);
        Val r = real_arg(I, call->kids[0]), phi = real_arg(I, call->kids[1]);
        if (r.ty->kind == T_UNKNOWN || phi.ty->kind == T_UNKNOWN) return r.ty->kind == T_UNKNOWN ? r : phi;
        return val_of(I, inf_emit(I, OP_MATH, c128(I), (Ref[]){r.r, phi.r}, 2, MF_CRECT));
    }
    nargs(I, call, f, 1, fn == MF_LOG ? 2 : 1);
    Val z = complex_arg(I, call->kids[0]);
    if (z.ty->kind == T_UNKNOWN) return z;
    if (fn >= 0 && call->nkids == 2) { /* log(z, base) */
        Val b = complex_arg(I, call->kids[1]);
        if (b.ty->kind == T_UNKNOWN) return b;
        return val_of(I, inf_emit(I, OP_MATH, c128(I), (Ref[]){z.r, b.r}, 2, MF_CLOGB));
    }
    if (fn >= 0) return val_of(I, inf_emit(I, OP_MATH, c128(I), &z.r, 1, fn));
    Val re = val_of(I, part(I, z, OP_REAL)), im = val_of(I, part(I, z, OP_IMAG));
    switch (fn) {
    case CM_ISFINITE: case CM_ISINF: case CM_ISNAN: {
        int t = fn == CM_ISFINITE ? MF_ISFINITE : fn == CM_ISINF ? MF_ISINF : MF_ISNAN;
        Ref a = cl_float_test(I, t, re, inf_bool(I)), b = cl_float_test(I, t, im, inf_bool(I));
        return val_of(I, inf_op2(I, fn == CM_ISFINITE ? OP_AND : OP_OR, ty_scalar(I->tt, KILN_BOOL, true), a, b));
    }
    default: break;
    }
    Ref phi = inf_emit(I, OP_MATH, f64(I), (Ref[]){im.r, re.r}, 2, MF_ATAN2);
    if (fn == CM_PHASE) { /* glibc's atan2 sets ERANGE where a nonzero y over a finite x underflows to 0, and phase raises it */
        Ref zero = inf_const_f(I, f64(I), 0.0);
        Ref phi0 = inf_op2(I, OP_EQ, inf_bool(I), phi, zero), im_nz = inf_op2(I, OP_NE, inf_bool(I), im.r, zero);
        Ref under = inf_op2(I, OP_AND, inf_bool(I), phi0, im_nz);
        st_raise_if(I, inf_op2(I, OP_AND, inf_bool(I), under, cl_float_test(I, MF_ISFINITE, re, inf_bool(I))), "OverflowError",
                    "math range error");
        return val_of(I, phi);
    }
    /* polar: _Py_c_abs, C's hypot (an infinity wins over a NaN), OverflowError where finite parts overflow */
    Ref r = inf_emit(I, OP_MATH, f64(I), (Ref[]){re.r, im.r}, 2, MF_HYPOT);
    I->f->ins.v[r].flags |= INS_NUMPY;
    /* the tests made one after the other (as arguments of one call, their order would be the C compiler's) */
    Ref re_fin = cl_float_test(I, MF_ISFINITE, re, inf_bool(I)), im_fin = cl_float_test(I, MF_ISFINITE, im, inf_bool(I));
    Ref fin = inf_op2(I, OP_AND, inf_bool(I), re_fin, im_fin);
    st_raise_if(I, inf_op2(I, OP_AND, inf_bool(I), fin, cl_float_test(I, MF_ISINF, val_of(I, r), inf_bool(I))), "OverflowError",
                "math range error");
    return inf_tuple(I, (Val[]){val_of(I, r), val_of(I, phi)}, 2);
}
