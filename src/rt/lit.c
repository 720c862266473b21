/*
 * lit.c — compile-time constants: module-level `NAME = value` and parameter
 * defaults. Values are literals, negated literals, tuples of constants, None,
 * dtypes (np.float32), NumPy scalars (np.float32(0.5)) and names of earlier
 * constants. Literals are Python values, so their numbers are "weak" scalars;
 * NumPy scalars keep their dtype ("strong", NEP 50).
 */
#include "rt.h"
#include "../front/lex.h"
#include <math.h>

static Lit *mk(kiln_module *m, const Type *t) {
    Lit *l = arena_alloc(&m->arena, sizeof *l);
    if (l) l->ty = t;
    return l;
}

Lit *rt_lit_lookup(kiln_module *m, const char *name) {
    for (int i = 0; i < m->nconsts; i++)
        if (strcmp(m->cnames[i], name) == 0) return m->cvals[i];
    return NULL;
}

static kiln_dtype np_dtype(const char *s, bool *ok) {
    static const struct { const char *n; kiln_dtype d; } t[] = {
        {"float64", KILN_FLOAT64}, {"float32", KILN_FLOAT32}, {"int64", KILN_INT64}, {"int32", KILN_INT32},
        {"int16", KILN_INT16}, {"int8", KILN_INT8}, {"uint64", KILN_UINT64}, {"uint32", KILN_UINT32},
        {"uint16", KILN_UINT16}, {"uint8", KILN_UINT8}, {"bool_", KILN_BOOL}, {"complex128", KILN_COMPLEX128},
        {"complex64", KILN_COMPLEX64}, {"double", KILN_FLOAT64}, {"single", KILN_FLOAT32},
    };
    for (size_t i = 0; i < NELEM(t); i++) if (!strcmp(t[i].n, s)) { *ok = true; return t[i].d; }
    *ok = false;
    return KILN_FLOAT64;
}

/* whether a Python int fits an integer dtype (NumPy 2 raises OverflowError where it does not) */
static bool int_fits(int64_t v, int dt) {
    if (dt == KILN_UINT64) return v >= 0;
    if (dt == KILN_INT64) return true;
    int bits = dt_bits(dt);
    return dt_is_unsigned(dt) ? v >= 0 && v < (INT64_C(1) << bits)
                              : v >= -(INT64_C(1) << (bits - 1)) && v < (INT64_C(1) << (bits - 1));
}

/* np.float32(0.5), np.int8(-3), np.complex64(1j): a NumPy scalar constant (a "strong" dtype, not a
 * Python number), converted at compile time as NumPy converts it; what NumPy refuses is an error here */
static Lit *np_scalar(kiln_module *m, Node *n, Diag *d, kiln_dtype dt) {
    if (n->nkids != 1 || n->nkids2) diag_fail(d, n->line, n->col, "a NumPy scalar constant takes one value: np.%s(x)", kiln_dtype_name(dt));
    Lit *a = rt_lit_eval(m, n->kids[0], d);
    if (!a || a->ty->kind != T_SCALAR) diag_fail(d, n->line, n->col, "np.%s() of a constant takes a number", kiln_dtype_name(dt));
    int from = a->ty->dtype;
    Lit *l = mk(m, ty_scalar(&m->ctx->types, dt, false));
    if (!l) return NULL;
    if (dt_is_complex(from) && !dt_is_complex(dt))
        diag_fail(d, n->line, n->col, "cannot convert a complex number to %s", kiln_dtype_name(dt));
    double re = from == KILN_FLOAT64 ? a->v.f : dt_is_complex(from) ? a->v.c[0] : (double)a->v.i;
    if (dt == KILN_BOOL) l->v.i = dt_is_complex(from) ? a->v.c[0] != 0 || a->v.c[1] != 0 : re != 0;
    else if (dt_is_int(dt)) {
        if (from == KILN_FLOAT64) {
            if (!isfinite(re))
                diag_fail(d, n->line, n->col, "cannot convert float %s to integer", isnan(re) ? "NaN" : "infinity");
            if (re <= -0x1p63 || re >= 0x1p63 || !int_fits((int64_t)re, dt))
                diag_fail(d, n->line, n->col, "the float %.17g does not fit %s", re, kiln_dtype_name(dt));
            l->v.i = (int64_t)re; /* toward zero, as NumPy */
        } else {
            if (!int_fits(a->v.i, dt))
                diag_fail(d, n->line, n->col, "Python integer %lld out of bounds for %s", (long long)a->v.i, kiln_dtype_name(dt));
            l->v.i = a->v.i;
        }
    } else if (dt == KILN_FLOAT32) l->v.f = (float)re;
    else if (dt == KILN_FLOAT64) l->v.f = re;
    else {
        double im = dt_is_complex(from) ? a->v.c[1] : 0;
        l->v.c[0] = dt == KILN_COMPLEX64 ? (float)re : re;
        l->v.c[1] = dt == KILN_COMPLEX64 ? (float)im : im;
    }
    return l;
}

