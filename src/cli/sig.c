/*
 * sig.c — signatures on the command line (kiln warm, kiln aot), Numba's
 * syntax where it has one (docs/cli.md):
 *   int float complex bool           Python scalars (NumPy 2's weak scalars)
 *   i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 c64 c128 b1 (or int64, float32, ...)
 *                                    NumPy scalars
 *   f64[::1]  f64[:, ::1]            C-contiguous arrays (what np.zeros makes)
 *   f64[:]    f64[:, :]              arrays of any layout (strided views)
 *   (i64, f64[::1])                  tuples;  none   None
 *   f64[8, 8]                        a C-contiguous array of these lengths (for --static-shapes)
 *   k=10                             a static argument: parameter k, this value (any literal kiln run
 *                                    reads), compiled as a constant (docs/specialization.md)
 * Each argument type becomes a value of that type (arrays: shape 2 per axis unless given, no data
 * read) that kiln_compile specializes on.
 */
#include "cli.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct SP { const char *p; ValPool *pool; char err[200]; int depth; bool lengths; } SP;

static void ws(SP *s) { while (isspace((unsigned char)*s->p)) s->p++; }

static const struct { const char *a, *b; kiln_dtype t; } dtypes[] = {
    {"b1", "bool_", KILN_BOOL}, {"i8", "int8", KILN_INT8}, {"i16", "int16", KILN_INT16}, {"i32", "int32", KILN_INT32},
    {"i64", "int64", KILN_INT64}, {"u8", "uint8", KILN_UINT8}, {"u16", "uint16", KILN_UINT16}, {"u32", "uint32", KILN_UINT32},
    {"u64", "uint64", KILN_UINT64}, {"f32", "float32", KILN_FLOAT32}, {"f64", "float64", KILN_FLOAT64},
    {"c64", "complex64", KILN_COMPLEX64}, {"c128", "complex128", KILN_COMPLEX128},
};

static int word(SP *s, char *w, size_t cap) {
    size_t n = 0;
    while ((isalnum((unsigned char)*s->p) || *s->p == '_') && n + 1 < cap) w[n++] = *s->p++;
    w[n] = 0;
    return (int)n;
}

static void *alloc(SP *s, size_t n) { return cli_pool_add(s->pool, calloc(1, n)); }

/* "[8, 8]": rank and lengths (a C-contiguous array) */
static int lengths(SP *s, int *ndim, int64_t *len) {
    s->p++; /* [ */
    *ndim = 0;
    for (;;) {
        ws(s);
        if (!isdigit((unsigned char)*s->p)) return snprintf(s->err, sizeof s->err, "expected a length in '[8, 8]'"), -1;
        char *end;
        long long v = strtoll(s->p, &end, 10);
        if (v > ((int64_t)1 << 40)) return snprintf(s->err, sizeof s->err, "a length over 2**40"), -1;
        s->p = end;
        if (*ndim >= KILN_MAXDIM) return snprintf(s->err, sizeof s->err, "more than %d dimensions", KILN_MAXDIM), -1;
        len[(*ndim)++] = v;
        ws(s);
        if (*s->p == ']') { s->p++; return 0; }
        if (*s->p != ',') return snprintf(s->err, sizeof s->err, "expected ',' or ']' in an array type"), -1;
        s->p++;
    }
}

/* "[:, ::1]": rank and layout */
static int dims(SP *s, int *ndim, bool *c) {
    s->p++; /* [ */
    *ndim = 0; *c = false;
    for (;;) {
        ws(s);
        if (*s->p != ':') return snprintf(s->err, sizeof s->err, "expected ':' in an array type"), -1;
        s->p++;
        bool last_c = false;
        if (*s->p == ':') { s->p++; if (*s->p != '1') return snprintf(s->err, sizeof s->err, "expected '::1'"), -1; s->p++; last_c = true; }
        (*ndim)++;
        ws(s);
        if (*s->p == ']') { s->p++; *c = last_c; return 0; }
        if (last_c) return snprintf(s->err, sizeof s->err, "'::1' must be the last axis"), -1;
        if (*s->p != ',') return snprintf(s->err, sizeof s->err, "expected ',' or ']' in an array type"), -1;
        s->p++;
        if (*ndim >= KILN_MAXDIM) return snprintf(s->err, sizeof s->err, "more than %d dimensions", KILN_MAXDIM), -1;
    }
}

static int type(SP *s, kiln_value *out);

