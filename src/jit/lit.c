/*
 * lit.c — compile-time constants: module-level `NAME = value` and parameter
 * defaults. Values are literals, negated literals, tuples of constants, None,
 * dtypes (np.float32), NumPy scalars (np.float32(0.5)), small arrays
 * (np.array(((1, 2), (3, 4)))), lists (each kernel call gets its own copy) and names of earlier constants. Literals are
 * Python values, so their numbers are "weak" scalars; NumPy scalars keep their
 * dtype ("strong", NEP 50). Arrays are module constants only (not defaults, not
 * inside tuples): lower/call.c gives each kernel a fresh copy, read-only.
 */
#include "jit.h"
#include "../front/lex.h"
#include <math.h>
#include <string.h>

static Lit *mk(kiln_module *m, const Type *t) {
    Lit *l = arena_alloc(&m->arena, sizeof *l);
    if (l) l->ty = t;
    return l;
}

Lit *jit_lit_lookup(kiln_module *m, const char *name) {
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

/* a constant scalar a as dtype dt, converted as NumPy converts a Python or NumPy scalar (np.int8(x),
 * np.array(..., dtype=int8)); what NumPy refuses is an error at n */
static Scalar lit_convert(Diag *d, Node *n, const Lit *a, int dt) {
    int from = a->ty->dtype;
    Scalar out = {0};
    if (dt_is_complex(from) && !dt_is_complex(dt) && dt != KILN_BOOL)
        diag_fail(d, n->line, n->col, "cannot convert a complex number to %s", kiln_dtype_name(dt));
    double re = dt_is_float(from) ? a->v.f : dt_is_complex(from) ? a->v.c[0] : (double)a->v.i;
    if (dt == KILN_BOOL) out.i = dt_is_complex(from) ? a->v.c[0] != 0 || a->v.c[1] != 0 : dt_is_float(from) ? re != 0 : a->v.i != 0;
    else if (dt_is_int(dt)) {
        if (dt_is_float(from)) {
            if (!isfinite(re))
                diag_fail(d, n->line, n->col, "cannot convert float %s to integer", isnan(re) ? "NaN" : "infinity");
            if (re <= -0x1p63 || re >= 0x1p63 || !int_fits((int64_t)re, dt))
                diag_fail(d, n->line, n->col, "the float %.17g does not fit %s", re, kiln_dtype_name(dt));
            out.i = (int64_t)re; /* toward zero, as NumPy */
        } else {
            if (!int_fits(a->v.i, dt) && !(from == KILN_UINT64 && dt == KILN_UINT64))
                diag_fail(d, n->line, n->col, "Python integer %lld out of bounds for %s", (long long)a->v.i, kiln_dtype_name(dt));
            out.i = a->v.i;
        }
    } else if (dt == KILN_FLOAT32) out.f = (float)(from == KILN_UINT64 ? (double)a->v.u : re);
    else if (dt == KILN_FLOAT64) out.f = from == KILN_UINT64 ? (double)a->v.u : re;
    else {
        double im = dt_is_complex(from) ? a->v.c[1] : 0;
        out.c[0] = dt == KILN_COMPLEX64 ? (float)re : re;
        out.c[1] = dt == KILN_COMPLEX64 ? (float)im : im;
    }
    return out;
}

/* np.float32(0.5), np.int8(-3), np.complex64(1j): a NumPy scalar constant (a "strong" dtype, not a
 * Python number) */
static Lit *np_scalar(kiln_module *m, Node *n, Diag *d, kiln_dtype dt) {
    if (n->nkids != 1 || n->nkids2) diag_fail(d, n->line, n->col, "a NumPy scalar constant takes one value: np.%s(x)", kiln_dtype_name(dt));
    Lit *a = jit_lit_eval(m, n->kids[0], d);
    if (!a || a->ty->kind != T_SCALAR) diag_fail(d, n->line, n->col, "np.%s() of a constant takes a number", kiln_dtype_name(dt));
    Lit *l = mk(m, ty_scalar(&m->ctx->types, dt, false));
    if (l) l->v = lit_convert(d, n, a, dt);
    return l;
}

/* the shape of nested tuples of scalars (rectangular: NumPy refuses ragged ones); ndim, or -1 */
static int lit_shape(const Lit *a, int64_t *shape, int depth) {
    if (a->ty->kind == T_SCALAR) return depth;
    if (a->ty->kind != T_TUPLE || depth >= KILN_MAXDIM || a->ty->n == 0) return -1;
    shape[depth] = a->ty->n;
    int nd = lit_shape(&a->elems[0], shape, depth + 1);
    for (int i = 1; i < a->ty->n && nd >= 0; i++) {
        int64_t sub[KILN_MAXDIM];
        memcpy(sub, shape, sizeof sub);
        if (lit_shape(&a->elems[i], sub, depth + 1) != nd || memcmp(sub, shape, sizeof(int64_t) * (size_t)nd)) return -1;
    }
    return nd;
}

/* the leaves of nested tuples, in C order */
static void lit_leaves(const Lit *a, const Lit **out, int64_t *k) {
    if (a->ty->kind == T_SCALAR) { out[(*k)++] = a; return; }
    for (int i = 0; i < a->ty->n; i++) lit_leaves(&a->elems[i], out, k);
}

/* np.array(((1.0, 2.0), (3.0, 4.0)), dtype=np.float32) at module level: a read-only array constant
 * (kernels get it as a fresh C-contiguous array; writing into it is a compile error). Without dtype,
 * NumPy's: the promotion of the elements, Python ints as int64, floats as float64 */
static Lit *np_array(kiln_module *m, Node *n, Diag *d) {
    TypeTab *tt = &m->ctx->types;
    if (n->nkids != 1 || n->nkids2 > 1 || (n->nkids2 && strcmp(n->names[0], "dtype")))
        diag_fail(d, n->line, n->col, "a module array constant is np.array(a tuple of numbers, dtype=...)");
    Lit *a = jit_lit_eval(m, n->kids[0], d);
    int64_t shape[KILN_MAXDIM];
    int nd = a ? lit_shape(a, shape, 0) : -1;
    if (nd < 1) diag_fail(d, n->line, n->col, "np.array() of a constant takes a nonempty (nested) tuple of numbers with a rectangular shape");
    int64_t count = 1;
    for (int k = 0; k < nd; k++) count *= shape[k];
    if (count > KILN_CONST_ARRAY_MAX)
        diag_fail(d, n->line, n->col, "an array constant holds at most %d elements (this one %lld): pass it as an argument",
                  KILN_CONST_ARRAY_MAX, (long long)count);
    const Lit **leaves = arena_alloc(&m->arena, sizeof(Lit *) * (size_t)count);
    Scalar *data = arena_alloc(&m->arena, sizeof(Scalar) * (size_t)count);
    int64_t *shp = arena_alloc(&m->arena, sizeof(int64_t) * (size_t)nd);
    if (!leaves || !data || !shp) return NULL;
    int64_t k = 0;
    lit_leaves(a, leaves, &k);
    int dt;
    if (n->nkids2) {
        Lit *t = jit_lit_eval(m, n->kids2[0], d);
        if (!t || t->ty->kind != T_DTYPE) diag_fail(d, n->kids2[0]->line, n->kids2[0]->col, "dtype= takes a dtype here");
        dt = t->ty->dtype;
    } else {
        const Type *t = NULL;
        for (k = 0; k < count; k++) {
            const Type *e = leaves[k]->ty->weak ? ty_scalar(tt, leaves[k]->ty->dtype, false) : leaves[k]->ty;
            t = t ? ty_promote(tt, t, e) : e;
        }
        dt = t->dtype;
    }
    for (k = 0; k < count; k++) data[k] = lit_convert(d, n, leaves[k], dt);
    memcpy(shp, shape, sizeof(int64_t) * (size_t)nd);
    Lit *l = mk(m, ty_array(tt, (kiln_dtype)dt, nd, LAYOUT_C));
    if (!l) return NULL;
    l->data = data; l->shape = shp; l->count = count;
    return l;
}

/* complex(re, im) of real constants: every complex value exactly (the literal syntax cannot write
 * a negative zero in some places, as in CPython) */
static Lit *complex_call(kiln_module *m, Node *n, Diag *d) {
    if (n->nkids < 1 || n->nkids > 2 || n->nkids2) diag_fail(d, n->line, n->col, "complex() of constants takes one or two numbers");
    double part[2] = {0, 0};
    for (int i = 0; i < n->nkids; i++) {
        Lit *a = jit_lit_eval(m, n->kids[i], d);
        if (!a || a->ty->kind != T_SCALAR || dt_is_complex(a->ty->dtype))
            diag_fail(d, n->kids[i]->line, n->kids[i]->col, "complex() of constants takes real numbers here");
        part[i] = dt_is_float(a->ty->dtype) ? a->v.f : (double)a->v.i;
    }
    Lit *l = mk(m, ty_scalar(&m->ctx->types, KILN_COMPLEX128, true));
    if (l) { l->v.c[0] = part[0]; l->v.c[1] = part[1]; }
    return l;
}

/* the longest tuple in l (nested ones included) */
static int widest(const Type *t) {
    if (t->kind != T_TUPLE) return 0;
    int w = t->n;
    for (int i = 0; i < t->n; i++) { int x = widest(t->elems[i]); if (x > w) w = x; }
    return w;
}

Lit *jit_lit_value(kiln_module *m, Node *n, Diag *d) {
    Lit *l = jit_lit_eval(m, n, d);
    if (l && widest(l->ty) > KILN_CONST_TUPLE_MAX)
        diag_fail(d, n->line, n->col, "a constant tuple holds at most %d items (this one %d): make it an array (np.array)",
                  KILN_CONST_TUPLE_MAX, widest(l->ty));
    return l;
}

Lit *jit_lit_eval(kiln_module *m, Node *n, Diag *d) {
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
            Lit *a = jit_lit_eval(m, n->a, d);
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
            Lit *a = jit_lit_eval(m, n->a, d);
            if (!a || a->ty->kind != T_SCALAR || dt_is_complex(a->ty->dtype)) break;
            Lit *r = mk(m, ty_scalar(tt, KILN_COMPLEX128, true));
            if (!r) return NULL;
            /* CPython's complex arithmetic, signed zeros included: a + bj is (a + 0.0, 0.0 + b) */
            double re = a->ty->dtype == KILN_FLOAT64 ? a->v.f : (double)a->v.i;
            r->v.c[0] = n->op == TK_PLUS ? re + 0.0 : re - 0.0;
            r->v.c[1] = n->op == TK_PLUS ? 0.0 + n->b->v.f : 0.0 - n->b->v.f;
            return r;
        }
        break;
    case N_TUPLE: {
        if (n->nkids > KILN_CONST_ARRAY_MAX) /* the rows of np.array() may be this long; other tuples: jit_lit_value */
            diag_fail(d, n->line, n->col, "a constant tuple holds at most %d items, an array constant %d elements (this "
                      "tuple %d)", KILN_CONST_TUPLE_MAX, KILN_CONST_ARRAY_MAX, n->nkids);
        const Type **ts = arena_alloc(&m->arena, sizeof(Type *) * (size_t)(n->nkids ? n->nkids : 1));
        Lit *el = arena_alloc(&m->arena, sizeof(Lit) * (size_t)(n->nkids ? n->nkids : 1));
        if (!el || !ts) return NULL;
        for (int i = 0; i < n->nkids; i++) {
            Lit *e = jit_lit_eval(m, n->kids[i], d);
            if (!e) return NULL;
            if (e->ty->kind == T_ARRAY) diag_fail(d, n->kids[i]->line, n->kids[i]->col, "an array constant cannot be inside a tuple");
            el[i] = *e;
            ts[i] = e->ty;
        }
        l = mk(m, ty_tuple(tt, ts, n->nkids));
        if (l) l->elems = el;
        return l;
    }
    case N_STR: return mk(m, ty_text(tt, n->name)); /* a string: a T_STR until a kernel stores it */
    case N_LIST: { /* a module list: each kernel call starts from its items (lower/list.c builds it) */
        if (n->nkids > KILN_CONST_ARRAY_MAX)
            diag_fail(d, n->line, n->col, "a constant list holds at most %d items (this one %d)", KILN_CONST_ARRAY_MAX, n->nkids);
        Lit *el = arena_alloc(&m->arena, sizeof(Lit) * (size_t)(n->nkids ? n->nkids : 1));
        if (!el) return NULL;
        const Type *item = &tt->unknown;
        for (int i = 0; i < n->nkids; i++) {
            Lit *e = jit_lit_eval(m, n->kids[i], d);
            if (!e) return NULL;
            if (e->ty->kind == T_ARRAY || e->ty->kind == T_NONE || e->ty->kind == T_DTYPE)
                diag_fail(d, n->kids[i]->line, n->kids[i]->col, "a constant list holds numbers, lists and tuples of them");
            const Type *et = e->ty->kind == T_STR ? &tt->string : e->ty; /* strings of any text: one item type */
            const Type *j = item->kind == T_UNKNOWN ? et : ty_join(tt, item, et);
            if (!j || (j != et && item->kind != T_UNKNOWN && j != item) || (et->kind == T_SCALAR && item->kind == T_SCALAR && et != item))
                diag_fail(d, n->kids[i]->line, n->kids[i]->col, "a list's items must have one type (write 1.0, not 1, for a float)");
            item = j;
            el[i] = *e;
        }
        l = mk(m, ty_list(tt, item));
        if (l) { l->elems = el; l->count = n->nkids; }
        return l;
    }
    case N_NAME: {
        Lit *c = jit_lit_lookup(m, n->name);
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
        if (n->a->kind == N_NAME && !strcmp(n->a->name, "complex") && !jit_lit_lookup(m, "complex")) return complex_call(m, n, d);
        if (n->a->kind == N_ATTR && n->a->a->kind == N_NAME && m->ast->np_alias && !strcmp(n->a->a->name, m->ast->np_alias)) {
            bool ok;
            kiln_dtype dt = np_dtype(n->a->name, &ok);
            if (ok) return np_scalar(m, n, d, dt);
            if (!strcmp(n->a->name, "array") || !strcmp(n->a->name, "asarray")) return np_array(m, n, d);
        }
        break;
    default: break;
    }
    diag_fail(d, n->line, n->col, "a module constant or default value must be a literal (a number, a string), a tuple of literals, None, a dtype, "
              "a NumPy scalar (np.float32(0.5)) or, for a module constant, np.array(a tuple)");
}
