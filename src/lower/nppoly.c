/*
 * nppoly.c — NumPy's polynomial functions of coefficient arrays, highest power first: np.polyval, np.polyfit,
 * np.vander, np.polyadd, np.polysub, np.polymul, np.polyder and np.polyint, written in Python as NumPy's
 * polynomial.py writes them (so its dtypes and its bits) and lowered at the call. Orders of derivatives and integrals
 * are constants (they decide how many steps the text takes); every length is read when the call runs.
 */
#include "infer.h"
#include <stdio.h>
#include <string.h>

enum { PL_POLYVAL, PL_POLYFIT, PL_VANDER, PL_POLYADD, PL_POLYSUB, PL_POLYMUL, PL_POLYDER, PL_POLYINT, PL_COUNT };

static const char *const names[PL_COUNT] = {"polyval", "polyfit", "vander", "polyadd", "polysub", "polymul", "polyder", "polyint"};
_Static_assert((int)PL_COUNT <= (int)PL_MAX, "nppoly.c's functions fit call.c's builtin range");

int pl_lookup(const char *name) {
    for (int k = 0; k < PL_COUNT; k++) if (!strcmp(names[k], name)) return k;
    return -1;
}

static Val hold(ItCall *p, Val v) { return it_call_hold(p, v); }

/* an argument that is an array (a list or a tuple display becomes one, as NumPy's asarray makes it) */
static Val hold_array(ItCall *p, Node *n, const char *fname) { return hold(p, nm_array_arg(p->I, n, fname)); }

/* a constant True/False argument (False when left out) */
static bool const_bool(Inf *I, Node *n, const char *param) {
    if (!n) return false;
    if (n->kind != N_BOOL) inf_fail(I, n, "%s must be True or False written in the call", param);
    return n->v.i != 0;
}

/* a constant order m >= 0 of polyder or polyint (1 when left out) */
static int order_of(Inf *I, Node *n, const char *msg) {
    int64_t m = n ? cl_const_int(I, n, "m", " (the number of steps)") : 1;
    if (m < 0) inf_fail(I, n, "%s", msg);
    if (m > 64) inf_fail(I, n, "an order of %lld is not supported (at most 64)", (long long)m);
    return (int)m;
}

