/*
 * npwrap.c — NumPy functions that are NumPy's own few lines around functions kiln has: np.tensordot (transposes,
 * reshapes and one np.dot, as numeric.py's), np.atleast_1d, np.atleast_3d, np.hsplit, np.vsplit, np.dsplit,
 * np.matrix_transpose, np.cumulative_sum and np.cumulative_prod (NumPy 2.1's, include_initial too), np.isposinf,
 * np.isneginf, np.iscomplex, np.isreal, np.iscomplexobj, np.isrealobj, np.ediff1d, np.ndim, np.shape, np.size,
 * np.broadcast_arrays and np.broadcast_shapes (the shape from the right, NumPy's mismatch message), np.rollaxis,
 * np.resize, np.geomspace (logspace of the logs, the ends set exactly, negative ranges by their sign) and np.unwrap.
 * Each is written in Python and lowered at the call (NumPy's steps, so its bits and its views); what decides the
 * text (a rank, an axis, a flag) is known when kiln compiles, every length is read when the call runs.
 */
#include "infer.h"
#include <stdio.h>
#include <string.h>

#define NP KILN_NP_NAME "."

enum { NW_TENSORDOT, NW_ATLEAST_1D, NW_ATLEAST_3D, NW_HSPLIT, NW_VSPLIT, NW_DSPLIT, NW_MATRIX_TRANSPOSE,
       NW_CUMULATIVE_SUM, NW_CUMULATIVE_PROD, NW_ISPOSINF, NW_ISNEGINF, NW_ISCOMPLEX, NW_ISREAL, NW_ISCOMPLEXOBJ,
       NW_ISREALOBJ, NW_EDIFF1D, NW_NDIM, NW_SHAPE, NW_SIZE, NW_BROADCAST_ARRAYS, NW_BROADCAST_SHAPES, NW_ROLLAXIS,
       NW_RESIZE, NW_GEOMSPACE, NW_UNWRAP, NW_COUNT };

static const char *const names[NW_COUNT] = {
    "tensordot", "atleast_1d", "atleast_3d", "hsplit", "vsplit", "dsplit", "matrix_transpose", "cumulative_sum",
    "cumulative_prod", "isposinf", "isneginf", "iscomplex", "isreal", "iscomplexobj", "isrealobj", "ediff1d", "ndim",
    "shape", "size", "broadcast_arrays", "broadcast_shapes", "rollaxis", "resize", "geomspace", "unwrap",
};
_Static_assert((int)NW_COUNT <= (int)NW_MAX, "npwrap.c's functions fit call.c's builtin range");

int nw_lookup(const char *name) {
    for (int k = 0; k < NW_COUNT; k++) if (!strcmp(names[k], name)) return k;
    return -1;
}

#define PUT(...) it_put(&w->t, __VA_ARGS__)

/* an array, or a number or list NumPy's asarray makes one */
static Val array_of(ItCall *w, Node *n, const char *f) {
    Val v = ex_expr(w->I, n);
    if (v.ty->kind == T_LIST) v = ls_to_array(w->I, v, n);
    if (v.ty->kind != T_ARRAY && v.ty->kind != T_SCALAR)
        inf_fail(w->I, n, "np.%s() of %s is not supported (arrays and numbers are)", f, inf_tyname(w->I, v.ty));
    return v;
}

static int rank(Val v) { return v.ty->kind == T_ARRAY ? v.ty->ndim : 0; }

/* an axis list of tensordot: an int, or a tuple or list display of ints, normalized against nd (written in the call) */
static int axis_list(ItCall *w, Node *n, int nd, int *out) {
    Inf *I = w->I;
    Node **k = &n;
    int cnt = 1;
    if (n->kind == N_TUPLE || n->kind == N_LIST) { k = n->kids; cnt = n->nkids; }
    if (cnt > KILN_MAXDIM) inf_fail(I, n, "tensordot: too many axes");
    for (int i = 0; i < cnt; i++) {
        int64_t a = cl_const_int(I, k[i], "tensordot's axes", " (they decide the result's shape)");
        if (a < -nd || a >= nd) inf_fail(I, k[i], "axis %lld is out of bounds for array of dimension %d", (long long)a, nd);
        out[i] = (int)(a < 0 ? a + nd : a);
        for (int j = 0; j < i; j++) if (out[j] == out[i]) inf_fail(I, k[i], "tensordot: repeated axis in axes");
    }
    return cnt;
}

