/*
 * npindex.c — NumPy's index-making functions and its indexing along an axis: np.triu_indices, np.tril_indices,
 * np.diag_indices, np.indices, np.take_along_axis and np.put_along_axis (and the _from forms of the first three),
 * np.ravel_multi_index (C order, modes raise, wrap and clip) and np.trim_zeros (a view of a 1-d array), written in
 * Python and lowered at the call.
 *
 * Each is NumPy's own definition: triu_indices and tril_indices are the row and column aranges broadcast to the
 * mask NumPy builds with np.tri (here the comparison of column less row with k) and indexed by it, in C order; take_along_axis and put_along_axis
 * index arr with the indices at `axis` and an arange broadcast along every other axis (NumPy's
 * _make_along_axis_idx), so that the fancy indexing kiln already has does the broadcasting, the negative indices and
 * the IndexError. The number of axes decides the text; every length is read when the call runs.
 */
#include "infer.h"
#include <stdio.h>
#include <string.h>

#define NP KILN_NP_NAME "."

enum { NX_TRIU_INDICES, NX_TRIL_INDICES, NX_DIAG_INDICES, NX_INDICES, NX_TAKE_ALONG_AXIS, NX_PUT_ALONG_AXIS,
       NX_TRIU_INDICES_FROM, NX_TRIL_INDICES_FROM, NX_DIAG_INDICES_FROM, NX_RAVEL_MULTI_INDEX, NX_TRIM_ZEROS, NX_COUNT };

static const char *const names[NX_COUNT] = {"triu_indices", "tril_indices", "diag_indices", "indices", "take_along_axis",
                                            "put_along_axis", "triu_indices_from", "tril_indices_from", "diag_indices_from",
                                            "ravel_multi_index", "trim_zeros"};
_Static_assert((int)NX_COUNT <= (int)NX_MAX, "npindex.c's functions fit call.c's builtin range");

int nx_lookup(const char *name) {
    for (int k = 0; k < NX_COUNT; k++) if (!strcmp(names[k], name)) return k;
    return -1;
}

#define PUT(...) it_put(&x->t, __VA_ARGS__)

static Val number_or(ItCall *x, Node *n, int64_t dflt) { return it_call_hold(x, n && n->kind != N_NONE ? ex_expr(x->I, n) : val_of(x->I, inf_k64(x->I, dflt))); }

static void int_arg(ItCall *x, Val v, Node *at, const char *f, const char *param) {
    if (v.ty->kind != T_SCALAR || !dt_is_intlike(v.ty->dtype))
        inf_fail(x->I, at, "np.%s(): %s must be an integer, not %s", f, param, inf_tyname(x->I, v.ty));
}

/* an array argument (a list made one, as NumPy's asarray) */
static Val array_of(ItCall *x, Node *n, const char *f, const char *param) {
    Val v = ex_expr(x->I, n);
    if (v.ty->kind == T_LIST) v = ls_to_array(x->I, v, n);
    if (v.ty->kind != T_ARRAY) inf_fail(x->I, n, "np.%s(): %s must be an array, not %s", f, param, inf_tyname(x->I, v.ty));
    return v;
}

/* the index tuple of NumPy's _make_along_axis_idx for an nd-axis arr: an arange along each other axis, shaped to
 * broadcast, and i at `axis` */
static void along_idx(ItCall *x, int nd, int axis) {
    PUT("(");
    for (int d = 0; d < nd; d++) {
        if (d == axis) { PUT("i, "); continue; }
        PUT(NP "arange(a.shape[%d]).reshape(", d);
        for (int e = 0; e < nd; e++) PUT("%s%s", e == d ? "-1" : "1", e + 1 < nd ? ", " : "");
        PUT(")%s", nd == 1 ? ",)" : ", ");
    }
    PUT(")");
}

