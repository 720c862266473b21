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
    Scalar out = SCALAR_ZERO;
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

/* ---- collections.namedtuple ---- */

static bool is_namedtuple(kiln_module *m, Node *f) {
    if (f->kind == N_NAME && !strcmp(f->name, "$namedtuple")) return true; /* a typing.NamedTuple class (parse.c) */
    const char *t = f->kind == N_NAME && !jit_lit_lookup(m, f->name) ? ast_binding(m->ast, f->name)
                  : f->kind == N_ATTR && f->a->kind == N_NAME && !strcmp(f->name, "namedtuple") ? ast_binding(m->ast, f->a->name) : NULL;
    return t && !strcmp(t, f->kind == N_NAME ? "collections.namedtuple" : "collections");
}

static bool py_keyword(const char *s) {
    static const char *const kw[] = {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
    for (size_t i = 0; i < NELEM(kw); i++) if (!strcmp(kw[i], s)) return true;
    return false;
}

/* str.isidentifier() for ASCII text; other text is refused by the caller (kiln's names are ASCII) */
static bool identifier(const char *s) {
    if (!(*s == '_' || (unsigned)((*s | 32) - 'a') < 26u)) return false;
    for (s++; *s; s++) if (!(*s == '_' || (unsigned)((*s | 32) - 'a') < 26u || (unsigned)(*s - '0') < 10u)) return false;
    return true;
}

static bool ascii(const char *s) { while (*s) if ((unsigned char)*s++ >= 0x80) return false; return true; }

/* namedtuple()'s field names: a string of names split at commas and spaces, or a list or tuple of strings */
static int field_names(kiln_module *m, Node *n, Diag *d, const char **out) {
    Lit *l = jit_lit_eval(m, n, d);
    int k = 0;
    if (l && l->ty->kind == T_STR) {
        const char *s = l->ty->text;
        while (*s) {
            while (*s == ',' || *s == ' ' || (unsigned)(*s - '\t') < 5u) s++;
            size_t len = 0;
            while (s[len] && s[len] != ',' && s[len] != ' ' && (unsigned)(s[len] - '\t') >= 5u) len++;
            if (!len) break;
            if (k == TY_TUPLE_MAX) diag_fail(d, n->line, n->col, "namedtuple(): at most %d fields", TY_TUPLE_MAX);
            if (!(out[k++] = arena_strndup(&m->arena, s, len))) return -1;
            s += len;
        }
        return k;
    }
    if (!l || (l->ty->kind != T_TUPLE && l->ty->kind != T_LIST))
        diag_fail(d, n->line, n->col, "namedtuple(): the field names must be a string or a list or tuple of strings written here");
    int count = l->ty->kind == T_LIST ? (int)l->count : l->ty->n;
    if (count > TY_TUPLE_MAX) diag_fail(d, n->line, n->col, "namedtuple(): at most %d fields", TY_TUPLE_MAX);
    for (; k < count; k++) {
        if (l->elems[k].ty->kind != T_STR) diag_fail(d, n->line, n->col, "Type names and field names must be strings");
        out[k] = l->elems[k].ty->text;
    }
    return k;
}

/* CPython's checks of the type name and the field names (ValueError there, when the module runs); rename=True
 * replaces a field name that fails them (or repeats one) with _INDEX */
static void check_names(Node *n, Diag *d, const char *type, const char **f, int nf, bool rename, char (*renamed)[8]) {
    const char *orig[TY_TUPLE_MAX]; /* CPython's `seen` holds the names as given */
    memcpy(orig, f, sizeof(char *) * (size_t)nf);
    for (int i = 0; i < nf && rename; i++) {
        bool seen = false;
        for (int j = 0; j < i; j++) seen |= !strcmp(orig[j], orig[i]);
        if (!identifier(f[i]) || py_keyword(f[i]) || f[i][0] == '_' || seen) {
            snprintf(renamed[i], sizeof renamed[i], "_%d", i);
            f[i] = renamed[i];
        }
    }
    for (int i = -1; i < nf; i++) {
        const char *s = i < 0 ? type : f[i];
        if (!ascii(s)) diag_fail(d, n->line, n->col, "namedtuple(): kiln takes ASCII names ('%s')", s);
        if (!identifier(s)) diag_fail(d, n->line, n->col, "Type names and field names must be valid identifiers: '%s'", s);
        if (py_keyword(s)) diag_fail(d, n->line, n->col, "Type names and field names cannot be a keyword: '%s'", s);
        if (i < 0) continue;
        if (s[0] == '_' && !rename) diag_fail(d, n->line, n->col, "Field names cannot start with an underscore: '%s'", s);
        for (int j = 0; j < i; j++)
            if (!strcmp(f[j], s)) diag_fail(d, n->line, n->col, "Encountered duplicate field name: '%s'", s);
    }
}

/* a Numba type expression (types.int64[:], types.UniTuple(types.int64, 2), numba.types.float64): its root name is
 * bound to numba by an import */
static bool numba_type(kiln_module *m, Node *n) {
    while (n->kind == N_ATTR || n->kind == N_CALL || n->kind == N_SUBSCR) n = n->a;
    const char *t = n->kind == N_NAME && !jit_lit_lookup(m, n->name) ? ast_binding(m->ast, n->name) : NULL;
    return t && !strncmp(t, "numba", 5) && (!t[5] || t[5] == '.') && strcmp(t, "numba.typed.List") && strcmp(t, "numba.typed.Dict");
}

/* Point = namedtuple('Point', 'x y', rename=False, defaults=None, module=None): a class (T_CLASS) */
static Lit *namedtuple_class(kiln_module *m, Node *n, Diag *d) {
    Node *arg[5] = {0};
    static const char *const params[] = {"typename", "field_names", "rename", "defaults", "module"};
    if (n->nkids > 2) diag_fail(d, n->line, n->col, "namedtuple() takes 2 positional arguments but %d were given", n->nkids);
    for (int i = 0; i < n->nkids; i++) arg[i] = n->kids[i];
    for (int k = 0; k < n->nkids2; k++) {
        int j = 0;
        while (j < 5 && strcmp(params[j], n->names[k])) j++;
        if (j == 5) diag_fail(d, n->kids2[k]->line, n->kids2[k]->col, "namedtuple() got an unexpected keyword argument '%s'", n->names[k]);
        if (arg[j]) diag_fail(d, n->kids2[k]->line, n->kids2[k]->col, "namedtuple() got multiple values for argument '%s'", params[j]);
        arg[j] = n->kids2[k];
    }
    if (!arg[0] || !arg[1])
        diag_fail(d, n->line, n->col, "namedtuple() missing required argument: '%s'", arg[0] ? "field_names" : "typename");
    Lit *tn = jit_lit_eval(m, arg[0], d);
    if (!tn || tn->ty->kind != T_STR) diag_fail(d, arg[0]->line, arg[0]->col, "namedtuple(): the type name must be a string written here");
    const char *fields[TY_TUPLE_MAX];
    int nf = field_names(m, arg[1], d, fields);
    if (nf < 0) return NULL;
    bool rename = false;
    if (arg[2]) {
        Lit *r = jit_lit_eval(m, arg[2], d);
        if (!r || r->ty->kind != T_SCALAR || r->ty->dtype != KILN_BOOL) diag_fail(d, arg[2]->line, arg[2]->col, "namedtuple(): rename= must be True or False");
        rename = r->v.i != 0;
    }
    char renamed[TY_TUPLE_MAX][8];
    check_names(n, d, tn->ty->text, fields, nf, rename, renamed);
    Lit *defs = NULL;
    int nd = 0;
    if (arg[3] && arg[3]->kind != N_NONE) { /* a display of constants, each its own type (a list of them need not have one) */
        Node *dn = arg[3];
        if (dn->kind != N_TUPLE && dn->kind != N_LIST)
            diag_fail(d, dn->line, dn->col, "namedtuple(): defaults= must be a tuple or a list written here");
        nd = dn->nkids;
        if (nd > nf) diag_fail(d, dn->line, dn->col, "Got more default values than field names");
        if (!(defs = arena_alloc(&m->arena, sizeof(Lit) * (size_t)(nd ? nd : 1)))) return NULL;
        for (int i = 0; i < nd; i++) {
            Lit *e = jit_lit_eval(m, dn->kids[i], d);
            if (!e) return NULL;
            if (e->ty->kind == T_ARRAY) diag_fail(d, dn->kids[i]->line, dn->kids[i]->col, "an array constant cannot be a default");
            defs[i] = *e;
        }
    }
    const TyNames *names = ty_names(&m->ctx->types, tn->ty->text, fields, nf);
    const Type *cls = names ? ty_class(&m->ctx->types, names, defs, nd) : NULL;
    return cls ? mk(m, cls) : NULL;
}

/* Point(1, y=2) of a class defined above: a named tuple constant */
static Lit *named_tuple(kiln_module *m, Node *n, const Type *cls, Diag *d) {
    Node *arg[TY_TUPLE_MAX], *at = n;
    char msg[300];
    if (nt_bind(cls, n, arg, &at, msg, sizeof msg)) diag_fail(d, at->line, at->col, "%s", msg);
    int nf = cls->names->n;
    Lit *el = arena_alloc(&m->arena, sizeof(Lit) * (size_t)(nf ? nf : 1));
    const Type *ts[TY_TUPLE_MAX];
    if (!el) return NULL;
    for (int i = 0; i < nf; i++) {
        const Lit *e = arg[i] ? jit_lit_eval(m, arg[i], d) : &((const Lit *)cls->aux)[i - (nf - cls->ndefaults)];
        if (!e) return NULL;
        if (e->ty->kind == T_ARRAY) diag_fail(d, arg[i]->line, arg[i]->col, "an array constant cannot be inside a tuple");
        el[i] = *e;
        ts[i] = e->ty;
    }
    Lit *l = mk(m, ty_named_tuple(&m->ctx->types, cls->names, ts, nf));
    if (l) l->elems = el;
    return l;
}

/* a ⊕ b of two constant numbers (bools as ints), as CPython computes them where kiln's 64-bit ints and doubles give its
 * answer exactly: + - * of ints (an overflow is an error here, not a wrap), / (ints below 2**53: one correctly rounded
 * division, as CPython's), // and % of ints (floor), ** of an int and a non-negative int; + - * / of floats. NULL: not one
 * of these (the caller's error) */
static Lit *fold_binary(kiln_module *m, Node *n, Lit *a, Lit *b, Diag *d) {
    TypeTab *tt = &m->ctx->types;
    if (a->ty->kind != T_SCALAR || b->ty->kind != T_SCALAR || dt_is_complex(a->ty->dtype) || dt_is_complex(b->ty->dtype)) return NULL;
    bool ints = a->ty->dtype != KILN_FLOAT64 && b->ty->dtype != KILN_FLOAT64;
    int64_t x = a->v.i, y = b->v.i, r = 0;
    double fx = a->ty->dtype == KILN_FLOAT64 ? a->v.f : (double)a->v.i, fy = b->ty->dtype == KILN_FLOAT64 ? b->v.f : (double)b->v.i;
    bool big = (a->ty->dtype != KILN_FLOAT64 && (x > (1LL << 53) || x < -(1LL << 53))) ||
               (b->ty->dtype != KILN_FLOAT64 && (y > (1LL << 53) || y < -(1LL << 53)));
    Lit *l;
    if (n->op == TK_SLASH || !ints) {
        if (big) return NULL; /* an int past 2**53 is rounded on its way to a float: CPython's exact division not mirrored */
        double v;
        switch (n->op) {
        case TK_PLUS: v = fx + fy; break;
        case TK_MINUS: v = fx - fy; break;
        case TK_STAR: v = fx * fy; break;
        case TK_SLASH:
            if (fy == 0) diag_fail(d, n->line, n->col, "%s division by zero", ints ? "division" : "float");
            v = fx / fy;
            break;
        default: return NULL;
        }
        if ((l = mk(m, ty_scalar(tt, KILN_FLOAT64, true)))) l->v.f = v;
        return l;
    }
    bool over = false;
    switch (n->op) {
    case TK_PLUS: over = __builtin_add_overflow(x, y, &r); break;
    case TK_MINUS: over = __builtin_sub_overflow(x, y, &r); break;
    case TK_STAR: over = __builtin_mul_overflow(x, y, &r); break;
    case TK_FLOORDIV: case TK_PERCENT:
        if (y == 0) diag_fail(d, n->line, n->col, "integer %s by zero", n->op == TK_FLOORDIV ? "division" : "modulo");
        if (x == INT64_MIN && y == -1) { over = true; break; }
        r = n->op == TK_FLOORDIV ? x / y - ((x % y != 0) && ((x < 0) != (y < 0))) : x % y + ((x % y != 0) && ((x < 0) != (y < 0)) ? y : 0);
        break;
    case TK_POW: /* by squaring: at most 64 steps, whatever y is */
        if (y < 0) return NULL;
        r = 1;
        for (int64_t base = x, e = y; e && !over; e >>= 1) {
            if (e & 1) over = __builtin_mul_overflow(r, base, &r);
            if (e > 1 && !over) over = __builtin_mul_overflow(base, base, &base);
        }
        break;
    default: return NULL;
    }
    if (over) diag_fail(d, n->line, n->col, "this constant does not fit kiln's 64-bit ints");
    if ((l = mk(m, ty_scalar(tt, KILN_INT64, true)))) l->v.i = r;
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
        { /* arithmetic of constants: DT = 1.0 / 60, N2 = N * 2 */
            Lit *a = jit_lit_eval(m, n->a, d), *b = a ? jit_lit_eval(m, n->b, d) : NULL;
            if (!a || !b) return NULL;
            if ((l = fold_binary(m, n, a, b, d))) return l;
        }
        break;
    case N_SUBSCR: { /* an item of a constant tuple: LIMITS[0] */
        if (numba_type(m, n)) goto nbtype;
        Lit *t = jit_lit_eval(m, n->a, d);
        if (!t) return NULL;
        if (t->ty->kind == T_TUPLE && !ty_is_optional(t->ty) && n->nkids == 1 && n->kids[0]->kind != N_SLICE) {
            Lit *i = jit_lit_eval(m, n->kids[0], d);
            if (!i) return NULL;
            if (i->ty->kind == T_SCALAR && dt_is_intlike(i->ty->dtype)) {
                int64_t k = i->v.i < 0 ? i->v.i + t->ty->n : i->v.i;
                if (k < 0 || k >= t->ty->n) diag_fail(d, n->line, n->col, "tuple index out of range");
                return &t->elems[k];
            }
        }
        break;
    }
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
        if (numba_type(m, n)) goto nbtype;
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
        if (numba_type(m, n)) goto nbtype;
        if (n->a->kind == N_NAME && !strcmp(n->a->name, "complex") && !jit_lit_lookup(m, "complex")) return complex_call(m, n, d);
        if (is_namedtuple(m, n->a)) return namedtuple_class(m, n, d);
        if (n->a->kind == N_NAME || (n->a->kind == N_CALL && is_namedtuple(m, n->a->a))) { /* Point(1, 2), namedtuple(...)(1, 2) */
            Lit *c = n->a->kind == N_NAME ? jit_lit_lookup(m, n->a->name) : namedtuple_class(m, n->a, d);
            if (c && c->ty->kind == T_CLASS) return named_tuple(m, n, c->ty, d);
        }
        if (n->a->kind == N_ATTR && n->a->a->kind == N_NAME && m->ast->np_alias && !strcmp(n->a->a->name, m->ast->np_alias)) {
            bool ok;
            kiln_dtype dt = np_dtype(n->a->name, &ok);
            if (ok) return np_scalar(m, n, d, dt);
            if (!strcmp(n->a->name, "array") || !strcmp(n->a->name, "asarray")) return np_array(m, n, d);
        }
        break;
    default: break;
    }
    if (0) {
    nbtype: /* kept as written: lowering reads it where a typed container takes a type */
        if ((l = mk(m, &tt->nbtype))) l->node = n;
        return l;
    }
    diag_fail(d, n->line, n->col, "a module constant or default value must be a literal (a number, a string), arithmetic of "
              "constants (+ - * / of numbers, // %% ** of ints), an item of a constant tuple, a tuple of these, None, a dtype, "
              "a NumPy scalar (np.float32(0.5)) or, for a module constant, np.array(a tuple)");
}