/* the product of x's lengths along axes ax[0..n) as an expression ("1" for none) */
static void shape_product(ItCall *w, const char *x, const int *ax, int n) {
    if (!n) { PUT("1"); return; }
    for (int i = 0; i < n; i++) PUT("%s%s.shape[%d]", i ? " * " : "", x, ax[i]);
}

/* the axes of an nd-axis operand not among ax[0..n), in order, into out; their count */
static int free_axes(int nd, const int *ax, int n, int *out) {
    int m = 0;
    for (int d = 0; d < nd; d++) {
        bool in = false;
        for (int i = 0; i < n; i++) in |= ax[i] == d;
        if (!in) out[m++] = d;
    }
    return m;
}

/* x with axes first[] then second[] as a 2-d array: x.transpose(...).reshape(their two lengths' products) */
static void as_2d(ItCall *w, const char *x, const int *first, int n1, const int *second, int n2) {
    PUT("%s.transpose((", x);
    for (int i = 0; i < n1; i++) PUT("%d, ", first[i]);
    for (int i = 0; i < n2; i++) PUT("%d, ", second[i]);
    PUT(")).reshape(");
    shape_product(w, x, first, n1);
    PUT(", ");
    shape_product(w, x, second, n2);
    PUT(")");
}

/* numeric.py's tensordot: a's summed axes moved last, b's first, both made 2-d, one dot, the free axes restored */
static void tensordot(ItCall *w, Node **arg) {
    Inf *I = w->I;
    Val a = array_of(w, it_need(I, w->call, arg[0], "tensordot", "a"), "tensordot"), b = array_of(w, it_need(I, w->call, arg[1], "tensordot", "b"), "tensordot");
    if (a.ty->kind != T_ARRAY || b.ty->kind != T_ARRAY) inf_fail(I, w->call, "np.tensordot() of numbers is not supported (arrays are)");
    int na = a.ty->ndim, nb = b.ty->ndim, ax_a[KILN_MAXDIM], ax_b[KILN_MAXDIM], n;
    Node *axes = arg[2];
    if (!axes || axes->kind == N_INT) {
        n = axes ? (int)axes->v.i : 2;
        if (n < 0 || n > na || n > nb) inf_fail(I, axes ? axes : w->call, "tensordot: axes=%d exceeds the arrays' dimensions", n);
        for (int i = 0; i < n; i++) { ax_a[i] = na - n + i; ax_b[i] = i; }
    } else {
        if ((axes->kind != N_TUPLE && axes->kind != N_LIST) || axes->nkids != 2)
            inf_fail(I, axes, "tensordot: axes must be an int or a pair of axis lists written in the call");
        n = axis_list(w, axes->kids[0], na, ax_a);
        if (axis_list(w, axes->kids[1], nb, ax_b) != n) inf_fail(I, axes, "shape-mismatch for sum");
    }
    it_call_hold(w, a);
    it_call_hold(w, b);
    int free_a[KILN_MAXDIM], free_b[KILN_MAXDIM], fa = free_axes(na, ax_a, n, free_a), fb = free_axes(nb, ax_b, n, free_b);
    PUT("def tensordot(a, b):\n");
    for (int i = 0; i < n; i++)
        PUT("    if a.shape[%d] != b.shape[%d]:\n        raise ValueError(\"shape-mismatch for sum\")\n", ax_a[i], ax_b[i]);
    PUT("    at = ");
    as_2d(w, "a", free_a, fa, ax_a, n);
    PUT("\n    bt = ");
    as_2d(w, "b", ax_b, n, free_b, fb);
    PUT("\n    return " NP "dot(at, bt).reshape((");
    for (int i = 0; i < fa; i++) PUT("a.shape[%d], ", free_a[i]);
    for (int i = 0; i < fb; i++) PUT("b.shape[%d], ", free_b[i]);
    PUT("))\n");
}

