/*
 * sorting.c — np.sort/argsort/partition/argpartition (and the methods
 * a.sort(), a.argsort()), np.nonzero and one-argument np.where.
 *
 * Each is one OP_LIB routine of rt/sort.c on every tier. The axis must be a
 * constant (or None: the flattened array); kth may be computed at run time.
 * np.nonzero's result is a tuple of index arrays of a length known only at
 * run time: the routine returns one (ndim, count) array and the tuple holds
 * its rows, which are views.
 */
#include "infer.h"
#include "../ir/lib.h"
#include <string.h>

static const struct { const char *name; int routine; } sorts[] = {
    {"sort", LIB_SORT}, {"argsort", LIB_ARGSORT}, {"partition", LIB_PARTITION}, {"argpartition", LIB_ARGPARTITION},
};

int so_lookup(const char *name) {
    for (size_t i = 0; i < NELEM(sorts); i++)
        if (!strcmp(sorts[i].name, name)) return (int)i;
    return -1;
}


/* np.NAME(a, [kth], axis=-1, kind=...) or a.NAME([kth], axis=-1): self NULL for the function */
Val so_call(Inf *I, Node *call, int which, const Val *self) {
    const char *nm = sorts[which].name;
    int routine = sorts[which].routine;
    bool part = routine == LIB_PARTITION || routine == LIB_ARGPARTITION;
    int npos = (self ? 0 : 1) + part;
    Node *pos[3] = {0}, *axis = NULL;
    bool axis_given = false;
    if (call->nkids > npos + 1) inf_fail(I, call, "%s() takes at most %d positional arguments here", nm, npos + 1);
    for (int i = 0; i < call->nkids; i++) pos[i] = call->kids[i];
    if (call->nkids == npos + 1) { axis = pos[npos]; axis_given = true; }
    for (int k = 0; k < call->nkids2; k++) {
        const char *kw = call->names[k];
        if (!strcmp(kw, "axis")) { axis = call->kids2[k]; axis_given = true; }
        else if (!strcmp(kw, "kind")) {
            Node *v = call->kids2[k];
            if (v->kind != N_STR && v->kind != N_NONE) inf_fail(I, v, "kind must be a string");
        } else if (!strcmp(kw, "kth") && part) pos[npos - 1] = call->kids2[k];
        else inf_fail(I, call->kids2[k], "%s() got an unexpected keyword argument '%s' (or it is not supported)", nm, kw);
    }
    if (npos && !pos[npos - 1] && (part || !self)) inf_fail(I, call, "%s() is missing a required argument", nm);
    Val a = self ? *self : ex_expr(I, pos[0]);
    if (a.ty->kind == T_UNKNOWN) return a;
    if (a.ty->kind != T_ARRAY || a.ty->ndim == 0) inf_fail(I, call, "%s() needs an array of at least one dimension here", nm);
    int nd = a.ty->ndim, ax = nd - 1;
    if (axis_given && axis->kind == N_NONE) ax = -1;
    else if (axis_given) {
        int64_t v;
        if (!cl_int_const(I, axis, &v)) inf_fail(I, axis, "axis must be an integer constant or None here (it decides the result's shape)");
        if (v < -nd || v >= nd) inf_fail(I, axis, "axis %lld is out of bounds for array of dimension %d", (long long)v, nd);
        ax = (int)(v < 0 ? v + nd : v);
    }
    Ref ops[2] = {a.r, 0};
    uint32_t n = 1;
    if (part) {
        Node *kn = pos[npos - 1];
        Val k = ex_expr(I, kn);
        if (k.ty->kind != T_SCALAR || !dt_is_int(k.ty->dtype)) inf_fail(I, kn, "kth must be an integer here");
        ops[1] = ex_coerce(I, k, inf_i64(I), kn).r;
        n = 2;
    }
    int odt = routine == LIB_ARGSORT || routine == LIB_ARGPARTITION ? KILN_INT64 : a.ty->dtype;
    const Type *t = ty_array(I->tt, (kiln_dtype)odt, ax < 0 ? 1 : nd, LAYOUT_C);
    return val_of(I, inf_emit(I, OP_LIB, t, ops, n, routine | (int64_t)(ax + 1) << 8));
}

/* a.sort(): in place, as NumPy's method does */
Val so_sort_method(Inf *I, Node *call, Val a) {
    Val sorted = so_call(I, call, 0, &a);
    ew_store(I, a, sorted, call);
    return val_of(I, inf_static(I, &I->tt->none));
}

/* np.nonzero(a), np.where(cond): a tuple of one index array per axis */
Val so_nonzero(Inf *I, Node *call, Val a) {
    if (a.ty->kind == T_UNKNOWN) return a;
    if (a.ty->kind != T_ARRAY || a.ty->ndim == 0) inf_fail(I, call, "nonzero() needs an array of at least one dimension here");
    int nd = a.ty->ndim;
    Val idx = val_of(I, inf_emit(I, OP_LIB, ty_array(I->tt, KILN_INT64, 2, LAYOUT_C), &a.r, 1, LIB_NONZERO));
    Val r = {0};
    r.str = -1;
    r.el = arena_alloc(I->a, sizeof(Val) * (size_t)nd);
    if (!r.el) inf_oom(I);
    const Type *ts[KILN_MAXDIM];
    Ref len = inf_emit(I, OP_DIM, inf_i64(I), &idx.r, 1, 0), s = inf_const_i(I, inf_i64(I), 8 * nd);
    for (int k = 0; k < nd; k++) { /* column k: NumPy's views of its one (count, ndim) array */
        Ref off = inf_const_i(I, inf_i64(I), 8 * k);
        r.el[k] = vw_make(I, idx, off, &len, &s, 1, nd == 1 ? LAYOUT_C : LAYOUT_ANY, call);
        ts[k] = r.el[k].ty;
    }
    r.ty = ty_tuple(I->tt, ts, nd);
    if (!r.ty) inf_oom(I);
    return r;
}