Val pl_call(Inf *I, Node *call, int k) {
    ItCall *p = it_call_new(I, call, "<numpy>");
    const char *f = names[k];
    Node *arg[8] = {NULL};
    switch (k) {
    case PL_POLYVAL: { /* Horner's rule from zeros_like(x), as NumPy */
        cl_np_bind(I, call, f, 0, (const char *const[]){"p", "x", NULL}, 2, arg);
        Val c = hold_array(p, it_need(I, call, arg[0], f, "p"), f);
        Val x = hold(p, ex_expr(I, it_need(I, call, arg[1], f, "x")));
        if (c.ty->ndim != 1) inf_fail(I, arg[0], "np.polyval(): the coefficients must be a 1-d array");
        if (x.ty->kind == T_ARRAY) it_call_put(p, "def polyval(c, x):\n    y = np.zeros_like(x)\n");
        else if (x.ty->kind == T_SCALAR && !dt_is_complex(x.ty->dtype))
            it_call_put(p, "def polyval(c, x):\n    y = np.%s(0)\n", dt_is_float(x.ty->dtype) ? (x.ty->dtype == KILN_FLOAT32 ? "float32" : "float64") : "int64");
        else inf_fail(I, arg[1], "np.polyval() of %s is not supported", inf_tyname(I, x.ty));
        it_call_put(p, "    for pv in c:\n        y = y * x + pv\n    return y\n");
        break;
    }
    case PL_POLYFIT: { /* NumPy's polyfit: its Vandermonde matrix (each power the last times x), columns scaled to unit
                        * norm, lstsq, the scale divided out */
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", "y", "deg", "rcond", "full", "w", "cov", NULL}, 7, arg);
        if (arg[4] && !(arg[4]->kind == N_BOOL && !arg[4]->v.i)) inf_fail(I, arg[4], "np.polyfit(): full=True is not supported yet");
        if (arg[6] && !(arg[6]->kind == N_BOOL && !arg[6]->v.i)) inf_fail(I, arg[6], "np.polyfit(): cov= is not supported yet");
        Val x = hold_array(p, it_need(I, call, arg[0], f, "x"), f), y = hold_array(p, it_need(I, call, arg[1], f, "y"), f);
        if (dt_is_complex(x.ty->dtype) || dt_is_complex(y.ty->dtype)) inf_fail(I, call, "np.polyfit() of complex values is not supported yet");
        if (x.ty->ndim != 1) inf_fail(I, arg[0], "expected 1D vector for x");
        if (y.ty->ndim < 1 || y.ty->ndim > 2) inf_fail(I, arg[1], "expected 1D or 2D array for y");
        Val d = hold(p, ex_expr(I, it_need(I, call, arg[2], f, "deg")));
        if (d.ty->kind != T_SCALAR || !dt_is_intlike(d.ty->dtype)) inf_fail(I, arg[2], "np.polyfit(): deg must be an integer");
        bool rc = arg[3] && arg[3]->kind != N_NONE, wt = arg[5] && arg[5]->kind != N_NONE;
        if (rc) hold(p, ex_expr(I, arg[3]));
        if (wt && hold_array(p, arg[5], f).ty->ndim != 1) inf_fail(I, arg[5], "expected a 1-d array for weights");
        it_call_put(p, "def polyfit(x, y, deg%s%s):\n    order = deg + 1\n    x = x + 0.0\n    y = y + 0.0\n", rc ? ", rcond" : "", wt ? ", w" : "");
        it_call_put(p, "    if deg < 0:\n        raise ValueError(\"expected deg >= 0\")\n    n = x.shape[0]\n"
                "    if n == 0:\n        raise TypeError(\"expected non-empty vector for x\")\n"
                "    if n != y.shape[0]:\n        raise TypeError(\"expected x and y to have same length\")\n");
        if (!rc) it_call_put(p, "    rcond = n * np.finfo(np.float64).eps\n");
        it_call_put(p, "    lhs = np.empty((n, order))\n    lhs[:, order - 1] = 1.0\n    if order > 1:\n        lhs[:, order - 2] = x\n"
                "    for k in range(2, order):\n        lhs[:, order - 1 - k] = lhs[:, order - k] * x\n    rhs = y\n");
        if (wt)
            it_call_put(p, "    w = w + 0.0\n    if w.shape[0] != y.shape[0]:\n        raise TypeError(\"expected w and y to have the same length\")\n"
                    "    lhs *= w[:, None]\n    rhs = y * w%s\n", y.ty->ndim == 2 ? "[:, None]" : "");
        it_call_put(p, "    scale = np.sqrt((lhs * lhs).sum(axis=0))\n    lhs /= scale\n    c = np.linalg.lstsq(lhs, rhs, rcond)[0]\n");
        it_call_put(p, y.ty->ndim == 2 ? "    return (c.T / scale).T\n" : "    return c / scale\n");
        break;
    }
    case PL_VANDER: { /* NumPy's: column by column x's powers made by multiplying (multiply.accumulate), in the
                       * type x promotes to with an int (int64, float64, complex128), decreasing unless increasing */
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", "N", "increasing", NULL}, 3, arg);
        Val x = hold_array(p, it_need(I, call, arg[0], f, "x"), f);
        if (x.ty->ndim != 1) inf_fail(I, arg[0], "x must be a one-dimensional array or sequence.");
        hold(p, arg[1] && arg[1]->kind != N_NONE ? ex_expr(I, arg[1]) : val_of(I, inf_emit(I, OP_DIM, inf_i64(I), &x.r, 1, 0)));
        bool inc = const_bool(I, arg[2], "increasing");
        int d = x.ty->dtype;
        const char *T = dt_is_complex(d) ? "np.complex128" : dt_is_float(d) || d == KILN_UINT64 ? "np.float64" : "np.int64";
        it_call_put(p, "def vander(x, n):\n    v = np.empty((x.shape[0], n), dtype=%s)\n    for i in range(x.shape[0]):\n"
                "        xi = %s(x[i])\n        acc = %s(1)\n        for j in range(n):\n            if j > 0:\n"
                "                acc = xi if j == 1 else acc * xi\n            v[i, %s] = acc\n    return v\n",
            T, T, T, inc ? "j" : "n - 1 - j");
        break;
    }
    case PL_POLYADD: case PL_POLYSUB: { /* the shorter padded with leading zeros of its own dtype, then + or - */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a1", "a2", NULL}, 2, arg);
        for (int i = 0; i < 2; i++) {
            int nd = hold_array(p, it_need(I, call, arg[i], f, i ? "a2" : "a1"), f).ty->ndim;
            if (nd > 1) inf_fail(I, arg[i], "np.%s() of a %d-d array is not supported (coefficient vectors are)", f, nd);
        }
        const char *op = k == PL_POLYADD ? "+" : "-";
        it_call_put(p, "def %s(a1, a2):\n    a1 = np.atleast_1d(a1)\n    a2 = np.atleast_1d(a2)\n    diff = len(a2) - len(a1)\n"
                       "    if diff == 0:\n        return a1 %s a2\n"
                       "    if diff > 0:\n        return np.concatenate((np.zeros(diff, dtype=a1.dtype), a1)) %s a2\n"
                       "    return a1 %s np.concatenate((np.zeros(-diff, dtype=a2.dtype), a2))\n", f, op, op, op);
        break;
    }
    case PL_POLYMUL: /* the coefficients' convolution */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a1", "a2", NULL}, 2, arg);
        for (int i = 0; i < 2; i++) hold_array(p, it_need(I, call, arg[i], f, i ? "a2" : "a1"), f);
        it_call_put(p, "def polymul(a1, a2):\n    return np.convolve(np.atleast_1d(a1), np.atleast_1d(a2))\n");
        break;
    case PL_POLYDER: { /* m times: all but the constant term, times the powers n..1 (an int arange) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"p", "m", NULL}, 2, arg);
        hold_array(p, it_need(I, call, arg[0], f, "p"), f);
        int m = order_of(I, arg[1], "Order of derivative must be positive (see polyint)");
        it_call_put(p, "def polyder(p):\n    y0 = p\n");
        for (int i = 0; i < m; i++) it_call_put(p, "    y%d = y%d[:-1] * np.arange(len(y%d) - 1, 0, -1)\n", i + 1, i, i);
        it_call_put(p, "    return y%d\n", m);
        break;
    }
    case PL_POLYINT: { /* m times: divided by the powers len..1 (true division), the constant k[i] appended */
        cl_np_bind(I, call, f, 0, (const char *const[]){"p", "m", "k", NULL}, 3, arg);
        hold_array(p, it_need(I, call, arg[0], f, "p"), f);
        int m = order_of(I, arg[1], "Order of integral must be positive (see polyder)");
        Node *kn = arg[2] && arg[2]->kind != N_NONE ? arg[2] : NULL;
        bool many = false;
        if (kn) {
            Val kv = ex_expr(I, kn);
            many = kv.ty->kind == T_LIST || kv.ty->kind == T_ARRAY || kn->kind == N_TUPLE;
            if (many) kv = nm_array_arg(I, kn, f);
            if (kv.ty->kind == T_ARRAY && kv.ty->ndim != 1) inf_fail(I, kn, "k must be a scalar or a rank-1 array of length 1 or >m.");
            if (kv.ty->kind != T_ARRAY && kv.ty->kind != T_SCALAR) inf_fail(I, kn, "np.polyint(): k must be a number or a 1-d array, not %s", inf_tyname(I, kv.ty));
            hold(p, kv);
        }
        it_call_put(p, "def polyint(p%s):\n", kn ? ", k" : "");
        if (many) /* NumPy's: one constant serves every step; fewer than m otherwise is its ValueError */
            it_call_put(p, "    if len(k) == 1 and %d > 1:\n        k = k[0] * np.ones(%d)\n"
                           "    if len(k) < %d:\n        raise ValueError(\"k must be a scalar or a rank-1 array of length 1 or >m.\")\n", m, m, m);
        it_call_put(p, "    y0 = p\n");
        for (int i = 0; i < m; i++) {
            char kc[32]; /* the step's constant */
            snprintf(kc, sizeof kc, !kn ? "0.0" : many ? "k[%d]" : "k", i);
            it_call_put(p, "    y%d = np.concatenate((y%d / np.arange(len(y%d), 0, -1), np.array([%s])))\n", i + 1, i, i, kc);
        }
        it_call_put(p, "    return y%d\n", m);
        break;
    }
    default: inf_fail(I, call, "internal error: np.%s", f);
    }
    return it_call_inline(p);
}
