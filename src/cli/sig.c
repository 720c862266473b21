/*
 * sig.c — signatures on the command line (kiln warm, kiln aot), Numba's
 * syntax where it has one (docs/cli.md):
 *   int float complex bool           Python scalars (NumPy 2's weak scalars)
 *   i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 c64 c128 b1 (or int64, float32, ...)
 *                                    NumPy scalars
 *   f64[::1]  f64[:, ::1]            C-contiguous arrays (what np.zeros makes)
 *   f64[:]    f64[:, :]              arrays of any layout (strided views)
 *   (i64, f64[::1])                  tuples;  none   None
 * Each argument type becomes a value of that type (arrays: shape 2 per axis,
 * no data read) that kiln_compile specializes on.
 */
#include "cli.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct SP { const char *p; ValPool *pool; char err[200]; int depth; } SP;

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
        bool c;
        if (dims(s, &nd, &c)) return -1;
        kiln_array *a = alloc(s, sizeof *a);
        if (!a) return snprintf(s->err, sizeof s->err, "out of memory"), -1;
        /* shape 2 per axis; strides contiguous, or doubled when any layout is asked for */
        int64_t item = (int64_t)kiln_dtype_size(dtypes[i].t), st = c ? item : 2 * item;
        a->data = a; a->dtype = dtypes[i].t; a->ndim = nd;
        for (int k = nd - 1; k >= 0; k--) { a->shape[k] = 2; a->strides[k] = st; st *= 2; }
        *out = kiln_arr(a);
        return 0;
    }
    return snprintf(s->err, sizeof s->err, "unknown type '%s'", w), -1;
}

/* "f(f64[::1], i64)" into the function's name and a value of each argument type */
int cli_parse_sig(const char *text, char *name, size_t cap, kiln_value *args, int *nargs, ValPool *pool, char *err, size_t ecap) {
    SP s = {text, pool, "", 0};
    ws(&s);
    if (!word(&s, name, cap)) { snprintf(err, ecap, "a signature starts with the function's name"); return -1; }
    ws(&s);
    if (*s.p != '(') { snprintf(err, ecap, "expected '(' after %s", name); return -1; }
    s.p++;
    *nargs = 0;
    ws(&s);
    while (*s.p != ')') {
        if (*nargs == CLI_SIG_ARGS || type(&s, &args[*nargs])) { snprintf(err, ecap, "%s", s.err[0] ? s.err : "too many arguments"); return -1; }
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