/* np.atleast_1d / np.atleast_3d of each argument (several: a tuple), shape_base.py's views */
static void atleast(ItCall *w, bool three) {
    Inf *I = w->I;
    Node *call = w->call;
    if (call->nkids2) inf_fail(I, call->kids2[0], "np.atleast_%dd() takes no keyword arguments", three ? 3 : 1);
    if (!call->nkids || call->nkids > 8) inf_fail(I, call, "np.atleast_%dd() of 1 to 8 arrays is supported", three ? 3 : 1);
    int r[8];
    PUT("def atleast(");
    for (int i = 0; i < call->nkids; i++) { r[i] = rank(it_call_hold(w, array_of(w, call->kids[i], three ? "atleast_3d" : "atleast_1d"))); PUT("a%d, ", i); }
    PUT("):\n");
    for (int i = 0; i < call->nkids; i++) {
        if (!three) PUT(r[i] == 0 ? "    r%d = " NP "asarray(a%d).reshape(1)\n" : "    r%d = a%d\n", i, i);
        else if (r[i] == 0) PUT("    r%d = " NP "asarray(a%d).reshape(1, 1, 1)\n", i, i);
        else if (r[i] == 1) PUT("    r%d = a%d[None, :, None]\n", i, i);
        else if (r[i] == 2) PUT("    r%d = a%d[:, :, None]\n", i, i);
        else PUT("    r%d = a%d\n", i, i);
    }
    if (call->nkids == 1) PUT("    return r0\n");
    else {
        PUT("    return (");
        for (int i = 0; i < call->nkids; i++) PUT("r%d, ", i);
        PUT(")\n");
    }
}

/* the broadcast shape of n operands of ranks nd[] into s0, s1, ... (from the right): each length 1 or the one the first
 * operand other than 1 there set (NumPy's ValueError naming both otherwise); shape(i) the text of operand i's shape */
static void broadcast_shape(ItCall *w, int n, const int *nd, const char *(*shape)(char *, int)) {
    int out = 0;
    for (int i = 0; i < n; i++) if (nd[i] > out) out = nd[i];
    char b[64];
    for (int d = 0; d < out; d++) {
        int dr = out - 1 - d; /* axis d counted from the right */
        PUT("    s%d = 1\n    w%d = 0\n    ws%d = \"\"\n", d, d, d);
        for (int i = 0; i < n; i++) {
            if (dr >= nd[i]) continue;
            const char *sh = shape(b, i);
            PUT("    x = %s[%d]\n    if x != 1:\n        if s%d != 1 and s%d != x:\n"
                "            raise ValueError(\"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg \" + "
                "str(w%d) + \" with shape \" + ws%d + \" and arg %d with shape \" + str(%s) + \".\")\n"
                "        if s%d == 1:\n            w%d = %d\n            ws%d = str(%s)\n        s%d = x\n",
                sh, nd[i] - 1 - dr, d, d, d, d, i, sh, d, d, i, d, sh, d);
        }
    }
}

static const char *array_shape(char *buf, int i) { snprintf(buf, 64, "a%d.shape", i); return buf; }
static const char *tuple_shape(char *buf, int i) { snprintf(buf, 64, "t%d", i); return buf; }

/* np.broadcast_arrays(*args) (views of each at the common shape) and np.broadcast_shapes(*shapes) (the shape) */
static void broadcasts(ItCall *w, bool arrays) {
    Inf *I = w->I;
    Node *call = w->call;
    const char *f = arrays ? "broadcast_arrays" : "broadcast_shapes";
    if (call->nkids2) inf_fail(I, call->kids2[0], "np.%s() takes no keyword arguments here", f);
    if (call->nkids > 8) inf_fail(I, call, "np.%s() of more than 8 operands is not supported", f);
    int nd[8];
    bool number[8] = {false};
    for (int i = 0; i < call->nkids; i++) {
        Val v = arrays ? array_of(w, call->kids[i], f) : ex_expr(I, call->kids[i]);
        if (arrays) nd[i] = rank(v);
        else if (v.ty->kind == T_SCALAR && dt_is_int(v.ty->dtype)) nd[i] = 1, number[i] = true; /* an int: a 1-d shape */
        else if (v.ty->kind == T_TUPLE) nd[i] = v.ty->n;
        else inf_fail(I, call->kids[i], "np.broadcast_shapes() takes ints and tuples of ints, not %s", inf_tyname(I, v.ty));
        it_call_hold(w, v);
    }
    PUT("def %s(", f);
    for (int i = 0; i < call->nkids; i++) PUT(arrays ? "a%d, " : number[i] ? "n%d, " : "t%d, ", i);
    PUT("):\n");
    for (int i = 0; i < call->nkids; i++) if (number[i]) PUT("    t%d = (n%d,)\n", i, i);
    broadcast_shape(w, call->nkids, nd, arrays ? array_shape : tuple_shape);
    int out = 0;
    for (int i = 0; i < call->nkids; i++) if (nd[i] > out) out = nd[i];
    PUT("    shape = (");
    for (int d = 0; d < out; d++) PUT("s%d, ", d);
    PUT(")\n");
    if (!arrays) { PUT("    return shape\n"); return; }
    PUT("    return (");
    for (int i = 0; i < call->nkids; i++) PUT(NP "broadcast_to(a%d, shape), ", i);
    PUT(")\n");
}