static int tuple(SP *s, kiln_value *out) {
    if (++s->depth > CLI_NEST_MAX) return snprintf(s->err, sizeof s->err, "tuples nested too deeply (more than 32)"), -1;
    s->p++;
    kiln_value items[CLI_TUPLE_MAX];
    int n = 0;
    ws(s);
    while (*s->p != ')') {
        if (n == CLI_TUPLE_MAX || type(s, &items[n])) return n == CLI_TUPLE_MAX ? (snprintf(s->err, sizeof s->err, "tuple too long"), -1) : -1;
        n++;
        ws(s);
        if (*s->p == ',') { s->p++; ws(s); }
        else if (*s->p != ')') return snprintf(s->err, sizeof s->err, "expected ',' or ')' in a tuple"), -1;
    }
    s->p++;
    s->depth--;
    kiln_value *v = alloc(s, sizeof(kiln_value) * (size_t)(n ? n : 1));
    if (!v) return snprintf(s->err, sizeof s->err, "out of memory"), -1;
    memcpy(v, items, sizeof(kiln_value) * (size_t)n);
    memset(out, 0, sizeof *out);
    out->kind = KILN_TUPLE; out->n = n; out->v.items = v;
    return 0;
}

static int type(SP *s, kiln_value *out) {
    ws(s);
    if (*s->p == '(') return tuple(s, out);
    char w[32];
    if (!word(s, w, sizeof w)) return snprintf(s->err, sizeof s->err, "expected a type at '%.20s'", s->p), -1;
    if (!strcmp(w, "int")) { *out = kiln_int(0); return 0; }
    if (!strcmp(w, "float")) { *out = kiln_float(0); return 0; }
    if (!strcmp(w, "complex")) { *out = kiln_complex(0, 0); return 0; }
    if (!strcmp(w, "bool")) { *out = kiln_bool(0); return 0; }
    if (!strcmp(w, "none") || !strcmp(w, "None")) { *out = kiln_none(); return 0; }
    for (size_t i = 0; i < sizeof dtypes / sizeof *dtypes; i++) {
        if (strcmp(w, dtypes[i].a) && strcmp(w, dtypes[i].b)) continue;
        ws(s);
        if (*s->p != '[') { uint8_t zero[16] = {0}; *out = kiln_scalar(dtypes[i].t, zero); return 0; }
        int nd;
        bool c = true, given;
        int64_t len[KILN_MAXDIM];
        const char *q = s->p + 1;
        while (isspace((unsigned char)*q)) q++;
        if ((given = isdigit((unsigned char)*q)) ? lengths(s, &nd, len) : dims(s, &nd, &c)) return -1;
        kiln_array *a = alloc(s, sizeof *a);
        if (!a) return snprintf(s->err, sizeof s->err, "out of memory"), -1;
        /* shape 2 per axis unless given; strides contiguous, or doubled when any layout is asked for */
        int64_t item = (int64_t)kiln_dtype_size(dtypes[i].t), st = c ? item : 2 * item;
        a->data = a; a->dtype = dtypes[i].t; a->ndim = nd;
        for (int k = nd - 1; k >= 0; k--) { a->shape[k] = given ? len[k] : 2; a->strides[k] = st; st *= a->shape[k]; }
        s->lengths = given;
        *out = kiln_arr(a);
        return 0;
    }
    return snprintf(s->err, sizeof s->err, "unknown type '%s'", w), -1;
}

/* "k=10": a static argument's name and value (the literal up to the next ',' or ')' outside brackets) */
static int named(SP *s, const char **name, kiln_value *out) {
    const char *p = s->p;
    while (isalnum((unsigned char)*p) || *p == '_') p++;
    size_t n = (size_t)(p - s->p);
    char *nm = alloc(s, n + 1);
    if (!nm) return snprintf(s->err, sizeof s->err, "out of memory"), -1;
    memcpy(nm, s->p, n);
    *name = nm;
    s->p = p + 1; /* past '=' */
    int depth = 0;
    char quote = 0;
    for (p = s->p; *p && (quote || depth || (*p != ',' && *p != ')')); p++) {
        if (quote) { if (*p == '\\' && p[1]) p++; else if (*p == quote) quote = 0; continue; }
        if (*p == '\'' || *p == '"') quote = *p;
        else if (*p == '(' || *p == '[') depth++;
        else if (*p == ')' || *p == ']') depth--;
    }
    char *lit = alloc(s, (size_t)(p - s->p) + 1);
    if (!lit) return snprintf(s->err, sizeof s->err, "out of memory"), -1;
    memcpy(lit, s->p, (size_t)(p - s->p));
    s->p = p;
    kiln_error e;
    if (cli_value(lit, out, s->pool, &e, false)) return snprintf(s->err, sizeof s->err, "%.40s=%.40s: %.100s", nm, lit, e.message), -1;
    if (out->kind != KILN_SCALAR && out->kind != KILN_NONE && out->kind != KILN_TUPLE && out->kind != KILN_STR)
        return snprintf(s->err, sizeof s->err, "%.40s=%.40s: a static value is a number, a string, a bool, None or a tuple of them",
                        nm, lit), -1;
    return 0;
}

