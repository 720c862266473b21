/*
 * copyto.c — np.copyto(dst, src, casting='same_kind', where=True): src stored into the existing
 * array dst, broadcast to its shape, under NumPy's casting rule (types/type.c's dt_can_cast; a
 * Python scalar only by kind, its value then checked as NEP 50 does: np.copyto(i8, 1000) raises
 * OverflowError), only where the mask is true. A cast the rule forbids is a compile error with
 * NumPy's TypeError text: the dtypes are known when kiln compiles.
 */
#include "ewise.h"
#include <string.h>

static const char *const rules[] = {"no", "equiv", "safe", "same_kind", "unsafe"};

static int casting_rule(Inf *I, Node *k) {
    if (!k) return CAST_SAME_KIND;
    if (k->kind != N_STR) inf_fail(I, k, "np.copyto(): casting must be a string constant here");
    for (int r = 0; r < (int)NELEM(rules); r++) if (!strcmp(k->name, rules[r])) return r;
    inf_fail(I, k, "casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got '%s')", k->name);
}

/* the dtype NumPy names for a Python scalar of v's type */
static int python_dtype(const Type *t) {
    if (t->dtype == KILN_BOOL) return KILN_BOOL;
    if (dt_is_complex(t->dtype)) return KILN_COMPLEX128;
    return dt_is_float(t->dtype) ? KILN_FLOAT64 : KILN_INT64;
}

static void check_cast(Inf *I, Val src, int dd, int rule, Node *at) {
    bool array = src.ew || src.ty->kind == T_ARRAY;
    int sd = src.ew ? src.ew->ty->dtype : src.ty->dtype;
    bool ok = src.ty->kind == T_SCALAR && src.ty->weak && !src.ew
                  ? rule == CAST_UNSAFE || dt_kind(python_dtype(src.ty)) <= dt_kind(dd) /* NEP 50: by kind, then by value */
                  : dt_can_cast(sd, dd, rule);
    if (!ok)
        inf_fail(I, at, "Cannot cast %s from dtype('%s') to dtype('%s') according to the rule '%s'", array ? "array data" : "scalar",
                 kiln_dtype_name((kiln_dtype)(src.ty->weak && !array ? python_dtype(src.ty) : sd)), kiln_dtype_name((kiln_dtype)dd), rules[rule]);
}

Val cp_copyto(Inf *I, Node *call) {
    if (call->nkids < 2) inf_fail(I, call, "copyto() missing required argument '%s'", call->nkids ? "src" : "dst");
    Node *arg[2];
    static const char *const params[] = {"casting", "where", NULL};
    cl_np_bind(I, call, "copyto", 2, params, 2, arg);
    int rule = casting_rule(I, arg[0]);
    Val dst = ex_expr(I, call->kids[0]), src = ex_value(I, call->kids[1]);
    if (dst.ty->kind == T_UNKNOWN || src.ty->kind == T_UNKNOWN) return dst.ty->kind == T_UNKNOWN ? dst : src;
    if (dst.ty->kind != T_ARRAY) inf_fail(I, call->kids[0], "copyto() argument 1 must be a numpy.ndarray, not %s", inf_tyname(I, dst.ty));
    if (!src.ew && src.ty->kind != T_ARRAY && src.ty->kind != T_SCALAR)
        inf_fail(I, call->kids[1], "np.copyto(): src must be an array or a number here, not %s", inf_tyname(I, src.ty));
    int dd = dst.ty->dtype;
    check_cast(I, src, dd, rule, call);
    Node *w = arg[1];
    if (!w || (w->kind == N_BOOL && w->v.i)) { ew_store(I, dst, src, call); return val_of(I, inf_static(I, &I->tt->none)); }
    Val mask = ex_value(I, w);
    if (mask.ty->kind == T_UNKNOWN) return mask;
    if (!mask.ew && mask.ty->kind != T_ARRAY && mask.ty->kind != T_SCALAR)
        inf_fail(I, w, "np.copyto(): where must be an array of bools or a bool, not %s", inf_tyname(I, mask.ty));
    int md = mask.ew ? mask.ew->ty->dtype : mask.ty->dtype;
    if (md != KILN_BOOL) /* NumPy casts the mask to bool with casting='safe' */
        inf_fail(I, w, "Cannot cast %s from dtype('%s') to dtype('bool') according to the rule 'safe'",
                 mask.ew || mask.ty->kind == T_ARRAY ? "array data" : "scalar", kiln_dtype_name((kiln_dtype)md));
    /* src in dst's dtype first (as NumPy casts it), so that np.where does not promote dst's elements */
    Val s = src;
    if (!src.ew && src.ty->kind == T_SCALAR) s = ex_adopt(I, src, ty_scalar(I->tt, (kiln_dtype)dd, false), call);
    else if ((src.ew ? src.ew->ty->dtype : src.ty->dtype) != dd) s = la_cast(I, ew_force(I, src, call), dd, call);
    ew_store(I, dst, ew_where(I, mask, s, dst, call), call);
    return val_of(I, inf_static(I, &I->tt->none));
}