Lit *rt_lit_eval(kiln_module *m, Node *n, Diag *d) {
    TypeTab *tt = &m->ctx->types;
    Lit *l;
    switch (n->kind) {
    case N_INT: if ((l = mk(m, ty_scalar(tt, KILN_INT64, true)))) l->v.i = n->v.i; return l;
    case N_FLOAT: if ((l = mk(m, ty_scalar(tt, KILN_FLOAT64, true)))) l->v.f = n->v.f; return l;
    case N_IMAG: if ((l = mk(m, ty_scalar(tt, KILN_COMPLEX128, true)))) l->v.c[1] = n->v.f; return l;
    case N_BOOL: if ((l = mk(m, ty_scalar(tt, KILN_BOOL, true)))) l->v.i = n->v.i; return l;
    case N_NONE: return mk(m, &tt->none);
    case N_UNARY:
        if (n->op == TK_MINUS || n->op == TK_PLUS) {
            Lit *a = rt_lit_eval(m, n->a, d);
            if (!a) return NULL;
            if (a->ty->kind != T_SCALAR) break;
            if (n->op == TK_PLUS) return a;
            Lit *r = mk(m, a->ty);
            if (!r) return NULL;
            if (a->ty->dtype == KILN_BOOL) { r->ty = ty_scalar(tt, KILN_INT64, true); r->v.i = -a->v.i; }
            else if (a->ty->dtype == KILN_INT64) r->v.i = (int64_t)(0 - (uint64_t)a->v.i);
            else if (a->ty->dtype == KILN_FLOAT64) r->v.f = -a->v.f;
            else { r->v.c[0] = -a->v.c[0]; r->v.c[1] = -a->v.c[1]; }
            return r;
        }
        break;
    case N_BINARY:
        /* 1 + 2j style complex literals */
        if ((n->op == TK_PLUS || n->op == TK_MINUS) && n->b->kind == N_IMAG) {
            Lit *a = rt_lit_eval(m, n->a, d);
            if (!a || a->ty->kind != T_SCALAR || dt_is_complex(a->ty->dtype)) break;
            Lit *r = mk(m, ty_scalar(tt, KILN_COMPLEX128, true));
            if (!r) return NULL;
            r->v.c[0] = a->ty->dtype == KILN_FLOAT64 ? a->v.f : (double)a->v.i;
            r->v.c[1] = n->op == TK_PLUS ? n->b->v.f : -n->b->v.f;
            return r;
        }
        break;
    case N_TUPLE: {
        const Type *ts[64];
        if (n->nkids > 64) break;
        Lit *el = arena_alloc(&m->arena, sizeof(Lit) * (size_t)(n->nkids ? n->nkids : 1));
        if (!el) return NULL;
        for (int i = 0; i < n->nkids; i++) {
            Lit *e = rt_lit_eval(m, n->kids[i], d);
            if (!e) return NULL;
            el[i] = *e;
            ts[i] = e->ty;
        }
        l = mk(m, ty_tuple(tt, ts, n->nkids));
        if (l) l->elems = el;
        return l;
    }
    case N_NAME: {
        Lit *c = rt_lit_lookup(m, n->name);
        if (c) return c;
        if (!strcmp(n->name, "float")) return mk(m, &tt->dtype[KILN_FLOAT64]);
        if (!strcmp(n->name, "int")) return mk(m, &tt->dtype[KILN_INT64]);
        if (!strcmp(n->name, "bool")) return mk(m, &tt->dtype[KILN_BOOL]);
        if (!strcmp(n->name, "complex")) return mk(m, &tt->dtype[KILN_COMPLEX128]);
        diag_fail(d, n->line, n->col, "name '%s' is not a constant defined above", n->name);
    }
    case N_ATTR:
        if (n->a->kind == N_NAME) {
            bool ok;
            const char *mod = n->a->name;
            if (m->ast->np_alias && !strcmp(mod, m->ast->np_alias)) {
                kiln_dtype dt = np_dtype(n->name, &ok);
                if (ok) return mk(m, &tt->dtype[dt]);
            }
            if (!strcmp(mod, "math") || (m->ast->np_alias && !strcmp(mod, m->ast->np_alias))) {
                double v = !strcmp(n->name, "pi") ? M_PI : !strcmp(n->name, "e") ? M_E : !strcmp(n->name, "tau") ? 2 * M_PI
                         : !strcmp(n->name, "inf") ? INFINITY : !strcmp(n->name, "nan") ? NAN : 0;
                if (v != 0) {
                    if ((l = mk(m, ty_scalar(tt, KILN_FLOAT64, true)))) l->v.f = v;
                    return l;
                }
            }
        }
        break;
    case N_CALL:
        if (n->a->kind == N_ATTR && n->a->a->kind == N_NAME && m->ast->np_alias && !strcmp(n->a->a->name, m->ast->np_alias)) {
            bool ok;
            kiln_dtype dt = np_dtype(n->a->name, &ok);
            if (ok) return np_scalar(m, n, d, dt);
        }
        break;
    default: break;
    }
    diag_fail(d, n->line, n->col, "a module constant or default value must be a literal, a tuple of literals, None, a dtype "
              "or a NumPy scalar (np.float32(0.5))");
}