Val nx_call(Inf *I, Node *call, int k) {
    ItCall *x = it_call_new(I, call, "<numpy>");
    const char *f = names[k];
    Node *arg[4] = {NULL};
    switch (k) {
    case NX_TRIU_INDICES: case NX_TRIL_INDICES: { /* the aranges broadcast and masked where column - row >= k (<= k) */
        cl_np_bind(I, call, f, 0, (const char *const[]){"n", "k", "m", NULL}, 3, arg);
        Val n = it_call_hold(x, ex_expr(I, it_need(I, call, arg[0], f, "n")));
        int_arg(x, n, arg[0], f, "n");
        int_arg(x, number_or(x, arg[1], 0), arg[1] ? arg[1] : call, f, "k");
        if (arg[2] && arg[2]->kind != N_NONE) int_arg(x, it_call_hold(x, ex_expr(I, arg[2])), arg[2], f, "m");
        else it_call_hold(x, n);
        PUT("def %s(n, k, m):\n    c = " NP "arange(m).reshape(1, -1)\n    r = " NP "arange(n).reshape(-1, 1)\n"
            "    mask = c - r %s k\n" /* NumPy's: each index array broadcast and masked, a new contiguous array */
            "    return (" NP "broadcast_to(r, (n, m))[mask], " NP "broadcast_to(c, (n, m))[mask])\n", f, k == NX_TRIU_INDICES ? ">=" : "<=");
        break;
    }
    case NX_DIAG_INDICES: { /* the same arange, ndim times */
        cl_np_bind(I, call, f, 0, (const char *const[]){"n", "ndim", NULL}, 2, arg);
        int_arg(x, it_call_hold(x, ex_expr(I, it_need(I, call, arg[0], f, "n"))), arg[0], f, "n");
        int64_t nd = arg[1] ? cl_const_int(I, arg[1], "ndim", " (the number of index arrays)") : 2;
        if (nd < 0 || nd > 32) inf_fail(I, arg[1], "np.diag_indices(): ndim=%lld is not supported", (long long)nd);
        PUT("def diag_indices(n):\n    i = " NP "arange(n)\n    return (");
        for (int64_t d = 0; d < nd; d++) PUT("i, ");
        PUT(")\n");
        break;
    }
    case NX_INDICES: { /* dense: a (len(dims),) + dims array, row d the index along axis d; sparse: the aranges */
        cl_np_bind(I, call, f, 0, (const char *const[]){"dimensions", "dtype", "sparse", NULL}, 3, arg);
        Node *dn = it_need(I, call, arg[0], f, "dimensions");
        Val dims = ex_expr(I, dn);
        if (dims.ty->kind != T_TUPLE) inf_fail(I, dn, "np.indices(): dimensions must be a tuple of ints here, not %s", inf_tyname(I, dims.ty));
        int nd = dims.ty->n;
        for (int d = 0; d < nd; d++)
            if (dims.ty->elems[d]->kind != T_SCALAR || !dt_is_intlike(dims.ty->elems[d]->dtype))
                inf_fail(I, dn, "np.indices(): dimensions must be ints");
        it_call_hold(x, dims);
        bool sparse = false;
        if (arg[2]) {
            if (arg[2]->kind != N_BOOL) inf_fail(I, arg[2], "np.indices(): sparse must be True or False written in the call");
            sparse = arg[2]->v.i != 0;
        }
        const char *dt = arg[1] && arg[1]->kind != N_NONE ? kiln_dtype_name((kiln_dtype)cl_dtype_arg(I, arg[1])) : "int64";
        PUT("def indices(dims):\n");
        if (!sparse) {
            PUT("    r = " NP "empty((%d,) + dims, dtype=" NP "%s)\n", nd, dt);
            for (int d = 0; d < nd; d++) {
                PUT("    r[%d] = " NP "arange(dims[%d]).reshape(", d, d);
                for (int e = 0; e < nd; e++) PUT("%s%s", e == d ? "-1" : "1", e + 1 < nd || nd == 1 ? ", " : "");
                PUT(")\n");
            }
            PUT("    return r\n");
        } else {
            PUT("    return (");
            for (int d = 0; d < nd; d++) {
                PUT(NP "arange(dims[%d], dtype=" NP "%s).reshape(", d, dt);
                for (int e = 0; e < nd; e++) PUT("%s%s", e == d ? "-1" : "1", e + 1 < nd || nd == 1 ? ", " : "");
                PUT("), ");
            }
            PUT(")\n");
        }
        break;
    }
    case NX_TAKE_ALONG_AXIS: case NX_PUT_ALONG_AXIS: {
        bool put = k == NX_PUT_ALONG_AXIS;
        cl_np_bind(I, call, f, 0, put ? (const char *const[]){"arr", "indices", "values", "axis", NULL}
                                      : (const char *const[]){"arr", "indices", "axis", NULL}, put ? 4 : 3, arg);
        Val a = array_of(x, it_need(I, call, arg[0], f, "arr"), f, "arr");
        Val i = array_of(x, it_need(I, call, arg[1], f, "indices"), f, "indices");
        if (!dt_is_int(i.ty->dtype)) inf_fail(I, arg[1], "`indices` must be an integer array");
        if (put && !arg[2]) inf_fail(I, call, "put_along_axis() missing required argument 'values'");
        Node *an = arg[put ? 3 : 2];
        if (!an) inf_fail(I, call, "%s() missing required argument 'axis'", f);
        bool flat = an->kind == N_NONE; /* axis=None: arr read flat */
        if (flat && put) inf_fail(I, an, "np.put_along_axis(..., axis=None) is not supported yet (an integer axis is)");
        int nd = flat ? 1 : a.ty->ndim;
        if (flat && i.ty->ndim != 1) inf_fail(I, arg[1], "when axis=None, `indices` must have a single dimension.");
        if (!flat && i.ty->ndim != a.ty->ndim) inf_fail(I, arg[1], "`indices` and `arr` must have the same number of dimensions");
        int axis = 0;
        if (!flat) {
            int64_t ax = cl_const_int(I, an, "axis", " (it decides the result's shape)");
            if (ax < -nd || ax >= nd) inf_fail(I, an, "axis %lld is out of bounds for array of dimension %d", (long long)ax, nd);
            axis = (int)(ax < 0 ? ax + nd : ax);
        }
        it_call_hold(x, a);
        it_call_hold(x, i);
        if (put) it_call_hold(x, ex_expr(I, arg[2]));
        PUT("def %s(arr, i%s):\n    a = arr%s\n", f, put ? ", v" : "", flat ? ".reshape(-1)" : "");
        if (put) { PUT("    a["); along_idx(x, nd, axis); PUT("] = v\n    return None\n"); }
        else { PUT("    return a["); along_idx(x, nd, axis); PUT("]\n"); }
        break;
    }
    case NX_TRIU_INDICES_FROM: case NX_TRIL_INDICES_FROM: case NX_DIAG_INDICES_FROM: { /* of arr's shape, NumPy's checks */
        bool diag = k == NX_DIAG_INDICES_FROM;
        cl_np_bind(I, call, f, 0, diag ? (const char *const[]){"arr", NULL} : (const char *const[]){"arr", "k", NULL}, diag ? 1 : 2, arg);
        Val a = it_call_hold(x, array_of(x, it_need(I, call, arg[0], f, "arr"), f, "arr"));
        int nd = a.ty->ndim;
        if (diag && nd < 2) inf_fail(I, arg[0], "input array must be at least 2-d");
        if (!diag && nd != 2) inf_fail(I, arg[0], "input array must be 2-d");
        if (!diag) int_arg(x, number_or(x, arg[1], 0), arg[1] ? arg[1] : call, f, "k");
        PUT("def %s(a%s):\n", f, diag ? "" : ", k");
        if (!diag) {
            PUT("    return " NP "%s(a.shape[-2], k, a.shape[-1])\n", k == NX_TRIU_INDICES_FROM ? "triu_indices" : "tril_indices");
            break;
        }
        for (int d = 1; d < nd; d++)
            PUT("    if a.shape[%d] != a.shape[0]:\n        raise ValueError(\"All dimensions of input must be of equal length\")\n", d);
        PUT("    return " NP "diag_indices(a.shape[0], %d)\n", nd);
        break;
    }
    case NX_RAVEL_MULTI_INDEX: { /* sum of each index times the product of the later dims, after its mode's check */
        cl_np_bind(I, call, f, 0, (const char *const[]){"multi_index", "dims", "mode", "order", NULL}, 2, arg);
        Node *mi = it_need(I, call, arg[0], f, "multi_index"), *dn = it_need(I, call, arg[1], f, "dims");
        Val idx = ex_expr(I, mi), dims = ex_expr(I, dn);
        if (dims.ty->kind != T_TUPLE) inf_fail(I, dn, "np.ravel_multi_index(): dims must be a tuple of ints here, not %s", inf_tyname(I, dims.ty));
        if (idx.ty->kind != T_TUPLE) inf_fail(I, mi, "np.ravel_multi_index(): multi_index must be a tuple of index arrays here, not %s", inf_tyname(I, idx.ty));
        int nd = dims.ty->n;
        if (idx.ty->n != nd) inf_fail(I, mi, "parameter multi_index must be a sequence of length %d", nd);
        for (int d = 0; d < nd; d++) {
            const Type *t = idx.ty->elems[d];
            if (!((t->kind == T_SCALAR || t->kind == T_ARRAY) && dt_is_int(t->dtype)))
                inf_fail(I, mi, "only int indices permitted");
        }
        const char *mode = "raise";
        if (arg[2]) {
            if (arg[2]->kind != N_STR || (strcmp(arg[2]->name, "raise") && strcmp(arg[2]->name, "wrap") && strcmp(arg[2]->name, "clip")))
                inf_fail(I, arg[2], "np.ravel_multi_index(): mode must be 'raise', 'wrap' or 'clip' written in the call");
            mode = arg[2]->name;
        }
        if (arg[3] && !(arg[3]->kind == N_STR && !strcmp(arg[3]->name, "C")))
            inf_fail(I, arg[3], "np.ravel_multi_index(): order= other than 'C' is not supported yet");
        it_call_hold(x, idx);
        it_call_hold(x, dims);
        PUT("def ravel_multi_index(idx, dims):\n    r = 0\n    s = 1\n");
        for (int d = nd - 1; d >= 0; d--) {
            PUT("    i = " NP "asarray(idx[%d]).astype(" NP "int64)\n    n = dims[%d]\n", d, d);
            if (!strcmp(mode, "raise"))
                PUT("    if ((i < 0) | (i >= n)).any():\n        raise ValueError(\"invalid entry in coordinates array\")\n");
            else if (!strcmp(mode, "wrap")) PUT("    i = i %% n\n");
            else PUT("    i = " NP "clip(i, 0, n - 1)\n");
            PUT("    r = r + i * s\n    s = s * n\n");
        }
        PUT("    return r\n");
        break;
    }
    case NX_TRIM_ZEROS: { /* the view from the first to past the last nonzero item ('f', 'b'); none: an empty view */
        cl_np_bind(I, call, f, 0, (const char *const[]){"filt", "trim", NULL}, 2, arg);
        Val a = it_call_hold(x, array_of(x, it_need(I, call, arg[0], f, "filt"), f, "filt"));
        if (a.ty->ndim != 1) inf_fail(I, arg[0], "np.trim_zeros() of a %d-d array is not supported yet (1-d is)", a.ty->ndim);
        bool front = true, back = true;
        if (arg[1]) {
            if (arg[1]->kind != N_STR) inf_fail(I, arg[1], "np.trim_zeros(): trim must be a string written in the call");
            front = back = false;
            for (const char *c = arg[1]->name; *c; c++) {
                if (*c == 'f' || *c == 'F') front = true;
                else if (*c == 'b' || *c == 'B') back = true;
                else inf_fail(I, arg[1], "unexpected character(s) in `trim`: '%s'", arg[1]->name);
            }
        }
        PUT("def trim_zeros(a):\n    nz = " NP "flatnonzero(a)\n    if nz.shape[0] == 0:\n        return a[0:0]\n"
            "    return a[%s:%s]\n", front ? "nz[0]" : "", back ? "nz[-1] + 1" : "");
        break;
    }
    default: inf_fail(I, call, "internal error: np.%s", f);
    }
    return it_call_inline(x);
}