Val nw_call(Inf *I, Node *call, int k) {
    ItCall *w = it_call_new(I, call, "<numpy>");
    const char *f = names[k];
    Node *arg[5] = {NULL};
    switch (k) {
    case NW_TENSORDOT:
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "b", "axes", NULL}, 3, arg);
        tensordot(w, arg);
        break;
    case NW_ATLEAST_1D: case NW_ATLEAST_3D: atleast(w, k == NW_ATLEAST_3D); break;
    case NW_HSPLIT: case NW_VSPLIT: case NW_DSPLIT: { /* np.split along axis 1 (a 1-d array's 0), 0 or 2 */
        cl_np_bind(I, call, f, 0, (const char *const[]){"ary", "indices_or_sections", NULL}, 2, arg);
        Val a = it_call_hold(w, array_of(w, it_need(I, call, arg[0], f, "ary"), f));
        Node *s = it_need(I, call, arg[1], f, "indices_or_sections");
        bool literal = s->kind == N_LIST || s->kind == N_TUPLE; /* np.split reads a display of indices in its call */
        if (!literal) it_call_hold(w, ex_expr(I, s));
        int nd = rank(a), axis = k == NW_VSPLIT ? 0 : k == NW_DSPLIT ? 2 : nd > 1 ? 1 : 0;
        int least = k == NW_HSPLIT ? 1 : k == NW_VSPLIT ? 2 : 3;
        if (nd < least)
            inf_fail(I, arg[0], k == NW_HSPLIT ? "hsplit only works on arrays of 1 or more dimensions"
                              : k == NW_VSPLIT ? "vsplit only works on arrays of 2 or more dimensions"
                                               : "dsplit only works on arrays of 3 or more dimensions");
        if (!literal) PUT("def %s(a, s):\n    return " NP "split(a, s, axis=%d)\n", f, axis);
        else {
            PUT("def %s(a):\n    return " NP "split(a, [", f);
            for (int i = 0; i < s->nkids; i++) PUT("%lld, ", (long long)cl_const_int(I, s->kids[i], "an index of indices_or_sections", ""));
            PUT("], axis=%d)\n", axis);
        }
        break;
    }
    case NW_MATRIX_TRANSPOSE: {
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", NULL}, 1, arg);
        Val a = it_call_hold(w, array_of(w, it_need(I, call, arg[0], f, "x"), f));
        if (rank(a) < 2) inf_fail(I, arg[0], "Input array must be at least 2-dimensional, but it is %d", rank(a));
        PUT("def matrix_transpose(x):\n    return " NP "swapaxes(x, -1, -2)\n");
        break;
    }
    case NW_CUMULATIVE_SUM: case NW_CUMULATIVE_PROD: { /* cumsum/cumprod along axis (required past 1-d), include_initial:
                                                        * the identity first along it */
        bool sum = k == NW_CUMULATIVE_SUM;
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", "axis", "dtype", "out", "include_initial", NULL}, 1, arg);
        Val a = it_call_hold(w, array_of(w, it_need(I, call, arg[0], f, "x"), f));
        int nd = rank(a);
        if (nd == 0) inf_fail(I, arg[0], "The input must be non-scalar");
        if ((arg[2] && arg[2]->kind != N_NONE) || (arg[3] && arg[3]->kind != N_NONE))
            inf_fail(I, arg[2] ? arg[2] : arg[3], "np.%s(): dtype= and out= are not supported yet", f);
        int axis = 0;
        if (arg[1] && arg[1]->kind != N_NONE) {
            int64_t ax = cl_const_int(I, arg[1], "axis", " (it decides the result's shape)");
            if (ax < -nd || ax >= nd) inf_fail(I, arg[1], "axis %lld is out of bounds for array of dimension %d", (long long)ax, nd);
            axis = (int)(ax < 0 ? ax + nd : ax);
        } else if (nd > 1)
            inf_fail(I, call, "For arrays which have more than one dimension ``axis`` argument is required.");
        bool initial = false;
        if (arg[4]) {
            if (arg[4]->kind != N_BOOL) inf_fail(I, arg[4], "np.%s(): include_initial must be True or False written in the call", f);
            initial = arg[4]->v.i != 0;
        }
        PUT("def %s(x):\n    r = " NP "%s(x, axis=%d)\n", f, sum ? "cumsum" : "cumprod", axis);
        if (initial) {
            PUT("    r = " NP "concatenate((" NP "full((");
            for (int d = 0; d < nd; d++) PUT(d == axis ? "1, " : "r.shape[%d], ", d);
            PUT("), %d, dtype=r.dtype), r), axis=%d)\n", sum ? 0 : 1, axis);
        }
        PUT("    return r\n");
        break;
    }
    case NW_ISPOSINF: case NW_ISNEGINF: { /* ufunclike.py: isinf and the sign bit */
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", "out", NULL}, 1, arg);
        Val a = it_call_hold(w, array_of(w, it_need(I, call, arg[0], f, "x"), f));
        if (dt_is_complex(a.ty->dtype)) inf_fail(I, arg[0], "This operation is not supported for complex values because it would be ambiguous.");
        if (arg[1] && arg[1]->kind != N_NONE) inf_fail(I, arg[1], "np.%s(): out= is not supported yet", f);
        PUT("def %s(x):\n    return " NP "logical_and(" NP "isinf(x), %s" NP "signbit(x))\n", f, k == NW_ISPOSINF ? "~" : "");
        break;
    }
    case NW_ISCOMPLEX: case NW_ISREAL: { /* type_check.py: the imaginary part against 0 (real arrays: all False / True) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", NULL}, 1, arg);
        Val a = it_call_hold(w, array_of(w, it_need(I, call, arg[0], f, "x"), f));
        bool cx = dt_is_complex(a.ty->dtype), arr = a.ty->kind == T_ARRAY, py = !arr && a.ty->weak; /* a Python number's .imag: a Python bool */
        const char *op = k == NW_ISCOMPLEX ? "!=" : "==";
        if (cx && py) PUT("def %s(x):\n    return x.imag %s 0\n", f, op);
        else if (cx) PUT("def %s(x):\n    return " NP "imag(x) %s 0\n", f, op);
        else if (arr) PUT("def %s(x):\n    return " NP "%s(x.shape, dtype=" NP "bool_)\n", f, k == NW_ISCOMPLEX ? "zeros" : "ones");
        else PUT("def %s(x):\n    return %s(%s)\n", f, py ? "" : NP "bool_", k == NW_ISCOMPLEX ? "False" : "True");
        break;
    }
    case NW_ISCOMPLEXOBJ: case NW_ISREALOBJ: { /* by the dtype alone: a Python bool */
        cl_np_bind(I, call, f, 0, (const char *const[]){"x", NULL}, 1, arg);
        Val a = array_of(w, it_need(I, call, arg[0], f, "x"), f);
        bool cx = dt_is_complex(a.ty->dtype);
        PUT("def %s():\n    return %s\n", f, (k == NW_ISCOMPLEXOBJ) == cx ? "True" : "False");
        break;
    }
    case NW_EDIFF1D: { /* arraysetops.py: the flattened differences, to_begin and to_end (flattened) around them */
        cl_np_bind(I, call, f, 0, (const char *const[]){"ary", "to_end", "to_begin", NULL}, 3, arg);
        Val a = it_call_hold(w, array_of(w, it_need(I, call, arg[0], f, "ary"), f));
        if (a.ty->dtype == KILN_BOOL) inf_fail(I, arg[0], "np.ediff1d() of a bool array is not supported (NumPy's subtract has no bool loop)");
        bool end = arg[1] && arg[1]->kind != N_NONE, begin = arg[2] && arg[2]->kind != N_NONE;
        if (end) it_call_hold(w, array_of(w, arg[1], f));
        if (begin) it_call_hold(w, array_of(w, arg[2], f));
        const char *d = kiln_dtype_name((kiln_dtype)a.ty->dtype);
        PUT("def ediff1d(ary%s%s):\n    x = " NP "asarray(ary).ravel()\n    r = x[1:] - x[:-1]\n", end ? ", e" : "", begin ? ", b" : "");
        if (begin) PUT("    r = " NP "concatenate((" NP "asarray(b, dtype=" NP "%s).ravel(), r))\n", d);
        if (end) PUT("    r = " NP "concatenate((r, " NP "asarray(e, dtype=" NP "%s).ravel()))\n", d);
        PUT("    return r\n");
        break;
    }
    case NW_NDIM: case NW_SHAPE: case NW_SIZE: { /* of an array, or of a number (a 0-d array's) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", k == NW_SIZE ? "axis" : NULL, NULL}, k == NW_SIZE ? 2 : 1, arg);
        Val a = it_call_hold(w, array_of(w, it_need(I, call, arg[0], f, "a"), f));
        bool arr = a.ty->kind == T_ARRAY;
        if (k == NW_NDIM) PUT("def ndim(a):\n    return %s\n", arr ? "a.ndim" : "0");
        else if (k == NW_SHAPE) PUT("def shape(a):\n    return %s\n", arr ? "a.shape" : "()");
        else if (arg[1] && arg[1]->kind != N_NONE) {
            int nd = rank(a);
            int64_t ax = cl_const_int(I, arg[1], "axis", "");
            if (ax < -nd || ax >= nd) inf_fail(I, arg[1], "axis %lld is out of bounds for array of dimension %d", (long long)ax, nd);
            PUT("def size(a):\n    return a.shape[%d]\n", (int)(ax < 0 ? ax + nd : ax));
        } else PUT("def size(a):\n    return %s\n", arr ? "a.size" : "1");
        break;
    }
    case NW_BROADCAST_ARRAYS: case NW_BROADCAST_SHAPES: broadcasts(w, k == NW_BROADCAST_ARRAYS); break;
    case NW_ROLLAXIS: { /* numeric.py's: axis moved to before start, a view */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "axis", "start", NULL}, 3, arg);
        Val a = it_call_hold(w, array_of(w, it_need(I, call, arg[0], f, "a"), f));
        int n = rank(a);
        int64_t axis = cl_const_int(I, it_need(I, call, arg[1], f, "axis"), "axis", " (it decides the result's shape)");
        int64_t start = arg[2] ? cl_const_int(I, arg[2], "start", " (it decides the result's shape)") : 0;
        if (axis < -n || axis >= n) inf_fail(I, arg[1], "axis %lld is out of bounds for array of dimension %d", (long long)axis, n);
        if (axis < 0) axis += n;
        if (start < 0) start += n;
        if (start < 0 || start > n)
            inf_fail(I, arg[2], "'start' arg requires %d <= start < %d, but %lld was passed in", -n, n + 1, (long long)(start < 0 ? start - n : start));
        if (axis < start) start--;
        int order[KILN_MAXDIM], m = 0;
        for (int d = 0; d < n; d++) if (d != axis) order[m++] = d;
        for (int d = m; d > start; d--) order[d] = order[d - 1];
        order[start] = (int)axis;
        PUT("def rollaxis(a):\n    return a.transpose((");
        for (int d = 0; d < n; d++) PUT("%d, ", order[d]);
        PUT("))\n");
        break;
    }
    case NW_RESIZE: { /* fromnumeric.py's: the flattened items repeated to fill the new shape (zeros if either is empty) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"a", "new_shape", NULL}, 2, arg);
        it_call_hold(w, array_of(w, it_need(I, call, arg[0], f, "a"), f));
        Val sh = it_call_hold(w, ex_expr(I, it_need(I, call, arg[1], f, "new_shape")));
        bool tuple = sh.ty->kind == T_TUPLE;
        if (!tuple && !(sh.ty->kind == T_SCALAR && dt_is_int(sh.ty->dtype))) inf_fail(I, arg[1], "np.resize(): new_shape must be an int or a tuple of ints");
        PUT("def resize(a, shape):\n    a = " NP "asarray(a).ravel()\n    n = 1\n");
        if (tuple) for (int d = 0; d < sh.ty->n; d++) PUT("    if shape[%d] < 0:\n        raise ValueError(\"all elements of `new_shape` must be non-negative\")\n    n *= shape[%d]\n", d, d);
        else PUT("    if shape < 0:\n        raise ValueError(\"all elements of `new_shape` must be non-negative\")\n    n = shape\n");
        PUT("    if a.size == 0 or n == 0:\n        return " NP "zeros(shape, dtype=a.dtype)\n"
            "    return " NP "tile(a, -(-n // a.size))[:n].reshape(shape)\n");
        break;
    }
    case NW_GEOMSPACE: { /* function_base.py's: the logs' logspace, the ends set to start and stop, times the sign */
        cl_np_bind(I, call, f, 0, (const char *const[]){"start", "stop", "num", "endpoint", NULL}, 4, arg);
        for (int i = 0; i < 2; i++) {
            Val v = it_call_hold(w, ex_expr(I, it_need(I, call, arg[i], f, i ? "stop" : "start")));
            if (v.ty->kind != T_SCALAR || dt_is_complex(v.ty->dtype) || v.ty->dtype == KILN_FLOAT32)
                inf_fail(I, arg[i], "np.geomspace() of %s is not supported (real float64 or integer numbers are)", inf_tyname(I, v.ty));
        }
        it_call_hold(w, arg[2] ? ex_expr(I, arg[2]) : val_of(I, inf_k64(I, 50)));
        bool end = true;
        if (arg[3]) {
            if (arg[3]->kind != N_BOOL) inf_fail(I, arg[3], "np.geomspace(): endpoint must be True or False written in the call");
            end = arg[3]->v.i != 0;
        }
        PUT("def geomspace(start, stop, num):\n    start = " NP "float64(start)\n    stop = " NP "float64(stop)\n"
            "    if start == 0 or stop == 0:\n        raise ValueError(\"Geometric sequence cannot include zero\")\n"
            "    sign = " NP "sign(start)\n    start = start / sign\n    stop = stop / sign\n"
            "    r = 10.0 ** " NP "linspace(" NP "log10(start), " NP "log10(stop), num, endpoint=%s)\n"
            "    if num > 0:\n        r[0] = start\n%s    return r * sign\n", end ? "True" : "False",
            end ? "        if num > 1:\n            r[-1] = stop\n" : "");
        break;
    }
    case NW_UNWRAP: { /* function_base.py's: differences mod the period (ties kept positive), corrections summed where
                       * a jump reaches discont */
        cl_np_bind(I, call, f, 0, (const char *const[]){"p", "discont", "axis", "period", NULL}, 4, arg);
        Val a = it_call_hold(w, array_of(w, it_need(I, call, arg[0], f, "p"), f));
        if (a.ty->kind != T_ARRAY || !dt_is_float(a.ty->dtype)) inf_fail(I, arg[0], "np.unwrap() of %s is not supported (float arrays are)", inf_tyname(I, a.ty));
        int nd = rank(a);
        int64_t ax = arg[2] ? cl_const_int(I, arg[2], "axis", "") : -1;
        if (ax < -nd || ax >= nd) inf_fail(I, arg[2], "axis %lld is out of bounds for array of dimension %d", (long long)ax, nd);
        int axis = (int)(ax < 0 ? ax + nd : ax);
        it_call_hold(w, arg[3] ? ex_expr(I, arg[3]) : val_of(I, inf_const_f(I, ty_scalar(I->tt, KILN_FLOAT64, true), 6.283185307179586)));
        bool dc = arg[1] && arg[1]->kind != N_NONE;
        if (dc) it_call_hold(w, ex_expr(I, arg[1]));
        PUT("def unwrap(p, period%s):\n", dc ? ", discont" : "");
        if (!dc) PUT("    discont = period / 2\n");
        PUT("    dd = " NP "diff(p, axis=%d)\n    high = period / 2\n    low = -high\n"
            "    ddmod = " NP "mod(dd - low, period) + low\n"
            "    " NP "copyto(ddmod, high, where=(ddmod == low) & (dd > 0))\n"
            "    ph = ddmod - dd\n    " NP "copyto(ph, 0, where=abs(dd) < discont)\n"
            "    up = p.copy()\n    up[", axis);
        for (int d = 0; d < nd; d++) PUT(d == axis ? "1:, " : ":, ");
        PUT("] = p[");
        for (int d = 0; d < nd; d++) PUT(d == axis ? "1:, " : ":, ");
        PUT("] + ph.cumsum(axis=%d)\n    return up\n", axis);
        break;
    }
    default: inf_fail(I, call, "internal error: np.%s", f);
    }
    return it_call_inline(w);
}