static bool at_name_eq(const char *p) {
    if (!isalpha((unsigned char)*p) && *p != '_') return false;
    while (isalnum((unsigned char)*p) || *p == '_') p++;
    return p[0] == '=' && p[1] != '=';
}

/* "f(f64[::1], i64)" into the function's name and a value of each argument type */
int cli_parse_sig(const char *text, char *name, size_t cap, kiln_value *args, int *nargs, ValPool *pool, char *err, size_t ecap,
                  SigExtra *extra) {
    SP s = {text, pool, "", 0, false};
    if (extra) memset(extra, 0, sizeof *extra);
    ws(&s);
    if (!word(&s, name, cap)) { snprintf(err, ecap, "a signature starts with the function's name"); return -1; }
    ws(&s);
    if (*s.p != '(') { snprintf(err, ecap, "expected '(' after %s", name); return -1; }
    s.p++;
    *nargs = 0;
    ws(&s);
    while (*s.p != ')') {
        bool nm = at_name_eq(s.p);
        if (nm && !extra) { snprintf(err, ecap, "a static argument (NAME=VALUE) is not taken here"); return -1; }
        s.lengths = false;
        if (*nargs == CLI_SIG_ARGS || (nm ? named(&s, &extra->names[*nargs], &args[*nargs]) : type(&s, &args[*nargs]))) {
            snprintf(err, ecap, "%s", s.err[0] ? s.err : "too many arguments");
            return -1;
        }
        if (extra) extra->lengths[*nargs] = s.lengths;
        (*nargs)++;
        ws(&s);
        if (*s.p == ',') s.p++;
        else if (*s.p != ')') { snprintf(err, ecap, "expected ',' or ')' at '%.20s'", s.p); return -1; }
        ws(&s);
    }
    s.p++;
    ws(&s);
    if (*s.p) { snprintf(err, ecap, "unexpected '%.20s' after the signature", s.p); return -1; }
    return 0;
}


int cli_sig_bind(kiln_func *f, kiln_value *args, int *nargs, const SigExtra *x, bool static_shapes, char *err, size_t cap) {
    int np = kiln_func_nparams(f), n = *nargs, pos = 0, top = 0;
    kiln_value out[CLI_SIG_ARGS];
    bool set[CLI_SIG_ARGS] = {0}, lens[CLI_SIG_ARGS] = {0};
    if (n > np) return 0; /* kiln_compile says so, as for any call */
    kiln_func_set_static(f, -1, 0); /* this signature's, not an earlier one's */
    kiln_func_set_static_shape(f, -1, 0);
    for (int k = 0; k < np; k++) kiln_func_set_static(f, k, 0);
    for (int i = 0; i < n; i++) {
        if (x->names[i]) continue;
        if (i > pos) return snprintf(err, cap, "a type after a static value (NAME=VALUE goes last)"), -1;
        out[pos] = args[i]; lens[pos] = x->lengths[i]; set[pos++] = true;
    }
    top = pos;
    for (int i = 0; i < n; i++) {
        if (!x->names[i]) continue;
        int k = kiln_func_param_index(f, x->names[i]);
        if (k < 0) return snprintf(err, cap, "%s() has no parameter '%s'", kiln_func_name(f), x->names[i]), -1;
        if (set[k]) return snprintf(err, cap, "%s() got multiple values for '%s'", kiln_func_name(f), x->names[i]), -1;
        out[k] = args[i]; set[k] = true;
        kiln_func_set_static(f, k, 1);
        if (k + 1 > top) top = k + 1;
    }
    for (int k = 0; k < top; k++)
        if (!set[k]) return snprintf(err, cap, "%s(): no type or value for parameter '%s' (before one given by name)", kiln_func_name(f),
                                     kiln_func_param(f, k)), -1;
    for (int k = 0; static_shapes && k < top; k++) {
        if (out[k].kind != KILN_ARRAY) continue;
        if (!lens[k]) return snprintf(err, cap, "--static-shapes: give the lengths of '%s', as %s[8, 8]", kiln_func_param(f, k),
                                      kiln_dtype_name(out[k].v.arr->dtype)), -1;
        kiln_func_set_static_shape(f, k, KILN_ALL_AXES);
    }
    memcpy(args, out, sizeof(kiln_value) * (size_t)top);
    *nargs = top;
    return 0;
}
